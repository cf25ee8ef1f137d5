// A keyboard-only path: from the Actions screen to a fiche, editing the titre, the statut
// and the avancement with Tab, Enter, arrows, Escape and typing; then undo (Ctrl+Z and the
// « Annuler la dernière modification » button) and a restart that finds the saved values.
import type { Locator, Page } from '@playwright/test';
import { addNote, addStep } from '../../../db/actions/writes';
import { copyOfPrepared, initData, listActions, withStore } from '../harness/data';
import { expect, openScreen, test } from '../harness/fixtures';

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement).catch(() => false);

/** Presses `key` (Tab by default) until `target` has the focus; fails after `max` presses. */
async function pressUntilFocused(page: Page, target: Locator, key = 'Tab', max = 60): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} × ${max} n'atteint pas le champ`).toBeFocused();
}

/** In an open Mantine list, moves with the arrows to `option` and picks it with Enter. */
async function pickWithArrows(page: Page, field: Locator, option: string): Promise<void> {
  await page.keyboard.press('ArrowDown');
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator(`[id="${await field.getAttribute('aria-controls')}"]`);
  const hovered = list.locator('[data-combobox-selected]');
  for (let presses = 0; presses < 12 && (await hovered.textContent().catch(() => null)) !== option; presses++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(hovered).toHaveText(option);
  await page.keyboard.press('Enter');
  await expect(field).toHaveAttribute('aria-expanded', 'false');
}

test('au clavier seul : ouvrir une fiche, modifier titre, statut et avancement, annuler, retrouver après redémarrage', async ({ launch }) => {
  const dataDir = copyOfPrepared('projet', initData);
  const app = await launch(dataDir);
  const { page } = app;
  await openScreen(app, 'Actions');
  const table = page.getByRole('table', { name: 'Actions' });
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(14);

  // The page title takes the focus when the page opens; from there Tab reaches the first row,
  // Down moves to the second, Enter opens it.
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeFocused();
  const firstRow = table.locator('tbody').getByRole('row').first();
  await pressUntilFocused(page, firstRow);
  await page.keyboard.press('ArrowDown');
  const secondRow = table.locator('tbody tr[aria-rowindex="3"]');
  await expect(secondRow).toBeFocused();
  const actionId = listActions(dataDir)[1].id;
  const before = listActions(dataDir)[1];
  await expect(secondRow).toContainText(before.title);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/actions/${actionId}$`));
  await expect(page.getByRole('heading', { level: 1, name: before.title })).toBeFocused();

  // Titre: typed, saved on leaving the field.
  const titre = page.getByRole('textbox', { name: 'Titre', exact: true });
  await pressUntilFocused(page, titre);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Tarification des SAAD : échanges et pilotage financier');
  await page.keyboard.press('Tab');
  // The heading starts with the action's reference (« 1.2 »).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\d+\.\d+ Tarification des SAAD : échanges et pilotage financier$/);

  // Statut: opened with the arrows, picked with Enter.
  const statut = page.getByRole('combobox', { name: 'Statut', exact: true });
  await pressUntilFocused(page, statut);
  await pickWithArrows(page, statut, 'En cours');
  await expect(statut).toHaveValue('En cours');

  // Escape closes a list without changing anything.
  await page.keyboard.press('Tab');
  const priorite = page.getByRole('combobox', { name: 'Priorité', exact: true });
  await expect(priorite).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(priorite).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(priorite).toHaveAttribute('aria-expanded', 'false');
  await expect(priorite).toHaveValue('Moyenne');

  // Avancement: typed, then one more with the Up arrow, saved with Enter.
  const avancement = page.getByRole('textbox', { name: 'Avancement' });
  await pressUntilFocused(page, avancement);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('40');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(avancement).toHaveValue(/^41\s%$/);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await expect
    .poll(() => listActions(dataDir).find((a) => a.id === actionId))
    .toMatchObject({ title: 'Tarification des SAAD : échanges et pilotage financier', status: 'en_cours', progress: 41 });

  // Ctrl+Z outside a text being typed (here on the Priorité list) undoes the last edit: the avancement.
  await pressUntilFocused(page, priorite, 'Shift+Tab');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(avancement).toHaveValue(/^0\s%$/);
  await expect.poll(() => listActions(dataDir).find((a) => a.id === actionId)?.progress).toBe(0);

  // The « Annuler la dernière modification » button, reached with the keyboard, undoes the statut.
  const undo = page.getByRole('button', { name: 'Annuler la dernière modification' });
  await pressUntilFocused(page, undo, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(statut).toHaveValue('À venir');
  await expect.poll(() => listActions(dataDir).find((a) => a.id === actionId)?.status).toBe('a_venir');

  // Started again: the fiche, opened with the keyboard, shows the new titre.
  await app.close();
  const again = await launch(dataDir);
  await openScreen(again, 'Actions');
  const row = again.page.getByRole('table', { name: 'Actions' }).locator('tbody').getByRole('row').filter({ hasText: 'Tarification des SAAD' });
  await pressUntilFocused(again.page, row);
  await again.page.keyboard.press('Enter');
  await expect(again.page.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue('Tarification des SAAD : échanges et pilotage financier');
  await expect(again.page.getByRole('combobox', { name: 'Statut', exact: true })).toHaveValue('À venir');
  await expect(again.page.getByRole('textbox', { name: 'Avancement' })).toHaveValue(/^0\s%$/);
});

test('une note et une étape modifiées au clavier : le champ prend le focus, Échap rend le focus au bouton qui l’a ouvert', async ({ launch }) => {
  const dataDir = copyOfPrepared('projet', initData);
  const actionId = listActions(dataDir)[0].id;
  withStore(dataDir, (store) => {
    addNote(store, actionId, { text: 'Rencontre avec les directions des ressources humaines.', date: '2026-11-20' });
    addStep(store, actionId, 'Recenser les offres');
  });
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await page.evaluate((id) => (window.location.hash = `#/actions/${id}`), actionId);

  const edit = page.getByRole('button', { name: 'Modifier la note du 20 nov. 2026' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const text = page.getByRole('textbox', { name: 'Texte de la note' });
  await expect(text).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' Suite en janvier.');
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  await expect
    .poll(() => withStore(dataDir, (store) => store.db.prepare('SELECT text FROM note WHERE action_id = ?').pluck().get(actionId)))
    .toBe('Rencontre avec les directions des ressources humaines. Suite en janvier.');
  // Échap in the date's calendar closes the calendar only; a second one closes the note.
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Date de la note' }).click();
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toBeHidden();
  await expect(text).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();

  const rename = page.getByRole('button', { name: "Renommer l'étape «\u202fRecenser les offres\u202f»" });
  await rename.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: "Intitulé de l'étape 1" })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rename).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Recenser les offres de stage');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: "Renommer l'étape «\u202fRecenser les offres de stage\u202f»" })).toBeFocused();
});
