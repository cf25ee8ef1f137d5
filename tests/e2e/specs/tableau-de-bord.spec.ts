// The Tableau de bord de la coopération: its key figures changing with the period, a
// chantier's actions by statut as a stacked bar and as a table, the échéances of the next
// 30 days, its print preview saved as PDF on one or two A4 pages, both themes with axe.
import { addDays } from '../../../common/calendar';
import { frenchDate } from '../../../common/french';
import { updateAction, createAction } from '../../../db/actions/writes';
import { updateChantier } from '../../../db/chantiers/writes';
import { addAgendaItem, addEntry, createMeeting } from '../../../db/meetings/writes';
import { axeViolations } from '../harness/a11y';
import { initData, todayInParis, withStore } from '../harness/data';
import { expect, screenshot, test, type AppHandle } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';
import { flat, pdfPages, pngPages, savePdf } from '../harness/pdf';

const TODAY = todayInParis();
const DUE_SOON = 'Guide commun des mobilités internes';
const DUE_LATER = 'Charte commune du télétravail';
const DECISION = 'Le guide des mobilités sera diffusé aux agents des deux Départements.';
const ATELIER = addDays(TODAY, -25);
const CODIRI = addDays(TODAY, -20);
/** Ateliers this year: the one of 25 days ago, unless the year began since. */
const ATELIERS_THIS_YEAR = ATELIER.slice(0, 4) === TODAY.slice(0, 4) ? 1 : 0;

/** Ateliers last year and this year, a CODIRI three weeks ago, a réunion de travail since, a comité to come. */
function prepare(): string {
  const dataDir = initData(newDataDir());
  withStore(dataDir, (store) => {
    const meeting = (type: 'atelier' | 'codiri' | 'reunion_travail' | 'comite_pilotage', date: string) =>
      createMeeting(store, { type, date, start_time: '14:00', duration_minutes: 90, place: null, chantier_ids: ['c4'] });
    meeting('atelier', `${Number(TODAY.slice(0, 4)) - 1}-06-10`);
    meeting('atelier', ATELIER);
    const codiri = meeting('codiri', CODIRI);
    meeting('reunion_travail', addDays(TODAY, -5));
    meeting('comite_pilotage', addDays(TODAY, 10));
    const item = addAgendaItem(store, codiri, { title: 'Mobilités internes', chantier_id: 'c4' });
    addEntry(store, item, { kind: 'decision', text: DECISION });
    updateChantier(store, 'c4', { stage: 'echange' });
    updateAction(store, 'a4-1', { status: 'en_cours', progress: 60 });
    updateAction(store, 'a4-2', { status: 'realise' });
    updateAction(store, 'a6-1', { status: 'bloque' });
    createAction(store, { chantier_id: 'c4', title: DUE_SOON, status: 'en_cours', end_date: addDays(TODAY, 7) });
    createAction(store, { chantier_id: 'c4', title: DUE_LATER, status: 'a_venir', end_date: addDays(TODAY, 45) });
  });
  return dataDir;
}

const figure = (app: AppHandle, section: string, label: string) =>
  app.page.getByRole('region', { name: section, exact: true }).getByRole('group', { name: label, exact: true });

async function checkTheme(app: AppHandle, name: string): Promise<void> {
  await screenshot(app, name);
  const problems = await axeViolations(app.page);
  expect(problems, problems.join('\n')).toEqual([]);
}

test('chiffres clés par période, actions par statut et leur tableau, échéances, impression sur une ou deux pages', async ({ launch }) => {
  test.setTimeout(120_000);
  const app = await launch(prepare());
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // The figures, since the start: two ateliers; 0 and 1 take the singular. What a figure
  // counts is written once (under the title when a section's cards share it, else on the first
  // card), and each card is described by it.
  const ateliers = figure(app, 'Réunions tenues', 'Ateliers interdépartementaux');
  await expect(ateliers).toContainText('2Ateliers interdépartementaux');
  await expect(ateliers).toHaveAccessibleDescription(/^Réunions de ce type tenues jusqu'au .* compte une fois\.$/);
  await expect(page.getByText(/^Réunions de ce type tenues/)).toHaveCount(1);
  const pilots = (section: string) => figure(app, `Personnes impliquées · ${section}`, 'Pilotes');
  await expect(pilots('Indre-et-Loire')).toContainText("pilotes d'au moins une action");
  await expect(pilots('Loir-et-Cher')).not.toContainText("pilotes d'au moins une action");
  await expect(pilots('Loir-et-Cher')).toHaveAccessibleDescription(/pilotes d'au moins une action/);
  await expect(page.getByRole('region', { name: 'Personnes impliquées · Loir-et-Cher' })).toContainText('Mêmes définitions que ci-dessus.');
  await expect(figure(app, 'Chantiers et pistes', 'Chantiers')).toContainText('9Chantiers');
  await expect(figure(app, "Actions, aujourd'hui", 'Bloquées')).toContainText('1Bloquée');
  // A cooperation under way: no « Pour commencer » (nouvelle-cooperation.spec shows it).
  await expect(page.getByRole('region', { name: 'Pour commencer' })).toHaveCount(0);

  const period = page.getByRole('radiogroup', { name: 'Période des chiffres clés' });
  await period.getByText('Cette année', { exact: true }).click();
  await expect(ateliers).toContainText(`${ATELIERS_THIS_YEAR}Atelier interdépartemental`);
  await period.getByText('Depuis le dernier CODIRI', { exact: true }).click();
  await expect(page.getByText(/depuis le CODIRI du/)).toBeVisible();
  await expect(ateliers).toContainText('0Atelier interdépartemental');
  await expect(figure(app, 'Réunions tenues', 'CODIRI')).toContainText('0CODIRI');
  await expect(figure(app, 'Réunions tenues', 'Réunions de travail')).toContainText('1Réunion de travail');
  await period.getByText('Depuis le début', { exact: true }).click();
  await expect(ateliers).toContainText('2Ateliers interdépartementaux');

  // Chantier 4's stacked bar; its table, read by screen readers, then shown.
  const chart = page.getByRole('region', { name: 'Actions par statut et par chantier' });
  await expect(chart.getByTestId('graphique-statuts').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const table = chart.getByRole('table', { name: 'Actions par statut et par chantier' });
  await expect(table).toHaveCount(1);
  await chart.getByRole('button', { name: 'Voir en tableau' }).click();
  await expect(table).toBeVisible();
  const row4 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4 · Les ressources humaines', exact: true }) });
  const headers = await table.getByRole('columnheader').allTextContents();
  const cells = await row4.getByRole('cell').allTextContents();
  const count = (status: string) => Number(cells[headers.indexOf(status) - 1]);
  expect(count('Réalisé')).toBe(1);
  expect(count('En cours')).toBeGreaterThanOrEqual(2);
  expect(Number(cells.at(-1))).toBe(headers.slice(1, -1).reduce((sum, status) => sum + count(status), 0));
  await checkTheme(app, 'tableau-de-bord-tableau-clair');
  await chart.getByRole('button', { name: 'Voir le graphique' }).click();

  // The stage reached today, and what comes next.
  const chantier4 = page
    .getByRole('region', { name: 'Par chantier', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Les ressources humaines' }) });
  await expect(chantier4).toContainText('Échange en confiance');
  await expect(chantier4).toContainText('depuis le');
  const deadlines = page.getByRole('region', { name: 'Échéances des 30 prochains jours' });
  await expect(deadlines.getByRole('link', { name: new RegExp(`^4\\.\\d+ ${DUE_SOON}$`) })).toBeVisible();
  await expect(deadlines).not.toContainText(DUE_LATER);
  await expect(page.getByRole('region', { name: 'Prochaines réunions' })).toContainText('Comité de pilotage');
  await expect(page.getByRole('region', { name: /^Décisions sans action de suivi/ })).toContainText(DECISION);

  await checkTheme(app, 'tableau-de-bord-clair');
  await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
  await page.mouse.move(1350, 120);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await checkTheme(app, 'tableau-de-bord-sombre');
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();

  // Printed: the preview, saved as PDF, on one or two A4 pages.
  await page.getByRole('link', { name: 'Imprimer le tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aperçu avant impression' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Tableau de bord de la coopération' })).toBeVisible();
  const file = await savePdf(app, 'tableau-de-bord');
  const pages = pdfPages(file);
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
  // In reading order: a table cell's wrapped lines stay together.
  const text = flat(pdfPages(file, 'reading').join(' '));
  for (const expected of [
    'TABLEAU DE BORD DE LA COOPÉRATION',
    'CHIFFRES CLÉS',
    'Ateliers interdépartementaux 2',
    'Échange en confiance',
    DUE_SOON,
    // A reference says which meeting it stands for; a type-and-date title says its date once.
    `PROCHAINES RÉUNIONS Comité de pilotage du ${frenchDate(addDays(TODAY, 10))}, à 14 h DÉCISIONS`,
    `DÉCISIONS SANS ACTION DE SUIVI (1) CODIRI ${CODIRI.slice(0, 4)}-1 D1 (CODIRI du ${frenchDate(CODIRI)}, compte rendu pas encore validé) : ${DECISION}`,
  ])
    expect(text).toContain(expected);
  expect(text).not.toContain(DUE_LATER);
  expect(pngPages(file, 'tableau-de-bord').length).toBe(pages.length);
  await app.close();
});
