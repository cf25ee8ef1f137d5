// The one way Entente writes a table into an Excel workbook (actions, plan d'actions,
// register of décisions, pistes): a bold header row, frozen; an autofilter on every column;
// dates as real dates; empty values as empty cells, which Excel's « (Vides) » filter finds;
// A4 landscape, one page wide, the header repeated on each printed page.
// Written by exceljs's streaming writer, each row serialised once committed: 10 000 actions
// in well under the 2 s an export may take, where the in-memory workbook needs several.
import { PassThrough } from 'node:stream';
import { stream, type Style } from 'exceljs';

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

/** A workbook being written, and the bytes written so far. */
export interface TableWorkbook {
  writer: stream.xlsx.WorkbookWriter;
  chunks: Buffer[];
}

export function newWorkbook(title: string, subject: string | undefined, created = new Date()): TableWorkbook {
  const chunks: Buffer[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Styles on (number formats, bold header, wrapping); inline strings, which need no second pass.
  // The zip library under the writer calls the deprecated `new Buffer(text)`, which Node
  // reports once per process (on the command line's stderr) when the caller is bundled
  // rather than in node_modules. Its first call is in the constructor: silenced there alone.
  const reported = process.noDeprecation;
  process.noDeprecation = true;
  let writer: stream.xlsx.WorkbookWriter;
  try {
    writer = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  } finally {
    process.noDeprecation = reported;
  }
  writer.title = title;
  if (subject) writer.subject = subject;
  writer.creator = 'Entente';
  writer.created = created;
  writer.modified = created;
  return { writer, chunks };
}

export function addTableSheet<Row>(workbook: TableWorkbook, name: string, columns: SheetColumn<Row>[], rows: Row[]): void {
  const sheet = workbook.writer.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  // One style object per column, given to each of its cells: exceljs finds a style it has seen by identity, not by content.
  const styles = columns.map((column): Partial<Style> => ({
    alignment: { vertical: 'top', wrapText: column.wrap ?? false },
    ...(column.numFmt ? { numFmt: column.numFmt } : {}),
  }));
  sheet.columns = columns.map((column, index) => ({ key: String(index), width: column.width, style: styles[index] }));
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
      const cell = line.getCell(index + 1);
      cell.value = value === '' ? null : value;
      cell.style = styles[index];
    });
    line.commit();
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  sheet.commit();
}

export async function workbookBytes(workbook: TableWorkbook): Promise<Buffer> {
  await workbook.writer.commit();
  return Buffer.concat(workbook.chunks);
}
