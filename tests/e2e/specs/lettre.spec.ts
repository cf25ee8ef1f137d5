// The lettre d'info de la coopération: « Nouvelle lettre » drafts it from the period's facts;
// an article removed, one moved with the keyboard, an editorial in bold with a list; published
// after a confirmation, then read-only; printed on A4 and read back with pdftotext; its .eml.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../../common/calendar';
import { updateAction } from '../../../db/actions/writes';
import { createMeeting } from '../../../db/meetings/writes';
import { axeViolations } from '../harness/a11y';
import { initData, todayInParis, withStore } from '../harness/data';
import { expect, screenshot, test, type AppHandle } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';
import { flat, PDF_DIR, pdfPages, pngPages, savePdf } from '../harness/pdf';
import { parseEmlWithPython } from '../../db/python-email';

const TODAY = todayInParis();

/** A réalisée, a lancée, an atelier a week ago. */
function prepare(): string {
  const dataDir = initData(newDataDir());
  withStore(dataDir, (store) => {
    updateAction(store, 'a4-2', { status: 'realise' });
    updateAction(store, 'a4-1', { status: 'en_cours' });
    updateAction(store, 'a6-1', { status: 'en_cours' });
    createMeeting(store, { type: 'atelier', title: 'Atelier mobilités', date: addDays(TODAY, -7), start_time: '14:00', duration_minutes: 90, place: 'Blois' });
  });
  return dataDir;
}

async function checkTheme(app: AppHandle, name: string): Promise<void> {
  await screenshot(app, name);
  const problems = await axeViolations(app.page);
  expect(problems, problems.join('\n')).toEqual([]);
}

test('une lettre préparée, relue, publiée, imprimée et envoyée', async ({ launch }) => {
  test.setTimeout(150_000);
  const app = await launch(prepare());
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await page.getByRole('link', { name: "Lettres d'info" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Lettres d'info" })).toBeVisible();
  await expect(page.getByText('Aucune lettre pour le moment.')).toBeVisible();

  await page.getByRole('button', { name: 'Nouvelle lettre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Lettre n°\s1/ })).toBeVisible();
  const articles = page.getByRole('article');
  const titles = () =>
    articles.getByRole('textbox', { name: "Titre de l'article" }).evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
  const proposed = await titles();
  // Réalisée, lancées (by chantier), the atelier, the figures.
  expect(proposed).toHaveLength(5);
  expect(proposed.at(-2)).toBe('Atelier mobilités');
  expect(proposed.at(-1)).toBe('Chiffres clés');
  await expect(articles.first().getByText('Action réalisée')).toBeVisible();

  // The second lancée removed; the atelier moved up with the keyboard, twice.
  await page.getByRole('button', { name: `Retirer l'article « ${proposed[2]} »` }).click();
  await expect(articles).toHaveCount(4);
  const up = page.getByRole('button', { name: "Monter l'article « Atelier mobilités »" });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect.poll(titles).toEqual([proposed[0], 'Atelier mobilités', proposed[1], 'Chiffres clés']);
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(titles).toEqual(['Atelier mobilités', proposed[0], proposed[1], 'Chiffres clés']);

  // An article rewritten, one added; the editorial with bold and a list, previewed.
  const atelier = articles.first();
  await atelier.getByRole('textbox', { name: 'Texte' }).fill('Vingt agents des deux Départements ont travaillé sur la **mobilité**.');
  await page.getByRole('button', { name: 'Ajouter un article' }).click();
  await expect(articles).toHaveCount(5);
  await articles.last().getByRole('textbox', { name: "Titre de l'article" }).fill('Agenda');
  await articles.last().getByRole('textbox', { name: 'Texte' }).fill('- CODIRI en mars\n- Atelier numérique en avril');
  // The editorial typed plainly, then formatted with the buttons and Ctrl+G (gras, as in a French word processor), as someone who knows no Markdown would.
  const editorial = page.getByRole('textbox', { name: 'Éditorial' });
  const plain = 'Une rentrée active\n\nLa coopération avance :\n\nune action réalisée\ndeux lancées';
  await editorial.fill(plain);
  const select = (words: string, through = words) =>
    editorial.evaluate(
      (area: HTMLTextAreaElement, [from, to]) => area.setSelectionRange(area.value.indexOf(from), area.value.indexOf(to) + to.length),
      [words, through],
    );
  const formatting = page.getByRole('toolbar', { name: /^Mise en forme\s: Éditorial$/ });
  await select('rentrée');
  await formatting.getByRole('button', { name: 'Titre', exact: true }).click();
  await select('avance');
  await page.keyboard.press('Control+g');
  await select('une action', 'deux lancées');
  await formatting.getByRole('button', { name: 'Liste à puces' }).click();
  await expect(editorial).toHaveValue('## Une rentrée active\n\nLa coopération **avance** :\n\n- une action réalisée\n- deux lancées');
  // The selection stays on what was formatted: a second press takes the marks away.
  await formatting.getByRole('button', { name: 'Liste à puces' }).click();
  await expect(editorial).toHaveValue('## Une rentrée active\n\nLa coopération **avance** :\n\nune action réalisée\ndeux lancées');
  await select('une action', 'deux lancées');
  await formatting.getByRole('button', { name: 'Liste à puces' }).click();
  await expect(editorial).toBeFocused();
  // From the keyboard: the toolbar is one Tab stop before the text, its buttons one arrow apart.
  await page.keyboard.press('Shift+Tab');
  await expect(formatting.getByRole('button', { name: 'Liste à puces' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(formatting.getByRole('button', { name: 'Gras (Ctrl+G)' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(formatting.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(formatting.getByRole('button', { name: 'Gras (Ctrl+G)' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editorial).toBeFocused();
  const preview = page.getByRole('region', { name: "Aperçu de l'éditorial" });
  await expect(preview.locator('strong')).toHaveText('avance');
  await expect(preview.getByRole('listitem')).toHaveText(['une action réalisée', 'deux lancées']);
  // An article whose text has marks is previewed under it too; one without reads the same, and is not.
  await expect(page.getByRole('region', { name: "Aperçu de l'article « Atelier mobilités »" }).locator('strong')).toHaveText('mobilité');
  await expect(page.getByRole('region', { name: "Aperçu de l'article « Agenda »" }).getByRole('listitem')).toHaveText([
    'CODIRI en mars',
    'Atelier numérique en avril',
  ]);
  await expect(page.getByRole('region', { name: "Aperçu de l'article « Chiffres clés »" }).locator('strong').first()).toBeVisible();
  await expect(page.getByRole('region', { name: `Aperçu de l'article « ${proposed[0]} »` })).toHaveCount(0);
  await expect(page.getByText('Enregistré')).toBeVisible();
  await page.mouse.move(600, 600);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await checkTheme(app, 'lettre-brouillon-clair');
  await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
  await page.mouse.move(600, 600);
  await checkTheme(app, 'lettre-brouillon-sombre');
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();

  // Published after a confirmation: read-only from then on.
  await page.getByRole('button', { name: 'Publier…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier la lettre n° 1' });
  await expect(dialog).toContainText('ne peut plus être modifiée');
  await dialog.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'La lettre de la coopération n° 1' })).toBeVisible();
  await expect(page.getByText(/Publiée le .* par Claire Martin\s: elle ne peut plus être modifiée\./)).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await checkTheme(app, 'lettre-publiee');

  // The A4 lettre: the band with both partners, the editorial, the articles in two columns.
  await page.getByRole('link', { name: 'Imprimer / PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aperçu avant impression' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'La lettre de la coopération n° 1' })).toBeVisible();
  await screenshot(app, 'lettre-apercu');
  const file = await savePdf(app, 'lettre');
  const text = flat(pdfPages(file, 'reading').join(' '));
  for (const expected of [
    "Département d'Indre-et-Loire",
    'Département de Loir-et-Cher',
    'La lettre de la coopération n° 1',
    'Une rentrée active',
    'La coopération avance :',
    'une action réalisée',
    'Atelier mobilités',
    'Vingt agents des deux Départements ont travaillé sur la mobilité.',
    'Agenda',
    'Atelier numérique en avril',
    'Chiffres clés',
    '1 atelier interdépartemental',
  ])
    expect(text).toContain(expected);
  expect(text).not.toContain(proposed[2]);
  expect(text).not.toContain('**');
  // The atelier before the action réalisée, as moved.
  expect(text.indexOf('Atelier mobilités')).toBeLessThan(text.indexOf(proposed[0]));
  expect(pngPages(file, 'lettre').length).toBeGreaterThanOrEqual(1);

  // The courriel: text and HTML, read by Python's email package.
  await page.getByRole('link', { name: 'Retour à la lettre' }).click();
  const emlFile = join(PDF_DIR, 'lettre.eml');
  rmSync(emlFile, { force: true });
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: emlFile });
  await page.getByRole('button', { name: 'Préparer le courriel…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Courriel préparé' }).last()).toContainText(`${emlFile} (sans destinataire)`);
  expect(existsSync(emlFile)).toBe(true);
  const email = parseEmlWithPython(emlFile);
  expect(email).toMatchObject({
    defects: [],
    multipart: true,
    content_type: 'multipart/alternative',
    subject: 'La lettre de la coopération n° 1',
    unsent: '1',
  });
  expect(email.text).toContain('La coopération avance\u00a0:');

  // The list says it is published; the dashboard counts it.
  await page.getByRole('link', { name: "Toutes les lettres d'info" }).click();
  await expect(page.getByRole('table', { name: "Lettres d'info" })).toContainText('Publiée le');
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('group', { name: "Lettres d'info publiées", exact: true })).toContainText('1');
  await app.close();
});
