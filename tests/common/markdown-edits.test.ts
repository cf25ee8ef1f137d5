import { describe, expect, test } from 'vitest';
import { applyMarkdownEdit, type MarkdownEdit, type TextSelection } from '../../common/markdown-edits';
import { parseMarkdown } from '../../db/newsletters/markdown';

/** A text with its selection written in it: « [ » and « ] » around the selection, « | » for the caret. */
function marked(source: string): TextSelection {
  const caret = source.indexOf('|');
  if (caret !== -1) return { text: source.replace('|', ''), start: caret, end: caret };
  const start = source.indexOf('[');
  const end = source.indexOf(']') - 1;
  return { text: source.replace('[', '').replace(']', ''), start, end };
}

function shown({ text, start, end }: TextSelection): string {
  return start === end ? `${text.slice(0, start)}|${text.slice(start)}` : `${text.slice(0, start)}[${text.slice(start, end)}]${text.slice(end)}`;
}

const edited = (edit: MarkdownEdit, source: string) => shown(applyMarkdownEdit(edit, marked(source)));

describe('boutons de mise en forme de la lettre', () => {
  test('gras : autour des mots choisis, sans les espaces prises avec eux ; appuyé de nouveau, le gras est retiré', () => {
    expect(edited('bold', 'La coopération [avance ]vite')).toBe('La coopération **[avance]** vite');
    expect(edited('bold', 'La coopération **[avance]** vite')).toBe('La coopération [avance] vite');
    expect(edited('bold', 'Texte |')).toBe('Texte **[texte en gras]**');
    expect(parseMarkdown(applyMarkdownEdit('bold', marked('La coopération [avance] vite')).text)).toEqual([
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'La coopération ' },
          { kind: 'bold', children: [{ kind: 'text', text: 'avance' }] },
          { kind: 'text', text: ' vite' },
        ],
      },
    ]);
  });

  test('titre, sous-titre et liste : sur chaque ligne touchée ; un titre remplace une puce ; appuyé de nouveau, retiré', () => {
    expect(edited('heading', 'Une rentrée| active\n\nTexte')).toBe('## Une rentrée| active\n\nTexte');
    expect(edited('subheading', '## Une [rentrée] active')).toBe('[### Une rentrée active]');
    expect(edited('list', 'Intro\n[une action\ndeux lancées]\nFin')).toBe('Intro\n[- une action\n- deux lancées]\nFin');
    expect(edited('list', '[- une action\n- deux lancées]')).toBe('[une action\ndeux lancées]');
    expect(edited('list', 'Intro\n- une [action\ndeux] lancées')).toBe('Intro\n[- une action\n- deux lancées]');
    expect(edited('heading', '- une| action')).toBe('## une| action');
    expect(parseMarkdown(applyMarkdownEdit('list', marked('[une action\ndeux lancées]')).text)).toEqual([
      { kind: 'list', items: [[{ kind: 'text', text: 'une action' }], [{ kind: 'text', text: 'deux lancées' }]] },
    ]);
  });

  test("lien : les mots choisis en deviennent le texte, l'adresse reste à taper ; sans choix, le texte aussi", () => {
    expect(edited('link', 'Voir [le site] ici')).toBe('Voir [le site]([https://]) ici');
    expect(edited('link', 'Voir |')).toBe('Voir [[texte du lien]](https://)');
  });
});
