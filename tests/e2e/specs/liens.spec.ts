// Links, as real Electron hands them to main: an internal link clicked with ctrl or the
// middle button stays in the app's window; an action's file link opens only after the user
// saw its path, and a program or a file on another computer never opens.
import { addAction, copyOfPrepared, initData } from '../harness/data';
import { expect, test, type AppHandle } from '../harness/fixtures';

const opened = (app: AppHandle) => (app.calls ?? []).filter((call) => call.name === 'openPath' || call.name === 'openExternal');

test('un lien interne cliqué avec ctrl ou le bouton du milieu reste dans la fenêtre', async ({ launch }) => {
  const app = await launch(copyOfPrepared('projet', initData));
  const { page } = app;
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await navigation.getByRole('link', { name: 'Chantiers' }).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('heading', { level: 1, name: 'Chantiers' })).toBeVisible();
  await navigation.getByRole('link', { name: 'Personnes' }).click({ button: 'middle' });
  await expect(page.getByRole('heading', { level: 1, name: 'Personnes' })).toBeVisible();
  await navigation.getByRole('link', { name: 'Actions', exact: true }).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();

  expect(page.context().pages()).toHaveLength(1);
  expect(opened(app)).toEqual([]);
});

test("un lien de fichier : le chemin d'abord, puis ouvert ; un programme ou un partage réseau jamais", async ({ launch }) => {
  const dataDir = initData();
  const id = addAction(dataDir, 4, 'Convention de formation');
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await page.evaluate((hash) => (window.location.hash = hash), `#/actions/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Convention de formation' })).toBeVisible();

  const addLink = async (label: string, url: string) => {
    await page.getByRole('textbox', { name: 'Intitulé du lien' }).fill(label);
    await page.getByRole('textbox', { name: 'Adresse du lien' }).fill(url);
    await page.getByRole('button', { name: 'Ajouter le lien' }).click();
    await expect(page.getByRole('link', { name: label })).toBeVisible();
  };
  await addLink('Convention signée', 'file:///srv/cooperation/convention%20sign%C3%A9e.pdf');
  await addLink('Installateur', 'file:///srv/cooperation/installer.EXE');
  await addLink('Script', 'file:///srv/cooperation/mise-a-jour.ps1');
  await addLink('Partage du Département', 'file://serveur-41/partage/note.pdf');

  // A PDF: the user is shown its whole path; « Annuler » opens nothing, « Ouvrir » opens it.
  await app.answerDialog('showMessageBox', { response: 1 });
  await page.getByRole('link', { name: 'Convention signée' }).click();
  await app.answerDialog('showMessageBox', { response: 0 });
  await page.getByRole('link', { name: 'Convention signée' }).click();
  if (!app.calls) return; // Real Electron: what the dialogs showed is not recorded.
  const boxes = () => app.calls!.filter((call) => call.name === 'showMessageBox');
  await expect.poll(() => opened(app)).toEqual([{ name: 'openPath', args: ['/srv/cooperation/convention signée.pdf'] }]);
  expect(boxes()).toHaveLength(2);
  for (const box of boxes()) expect(box.args.at(-1)).toMatchObject({ type: 'question', detail: '/srv/cooperation/convention signée.pdf' });

  // A program, a script, a file on another computer: refused, with the reason, never opened.
  for (const [label, reason] of [
    ['Installateur', /fichier \.exe\s: Entente n'ouvre que des documents/],
    ['Script', /fichier \.ps1\s: Entente n'ouvre que des documents/],
    ['Partage du Département', /autre ordinateur du réseau \(serveur-41\)/],
  ] as const) {
    const before = boxes().length;
    await app.answerDialog('showMessageBox', { response: 0 });
    await page.getByRole('link', { name: label }).click();
    await expect.poll(() => boxes().length).toBe(before + 1);
    expect(boxes().at(-1)!.args.at(-1)).toMatchObject({ type: 'warning', detail: expect.stringMatching(reason) });
  }
  expect(opened(app)).toHaveLength(1);
});
