// The Synchronisation screen, between two ordinateurs made with the CLI: Claire Martin (37) and
// Nadia Benali (41). Exchange files through the save and open dialogs and by dropping a
// file on the window; a refused file; a conflict found by an import and settled in the
// Conflits view; the shared folder with both apps open at once; joining from an invitation.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, unlabelledFields } from '../harness/a11y';
import { cli, cliWithPassphrase, initData, listActions } from '../harness/data';
import { expect, screenshot, test, type AppHandle } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';

const PASSPHRASE = 'coopération 37-41 : phrase de passe';

function twoPostes(): { claire: string; nadia: string } {
  const claire = initData();
  const nadia = newDataDir();
  cli(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41', '--function', 'Chargée de mission');
  return { claire, nadia };
}

async function openSync(app: AppHandle): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Synchronisation' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
}

async function setPassphrase(app: AppHandle, passphrase = PASSPHRASE): Promise<void> {
  await app.page.getByRole('textbox', { name: 'Phrase de passe de la coopération' }).fill(passphrase);
  await app.page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(app.page.getByText(/Les clés de cet ordinateur sont prêtes/)).toBeVisible();
}

/** Drops a file on the window, as from the file manager. */
async function dropFile(page: Page, file: string): Promise<void> {
  const bytes = [...readFileSync(file)];
  const dataTransfer = await page.evaluateHandle(
    ([content, name]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], name));
      return transfer;
    },
    [bytes, file.split('/').pop()!] as const,
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer });
}

const statusOf = (dataDir: string, id: string) => listActions(dataDir).find((action) => action.id === id)?.status;

test("fichiers d'échange : export pour l'autre Département, import par la boîte de dialogue et par dépôt, fichier refusé, conflit résolu", async ({
  launch,
}) => {
  const { claire, nadia } = twoPostes();
  cli(claire, 'action', 'set', 'a3-1', 'status=en_cours');

  // Claire exports for Loir-et-Cher.
  const first = await launch(claire);
  await openSync(first);
  await expect(first.page.getByRole('button', { name: "Exporter un fichier d'échange…" })).toBeDisabled();
  // Greyed, and said why, in each section whose buttons are.
  await expect(first.page.getByText("Enregistrez d'abord la phrase de passe de la coopération, ci-dessus")).toHaveCount(2);
  await setPassphrase(first);
  await expect(first.page.getByText("Enregistrez d'abord la phrase de passe de la coopération, ci-dessus")).toHaveCount(0);
  await expect(first.page.getByRole('combobox', { name: 'Destinataire' })).toHaveValue('Département de Loir-et-Cher (tous ses ordinateurs)');
  const exported = join(claire, 'pour-41.entente');
  await first.answerDialog('showSaveDialog', { canceled: false, filePath: exported });
  await first.page.getByRole('button', { name: "Exporter un fichier d'échange…" }).click();
  await expect(first.page.getByText("Fichier d'échange enregistré")).toBeVisible();
  expect(existsSync(exported)).toBe(true);
  await expect(first.page.getByRole('cell', { name: /^Export : \d+ mises à jour pour Département de Loir-et-Cher/ })).toBeVisible();
  await first.close();

  // Meanwhile Nadia sets the same action's status: a conflict once both are known.
  cli(nadia, 'action', 'set', 'a3-1', 'status=bloque');
  const second = await launch(nadia);
  const { page } = second;
  await openSync(second);
  await setPassphrase(second);

  // A file of another passphrase is refused in French; nothing changes.
  const stranger = initData();
  const foreign = join(stranger, 'autre-phrase.entente');
  cliWithPassphrase(stranger, 'une tout autre phrase', 'export', '--to', foreign);
  await second.answerDialog('showOpenDialog', { canceled: false, filePaths: [foreign] });
  await page.getByRole('button', { name: "Importer un fichier d'échange…" }).click();
  // Told at once, and kept on the screen until an import goes through.
  const failure = page.getByRole('alert').filter({ hasText: 'Dernier import impossible' });
  await expect(failure).toContainText('La phrase de passe ne correspond pas');
  expect(statusOf(nadia, 'a3-1')).toBe('bloque');

  // Claire's file through the open dialog: the summary names her ordinateur, what changed action by action, and the conflict.
  await second.answerDialog('showOpenDialog', { canceled: false, filePaths: [exported] });
  await page.getByRole('button', { name: "Importer un fichier d'échange…" }).click();
  const summary = page.getByRole('dialog', { name: 'Import terminé' });
  await expect(summary).toContainText(
    /mises à jour dans le fichier de l'ordinateur de Claire Martin \(Indre-et-Loire\), (dont \d+ nouvelles|toutes nouvelles)\./,
  );
  await expect(summary).toContainText('1 nouveau conflit à résoudre');
  const changes = summary.getByRole('region', { name: 'Ce qui a changé, action par action' });
  await expect(changes.getByRole('link')).toHaveCount(1);
  await expect(changes.getByRole('listitem')).toHaveText([
    "Statut : deux versions concurrentes (Bloqué par Nadia Benali ; En cours par Claire Martin), à choisir dans l'écran Conflits",
  ]);
  const claireId = JSON.parse(cli(claire, 'info')).replica.id as string;
  await expect(summary).not.toContainText(claireId);
  await screenshot(second, '11-synchronisation-import');
  expect(await axeViolations(page)).toEqual([]);
  await summary.getByRole('link', { name: "choisir dans l'écran Conflits" }).click();

  // Settled in the Conflits view: Nadia keeps Claire's « En cours ».
  await expect(page.getByRole('heading', { level: 1, name: 'Conflits' })).toBeVisible();
  const status = page.getByRole('region', { name: /^Statut Action/ });
  await status.locator('.mantine-Paper-root').filter({ hasText: 'Claire Martin' }).getByRole('button', { name: 'Garder cette version' }).click();
  await expect(page.getByText('Aucun conflit', { exact: true })).toBeVisible();
  expect(statusOf(nadia, 'a3-1')).toBe('en_cours');

  // A further change of Claire's, dropped on the window (in the dark theme, for its summary's look).
  cli(claire, 'action', 'set', 'a3-1', 'progress=40', 'end_date=2027-06-30');
  const dropped = join(claire, 'suite.entente');
  cliWithPassphrase(claire, PASSPHRASE, 'export', '--to', dropped);
  await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
  await dropFile(page, dropped);
  const droppedSummary = page.getByRole('dialog', { name: 'Import terminé' });
  await expect(droppedSummary).toContainText("de l'ordinateur de Claire Martin");
  await expect(droppedSummary.getByRole('region', { name: 'Ce qui a changé, action par action' }).getByRole('listitem')).toHaveText([
    'Échéance : (vide) → 30 juin 2027, par Claire Martin',
    'Avancement : 0 % → 40 %, par Claire Martin',
  ]);
  await screenshot(second, '11b-synchronisation-import-sombre');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();
  await expect(page.getByRole('dialog', { name: 'Import terminé' })).toHaveCount(0);
  expect(listActions(nadia).find((action) => action.id === 'a3-1')?.progress).toBe(40);

  // The screen: both ordinateurs, no id, the journal with the failed import kept, no gap.
  await openSync(second);
  await expect(failure).toHaveCount(0);
  const computers = page.getByRole('region', { name: 'Ordinateurs connus' });
  await expect(computers.getByRole('row', { name: /Claire Martin/ })).toContainText("Département d'Indre-et-Loire");
  await expect(computers.getByRole('row', { name: /Nadia Benali/ })).toContainText('cet ordinateur');
  await expect(computers).not.toContainText(claireId);
  // Claire's files were written before she had anything of Nadia's: the page says so first, the table too.
  const reached = page.getByRole('alert').filter({ hasText: 'Vos mises à jour ne sont pas encore arrivées partout' });
  // Nadia's registration (her name, her key) is not counted as her work: her conflict choice is.
  await expect(reached).toContainText(
    /Claire Martin\s: cet ordinateur ne lui était pas encore connu, et (aucune de vos \d+ mises à jour ne lui était arrivée|votre mise à jour ne lui était pas arrivée), d'après son dernier fichier, reçu le/,
  );
  await expect(
    computers
      .getByRole('row', { name: /Claire Martin/ })
      .getByRole('cell')
      .last(),
  ).toHaveText(/^0 sur \d+$/);
  const journal = page.getByRole('region', { name: 'Journal des synchronisations' });
  await expect(journal.getByRole('row')).toHaveCount(4); // header, the refused file, 2 imports
  await expect(journal.getByRole('row').last()).toContainText('Import impossible. La phrase de passe ne correspond pas');
  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await page.mouse.move(700, 850);
    await screenshot(second, `12-synchronisation-${theme}`);
    expect(await axeViolations(page), theme).toEqual([]);
  }
  expect(await unlabelledFields(page)).toEqual([]);
});

test('dossier partagé : deux ordinateurs ouverts en même temps se synchronisent seuls', async ({ launch }) => {
  const { claire, nadia } = twoPostes();
  const folder = newDataDir('entente-dossier-partage-');
  cli(claire, 'action', 'set', 'a3-1', 'status=realise');
  const apps = [await launch(claire), await launch(nadia)];
  for (const app of apps) {
    await openSync(app);
    await setPassphrase(app);
    await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [folder] });
    await app.page.getByRole('button', { name: 'Choisir le dossier partagé…' }).click();
    await expect(app.page.getByRole('region', { name: 'Dossier partagé' }).getByText(folder)).toBeVisible();
  }
  // No button pressed: the folder's watch (or the first round) brings Claire's change to Nadia.
  await expect.poll(() => statusOf(nadia, 'a3-1'), { timeout: 20_000 }).toBe('realise');
  const nadiaPage = apps[1].page;
  await expect(nadiaPage.getByRole('region', { name: 'Ordinateurs connus' }).getByRole('row', { name: /Claire Martin/ })).toBeVisible({ timeout: 10_000 });
  await expect(nadiaPage.getByRole('region', { name: 'Journal des synchronisations' })).toContainText(/Dossier partagé\s:\s1 fichier lu/);
  // What the round changed, action by action, kept folded under the folder's status.
  const folderSection = nadiaPage.getByRole('region', { name: 'Dossier partagé' });
  await folderSection.getByRole('button', { name: /^Dernières mises à jour reçues par le dossier/ }).click();
  await expect(folderSection.getByRole('region', { name: 'Ce qui a changé, action par action' }).getByRole('listitem')).toContainText([
    /^Statut\s:\s.* → Réalisé, par Claire Martin$/,
  ]);
  // And back: Nadia's ordinateur reaches Claire.
  await expect.poll(() => cli(claire, 'dump').includes('Nadia Benali'), { timeout: 20_000 }).toBe(true);
  await apps[0].page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(apps[0].page.getByText('Dossier partagé synchronisé')).toBeVisible();

  // A stranger's file in an ordinateur-like folder: set aside and named, the round goes on.
  const strangerDir = join(folder, 'entente-p-coop-37-41', 'zzzzzzzzzzz9');
  mkdirSync(strangerDir, { recursive: true });
  writeFileSync(join(strangerDir, '00000001.entente'), 'pas un fichier Entente');
  cli(nadia, 'action', 'set', 'a5-1', 'status=bloque');
  await apps[0].page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  const setAside = apps[0].page.getByRole('alert').filter({ hasText: 'Fichiers mis de côté au dernier passage' });
  await expect(setAside).toContainText("zzzzzzzzzzz9/00000001.entente : Ce n'est pas un fichier d'échange Entente.");
  // One notice for the folder: the latest round's replaces the one before.
  await expect(apps[0].page.getByText('Dossier partagé synchronisé, sauf un fichier mis de côté')).toBeVisible();
  await expect(apps[0].page.getByText(/^Dossier partagé synchronisé/)).toHaveCount(1);
  await screenshot(apps[0], '13b-dossier-partage-fichier-mis-de-cote');
  await screenshot(apps[1], '13-dossier-partage');
});

test('rejoindre une coopération depuis une invitation, avec la phrase de passe donnée à part', async ({ launch }) => {
  const claire = initData();
  const first = await launch(claire);
  await openSync(first);
  await setPassphrase(first);
  await first.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
  const invitation = join(claire, 'invitation.entente');
  await first.answerDialog('showSaveDialog', { canceled: false, filePath: invitation });
  await first.page.getByRole('button', { name: 'Créer une invitation…' }).click();
  await expect(first.page.getByText('Invitation enregistrée')).toBeVisible();
  await first.close();

  const laptop = await launch();
  const { page } = laptop;
  await page.getByRole('tab', { name: 'Rejoindre une coopération' }).click();
  await laptop.answerDialog('showOpenDialog', { canceled: false, filePaths: [invitation] });
  await page.getByRole('button', { name: "Choisir le fichier d'invitation…" }).click();
  await expect(page.getByText('invitation.entente')).toBeVisible();
  await page.getByRole('textbox', { name: 'Phrase de passe de la coopération' }).fill('pas la bonne phrase');
  await page.getByRole('button', { name: "Ouvrir l'invitation" }).click();
  await expect(page.getByText(/phrase de passe/i).and(page.locator('.mantine-InputWrapper-error'))).toBeVisible();
  await page.getByRole('textbox', { name: 'Phrase de passe de la coopération' }).fill(PASSPHRASE);
  await page.getByRole('button', { name: "Ouvrir l'invitation" }).click();
  await expect(page.getByText(/tout l'historique de la coopération/)).toBeVisible();
  await page.getByRole('combobox', { name: /^Département/ }).click();
  await page.getByRole('option', { name: 'Département de Loir-et-Cher' }).click();
  await page.getByRole('combobox', { name: /^Vous êtes/ }).click();
  await page.getByRole('option', { name: 'Une autre personne…' }).click();
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Nadia Benali');
  // Named, so that it is told apart from her other laptops (a lost one, its replacement).
  await page.getByRole('textbox', { name: 'Nom de cet ordinateur' }).fill('Portable DRH');
  await screenshot(laptop, '14-rejoindre-un-projet');
  await page.getByRole('button', { name: 'Rejoindre la coopération' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // A new ordinateur id, the whole history, and the passphrase already known.
  const info = JSON.parse(cli(laptop.dataDir, 'info'));
  expect(info.replica.person_name).toBe('Nadia Benali');
  expect(JSON.parse(cli(laptop.dataDir, 'postes', '--json')).find((poste: { is_this_laptop: boolean }) => poste.is_this_laptop).label).toBe('Portable DRH');
  expect(info.replica.id).not.toBe(JSON.parse(cli(claire, 'info')).replica.id);
  await openSync(laptop);
  await expect(page.getByText(/Les clés de cet ordinateur sont prêtes/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ordinateurs connus' }).getByRole('row', { name: /Claire Martin/ })).toBeVisible();
  // Joining wrote her name, her Département and her key: not work of hers that Claire would lack, but news to Claire.
  const known = page.getByRole('alert').filter({ hasText: "Cet ordinateur n'est pas encore connu partout" });
  await expect(known).toContainText(
    /Claire Martin\s: cet ordinateur ne lui était pas encore connu \(son nom, son Département, sa clé\), d'après son dernier fichier, reçu le/,
  );
  await expect(page.getByText(/de vos \d+ mises? à jour/)).toHaveCount(0);
  await screenshot(laptop, '14c-synchronisation-apres-avoir-rejoint');

  // Renamed later, in Paramètres › Ordinateurs: the name goes to the others with the next sync.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
  const computers = page.getByRole('region', { name: 'Ordinateurs' });
  await computers.getByRole('button', { name: 'Renommer…' }).click();
  const naming = page.getByRole('dialog', { name: 'Nom de cet ordinateur' });
  await expect(naming.getByRole('textbox', { name: 'Nom de cet ordinateur' })).toHaveValue('Portable DRH');
  await naming.getByRole('textbox', { name: 'Nom de cet ordinateur' }).fill('Portable du bureau 214');
  await screenshot(laptop, '14b-renommer-cet-ordinateur');
  await naming.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(naming).toBeHidden();
  await expect(computers.getByRole('row', { name: /Nadia Benali — Portable du bureau 214/ })).toBeVisible();
  expect(JSON.parse(cli(laptop.dataDir, 'postes', '--json')).find((poste: { is_this_laptop: boolean }) => poste.is_this_laptop).label).toBe(
    'Portable du bureau 214',
  );
});

test("après une synchronisation, les modifications d'avant ne s'annulent plus : rien n'écrase la valeur reçue", async ({ launch }) => {
  const { claire, nadia } = twoPostes();
  const app = await launch(nadia);
  const { page } = app;
  await openSync(app);
  await setPassphrase(app);

  // Nadia sets the avancement of a3-1; meanwhile Claire sets it too, and sends her file.
  await page.evaluate(() => (window.location.hash = '#/actions/a3-1'));
  const avancement = page.getByRole('textbox', { name: 'Avancement' });
  await avancement.fill('20');
  await avancement.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  const undo = page.getByRole('button', { name: 'Annuler la dernière modification' });
  await expect(undo).toBeEnabled();
  cli(claire, 'action', 'set', 'a3-1', 'progress=60');
  const file = join(claire, 'avancement.entente');
  cliWithPassphrase(claire, PASSPHRASE, 'export', '--to', file);
  await dropFile(page, file);
  await expect(page.getByRole('dialog', { name: 'Import terminé' })).toContainText("de l'ordinateur de Claire Martin");
  await page.keyboard.press('Escape');

  // Undoing now would settle unseen the conflict the file revealed: Ctrl+Z says why it does nothing.
  await expect(undo).toBeDisabled();
  await page.getByRole('combobox', { name: 'Priorité' }).focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByText(/Une synchronisation a apporté des modifications depuis les vôtres/)).toBeVisible();
  const progress = listActions(nadia).find((action) => action.id === 'a3-1')?.progress;
  expect([20, 60]).toContain(progress);
  expect(JSON.parse(cli(nadia, 'conflicts', '--json'))).toEqual([expect.objectContaining({ row_id: 'a3-1', field: 'progress' })]);
});
