// Editing an action's status (in the Actions table and in its fiche) and adding a note de
// suivi: all of it is still there after the app is closed and started again.
import { cli, copyOfPrepared, frenchDate, initData, listActions, ME, todayInParis } from '../harness/data';
import { expect, openScreen, test } from '../harness/fixtures';

const IN_TABLE = { id: 'a1-1', title: 'Échanges sur les modalités de tarification et de pilotage de la relation financière' };
const IN_FICHE = { id: 'a4-2', title: "Organisation d'un séminaire des cadres commun" };
const NOTE = 'Point d’étape avec les deux DRH : date du séminaire retenue, salle à réserver à Blois.';

test('statut modifié dans le tableau et dans la fiche, note de suivi : tout est retrouvé après redémarrage', async ({ launch }) => {
  const dataDir = copyOfPrepared('projet', initData);
  const app = await launch(dataDir);
  const { page } = app;
  await openScreen(app, 'Actions');
  const table = page.getByRole('table', { name: 'Actions' });

  // In the table, in place.
  const inlineStatus = table.getByRole('combobox', { name: `Statut de l'action « ${IN_TABLE.title} »` });
  await expect(inlineStatus).toHaveValue('a_venir');
  await inlineStatus.selectOption({ label: 'En cours' });
  await expect.poll(() => listActions(dataDir).find((a) => a.id === IN_TABLE.id)?.status).toBe('en_cours');
  await expect(inlineStatus).toHaveValue('en_cours');

  // In the fiche.
  await table.getByRole('row').filter({ hasText: IN_FICHE.title }).getByText(IN_FICHE.title).click();
  await expect(page.getByRole('heading', { level: 1, name: IN_FICHE.title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/actions/${IN_FICHE.id}$`));
  const status = page.getByRole('combobox', { name: 'Statut', exact: true });
  await expect(status).toHaveValue('À venir');
  await status.click();
  await page.getByRole('option', { name: 'Bloqué', exact: true }).click();
  await expect(status).toHaveValue('Bloqué');
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await expect.poll(() => listActions(dataDir).find((a) => a.id === IN_FICHE.id)?.status).toBe('bloque');

  // A note de suivi, dated today and signed by the user of this laptop.
  const today = frenchDate(todayInParis());
  await page.getByRole('textbox', { name: 'Nouvelle note' }).fill(NOTE);
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  const note = page.getByRole('article', { name: `Note du ${today}` });
  await expect(note).toContainText(NOTE);
  await expect(note).toContainText(`${today} · ${ME.name}`);
  await expect(page.getByRole('textbox', { name: 'Nouvelle note' })).toHaveValue('');

  // Closed and started again on the same folder.
  await app.close();
  const again = await launch(dataDir);
  await openScreen(again, 'Actions');
  const tableAgain = again.page.getByRole('table', { name: 'Actions' });
  await expect(tableAgain.getByRole('combobox', { name: `Statut de l'action « ${IN_TABLE.title} »` })).toHaveValue('en_cours');
  await expect(tableAgain.getByRole('combobox', { name: `Statut de l'action « ${IN_FICHE.title} »` })).toHaveValue('bloque');
  await tableAgain.getByRole('row').filter({ hasText: IN_FICHE.title }).getByText(IN_FICHE.title).click();
  await expect(again.page.getByRole('heading', { level: 1, name: IN_FICHE.title })).toBeVisible();
  await expect(again.page.getByRole('combobox', { name: 'Statut', exact: true })).toHaveValue('Bloqué');
  const noteAgain = again.page.getByRole('article', { name: `Note du ${today}` });
  await expect(noteAgain).toContainText(NOTE);
  await expect(noteAgain).toContainText(`${today} · ${ME.name}`);
});

test('du texte tapé juste avant que la fenêtre se ferme est enregistré sans attendre la pause de frappe', async ({ launch }) => {
  const dataDir = copyOfPrepared('projet', initData);
  const app = await launch(dataDir);
  const { page } = app;
  await openScreen(app, 'Actions');
  await page.getByRole('table', { name: 'Actions' }).getByText(IN_FICHE.title).click();
  await expect(page.getByRole('heading', { level: 1, name: IN_FICHE.title })).toBeVisible();
  // The page's timers stand still: the pause after typing never ends by itself.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 50);
  const description = 'Séminaire de deux jours à Chambord, ouvert aux cadres A des deux Départements.';
  await page.getByRole('textbox', { name: 'Description' }).fill(description);
  // What the window hears when it closes (the close button, quitting the app).
  await page.evaluate(() => window.dispatchEvent(new Event('beforeunload')));
  await expect
    .poll(() => (JSON.parse(cli(dataDir, 'action', 'show', IN_FICHE.id, '--json')) as { action: { description: string | null } }).action.description)
    .toBe(description);
});
