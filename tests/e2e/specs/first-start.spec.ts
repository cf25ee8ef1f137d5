import defaultProject from '../../../assets/default-project.json';
import { completeFirstStart, expect, test } from '../harness/fixtures';

test('premier démarrage : identité puis tableau de bord des neuf chantiers', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Entente' })).toBeVisible();
  await expect(page.getByText(defaultProject.project.name)).toBeVisible();
  // Plain words: an ordinateur, never a « poste » (a job vacancy, in a collectivité).
  await expect(page.getByRole('tab', { name: 'Démarrer la coopération' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^Qui utilise cet ordinateur\s\?/)).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/poste/i);

  // Nothing is written before the form is complete: the name and the Département are asked for.
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByText('Indiquez votre nom.')).toBeVisible();
  await expect(page.getByText('Choisissez votre Département.')).toBeVisible();

  await completeFirstStart(app);
  await expect(page).toHaveURL(/#\/tableau-de-bord$/);

  const table = page.getByRole('region', { name: 'Par chantier', exact: true }).getByRole('table');
  const titles = defaultProject.chantiers.map((c) => c.title);
  expect(titles).toHaveLength(9);
  for (const title of titles) await expect(table.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 9);
  // The key figures count the default actions (one per action named in the report).
  const figures = page.getByRole('region', { name: 'Chiffres clés' });
  await expect(figures.getByRole('group', { name: 'Actions', exact: true })).toContainText(`${defaultProject.actions.length}Actions`);

  // The identity is kept: the header shows who uses the laptop, and a restart skips the form.
  await expect(page.getByRole('banner')).toContainText('Claire Martin');
  await app.close();
  const again = await launch(app.dataDir);
  await expect(again.page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(again.page.getByRole('heading', { name: 'Bienvenue dans Entente' })).toHaveCount(0);
});
