// Every screen in the light and the dark theme: a screenshot for a human eye
// (tests/artifacts/screens/), axe-core with no serious or critical violation, and an
// accessible name on every form field, no English left in texts and names. All screens are
// checked before the test fails.
import { addLink, addNote, addStep, createAction, updateStep } from '../../../db/actions/writes';
import { createPerson } from '../../../db/people/writes';
import { setPilot } from '../../../db/actions/pilots';
import { axeViolations, englishTexts, unlabelledFields } from '../harness/a11y';
import { copyOfPrepared, initData, withStore } from '../harness/data';
import { expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';

const FICHE = "Organisation d'une formation commune à la gestion de projet";

/** A project in use: people of both Départements, pilotes, notes, étapes, a link, a late action. */
function prepare(dataDir: string): void {
  initData(dataDir);
  withStore(dataDir, (store) => {
    const marc = createPerson(store, {
      name: 'Marc Lefèvre',
      function: 'Directeur des ressources humaines',
      partner_id: 'd41',
      email: 'marc.lefevre@loir-et-cher.fr',
    });
    const sophie = createPerson(store, { name: 'Sophie Durand', function: 'Cheffe du service formation', partner_id: 'd37', email: null });
    const nadia = createPerson(store, { name: 'Nadia Benali', function: 'Chargée de mission coopération', partner_id: 'd41', email: null });
    setPilot(store, 'c4', 'd37', { person_id: sophie });
    setPilot(store, 'c4', 'd41', { person_id: marc });
    setPilot(store, 'a4-1', 'd37', { person_id: sophie, services: 'Direction des ressources humaines – service formation' });
    setPilot(store, 'a4-1', 'd41', { person_id: nadia, services: 'DRH' });
    store.write([
      { entity: 'action', rowId: 'a4-1', field: 'status', value: 'en_cours' },
      { entity: 'action', rowId: 'a4-1', field: 'priority', value: 'elevee' },
      { entity: 'action', rowId: 'a4-1', field: 'start_date', value: '2026-02-02' },
      { entity: 'action', rowId: 'a4-1', field: 'end_date', value: '2026-10-30' },
      { entity: 'action', rowId: 'a4-1', field: 'progress', value: 60 },
      {
        entity: 'action',
        rowId: 'a4-1',
        field: 'description',
        value: 'Un module commun de cinq jours, ouvert aux agents des deux Départements, animé par les formateurs internes.',
      },
      { entity: 'action', rowId: 'a4-1', field: 'finalites', value: ['economies_echelle', 'echange_pratiques'] },
      { entity: 'action', rowId: 'a4-1', field: 'cooperation_form', value: 'actions_conjointes' },
      { entity: 'action', rowId: 'a4-2', field: 'status', value: 'realise' },
      { entity: 'action', rowId: 'a6-1', field: 'status', value: 'bloque' },
      { entity: 'action', rowId: 'a8-1', field: 'status', value: 'en_pause' },
    ]);
    const step = addStep(store, 'a4-1', 'Recenser les besoins de formation des deux DRH');
    updateStep(store, step, { done: true });
    addStep(store, 'a4-1', 'Choisir le lieu et les dates');
    addNote(store, 'a4-1', { text: 'Premier comité de pilotage : cahier des charges validé par les deux DGS.', date: '2026-03-12' });
    addNote(store, 'a4-1', { text: 'Session de septembre reportée : deux formateurs indisponibles.', date: '2026-09-04' });
    addLink(store, 'a4-1', { label: 'Programme de la formation', url: 'https://www.departement41.fr/formation' });
    createAction(store, { chantier_id: 'c4', title: 'Bourse commune des mobilités internes', status: 'en_cours', end_date: '2026-06-30', progress: 20 });
  });
}

type Theme = 'light' | 'dark';

/** One screen's problems, as lines for the failure message. */
async function check(app: AppHandle, name: string, theme: Theme): Promise<string[]> {
  await screenshot(app, `${name}-${theme === 'light' ? 'clair' : 'sombre'}`);
  const problems = (await axeViolations(app.page)).map((line) => `axe : ${line}`);
  problems.push(...(await unlabelledFields(app.page)).map((html) => `champ sans nom accessible : ${html}`));
  problems.push(...(await englishTexts(app.page)).map((text) => `texte en anglais : ${text}`));
  expect.soft(problems.length, `${name} (${theme === 'light' ? 'thème clair' : 'thème sombre'}) :\n  ${problems.join('\n  ')}\n`).toBe(0);
  return problems;
}

async function expectTheme(app: AppHandle, theme: Theme): Promise<void> {
  await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test(`écrans en thème ${theme === 'light' ? 'clair' : 'sombre'} : captures, axe sans violation grave, champs nommés`, async ({ launch }) => {
    test.setTimeout(180_000);
    // Premier démarrage: the system's theme applies (no switch on this screen).
    const fresh = await launch();
    await fresh.page.emulateMedia({ colorScheme: theme });
    await expect(fresh.page.getByRole('heading', { level: 1, name: 'Bienvenue dans Entente' })).toBeVisible();
    await expectTheme(fresh, theme);
    await check(fresh, '01-premier-demarrage', theme);
    await fresh.close();

    const app = await launch(copyOfPrepared('ecrans', prepare));
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    if (theme === 'dark') {
      // The header's switch, as a user would.
      await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
      await expect(page.getByRole('button', { name: 'Passer en thème clair' })).toBeVisible();
      // Away from the switch, so that its tooltip is not in the screenshots.
      await page.mouse.move(700, 500);
      await expect(page.getByRole('tooltip')).toHaveCount(0);
    }
    await expectTheme(app, theme);

    await expect(page.getByRole('region', { name: 'Chiffres clés' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Les téléservices' })).toBeVisible();
    await check(app, '02-tableau-de-bord', theme);

    await openScreen(app, 'Chantiers');
    await expect(page.getByRole('link', { name: 'Les ressources humaines' })).toBeVisible();
    await check(app, '03-chantiers', theme);

    await page.getByRole('link', { name: 'Les ressources humaines' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Chantier 4 · Les ressources humaines' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bourse commune des mobilités internes' })).toBeVisible();
    await check(app, '04-page-chantier', theme);

    await openScreen(app, 'Actions');
    await expect(page.getByRole('table', { name: 'Actions' }).locator('tbody').getByRole('row')).toHaveCount(15);
    await check(app, '05-actions', theme);

    await page.getByRole('button', { name: 'Nouvelle action' }).click();
    await expect(page.getByRole('dialog', { name: 'Nouvelle action' })).toBeVisible();
    await check(app, '05b-nouvelle-action', theme);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Nouvelle action' })).toBeHidden();

    await page.getByRole('table', { name: 'Actions' }).getByText(FICHE).click();
    await expect(page.getByRole('heading', { level: 1, name: FICHE })).toBeVisible();
    await expect(page.getByRole('article', { name: /^Note du 4 sept\. 2026/ })).toBeVisible();
    await check(app, '06-fiche-action', theme);

    // The calendar of a date field: French months and days, named controls.
    await page.getByRole('textbox', { name: 'Date de début' }).click();
    const calendar = page.getByRole('table').filter({ has: page.getByRole('button', { name: '2 février 2026' }) });
    await expect(calendar).toBeVisible();
    await expect(page.getByRole('button', { name: 'février 2026', exact: true })).toBeVisible();
    await expect(calendar.getByRole('columnheader')).toHaveText(['lu', 'ma', 'me', 'je', 've', 'sa', 'di']);
    await check(app, '06b-calendrier', theme);
    await page.keyboard.press('Escape');
    await expect(calendar).toBeHidden();

    // An open list of choices.
    const statut = page.getByRole('combobox', { name: 'Statut', exact: true });
    await statut.click();
    await expect(page.getByRole('option', { name: 'Bloqué', exact: true })).toBeVisible();
    await check(app, '06c-liste-statut', theme);
    await page.keyboard.press('Escape');
    await expect(statut).toHaveAttribute('aria-expanded', 'false');

    await openScreen(app, 'Personnes');
    await expect(page.getByText('Marc Lefèvre')).toBeVisible();
    await check(app, '07-personnes', theme);

    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    const personDialog = page.getByRole('dialog');
    await expect(personDialog.getByRole('textbox', { name: /^Nom/ })).toBeVisible();
    await check(app, '07b-ajouter-une-personne', theme);
    await page.keyboard.press('Escape');
    await expect(personDialog).toBeHidden();

    await openScreen(app, 'Paramètres');
    await check(app, '08-parametres', theme);
  });
}
