// « Exporter en Word… » from the print preview: the compte rendu and the relevé de décisions
// of a validated CODIRI saved as .docx through the save dialog, and read back by an
// independent reader, python-docx (tests/db/docx-reader.ts), as a secretariat's Word would.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addActionItem, addAgendaItem, addEntry, addParticipant } from '../../../db/meetings/writes';
import { sendForValidation, validateMinutes } from '../../../db/meetings/validation';
import { createPerson, updatePerson } from '../../../db/people/writes';
import { setPartnerLogo } from '../../../db/people/logos';
import { pngImage } from '../../db/images';
import { readDocx } from '../../db/docx-reader';
import { cli, initData, withStore } from '../harness/data';
import { ARTIFACTS, expect, screenshot, test, type AppHandle } from '../harness/fixtures';
import { proposedPath } from '../harness/pdf';
import { newDataDir } from '../harness/launch';

const WORD_DIR = join(ARTIFACTS, 'word');
const NBSP = '\u00a0';

/** A CODIRI added by the CLI, then filled and validated: participants of both Départements in every state, two points, three décisions, two actions à mener. */
function prepare(dataDir: string): string {
  initData(dataDir);
  const codiri = cli(
    dataDir,
    'meeting',
    'add',
    '--type',
    'codiri',
    '--date',
    '2027-03-15',
    '--time',
    '09:30',
    '--end',
    '12:00',
    '--place',
    'Hôtel du Département, Tours',
  );
  withStore(dataDir, (store) => {
    const me = store.personId!;
    const person = (name: string, fonction: string, partner: 'd37' | 'd41') =>
      createPerson(store, { name, function: fonction, partner_id: partner, email: null });
    const anne = person('Anne Leroy', 'Directrice générale des services', 'd37');
    const paul = person('Paul Bernard', 'DGA solidarités', 'd37');
    const emilie = person('Émilie Durand', 'Directrice générale des services', 'd41');
    const marc = person('Marc Petit', 'DGA ressources', 'd41');
    updatePerson(store, anne, { civility: 'mme' });
    updatePerson(store, paul, { civility: 'm' });
    updatePerson(store, emilie, { civility: 'mme' });
    setPartnerLogo(store, 'd37', 'cd37.png', pngImage(240, 80));
    addParticipant(store, codiri, { person_id: anne });
    addParticipant(store, codiri, { person_id: me });
    addParticipant(store, codiri, { person_id: emilie });
    addParticipant(store, codiri, { person_id: marc, attendance: 'excuse' });
    addParticipant(store, codiri, { person_id: paul, attendance: 'represente', represented_by: 'Hélène Garnier, directrice adjointe des solidarités' });
    addParticipant(store, codiri, { name: 'Sophie Laurent', function: 'Directrice', organisation: 'Région Centre-Val de Loire' });
    const rh = addAgendaItem(store, codiri, { title: 'Point d’étape du chantier RH', presenter: 'Émilie Durand', duration_minutes: 60, chantier_id: 'c4' });
    const approlys = addAgendaItem(store, codiri, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45, action_id: 'a8-1' });
    addEntry(store, rh, { kind: 'information', text: 'La formation commune à la gestion de projet a réuni 24 cadres.' });
    addEntry(store, rh, { kind: 'decision', text: 'Le séminaire des cadres aura lieu en juin, à Blois.' });
    addEntry(store, approlys, { kind: 'decision', text: 'Une posture commune sera présentée au conseil d’administration.' });
    addEntry(store, approlys, { kind: 'decision', text: 'Le règlement intérieur évoluera-t-il ? Réponse : à l’été.' });
    addActionItem(
      store,
      rh,
      { kind: 'nouvelle', title: 'Organiser le séminaire des cadres', responsable_id: emilie, due_date: '2027-06-30' },
      { complete: true },
    );
    addActionItem(store, approlys, { kind: 'suivi', action_id: 'a8-1', responsable_id: anne, due_date: '2027-09-30', status: 'en_cours' }, { complete: true });
    sendForValidation(store, codiri, '2027-03-17');
    validateMinutes(store, codiri, { validatedBy: emilie, day: '2027-03-24' });
  });
  return codiri;
}

/** « Exporter en Word… » with the save dialog answered; answers the file once written. */
async function exportWord(app: AppHandle, name: string): Promise<string> {
  const file = join(WORD_DIR, `${name}.docx`);
  mkdirSync(WORD_DIR, { recursive: true });
  rmSync(file, { force: true });
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: file });
  await app.page.getByRole('button', { name: 'Exporter en Word…' }).click();
  await expect(app.page.getByRole('alert').filter({ hasText: 'Document Word enregistré' }).last()).toContainText(file);
  expect(existsSync(file)).toBe(true);
  return file;
}

test('compte rendu et relevé de décisions exportés en Word, relus par python-docx', async ({ launch }) => {
  const dataDir = newDataDir();
  const codiri = prepare(dataDir);
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), codiri);
  await expect(page.getByRole('heading', { level: 1, name: 'Aperçu avant impression' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Compte rendu — CODIRI du 15 mars 2027' })).toContainText('Décision n°');
  const button = page.getByRole('button', { name: 'Exporter en Word…' });
  await expect(button).toBeEnabled();
  await page.mouse.move(0, 0);
  await screenshot(app, 'word-apercu-compte-rendu');

  // Cancelled: nothing written, nothing said.
  await app.answerDialog('showSaveDialog', { canceled: true, filePath: '' });
  await button.click();
  await expect(button).toBeEnabled();
  await expect(page.getByRole('alert').filter({ hasText: 'Document Word enregistré' })).toHaveCount(0);

  const compteRendu = await exportWord(app, 'compte-rendu');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Compte rendu - CODIRI du 15 mars 2027\.docx$/);
  const docx = readDocx(compteRendu);
  expect(docx.core.title).toBe('Compte rendu – CODIRI du 15 mars 2027');
  expect(docx.headings.map((heading) => `${heading.style} : ${heading.text}`)).toEqual([
    'Title : Compte rendu',
    'Heading 1 : Ordre du jour',
    'Heading 1 : Participants',
    'Heading 1 : Compte rendu des échanges',
    'Heading 2 : 1. Point d’étape du chantier RH',
    'Heading 2 : 2. Gouvernance d’Approlys',
    'Heading 1 : Tableau des actions à mener',
    'Heading 1 : Prochaine réunion',
  ]);
  expect(docx.tables[0]).toContainEqual(['Heure', `de 9${NBSP}h${NBSP}30 à 12${NBSP}h (2${NBSP}h${NBSP}30)`]);
  expect(docx.tables[0]).toContainEqual(['Validation', 'Validé le 24 mars 2027 par Émilie Durand (Loir-et-Cher).']);
  expect(docx.tables[1]).toEqual([
    ['Participant', 'Fonction', 'Département ou organisme'],
    ['Présents (4)'],
    [`Mme${NBSP}Anne Leroy`, 'Directrice générale des services', "Département d'Indre-et-Loire"],
    ['Claire Martin', 'Cheffe de projet', "Département d'Indre-et-Loire"],
    [`Mme${NBSP}Émilie Durand`, 'Directrice générale des services', 'Département de Loir-et-Cher'],
    ['Sophie Laurent', 'Directrice', 'Région Centre-Val de Loire'],
    ['Excusé (1)'],
    ['Marc Petit', 'DGA ressources', 'Département de Loir-et-Cher'],
    ['Représenté (1)'],
    [`M.${NBSP}Paul Bernard\nReprésenté par Hélène Garnier, directrice adjointe des solidarités`, 'DGA solidarités', "Département d'Indre-et-Loire"],
  ]);
  // A visa per partner closes the compte rendu: without president, each partner's most senior participant present.
  expect(docx.tables.at(-1)).toEqual([
    [
      `Pour le Département d'Indre-et-Loire\nMme${NBSP}Anne Leroy\ndirectrice générale des services\n`,
      `Pour le Département de Loir-et-Cher\nMme${NBSP}Émilie Durand\ndirectrice générale des services\n`,
    ],
  ]);
  expect(docx.decisions).toEqual([
    `Décision n°${NBSP}1 — Le séminaire des cadres aura lieu en juin, à Blois.`,
    `Décision n°${NBSP}2 — Une posture commune sera présentée au conseil d’administration.`,
    `Décision n°${NBSP}3 — Le règlement intérieur évoluera-t-il\u202f? Réponse${NBSP}: à l’été.`,
  ]);
  expect(docx.tables[2].map((row) => [row[1].split('\n')[0], row[3], row[4]])).toEqual([
    ['Action', 'Responsable', 'Échéance'],
    ['Organiser le séminaire des cadres', 'Émilie Durand (Loir-et-Cher)', '30 juin 2027'],
    [expect.stringContaining('Approlys'), 'Anne Leroy (Indre-et-Loire)', '30 septembre 2027'],
  ]);
  expect(docx.paragraphs.map((paragraph) => paragraph.text)).toContain('La formation commune à la gestion de projet a réuni 24 cadres.');
  // Indre-et-Loire's logo above both names.
  expect(docx.header_images).toBe(1);
  expect(docx.header.slice(1)).toEqual(["Département d'Indre-et-Loire   ·   Département de Loir-et-Cher"]);
  expect(docx.footer_fields).toEqual(['PAGE', 'NUMPAGES']);

  // The relevé de décisions: the same décisions, without the exchanges.
  await page.getByRole('radiogroup', { name: 'Document à imprimer' }).getByText('Relevé de décisions', { exact: true }).click();
  await expect(page.getByRole('article', { name: 'Relevé de décisions — CODIRI du 15 mars 2027' })).toBeVisible();
  const releve = readDocx(await exportWord(app, 'releve'));
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Relevé de décisions - CODIRI du 15 mars 2027\.docx$/);
  expect(releve.core.title).toBe('Relevé de décisions – CODIRI du 15 mars 2027');
  expect(releve.headings.map((heading) => heading.text)).toEqual([
    'Relevé de décisions',
    'Décisions',
    '1. Point d’étape du chantier RH',
    '2. Gouvernance d’Approlys',
    'Tableau des actions à mener',
    'Prochaine réunion',
  ]);
  expect(releve.decisions).toEqual(docx.decisions);
  expect(releve.paragraphs.map((paragraph) => paragraph.text).join('\n')).not.toContain('24 cadres');

  // The dossier CODIRI stays a PDF.
  await page.getByRole('radiogroup', { name: 'Document à imprimer' }).getByText('Dossier CODIRI', { exact: true }).click();
  // Enabled once the sommaire has its page numbers.
  await expect(page.getByRole('button', { name: 'Enregistrer en PDF…' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Exporter en Word…' })).toHaveCount(0);
});
