// Printing a CODIRI's minutes: the preview, « Enregistrer en PDF… » through the save
// dialog (the compte rendu, the relevé de décisions, the dossier CODIRI), read back with
// poppler's pdftotext and kept as PNG pages in tests/artifacts/pdf/; « Imprimer… » on a
// machine without printer; the .ics files read back by ical.js.
import ICAL from 'ical.js';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addActionItem, addAgendaItem, addEntry, addParticipant, createMeeting, setFollowUpComment } from '../../../db/meetings/writes';
import { sendForValidation, validateMinutes } from '../../../db/meetings/validation';
import { updateAction } from '../../../db/actions/writes';
import { updateChantier } from '../../../db/chantiers/writes';
import { createPerson } from '../../../db/people/writes';
import { setPilot } from '../../../db/actions/pilots';
import { listChantiers } from '../../../db/chantiers/reads';
import { getMeeting } from '../../../db/meetings/reads';
import { axeViolations, englishTexts, unlabelledFields } from '../harness/a11y';
import { initData, withStore } from '../harness/data';
import { expect, screenshot, test } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';
import { chooseLayout, flat, pdfFontFamilies, pdfImageCount, pdfPages, pdfTitle, pngPages, proposedPath, runningHeader, savePdf } from '../harness/pdf';
import { pngImage } from '../../db/images';

const NOTES = 'Tour de table des deux directions des ressources humaines sur les mobilités croisées.';
const INFORMATION = 'La formation commune à la gestion de projet a réuni 24 cadres.';

interface Prepared {
  codiri: string;
  atelier: string;
  /** A réunion de travail of six points and twelve décisions: its relevé holds on one page. */
  twelve: string;
  chantiers: string[];
}

/**
 * A validated CODIRI of three items, participants of both Départements in every state and
 * a guest, following up the previous CODIRI's action; an atelier still in draft.
 */
function prepare(dataDir: string): Prepared {
  initData(dataDir);
  return withStore(dataDir, (store) => {
    const me = store.personId!;
    const person = (name: string, fonction: string, partner: 'd37' | 'd41', civility: 'mme' | 'm' | null = null) =>
      createPerson(store, { name, function: fonction, partner_id: partner, email: null, civility });
    // Anne Leroy's civilité is chosen in Personnes, by the test.
    const anne = person('Anne Leroy', 'Directrice générale des services', 'd37');
    const paul = person('Paul Bernard', 'DGA solidarités', 'd37', 'm');
    const emilie = person('Émilie Durand', 'Directrice générale des services', 'd41', 'mme');
    const marc = person('Marc Petit', 'DGA ressources', 'd41');
    const nadia = person('Nadia Benali', 'Chargée de mission coopération', 'd41');
    // Chantiers at various stages: pilotes, actions under way, done, blocked, one late.
    setPilot(store, 'c4', 'd37', { person_id: paul });
    setPilot(store, 'c4', 'd41', { person_id: marc });
    updateChantier(store, 'c4', { stage: 'echange' });
    updateAction(store, 'a4-1', { status: 'en_cours', progress: 60, end_date: '2026-10-30' });
    updateAction(store, 'a4-2', { status: 'realise', progress: 100 });
    updateAction(store, 'a6-1', { status: 'bloque', progress: 20 });

    // The previous CODIRI, held by Loir-et-Cher: its action à mener is followed up in the next minutes.
    const previous = createMeeting(store, { type: 'codiri', date: '2026-09-14', start_time: '14:00', duration_minutes: 120, secretariat_partner_id: 'd41' });
    const previousItem = addAgendaItem(store, previous, { title: 'Chantier RH', chantier_id: 'c4' });
    const besoins = addActionItem(
      store,
      previousItem,
      { kind: 'nouvelle', title: 'Recenser les besoins de formation', responsable_id: marc, due_date: '2026-12-15' },
      { complete: true },
    );
    sendForValidation(store, previous, '2026-09-16');
    validateMinutes(store, previous, { validatedBy: anne, day: '2026-09-23' });
    updateAction(store, getMeeting(store, previous).agenda[0].action_items[0].action!.id, { status: 'en_cours', progress: 50 });

    const codiri = createMeeting(store, {
      type: 'codiri',
      date: '2027-03-15',
      start_time: '09:30',
      duration_minutes: 150,
      place: 'Hôtel du Département, Tours',
      chantier_ids: ['c4', 'c8'],
      president_id: anne,
      secretary_id: me,
      diffusion: ['Membres du CODIRI', 'Pilotes des chantiers'],
      next_meeting_date: '2027-09-13',
    });
    addParticipant(store, codiri, { person_id: anne });
    addParticipant(store, codiri, { person_id: me });
    addParticipant(store, codiri, { person_id: emilie });
    addParticipant(store, codiri, { person_id: marc, attendance: 'excuse' });
    addParticipant(store, codiri, { person_id: paul, attendance: 'represente', represented_by: 'Hélène Garnier, directrice adjointe des solidarités' });
    addParticipant(store, codiri, { person_id: nadia, attendance: 'absent' });
    addParticipant(store, codiri, { name: 'Sophie Laurent', function: 'Directrice', organisation: 'Région Centre-Val de Loire' });

    const rh = addAgendaItem(store, codiri, {
      title: 'Point d’étape du chantier RH',
      presenter: 'Émilie Durand',
      duration_minutes: 60,
      chantier_id: 'c4',
      notes: NOTES,
    });
    const approlys = addAgendaItem(store, codiri, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45, action_id: 'a8-1' });
    const divers = addAgendaItem(store, codiri, { title: 'Questions diverses', duration_minutes: 15 });
    addEntry(store, rh, { kind: 'information', text: INFORMATION });
    addEntry(store, rh, { kind: 'decision', text: 'Le séminaire des cadres aura lieu en juin, à Blois.' });
    addEntry(store, approlys, { kind: 'decision', text: 'Une posture commune sera présentée au conseil d’administration.' });
    addEntry(store, divers, { kind: 'information', text: 'Le prochain numéro de la lettre d’info paraîtra en avril.' });
    addActionItem(
      store,
      rh,
      { kind: 'nouvelle', title: 'Organiser le séminaire des cadres', responsable_id: emilie, due_date: '2027-06-30' },
      { complete: true },
    );
    addActionItem(store, approlys, { kind: 'suivi', action_id: 'a8-1', responsable_id: anne, due_date: '2027-09-30', status: 'en_cours' }, { complete: true });
    setFollowUpComment(store, codiri, besoins, 'Questionnaire envoyé aux deux DRH.');
    sendForValidation(store, codiri, '2027-03-17');
    validateMinutes(store, codiri, { validatedBy: emilie, day: '2027-03-24' });

    const atelier = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2027-04-08', start_time: '14:00', duration_minutes: 90 });

    const twelve = createMeeting(store, {
      type: 'reunion_travail',
      title: 'Harmonisation des politiques sociales',
      date: '2027-05-03',
      start_time: '09:00',
      duration_minutes: 180,
      place: 'Hôtel du Département, Blois',
      chantier_ids: ['c6'],
      president_id: emilie,
    });
    for (const id of [anne, emilie, paul, marc]) addParticipant(store, twelve, { person_id: id });
    for (let point = 1; point <= 6; point++) {
      const item = addAgendaItem(store, twelve, { title: `Volet ${point} : aides et accompagnements des publics concernés`, duration_minutes: 30 });
      for (const which of ['première', 'seconde']) {
        addEntry(store, item, {
          kind: 'decision',
          text: `Volet ${point}, ${which} décision : les deux Départements alignent leurs critères d'attribution et en présentent le bilan commun au prochain comité.`,
        });
      }
    }
    return { codiri, atelier, twelve, chantiers: listChantiers(store).map((chantier) => chantier.title) };
  });
}

/** The colour of the top left corner of a PDF's first page (the page margin), as [r, g, b], from a tiny PPM (pdftoppm's default output). */
function cornerColour(file: string): number[] {
  const ppm = execFileSync('pdftoppm', ['-r', '10', '-f', '1', '-l', '1', file]);
  // P6 header: magic, width, height, maximum value, each followed by one white-space byte.
  let offset = 0;
  for (let fields = 0; fields < 4; offset++) if (/\s/.test(String.fromCharCode(ppm[offset]))) fields++;
  return [...ppm.subarray(offset, offset + 3)];
}

/** Every page carries both Départements at the top, and the date of printing and « Page i sur n » at the bottom. */
function expectFrame(pages: string[], title: string): void {
  pages.forEach((page, index) => {
    const text = flat(page);
    expect(runningHeader(page), `page ${index + 1}`).toEqual(["Département d'Indre-et-Loire", 'Département de Loir-et-Cher']);
    expect(text, `page ${index + 1}`).toContain(title);
    expect(text, `page ${index + 1}`).toMatch(/Imprimé le (1er|\d{1,2}) [a-zéû]+ \d{4} à \d{1,2} h( \d{2})?/);
    expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} sur ${pages.length}`);
  });
}

/** The text between two headings of the document. */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start, `« ${from} » absent`).toBeGreaterThanOrEqual(0);
  expect(end, `« ${to} » absent après « ${from} »`).toBeGreaterThan(start);
  return text.slice(start, end);
}

test('compte rendu, relevé de décisions et dossier CODIRI en PDF ; impression sans imprimante ; fichiers .ics', async ({ launch }) => {
  const dataDir = newDataDir();
  const { codiri, atelier, twelve, chantiers } = prepare(dataDir);
  const app = await launch(dataDir);
  const { page } = app;

  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // Anne Leroy's civilité, chosen in her form: « Mme Anne Leroy » in the documents.
  await page.evaluate(() => (window.location.hash = '#/personnes'));
  await page.getByRole('button', { name: 'Modifier Anne Leroy' }).click();
  const form = page.getByRole('dialog', { name: 'Modifier la personne' });
  await form.getByRole('combobox', { name: 'Civilité' }).click();
  await page.getByRole('option', { name: 'Mme', exact: true }).click();
  await screenshot(app, '20-personne-civilite');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Mme Anne Leroy' })).toBeVisible();

  // Indre-et-Loire's logo, chosen in Paramètres › Partenaires.
  const logoFile = join(dataDir, 'logo-cd37.png');
  writeFileSync(logoFile, pngImage(240, 80));
  await page.evaluate(() => (window.location.hash = '#/parametres'));
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [logoFile] });
  await page.getByRole('button', { name: 'Choisir un logo…' }).first().click();
  await expect(page.getByRole('img', { name: 'Logo du partenaire Indre-et-Loire' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer le logo du partenaire Indre-et-Loire' })).toBeVisible();
  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await page.getByRole('group', { name: 'Partenaire 1' }).scrollIntoViewIfNeeded();
    await screenshot(app, `20-parametres-logo-${theme}`);
  }
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();

  // The preview of the compte rendu.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), codiri);
  await expect(page.getByRole('heading', { level: 1, name: 'Aperçu avant impression' })).toBeVisible();
  const sheet = page.getByRole('article', { name: 'Compte rendu — CODIRI du 15 mars 2027' });
  await expect(sheet).toContainText('lundi 15 mars 2027');
  await expect(sheet).toContainText('Décision n° 2');
  await expect(sheet).not.toContainText('Projet');
  await expect(page.getByRole('radio', { name: 'Dossier CODIRI' })).toHaveCount(1);
  // Both themes (the paper stays white): a screenshot, axe, every field named, no English.
  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await page.mouse.move(0, 0);
    await screenshot(app, `20-impression-compte-rendu-${theme}`);
    const problems = [
      ...(await axeViolations(page)).map((line) => `axe : ${line}`),
      ...(await unlabelledFields(page)).map((html) => `champ sans nom accessible : ${html}`),
      ...(await englishTexts(page)).map((text) => `texte en anglais : ${text}`),
    ];
    expect.soft(problems, `thème ${theme} :\n${problems.join('\n')}`).toEqual([]);
  }
  // The PDFs below are printed from the dark theme: print styles give white paper all the same.

  // « Imprimer… » without printer: a French message, and the PDF still works.
  await page.getByRole('button', { name: 'Imprimer…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Impression impossible' })).toContainText("Aucune imprimante n'est installée sur cet ordinateur");

  const compteRendu = await savePdf(app, 'compte-rendu');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Compte rendu - CODIRI du 15 mars 2027\.pdf$/);
  // The running header and footer in the sheet's font, not the system's.
  expect(pdfFontFamilies(compteRendu)).toHaveLength(1);
  // The name typed without « .pdf » (a Linux dialog adds none): the file that name becomes is
  // asked about again before it is replaced; « Annuler » keeps it as it was.
  const saved = readFileSync(compteRendu);
  const savedAlerts = page.getByRole('alert').filter({ hasText: 'PDF enregistré' });
  const alertsBefore = await savedAlerts.count();
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: compteRendu.replace(/\.pdf$/, '') });
  await app.answerDialog('showMessageBox', { response: 1 });
  await page.getByRole('button', { name: 'Enregistrer en PDF…' }).click();
  if (app.calls) await expect.poll(() => app.calls!.filter((call) => call.name === 'showMessageBox').length).toBe(1);
  if (app.calls)
    expect(app.calls.filter((call) => call.name === 'showMessageBox')[0].args.at(-1)).toMatchObject({
      message: '«\u00a0compte-rendu.pdf\u00a0» existe déjà. Voulez-vous le remplacer\u202f?',
    });
  await page.waitForTimeout(500);
  expect(await savedAlerts.count()).toBe(alertsBefore);
  expect(readFileSync(compteRendu).equals(saved)).toBe(true);
  const pages = pdfPages(compteRendu);
  await expect(page.getByRole('alert').filter({ hasText: 'PDF enregistré' }).last()).toContainText(`${pages.length} pages`);
  expect(pngPages(compteRendu, 'compte-rendu')).toHaveLength(pages.length);
  expectFrame(pages, 'Compte rendu — CODIRI du 15 mars 2027');
  expect(cornerColour(compteRendu), 'papier blanc malgré le thème sombre').toEqual([255, 255, 255]);
  const text = pages.join('\n');
  const all = flat(text);
  expect(all).not.toContain('Impression impossible');
  expect(all).not.toContain('Aperçu avant impression');
  // The heading block.
  expect(text).toMatch(/DÉPARTEMENT D'INDRE-ET-LOIRE\s+DÉPARTEMENT DE LOIR-ET-CHER/);
  // The document's name as the PDF's Title; Indre-et-Loire's logo drawn at its top.
  expect(pdfTitle(compteRendu)).toBe('Compte rendu – CODIRI du 15 mars 2027');
  expect(pdfImageCount(compteRendu)).toBe(1);
  expect(text).toMatch(/Type de réunion\s+CODIRI/);
  expect(text).toMatch(/Date\s+lundi 15 mars 2027/);
  expect(text).toMatch(/Heure\s+de 9 h 30 à 12 h \(2 h 30\)/);
  expect(text).toMatch(/Lieu\s+Hôtel du Département, Tours/);
  expect(all).toMatch(/Présidence Mme Anne Leroy, directrice générale des services \(Département d'Indre-et- ?Loire\)/);
  expect(text).toMatch(/Secrétaire de séance\s+Claire Martin/);
  expect(text).toMatch(/Validation\s+Validé le 24 mars 2027 par Émilie Durand \(Loir-et-Cher\)\./);
  // The attendance groups, each with its people and their Département.
  const present = between(all, 'Présents (4)', 'Excusé (1)');
  for (const name of [
    'Mme Anne Leroy, directrice générale des services',
    'Claire Martin',
    'Mme Émilie Durand',
    'Sophie Laurent, directrice',
    'RÉGION CENTRE-VAL DE LOIRE',
  ])
    expect(present).toContain(name);
  expect(between(all, 'Excusé (1)', 'Représenté (1)')).toMatch(/DÉPARTEMENT DE LOIR-ET-CHER Marc Petit, DGA ressources/);
  // Agreed with his civilité, without point médian.
  expect(between(all, 'Représenté (1)', 'Absent (1)')).toMatch(
    /DÉPARTEMENT D'INDRE-ET-LOIRE M\. Paul Bernard, DGA solidarités — représenté par Hélène Garnier, directrice adjointe des solidarités/,
  );
  expect(between(all, 'Absent (1)', 'COMPTE RENDU DES ÉCHANGES')).toMatch(/DÉPARTEMENT DE LOIR-ET-CHER Nadia Benali, chargée de mission coopération/);
  expect(all).not.toContain('·e');
  // The suivi du précédent compte rendu right after the participants, before the exchanges.
  expect(all.indexOf('Absent (1)')).toBeLessThan(all.indexOf('SUIVI DES ACTIONS DU PRÉCÉDENT COMPTE RENDU'));
  expect(all.indexOf('SUIVI DES ACTIONS DU PRÉCÉDENT COMPTE RENDU')).toBeLessThan(all.indexOf('COMPTE RENDU DES ÉCHANGES'));
  // The items: notes, informations, décisions numbered across the document.
  expect(all).toContain(NOTES);
  expect(all).toContain(INFORMATION);
  expect(all).toContain('Décision n° 1 — Le séminaire des cadres aura lieu en juin, à Blois.');
  expect(all).toContain('Décision n° 2 — Une posture commune sera présentée au conseil d’administration.');
  expect(all.indexOf('Décision n° 1')).toBeLessThan(all.indexOf('Décision n° 2'));
  // The actions table: one row per action à mener, with its responsable and échéance.
  expect(text).toMatch(/N°\s+Action\s+Point\s+Responsable\s+Échéance\s+Statut/);
  expect(text).toMatch(/1\s+Organiser le séminaire des cadres\s+1\s+Émilie Durand \(Loir-et-Cher\)\s+30 juin 2027\s+Nouvelle action/);
  expect(text).toMatch(/2\s+.+\s+2\s+Anne Leroy \(Indre-et-Loire\)\s+30 septembre 2027\s+En cours/);
  // The suivi des actions du précédent compte rendu.
  expect(all).toContain('SUIVI DES ACTIONS DU PRÉCÉDENT COMPTE RENDU Actions décidées lors de la réunion précédente (CODIRI du 14 septembre 2026).');
  expect(text).toMatch(/Action\s+Responsable\s+Échéance\s+Statut\s+Avancement\s+Commentaire/);
  expect(text).toMatch(/Recenser\b[^\n]*Marc Petit \(Loir-et-Cher\)\s+15 décembre 2026\s+En cours\s+50 %\s+Questionnaire/);
  const reading = flat(pdfPages(compteRendu, 'reading').join('\n'));
  for (const cell of ['Recenser les besoins de formation', 'En retard', 'Questionnaire envoyé aux deux DRH.']) expect(reading).toContain(cell);
  // The foot, in two columns: the next meeting, the diffusion list.
  expect(text).toMatch(/PROCHAINE RÉUNION\s+DIFFUSION/);
  expect(reading).toContain('La prochaine réunion aura lieu le lundi 13 septembre 2027.');
  expect(reading).toContain('DIFFUSION Membres du CODIRI Pilotes des chantiers');
  // A visa per partner at the end: the president for hers, the most senior present for the other.
  const visas = flat(pages.at(-1)!);
  expect(visas.indexOf('DIFFUSION')).toBeLessThan(visas.indexOf("Pour le Département d'Indre-et-Loire"));
  expect(visas).toMatch(/Pour le Département d'Indre-et-Loire\s+Pour le Département de Loir-et-Cher\s+Mme Anne Leroy\s+Mme Émilie Durand/);
  expect(flat(pdfPages(compteRendu, 'reading').at(-1)!)).toContain(
    'Mme Anne Leroy directrice générale des services Mme Émilie Durand directrice générale des services',
  );

  // The relevé de décisions: the short layout, without the notes and informations.
  await chooseLayout(app, 'Relevé de décisions');
  await expect(page).toHaveURL(new RegExp(`#/reunions/${codiri}/impression/releve$`));
  await expect(page.getByRole('article', { name: 'Relevé de décisions — CODIRI du 15 mars 2027' })).toBeVisible();
  const releve = await savePdf(app, 'releve-de-decisions');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Relevé de décisions - CODIRI du 15 mars 2027\.pdf$/);
  const relevePages = pdfPages(releve);
  pngPages(releve, 'releve-de-decisions');
  expectFrame(relevePages, 'Relevé de décisions — CODIRI du 15 mars 2027');
  expect(pdfTitle(releve)).toBe('Relevé de décisions – CODIRI du 15 mars 2027');
  expect(pdfImageCount(releve)).toBe(1);
  const releveText = flat(relevePages.join('\n'));
  expect(releveText).toContain('RELEVÉ DE DÉCISIONS');
  expect(releveText).toContain('Participants Présents : 4 · Excusé : 1 · Représenté : 1 · Absent : 1');
  expect(releveText).toContain('Décision n° 1 — Le séminaire des cadres aura lieu en juin, à Blois.');
  expect(releveText).toContain('Décision n° 2 — Une posture commune sera présentée au conseil d’administration.');
  expect(relevePages.join('\n')).toMatch(/1\s+Organiser le séminaire des cadres\s+1\s+Émilie Durand \(Loir-et-Cher\)\s+30 juin 2027/);
  expect(flat(pdfPages(releve, 'reading').join('\n'))).toContain('La prochaine réunion aura lieu le lundi 13 septembre 2027.');
  for (const left of [NOTES, INFORMATION, 'ORDRE DU JOUR', 'Questions diverses']) expect(releveText).not.toContain(left);
  expect(relevePages.length).toBeLessThanOrEqual(pages.length);
  expect(releveText.length).toBeLessThan(0.8 * all.length);

  // The dossier CODIRI, read before the meeting (codiri.spec reads it whole): cover, convocation, the previous compte rendu, one page per chantier.
  await chooseLayout(app, 'Dossier CODIRI');
  await expect(page.getByRole('article', { name: 'Tableau de bord de la coopération' })).toBeVisible();
  const dossier = await savePdf(app, 'dossier-codiri');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Dossier du CODIRI du 15 mars 2027\.pdf$/);
  const dossierPages = pdfPages(dossier);
  pngPages(dossier, 'dossier-codiri');
  expectFrame(dossierPages, 'Dossier du CODIRI du 15 mars 2027');
  expect(pdfTitle(dossier)).toBe('Dossier du CODIRI du 15 mars 2027');
  const cover = flat(dossierPages[0]);
  expect(cover).toContain('Dossier du CODIRI du 15 mars 2027');
  expect(cover).toContain('2. Compte rendu du CODIRI du 14 septembre 2026, validé le 23 septembre 2026');
  // No action to arbitrate in this project: the sommaire says so in words.
  expect(cover).toContain('4. Décisions attendues (aucune)');
  expect(chantiers).toHaveLength(9);
  // This CODIRI concerns chantiers 4 and 8: a page for each of them only.
  const dossierText = flat(dossierPages.join('\n'));
  expect(dossierText).toContain('CHANTIER 4 Les ressources humaines');
  expect(dossierText).toContain('CHANTIER 8 Les achats');
  expect(dossierText).not.toContain(`CHANTIER 1 ${chantiers[0]}`);
  // The twelve décisions of one réunion de travail, unfollowed: their meeting said once, above them.
  expect(dossierText).toContain('Harmonisation des politiques sociales, compte rendu pas encore validé : RT 2027-1 D1 : Volet 1, première décision');
  expect(dossierText.split('Harmonisation des politiques sociales, compte rendu pas encore validé')).toHaveLength(2);

  // A relevé of twelve décisions holds on one A4 page, every décision whole.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/releve`), twelve);
  await expect(page.getByRole('article', { name: /^Relevé de décisions — / })).toContainText('Décision n° 12');
  const twelveFile = await savePdf(app, 'releve-douze-decisions');
  pngPages(twelveFile, 'releve-douze-decisions');
  const twelvePages = pdfPages(twelveFile);
  expect(twelvePages).toHaveLength(1);
  for (let number = 1; number <= 12; number++) expect(flat(twelvePages[0])).toContain(`Décision n° ${number} — Volet`);

  // The fiche action's PDF is named too.
  await page.evaluate(() => (window.location.hash = '#/actions/a4-1/impression'));
  const fiche = page.getByRole('article', { name: /^Fiche action : / });
  await expect(fiche).toBeVisible();
  const ficheTitle = (await fiche.getAttribute('aria-label'))!.replace(/^Fiche action\s:\s/, '');
  const fichePdf = await savePdf(app, 'fiche-action');
  expect(pdfTitle(fichePdf)).toBe(`Fiche action 4.1 – ${ficheTitle}`);
  // Its latest changes are people's: the project's starting data are not listed as changes.
  const ficheText = flat(pdfPages(fichePdf).join(' '));
  expect(ficheText).toContain('DERNIÈRES MODIFICATIONS');
  expect(ficheText).toMatch(/Statut\s+À venir → En cours/);
  expect(ficheText).not.toContain('Données de départ');

  // A draft's preview says « Projet » (heading and watermark).
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), atelier);
  const draft = page.getByRole('article', { name: 'Compte rendu — Atelier achats' });
  await expect(draft).toContainText('Projet non validé');
  // The watermark across the sheet (pdftotext leaves out slanted text: the PNG shows it).
  await expect(draft.getByText('PROJET', { exact: true })).toBeVisible();
  await expect(draft).toContainText('Projet de compte rendu, non encore envoyé pour validation.');
  await expect(page.getByRole('radio', { name: 'Dossier CODIRI' })).toHaveCount(0);
  const projet = await savePdf(app, 'projet-atelier');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Compte rendu - Atelier achats \(projet\)\.pdf$/);
  const [projetPage] = pdfPages(projet);
  pngPages(projet, 'projet-atelier');
  expect(flat(projetPage)).toContain('PROJET NON VALIDÉ');

  // Calendar files: the meeting from its page, every upcoming one from the list; read back by ical.js.
  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  await expect(page).toHaveURL(new RegExp(`#/reunions/${atelier}$`));
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}`), codiri);
  await page.getByRole('button', { name: 'Imprimer et exporter' }).click();
  const meetingFile = join(dataDir, 'codiri.ics');
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: meetingFile });
  await page.getByRole('menuitem', { name: "Ajouter à l'agenda (.ics)" }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fichier .ics enregistré' }).last()).toContainText(meetingFile);
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/CODIRI du 15 mars 2027\.ics$/);
  const [event] = icsEvents(meetingFile);
  expect(icsEvents(meetingFile)).toHaveLength(1);
  expect(event.summary).toBe('CODIRI');
  expect(event.location).toBe('Hôtel du Département, Tours');
  expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
  expect(event.startDate.toString()).toBe('2027-03-15T09:30:00');
  expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-15T08:30:00.000Z');
  expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-15T11:00:00.000Z');

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions' }).click();
  const upcomingFile = join(dataDir, 'a-venir.ics');
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: upcomingFile });
  await page.getByRole('button', { name: 'Exporter les réunions à venir (.ics)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fichier .ics enregistré' }).last()).toContainText(upcomingFile);
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Réunions à venir\.ics$/);
  const upcoming = icsEvents(upcomingFile);
  expect(upcoming.map((item) => [item.summary, item.startDate.toJSDate().toISOString()])).toEqual([
    ['CODIRI', '2027-03-15T08:30:00.000Z'],
    // 8 April: summer time, UTC+2.
    ['Atelier interdépartemental – Atelier achats', '2027-04-08T12:00:00.000Z'],
    ['Réunion de travail – Harmonisation des politiques sociales', '2027-05-03T07:00:00.000Z'],
  ]);
  expect(upcoming.every((item) => item.startDate.zone?.tzid === 'Europe/Paris')).toBe(true);
});

function icsEvents(file: string): InstanceType<typeof ICAL.Event>[] {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}
