// French typography of the screens: a narrow no-break space (U+202F, or U+00A0) before
// « ; : ! ? » and inside « », never an ordinary space, which lets the sign start a line;
// a no-break space too between a number and its unit (« 60 % », « 2 h ») and after « n° ».
// Only the text the screens show is read — string literals, templates and JSX text, found
// by the TypeScript parser — so that code (a ? b : c, objects, types) is left alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '../..');

const LETTER = /\p{L}/u;
/** Stands for an interpolated value in a text. */
const HOLE = '\uE000';
/** Separates the texts of a JSX element around a child element. */
const BREAK = '\uE001';
/** An ordinary space before ; : ! ? (followed by a space or the end), after « or before ». */
const FAULT = / [;:!?](?=\s|$)|« | »/;
/** An ordinary space between a number (a digit, or a value put in the text) and % € h min, or after n°. */
const UNIT_FAULT = new RegExp(`[\\d${HOLE}] (?:%|€|h|min)(?!\\p{L})|n° `, 'u');
/** A separator that joins screen texts: « ; » between spaces, or before a new line. */
const SEPARATOR = /^ ?[;:!?] ?\n?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The screen texts of a source file that break the rule (the units' too if `units`), with their line. */
function faults(fileName: string, text: string, units = true): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  // A text is screen text if it has letters, or values put in it (HOLE), or joins texts (SEPARATOR).
  const check = (node: ts.Node, value: string) => {
    if (!(LETTER.test(value) || value.includes(HOLE) || SEPARATOR.test(value)) || !(FAULT.test(value) || (units && UNIT_FAULT.test(value)))) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${line}: ${value.replaceAll(HOLE, '…').replace(/\s+/g, ' ').trim()}`);
  };
  const visit = (node: ts.Node): void => {
    // Module names are no text.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // A bare sign (split(':')) is code: screen text has a letter, or joins texts (join(' ; ')).
      if (LETTER.test(node.text) || SEPARATOR.test(node.text)) check(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      check(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(HOLE));
    } else if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      // The text between the tags, {expressions} included: <p>L'action « {title} »</p>.
      const joined = node.children.map((child) => (ts.isJsxText(child) ? child.text : ts.isJsxExpression(child) ? HOLE : BREAK)).join('');
      for (const part of joined.split(BREAK)) check(node, part);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(found)];
}

describe('typographie française des écrans', () => {
  test('la règle : espace ordinaire avant « : » ou dans « », pas dans le code', () => {
    expect(faults('a.tsx', `const a = 'Statut : en cours';`)).toHaveLength(1);
    expect(faults('a.tsx', `const a = <p>Supprimer cette action ?</p>;`)).toHaveLength(1);
    expect(faults('a.tsx', 'const a = `${n} actions ; ${m} réunions`;')).toHaveLength(1);
    expect(faults('a.tsx', `const a = <p>L'action « {title} » sera supprimée.</p>;`)).toHaveLength(1);
    expect(faults('a.tsx', `const a = 'Statut\u202F: en cours ; « ok\u00a0»';`)).toHaveLength(1);
    expect(faults('a.tsx', `const a = 'Statut\u202F: en cours\u202F; «\u00a0ok\u00a0»';`)).toEqual([]);
    expect(faults('a.ts', `const a = b ? c : d; const o = { x: 'a:b', y: 'https://x.fr' };`)).toEqual([]);
    expect(faults('a.ts', `const a = list.join(' ; ');\nconst b = list.join(' ;\\n');\nconst c = list.join('\u202F; ');`)).toHaveLength(2);
  });

  test('la règle : espace ordinaire entre un nombre et son unité, ou après « n° »', () => {
    expect(faults('a.tsx', `const a = 'Avancement\u202F: 60 %';`)).toHaveLength(1);
    expect(faults('a.tsx', `const a = <p>soit {fromSteps} %.</p>;`)).toHaveLength(1);
    expect(faults('a.tsx', 'const a = `${amount} € en ${hours} h et 5 min`;')).toHaveLength(1);
    expect(faults('a.tsx', 'const a = `Décision n° ${number}`;')).toHaveLength(1);
    expect(faults('a.tsx', 'const a = `${progress}\u00a0% à 9\u00a0h, n°\u00a0${number}, 2 heures, 3 minutes`;')).toEqual([]);
  });

  test('aucun texte de renderer/ ni de common/ avec une espace ordinaire avant ; : ! ?, dans « », avant une unité ni après n°', () => {
    const files = ['renderer', 'common'].flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => relative(ROOT, path));
    // common/'s times and durations (« 9 h 30 ») are also written by the CLI and in the documents, in plain text.
    const found = Object.fromEntries(
      files
        .map((file) => [file, faults(file, readFileSync(join(ROOT, file), 'utf8'), file.startsWith('renderer'))] as const)
        .filter(([, list]) => list.length > 0),
    );
    expect(found).toEqual({});
  });
});
