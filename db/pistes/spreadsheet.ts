// Reading the pistes collected in a workshop from a spreadsheet: an .xlsx (exceljs), or a CSV
// as French Excel writes it — « ; » (or « , ») between fields, UTF-8 with or without BOM,
// Windows-1252 when the bytes are not UTF-8, quoted fields holding separators, doubled
// quotes and line breaks. Every cell is read as the text it shows.
import { Workbook, type CellValue } from 'exceljs';
import { ValidationError } from '../errors';

/** The first sheet's lines, each numbered as the spreadsheet numbers it (the header is line 1). */
export interface SheetLines {
  format: 'xlsx' | 'csv';
  header: string[];
  lines: { line: number; cells: string[] }[];
}

/**
 * Windows-1252's characters from 0x80 to 0x9F (€, ’, œ, – among them), where Latin-1 has
 * control characters: Node 20's TextDecoder('windows-1252') decodes them as Latin-1.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** UTF-8 (its BOM dropped) when the bytes are valid UTF-8, else Windows-1252 (Excel's « CSV » on Windows). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('');
  }
}

/** « ; » unless the first line, outside quotes, has more commas. */
function separatorOf(text: string): string {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/** The records of a CSV text; a line break inside quotes stays in its field (as LF). */
export function parseCsv(text: string): string[][] {
  const separator = separatorOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += char;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records.map((cells) => cells.map((cell) => cell.replace(/\r\n?/g, '\n')));
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

async function readXlsx(bytes: Buffer): Promise<SheetLines> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError("Ce fichier n'est pas un classeur Excel lisible (.xlsx). Enregistrez-le au format .xlsx ou CSV, puis recommencez.", 'file');
  }
  const sheet = workbook.worksheets[0];
  const rows: { line: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push({ line, cells });
  });
  const [header, ...lines] = rows;
  return { format: 'xlsx', header: header?.cells.map((cell) => cell.trim()) ?? [], lines };
}

/** The first sheet of an .xlsx (a zip: « PK ») or of a CSV, whatever the file's name says. */
export async function readSheet(bytes: Buffer): Promise<SheetLines> {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  const [header = [], ...rows] = parseCsv(decodeText(bytes));
  return { format: 'csv', header: header.map((cell) => cell.trim()), lines: rows.map((cells, index) => ({ line: index + 2, cells })) };
}
