// Reading the cells of an .xlsx for the imports (plan d'actions, pistes): the values only, as
// exceljs's full model gave them (tests/db/xlsx-reader.test.ts compares both), about five times
// faster. Only the parts needed are inflated (workbook, its relationships, shared strings,
// styles, the worksheets) and each is read by a small XML scanner that refuses what is not well
// formed: a damaged file is refused, never half read.
import { inflateRawSync } from 'node:zlib';

export type XlsxCell = string | number | Date | null;

/** A worksheet, in the workbook's order: its non-empty rows, each with the number the spreadsheet shows. */
export interface XlsxSheet {
  name: string;
  rows: { line: number; cells: XlsxCell[] }[];
}

/** Past this, the parts read are not a plan d'actions but a trap (a « zip bomb »): refused before inflating. */
const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/** Past this, the tables given would not fit in memory (a cell styled in column XFD on every row). */
const MAX_CELLS = 20_000_000;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function fail(why: string): never {
  throw new Error(`Classeur illisible : ${why}`);
}

// ---------------------------------------------------------------------------------------------
// XML

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/y;

/** Text or an attribute's value as the XML says it: line ends normalized, entities replaced. */
function decodeXml(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    ENTITY.lastIndex = at;
    const match = ENTITY.exec(text);
    if (!match) fail(`entité XML invalide près de « ${text.slice(at, at + 12)} »`);
    const name = match[1];
    let decoded: string | undefined;
    if (name.startsWith('#')) {
      const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code > 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
    } else decoded = ENTITIES[name];
    if (decoded === undefined) fail(`entité XML inconnue « ${match[0]} »`);
    out += text.slice(from, at) + decoded;
    from = ENTITY.lastIndex;
    at = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/** OOXML writes the characters XML cannot hold as « _x000D_ » (and a literal « _x » as « _x005F_x »). */
function decodeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const OPEN = 1;
const CLOSE = 2;
const TEXT = 3;

/** Where a tag's name ends: a space, a tab, a line end, « / » or « > ». */
const endsName = (code: number) => code === 32 || code === 62 || code === 47 || code === 10 || code === 9 || code === 13;
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/**
 * A pull scanner over one part: each `next()` gives an opening tag (self-closing ones give
 * their closing too), a closing tag or a text. Names are local (« x:c » is « c »); the nesting
 * is checked, so that a truncated or garbled part is refused. Attributes are read only when asked.
 */
class XmlScanner {
  kind = 0;
  /** The local name of the tag. */
  name = '';
  private attributesStart = 0;
  private attributesEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  private at = 0;
  private pendingClose = false;
  /** The elements open: local names, and where each qualified name starts and how long it is (compared with its closing tag's). */
  private readonly openNames: string[] = [];
  private readonly openStarts: number[] = [];
  private readonly openLengths: number[] = [];
  private seenRoot = false;

  constructor(
    readonly xml: string,
    private readonly part: string,
  ) {}

  next(): boolean {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.kind = CLOSE;
      this.pop();
      return true;
    }
    for (;;) {
      const at = this.at;
      if (at >= xml.length) {
        if (this.openNames.length > 0 || !this.seenRoot) fail(`${this.part} est incomplet`);
        return false;
      }
      if (xml.charCodeAt(at) !== 60 /* < */) {
        const end = xml.indexOf('<', at);
        this.at = end < 0 ? xml.length : end;
        if (this.openNames.length === 0) {
          if (xml.slice(at, this.at).trim() !== '') fail(`${this.part} a du texte hors de sa racine`);
          continue;
        }
        this.kind = TEXT;
        this.textStart = at;
        this.textEnd = this.at;
        this.cdata = false;
        return true;
      }
      const next = xml.charCodeAt(at + 1);
      if (next === 63 /* ? */) {
        this.at = this.skipPast('?>', at + 2);
        continue;
      }
      if (next === 33 /* ! */) {
        if (xml.startsWith('<!--', at)) {
          this.at = this.skipPast('-->', at + 4);
          continue;
        }
        if (xml.startsWith('<![CDATA[', at) && this.openNames.length > 0) {
          const end = this.skipPast(']]>', at + 9);
          this.kind = TEXT;
          this.textStart = at + 9;
          this.textEnd = end - 3;
          this.cdata = true;
          this.at = end;
          return true;
        }
        // A DOCTYPE could declare entities: no spreadsheet needs one.
        fail(`${this.part} contient une déclaration refusée`);
      }
      if (next === 47 /* / */) {
        const nameEnd = this.nameEnd(at + 2);
        let end = nameEnd;
        while (isSpace(xml.charCodeAt(end))) end++;
        if (xml.charCodeAt(end) !== 62 /* > */ || !this.closes(at + 2, nameEnd)) fail(`${this.part} est mal formé`);
        this.at = end + 1;
        this.kind = CLOSE;
        this.pop();
        return true;
      }
      const nameEnd = this.nameEnd(at + 1);
      // The tag ends at the first « > » outside the attributes' quotes.
      let end = nameEnd;
      for (let code = xml.charCodeAt(end); code !== 62 /* > */; code = xml.charCodeAt(end)) {
        if (code === 34 /* " */ || code === 39 /* ' */) {
          const close = xml.indexOf(code === 34 ? '"' : "'", end + 1);
          if (close < 0) fail(`${this.part} est incomplet`);
          end = close + 1;
        } else if (code === 60 /* < */ || Number.isNaN(code)) fail(`${this.part} est mal formé`);
        else end++;
      }
      if (this.openNames.length === 0 && this.seenRoot) fail(`${this.part} a deux racines`);
      this.seenRoot = true;
      this.pendingClose = xml.charCodeAt(end - 1) === 47 /* / */ && end > nameEnd;
      this.attributesStart = nameEnd;
      this.attributesEnd = this.pendingClose ? end - 1 : end;
      this.at = end + 1;
      this.kind = OPEN;
      this.name = this.localNameAt(at + 1, nameEnd);
      this.openNames.push(this.name);
      this.openStarts.push(at + 1);
      this.openLengths.push(nameEnd - at - 1);
      return true;
    }
  }

  /** Where the value `find` found starts and ends (raw, entities not replaced). */
  valueStart = 0;
  valueEnd = 0;
  /** Where a cell's `r`, `s` and `t` start and end (-1 when absent), read in one pass by `cellAttributes`. */
  readonly cell = { r: -1, rEnd: 0, s: -1, sEnd: 0, t: -1, tEnd: 0 };

  /** The value of an attribute of the opening tag, by local name (« r:id » answers « id » only when `prefixed`). */
  attribute(name: string, prefixed = false): string | undefined {
    return this.find(name, prefixed) ? decodeXml(this.xml.slice(this.valueStart, this.valueEnd)) : undefined;
  }

  /** Whether the opening tag has this attribute, its value then between `valueStart` and `valueEnd`. */
  find(name: string, prefixed = false): boolean {
    this.scanAttributes(name, prefixed);
    return this.valueStart >= 0;
  }

  /** A cell's r, s and t, in `cell`: one pass over its tag rather than three. */
  cellAttributes(): void {
    this.scanAttributes(null, false);
  }

  /**
   * Walks the opening tag's attributes, refusing malformed ones: either looking for `name`
   * (found: `valueStart` ≥ 0) or, when null, noting a cell's r, s and t. Compared in place,
   * char by char, nothing allocated: a sheet has hundreds of thousands of cells.
   */
  private scanAttributes(name: string | null, prefixed: boolean): void {
    const xml = this.xml;
    const end = this.attributesEnd;
    const cell = this.cell;
    if (name === null) cell.r = cell.s = cell.t = -1;
    this.valueStart = -1;
    let at = this.attributesStart;
    for (;;) {
      while (at < end && isSpace(xml.charCodeAt(at))) at++;
      if (at >= end) return;
      const start = at;
      let colon = -1;
      for (let code = xml.charCodeAt(at); at < end && code !== 61 /* = */ && !isSpace(code); code = xml.charCodeAt(++at))
        if (code === 58 /* : */ && colon < 0) colon = at;
      const nameEnd = at;
      while (at < end && isSpace(xml.charCodeAt(at))) at++;
      if (xml.charCodeAt(at) !== 61 || nameEnd === start) fail(`${this.part} a un attribut mal formé`);
      at++;
      while (at < end && isSpace(xml.charCodeAt(at))) at++;
      const quote = xml.charCodeAt(at);
      if (quote !== 34 /* " */ && quote !== 39 /* ' */) fail(`${this.part} a un attribut mal formé`);
      let close = at + 1;
      while (close < end && xml.charCodeAt(close) !== quote) close++;
      if (close >= end) fail(`${this.part} a un attribut mal formé`);
      const local = colon < 0 ? start : colon + 1;
      if (name === null) {
        if (colon < 0 && nameEnd - start === 1) {
          const letter = xml.charCodeAt(start);
          if (letter === 114 /* r */) {
            cell.r = at + 1;
            cell.rEnd = close;
          } else if (letter === 115 /* s */) {
            cell.s = at + 1;
            cell.sEnd = close;
          } else if (letter === 116 /* t */) {
            cell.t = at + 1;
            cell.tEnd = close;
          }
        }
      } else if (colon >= 0 === prefixed && nameEnd - local === name.length) {
        let same = true;
        for (let i = 0; same && i < name.length; i++) same = xml.charCodeAt(local + i) === name.charCodeAt(i);
        if (same) {
          this.valueStart = at + 1;
          this.valueEnd = close;
          return;
        }
      }
      at = close + 1;
    }
  }

  /** The current text, decoded. */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.cdata ? raw.replace(/\r\n?/g, '\n') : decodeXml(raw);
  }

  /** Moves past the element just opened, whatever it holds. */
  skipElement(): void {
    for (let depth = 1; depth > 0 && this.next();) {
      if (this.kind === OPEN) depth++;
      else if (this.kind === CLOSE) depth--;
    }
  }

  /** Where the name starting at `from` ends; refused when there is none. */
  private nameEnd(from: number): number {
    const xml = this.xml;
    let end = from;
    while (end < xml.length && !endsName(xml.charCodeAt(end))) end++;
    if (end === from || end >= xml.length) fail(`${this.part} est mal formé`);
    return end;
  }

  /** The local name of the tag at [start, end): a sheet's frequent ones without a new string each time. */
  private localNameAt(start: number, end: number): string {
    const xml = this.xml;
    if (end - start === 1)
      switch (xml.charCodeAt(start)) {
        case 99:
          return 'c';
        case 118:
          return 'v';
        case 102:
          return 'f';
        case 116:
          return 't';
      }
    if (end - start === 3 && xml.startsWith('row', start)) return 'row';
    return localName(xml.slice(start, end));
  }

  /** Whether the closing name at [start, end) is the last opened one's. */
  private closes(start: number, end: number): boolean {
    const last = this.openNames.length - 1;
    if (last < 0 || this.openLengths[last] !== end - start) return false;
    const opened = this.openStarts[last];
    for (let i = 0; i < end - start; i++) if (this.xml.charCodeAt(opened + i) !== this.xml.charCodeAt(start + i)) return false;
    return true;
  }

  private pop(): void {
    this.name = this.openNames.pop() as string;
    this.openStarts.pop();
    this.openLengths.pop();
  }

  private skipPast(end: string, from: number): number {
    const at = this.xml.indexOf(end, from);
    if (at < 0) fail(`${this.part} est incomplet`);
    return at + end.length;
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** The text of the `textElement`s an element holds (a `<si>`: its `<t>`, or its runs' `<t>`), phonetic runs (`<rPh>`) left out. */
function textOf(xml: XmlScanner, textElement: string): string {
  let text = '';
  for (let depth = 1; depth > 0 && xml.next();) {
    if (xml.kind === OPEN) {
      if (xml.name === 'rPh') xml.skipElement();
      else if (xml.name === textElement) text += textOfLeaf(xml);
      else depth++;
    } else if (xml.kind === CLOSE) depth--;
  }
  return text;
}

/** The text of an element that holds only text (a `<t>`, a `<v>`). */
function textOfLeaf(xml: XmlScanner): string {
  let text = '';
  for (let depth = 1; depth > 0 && xml.next();) {
    if (xml.kind === TEXT) text += xml.text();
    else if (xml.kind === OPEN) depth++;
    else depth--;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// The package: parts and relationships

interface Relationship {
  type: string;
  target: string;
}

/** A part's name, resolved from a relationship's target (relative to the part's folder, or absolute). */
function resolvePart(from: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target);
  } catch {
    path = target;
  }
  const segments = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships of a part (its `_rels/NAME.rels`), by id; external ones left out. */
function relationships(xml: string | undefined, from: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  if (xml === undefined) return found;
  const scanner = new XmlScanner(xml, relsOf(from));
  while (scanner.next()) {
    if (scanner.kind !== OPEN || scanner.name !== 'Relationship' || scanner.attribute('TargetMode') === 'External') continue;
    const id = scanner.attribute('Id');
    const target = scanner.attribute('Target');
    if (id !== undefined && target !== undefined) found.set(id, { type: scanner.attribute('Type') ?? '', target: resolvePart(from, target) });
  }
  return found;
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's type by its last word (transitional and strict OOXML differ before it). */
const isType = (relationship: Relationship, word: string) => relationship.type.endsWith(`/${word}`);

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/**
 * The archive's entries, from its central directory; `extract` inflates only the parts asked
 * for, with Node's zlib: fflate's inflate, in JavaScript, took 55 ms for the 9 Mo sheet of a
 * 10 000-line plan d'actions, zlib 17.
 */
class Package {
  /** Lower-cased name → entry: some tools change the case of the parts. */
  private readonly entries = new Map<string, Entry>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly view: DataView;
  /** What the parts read so far take once inflated. */
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    const view = (this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // The end of central directory record: 22 bytes, then a comment of up to 65 535.
    let end = bytes.length - 22;
    while (end >= 0 && end >= bytes.length - 22 - 65_535 && view.getUint32(end, true) !== 0x06054b50) end--;
    if (end < 0 || end < bytes.length - 22 - 65_535) fail("ce n'est pas une archive zip complète");
    let count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    if ((count === 0xffff || at === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
      // Zip64: the real figures are in its own end record.
      const zip64End = this.offset64(end - 12);
      if (this.uint32(zip64End) !== 0x06064b50) fail('archive zip64 illisible');
      count = this.offset64(zip64End + 32);
      at = this.offset64(zip64End + 48);
    }
    for (let i = 0; i < count; i++) {
      if (this.uint32(at) !== 0x02014b50) fail('répertoire de l’archive illisible');
      const flags = view.getUint16(at + 8, true);
      if (flags & 1) fail('archive chiffrée');
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const entry: Entry = {
        name: new TextDecoder().decode(this.slice(at + 46, nameLength)).replace(/^\//, ''),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        offset: view.getUint32(at + 42, true),
      };
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff)
        this.zip64Sizes(entry, at + 46 + nameLength, extraLength);
      this.entries.set(entry.name.toLowerCase(), entry);
      at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
    }
    if (this.entries.size === 0) fail("l'archive est vide");
  }

  /** The text of these parts (undefined for those the archive lacks). */
  extract(parts: string[]): Map<string, string | undefined> {
    const texts = new Map<string, string | undefined>();
    for (const part of parts) {
      const entry = this.entries.get(part.toLowerCase());
      this.inflated += entry?.size ?? 0;
      if (this.inflated > MAX_UNZIPPED_BYTES) fail("l'archive décompressée serait trop grande");
      texts.set(part, entry && this.decoder.decode(this.inflate(entry)));
    }
    return texts;
  }

  private inflate(entry: Entry): Uint8Array {
    if (this.uint32(entry.offset) !== 0x04034b50) fail(`partie « ${entry.name} » introuvable dans l'archive`);
    const start = entry.offset + 30 + this.view.getUint16(entry.offset + 26, true) + this.view.getUint16(entry.offset + 28, true);
    const data = this.slice(start, entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) fail(`partie « ${entry.name} » abîmée`);
      return data;
    }
    if (entry.method !== 8) fail(`partie « ${entry.name} » compressée d'une façon inconnue`);
    const inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    if (inflated.length !== entry.size) fail(`partie « ${entry.name} » abîmée`);
    return inflated;
  }

  /** The zip64 extra field's sizes and offset, for the figures its entry left at 0xFFFFFFFF. */
  private zip64Sizes(entry: Entry, at: number, length: number): void {
    for (let field = at; field + 4 <= at + length; field += 4 + this.view.getUint16(field + 2, true)) {
      if (this.view.getUint16(field, true) !== 1) continue;
      let value = field + 4;
      for (const key of ['size', 'compressedSize', 'offset'] as const)
        if (entry[key] === 0xffffffff) {
          entry[key] = this.offset64(value);
          value += 8;
        }
      return;
    }
    fail('archive zip64 illisible');
  }

  private uint32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) fail('archive tronquée');
    return this.view.getUint32(at, true);
  }

  /** A 64-bit little-endian figure, refused past what a JavaScript number holds exactly. */
  private offset64(at: number): number {
    const high = this.uint32(at + 4);
    if (high >= 0x20_0000) fail('archive zip64 illisible');
    return this.uint32(at) + high * 0x1_0000_0000;
  }

  private slice(at: number, length: number): Uint8Array {
    if (at < 0 || length < 0 || at + length > this.bytes.length) fail('archive tronquée');
    return this.bytes.subarray(at, at + length);
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, shared strings, styles

interface SheetEntry {
  name: string;
  part: string;
}

function readWorkbookPart(xml: string, part: string, rels: Map<string, Relationship>): { sheets: SheetEntry[]; date1904: boolean } {
  const scanner = new XmlScanner(xml, part);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  while (scanner.next()) {
    if (scanner.kind !== OPEN) continue;
    if (scanner.name === 'workbookPr') {
      const value = scanner.attribute('date1904');
      date1904 = value === '1' || value === 'true';
    } else if (scanner.name === 'sheet') {
      const name = scanner.attribute('name');
      const id = scanner.attribute('id', true);
      if (name === undefined || id === undefined) fail(`une feuille de ${part} n'a pas de nom ou de relation`);
      const relationship = rels.get(id);
      if (!relationship) fail(`la feuille « ${name} » n'a pas de partie`);
      // Chart sheets and macro sheets hold no table to import.
      if (isType(relationship, 'worksheet')) sheets.push({ name, part: relationship.target });
    }
  }
  return { sheets, date1904 };
}

function readSharedStrings(xml: string | undefined, part: string): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  const scanner = new XmlScanner(xml, part);
  while (scanner.next()) if (scanner.kind === OPEN && scanner.name === 'si') strings.push(decodeOoxml(textOf(scanner, 't')));
  return strings;
}

const NONE = 0;
const DATE = 1;
const PERCENT = 2;
type NumberFormat = typeof NONE | typeof DATE | typeof PERCENT;

/** Excel's built-in formats that are dates (14–22, 45–47) or percentages (9, 10). */
function builtInFormat(id: number): NumberFormat {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return DATE;
  return id === 9 || id === 10 ? PERCENT : NONE;
}

/** A format code is a date when it has d, m, y, h or s outside quotes and brackets (« [Red] », « [$€-40C] »). */
function formatOf(code: string): NumberFormat {
  const unescaped = code.replace(/\\(.)/g, '$1');
  if (/[ymdhMsb]/.test(unescaped.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))) return DATE;
  return unescaped.includes('%') ? PERCENT : NONE;
}

/** For each cell style (`s`), what its number format makes of a number. */
function readStyles(xml: string | undefined, part: string): NumberFormat[] {
  const formats: NumberFormat[] = [];
  if (xml === undefined) return formats;
  const scanner = new XmlScanner(xml, part);
  const custom = new Map<number, NumberFormat>();
  const ids: number[] = [];
  // numFmt also appears in dxfs (conditional formats), xf in cellStyleXfs: only these lists count.
  let list = '';
  while (scanner.next()) {
    if (scanner.kind === CLOSE && (scanner.name === 'numFmts' || scanner.name === 'cellXfs')) list = '';
    if (scanner.kind !== OPEN) continue;
    if (scanner.name === 'numFmts' || scanner.name === 'cellXfs') list = scanner.name;
    else if (list === 'numFmts' && scanner.name === 'numFmt')
      custom.set(Number(scanner.attribute('numFmtId')), formatOf(scanner.attribute('formatCode') ?? ''));
    else if (list === 'cellXfs' && scanner.name === 'xf') {
      ids.push(Number(scanner.attribute('numFmtId') ?? 0));
      scanner.skipElement();
    }
  }
  for (const id of ids) formats.push(custom.get(id) ?? builtInFormat(id));
  return formats;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface Row {
  /** Numbers as stored (a percentage is shaped when the row is given), texts, Dates; null for an error or a formula without result. */
  values: XlsxCell[];
  /** The cells whose format shows a number as « 40 % ». */
  percent: boolean[];
  /** A cell holds a value (or a formula, or a merged area covers it): the row counts. */
  hasValue: boolean;
  /** The last column with a cell, a styled empty one included: the sheet is as wide as its widest row (as exceljs counted). */
  width: number;
}

interface SheetContext {
  strings: string[];
  formats: NumberFormat[];
  date1904: boolean;
  part: string;
}

/** The column of a reference (« AB12 » → 28) written in `text` from `start` to `end`, or 0 when it has none. */
function columnOf(text: string, start = 0, end = text.length): number {
  let column = 0;
  for (let i = start; i < end && column <= MAX_COLUMN; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + code - 96;
  }
  return column;
}

/** A serial day as exceljs turns it into a Date: a whole day is its UTC midnight. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A `t="d"` cell: an ISO 8601 date, read as UTC when it names no zone. */
function isoDateOf(text: string): Date {
  const zoned = /^\d{4}-\d{2}-\d{2}$/.test(text) || /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const date = new Date(zoned);
  if (Number.isNaN(date.getTime())) fail(`date invalide « ${text} »`);
  return date;
}

/** The whole number written in `text` from `start` to `end` (digits only), or NaN. */
function integerOf(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return end > start ? value : NaN;
}

/** A cell's type (`t`): the usual ones without a new string each time. */
function typeOf(text: string, start: number, end: number): string {
  if (end - start === 1)
    switch (text.charCodeAt(start)) {
      case 115:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
  return text.startsWith('str', start) && end - start === 3 ? 'str' : decodeXml(text.slice(start, end));
}

function numberOf(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) fail(`nombre invalide « ${text} »`);
  return value;
}

function readSheet(xml: string, context: SheetContext): Map<number, Row> {
  const { strings, formats, date1904, part } = context;
  const scanner = new XmlScanner(xml, part);
  const rows = new Map<number, Row>();
  const merges: string[] = [];
  let rowNumber = 0;
  let row: Row | undefined;
  let column = 0;
  let formula = false;
  while (scanner.next()) {
    if (scanner.kind !== OPEN) continue;
    if (scanner.name === 'row') {
      // A row without its number follows the previous one.
      rowNumber = scanner.find('r') ? integerOf(xml, scanner.valueStart, scanner.valueEnd) : rowNumber + 1;
      if (!(rowNumber >= 1 && rowNumber <= MAX_ROW)) fail(`numéro de ligne invalide dans ${part}`);
      row = rows.get(rowNumber);
      if (!row) rows.set(rowNumber, (row = { values: [], percent: [], hasValue: false, width: 0 }));
      column = 0;
    } else if (scanner.name === 'c') {
      if (!row) fail(`une cellule de ${part} est hors d'une ligne`);
      scanner.cellAttributes();
      const { cell } = scanner;
      // A cell without its reference follows the previous one.
      column = cell.r >= 0 ? columnOf(xml, cell.r, cell.rEnd) : column + 1;
      if (column < 1 || column > MAX_COLUMN) fail(`référence de cellule invalide à la ligne ${rowNumber}`);
      const style = cell.s >= 0 ? integerOf(xml, cell.s, cell.sEnd) : 0;
      if (Number.isNaN(style)) fail(`style de cellule invalide à la ligne ${rowNumber}`);
      const type = cell.t >= 0 ? typeOf(xml, cell.t, cell.tEnd) : 'n';
      const value = cellContent();
      const format = formats[style] ?? NONE;
      const index = column - 1;
      if (format === PERCENT) row.percent[index] = true;
      if (value !== undefined || formula) {
        row.hasValue = true;
        row.width = Math.max(row.width, column);
        row.values[index] = value === undefined ? null : cellValue(type, value, format);
      } else if (style > 0) row.width = Math.max(row.width, column);
    } else if (scanner.name === 'mergeCell') {
      const reference = scanner.attribute('ref');
      if (reference !== undefined) merges.push(reference);
    }
  }

  /** What a `<c>` holds: its value's text (a formula's cached result, an inline string); `formula` tells whether it has one. */
  function cellContent(): string | undefined {
    let value: string | undefined;
    formula = false;
    for (;;) {
      if (!scanner.next()) fail('une cellule est incomplète');
      if (scanner.kind === CLOSE) break;
      if (scanner.kind === TEXT) continue;
      if (scanner.name === 'v') value = (value ?? '') + textOfLeaf(scanner);
      else if (scanner.name === 'is') value = (value ?? '') + textOf(scanner, 't');
      else if (scanner.name === 'f') {
        // A shared formula's followers have no text, only `t="shared"`.
        const shared = scanner.attribute('t') !== undefined;
        formula = textOfLeaf(scanner) !== '' || shared || formula;
      } else scanner.skipElement();
    }
    return value === '' ? undefined : value;
  }

  function cellValue(type: string, text: string, format: NumberFormat): XlsxCell {
    switch (type) {
      case 's': {
        const shared = strings[numberOf(text)];
        if (shared === undefined) fail(`texte partagé inconnu n° ${text}`);
        return shared;
      }
      case 'str':
      case 'inlineStr':
        return decodeOoxml(text);
      case 'b':
        if (text !== '0' && text !== '1' && text !== 'true' && text !== 'false') fail(`booléen invalide « ${text} »`);
        return text === '1' || text === 'true' ? 'Oui' : 'Non';
      case 'e':
        return null;
      case 'd':
        return isoDateOf(text.trim());
      case 'n': {
        const number = numberOf(text);
        return format === DATE ? excelDate(number, date1904) : number;
      }
      default:
        return fail(`type de cellule inconnu « ${type} »`);
    }
  }

  applyMerges(rows, merges);
  return rows;
}

/** Beyond this many merged cells, the merges are not a table's but a trap. */
const MAX_MERGED_CELLS = 5_000_000;

/** Each merged area's cells take its first cell's value (as exceljs gave them), counted up to the sheet's last row and column. */
function applyMerges(rows: Map<number, Row>, merges: string[]): void {
  if (merges.length === 0) return;
  let lastRow = 0;
  let lastColumn = 0;
  for (const [number, row] of rows) {
    lastRow = Math.max(lastRow, number);
    lastColumn = Math.max(lastColumn, row.width);
  }
  const rowAt = (number: number) => {
    let row = rows.get(number);
    if (!row) rows.set(number, (row = { values: [], percent: [], hasValue: false, width: 0 }));
    return row;
  };
  let budget = MAX_MERGED_CELLS;
  for (const reference of merges) {
    const match = /^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/.exec(reference);
    if (!match) continue;
    const [top, left, bottom, right] = [Number(match[2]), columnOf(match[1]), Number(match[4]), columnOf(match[3])];
    if (top > lastRow || left > lastColumn || top > bottom || left > right) continue;
    const master = rowAt(top);
    master.width = Math.max(master.width, left);
    const value = master.values[left - 1] ?? null;
    for (let r = top; r <= Math.min(bottom, lastRow); r++) {
      const row = rowAt(r);
      for (let c = left; c <= Math.min(right, lastColumn); c++) {
        if (r === top && c === left) continue;
        if (--budget < 0) fail('trop de cellules fusionnées');
        row.values[c - 1] = value;
        row.hasValue = true;
        row.width = Math.max(row.width, c);
      }
    }
  }
}

/** The rows that count, in order, as wide as the widest; a percentage shown as « 40 % ». */
function rowsOf(rows: Map<number, Row>): XlsxSheet['rows'] {
  const numbers = [...rows.keys()].filter((number) => (rows.get(number) as Row).hasValue).sort((a, b) => a - b);
  let columnCount = 0;
  for (const number of numbers) columnCount = Math.max(columnCount, (rows.get(number) as Row).width);
  if (numbers.length * columnCount > MAX_CELLS) fail('feuille trop grande');
  return numbers.map((line) => {
    const { values, percent } = rows.get(line) as Row;
    const cells: XlsxCell[] = new Array<XlsxCell>(columnCount);
    for (let c = 0; c < columnCount; c++) {
      const value = values[c];
      cells[c] = value === undefined ? null : percent[c] && typeof value === 'number' ? `${Math.round(value * 10000) / 100} %` : value;
    }
    return { line, cells };
  });
}

/** The sheets of an .xlsx, in the workbook's order, each with its non-empty rows; throws when the bytes are not a readable workbook. */
export function readWorkbook(bytes: Uint8Array): XlsxSheet[] {
  const zip = new Package(bytes);
  const officeDocument = [...relationships(zip.extract(['_rels/.rels']).get('_rels/.rels'), '').values()].find((r) => isType(r, 'officeDocument'));
  const workbookPart = officeDocument?.target ?? 'xl/workbook.xml';
  const book = zip.extract([workbookPart, relsOf(workbookPart)]);
  const workbookXml = book.get(workbookPart);
  if (workbookXml === undefined) fail("l'archive n'a pas de classeur");
  const rels = relationships(book.get(relsOf(workbookPart)), workbookPart);
  const { sheets, date1904 } = readWorkbookPart(workbookXml, workbookPart, rels);
  const targets = [...rels.values()];
  const sharedStringsPart = targets.find((r) => isType(r, 'sharedStrings'))?.target ?? '';
  const stylesPart = targets.find((r) => isType(r, 'styles'))?.target ?? '';
  const parts = zip.extract([sharedStringsPart, stylesPart, ...sheets.map((sheet) => sheet.part)].filter(Boolean));
  const strings = readSharedStrings(parts.get(sharedStringsPart), sharedStringsPart);
  const formats = readStyles(parts.get(stylesPart), stylesPart);
  return sheets.map(({ name, part }) => {
    const xml = parts.get(part);
    if (xml === undefined) fail(`la feuille « ${name} » manque dans l'archive`);
    return { name, rows: rowsOf(readSheet(xml, { strings, formats, date1904, part })) };
  });
}
