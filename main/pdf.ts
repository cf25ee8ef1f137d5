// What a PDF written by Chromium's printToPDF holds, read from its objects: how many pages,
// and its outline (the bookmarks it makes from the document's headings), each entry with
// the page it opens. Chromium (Skia) writes these objects uncompressed, each once.

/** An entry of the outline: a heading's text and the page, from 1, where it is printed. */
export interface OutlineEntry {
  title: string;
  page: number;
}

/** How many pages a PDF written by Chromium holds (its page objects), or undefined if none is found. */
export function pdfPageCount(pdf: Buffer): number | undefined {
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length;
  return pages || undefined;
}

/** The objects of the file, by number: each one's text up to its `endobj`. */
function objects(text: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const match of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end !== -1) found.set(Number(match[1]), text.slice(start, end));
  }
  return found;
}

/** A PDF text string: `(literal)` with its escapes, or `<FEFF…>` in UTF-16BE. */
function decodeString(raw: string): string {
  if (raw.startsWith('<')) {
    const bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ''), 'hex');
    // UTF-16 by whole pairs of bytes: a damaged string loses its odd last byte rather than fail the outline.
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
        .swap16()
        .toString('utf16le');
    return bytes.toString('latin1');
  }
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return raw
    .slice(1, -1)
    .replace(/\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))/gs, (_all, octal?: string, _newline?: string, other?: string) =>
      octal ? String.fromCharCode(parseInt(octal, 8)) : other ? (escapes[other] ?? other) : '',
    );
}

/** The page objects in reading order, by walking the page tree from its root. */
function pageOrder(all: Map<number, string>): number[] {
  const kidsOf = (body: string) => [...(/\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((ref) => Number(ref[1]));
  const roots = [...all].filter(([, body]) => /\/Type\s*\/Pages\b/.test(body) && !/\/Parent\s/.test(body));
  const order: number[] = [];
  const walk = (number: number, depth: number) => {
    const body = all.get(number);
    if (body === undefined || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(body)) for (const kid of kidsOf(body)) walk(kid, depth + 1);
    else order.push(number);
  };
  for (const [number] of roots) walk(number, 0);
  return order;
}

/** The outline's entries with their pages, in the file's order; empty when the PDF has none or cannot be read so. */
export function pdfOutline(pdf: Buffer): OutlineEntry[] {
  const all = objects(pdf.toString('latin1'));
  const pages = pageOrder(all);
  const entries: OutlineEntry[] = [];
  for (const body of all.values()) {
    const title = /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/s.exec(body)?.[1];
    const destination = /\/Dest\s*\[\s*(\d+) 0 R/.exec(body)?.[1];
    if (title === undefined || destination === undefined) continue;
    const page = pages.indexOf(Number(destination)) + 1;
    if (page > 0) entries.push({ title: decodeString(title).trim(), page });
  }
  return entries;
}
