// Refusals, in the UI and at the IPC boundary: a French sentence, and the data unchanged.
import { addAction, cli, copyOfPrepared, initData, listActions } from '../harness/data';
import { expect, openScreen, test, type AppHandle } from '../harness/fixtures';

const TITLE = 'Atlas commun des indicateurs territoriaux';

function prepare(dataDir: string): void {
  initData(dataDir);
  addAction(dataDir, 6, TITLE, 'start_date=2026-03-01', 'end_date=2026-06-30');
}

/** A refusal meant for a French user: no English words of a library, a French sentence. */
function expectFrench(message: string | undefined): void {
  expect(message, 'message d’erreur').toBeTruthy();
  expect(message).not.toMatch(/\b(invalid|expected|received|required|must|error|undefined|null)\b/i);
  expect(message).toMatch(/[éèêàùç]|\b(attendu|invalide|inconnu|inconnue|impossible|vide|introuvable|compris)\b/i);
}

async function openFiche(app: AppHandle): Promise<void> {
  await openScreen(app, 'Actions');
  await app.page.getByRole('table', { name: 'Actions' }).getByText(TITLE).click();
  await expect(app.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

test('dans la fiche : titre vide, fin avant début → message en français, données inchangées', async ({ launch }) => {
  const dataDir = copyOfPrepared('validation', prepare);
  const id = listActions(dataDir).find((a) => a.title === TITLE)!.id;
  const app = await launch(dataDir);
  const { page } = app;
  await openFiche(app);
  const unsaved = page.getByRole('status').filter({ hasText: 'Non enregistré' });

  // Empty title.
  const titre = page.getByRole('textbox', { name: 'Titre', exact: true });
  await titre.fill('');
  await titre.blur();
  // Mantine ties the error to the field with aria-describedby: it is the field's description.
  await expect(titre).toHaveAccessibleDescription("Le titre de l'action ne peut pas être vide.");
  await expect(titre).toHaveAttribute('aria-invalid', 'true');
  await expect(unsaved).toBeVisible();
  expect(listActions(dataDir).find((a) => a.id === id)?.title).toBe(TITLE);

  // End date before the start date.
  const fin = page.getByRole('textbox', { name: 'Échéance' });
  await expect(fin).toHaveValue('30/06/2026');
  await fin.fill('15/02/2026');
  await expect(fin).toHaveAccessibleDescription("L'échéance ne peut pas précéder la date de début.");
  expect(listActions(dataDir).find((a) => a.id === id)).toMatchObject({ start_date: '2026-03-01', end_date: '2026-06-30' });
});

test('dans la fiche : une date impossible (31/02) est signalée en français, pas ignorée', async ({ launch }) => {
  const dataDir = copyOfPrepared('validation', prepare);
  const id = listActions(dataDir).find((a) => a.title === TITLE)!.id;
  const app = await launch(dataDir);
  const { page } = app;
  await openFiche(app);
  const debut = page.getByRole('textbox', { name: 'Date de début' });
  await debut.fill('31/02/2026');
  await debut.press('Tab');
  await expect(debut, 'une date impossible doit être signalée, pas ignorée').toHaveAttribute('aria-invalid', 'true');
  await expect(debut).toHaveAccessibleDescription(/date/i);
  expectFrench(await debut.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? ''));
  // The page does not say « Enregistré » while the date is refused.
  await expect(page.getByRole('status').filter({ hasText: 'Non enregistré' })).toBeVisible();
  expect(listActions(dataDir).find((a) => a.id === id)).toMatchObject({ start_date: '2026-03-01', end_date: '2026-06-30', title: TITLE });
});

test('dans la fiche : un avancement au-delà de 100 % est refusé en français, pas coupé en silence', async ({ launch }) => {
  const dataDir = copyOfPrepared('validation', prepare);
  const id = listActions(dataDir).find((a) => a.title === TITLE)!.id;
  const app = await launch(dataDir);
  const { page } = app;
  await openFiche(app);
  const avancement = page.getByRole('textbox', { name: 'Avancement' });
  await avancement.fill('40');
  await avancement.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré$/ })).toBeVisible();
  await expect.poll(() => listActions(dataDir).find((a) => a.id === id)?.progress).toBe(40);
  // Typed key by key: « 1 » and « 15 » are on the way, and must not be saved once « 150 » is refused.
  await avancement.press('ControlOrMeta+A');
  await avancement.pressSequentially('150');
  await avancement.press('Tab');
  await expect(avancement).toHaveValue('150\u00a0%');
  await expect(avancement).toHaveAccessibleDescription("De 0 à 100\u00a0%\u202f: «\u202f150\u202f» n'est pas enregistré.");
  await expect(page.getByRole('status').filter({ hasText: 'Non enregistré' })).toBeVisible();
  // Leaving the field saves what waits to be saved at once: a second is ample for it to reach the file.
  await page.waitForTimeout(1000);
  expect(listActions(dataDir).find((a) => a.id === id)?.progress).toBe(40);
  // Set back to the value saved: nothing to save, and nothing left refused.
  await avancement.fill('40');
  await avancement.press('Enter');
  await expect(avancement).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Non enregistré' })).toHaveCount(0);
});

test('nouvelle action sans titre : message en français, rien de créé', async ({ launch }) => {
  const dataDir = copyOfPrepared('validation', prepare);
  const app = await launch(dataDir);
  const { page } = app;
  await openScreen(app, 'Actions');
  await page.getByRole('button', { name: 'Nouvelle action' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle action' });
  await dialog.getByRole('textbox', { name: 'Titre' }).fill('   ');
  await dialog.getByRole('button', { name: "Créer l'action" }).click();
  await expect(dialog.getByText("Le titre de l'action ne peut pas être vide.")).toBeVisible();
  await expect(dialog.getByText('Choisissez le chantier.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  expect(listActions(dataDir)).toHaveLength(15);
});

test('window.api appelé directement avec de mauvais arguments : {ok:false} et message en français', async ({ launch }) => {
  const dataDir = copyOfPrepared('validation', prepare);
  const id = listActions(dataDir).find((a) => a.title === TITLE)!.id;
  const before = cli(dataDir, 'dump');
  const app = await launch(dataDir);
  await expect(app.page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  const answers = await app.page.evaluate(async (actionId) => {
    const api = (window as any).api;
    const calls: [string, () => Promise<any>][] = [
      ['getAction(123)', () => api.getAction(123)],
      ['getAction()', () => api.getAction()],
      ['updateAction titre nombre', () => api.updateAction(actionId, { title: 42 })],
      ['updateAction titre vide', () => api.updateAction(actionId, { title: '  ' })],
      ['updateAction champ inconnu', () => api.updateAction(actionId, { couleur: 'rouge' })],
      ['updateAction avancement 150', () => api.updateAction(actionId, { progress: 150 })],
      ['updateAction 31 février', () => api.updateAction(actionId, { end_date: '2026-02-31' })],
      ['updateAction fin avant début', () => api.updateAction(actionId, { end_date: '2026-01-01' })],
      ['updateAction statut inconnu', () => api.updateAction(actionId, { status: 'fini' })],
      ['createAction chantier inconnu', () => api.createAction({ chantier_id: 'c99', title: 'Action orpheline' })],
      ['createAction sans titre', () => api.createAction({ chantier_id: 'c1' })],
      ['queryActions statut inconnu', () => api.queryActions({ statuses: ['fini'] })],
      ['queryActions chaîne', () => api.queryActions('tout')],
      ['addNote texte nombre', () => api.addNote(actionId, { text: 7 })],
      ['getAction inconnue', () => api.getAction('action-inexistante')],
    ];
    const results: Record<string, any> = {};
    for (const [name, call] of calls) {
      try {
        results[name] = await call();
      } catch (error) {
        results[name] = { thrown: String(error) };
      }
    }
    return results;
  }, id);

  for (const [name, answer] of Object.entries(answers)) {
    expect(answer, name).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    expectFrench(answer.error.message);
  }
  expect(answers['createAction chantier inconnu'].error.message).toContain('c99');
  expect(answers['updateAction fin avant début'].error.message).toBe("L'échéance ne peut pas précéder la date de début.");

  await app.close();
  expect(cli(dataDir, 'dump'), 'aucune donnée modifiée').toBe(before);
});
