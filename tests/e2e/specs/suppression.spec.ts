// Deleting from a fiche: an action, then a piste, then a réunion. A confirmation says what goes with it,
// « Annuler » (focused) keeps everything; « Supprimer » deletes and goes back to the list.
import { createPerson } from '../../../db/people/writes';
import { createPiste, scorePiste } from '../../../db/pistes/writes';
import { addAgendaItem, createMeeting } from '../../../db/meetings/writes';
import { addAction, initData, withStore } from '../harness/data';
import { expect, test } from '../harness/fixtures';

test('supprimer une action, une piste puis une réunion depuis leur page, après confirmation', async ({ launch }) => {
  const dataDir = initData();
  const actionId = addAction(dataDir, 4, 'Charte commune de la mobilité');
  addAction(dataDir, 4, 'Covoiturage des agents');
  const pisteId = withStore(dataDir, (store) => {
    const marc = createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
    const id = createPiste(store, { title: 'Bourse commune des stages', proposed_by_partner_id: 'd37' });
    scorePiste(store, id, { evaluator_person_id: store.personId!, plus_value: 4, faisabilite: 3 });
    scorePiste(store, id, { evaluator_person_id: marc, plus_value: 2, faisabilite: 3 });
    createPiste(store, { title: 'Guichet unique des aidants', proposed_by_partner_id: 'd41' });
    return id;
  });
  const meetingId = withStore(dataDir, (store) => {
    const id = createMeeting(store, { type: 'atelier', date: '2027-02-10', start_time: '14:00', duration_minutes: 90, chantier_ids: ['c4'] });
    addAgendaItem(store, id, { title: 'Tour de table', duration_minutes: 30 });
    return id;
  });
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await page.evaluate((id) => (window.location.hash = `#/actions/${id}`), actionId);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Charte commune de la mobilité');
  await page.getByRole('button', { name: "Supprimer l'action" }).click();
  let dialog = page.getByRole('dialog', { name: 'Supprimer cette action ?' });
  await expect(dialog).toContainText("L'action « Charte commune de la mobilité » sera supprimée avec ses étapes, ses notes de suivi et ses liens.");
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Charte commune de la mobilité');
  await page.getByRole('button', { name: "Supprimer l'action" }).click();
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Rechercher' });
  await search.fill('covoiturage');
  await expect(page.getByRole('table', { name: 'Actions' }).getByRole('row', { name: /Covoiturage des agents/ })).toBeVisible();
  await search.fill('charte commune');
  await expect(page.getByText('Aucune action ne correspond à ces critères.')).toBeVisible();

  await page.evaluate((id) => (window.location.hash = `#/pistes/${id}`), pisteId);
  await page.getByRole('button', { name: 'Supprimer la piste' }).click();
  dialog = page.getByRole('dialog', { name: 'Supprimer cette piste ?' });
  await expect(dialog).toContainText('La piste P1 « Bourse commune des stages » sera supprimée avec ses 2 évaluations.');
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Pistes' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Guichet unique des aidants');

  // A réunion created by mistake: deleted from its page, with its ordre du jour.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}`), meetingId);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('10 février 2027');
  const title = (await heading.textContent())!;
  await page.getByRole('button', { name: 'Supprimer la réunion' }).click();
  dialog = page.getByRole('dialog', { name: 'Supprimer cette réunion\u202f?' });
  await expect(dialog).toContainText(`La réunion « ${title} » sera supprimée avec ses participants, son ordre du jour et son compte rendu.`);
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Réunions' })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await app.close();
});
