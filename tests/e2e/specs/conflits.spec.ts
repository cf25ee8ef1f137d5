// The Conflits view (docs/sync.md §2): action a4-1's statut and description edited
// on two ordinateurs without either seeing the other, exchanged through real sync files. The
// count shows in the navigation, the fiche flags the action, and the view settles both
// fields: one version kept, one merged value written; then nothing is left in conflict.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote, deleteAction, updateAction } from '../../../db/actions/writes';
import { resolveConflict } from '../../../db/conflicts/writes';
import { addAgendaItem, addEntry, createMeeting, updateEntry } from '../../../db/meetings/writes';
import { sendForValidation, validateMinutes } from '../../../db/meetings/validation';
import { initReplica } from '../../../db/project/setup';
import { Store } from '../../../db/store/store';
import { exportFile, importFile } from '../../../db/sync/exchange';
import { axeViolations, englishTexts, unlabelledFields } from '../harness/a11y';
import { cli, initData, listActions, withStore } from '../harness/data';
import { expect, screenshot, test } from '../harness/fixtures';

const PASSPHRASE = 'phrase de passe de la coopération Entente';
const FICHE = "Organisation d'une formation commune à la gestion de projet";
const CLAIRE = 'Une session pilote au printemps, ouverte aux agents des deux Départements.';
const MARC = 'Un module de cinq jours à Blois, animé par les formateurs internes.';
const MERGED = 'Une session pilote au printemps à Blois : un module de cinq jours, animé par les formateurs internes des deux Départements.';

test('Conflits : le compte, la fiche signalée, une version gardée, une valeur fusionnée', async ({ launch }) => {
  const dataDir = prepareConflicts(initData());
  expect(JSON.parse(cli(dataDir, 'conflicts', '--json'))).toHaveLength(2);
  const app = await launch(dataDir);
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const conflitsLink = nav.getByRole('link', { name: /^Conflits/ });
  await expect(conflitsLink).toHaveAccessibleName('Conflits 2 à résoudre');

  // The fiche flags the action and names its fields in conflict.
  await page.evaluate(() => (window.location.hash = '#/actions/a4-1'));
  await expect(page.getByRole('heading', { level: 1, name: FICHE })).toBeVisible();
  await expect(page.getByText('Conflit', { exact: true })).toBeVisible();
  const alert = page.getByRole('region', { name: 'Valeurs concurrentes' });
  await expect(alert.getByRole('listitem')).toHaveText(['Description', 'Statut']);
  expect(await axeViolations(page), 'fiche, thème clair').toEqual([]);
  await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await axeViolations(page), 'fiche, thème sombre').toEqual([]);
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  await alert.getByRole('link', { name: 'Résoudre dans la vue Conflits' }).click();

  // The view: the value before, both versions of each field, who wrote them, on which day, when.
  await expect(page.getByRole('heading', { level: 1, name: 'Conflits' })).toBeVisible();
  await expect(conflitsLink).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: `Action « ${FICHE} »` })).toBeVisible();
  const status = page.getByRole('region', { name: /^Statut Action/ });
  const description = page.getByRole('region', { name: /^Description Action/ });
  await expect(status.getByText('Claire Martin', { exact: true })).toBeVisible();
  await expect(status.getByText('Marc Petit', { exact: true })).toBeVisible();
  const day = String.raw`(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (1er|\d{1,2}) [a-zéû]+ \d{4} à \d{1,2}\sh(\s\d{2})?`;
  await expect(status.getByText(new RegExp(`^le ${day}$`))).toHaveCount(2);
  const before = status.locator('.mantine-Paper-root').filter({ hasText: 'Avant les deux modifications' });
  await expect(before).toContainText('En pause');
  await expect(before.getByText(new RegExp(`^Claire Martin, le ${day}$`))).toBeVisible();
  await expect(description.locator('.mantine-Paper-root').filter({ hasText: 'Avant les deux modifications' })).toContainText('Une première idée de formation.');
  await expect(page.getByRole('main')).not.toContainText(/poste/i);
  await expect(description.getByText(CLAIRE)).toBeVisible();
  await expect(description.getByText(MARC)).toBeVisible();

  // Both themes: a screenshot, axe with no serious violation, every field named, no English.
  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme === 'clair' ? 'light' : 'dark');
    await page.mouse.move(700, 850); // no tooltip of the theme button in the picture
    await screenshot(app, `10-conflits-${theme}`);
    const problems = [
      ...(await axeViolations(page)).map((line) => `axe : ${line}`),
      ...(await unlabelledFields(page)).map((html) => `champ sans nom accessible : ${html}`),
      ...(await englishTexts(page)).map((text) => `texte en anglais : ${text}`),
    ];
    expect.soft(problems, `thème ${theme} :\n${problems.join('\n')}`).toEqual([]);
  }
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();

  // Statut: Claire's version (not the one shown) is kept.
  const claireStatus = status
    .locator('.mantine-Paper-root')
    .filter({ hasText: 'Claire Martin' })
    .filter({ has: page.getByRole('button', { name: 'Garder cette version' }) });
  await expect(claireStatus).toContainText('En cours');
  await claireStatus.getByRole('button', { name: 'Garder cette version' }).click();
  await expect(status).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'conflit résolu' })).toContainText('Statut');
  await expect(conflitsLink).toHaveAccessibleName('Conflits 1 à résoudre');

  // Description: a merged value.
  await description.getByRole('button', { name: 'Écrire une valeur fusionnée' }).click();
  const merged = description.getByRole('textbox', { name: 'Valeur fusionnée' });
  await merged.fill(MERGED);
  await page.getByRole('button', { name: 'Enregistrer la valeur fusionnée' }).click();
  await expect(page.getByText('Aucun conflit', { exact: true })).toBeVisible();
  await expect(conflitsLink).toHaveAccessibleName('Conflits');

  expect(await axeViolations(page)).toEqual([]);

  // The fiche shows the chosen values, without the flag.
  await page.evaluate(() => (window.location.hash = '#/actions/a4-1'));
  await expect(page.getByRole('heading', { level: 1, name: FICHE })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(MERGED);
  await expect(page.getByRole('combobox', { name: 'Statut', exact: true })).toHaveValue('En cours');
  await expect(page.getByRole('region', { name: 'Valeurs concurrentes' })).toHaveCount(0);
  await expect(page.getByText('Conflit', { exact: true })).toHaveCount(0);
  expect(JSON.parse(cli(dataDir, 'conflicts', '--json'))).toEqual([]);
});

test("Conflits : une action supprimée ici pendant qu'une note lui était ajoutée ailleurs reste, avec ce que la suppression n'avait pas vu", async ({
  launch,
}) => {
  const dataDir = initData();
  withOtherLaptop(dataDir, (mine, other, send) => {
    send(mine, other);
    send(other, mine);
    deleteAction(mine, 'a4-1');
    addNote(other, 'a4-1', { text: 'Le prestataire a répondu : devis attendu le 15 décembre.', date: '2026-12-01' });
    send(other, mine);
  });
  const app = await launch(dataDir);
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: /^Conflits/ })).toHaveAccessibleName('Conflits 1 à résoudre');
  await nav.getByRole('link', { name: /^Conflits/ }).click();
  const deletion = page.getByRole('region', { name: /^Suppression Action/ });
  const unseen = deletion.getByRole('region', { name: 'Modifications faites entre-temps sur un autre ordinateur' });
  await expect(unseen.getByRole('listitem')).toHaveText([
    new RegExp(`^Note du 1er décembre 2026 de l'action « ${FICHE} »\\s?: ajout par Marc Petit, le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) `),
  ]);
  await expect(deletion.getByText('Affichée')).toHaveCount(0);
  // Named as what it is, not as a « ligne ».
  await expect(deletion).toContainText("L'action a été supprimée sur un ordinateur pendant qu'elle");
  await expect(deletion.getByRole('button', { name: "Garder l'action" })).toBeVisible();
  await screenshot(app, '10c-conflits-suppression');
  expect(await axeViolations(page)).toEqual([]);

  // Kept meanwhile: the fiche shows the action and the note.
  await page.getByRole('link', { name: 'Ouvrir la fiche action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: FICHE })).toBeVisible();
  await expect(page.getByText('Le prestataire a répondu : devis attendu le 15 décembre.')).toBeVisible();

  // The note seen, the delete confirmed: gone, with nothing left in conflict.
  await nav.getByRole('link', { name: /^Conflits/ }).click();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByText('Aucun conflit', { exact: true })).toBeVisible();
  expect(listActions(dataDir).some((action) => action.id === 'a4-1')).toBe(false);
  expect(JSON.parse(cli(dataDir, 'conflicts', '--json'))).toEqual([]);
});

test('Conflits : une fusion en cours, réglée entre-temps sur un autre ordinateur, est rendue et non perdue', async ({ launch }) => {
  const dataDir = initData();
  let settled: Buffer | undefined;
  withOtherLaptop(dataDir, (mine, other, send) => {
    updateAction(mine, 'a4-1', { description: 'Une première idée de formation.' });
    send(mine, other);
    send(other, mine);
    updateAction(mine, 'a4-1', { description: CLAIRE });
    updateAction(other, 'a4-1', { description: MARC });
    send(other, mine);
    send(mine, other);
    // Marc settles it on his laptop; his file will arrive while Claire is merging.
    resolveConflict(other, 'action', 'a4-1', 'description', MARC);
    settled = exportFile(other, { secret: PASSPHRASE }).bytes;
  });
  const app = await launch(dataDir);
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: /^Conflits/ }).click();
  const description = page.getByRole('region', { name: /^Description Action/ });
  await description.getByRole('button', { name: 'Écrire une valeur fusionnée' }).click();
  await description.getByRole('textbox', { name: 'Valeur fusionnée' }).fill(MERGED);

  // Imported behind the window's back (as a background round would), then the list reloaded.
  withStore(dataDir, (mine) => importFile(mine, settled!, PASSPHRASE));
  await nav.getByRole('link', { name: 'Tableau de bord' }).click();
  await nav.getByRole('link', { name: /^Conflits/ }).click();
  await expect(page.getByText('Aucun conflit', { exact: true })).toBeVisible();
  const givenBack = page.getByRole('alert').filter({ hasText: 'Conflit réglé sur un autre ordinateur pendant votre fusion' });
  await expect(givenBack).toContainText(`Description (Action « ${FICHE} »)`);
  await expect(givenBack.getByRole('textbox', { name: 'Votre valeur fusionnée' })).toHaveValue(MERGED);
  expect(await axeViolations(page)).toEqual([]);
  await givenBack.getByRole('button', { name: 'Fermer' }).click();
  await expect(givenBack).toHaveCount(0);
});

test('un compte rendu corrigé ici pendant que Marc Petit le validait sur son ordinateur : la page et le document imprimé le disent', async ({ launch }) => {
  const dataDir = initData();
  let meetingId = '';
  withOtherLaptop(dataDir, (mine, other, send) => {
    meetingId = createMeeting(mine, { type: 'codiri', date: '2026-11-20', start_time: '09:30', duration_minutes: 120, chantier_ids: ['c4'] });
    const item = addAgendaItem(mine, meetingId, { title: 'Point d’étape du chantier RH', duration_minutes: 60, chantier_id: 'c4' });
    const decision = addEntry(mine, item, { kind: 'decision', text: 'Le séminaire des cadres aura lieu en juin, à Blois.' });
    sendForValidation(mine, meetingId, '2026-11-23');
    send(mine, other);
    // Neither knows of the other's edit: Claire corrects the décision and adds one, Marc validates.
    updateEntry(mine, decision, { text: 'Le séminaire des cadres aura lieu en juin, à Tours.' });
    addEntry(mine, item, { kind: 'decision', text: 'Le prochain CODIRI se tiendra à Blois.' });
    validateMinutes(other, meetingId, { validatedBy: other.personId!, day: '2026-11-25' });
    send(other, mine);
  });
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  // The list of meetings warns before the page is opened.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions' }).click();
  await page.getByText('Passées', { exact: true }).click();
  const row = page.getByRole('row', { name: /CODIRI du 20 novembre 2026/ });
  await expect(row).toContainText('Validé');
  await expect(row).toContainText('Modifications non validées');
  await screenshot(app, '10e-reunions-validation-non-vue');
  await row.getByRole('link', { name: /CODIRI du 20 novembre 2026/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CODIRI du 20 novembre 2026' })).toBeVisible();
  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Il ne peut plus être modifié' })).toContainText(
    "un ordinateur qui n'avait pas encore reçu la validation l'a modifié, et la validation ne couvre pas ces modifications",
  );
  const validation = page.getByRole('region', { name: 'Validation' });
  await expect(validation.getByText(/^Validé le 25 nov\. 2026 par Marc Petit/)).toBeVisible();
  const unseen = validation.getByRole('alert').filter({ hasText: "Modifié sans que la validation l'ait vu" });
  await expect(unseen.getByRole('listitem')).toHaveText([
    /Le séminaire des cadres aura lieu en juin, à Tours.*\u202f: modification du champ Texte par Claire Martin, le .* 2026 à /,
    /Le prochain CODIRI se tiendra à Blois.*\u202f: ajout par Claire Martin, le .* 2026 à /,
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(app, '10d-validation-non-vue');
  // Marc's signature holds; that the key is his laptop's, Claire proves by its fingerprint, read by Marc over the phone.
  await expect(validation.getByText('Clé non confirmée')).toBeVisible();
  await expect(validation).toContainText("Validation signée par la clé que présente l'ordinateur de Marc Petit (Loir-et-Cher)");
  await expect(validation).toContainText("Rien ne prouve encore que c'est bien la sienne");
  await validation.getByRole('link', { name: 'Paramètres › Ordinateurs' }).click();
  // The link opens Paramètres at its Ordinateurs section, not at the top of the long page.
  await expect(page.getByRole('heading', { level: 2, name: 'Ordinateurs' })).toBeInViewport();
  const marc = JSON.parse(cli(dataDir, 'postes', '--json')).find((poste: { person_name: string }) => poste.person_name === 'Marc Petit');
  await page
    .getByRole('region', { name: 'Ordinateurs' })
    .getByRole('row', { name: /Marc Petit/ })
    .getByRole('button', { name: 'Confirmer la clé…' })
    .click();
  const confirmKey = page.getByRole('dialog', { name: "Confirmer la clé de l'ordinateur de Marc Petit" });
  await confirmKey.getByRole('textbox', { name: 'Empreinte lue par Marc Petit' }).fill(marc.fingerprint);
  await confirmKey.getByRole('button', { name: 'Confirmer la clé' }).click();
  await expect(page.getByRole('region', { name: 'Ordinateurs' }).getByRole('row', { name: /Marc Petit/ })).toContainText(/confirmée le \d+/);
  await page.goBack();
  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  await expect(validation.getByText('Signature vérifiée')).toBeVisible();
  await expect(validation).toContainText(/signée de sa clé \(empreinte [0-9A-F ]+\), confirmée sur cet ordinateur le \d+/);
  // The printed minutes say it too.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), meetingId);
  await expect(page.getByText("Des modifications faites sur un ordinateur qui n'avait pas encore reçu la validation n'ont pas été validées")).toBeVisible();
});

/** Marc Petit's laptop (41) beside this one, and a way to carry real sync files between them. */
function withOtherLaptop(dataDir: string, work: (mine: Store, other: Store, send: (from: Store, to: Store) => void) => void): void {
  const otherDir = mkdtempSync(join(tmpdir(), 'entente-e2e-ordinateur-41-'));
  const other = Store.open(join(otherDir, 'entente.sqlite'));
  try {
    initReplica(other, { name: 'Marc Petit', function: 'Directeur des ressources humaines', partner: '41' });
    const send = (from: Store, to: Store) => void importFile(to, exportFile(from, { secret: PASSPHRASE }).bytes, PASSPHRASE);
    withStore(dataDir, (mine) => work(mine, other, send));
  } finally {
    other.close();
    rmSync(otherDir, { recursive: true, force: true });
  }
}

/** This laptop (Claire Martin, 37) and Marc Petit's (41): both edit a4-1, then exchange sync files. */
function prepareConflicts(dataDir: string): string {
  withOtherLaptop(dataDir, (mine, other, send) => {
    // The values both will replace without seeing each other's edit.
    updateAction(mine, 'a4-1', { status: 'en_pause', description: 'Une première idée de formation.' });
    send(mine, other);
    send(other, mine);
    updateAction(mine, 'a4-1', { status: 'en_cours', description: CLAIRE });
    updateAction(other, 'a4-1', { status: 'bloque', description: MARC });
    send(other, mine);
    send(mine, other);
  });
  return dataDir;
}
