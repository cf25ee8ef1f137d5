// A .entente file double-clicked in the file manager: Entente opens on it (its argv at start,
// or a second launch's argv when Entente is already open), shows what the file holds, and
// imports it only when asked; an invitation at first start opens the join form on it.
import { join } from 'node:path';
import { cli, cliWithPassphrase, initData, listActions } from '../harness/data';
import { expect, openScreen, screenshot, test } from '../harness/fixtures';
import { AppQuitAtStart, newDataDir } from '../harness/launch';

const PASSPHRASE = 'coopération 37-41 : phrase de passe';

test("un fichier d'échange ouvert depuis le gestionnaire de fichiers : aperçu, puis import si on le demande", async ({ launch }) => {
  const claire = initData();
  const nadia = newDataDir();
  cli(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41', '--function', 'Chargée de mission');
  cli(nadia, 'action', 'add', '--chantier', '9', '--title', 'Portail commun des téléservices');
  const file = join(nadia, 'De Nadia.entente');
  cliWithPassphrase(nadia, PASSPHRASE, 'export', '--to', file);

  // At start: the preview, and « Ne pas importer » leaves the data as they were.
  const app = await launch(claire, { argv: [file] });
  const { page } = app;
  const dialog = page.getByRole('dialog', { name: "Fichier d'échange reçu" });
  await expect(dialog).toContainText('« De Nadia.entente »');
  await expect(dialog).toContainText(/Le fichier «\sDe Nadia\.entente\s» indique venir d'un ordinateur que celui-ci ne connaît pas encore/);
  await expect(dialog).toContainText(
    /et avoir été écrit le \d{1,2}(?:er)?\s\S+\s\d{4}\sà\s\d+\sh(?:\s\d{2})?\.\sIl contient tout l'historique de la coopération, soit \d+\smises à jour\./,
  );
  await screenshot(app, '17-fichier-d-echange-recu');
  await dialog.getByRole('button', { name: 'Ne pas importer' }).click();
  await expect(dialog).toBeHidden();
  expect(listActions(claire).some((action) => action.title === 'Portail commun des téléservices')).toBe(false);

  await openScreen(app, 'Paramètres');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Synchronisation' }).click();
  await page.getByRole('textbox', { name: 'Phrase de passe de la coopération' }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/Les clés de cet ordinateur sont prêtes/)).toBeVisible();

  // Entente already open: the second launch stops, and the open window shows the file.
  await expect(launch(claire, { argv: [file] })).rejects.toBeInstanceOf(AppQuitAtStart);
  await expect(dialog).toContainText('« De Nadia.entente »');
  // A window still showing another file (one double-clicked just before) neither imports nor drops this one.
  const stale = await page.evaluate(() => (window as any).api.importOpenedFile(-1));
  expect(stale).toMatchObject({ ok: false, error: { message: expect.stringContaining('Un autre fichier a été ouvert entre-temps (De Nadia.entente)') } });
  await page.evaluate(() => (window as any).api.dismissOpenedFile(-1));
  expect(listActions(claire).some((action) => action.title === 'Portail commun des téléservices')).toBe(false);
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  const summary = page.getByRole('dialog', { name: 'Import terminé' });
  await expect(summary).toContainText("de l'ordinateur de Nadia Benali (Loir-et-Cher)");
  const changes = summary.getByRole('region', { name: 'Ce qui a changé, action par action' });
  await expect(changes.getByRole('link', { name: '9.2 « Portail commun des téléservices »' })).toBeVisible();
  await expect(changes.getByRole('listitem')).toHaveText(['Nouvelle action, par Nadia Benali']);
  expect(listActions(claire).some((action) => action.title === 'Portail commun des téléservices')).toBe(true);
});

test('une invitation ouverte au premier démarrage : « Rejoindre une coopération », le fichier déjà choisi', async ({ launch }) => {
  const claire = initData();
  const invitation = join(claire, 'Invitation coopération.entente');
  cliWithPassphrase(claire, PASSPHRASE, 'invite', '--out', invitation);

  const laptop = await launch(undefined, { argv: [invitation] });
  const { page } = laptop;
  await expect(page.getByRole('tab', { name: 'Rejoindre une coopération' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Invitation coopération.entente')).toBeVisible();
  await page.getByRole('textbox', { name: 'Phrase de passe de la coopération' }).fill(PASSPHRASE);
  await page.getByRole('button', { name: "Ouvrir l'invitation" }).click();
  await expect(page.getByText(/\d+ mises à jour, tout l'historique de la coopération/)).toBeVisible();
});
