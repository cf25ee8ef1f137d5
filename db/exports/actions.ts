// Actions for a spreadsheet: the list as filtered on screen to Excel (.xlsx) or CSV, and the
// « plan d'actions », one sheet per chantier. The same columns serve the import
// (db/exports/import.ts), so that an exported file can be imported back.
import {
  ACTION_STATUS_LABELS,
  COOPERATION_FORM_LABELS,
  FINALITE_LABELS,
  PRIORITY_LABELS,
  type ActionStatus,
  type CooperationForm,
  type Finalite,
  type Priority,
} from '../../common/vocabulary';
import { shortFrenchDate } from '../../common/french';
import { queryActions } from '../actions/reads';
import type { ActionQuery } from '../actions/types';
import { listPartners } from '../people/reads';
import type { Partner } from '../people/types';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { csvBytes, type CsvValue } from './csv';
import { addTableSheet, excelDate, newWorkbook, workbookBytes, type CellValue, type TableWorkbook } from './sheet';

/** An action as a line of the export. */
export interface ActionExportRow {
  id: string;
  /** « 4.2 »: chantier 4, its action 2; the chantier's number alone for an action without a number. */
  reference: string;
  chantier_id: string;
  chantier_number: number;
  chantier_title: string;
  title: string;
  status: ActionStatus | null;
  priority: Priority | null;
  /** The pilote's name by partner id. */
  pilots: Record<string, string>;
  start_date: string | null;
  end_date: string | null;
  progress: number;
  late: boolean;
  finalites: Finalite[];
  cooperation_form: CooperationForm | null;
  to_arbitrate: boolean;
  description: string | null;
}

/** The actions of a query (the filter of the Actions screen), in its order, with every field a spreadsheet shows. */
export function actionExportRows(store: Store, query: ActionQuery, day?: string): ActionExportRow[] {
  const rows = queryActions(store, query, day);
  const extras = new Map(
    (
      cached(
        store,
        `SELECT a.id, a.description, a.finalites, a.cooperation_form, a.to_arbitrate, c.title AS chantier_title
         FROM action a JOIN chantier c ON c.id = a.chantier_id WHERE a.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(rows.map((row) => row.id))) as {
        id: string;
        description: string | null;
        finalites: string | null;
        cooperation_form: CooperationForm | null;
        to_arbitrate: number | null;
        chantier_title: string;
      }[]
    ).map((extra) => [extra.id, extra]),
  );
  return rows.map((row) => {
    const extra = extras.get(row.id)!;
    return {
      id: row.id,
      reference: row.reference,
      chantier_id: row.chantier_id,
      chantier_number: row.chantier_number,
      chantier_title: extra.chantier_title,
      title: row.title,
      status: row.status,
      priority: row.priority,
      pilots: Object.fromEntries(row.pilots.filter((pilot) => pilot.person_name).map((pilot) => [pilot.partner_id, pilot.person_name!])),
      start_date: row.start_date,
      end_date: row.end_date,
      progress: row.progress,
      late: row.late,
      finalites: extra.finalites ? (JSON.parse(extra.finalites) as Finalite[]) : [],
      cooperation_form: extra.cooperation_form,
      to_arbitrate: extra.to_arbitrate === 1,
      description: extra.description,
    };
  });
}

/** The action's fields a column can be imported into; the pilotes' columns are `pilot:<partner id>`. */
export const ACTION_IMPORT_FIELDS = [
  'chantier',
  'title',
  'status',
  'priority',
  'start_date',
  'end_date',
  'progress',
  'finalites',
  'cooperation_form',
  'to_arbitrate',
  'description',
] as const;

/** What a column holds for the import: a field of the action, or a partner's pilote. */
export type ImportField = (typeof ACTION_IMPORT_FIELDS)[number] | `pilot:${string}`;

export interface ActionColumn {
  /** Null: shown, not imported (the reference is given anew, « en retard » is computed). */
  field: ImportField | null;
  /** The header in Excel; the CSV's when it differs. */
  header: string;
  csvHeader?: string;
  width: number;
  xlsx: (row: ActionExportRow) => CellValue;
  csv: (row: ActionExportRow) => CsvValue;
  numFmt?: string;
  wrap?: boolean;
}

const csvDate = (day: string | null) => (day ? shortFrenchDate(day) : null);
const same = (value: (row: ActionExportRow) => string | null) => ({ xlsx: value, csv: value });

/** The columns, the pilotes' one per partner (by position). */
export function actionColumns(partners: Partner[]): ActionColumn[] {
  return [
    { field: null, header: 'Référence', width: 11, ...same((row) => row.reference) },
    { field: 'chantier', header: 'Chantier', width: 34, wrap: true, ...same((row) => `${row.chantier_number}. ${row.chantier_title}`) },
    { field: 'title', header: 'Titre', width: 50, wrap: true, ...same((row) => row.title) },
    { field: 'status', header: 'Statut', width: 13, ...same((row) => (row.status ? ACTION_STATUS_LABELS[row.status] : null)) },
    { field: 'priority', header: 'Priorité', width: 11, ...same((row) => (row.priority ? PRIORITY_LABELS[row.priority] : null)) },
    ...partners.map((partner): ActionColumn => ({
      field: `pilot:${partner.id}`,
      header: `Pilote ${partner.short_name}`,
      width: 24,
      ...same((row) => row.pilots[partner.id] ?? null),
    })),
    { field: 'start_date', header: 'Début', width: 12, numFmt: 'dd/mm/yyyy', xlsx: (row) => excelDate(row.start_date), csv: (row) => csvDate(row.start_date) },
    { field: 'end_date', header: 'Échéance', width: 12, numFmt: 'dd/mm/yyyy', xlsx: (row) => excelDate(row.end_date), csv: (row) => csvDate(row.end_date) },
    // A real percentage in Excel (0,4 shown « 40 % »); in CSV the number of points, which no reader can take for a date or a text.
    {
      field: 'progress',
      header: 'Avancement',
      csvHeader: 'Avancement (%)',
      width: 12,
      numFmt: '0%',
      xlsx: (row) => row.progress / 100,
      csv: (row) => row.progress,
    },
    { field: null, header: 'En retard', width: 10, ...same((row) => (row.late ? 'Oui' : 'Non')) },
    { field: 'finalites', header: 'Finalités', width: 32, wrap: true, ...same((row) => row.finalites.map((code) => FINALITE_LABELS[code]).join('\n') || null) },
    {
      field: 'cooperation_form',
      header: 'Forme de coopération',
      width: 24,
      wrap: true,
      ...same((row) => (row.cooperation_form ? COOPERATION_FORM_LABELS[row.cooperation_form] : null)),
    },
    { field: 'to_arbitrate', header: 'À arbitrer', width: 10, ...same((row) => (row.to_arbitrate ? 'Oui' : null)) },
    { field: 'description', header: 'Description', width: 60, wrap: true, ...same((row) => row.description) },
  ];
}

/** A sheet of actions: the Excel value of each column. */
function addActionSheet(workbook: TableWorkbook, name: string, columns: ActionColumn[], rows: ActionExportRow[]): void {
  addTableSheet(
    workbook,
    name,
    columns.map((column) => ({ ...column, value: column.xlsx })),
    rows,
  );
}

export const ACTIONS_WORKBOOK_TITLE = 'Actions';
export const PLAN_WORKBOOK_TITLE = "Plan d'actions";

/** The actions of a query as an Excel workbook of one sheet « Actions ». `subject` says which actions, in French. */
export async function actionsXlsx(store: Store, query: ActionQuery, options: { subject?: string; day?: string } = {}): Promise<Buffer> {
  const workbook = newWorkbook(ACTIONS_WORKBOOK_TITLE, options.subject ?? 'Toutes les actions');
  addActionSheet(workbook, 'Actions', actionColumns(listPartners(store)), actionExportRows(store, query, options.day));
  return workbookBytes(workbook);
}

/** The actions of a query as a CSV file that Excel in French opens as is. */
export function actionsCsv(store: Store, query: ActionQuery, day?: string): Buffer {
  const columns = actionColumns(listPartners(store));
  return csvBytes(
    columns.map((column) => column.csvHeader ?? column.header),
    actionExportRows(store, query, day).map((row) => columns.map((column) => column.csv(row))),
  );
}

/** Characters Excel refuses in a sheet's name, and its length limit. */
const SHEET_FORBIDDEN = /[\\/?*[\]:]/g;
const SHEET_MAX = 31;

/** A chantier's sheet name: « 4. Les ressources humaines », within Excel's 31 characters, forbidden ones replaced, unique in the workbook. */
export function sheetName(number: number, title: string, taken: Set<string>): string {
  const clean = `${number}. ${title}`.replace(SHEET_FORBIDDEN, '-').replace(/\s+/g, ' ');
  let name = clean.length > SHEET_MAX ? `${clean.slice(0, SHEET_MAX - 1).trimEnd()}…` : clean;
  // Excel compares sheet names without case; an apostrophe may not end one.
  name = name.replace(/'+$/, '');
  for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${clean.slice(0, SHEET_MAX - 1 - String(suffix).length).trimEnd()}…${suffix}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The plan d'actions: one sheet per chantier (by number), each with its actions (a chantier without action has its sheet, empty). */
export async function planXlsx(store: Store, options: { day?: string } = {}): Promise<Buffer> {
  const workbook = newWorkbook(PLAN_WORKBOOK_TITLE, 'Toutes les actions, par chantier');
  const columns = actionColumns(listPartners(store));
  const rows = actionExportRows(store, {}, options.day);
  const chantiers = cached(store, 'SELECT id, number, title FROM chantier WHERE deleted = 0 ORDER BY number, id').all() as {
    id: string;
    number: number;
    title: string;
  }[];
  const taken = new Set<string>();
  for (const chantier of chantiers) {
    addActionSheet(
      workbook,
      sheetName(chantier.number, chantier.title, taken),
      columns,
      rows.filter((row) => row.chantier_id === chantier.id),
    );
  }
  // A cooperation without chantier yet: a workbook needs a sheet, or Excel calls it damaged.
  if (chantiers.length === 0) addActionSheet(workbook, PLAN_WORKBOOK_TITLE, columns, []);
  return workbookBytes(workbook);
}
