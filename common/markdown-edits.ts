// The lettre's formatting buttons (Gras, Titre, Liste, Lien): each turns the text and its
// selection into the Markdown that db/newsletters/markdown.ts reads, so that nobody has to
// know the marks. Pressed again on what it made, a button takes its marks away.

/** A text and the selected part of it (start = end: the caret). */
export interface TextSelection {
  text: string;
  start: number;
  end: number;
}

export type MarkdownEdit = 'bold' | 'heading' | 'subheading' | 'list' | 'link';

/** What is selected after inserting a mark around nothing: the words to type over. */
export const PLACEHOLDERS = { bold: 'texte en gras', link: 'texte du lien', address: 'https://' } as const;

const LINE_PREFIXES: Record<'heading' | 'subheading' | 'list', string> = { heading: '## ', subheading: '### ', list: '- ' };
const ANY_PREFIX = /^(#{2,3} |- )/;

export function applyMarkdownEdit(edit: MarkdownEdit, selection: TextSelection): TextSelection {
  if (edit === 'bold') return toggleBold(selection);
  if (edit === 'link') return insertLink(selection);
  return toggleLinePrefix(selection, LINE_PREFIXES[edit]);
}

function toggleBold({ text, start, end }: TextSelection): TextSelection {
  // Spaces selected with a word (a double click) stay outside the marks: « ** mot** » is not bold.
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (text.slice(start - 2, start) === '**' && text.slice(end, end + 2) === '**') {
    return { text: text.slice(0, start - 2) + text.slice(start, end) + text.slice(end + 2), start: start - 2, end: end - 2 };
  }
  const selected = start === end ? PLACEHOLDERS.bold : text.slice(start, end);
  return { text: `${text.slice(0, start)}**${selected}**${text.slice(end)}`, start: start + 2, end: start + 2 + selected.length };
}

function insertLink({ text, start, end }: TextSelection): TextSelection {
  if (start === end) {
    const inserted = `[${PLACEHOLDERS.link}](${PLACEHOLDERS.address})`;
    return { text: text.slice(0, start) + inserted + text.slice(end), start: start + 1, end: start + 1 + PLACEHOLDERS.link.length };
  }
  // The words become the link's text; the address is what is left to type.
  const words = text.slice(start, end);
  const at = start + words.length + 3;
  return { text: `${text.slice(0, start)}[${words}](${PLACEHOLDERS.address})${text.slice(end)}`, start: at, end: at + PLACEHOLDERS.address.length };
}

/** Every line the selection touches gets the prefix (a title replaces a list mark, and so on), or loses it if all had it. */
function toggleLinePrefix({ text, start, end }: TextSelection, prefix: string): TextSelection {
  const first = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end);
  const last = next === -1 ? text.length : next;
  const lines = text.slice(first, last).split('\n');
  const all = lines.every((line) => line.startsWith(prefix));
  const changed = lines.map((line) => (all ? line.slice(prefix.length) : prefix + line.replace(ANY_PREFIX, '')));
  const block = changed.join('\n');
  const result = text.slice(0, first) + block + text.slice(last);
  // A selection becomes the lines it touched; the caret stays on its words.
  if (start !== end) return { text: result, start: first, end: first + block.length };
  const caret = Math.max(first, start + changed[0].length - lines[0].length);
  return { text: result, start: caret, end: caret };
}
