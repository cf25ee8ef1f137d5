// The register of décisions as an Excel workbook (.xlsx): one sheet, French headers, the
// meeting's date as a real date (sortable and filterable in Excel or LibreOffice), an
// autofilter on every column and the header row frozen.
import { Workbook } from 'exceljs';
import { MEETING_TYPE_LABELS, MINUTES_STATUS_LABELS } from '../../common/vocabulary';
import type { DecisionRow } from './types';

export const DECISIONS_WORKBOOK_TITLE = 'Registre des décisions';

interface Column {
  header: string;
  width: number;
  value: (row: DecisionRow) => string | Date;
  wrap?: boolean;
  numFmt?: string;
}

/** A YYYY-MM-DD day as the date Excel stores: midnight UTC, which exceljs writes as that day's serial number. */
const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

const COLUMNS: Column[] = [
  { header: 'Référence', width: 18, value: (row) => row.reference },
  { header: 'Date', width: 12, value: (row) => excelDate(row.date), numFmt: 'dd/mm/yyyy' },
  { header: 'Type de réunion', width: 24, value: (row) => MEETING_TYPE_LABELS[row.meeting.type] },
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
export async function decisionsWorkbook(rows: DecisionRow[], options: { subject?: string; created?: Date } = {}): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.title = DECISIONS_WORKBOOK_TITLE;
  workbook.subject = options.subject ?? 'Toutes les décisions';
  workbook.creator = 'Entente';
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet('Décisions', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = COLUMNS.map((column, index) => ({
    key: String(index),
    width: column.width,
    style: { alignment: { vertical: 'top', wrapText: column.wrap ?? false }, ...(column.numFmt ? { numFmt: column.numFmt } : {}) },
  }));

  const header = sheet.getRow(1);
  COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: false };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF7F8C99' } } };
  });
  header.commit();

  rows.forEach((row, rowIndex) => {
    const line = sheet.getRow(rowIndex + 2);
    COLUMNS.forEach((column, index) => {
      const value = column.value(row);
      // Nothing to say: an empty cell, not an empty text (Excel's « (Vides) » filter finds it).
      line.getCell(index + 1).value = value === '' ? null : value;
    });
    line.commit();
  });

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
