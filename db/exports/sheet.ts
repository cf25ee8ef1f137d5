// The one way Entente writes a table into an Excel workbook (actions, plan d'actions,
// register of décisions, pistes): a bold header row, frozen; an autofilter on every column;
// dates as real dates; empty values as empty cells, which Excel's « (Vides) » filter finds;
// A4 landscape, one page wide, the header repeated on each printed page.
import { Workbook, type Worksheet } from 'exceljs';

export type CellValue = string | number | Date | null;

export interface SheetColumn<Row> {
  header: string;
  width: number;
  value: (row: Row) => CellValue;
  wrap?: boolean;
  numFmt?: string;
}

/** A YYYY-MM-DD day as Excel stores it: midnight UTC, which exceljs writes as that day's serial number. */
export const excelDate = (day: string | null): Date | null => (day ? new Date(`${day}T00:00:00Z`) : null);

export function newWorkbook(title: string, subject: string | undefined, created = new Date()): Workbook {
  const workbook = new Workbook();
  workbook.title = title;
  if (subject) workbook.subject = subject;
  workbook.creator = 'Entente';
  workbook.created = created;
  workbook.modified = created;
  return workbook;
}

export function addTableSheet<Row>(workbook: Workbook, name: string, columns: SheetColumn<Row>[], rows: Row[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    width: column.width,
    style: { alignment: { vertical: 'top', wrapText: column.wrap ?? false }, ...(column.numFmt ? { numFmt: column.numFmt } : {}) },
  }));
  const header = sheet.getRow(1);
  columns.forEach((column, index) => {
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
    columns.forEach((column, index) => {
      const value = column.value(row);
      line.getCell(index + 1).value = value === '' ? null : value;
    });
    line.commit();
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return sheet;
}

export const workbookBytes = async (workbook: Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());
