// The register of décisions as an Excel workbook (.xlsx): one sheet, French headers, the
// meeting's date as a real date (sortable and filterable in Excel or LibreOffice), an
// autofilter on every column and the header row frozen.
import { meetingTypeLabels } from '../../common/partners';
import { MINUTES_STATUS_LABELS, type MeetingType } from '../../common/vocabulary';
import { addTableSheet, excelDate, newWorkbook, workbookBytes, type SheetColumn } from '../exports/sheet';
import { listPartners } from '../people/reads';
import type { Store } from '../store/store';
import type { DecisionRow } from './types';

export const DECISIONS_WORKBOOK_TITLE = 'Registre des décisions';

/** The columns, the meeting types named as this cooperation names them. */
const columns = (typeLabels: Record<MeetingType, string>): SheetColumn<DecisionRow>[] => [
  { header: 'Référence', width: 18, value: (row) => row.reference },
  { header: 'Date', width: 12, value: (row) => excelDate(row.date), numFmt: 'dd/mm/yyyy' },
  { header: 'Type de réunion', width: 24, value: (row) => typeLabels[row.meeting.type] },
  {
    header: 'Réunion',
    width: 34,
    value: (row) => (row.meeting.version > 1 ? `${row.meeting.title} (version ${row.meeting.version})` : row.meeting.title),
    wrap: true,
  },
  { header: "Point de l'ordre du jour", width: 34, value: (row) => `${row.agenda_item.number}. ${row.agenda_item.title}`, wrap: true },
  { header: 'Chantier', width: 30, value: (row) => row.chantiers.map((chantier) => `${chantier.number}. ${chantier.title}`).join('\n'), wrap: true },
  { header: 'Décision', width: 70, value: (row) => row.text, wrap: true },
  { header: 'Compte rendu', width: 22, value: (row) => MINUTES_STATUS_LABELS[row.minutes_status] },
  { header: 'Statut de la décision', width: 20, value: (row) => (row.draft ? 'Projet' : 'Validée') },
  { header: 'Suivie', width: 9, value: (row) => (row.followed ? 'Oui' : 'Non') },
  { header: 'Actions de suivi', width: 40, value: (row) => row.follow_up_actions.map((action) => action.title).join('\n'), wrap: true },
];

/** The workbook's bytes. `subject` says which décisions it holds (the filters), in French. */
export async function decisionsWorkbook(store: Store, rows: DecisionRow[], options: { subject?: string; created?: Date } = {}): Promise<Buffer> {
  const workbook = newWorkbook(DECISIONS_WORKBOOK_TITLE, options.subject ?? 'Toutes les décisions', options.created);
  addTableSheet(workbook, 'Décisions', columns(meetingTypeLabels(listPartners(store))), rows);
  return workbookBytes(workbook);
}
