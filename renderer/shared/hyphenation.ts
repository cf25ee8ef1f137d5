// French hyphenation where columns are narrow (the Kanban's cards). Chromium hyphenates
// French neither on Linux nor on Windows (`hyphens: auto` needs dictionaries they lack), so
// a word wider than its card, « approvisionnements », was cut anywhere. Soft hyphens
// (U+00AD) placed by the French patterns (Liang's, as TeX's) let the browser break a long
// word where French breaks it, with a hyphen, and only when the word does not fit.
import { hyphenateSync } from 'hyphen/fr';

/**
 * Shorter words fit a card's line (about 17 letters): left whole, they move to the next line
 * rather than being broken at every line's end.
 */
const MIN_WORD_LENGTH = 14;
const known = new Map<string, string>();

/** The text with soft hyphens in its long words. Memoised: a board shows the same titles again at each change. */
export function hyphenated(text: string): string {
  let result = known.get(text);
  if (result === undefined) {
    if (known.size >= 10_000) known.clear();
    result = hyphenateSync(text, { minWordLength: MIN_WORD_LENGTH });
    known.set(text, result);
  }
  return result;
}
