// Several cooperations on one computer (Paramètres › Coopérations): « Nouvelle coopération… »
// reopens Entente on a new empty data folder, at its first start; once created there, both
// are listed, and « Ouvrir » reopens Entente on the other one.
import { join } from 'node:path';
import { readRegistry, registerCooperation } from '../../../db/project/registry';
import { newDataDir } from '../harness/launch';
import { axeViolations } from '../harness/a11y';
import { completeFirstStart, expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';

const NEW_PROJECT = 'Coopération Val de Loire – Sologne';

/** The data folder main asked Electron to relaunch on, once it has exited. */
async function relaunchedOn(app: AppHandle): Promise<string> {
  await expect.poll(() => app.calls?.map((call) => call.name).slice(-2)).toEqual(['relaunch', 'exit']);
  const [options] = app.calls!.at(-2)!.args as [{ execPath: string; args: string[] }];
  expect(options.execPath).toBe(process.execPath);
  const switches = options.args.filter((arg) => arg.startsWith('--data-dir='));
  expect(switches).toHaveLength(1);
  expect(app.calls!.at(-1)!.args).toEqual([0]);
  return switches[0].slice('--data-dir='.length);
}

test('Paramètres › Coopérations : une nouvelle coopération dans son dossier, puis les deux listées', async ({ launch }) => {
  // The registry's home folder: this test's own, as the default userData would be.
  const home = newDataDir('entente-home-');
  process.env.ENTENTE_HOME = home;
  try {
    const first = await launch(home);
    await completeFirstStart(first);
    await openScreen(first, 'Paramètres');
    const card = (app: AppHandle) => app.page.getByRole('region', { name: 'Coopérations', exact: true });
    const defaultName = await card(first).getByRole('textbox', { name: /^Nom/ }).inputValue();
    const table = (app: AppHandle) => card(app).getByRole('table', { name: 'Coopérations de cet ordinateur' });
    await expect(table(first).getByRole('row')).toHaveCount(1);
    await expect(table(first).getByRole('row')).toContainText([`${defaultName}${home}ouverte`]);

    await card(first).getByRole('button', { name: 'Nouvelle coopération…' }).click();
    const dialog = first.page.getByRole('dialog', { name: 'Nouvelle coopération' });
    await expect(dialog).toContainText('Entente va se fermer et rouvrir sur un nouveau dossier de données');
    await screenshot(first, 'projets-confirmation');
    await dialog.getByRole('button', { name: 'Fermer et rouvrir' }).click();
    const created = await relaunchedOn(first);
    expect(created.startsWith(join(home, 'cooperations', 'cooperation-'))).toBe(true);

    // A cooperation whose folder has gone (an unplugged disk): listed, not openable, removable.
    const gone = join(home, 'cooperations', 'sur-une-cle-usb');
    registerCooperation(home, { name: 'Ancienne coopération', dataDir: gone });

    // Entente started again on that folder, as the relaunch asked: the first start.
    const second = await launch(created, { argv: [`--data-dir=${created}`] });
    const { page } = second;
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Entente' })).toBeVisible();
    await page.getByRole('tab', { name: 'Créer une autre coopération' }).click();
    await page.getByRole('textbox', { name: /^Nom de la coopération/ }).fill(NEW_PROJECT);
    const partner = (n: number) => page.getByRole('group', { name: `Partenaire ${n}`, exact: true });
    await partner(1)
      .getByRole('textbox', { name: /^Nom\s*\*?$/ })
      .fill('Département de Loir-et-Cher');
    await partner(1).getByRole('textbox', { name: /^Code/ }).fill('41');
    await partner(2)
      .getByRole('textbox', { name: /^Nom\s*\*?$/ })
      .fill('Communauté de communes de la Sologne des Rivières');
    await partner(2).getByRole('textbox', { name: /^Code/ }).fill('CCSR');
    await page.getByRole('textbox', { name: /^Chantiers/ }).fill('Forêt et paysages');
    await page
      .getByRole('textbox', { name: /^Nom\s*\*?$/ })
      .last()
      .fill('Paul Girard');
    await page.getByRole('textbox', { name: /^Fonction/ }).fill('Chargé de mission');
    await page.getByRole('combobox', { name: /^Votre partenaire/ }).click();
    await page.getByRole('option', { name: 'Département de Loir-et-Cher' }).click();
    await page.getByRole('button', { name: 'Créer la coopération' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

    await openScreen(second, 'Paramètres');
    const rows = table(second).getByRole('row');
    await expect(rows).toHaveText([
      `${defaultName}${home}OuvrirRetirer`,
      `${NEW_PROJECT}${created}ouverte`,
      `Ancienne coopération${gone} — dossier introuvable (déplacé, supprimé ou sur un disque débranché)OuvrirRetirer`,
    ]);
    await expect(table(second).getByRole('button', { name: 'Ouvrir Ancienne coopération' })).toBeDisabled();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await card(second).scrollIntoViewIfNeeded();
      await screenshot(second, `projets-liste-${theme === 'light' ? 'clair' : 'sombre'}`);
      expect(await axeViolations(page)).toEqual([]);
    }

    // « Retirer » takes it off the list, after a confirmation that says its folder stays.
    await table(second).getByRole('button', { name: 'Retirer Ancienne coopération de la liste' }).click();
    const forget = page.getByRole('dialog', { name: 'Retirer de la liste' });
    await expect(forget).toContainText(`« Ancienne coopération » ne sera plus proposée ici. Son dossier de données reste sur l'ordinateur, intact : ${gone}.`);
    await forget.getByRole('button', { name: 'Retirer de la liste' }).click();
    await expect(rows).toHaveCount(2);
    expect(readRegistry(home).map((cooperation) => cooperation.name)).toEqual([defaultName, NEW_PROJECT]);

    // « Ouvrir » on the other one: confirmed, then the relaunch on its folder, and only it.
    await table(second)
      .getByRole('button', { name: `Ouvrir ${defaultName}` })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Ouvrir une autre coopération' });
    await expect(confirm).toContainText(`Entente va se fermer et rouvrir sur « ${defaultName} ».`);
    await confirm.getByRole('button', { name: 'Fermer et rouvrir' }).click();
    expect(await relaunchedOn(second)).toBe(home);
  } finally {
    delete process.env.ENTENTE_HOME;
  }
});
