import { initData } from '../harness/data';
import { expect, openScreen, test } from '../harness/fixtures';

test('un nouveau chantier se crée depuis la liste, avec un numéro libre, et apparaît au tableau de bord', async ({ launch }) => {
  const app = await launch(initData());
  const { page } = app;
  await openScreen(app, 'Chantiers');
  await page.getByRole('button', { name: 'Nouveau chantier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau chantier' });
  await expect(dialog.getByLabel('Numéro')).toHaveValue('10');

  // A number already taken is refused with the chantier that holds it.
  await dialog.getByLabel('Numéro').fill('4');
  await dialog.getByLabel('Titre').fill('La promotion touristique du Val de Loire');
  await dialog.getByRole('button', { name: 'Créer le chantier' }).click();
  await expect(dialog.getByText('Le numéro 4 est déjà celui du chantier « Les ressources humaines ».')).toBeVisible();

  await dialog.getByLabel('Numéro').fill('10');
  await dialog.getByRole('button', { name: 'Créer le chantier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Chantier 10 · La promotion touristique du Val de Loire/ })).toBeVisible();

  await openScreen(app, 'Tableau de bord');
  await expect(page.getByRole('link', { name: 'La promotion touristique du Val de Loire', exact: true })).toBeVisible();
});
