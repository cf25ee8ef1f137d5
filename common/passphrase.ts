// The project passphrase encrypts the sync files that travel between the Départements (db/sync/format.ts): its rule, a
// suggestion of several words, and an estimate of its strength for the screen that chooses it.
import { PASSPHRASE_WORDS } from './passphrase-words';

/** Counted by passphraseLength: code points of the trimmed text. */
export const MIN_PASSPHRASE_LENGTH = 12;

export type PassphraseLevel = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  /** log2 of the guesses needed by an attacker who tries the usual patterns first. */
  bits: number;
  level: PassphraseLevel;
  label: string;
  /** What would make it stronger; null at the top level. */
  advice: string | null;
}

const LEVEL_LABELS = ['Trop courte', 'Faible', 'Moyenne', 'Bonne', 'Excellente'] as const;
/** The bits from which « Moyenne », « Bonne » and « Excellente » start. */
const LEVEL_BITS = [45, 60, 80] as const;

// French typography: a narrow no-break space before ; : ! ? and inside « ».
const NNBSP = '\u202f';

const WORDS = new Set(PASSPHRASE_WORDS);
const WORD_BITS = Math.log2(PASSPHRASE_WORDS.length);

/** The length the rule counts: code points of the trimmed text. */
export function passphraseLength(text: string): number {
  return [...text.trim()].length;
}

/** A phrase of distinct words drawn at random from the list, joined by hyphens: « lampe-jardin-rocher-cabane-verger ». */
export function suggestPassphrase(words = 5): string {
  const chosen = new Set<string>();
  // Distinct words, so that a suggestion never looks like a repeat: the last word is one of n − 4 instead of n, a loss too small to count.
  while (chosen.size < words) chosen.add(PASSPHRASE_WORDS[randomIndex(PASSPHRASE_WORDS.length)]);
  return [...chosen].join('-');
}

/** A uniform index below `size`: draws at or above the largest multiple of `size` are drawn again, so that no index is favoured. */
function randomIndex(size: number): number {
  const limit = Math.floor(2 ** 32 / size) * size;
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw);
  while (draw[0] >= limit);
  return draw[0] % size;
}

/** How hard the passphrase is to guess, estimated honestly, with what would help: for the screen that chooses it. */
export function passphraseStrength(text: string): PassphraseStrength {
  const phrase = text.trim().normalize('NFC');
  const length = passphraseLength(text);
  const listWords = listWordCount(phrase);
  const estimate = listWords === null ? patternEstimate(phrase) : { bits: listWords * WORD_BITS, patterns: new Set<Pattern>() };
  const level: PassphraseLevel =
    length < MIN_PASSPHRASE_LENGTH ? 0 : estimate.bits < LEVEL_BITS[0] ? 1 : estimate.bits < LEVEL_BITS[1] ? 2 : estimate.bits < LEVEL_BITS[2] ? 3 : 4;
  return { bits: estimate.bits, level, label: LEVEL_LABELS[level], advice: advice(level, length, estimate) };
}

/** Lower case without accents: « Coopération » is read as the weak word « cooperation ». */
const fold = (char: string) => char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** How many distinct words of the list the phrase is made of, when it is only that (separated by spaces or hyphens). */
function listWordCount(phrase: string): number | null {
  const words = phrase.split(/[\s-]+/).map((word) => [...word].map(fold).join(''));
  // Distinct: « lampe lampe lampe lampe » is one word to guess, not four.
  return words.every((word) => WORDS.has(word)) ? new Set(words).size : null;
}

type Pattern = 'word' | 'weak' | 'sequence' | 'repeat' | 'char';

interface Estimate {
  bits: number;
  /** The patterns the cheapest reading used, for the advice. */
  patterns: Set<Pattern>;
}

/** What an attacker of this project tries first: the usual passwords, its name, its Départements, their towns and numbers. */
const WEAK_WORDS = new Set([
  'motdepasse',
  'password',
  'secret',
  'admin',
  'entente',
  'cooperation',
  'departement',
  'indre',
  'loire',
  'loir',
  'cher',
  'touraine',
  'blois',
  'tours',
  '37',
  '41',
]);
const WEAK_BITS = Math.log2(WEAK_WORDS.size);
const YEAR = /^(19|20)\d\d$/;
const YEAR_BITS = Math.log2(200);

/** Alphabet, digits and keyboard rows (AZERTY and QWERTY), read either way. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  '1234567890',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
].flatMap((row) => [row, [...row].reverse().join('')]);
/** Every run of 3 characters or more of a sequence is one guess among these. */
const SEQUENCE_BITS = Math.log2(SEQUENCES.reduce((sum, row) => sum + ((row.length - 2) * (row.length - 1)) / 2, 0));

/**
 * A word of a big dictionary, in whatever language: what « correct horse battery staple » is made of. Short words are few
 * (about 8^length of them: « le », « des »), the others one among some 65,000.
 */
const dictionaryBits = (length: number) => Math.min(3 * length, 16);
/** Longer runs of letters are more likely several words glued together, which the list words measure better. */
const DICTIONARY_MAX_LENGTH = 10;
/** A space, a hyphen, a dot: one of a handful of usual separators. */
const SEPARATOR = /^[\s\-_.,;:/+]$/;
const SEPARATOR_BITS = 2;
const LONGEST_WEAK_WORD = Math.max(...[...WEAK_WORDS].map((word) => word.length));
const LONGEST_REPEAT_UNIT = 16;
/** Past this, more characters add no bits to the estimate: it is already far above the top level, and stays quick. */
const ANALYSED_LENGTH = 128;

/** The pool of characters an attacker must try for each character, from the classes the text uses. */
const CHARACTER_CLASSES: [RegExp, number][] = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[^\P{L}a-zA-Z]/u, 36], // accented letters, lower and upper case
  [/[^\p{L}0-9]/u, 33], // spaces and symbols
];

/**
 * The fewest bits over every way of cutting the text into pieces — list words, weak words, years, sequences, repeats,
 * dictionary words, or characters one by one — found as a cheapest path, one position after the other.
 */
function patternEstimate(phrase: string): Estimate {
  const chars = [...phrase].slice(0, ANALYSED_LENGTH);
  const folded = chars.map(fold);
  const pool = CHARACTER_CLASSES.reduce((sum, [regex, size]) => (chars.some((char) => regex.test(char)) ? sum + size : sum), 0);
  const charBits = Math.log2(Math.max(pool, 2));
  const isLetter = chars.map((char) => /\p{L}/u.test(char));
  const n = chars.length;
  const best: number[] = [0, ...Array<number>(n).fill(Infinity)];
  const via: { from: number; pattern: Pattern }[] = [];

  for (let start = 0; start < n; start++) {
    const offer = (end: number, bits: number, pattern: Pattern) => {
      if (best[start] + bits < best[end]) {
        best[end] = best[start] + bits;
        via[end] = { from: start, pattern };
      }
    };
    const piece = (end: number) => folded.slice(start, end).join('');
    const caseBits = (end: number) => caseVariantBits(chars.slice(start, end));

    offer(start + 1, SEPARATOR.test(chars[start]) ? SEPARATOR_BITS : charBits, 'char');
    for (let end = start + 2; end <= Math.min(n, start + LONGEST_WEAK_WORD); end++) {
      const text = piece(end);
      if (WORDS.has(text)) offer(end, WORD_BITS + caseBits(end), 'word');
      if (WEAK_WORDS.has(text)) offer(end, WEAK_BITS + caseBits(end), 'weak');
      if (YEAR.test(text)) offer(end, YEAR_BITS, 'weak');
    }
    for (const row of SEQUENCES) {
      const first = row.indexOf(folded[start]);
      if (first < 0) continue;
      let end = start + 1;
      while (end < n && row[first + end - start] === folded[end]) end++;
      for (let stop = start + 3; stop <= end; stop++) offer(stop, SEQUENCE_BITS + caseBits(stop), 'sequence');
    }
    // The text just before, said again: « aaaa », « 2424 », « lampelampe ».
    for (let unit = 1; unit <= Math.min(start, LONGEST_REPEAT_UNIT); unit++) {
      let end = start;
      while (end < n && folded[end] === folded[end - unit]) end++;
      for (let stop = start + Math.max(2, unit); stop <= end; stop++) offer(stop, 1 + Math.log2(unit) + Math.log2(stop - start), 'repeat');
    }
    if (isLetter[start] && !isLetter[start - 1]) {
      let end = start;
      while (end < n && isLetter[end]) end++;
      if (end - start <= DICTIONARY_MAX_LENGTH && looksLikeWord(piece(end))) offer(end, dictionaryBits(end - start) + caseBits(end), 'word');
    }
  }

  const patterns = new Set<Pattern>();
  for (let end = n; end > 0; end = via[end].from) patterns.add(via[end].pattern);
  return { bits: best[n], patterns };
}

/** Capitals cost a bit when they follow the habit (a first capital, or all), a bit each otherwise. */
function caseVariantBits(chars: string[]): number {
  const capitals = chars.filter((char) => char !== char.toLowerCase()).length;
  if (capitals === 0) return 0;
  if (capitals === chars.length || (capitals === 1 && chars[0] !== chars[0].toLowerCase())) return 1;
  return capitals;
}

/** A vowel and no more than three consonants in a row: a word of some language rather than random letters. */
function looksLikeWord(letters: string): boolean {
  return /[aeiouy]/.test(letters) && !/[^aeiouy]{4}/.test(letters);
}

const COUNTS = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept'];

function advice(level: PassphraseLevel, length: number, { bits, patterns }: Estimate): string | null {
  if (level === 0) {
    const missing = MIN_PASSPHRASE_LENGTH - length;
    return `Encore ${missing} caractère${missing > 1 ? 's' : ''} au moins${NNBSP}: une suite de plusieurs mots est le plus simple.`;
  }
  // From « Bonne » (the suggestion's level), nothing to add: a conseil there would contradict the suggestion.
  if (level >= 3) return null;
  const sentences: string[] = [];
  if (patterns.has('weak')) sentences.push('Évitez les mots et nombres attendus (mot de passe, noms de la coopération et des Départements, 37, 41, années).');
  if (patterns.has('sequence') || patterns.has('repeat')) {
    sentences.push(`Évitez les suites comme «${NNBSP}1234${NNBSP}» ou «${NNBSP}azerty${NNBSP}» et les répétitions.`);
  }
  // Words of the list, each worth WORD_BITS: how many would reach « Bonne ».
  const words = Math.ceil((LEVEL_BITS[1] - bits) / WORD_BITS);
  sentences.push(`Ajoutez ${COUNTS[words]} mot${words > 1 ? 's' : ''}.`);
  return sentences.join(' ');
}
