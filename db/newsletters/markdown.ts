// The small Markdown of a lettre d'info: what a newsletter needs and nothing more —
// titles (## and ###), paragraphs, lists (« - »), links ([texte](https://…), mailto:) and
// **gras**. One AST, drawn by the printed lettre (React), the e-mail's HTML and its plain text.
// Anything else stays text as typed: a lettre never carries raw HTML nor an image. Its
// text gets French typography (common/french.ts), as every printed document.
import { frenchTypography } from '../../common/french';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  /** A line ended by the author within a paragraph (an address, a signature): kept. */
  | { kind: 'break' };

export type Block = { kind: 'heading'; level: 2 | 3; content: Inline[] } | { kind: 'paragraph'; content: Inline[] } | { kind: 'list'; items: Inline[][] };

/** The addresses a link may take: the web and an e-mail address, never a file nor a script. */
const SAFE_HREF = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"@]+@[^\s<>"]+)$/i;

/** The inline marks of one line or paragraph: links (their text may be bold) and bold; the text between, in French typography. */
export function parseInline(text: string): Inline[] {
  const found: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) found.push({ kind: 'text', text: frenchTypography(plain) });
    plain = '';
  };
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link && SAFE_HREF.test(link[2])) {
      flush();
      found.push({ kind: 'link', href: link[2], children: parseInline(link[1]) });
      at += link[0].length;
      continue;
    }
    const bold = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest);
    if (bold) {
      flush();
      found.push({ kind: 'bold', children: parseInline(bold[1]) });
      at += bold[0].length;
      continue;
    }
    plain += text[at];
    at += 1;
  }
  flush();
  return found;
}

/** Blocks are separated by blank lines; a title or a list item is one line; other lines make a paragraph, each kept on its own line. */
export function parseMarkdown(source: string | null): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | null = null;
  const endParagraph = () => {
    if (paragraph.length > 0) {
      blocks.push({
        kind: 'paragraph',
        content: paragraph.flatMap((line, index) => (index === 0 ? parseInline(line) : [{ kind: 'break' as const }, ...parseInline(line)])),
      });
    }
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of (source ?? '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const heading = /^(#{2,3})\s+(.+)$/.exec(line);
    const item = /^[-*]\s+(.+)$/.exec(line);
    if (line === '') {
      endParagraph();
      endList();
    } else if (heading) {
      endParagraph();
      endList();
      blocks.push({ kind: 'heading', level: heading[1].length as 2 | 3, content: parseInline(heading[2]) });
    } else if (item) {
      endParagraph();
      list ??= [];
      list.push(parseInline(item[1]));
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}

/** Plain text, as the e-mail's text part and the terminal show it: bold dropped, a link followed by its address. */
export function markdownText(blocks: Block[]): string {
  const line = (content: Inline[]): string =>
    content
      .map((mark) => {
        if (mark.kind === 'text') return mark.text;
        if (mark.kind === 'break') return '\n';
        if (mark.kind === 'bold') return line(mark.children);
        const label = line(mark.children);
        const address = mark.href.replace(/^mailto:/i, '');
        return label === address ? label : `${label} (${address})`;
      })
      .join('');
  return blocks
    .map((block) => {
      if (block.kind === 'heading') {
        const title = line(block.content);
        return block.level === 2 ? `${title}\n${'-'.repeat(title.length)}` : title;
      }
      if (block.kind === 'list') return block.items.map((item) => `  • ${line(item)}`).join('\n');
      return line(block.content);
    })
    .join('\n\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** The styles of each element, written on the element itself: mail programs drop <style> sheets. */
export interface HtmlStyles {
  h2: string;
  h3: string;
  p: string;
  ul: string;
  li: string;
  a: string;
  strong: string;
}

/** HTML with every style inline, nothing loaded from outside: only the user's own links point out. */
export function markdownHtml(blocks: Block[], styles: HtmlStyles): string {
  const inline = (content: Inline[]): string =>
    content
      .map((mark) => {
        if (mark.kind === 'text') return escapeHtml(mark.text);
        if (mark.kind === 'break') return '<br>';
        if (mark.kind === 'bold') return `<strong style="${styles.strong}">${inline(mark.children)}</strong>`;
        return `<a href="${escapeHtml(mark.href)}" style="${styles.a}">${inline(mark.children)}</a>`;
      })
      .join('');
  return blocks
    .map((block) => {
      if (block.kind === 'heading') return `<h${block.level} style="${styles[`h${block.level}`]}">${inline(block.content)}</h${block.level}>`;
      if (block.kind === 'list') return `<ul style="${styles.ul}">${block.items.map((item) => `<li style="${styles.li}">${inline(item)}</li>`).join('')}</ul>`;
      return `<p style="${styles.p}">${inline(block.content)}</p>`;
    })
    .join('\n');
}
