// A page that fails while it is drawn: the window does not go blank. The page says so in
// French with the error, the navigation stays usable, « Réessayer » draws it again, and
// opening another page forgets the failure. The failure is made by breaking number
// formatting in the page's JavaScript, which the Actions screen uses when it draws.
import { copyOfPrepared, initData } from '../harness/data';
import { expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';

/** Number formatting throws in the page, or works again. */
async function breakNumbers(app: AppHandle, broken: boolean): Promise<void> {
  await app.page.evaluate((broken) => {
    const saved = ((window as unknown as { savedFormat?: PropertyDescriptor }).savedFormat ??= Object.getOwnPropertyDescriptor(
      Intl.NumberFormat.prototype,
      'format',
    ));
    Object.defineProperty(
      Intl.NumberFormat.prototype,
      'format',
      broken
        ? {
            configurable: true,
            get() {
              throw new Error('formatage des nombres cassé pour le test');
            },
          }
        : saved!,
    );
  }, broken);
}

test('une page qui ne peut pas s’afficher le dit, la navigation reste, « Réessayer » la redessine', async ({ launch }) => {
  const app = await launch(copyOfPrepared('projet', initData));
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  const failure = page.getByRole('alert').filter({ hasText: "Cette page n'a pas pu s'afficher" });

  await breakNumbers(app, true);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(failure).toBeVisible();
  await expect(failure).toContainText("Ce qui est déjà enregistré n'est pas perdu.");
  await expect(failure).toContainText('formatage des nombres cassé pour le test');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await screenshot(app, 'page-en-echec');

  // Still broken: « Réessayer » fails again, and says so again.
  await failure.getByRole('button', { name: 'Réessayer' }).click();
  await expect(failure).toBeVisible();

  await breakNumbers(app, false);
  await failure.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  await expect(failure).toBeHidden();

  // Another page opened forgets the failure of the one left.
  await openScreen(app, 'Chantiers');
  await breakNumbers(app, true);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(failure).toBeVisible();
  await breakNumbers(app, false);
  await openScreen(app, 'Personnes');
  await expect(failure).toBeHidden();
  await openScreen(app, 'Actions');
});
