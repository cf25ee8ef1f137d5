// How texts sort for French readers: case and accents ignored ("Échanges" among the E's;
// SQLite's NOCASE knows ASCII only and would put "É" after "Z").

const keys = new Map<string, string>();

/** The sort key of a text. Memoised: every list sorts the same titles again. */
export function sortKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= 100_000) keys.clear();
    key = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    keys.set(text, key);
  }
  return key;
}

/** Texts in the order SQLite compares them (code units, as its BINARY collation for ASCII ids and clocks). */
export const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
