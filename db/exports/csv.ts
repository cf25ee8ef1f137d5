// CSV as Excel in French reads and writes it: « ; » between fields (the comma is the decimal
// separator), CRLF line ends, UTF-8 with a BOM (without it Excel reads accents as
// Windows-1252), fields quoted when they hold « ; », a quote or a line break, quotes doubled;
// a text that Excel would run as a formula is written as text.
// Reading is lenient: « ; », « , » or a tab, UTF-8 with or without BOM, UTF-16 with its BOM
// (Excel's « Texte Unicode »), or Windows-1252.

export type CsvValue = string | number | null;

const BOM = '\uFEFF';

/** « 1234,5 »: a number as Excel in French reads it back as a number (no thousands separator, which it would keep as text). */
export function frenchDecimal(value: number): string {
  return String(value).replace('.', ',');
}

/**
 * A text Excel would take for a formula (« - premier point », « =HYPERLINK(…) »): an
 * apostrophe before it, which Excel reads as « this is text » and does not show.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written, back: the apostrophe csvField put before a would-be formula taken off. */
export const unguarded = (text: string) => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? frenchDecimal(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's bytes: a header line, then one line per row. */
export function csvBytes(header: string[], rows: CsvValue[][]): Buffer {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(';'));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Windows-1252's characters from 0x80 to 0x9F (€, ’, œ, …, – among them), where Latin-1
 * has control characters: Node's TextDecoder('windows-1252') decodes them as Latin-1 before Node 22.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The text of a file from a spreadsheet: UTF-16 when it starts with its BOM (Excel's « Texte Unicode »),
 * UTF-8 (with or without BOM) when it is valid UTF-8, else Windows-1252 (Excel's « CSV » on Windows).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('');
  }
}

/** The separator of a CSV text: the one of « ; », « , », tab most frequent on its first line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"' && (i === 0 || text[i - 1] === BOM || counts.has(text[i - 1]))) quoted = true;
    else if (char === '\n' || char === '\r') break;
    else if (counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1])[0][0];
}

/**
 * The rows of a CSV text, each a list of fields; quoted fields may hold the separator, doubled quotes and line breaks.
 * A quote opens a quoted field only at its start (RFC 4180): elsewhere, as in « Écran 27" », it is a character.
 * An empty line is an empty row, so that row numbers stay Excel's.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const first = text.startsWith(BOM) ? 1 : 0;
  let i = first;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && (i === first || [delimiter, '\n', '\r'].includes(text[i - 1]))) quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0) endRow();
  // A line break inside a quoted field comes from Excel as CRLF or LF: kept as LF.
  return rows.map((cells) => cells.map((cell) => cell.replace(/\r\n?/g, '\n')));
}
