// One Entente per data folder, as Electron's single-instance lock (keyed on userData, which
// ENTENTE_DATA_DIR sets) makes it: two data folders open side by side, and a second
// Entente on a folder already open stops at once, leaving the first one working.
import { cli, initData } from '../harness/data';
import { actionCount, expect, openScreen, test } from '../harness/fixtures';
import { AppQuitAtStart } from '../harness/launch';

test('deux dossiers de données ouverts en même temps ; un second lancement sur le même dossier s’arrête', async ({ launch }) => {
  const claire = initData();
  const nadia = initData();
  cli(nadia, 'action', 'add', '--chantier', '9', '--title', 'Portail commun des téléservices');

  const first = await launch(claire);
  const second = await launch(nadia);
  await openScreen(first, 'Actions');
  await openScreen(second, 'Actions');
  // Each window shows its own folder's data: one action more on the second.
  await expect(actionCount(first)).toHaveText('14 actions');
  await expect(actionCount(second)).toHaveText('15 actions');

  await expect(launch(claire)).rejects.toBeInstanceOf(AppQuitAtStart);
  // The first Entente on that folder goes on as before.
  await openScreen(first, 'Chantiers');
  await openScreen(second, 'Personnes');
});
