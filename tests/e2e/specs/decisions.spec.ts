// The register of décisions: every décision of every meeting under its reference
// (« CODIRI 2027-1 D2 »), filtered, used with the keyboard, printed, and exported to Excel
// through the save dialog (the workbook read back).
import { Workbook } from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addActionItem, addAgendaItem, addEntry, createMeeting } from '../../../db/meetings/writes';
import { sendForValidation, validateMinutes } from '../../../db/meetings/validation';
import { createPerson } from '../../../db/people/writes';
import { checkBothThemes } from '../harness/themes';
import { initData, withStore } from '../harness/data';
import { expect, screenshot, test, type AppHandle } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';

const SEMINAIRE = 'Le séminaire des cadres aura lieu en juin, à Blois.';
const POSTURE = 'Une posture commune sera présentée au conseil d’administration.';
const BUDGET = 'Le budget du groupement de commandes est arrêté à 40 000 €.';
const FICHES = 'Les fiches de poste des gestionnaires seront comparées avant l’été.';

interface Prepared {
  codiri: string;
  copil: string;
}

/**
 * A CODIRI of 2026 and one of 2027, both validated, with their décisions (one followed by an
 * action à mener); a COPIL of 2027 still in draft on chantier 2; a réunion de travail on
 * chantier 4 following up an existing action.
 */
function prepare(dataDir: string): Prepared {
  initData(dataDir);
  return withStore(dataDir, (store) => {
    const emilie = createPerson(store, { name: 'Émilie Durand', function: 'Directrice générale des services', partner_id: 'd41', email: null });
    const anne = createPerson(store, { name: 'Anne Leroy', function: 'Directrice générale des services', partner_id: 'd37', email: null });

    const previous = createMeeting(store, { type: 'codiri', date: '2026-09-14', start_time: '14:00', duration_minutes: 120, secretariat_partner_id: 'd41' });
    const chantier3 = addAgendaItem(store, previous, { title: 'Lancement du chantier 3', chantier_id: 'c3' });
    addEntry(store, chantier3, { kind: 'decision', text: 'Le chantier 3 démarre en octobre.' });
    sendForValidation(store, previous, '2026-09-16');
    validateMinutes(store, previous, { validatedBy: anne, day: '2026-09-23' });

    const codiri = createMeeting(store, {
      type: 'codiri',
      date: '2027-03-15',
      start_time: '09:30',
      duration_minutes: 150,
      place: 'Hôtel du Département, Tours',
      chantier_ids: ['c4', 'c8'],
    });
    const rh = addAgendaItem(store, codiri, { title: 'Point d’étape du chantier RH', duration_minutes: 60, chantier_id: 'c4' });
    const approlys = addAgendaItem(store, codiri, { title: 'Gouvernance d’Approlys', duration_minutes: 45, action_id: 'a8-1' });
    addEntry(store, rh, { kind: 'decision', text: SEMINAIRE });
    addEntry(store, approlys, { kind: 'decision', text: POSTURE });
    addActionItem(
      store,
      rh,
      { kind: 'nouvelle', title: 'Organiser le séminaire des cadres', responsable_id: emilie, due_date: '2027-06-30' },
      { complete: true },
    );
    sendForValidation(store, codiri, '2027-03-17');
    validateMinutes(store, codiri, { validatedBy: emilie, day: '2027-03-24' });

    const copil = createMeeting(store, { type: 'comite_pilotage', title: 'Achats groupés', date: '2027-05-20', start_time: '14:30', duration_minutes: 120 });
    addEntry(store, addAgendaItem(store, copil, { title: 'Groupement de commandes', chantier_id: 'c2' }), { kind: 'decision', text: BUDGET });

    const travail = createMeeting(store, { type: 'reunion_travail', date: '2027-04-02', start_time: '10:00', duration_minutes: 90, chantier_ids: ['c4'] });
    const fiches = addAgendaItem(store, travail, { title: 'Fiches de poste' });
    addEntry(store, fiches, { kind: 'decision', text: FICHES });
    addActionItem(store, fiches, { kind: 'suivi', action_id: 'a4-1', responsable_id: anne, due_date: '2027-07-01' }, { complete: true });
    return { codiri, copil };
  });
}

const register = (app: AppHandle) => app.page.getByRole('table', { name: 'Registre des décisions' });
const references = async (app: AppHandle) => (await register(app).locator('tbody tr td:first-child strong').allTextContents()).map((text) => text.trim());

test('registre des décisions : références, filtres, clavier, lien vers la réunion, impression, export Excel', async ({ launch }) => {
  const dataDir = newDataDir();
  const { codiri } = prepare(dataDir);
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // In the main navigation, right after « Réunions ».
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  const entries = (await navigation.getByRole('link').allTextContents()).map((text) => text.trim());
  expect(entries[entries.indexOf('Réunions') + 1]).toBe('Décisions');
  await navigation.getByRole('link', { name: 'Décisions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Décisions' })).toBeVisible();
  await expect(page).toHaveURL(/#\/decisions$/);

  // Latest meeting first; each décision numbered as in its minutes, its meeting ranked in its type and year.
  await expect(page.getByRole('status').filter({ hasText: 'décisions' })).toHaveText('5 décisions');
  expect(await references(app)).toEqual(['COPIL 2027-1 D1', 'RT 2027-1 D1', 'CODIRI 2027-1 D1', 'CODIRI 2027-1 D2', 'CODIRI 2026-1 D1']);
  const seminaire = register(app).getByRole('row', { name: /CODIRI 2027-1 D1/ });
  await expect(seminaire).toContainText('15 mars 2027');
  await expect(seminaire).toContainText(SEMINAIRE);
  await expect(seminaire).toContainText('4. Les ressources humaines');
  await expect(seminaire).toContainText('Validée');
  await expect(seminaire.getByRole('link', { name: 'Organiser le séminaire des cadres' })).toBeVisible();
  const budget = register(app).getByRole('row', { name: /COPIL 2027-1 D1/ });
  await expect(budget).toContainText('Projet');
  await expect(budget).toContainText('Compte rendu : brouillon');
  await expect(budget).toContainText('Non');
  await expect(register(app).getByRole('row', { name: /RT 2027-1 D1/ })).toContainText('Oui');
  // The « suivie » rule, said on the screen.
  await expect(
    page.locator('p', { hasText: /Une décision est suivie quand son point de l'ordre du jour a une action à mener rattachée à une action existante/ }),
  ).toBeVisible();

  // Both themes: a screenshot, axe with no serious violation, every field named, no English.
  await checkBothThemes(app, '48-decisions');

  // The print stylesheet: only the title, the count and the table.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Rechercher' })).toBeHidden();
  await expect(register(app)).toBeVisible();
  await screenshot(app, '48-decisions-impression');
  await page.emulateMedia({ media: 'screen' });
  // « Imprimer… » on a machine without printer: said in French.
  await page.getByRole('button', { name: 'Imprimer…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Impression impossible' })).toContainText("Aucune imprimante n'est installée sur cet ordinateur");

  // Filters, from the keyboard: the search first.
  const search = page.getByRole('searchbox', { name: 'Rechercher' });
  await search.focus();
  await page.keyboard.type('seminaire');
  await expect.poll(() => references(app)).toEqual(['CODIRI 2027-1 D1']);
  await search.fill('');
  await expect.poll(() => references(app)).toHaveLength(5);

  // Type of meeting (a combobox opened and chosen from the keyboard).
  const type = page.getByRole('combobox', { name: 'Type de réunion' });
  await type.focus();
  // Enter takes the option the keyboard has reached: wait for it, a busy machine opens the list first;
  // on a loaded machine a keystroke can come before the list is ready for it: then, as a user would, again.
  await expect(async () => {
    const option = page.getByRole('option', { name: 'CODIRI', exact: true });
    // Open, the first option (CODIRI) reached; open with another reached: closed, to start again.
    if ((await type.getAttribute('aria-expanded')) === 'true' && (await option.getAttribute('data-combobox-selected')) !== 'true') {
      await page.keyboard.press('Escape');
    }
    if ((await type.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowDown');
    await expect(option).toHaveAttribute('data-combobox-selected', 'true', { timeout: 2_000 });
    await page.keyboard.press('Enter');
    await expect(type).toHaveValue('CODIRI', { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect.poll(() => references(app)).toEqual(['CODIRI 2027-1 D1', 'CODIRI 2027-1 D2', 'CODIRI 2026-1 D1']);

  // The period: typed dates.
  const from = page.getByRole('textbox', { name: 'Réunions depuis le' });
  await from.fill('01/01/2027');
  await from.press('Tab');
  await expect.poll(() => references(app)).toEqual(['CODIRI 2027-1 D1', 'CODIRI 2027-1 D2']);

  // Followed up or not.
  await page.getByRole('radiogroup', { name: 'Suivi' }).getByText('Non suivies', { exact: true }).click();
  await expect.poll(() => references(app)).toEqual(['CODIRI 2027-1 D2']);
  await expect(page.getByRole('status').filter({ hasText: 'décision' })).toContainText('1 décision · CODIRI · depuis le 1er janv. 2027 · non suivies');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect.poll(() => references(app)).toHaveLength(5);

  // Chantier: the point's (the Approlys point is chantier 8's though the CODIRI concerns 4 and 8).
  await page.getByRole('combobox', { name: 'Chantier' }).click();
  await page.getByRole('option', { name: /^8\. / }).click();
  await expect.poll(() => references(app)).toEqual(['CODIRI 2027-1 D2']);

  // The XLSX export of what is shown, through the save dialog; the default name proposed.
  const file = join(dataDir, 'registre.xlsx');
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: file });
  await page.getByRole('button', { name: 'Exporter en Excel (.xlsx)…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Registre enregistré' })).toContainText(`${file} (1 décision)`);
  expect(existsSync(file)).toBe(true);
  if (app.runtime === 'double') {
    const call = app.calls?.filter((entry) => entry.name === 'showSaveDialog').at(-1);
    expect((call?.args.at(-1) as { defaultPath?: string } | undefined)?.defaultPath).toMatch(/\/Registre des décisions\.xlsx$/);
  }
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.title).toBe('Registre des décisions');
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe('Référence');
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe('CODIRI 2027-1 D2');
  expect(sheet.getRow(2).getCell(2).value).toEqual(new Date('2027-03-15T00:00:00Z'));
  expect(sheet.getRow(2).getCell(7).value).toBe(POSTURE);

  // From the keyboard to the meeting: its link, then Enter.
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect.poll(() => references(app)).toHaveLength(5);
  const link = register(app)
    .getByRole('row', { name: /CODIRI 2027-1 D1/ })
    .getByRole('link', { name: 'CODIRI du 15 mars 2027' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/reunions/${codiri}/compte-rendu$`));
  await expect(page.getByRole('heading', { level: 1, name: 'CODIRI du 15 mars 2027' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Décisions' })).toBeVisible();
});
