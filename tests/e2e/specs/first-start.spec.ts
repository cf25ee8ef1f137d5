import { completeFirstStart, expect, screenshot, test } from '../harness/fixtures';

test('premier démarrage : identité puis tableau de bord des neuf chantiers', async ({ launch }) => {
  const app = await launch();
  await expect(app.page.getByRole('heading', { name: /Bienvenue/ })).toBeVisible();
  await screenshot(app, '01-premier-demarrage');
  await completeFirstStart(app);
  for (const title of ["Les services d'aide et d'accompagnement à domicile", 'Les téléservices']) {
    await expect(app.page.getByText(title).first()).toBeVisible();
  }
  await screenshot(app, '02-tableau-de-bord');
});
