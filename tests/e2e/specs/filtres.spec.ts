// The Actions screen's filters (chantier, statut incl. « Sans statut », en retard, sans
// pilote), its full-text search (title, description, notes) and its sort by column header.
import type { Locator } from '@playwright/test';
import { addNote, createAction } from '../../../db/actions/writes';
import { createPerson } from '../../../db/people/writes';
import { setPilot } from '../../../db/actions/pilots';
import { axeViolations } from '../harness/a11y';
import { copyOfPrepared, initData, withStore } from '../harness/data';
import { actionCount, expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';

const LATE = 'Cartographie des producteurs locaux';
const DONE_PAST_END = 'Bilan des menus végétariens';
const NO_STATUS = 'Veille partagée sur les appels à projets européens';
const DESCRIBED = "Plateforme d'approvisionnement commune";
const NOTED = 'a7-1';
const NOTED_TITLE = "Partage et appropriation par les directions générales d'un tableau de bord";
const PILOTED = "Organisation d'une formation commune à la gestion de projet";

/** The default project (14 actions) and four more, two of them with a pilote. */
function prepare(dataDir: string): void {
  initData(dataDir);
  withStore(dataDir, (store) => {
    const marc = createPerson(store, { name: 'Marc Lefèvre', function: 'Directeur des ressources humaines', partner_id: 'd41', email: null });
    const late = createAction(store, { chantier_id: 'c3', title: LATE, status: 'en_cours', start_date: '2025-10-01', end_date: '2026-01-15' });
    createAction(store, { chantier_id: 'c3', title: DONE_PAST_END, status: 'realise', end_date: '2026-03-01', progress: 100 });
    createAction(store, { chantier_id: 'c9', title: NO_STATUS, status: null });
    createAction(store, {
      chantier_id: 'c3',
      title: DESCRIBED,
      description: "Étude d'une légumerie partagée entre les deux Départements, pour les collèges.",
    });
    addNote(store, NOTED, { text: 'Réunion à Chambord : sélection des indicateurs RH validée.', date: '2026-10-02' });
    setPilot(store, 'a4-1', 'd41', { person_id: marc, services: 'DRH' });
    setPilot(store, late, 'd37', { person_id: store.personId!, services: null });
  });
}

const rows = (app: AppHandle) => app.page.getByRole('table', { name: 'Actions' }).locator('tbody').getByRole('row');
const titles = (app: AppHandle) => rows(app).locator('td:nth-child(3)').allInnerTexts();
/** « 4.2 » as [4, 2], to compare references. */
const referenceKey = (reference: string) => reference.split('.').map(Number);

/** Picks an option of a Mantine select: its list is the one the field controls (aria-controls). */
async function choose(app: AppHandle, field: Locator, option: string): Promise<void> {
  // Once a multi-select holds a value, its input shrinks under the pills: click the box.
  await field.click({ force: true });
  await expect(field).toHaveAttribute('aria-controls', /.+/);
  const list = app.page.locator(`[id="${await field.getAttribute('aria-controls')}"]`);
  await list.getByRole('option', { name: option, exact: true }).click();
  await app.page.keyboard.press('Escape');
}

test('filtres par chantier, statut, retard et pilote, puis recherche dans les titres, descriptions et notes', async ({ launch }) => {
  const app = await launch(copyOfPrepared('filtres', prepare));
  const { page } = app;
  await openScreen(app, 'Actions');
  await expect(actionCount(app)).toHaveText('18 actions');
  // Rows grow with their titles: only those near the view are in the page.
  await expect(app.page.getByRole('table', { name: 'Actions' })).toHaveAttribute('aria-rowcount', '19');
  const clear = page.getByRole('button', { name: 'Effacer les filtres' });
  await expect(clear).toBeDisabled();

  // Chantier 3.
  await choose(app, page.getByRole('combobox', { name: 'Chantier', exact: true }), '3. La restauration scolaire et les circuits courts');
  await expect(actionCount(app)).toHaveText('4 actions');
  expect((await titles(app)).sort()).toEqual(
    [
      DESCRIBED,
      DONE_PAST_END,
      LATE,
      "Échanges sur l'action du département face à un même enjeu de structuration et de relocalisation des approvisionnements",
    ].sort(),
  );
  await clear.click();
  await expect(actionCount(app)).toHaveText('18 actions');

  // Statut: « Sans statut », then also « Réalisé ».
  const status = page.getByRole('combobox', { name: 'Statut', exact: true });
  await choose(app, status, 'Sans statut');
  await expect(actionCount(app)).toHaveText('1 action');
  await expect(rows(app)).toHaveText([new RegExp(NO_STATUS)]);
  await choose(app, status, 'Réalisé');
  await expect(actionCount(app)).toHaveText('2 actions');
  expect((await titles(app)).sort()).toEqual([DONE_PAST_END, NO_STATUS].sort());
  await clear.click();

  // En retard: end date passed and not Réalisé (the Réalisé one with a past date is not late).
  await page.getByRole('checkbox', { name: 'En retard' }).check();
  await expect(actionCount(app)).toHaveText('1 action');
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText(LATE);
  await expect(rows(app).first()).toContainText('En retard');
  await clear.click();

  // Sans pilote: the two piloted actions leave the list.
  await page.getByRole('checkbox', { name: 'Sans pilote' }).check();
  await expect(actionCount(app)).toHaveText('16 actions');
  const withoutPilot = await titles(app);
  expect(withoutPilot).not.toContain(LATE);
  expect(withoutPilot).not.toContain(PILOTED);
  await clear.click();
  await expect(page.getByRole('checkbox', { name: 'Sans pilote' })).not.toBeChecked();

  // Full-text search: a word of a title, of a description (with or without its accent), of a note.
  const search = page.getByRole('searchbox', { name: 'Rechercher' });
  for (const [word, title] of [
    ['cartographie', LATE],
    ['légumerie', DESCRIBED],
    ['legumerie', DESCRIBED],
    ['Chambord', NOTED_TITLE],
  ]) {
    // From the full list each time, so that a stale answer cannot pass for this word's.
    await search.fill('');
    await expect(actionCount(app)).toHaveText('18 actions');
    await search.fill(word);
    await expect(actionCount(app), `recherche « ${word} »`).toHaveText('1 action');
    await expect(rows(app)).toHaveCount(1);
    await expect(rows(app).first()).toContainText(title);
  }
  await search.fill('introuvablexyz');
  await expect(page.getByText('Aucune action ne correspond à ces critères.')).toBeVisible();
  await search.fill('');
  await expect(actionCount(app)).toHaveText('18 actions');
});

test('tri par en-tête de colonne : aria-sort et ordre des lignes', async ({ launch }) => {
  const app = await launch(copyOfPrepared('filtres', prepare));
  const { page } = app;
  await openScreen(app, 'Actions');
  const table = page.getByRole('table', { name: 'Actions' });
  // Rows grow with their titles: only those near the view are in the page.
  await expect(app.page.getByRole('table', { name: 'Actions' })).toHaveAttribute('aria-rowcount', '19');
  const header = (name: string) => table.getByRole('columnheader', { name });

  // By default: by reference, « 4.2 » before « 4.10 »; the chantier's number and name, one Pilotes column.
  await expect(header('Réf.')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Titre')).toHaveAttribute('aria-sort', 'none');
  const references = (await rows(app).locator('td:nth-child(1)').allInnerTexts()).map(referenceKey);
  expect(references).toEqual([...references].sort(([c1, n1], [c2, n2]) => c1 - c2 || n1 - n2));
  expect(references.slice(0, 3)).toEqual([
    [1, 1],
    [1, 2],
    [2, 1],
  ]);
  const piloted = rows(app).filter({ hasText: PILOTED });
  await expect(piloted.getByRole('cell')).toHaveText(['4.1', '4. Les ressources humaines', PILOTED, /.*/, /.*/, 'Marc Lefèvre (41)', /.*/, /.*/, /.*/]);
  const late = rows(app).filter({ hasText: LATE });
  await expect(late.getByRole('cell').first()).toHaveText('3.2');
  await expect(late.getByRole('cell').nth(5)).toHaveText('Claire Martin (37)');
  // No pilote: said as the filter and the cards say it.
  await expect(rows(app).filter({ hasText: DESCRIBED }).getByRole('cell').nth(5)).toHaveText('Sans pilote');
  // Every header the same size.
  const sizes = await table
    .getByRole('columnheader')
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell.querySelector('button') ?? cell).fontSize));
  expect(new Set(sizes).size).toBe(1);

  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  await header('Titre').getByRole('button').click();
  await expect(header('Titre')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Réf.')).toHaveAttribute('aria-sort', 'none');
  await expect.poll(async () => (await titles(app))[0]).toBe('Accompagnement et mise en réseau des formateurs internes');
  const ascending = await titles(app);
  expect(ascending).toEqual([...ascending].sort(collator.compare));

  await header('Titre').getByRole('button').click();
  await expect(header('Titre')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await titles(app))[0]).not.toBe(ascending[0]);
  // The rows in the page are those near the view: the first ones of each order.
  const descending = await titles(app);
  expect(descending).toEqual([...descending].sort(collator.compare).reverse());
  expect(collator.compare(descending[0], ascending.at(-1)!)).toBeGreaterThanOrEqual(0);

  // Échéance: the dated actions first, earliest first; the undated ones after.
  await header('Échéance').getByRole('button').click();
  await expect(header('Échéance')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await titles(app)).slice(0, 2)).toEqual([LATE, DONE_PAST_END]);
});

test('« À arbitrer au prochain comité » : coché sur la fiche (et annulable), repéré dans le tableau et sur les cartes', async ({ launch }) => {
  const app = await launch(copyOfPrepared('filtres', prepare));
  const { page } = app;
  await openScreen(app, 'Actions');
  const table = page.getByRole('table', { name: 'Actions' });
  await screenshot(app, 'actions-tableau-clair');
  await table.getByText(PILOTED).click();
  await expect(page.getByRole('heading', { level: 1, name: `4.1 ${PILOTED}` })).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'À arbitrer au prochain comité' });
  await expect(toggle).not.toBeChecked();
  // The text under it says what switching it on would do, then what it does.
  await expect(toggle).toHaveAccessibleDescription(/^À activer quand une décision du prochain comité est attendue/);
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect(toggle).toHaveAccessibleDescription(/^Une décision est attendue du prochain comité\s: l'action figure dans son dossier\.$/);
  await expect(page.getByText('À arbitrer', { exact: true })).toBeVisible();
  // Undone like any edit of the fiche, then set again.
  await page.getByRole('button', { name: 'Annuler la dernière modification' }).click();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByText('À arbitrer', { exact: true })).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();

  await openScreen(app, 'Actions');
  await expect(rows(app).filter({ hasText: PILOTED }).getByText('À arbitrer', { exact: true })).toBeVisible();
  await expect(rows(app).getByText('À arbitrer', { exact: true })).toHaveCount(1);
  await page.getByRole('radiogroup', { name: 'Affichage des actions' }).getByText('Colonnes par statut').click();
  const card = page.getByRole('group', { name: 'Colonnes par statut' }).getByRole('listitem').filter({ hasText: PILOTED });
  await expect(card.getByText('À arbitrer', { exact: true })).toBeVisible();
  await expect(card.getByText('4.1', { exact: true })).toBeVisible();

  // The badges readable in the dark theme too.
  await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
  await page.mouse.move(700, 500);
  await screenshot(app, 'actions-colonnes-sombre');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('radiogroup', { name: 'Affichage des actions' }).getByText('Tableau').click();
  await expect(rows(app).filter({ hasText: PILOTED }).getByText('À arbitrer', { exact: true })).toBeVisible();
  await screenshot(app, 'actions-tableau-sombre');
  expect(await axeViolations(page)).toEqual([]);
});
