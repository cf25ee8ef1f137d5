// The PDFs the app saves, read back as a user's tools would: pdftotext's text, PNG pages to
// look at, and « Enregistrer en PDF… » with its save dialog answered.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, expect, type AppHandle } from './fixtures';

export const PDF_DIR = join(ARTIFACTS, 'pdf');

/**
 * pdftotext's text, one string per page, no-break spaces as spaces: with -layout (as laid
 * out: a table row on one line) or in reading order (a table cell's lines together).
 */
export function pdfPages(file: string, mode: 'layout' | 'reading' = 'layout'): string[] {
  const text = execFileSync('pdftotext', [...(mode === 'layout' ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
  return text.split('\f').slice(0, -1);
}

/** The Title of a PDF's information dictionary, as pdfinfo reads it. */
export function pdfTitle(file: string): string | undefined {
  return /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }))?.[1];
}

/** How many images a PDF draws (pdfimages -list: two header lines, then one line per image). */
export function pdfImageCount(file: string): number {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;
}

/** The font families a PDF embeds (pdffonts), without their subset tag and style: « LiberationSans ». */
export function pdfFontFamilies(file: string): string[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return [
    ...new Set(
      rows.map(
        (row) =>
          row
            .split(/\s+/)[0]
            .replace(/^[A-Z]{6}\+/, '')
            .split(/[-,]/)[0],
      ),
    ),
  ].sort();
}

/** The running header of a page (pdftotext -layout): its first two lines, one partner's name on each, the title beside the first. */
export const runningHeader = (page: string) =>
  page
    .trimStart()
    .split('\n')
    .slice(0, 2)
    .map((line) => line.trim().split(/\s{2,}/)[0]);

/** Text with every run of white space as one space: phrases that wrapped are found whole. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The PDF's pages as PNG (60 dpi) in tests/artifacts/pdf/, for a human eye; answers their paths. */
export function pngPages(file: string, name: string): string[] {
  mkdirSync(PDF_DIR, { recursive: true });
  for (const old of readdirSync(PDF_DIR).filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))) rmSync(join(PDF_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(PDF_DIR, name)]);
  return readdirSync(PDF_DIR).filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'));
}

/** « Enregistrer en PDF… » with the save dialog answered; answers the file once written. */
export async function savePdf(app: AppHandle, name: string): Promise<string> {
  const file = join(PDF_DIR, `${name}.pdf`);
  mkdirSync(PDF_DIR, { recursive: true });
  rmSync(file, { force: true });
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: file });
  await app.page.getByRole('button', { name: 'Enregistrer en PDF…' }).click();
  await expect(app.page.getByRole('alert').filter({ hasText: 'PDF enregistré' }).last()).toContainText(file);
  expect(existsSync(file)).toBe(true);
  return file;
}

/** Picks a layout in the toolbar (its radio buttons are drawn by their labels). */
export async function chooseLayout(app: AppHandle, label: string): Promise<void> {
  await app.page.getByRole('radiogroup', { name: 'Document à imprimer' }).getByText(label, { exact: true }).click();
}

/** The default path main proposed in the last save dialog (the double records it). */
export function proposedPath(app: AppHandle): string | undefined {
  const call = app.calls?.filter((entry) => entry.name === 'showSaveDialog').at(-1);
  return (call?.args.at(-1) as { defaultPath?: string } | undefined)?.defaultPath;
}
