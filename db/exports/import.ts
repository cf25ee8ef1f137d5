// Importing a plan d'actions kept in a spreadsheet (.xlsx, or CSV from Excel or
// LibreOffice): each column mapped to a field of the action (proposed from its French
// header), each line checked and shown with its errors, then, once confirmed, every
// action checked as createAction checks it, all written together: ordinary changes that sync.
// All or nothing: a file with one refused line writes nothing, so that the user corrects
// the file and imports it again without finding half of it already in (and duplicated).
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
import { newActionEdits } from '../actions/writes';
import { pilotEdits } from '../actions/pilots';
import { nextActionNumber } from '../actions/references';
import type { NewAction } from '../actions/types';
import { refusal, UserError } from '../errors';
import { createPerson } from '../people/writes';
import { listPartners } from '../people/reads';
import type { Partner } from '../people/types';
import { ENTITIES, isoDate } from '../store/schema';
import { validatePatch } from '../store/rows';
import type { Edit, Store } from '../store/store';
import { decodeText, parseCsv, unguarded } from './csv';
import { ACTION_IMPORT_FIELDS, type ImportField } from './actions';
import { readWorkbook, type XlsxSheet } from './xlsx-reader';

type Cell = string | number | Date | null;

/** A sheet of the file (the CSV's only one): its header and its lines, numbered as the spreadsheet numbers them. */
export interface Table {
  sheet: string | null;
  header: string[];
  lines: { line: number; cells: Cell[] }[];
}

/** Texts already normalized: a file of 10 000 lines repeats its statuts, chantiers and pilotes, and the labels they are compared with. */
const normalized = new Map<string, string>();

/** Lower case, without accents, punctuation or extra spaces: « Échéance », « ECHEANCE » and « échéance : » compare equal. */
export function normalize(text: string): string {
  let key = normalized.get(text);
  if (key === undefined) {
    key = text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’']/g, ' ')
      .replace(/[^\p{L}\p{N}%]+/gu, ' ')
      .trim();
    if (normalized.size >= 50_000) normalized.clear();
    normalized.set(text, key);
  }
  return key;
}

function readXlsx(bytes: Buffer): Table[] {
  let sheets: XlsxSheet[];
  try {
    sheets = readWorkbook(bytes);
  } catch {
    throw refusal('validation', "Ce fichier n'est pas un classeur Excel lisible (.xlsx). Enregistrez-le au format .xlsx ou CSV, puis recommencez.");
  }
  const tables: Table[] = [];
  for (const { name, rows } of sheets) {
    const [header, ...lines] = rows;
    if (header) tables.push({ sheet: name, header: header.cells.map((cell) => (cell === null ? '' : String(cell).trim())), lines });
  }
  return tables;
}

function readCsv(bytes: Buffer): Table[] {
  const [header = [], ...rows] = parseCsv(decodeText(bytes));
  return [
    {
      sheet: null,
      header: header.map((cell) => unguarded(cell).trim()),
      lines: rows.map((cells, index) => ({ line: index + 2, cells: cells.map(unguarded) })),
    },
  ];
}

/** The first bytes of an Excel 97-2003 workbook (.xls, an OLE compound file), which is not read. */
const XLS_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The sheets of a file: an .xlsx (a zip, « PK ») or a CSV, whatever its name says. */
export async function readSpreadsheet(bytes: Buffer): Promise<Table[]> {
  if (bytes.subarray(0, XLS_SIGNATURE.length).equals(XLS_SIGNATURE)) {
    throw refusal(
      'validation',
      "Ce fichier est au format Excel 97-2003 (.xls), qui n'est pas lu : ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format .xlsx, puis recommencez.",
    );
  }
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b ? readXlsx(bytes) : readCsv(bytes);
}

/** What a header may say for each field, normalized; the pilotes' columns are found by their partner. */
const SYNONYMS: Record<(typeof ACTION_IMPORT_FIELDS)[number], string[]> = {
  chantier: ['chantier', 'n chantier', 'no chantier', 'numero de chantier', 'numero du chantier', 'chantier n'],
  title: ['titre', 'intitule', 'action', 'libelle', 'titre de l action', 'intitule de l action', 'nom de l action'],
  status: ['statut', 'etat', 'statut de l action'],
  priority: ['priorite'],
  start_date: ['debut', 'date de debut', 'date debut', 'demarrage'],
  end_date: ['echeance', 'fin', 'date de fin', 'date de fin previsionnelle', 'fin prevue', 'date d echeance', 'date limite'],
  progress: ['avancement', 'avancement %', '% avancement', 'taux d avancement', 'avancement en %'],
  finalites: ['finalites', 'finalite'],
  cooperation_form: ['forme de cooperation', 'forme'],
  to_arbitrate: ['a arbitrer', 'arbitrer', 'arbitrage'],
  description: ['description', 'commentaire', 'commentaires', 'observations', 'remarques', 'remarque'],
};

/** The field a header (or a field's name typed on the command line) stands for, if any. */
export function fieldFor(text: string, partners: Partner[]): ImportField | null {
  const key = normalize(text);
  if (key.startsWith('pilot')) {
    const rest = key.replace(/^pilot(e|es)?\s*/, '');
    const partner = partners.find((p) => [p.code, p.id, p.short_name, p.name].some((name) => normalize(name) === rest || rest.endsWith(` ${normalize(name)}`)));
    return partner ? `pilot:${partner.id}` : null;
  }
  for (const [field, words] of Object.entries(SYNONYMS)) if (words.includes(key) || field === text) return field as ImportField;
  return null;
}

/** The French name of a field, for the preview's selects and the messages. */
export function importFieldLabel(field: ImportField, partners: Partner[]): string {
  if (field.startsWith('pilot:')) return `Pilote ${partners.find((p) => `pilot:${p.id}` === field)?.short_name ?? field.slice(6)}`;
  return IMPORT_FIELD_LABELS[field as (typeof ACTION_IMPORT_FIELDS)[number]];
}

const IMPORT_FIELD_LABELS: Record<(typeof ACTION_IMPORT_FIELDS)[number], string> = {
  chantier: 'Chantier',
  title: 'Titre',
  status: 'Statut',
  priority: 'Priorité',
  start_date: 'Début',
  end_date: 'Échéance',
  progress: 'Avancement',
  finalites: 'Finalités',
  cooperation_form: 'Forme de coopération',
  to_arbitrate: 'À arbitrer',
  description: 'Description',
};

/** Every field a column can be mapped to, in the order of the preview's selects. */
export function importFields(partners: Partner[]): { field: ImportField; label: string }[] {
  // The pilotes after the priorité, as the export's columns.
  const at = ACTION_IMPORT_FIELDS.indexOf('priority') + 1;
  const fields: ImportField[] = [...ACTION_IMPORT_FIELDS.slice(0, at), ...partners.map((p): ImportField => `pilot:${p.id}`), ...ACTION_IMPORT_FIELDS.slice(at)];
  return fields.map((field) => ({ field, label: importFieldLabel(field, partners) }));
}

/** Header → field (null: the column is not imported). */
export type ImportMapping = Record<string, ImportField | null>;

/** A header's field: only the mapping's own keys, a header « constructor » is no field. */
const fieldOfHeader = (mapping: ImportMapping, header: string) => (Object.hasOwn(mapping, header) ? mapping[header] : null);

/** The mapping proposed for these headers: each header whose words name a field, each field once (the first column naming it). */
export function proposeMapping(headers: string[], partners: Partner[]): ImportMapping {
  const mapping: ImportMapping = Object.create(null);
  const used = new Set<ImportField>();
  for (const header of headers) {
    if (header === '' || header in mapping) continue;
    const field = fieldFor(header, partners);
    mapping[header] = field && !used.has(field) ? field : null;
    if (field) used.add(field);
  }
  return mapping;
}

/** An action as a line of the file gives it, before anything is written. */
export interface ImportedAction {
  chantier: { id: string; number: number; title: string } | null;
  title: string;
  status: ActionStatus | null;
  priority: Priority | null;
  start_date: string | null;
  end_date: string | null;
  progress: number | null;
  finalites: Finalite[];
  cooperation_form: CooperationForm | null;
  to_arbitrate: boolean | null;
  description: string | null;
  /** The pilote's name by partner id. */
  pilots: Record<string, string>;
}

export interface ImportLine {
  sheet: string | null;
  /** Its row number in the spreadsheet (the header is row 1). */
  line: number;
  action: ImportedAction;
  /** French, each naming the line (« Ligne 7 : chantier inconnu « 12 » »). */
  errors: string[];
  /** What does not stop the import but may be a mistake: an action of the same titre already in its chantier (the file imported twice?). */
  warnings: string[];
}

export interface ImportPreview {
  /** Every header of the file, in order (the preview's columns). */
  headers: string[];
  mapping: ImportMapping;
  /** What a column can be mapped to. */
  fields: { field: ImportField; label: string }[];
  lines: ImportLine[];
  /** Every error, the file's first, then each line's. */
  errors: string[];
  /** Every line's warnings. */
  warnings: string[];
  /** Pilotes named by the file and unknown in the project: created with the actions. */
  new_people: { name: string; partner_id: string; partner: string }[];
  /** Sheets without a column mapped to the titre, left out. */
  skipped_sheets: string[];
  /** Lines with an action to create and no error anywhere. */
  importable: boolean;
}

const PROGRESS_TEXT = /^(-?\d+(?:[.,]\d+)?)\s*%?$/;

/** A day typed in a spreadsheet: a real date, « 15/03/2027 » (or 15-03-2027, 15.03.27), « 2027-03-15 ». */
function parseDay(cell: Cell): string | null | undefined {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return undefined;
  const text = (cell ?? '').trim();
  if (text === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3].length === 2 ? `20${french[3]}` : french[3], french[2], french[1]] : null;
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isoDate('').safeParse(date).success ? date : undefined;
}

const textOf = (cell: Cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();

/** A label or a code of a vocabulary, whatever its case and accents. */
function codeOf<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const key = normalize(text);
  return (Object.keys(labels) as T[]).find((code) => normalize(labels[code]) === key || normalize(code) === key);
}

const YES = new Set(['oui', 'o', 'x', 'vrai', '1', 'yes']);
const NO = new Set(['non', 'n', 'faux', '0', 'no']);

const quoted = (text: string) => `« ${text} »`;

interface Context {
  partners: Partner[];
  chantiers: { id: string; number: number; title: string }[];
  people: { id: string; name: string; partner_id: string }[];
}

/** A line's action and what is wrong with it; a field no column holds is the file's error, not each line's. */
function readLine(context: Context, fields: (ImportField | null)[], cells: Cell[]): { action: ImportedAction; problems: string[] } {
  const problems: string[] = [];
  const action: ImportedAction = {
    chantier: null,
    title: '',
    status: null,
    priority: null,
    start_date: null,
    end_date: null,
    progress: null,
    finalites: [],
    cooperation_form: null,
    to_arbitrate: null,
    description: null,
    pilots: {},
  };
  fields.forEach((field, column) => {
    if (!field) return;
    const cell = cells[column] ?? null;
    const text = textOf(cell);
    if (field === 'chantier') {
      if (text === '') return;
      const number = typeof cell === 'number' ? cell : Number(/^(?:chantier\s*)?n?°?\s*(\d+)/i.exec(text)?.[1] ?? NaN);
      action.chantier =
        context.chantiers.find((chantier) => chantier.number === number) ??
        context.chantiers.find((chantier) => normalize(chantier.title) === normalize(text)) ??
        null;
      if (!action.chantier) problems.push(`chantier inconnu ${quoted(text)}`);
    } else if (field === 'title') action.title = text;
    else if (field === 'status' && text !== '') {
      action.status = codeOf(ACTION_STATUS_LABELS, text) ?? null;
      if (!action.status) problems.push(`statut inconnu ${quoted(text)} (statuts possibles : ${Object.values(ACTION_STATUS_LABELS).join(', ')})`);
    } else if (field === 'priority' && text !== '') {
      action.priority = codeOf(PRIORITY_LABELS, text) ?? null;
      if (!action.priority) problems.push(`priorité inconnue ${quoted(text)} (priorités possibles : ${Object.values(PRIORITY_LABELS).join(', ')})`);
    } else if (field === 'start_date' || field === 'end_date') {
      const day = parseDay(cell);
      if (day === undefined) problems.push(`date impossible ${quoted(text)} (${IMPORT_FIELD_LABELS[field]} ; attendu JJ/MM/AAAA)`);
      else action[field] = day;
    } else if (field === 'progress' && text !== '') {
      const match = PROGRESS_TEXT.exec(text.replace(/\s/g, ''));
      const value = typeof cell === 'number' ? cell : match ? Number(match[1].replace(',', '.')) : NaN;
      if (!Number.isInteger(value) || value < 0 || value > 100) problems.push(`avancement impossible ${quoted(text)} (un nombre entier de 0 à 100 %)`);
      else action.progress = value;
    } else if (field === 'finalites') {
      for (const item of text.split(/[\n;,]/).map((part) => part.trim())) {
        if (item === '') continue;
        const code = codeOf(FINALITE_LABELS, item);
        if (!code) problems.push(`finalité inconnue ${quoted(item)}`);
        else if (!action.finalites.includes(code)) action.finalites.push(code);
      }
    } else if (field === 'cooperation_form' && text !== '') {
      action.cooperation_form = codeOf(COOPERATION_FORM_LABELS, text) ?? null;
      if (!action.cooperation_form) problems.push(`forme de coopération inconnue ${quoted(text)}`);
    } else if (field === 'to_arbitrate' && text !== '') {
      const key = normalize(text);
      if (YES.has(key)) action.to_arbitrate = true;
      else if (!NO.has(key)) problems.push(`« À arbitrer » attend Oui ou Non, pas ${quoted(text)}`);
    } else if (field === 'description') action.description = text === '' ? null : text;
    else if (field.startsWith('pilot:') && text !== '') {
      const name = text.replace(/\s+/g, ' ');
      // An unknown pilote becomes a person of the project: the person's own rules first.
      const check = ENTITIES.person.name.safeParse(name);
      if (check.success) action.pilots[field.slice(6)] = name;
      else problems.push(`pilote ${quoted(name.slice(0, 40))} : ${check.error.issues[0].message.replace(/\.$/, '')}`);
    }
  });
  if (fields.includes('chantier') && !action.chantier && !problems.some((problem) => problem.startsWith('chantier'))) problems.push('chantier manquant');
  if (fields.includes('title') && action.title === '') problems.push('titre manquant');
  if (action.start_date && action.end_date && action.end_date < action.start_date) problems.push("l'échéance précède la date de début");
  // The store's own rules (lengths…), in their own words.
  if (problems.length === 0 && fields.includes('chantier') && fields.includes('title')) {
    try {
      validatePatch('action', { ...toNewAction(action) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message.replace(/\.$/, ''));
    }
  }
  return { action, problems };
}

function toNewAction(action: ImportedAction): NewAction {
  // Only what the file says: createAction gives the rest its defaults (À venir, Moyenne, 0 %).
  const given: Record<string, unknown> = { chantier_id: action.chantier?.id ?? '', title: action.title };
  for (const field of ['status', 'priority', 'start_date', 'end_date', 'progress', 'cooperation_form', 'to_arbitrate', 'description'] as const) {
    if (action[field] !== null) given[field] = action[field];
  }
  if (action.finalites.length) given.finalites = action.finalites;
  return given as unknown as NewAction;
}

function contextOf(store: Store): Context {
  return {
    partners: listPartners(store),
    chantiers: store.db.prepare('SELECT id, number, title FROM chantier WHERE deleted = 0 ORDER BY number, id').all() as Context['chantiers'],
    people: store.db.prepare('SELECT id, name, partner_id FROM person WHERE deleted = 0 ORDER BY id').all() as Context['people'],
  };
}

const titleKey = (chantierId: string, title: string) => `${chantierId}\u0000${normalize(title)}`;

const personKey = (partnerId: string, name: string) => `${partnerId}\u0000${normalize(name)}`;

/**
 * The last preview of each file read: « Importer » right after the preview it confirms, with
 * nothing written in between (the store's revision), checks the 10 000 lines only once.
 */
const previews = new WeakMap<Table[], { store: Store; revision: number; mapping: string; preview: ImportPreview }>();

/**
 * What importing this file would create, line by line, with every error; writes nothing.
 * Without a mapping, the one proposed from the headers.
 */
export function previewImport(store: Store, tables: Table[], mapping?: ImportMapping): ImportPreview {
  const preview = checkLines(store, tables, mapping);
  previews.set(tables, { store, revision: store.revision, mapping: JSON.stringify(mapping ?? null), preview });
  return preview;
}

function checkLines(store: Store, tables: Table[], mapping?: ImportMapping): ImportPreview {
  const context = contextOf(store);
  const headers = [...new Set(tables.flatMap((table) => table.header).filter((header) => header !== ''))];
  const chosen = mapping ?? proposeMapping(headers, context.partners);
  const errors: string[] = [];
  const lines: ImportLine[] = [];
  const skipped: string[] = [];
  const mapped = Object.values(chosen).filter((field): field is ImportField => field !== null);
  for (const field of new Set(mapped)) {
    const columns = Object.keys(chosen).filter((header) => chosen[header] === field);
    if (columns.length > 1)
      errors.push(`Les colonnes ${columns.map(quoted).join(' et ')} vont toutes dans ${quoted(importFieldLabel(field, context.partners))} : gardez-en une.`);
  }
  for (const field of new Set(mapped)) {
    if (field.startsWith('pilot:') && !context.partners.some((partner) => `pilot:${partner.id}` === field)) {
      errors.push(`Partenaire inconnu pour les pilotes : ${quoted(field.slice(6))}.`);
    }
  }
  if (!mapped.includes('title')) errors.push("Aucune colonne n'est associée au titre de l'action : choisissez-la dans la correspondance des colonnes.");
  if (!mapped.includes('chantier')) errors.push("Aucune colonne n'est associée au chantier : choisissez-la dans la correspondance des colonnes.");
  const imported = tables.filter((table) => {
    const keep = table.header.some((header) => fieldOfHeader(chosen, header) === 'title');
    if (!keep && table.sheet !== null) skipped.push(table.sheet);
    return keep;
  });
  // The mapping names a column by its header: two columns of one header would both go to one field, the last one winning.
  for (const table of imported) {
    const twice = new Set(table.header.filter((header, column) => fieldOfHeader(chosen, header) !== null && table.header.indexOf(header) < column));
    const sheet = imported.length > 1 ? ` dans la feuille ${quoted(table.sheet ?? '')}` : '';
    for (const header of twice)
      errors.push(`Colonne ${quoted(header)} en double${sheet} : donnez-leur des titres différents dans le fichier, puis recommencez.`);
  }
  const known = new Map(context.people.map((person) => [personKey(person.partner_id, person.name), person.id]));
  // Titres already in each chantier, then those of the file's earlier lines.
  const titles = new Set(
    (store.db.prepare('SELECT chantier_id, title FROM action WHERE deleted = 0').all() as { chantier_id: string; title: string }[]).map((row) =>
      titleKey(row.chantier_id, row.title),
    ),
  );
  const fromFile = new Set<string>();
  const warnings: string[] = [];
  const newPeople = new Map<string, ImportPreview['new_people'][number]>();
  for (const table of imported) {
    const fields = table.header.map((header) => fieldOfHeader(chosen, header));
    const where = (line: number) => (imported.length > 1 ? `Feuille ${quoted(table.sheet ?? '')}, ligne ${line}` : `Ligne ${line}`);
    for (const { line, cells } of table.lines) {
      if (cells.every((cell) => textOf(cell) === '')) continue;
      const { action, problems } = readLine(context, fields, cells);
      for (const [partnerId, name] of Object.entries(action.pilots)) {
        const key = personKey(partnerId, name);
        if (!known.has(key) && !newPeople.has(key)) {
          newPeople.set(key, { name, partner_id: partnerId, partner: context.partners.find((p) => p.id === partnerId)?.short_name ?? partnerId });
        }
      }
      const lineErrors = problems.map((problem) => `${where(line)} : ${problem}.`);
      errors.push(...lineErrors);
      const lineWarnings: string[] = [];
      if (action.chantier && action.title) {
        const key = titleKey(action.chantier.id, action.title);
        if (titles.has(key)) lineWarnings.push(`${where(line)} : le chantier ${action.chantier.number} a déjà une action ${quoted(action.title)}.`);
        else if (fromFile.has(key))
          lineWarnings.push(`${where(line)} : une ligne plus haut donne déjà l'action ${quoted(action.title)} au chantier ${action.chantier.number}.`);
        fromFile.add(key);
      }
      warnings.push(...lineWarnings);
      lines.push({ sheet: table.sheet, line, action, errors: lineErrors, warnings: lineWarnings });
    }
  }
  if (lines.length === 0 && errors.length === 0)
    errors.push('Le fichier ne contient aucune action : la première ligne doit donner les titres des colonnes, les suivantes une action chacune.');
  return {
    headers,
    mapping: chosen,
    fields: importFields(context.partners),
    lines,
    errors,
    warnings,
    new_people: [...newPeople.values()],
    skipped_sheets: skipped,
    importable: errors.length === 0 && lines.length > 0,
  };
}

export interface ImportResult {
  /** The new actions' ids, in the file's order. */
  action_ids: string[];
  people_created: number;
}

/**
 * Creates the file's actions (and the pilotes it names that the project does not know), in
 * one transaction; refuses the whole file, writing nothing, if any line has an error.
 */
export function applyImport(store: Store, tables: Table[], mapping?: ImportMapping): ImportResult {
  const previewed = previews.get(tables);
  const preview =
    previewed?.store === store && previewed.revision === store.revision && previewed.mapping === JSON.stringify(mapping ?? null)
      ? previewed.preview
      : checkLines(store, tables, mapping);
  if (!preview.importable) {
    const shown = preview.errors.slice(0, 10);
    const more = preview.errors.length - shown.length;
    throw refusal('validation', `Rien n'a été importé : ${preview.errors.length} erreur(s).\n${shown.join('\n')}${more > 0 ? `\n… et ${more} autre(s).` : ''}`);
  }
  return store.transaction(() => {
    const people = new Map(contextOf(store).people.map((person) => [personKey(person.partner_id, person.name), person.id]));
    let created = 0;
    const personFor = (partnerId: string, name: string) => {
      const key = personKey(partnerId, name);
      if (!people.has(key)) {
        people.set(key, createPerson(store, { name, function: null, partner_id: partnerId, email: null }));
        created++;
      }
      return people.get(key)!;
    };
    // Each chantier's next number read once, then counted here: asking the store for it
    // again after each of thousands of lines reads the chantier's actions each time.
    const numbers = new Map<string, number>();
    const numberIn = (chantierId: string) => {
      const number = numbers.get(chantierId) ?? nextActionNumber(store, chantierId);
      numbers.set(chantierId, number + 1);
      return number;
    };
    // One write for the whole file (a write per action costs a savepoint and small statements
    // each time), of rows all new: the new actions and their pilotes.
    const edits: Edit[] = [];
    const ids = preview.lines.map(({ action }) => {
      const made = newActionEdits(store, toNewAction(action), numberIn(action.chantier!.id));
      edits.push(...made.edits);
      for (const [partnerId, name] of Object.entries(action.pilots))
        edits.push(...pilotEdits(store, made.id, partnerId, { person_id: personFor(partnerId, name) }));
      return made.id;
    });
    store.write(edits, { newRows: true });
    return { action_ids: ids, people_created: created };
  });
}
