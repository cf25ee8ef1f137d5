// The Réunions screens, as the secretariat uses them: a CODIRI created with the proposed
// secretariat; in « Préparer », its participants in the four states of attendance, an
// ordre du jour of two points (durations typed in hours and minutes, one point « à
// arbitrer », one linked to an action), empty optional fields folded; in « Compte rendu »,
// two numbered décisions, two actions à mener (a new one and an existing one), sent then
// validated; the new action is then tracked in Actions and its fiche lists the
// CODIRI; validated minutes refuse edits. Bad input gets French messages.
import { join } from 'node:path';
import { createAction } from '../../../db/actions/writes';
import { createPerson } from '../../../db/people/writes';
import { parseEmlWithPython } from '../../db/python-email';
import { axeViolations } from '../harness/a11y';
import { checkBothThemes } from '../harness/themes';
import { frenchDate, initData, listActions, ME, todayInParis, withStore } from '../harness/data';
import { newDataDir } from '../harness/launch';
import { initReplica } from '../../../db/project/setup';
import { createMeeting, updateMeeting } from '../../../db/meetings/writes';
import { sendForValidation } from '../../../db/meetings/validation';
import { databaseFile } from '../../../db/paths';
import { Store } from '../../../db/store/store';
import { addDays } from '../../../common/calendar';
import type { Locator, Page } from 'playwright-core';
import { expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';

const SEMINAIRE = 'Organiser un séminaire commun des directeurs';
const FORMATION = "Organisation d'une formation commune à la gestion de projet";
/** Created numbered: the first of chantier 4 to get a number, « 4.1 ». */
const MOBILITES = 'Bourse commune des mobilités internes';

function dataWithPeople(): string {
  const dataDir = initData();
  withStore(dataDir, (store) => {
    const partner = (code: string) => store.db.prepare('SELECT id FROM partner WHERE code = ?').pluck().get(code) as string;
    for (const [name, fonction, code] of [
      ['Nadia Benali', 'Chargée de mission coopération', '41'],
      ['Marc Petit', 'Directeur des ressources humaines', '41'],
      ['Paul Durand', 'Directeur général adjoint', '37'],
    ]) {
      createPerson(store, { name, function: fonction, partner_id: partner(code), email: null });
    }
    // After the default project's four actions of chantier 4: « 4.5 ».
    createAction(store, { chantier_id: 'c4', title: MOBILITES });
  });
  return dataDir;
}

async function openMeetings(app: AppHandle): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Réunions' })).toBeVisible();
}

/** Picks an option of a Select found in `scope` (its list opens at the page's level). */
async function choose(app: AppHandle, label: string | RegExp, option: string, scope: Locator | Page = app.page): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

test("un CODIRI de l'ordre du jour au compte rendu validé ; ses actions suivies dans Actions", async ({ launch }) => {
  const app = await launch(dataWithPeople());
  const { page } = app;
  await openMeetings(app);
  await expect(page.getByText('Aucune réunion à venir.')).toBeVisible();

  // New CODIRI: the first of the project; a duration of 0 is refused in French.
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle réunion' });
  // A réunion de travail without date nor chantier, at a time that is none (not replaced by
  // the 9 h 30 proposed): all said at once, by the click that leaves the time (it used to be
  // lost, the button moving as the time's error appeared).
  await choose(app, /^Type de réunion/, 'Réunion de travail');
  const typedTime = dialog.getByRole('textbox', { name: /^Heure de début/ });
  await typedTime.fill('25 h');
  await dialog.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(dialog.getByText('Indiquez la date de la réunion.')).toBeVisible();
  await expect(dialog.getByText('Une réunion de travail concerne un seul chantier\u00a0: choisissez-le.')).toBeVisible();
  await expect(typedTime).toHaveAccessibleDescription(/^Heure illisible/);
  await choose(app, /^Type de réunion/, 'CODIRI');
  await expect(dialog.getByText('Premier CODIRI de la coopération.')).toBeVisible();
  // Échap in the date's calendar closes the calendar, not the dialog.
  await dialog.getByRole('textbox', { name: /^Date/ }).click();
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Mois suivant' })).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Date/ }).fill('15/03/2026');
  await dialog.getByRole('textbox', { name: /^Lieu/ }).fill('Hôtel du Département, Tours');
  await dialog.getByRole('textbox', { name: /^Durée/ }).fill('0');
  // Written the French way on leaving the field.
  await typedTime.fill('930');
  await typedTime.press('Tab');
  await expect(typedTime).toHaveValue('9\u00a0h\u00a030');
  await dialog.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(dialog.getByText('La durée de la réunion doit être positive.')).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Durée/ }).fill('150');
  await dialog.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CODIRI du 15 mars 2026' })).toBeVisible();

  // The meeting's day is past: the page opens on its compte rendu; the ordre du jour is prepared first.
  await expect(page.getByRole('tab', { name: 'Compte rendu' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Compte rendu par point' })).toContainText("ajoutez ses points dans l'onglet « Préparer »");
  await page.getByRole('tab', { name: 'Préparer' }).click();

  // Empty optional fields are folded: « Plus de champs » shows them, a filled one stays.
  const fields = page.getByRole('region', { name: 'Réunion', exact: true });
  await expect(fields.getByRole('combobox', { name: 'Présidence' })).toHaveCount(0);
  await expect(fields.getByRole('textbox', { name: 'Lieu' })).toHaveValue('Hôtel du Département, Tours');
  await expect(fields.getByRole('textbox', { name: /^Durée/ })).toHaveValue('2 h 30');
  // The start time, typed as people write it, shown as every screen writes it.
  const heure = fields.getByRole('textbox', { name: /^Heure de début/ });
  await expect(heure).toHaveValue('9\u00a0h\u00a030');
  await heure.fill('25 h');
  await heure.press('Tab');
  await expect(heure).toHaveAccessibleDescription(/^Heure illisible/);
  await expect(page.getByRole('status').filter({ hasText: 'Non enregistré' })).toBeVisible();
  await heure.fill('14h');
  await heure.press('Enter');
  await expect(heure).toHaveValue('14\u00a0h');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CODIRI du 15 mars 2026');
  await expect(page.getByText(/15 mars 2026 à 14\u00a0h/).first()).toBeVisible();
  await heure.fill('9:30');
  await heure.press('Tab');
  await expect(heure).toHaveValue('9\u00a0h\u00a030');
  await fields.getByRole('button', { name: 'Plus de champs' }).click();
  await choose(app, 'Présidence', 'Paul Durand', fields);
  await fields.getByRole('button', { name: 'Moins de champs' }).click();
  await expect(fields.getByRole('combobox', { name: 'Présidence' })).toBeVisible();
  await expect(fields.getByRole('combobox', { name: 'Secrétaire de séance' })).toHaveCount(0);

  // Loir-et-Cher holds the secretariat this time: Claire, in Indre-et-Loire, validates.
  await choose(app, 'Secrétariat', 'Département de Loir-et-Cher');

  // Participants: three people of the project and a guest, in the four states.
  const participants = page.getByRole('region', { name: 'Participants' });
  for (const name of ['Claire Martin', 'Nadia Benali', 'Marc Petit', 'Paul Durand']) {
    await choose(app, 'Ajouter une personne de la coopération', name);
    await expect(participants.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await participants.getByRole('textbox', { name: 'Personne invitée : nom' }).fill('Jean Dupont');
  await participants.getByRole('textbox', { name: 'Organisme' }).fill('Région Centre-Val de Loire');
  await participants.getByRole('button', { name: 'Ajouter la personne invitée' }).click();
  await expect(participants.getByRole('cell', { name: 'Jean Dupont', exact: true })).toBeVisible();
  await choose(app, 'Présence de Marc Petit', 'Excusé');
  await choose(app, 'Présence de Paul Durand', 'Représenté');
  const representative = participants.getByRole('textbox', { name: 'Paul Durand est représenté par' });
  await representative.fill('Sophie Leroy, directrice générale des services');
  await representative.press('Enter');
  await choose(app, 'Présence de Jean Dupont', 'Absent');

  // Ordre du jour: two points, then one too long for the meeting's 2 h 30; durations in hours and minutes.
  const agenda = page.getByRole('region', { name: 'Ordre du jour' });
  const newDuration = agenda.getByRole('form', { name: "Ajouter un point à l'ordre du jour" }).getByRole('textbox', { name: 'Durée prévue' });
  await agenda.getByRole('textbox', { name: 'Nouveau point : intitulé' }).fill('Avancement des chantiers');
  await newDuration.fill('une heure');
  await agenda.getByRole('button', { name: 'Ajouter le point' }).click();
  await expect(agenda.getByText('Durée illisible : « une heure ». Écrivez par exemple « 1 h 30 », « 45 min » ou « 90 » (en minutes).')).toBeVisible();
  for (const [title, duration] of [
    ['Avancement des chantiers', '1h'],
    ['Calendrier 2027', '30 min'],
  ]) {
    await agenda.getByRole('textbox', { name: 'Nouveau point : intitulé' }).fill(title);
    await newDuration.fill(duration);
    await agenda.getByRole('button', { name: 'Ajouter le point' }).click();
    await expect(agenda.getByRole('heading', { level: 3, name: new RegExp(title) })).toBeVisible();
  }
  await agenda.getByRole('textbox', { name: 'Nouveau point : intitulé' }).fill('Questions diverses');
  await newDuration.fill('1 h 30');
  await agenda.getByRole('button', { name: 'Ajouter le point' }).click();
  await expect(agenda.getByRole('alert', { name: 'Ordre du jour trop long' })).toBeVisible();
  // A point deleted by mistake comes back with « Annuler la dernière modification ».
  await agenda.getByRole('button', { name: 'Supprimer le point 3' }).click();
  await expect(agenda.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Annuler la dernière modification' }).click();
  await expect(agenda.getByRole('heading', { level: 3, name: /^3\. Questions diverses/ })).toBeVisible();
  await agenda.getByRole('button', { name: 'Supprimer le point 3' }).click();
  await expect(agenda.getByRole('alert')).toHaveCount(0);
  await expect(agenda).toContainText('2 points, 1 h 30 prévues sur 2 h 30 (fin prévue à 11 h).');

  // Point 1 linked to an action through the one « Lié à » list (folded while empty); point 2 « à arbitrer », its duration retyped.
  const prepared1 = agenda.getByRole('article', { name: /^1\. Avancement/ });
  const prepared2 = agenda.getByRole('article', { name: /^2\. Calendrier/ });
  await expect(prepared1.getByRole('heading', { level: 3 })).toHaveText('1. Avancement des chantiers · à 9 h 30, 1 h');
  await prepared1.getByRole('button', { name: 'Plus de champs' }).click();
  await prepared1.getByRole('combobox', { name: /^Lié à/ }).click();
  await expect(page.getByRole('option', { name: 'Tout le chantier' })).toHaveCount(9);
  await screenshot(app, '15-reunion-lie-a');
  await prepared1.getByRole('combobox', { name: /^Lié à/ }).fill('mobilités');
  await page.getByRole('option', { name: `4.5 ${MOBILITES}`, exact: true }).click();
  await expect(prepared1.getByRole('combobox', { name: /^Lié à/ })).toHaveValue(`4.5 ${MOBILITES}`);
  await expect(prepared2.getByText('À arbitrer', { exact: true })).toHaveCount(0);
  await prepared2.getByRole('checkbox', { name: /^Point à arbitrer/ }).check();
  await expect(prepared2.getByText('À arbitrer', { exact: true })).toBeVisible();
  const duration2 = prepared2.getByRole('textbox', { name: 'Durée prévue' });
  await duration2.fill('1 h 75');
  await duration2.press('Enter');
  await expect(prepared2.getByText('Après les heures, les minutes vont de 0 à 59 : « 1 h 75 ».')).toBeVisible();
  await duration2.fill('45 min');
  await duration2.press('Enter');
  await expect(prepared2.getByRole('heading', { level: 3 })).toHaveText('2. Calendrier 2027 · à 10 h 30, 45 min');

  // Both themes, the Préparer step: a screenshot, axe with no serious violation, every field named, no English.
  await checkBothThemes(app, '15-reunion-preparer');

  // Compte rendu: a décision under each point, numbered across the minutes.
  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  const minutes = page.getByRole('region', { name: 'Compte rendu par point' });
  const point1 = minutes.getByRole('article', { name: /^1\. Avancement/ });
  const point2 = minutes.getByRole('article', { name: /^2\. Calendrier/ });
  await expect(point1.getByRole('link', { name: `4.5 ${MOBILITES}` })).toBeVisible();
  await expect(point2.getByText('À arbitrer', { exact: true })).toBeVisible();
  await point1.getByRole('textbox', { name: 'Nouvelle décision (point 1)' }).fill('Le chantier 3 passe au stade des projets partagés.');
  await point1.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await point2.getByRole('textbox', { name: 'Nouvelle décision (point 2)' }).fill('Le prochain CODIRI se tiendra à Blois.');
  // A décision half-typed survives a look at the other step.
  await page.getByRole('tab', { name: 'Préparer' }).click();
  await expect(page.getByRole('textbox', { name: 'Nouvelle décision (point 2)' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  await expect(point2.getByRole('textbox', { name: 'Nouvelle décision (point 2)' })).toHaveValue('Le prochain CODIRI se tiendra à Blois.');
  // Ctrl+Entrée adds it, as for a note of the fiche.
  await point2.getByRole('textbox', { name: 'Nouvelle décision (point 2)' }).press('ControlOrMeta+Enter');
  await expect(point2.getByRole('textbox', { name: 'Nouvelle décision (point 2)' })).toHaveValue('');
  await expect(point1.getByRole('textbox', { name: 'Décision n° 1' })).toHaveValue('Le chantier 3 passe au stade des projets partagés.');
  await expect(point2.getByRole('textbox', { name: 'Décision n° 2' })).toHaveValue('Le prochain CODIRI se tiendra à Blois.');

  // Actions à mener: a new action (refused without responsable), and an existing one followed up.
  await point1.getByRole('button', { name: 'Ajouter une action à mener au point 1' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle action à mener' });
  await form.getByRole('textbox', { name: /^Intitulé de l'action/ }).fill(SEMINAIRE);
  await choose(app, /^Chantier/, '4. Les ressources humaines', form);
  await form.getByRole('textbox', { name: 'Échéance' }).fill('30/06/2027');
  await form.getByRole('textbox', { name: 'Échéance' }).press('Tab');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText(/responsable/i).and(form.locator('.mantine-InputWrapper-error'))).toBeVisible();
  await choose(app, /^Responsable/, 'Nadia Benali', form);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form).toHaveCount(0);
  await expect(point1.getByRole('row', { name: new RegExp(`^${SEMINAIRE}`) })).toContainText(/Nadia Benali.*30 juin 2027/);

  await point2.getByRole('button', { name: 'Ajouter une action à mener au point 2' }).click();
  await form.getByText('Action existante').click();
  await form.getByRole('combobox', { name: /^Action suivie/ }).fill('formation commune');
  await page.getByRole('option', { name: FORMATION }).click();
  await choose(app, /^Responsable/, 'Claire Martin', form);
  await form.getByRole('textbox', { name: 'Échéance' }).fill('15/09/2027');
  await form.getByRole('textbox', { name: 'Échéance' }).press('Tab');
  await choose(app, /^Statut à la validation/, 'En cours', form);
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(point2.getByRole('link', { name: FORMATION })).toBeVisible();

  // Both themes, the Compte rendu step.
  await checkBothThemes(app, '15-reunion-compte-rendu');

  // Sent, then validated: the minutes become read-only, the new action is tracked.
  const validation = page.getByRole('region', { name: 'Validation' });
  await validation.getByRole('button', { name: 'Soumettre à la validation' }).click();
  await expect(validation.getByText(/validé tacitement le/)).toBeVisible();
  // Entente sends no e-mail: it prepares one, the compte rendu attached as a PDF, for the validating Département.
  await validation.getByRole('link', { name: /Préparer le courriel de validation/ }).click();
  const eml = join(app.dataDir, 'validation.eml');
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: eml });
  await page.getByRole('button', { name: 'Préparer le courriel…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Courriel préparé' })).toBeVisible();
  const parsed = parseEmlWithPython(eml);
  expect(parsed.defects).toEqual([]);
  expect(parsed.subject).toBe('Compte rendu à valider – CODIRI du 15 mars 2026');
  expect(parsed.attachments.map((attachment) => attachment.content_type)).toEqual(['application/pdf']);
  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  // Before validating, the screen says what validation will do; nothing changes until confirmed.
  await validation.getByRole('button', { name: 'Valider le compte rendu…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Valider le compte rendu ?' });
  await expect(confirm).toContainText(`1 action ajoutée au suivi : « ${SEMINAIRE} »`);
  await expect(confirm).toContainText(/échéance de «\sOrganisation d.une formation commune à la gestion de projet\s» (reportée|fixée) au 15 septembre 2027/);
  await confirm.getByRole('button', { name: 'Valider', exact: true }).click();
  await expect(validation.getByText(/Validé le .* par Claire Martin/)).toBeVisible();
  // Recorded by this poste, which has no signing key yet (no passphrase typed): said, not hidden.
  await expect(validation.getByText('Signature non vérifiable')).toBeVisible();
  await expect(validation).toContainText(
    "Validation enregistrée par l'ordinateur de Claire Martin (Indre-et-Loire) : cet ordinateur n'avait pas encore de clé",
  );
  await expect(
    page
      .getByRole('alert')
      .or(page.getByText('Compte rendu validé', { exact: true }))
      .first(),
  ).toBeVisible();
  await expect(point1.getByRole('textbox', { name: 'Décision n° 1' })).toBeDisabled();
  const refused = await page.evaluate((id) => (window as any).api.updateMeeting(id, { place: 'Blois' }), decodeURIComponent(page.url().split('/').pop()!));
  expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/validé.*version modificative/) } });

  const seminaire = listActions(app.dataDir).find((action) => action.title === SEMINAIRE);
  expect(seminaire).toMatchObject({ end_date: '2027-06-30', status: 'a_venir' });
  expect(listActions(app.dataDir).find((action) => action.id === 'a4-1')?.status).toBe('en_cours');

  // In Actions, and back from its fiche to the CODIRI.
  await openScreen(app, 'Actions');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('séminaire commun');
  const table = page.getByRole('table', { name: 'Actions' });
  await table.getByRole('row').filter({ hasText: SEMINAIRE }).getByText(SEMINAIRE).click();
  await expect(page.getByRole('heading', { level: 1, name: SEMINAIRE })).toBeVisible();
  const meetings = page.getByRole('region', { name: 'Réunions et décisions' });
  await expect(meetings.getByRole('link', { name: 'CODIRI du 15 mars 2026' })).toHaveAttribute('href', /\/compte-rendu$/);
  await expect(meetings).toContainText(`À mener : ${SEMINAIRE} (Nadia Benali, échéance 30 juin 2027)`);

  // The list shows the validated CODIRI among the past meetings.
  await openMeetings(app);
  await page.getByText('Passées', { exact: true }).click();
  const row = page.getByRole('row', { name: /CODIRI du 15 mars 2026/ });
  await expect(row).toContainText('Validé');
  await expect(row).not.toContainText('Modifications non validées');
  await expect(row).toContainText('Hôtel du Département, Tours');
  await screenshot(app, '16-reunions');
  expect(await axeViolations(page)).toEqual([]);

  // The next CODIRI, six months later: same participants and ordre du jour, no compte rendu.
  await row.getByRole('link', { name: /CODIRI du 15 mars 2026/ }).click();
  await page.getByRole('button', { name: 'Réunion suivante' }).click();
  await page.getByRole('menuitem', { name: /Créer la prochaine réunion \(le 15 sept\. 2026\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CODIRI du 15 septembre 2026' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Validation' })).toContainText('Brouillon');
  await page.getByRole('tab', { name: 'Préparer' }).click();
  await expect(page.getByRole('region', { name: 'Participants' })).toContainText('Jean Dupont');
});

test('les deux étapes : selon la date, retenues pour la session, ouvertes par un lien, au clavier', async ({ launch }) => {
  const dataDir = initData();
  const today = todayInParis();
  const { upcoming, past } = withStore(dataDir, (store) => ({
    upcoming: createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: addDays(today, 20), start_time: '14:00', duration_minutes: 90 }),
    past: createMeeting(store, { type: 'codiri', date: addDays(today, -3), start_time: '09:30', duration_minutes: 150 }),
  }));
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  const open = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash);

  // Before its day, a meeting opens on « Préparer »; the arrows switch steps.
  await open(`#/reunions/${upcoming}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier achats' })).toBeVisible();
  await expect(tab('Préparer')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Durée', exact: true })).toHaveValue('1 h 30');
  await tab('Préparer').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Compte rendu')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Compte rendu')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Validation' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Participants' })).toHaveCount(0);

  // From its day on, on « Compte rendu »; the step chosen is kept for the session.
  await open(`#/reunions/${past}`);
  await expect(page.getByRole('heading', { level: 1, name: /^CODIRI du/ })).toBeVisible();
  await expect(tab('Compte rendu')).toHaveAttribute('aria-selected', 'true');
  await open(`#/reunions/${upcoming}`);
  await expect(tab('Compte rendu')).toHaveAttribute('aria-selected', 'true');

  // A link names the step; the address follows the step then shown, without a history entry.
  await open(`#/reunions/${past}/preparer`);
  await expect(tab('Préparer')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Participants' })).toBeVisible();
  await tab('Compte rendu').click();
  await expect(page).toHaveURL(new RegExp(`#/reunions/${past}/compte-rendu$`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/reunions/${upcoming}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier achats' })).toBeVisible();
});

test('corrigé après son envoi, le compte rendu attend le délai entier après la correction pour être validé tacitement', async ({ launch }) => {
  const dataDir = newDataDir();
  const today = todayInParis();
  const sent = addDays(today, -2);
  const corrected = addDays(today, -1);
  // The laptop's clock on those days (10 h in Paris), from its first start: a correction's date is that of its writing.
  const at = (day: string) => Date.parse(`${day}T08:00:00Z`);
  let clock = at(addDays(today, -12));
  const store = Store.open(databaseFile(dataDir), { now: () => clock });
  let meeting: string;
  try {
    initReplica(store, ME);
    meeting = createMeeting(store, {
      type: 'codiri',
      date: addDays(today, -10),
      start_time: '09:30',
      duration_minutes: 120,
      place: 'Hôtel du Département, Tours',
    });
    clock = at(sent);
    sendForValidation(store, meeting, sent);
    clock = at(corrected);
    updateMeeting(store, meeting, { place: 'Château de Blois, salle des États' });
  } finally {
    store.close();
  }
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await page.evaluate((target) => (window.location.hash = target), `#/reunions/${meeting}/compte-rendu`);
  const validation = page.getByRole('region', { name: 'Validation' });
  await expect(
    validation.getByText(
      `Envoyé pour validation le ${frenchDate(sent)}, corrigé le ${frenchDate(corrected)}\u202f; sans réponse, il sera validé tacitement le ${frenchDate(addDays(corrected, 15))}.`,
      { exact: true },
    ),
  ).toBeVisible();
  await validation.scrollIntoViewIfNeeded();
  await screenshot(app, '15-reunion-corrigee-apres-envoi');
});
