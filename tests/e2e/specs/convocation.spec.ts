// Before the meeting: the convocation in the print preview, saved as PDF and carried by a
// courriel (.eml) read back by Python's email package; the feuille d'émargement, on one page
// and on several. PDFs read with poppler's pdftotext and kept as PNG in tests/artifacts/pdf/.

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attach } from '../../../db/attachments/store';
import { addAgendaItem, addParticipant, createMeeting } from '../../../db/meetings/writes';
import { createPerson, updatePerson } from '../../../db/people/writes';
import { setPartnerLogo } from '../../../db/people/logos';
import { pngImage } from '../../db/images';
import { parseEmlWithPython } from '../../db/python-email';
import { checkBothThemes } from '../harness/themes';
import { initData, withStore } from '../harness/data';
import { expect, test } from '../harness/fixtures';
import { chooseLayout, flat, pdfImageCount, pdfPages, pdfTitle, PDF_DIR, pngPages, proposedPath, runningHeader, savePdf } from '../harness/pdf';
import { newDataDir } from '../harness/launch';

const TITLE = 'CODIRI du 15 mars 2027';

interface Prepared {
  codiri: string;
  /** A réunion de travail of 28 inscribed: its émargement takes more than a page. */
  large: string;
}

/**
 * A CODIRI on 15 March 2027 at 14 h 30 for 2 h 30: both Départements (some without
 * address, one excusée, one représenté), a guest of the Région, three points, a document.
 */
function prepare(dataDir: string): Prepared {
  initData(dataDir);
  return withStore(dataDir, (store) => {
    const me = store.personId!;
    updatePerson(store, me, { email: 'claire.martin@departement37.fr' });
    const person = (name: string, fonction: string, partner: 'd37' | 'd41', email: string | null = null) =>
      createPerson(store, { name, function: fonction, partner_id: partner, email });
    const anne = person('Anne Leroy', 'Directrice générale des services', 'd37', 'anne.leroy@departement37.fr');
    const paul = person('Paul Bernard', 'DGA solidarités', 'd37');
    updatePerson(store, anne, { civility: 'mme' });
    updatePerson(store, paul, { civility: 'm' });
    // Both partners' logos, as chosen in Paramètres.
    setPartnerLogo(store, 'd37', 'cd37.png', pngImage(240, 80));
    setPartnerLogo(store, 'd41', 'cd41.png', pngImage(120, 120, [0x8a, 0x1c, 0x2b]));
    const emilie = person('Émilie Durand', 'Directrice générale des services', 'd41', 'emilie.durand@departement41.fr');
    const marc = person('Marc Petit', 'DGA ressources', 'd41');
    const nadia = person('Nadia Benali', 'Chargée de mission coopération', 'd41', 'nadia.benali@departement41.fr');
    const codiri = createMeeting(store, {
      type: 'codiri',
      date: '2027-03-15',
      start_time: '14:30',
      duration_minutes: 150,
      place: 'Hôtel du Département, Tours',
      chantier_ids: ['c4'],
      president_id: anne,
      secretariat_partner_id: 'd37',
    });
    addParticipant(store, codiri, { person_id: anne });
    addParticipant(store, codiri, { person_id: me });
    addParticipant(store, codiri, { person_id: emilie });
    addParticipant(store, codiri, { person_id: marc });
    addParticipant(store, codiri, { person_id: nadia, attendance: 'excuse' });
    addParticipant(store, codiri, { person_id: paul, attendance: 'represente', represented_by: 'Hélène Garnier' });
    addParticipant(store, codiri, { name: 'Sophie Laurent', function: 'Directrice', organisation: 'Région Centre-Val de Loire' });
    addAgendaItem(store, codiri, { title: 'Point d’étape du chantier RH', presenter: 'Émilie Durand', duration_minutes: 60, chantier_id: 'c4' });
    addAgendaItem(store, codiri, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45 });
    addAgendaItem(store, codiri, { title: 'Questions diverses', duration_minutes: 15 });
    attach(store, codiri, 'Note de cadrage RH.pdf', Buffer.from('%PDF-1.4 note de cadrage'));

    const large = createMeeting(store, { type: 'reunion_travail', date: '2027-05-04', start_time: '09:00', duration_minutes: 180, chantier_ids: ['c4'] });
    for (let index = 1; index <= 14; index++) {
      addParticipant(store, large, { person_id: person(`Agent ${String(index).padStart(2, '0')} Touraine`, 'Chargé·e de mission', 'd37') });
      addParticipant(store, large, {
        name: `Invité ${String(index).padStart(2, '0')} Centre`,
        function: 'Chef de service',
        organisation: 'Région Centre-Val de Loire',
      });
    }
    return { codiri, large };
  });
}

/** The text of a page without the printing time (« Imprimé le … à 14 h 05 »), which differs between two prints. */
const withoutPrintTime = (page: string) => flat(page).replace(/Imprimé le .+? à \d{1,2} h( \d{2})?/, 'Imprimé le …');

test('convocation : aperçu, PDF, courriel .eml relu par Python ; feuille d’émargement sur une et plusieurs pages', async ({ launch }) => {
  const dataDir = newDataDir();
  const { codiri, large } = prepare(dataDir);
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // From the meeting's page, « Imprimer et exporter » › « Convocation ».
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}`), codiri);
  await page.getByRole('button', { name: 'Imprimer et exporter' }).click();
  await page.getByRole('menuitem', { name: 'Convocation' }).click();
  await expect(page).toHaveURL(new RegExp(`#/reunions/${codiri}/impression/convocation$`));
  const sheet = page.getByRole('article', { name: `Convocation — ${TITLE}` });
  await expect(sheet).toContainText('lundi 15 mars 2027');
  // French typography (pdftotext gives no-break spaces back as spaces: read here): « 14 h 30 » on one line, a no-break space before every « : ; ! ? ».
  const sheetText = (await sheet.textContent()) ?? '';
  expect(sheetText).toContain('14\u00a0h\u00a030 (durée\u00a0: 2\u00a0h\u00a030, fin prévue à 17\u00a0h)');
  expect(sheetText).toContain('coopération\u00a0: Département');
  expect(sheetText).not.toMatch(/[^\u00a0][:;!?]/);
  await expect(sheet).toContainText('Note de cadrage RH.pdf');
  await expect(sheet).not.toContainText('PROJET');
  // Every meeting offers the convocation and the émargement.
  for (const label of ['Convocation', "Feuille d'émargement", 'Compte rendu', 'Relevé de décisions', 'Dossier CODIRI'])
    await expect(page.getByRole('radio', { name: label })).toHaveCount(1);
  // Who will get the courriel, and who has no address.
  await expect(page.getByText('Le courriel sera adressé à 4 personnes convoquées.')).toBeVisible();
  await expect(
    page.getByText('Sans adresse : Marc Petit (Loir-et-Cher), Paul Bernard (Indre-et-Loire), Sophie Laurent (Région Centre-Val de Loire).'),
  ).toBeVisible();
  await checkBothThemes(app, '47-convocation');

  // The PDF: one page, the document only (printed from the dark theme: white paper all the same).
  const convocation = await savePdf(app, 'convocation');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Convocation - CODIRI du 15 mars 2027\.pdf$/);
  const pages = pdfPages(convocation);
  expect(pages).toHaveLength(1);
  expect(pngPages(convocation, 'convocation')).toHaveLength(1);
  const [text] = pages;
  const all = flat(text);
  expect(runningHeader(text)).toEqual(["Département d'Indre-et-Loire", 'Département de Loir-et-Cher']);
  expect(all).toContain(`Convocation — ${TITLE}`);
  expect(all).toContain('Page 1 sur 1');
  expect(all).not.toContain('Aperçu avant impression');
  expect(all).not.toContain('Sans adresse');
  expect(text).toMatch(/DÉPARTEMENT D'INDRE-ET-LOIRE\s+DÉPARTEMENT DE LOIR-ET-CHER/);
  // Both logos at the top; the document's name as the PDF's Title.
  expect(pdfImageCount(convocation)).toBe(2);
  expect(pdfTitle(convocation)).toBe(`Convocation – ${TITLE}`);
  expect(all).toContain(`CONVOCATION ${TITLE}`);
  expect(all).toContain(
    'Nous vous prions de bien vouloir assister à la réunion du comité de direction interdépartemental (CODIRI) qui se tiendra le lundi 15 mars 2027 à 14 h 30, Hôtel du Département, Tours.',
  );
  expect(text).toMatch(/Date\s+lundi 15 mars 2027/);
  expect(text).toMatch(/Heure\s+14 h 30 \(durée : 2 h 30, fin prévue à 17 h\)/);
  expect(text).toMatch(/Lieu\s+Hôtel du Département, Tours/);
  expect(all).toMatch(/Présidence Mme Anne Leroy, directrice générale des services \(Département d'Indre-et- ?Loire\)/);
  // The ordre du jour: each point with who presents, when and how long, on its row.
  expect(text).toMatch(/N°\s+Point\s+Présenté par\s+Horaire\s+Durée/);
  expect(text).toMatch(/1\s+Point d’étape du chantier RH\s+Émilie Durand\s+14 h 30\s+1 ?h/);
  expect(text).toMatch(/2\s+Gouvernance d’Approlys\s+Anne Leroy\s+15 h 30\s+45 min/);
  expect(text).toMatch(/3\s+Questions diverses\s+—\s+16 h 15\s+15 min/);
  // Who is convened, by organisation: the excusée too (she was convened).
  const convened = between(all, 'PERSONNES CONVOQUÉES (7)', 'DOCUMENTS À LIRE');
  for (const part of [
    "DÉPARTEMENT D'INDRE-ET-LOIRE",
    'Mme Anne Leroy, directrice générale des services',
    'Claire Martin, cheffe de projet',
    'DÉPARTEMENT DE LOIR-ET-CHER',
    'Marc Petit, DGA ressources',
    'Nadia Benali, chargée de mission coopération',
    'RÉGION CENTRE-VAL DE LOIRE',
    'Sophie Laurent, directrice',
  ])
    expect(convened).toContain(part);
  expect(all).toContain('DOCUMENTS À LIRE Note de cadrage RH.pdf');
  expect(all).toContain(
    "En cas d'empêchement, merci d'en informer le secrétariat (Département d'Indre-et-Loire) et d'indiquer, le cas échéant, qui vous représentera.",
  );
  expect(all).toContain("Secrétariat de la coopération : Département d'Indre-et-Loire");

  // « Préparer le courriel… »: the convocation printed again, in an .eml draft.
  const emlFile = join(PDF_DIR, 'convocation.eml');
  rmSync(emlFile, { force: true });
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: emlFile });
  await page.getByRole('button', { name: 'Préparer le courriel…' }).click();
  const prepared = page.getByRole('alert').filter({ hasText: 'Courriel préparé' }).last();
  await expect(prepared).toContainText(`${emlFile} (adressé à 4 destinataires)`);
  await expect(prepared).toContainText(
    'Sans adresse électronique (à compléter dans Personnes) : Marc Petit (Loir-et-Cher), Paul Bernard (Indre-et-Loire), Sophie Laurent (Région Centre-Val de Loire).',
  );
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Convocation - CODIRI du 15 mars 2027\.eml$/);
  // Opened from its notification with the system's mail program; a file main did not write is refused.
  const opened = () => (app.calls ?? []).filter((call) => call.name === 'openPath').map((call) => String(call.args[0]));
  if (app.runtime === 'double') {
    await prepared.getByRole('button', { name: 'Ouvrir le courriel' }).click();
    await expect.poll(opened).toEqual([emlFile]);
    // And from the toolbar, once the notification is gone (closed here, or after its 12 seconds).
    await prepared.getByRole('button', { name: 'Fermer la notification' }).click();
    await expect(prepared).toBeHidden();
    await page.getByRole('button', { name: 'Ouvrir le courriel préparé' }).click();
    await expect.poll(opened).toEqual([emlFile, emlFile]);
  }
  const refused = await page.evaluate(() => (window as any).api.openPreparedEmail('/etc/passwd'));
  expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining("Ce courriel n'a pas été préparé par Entente") } });
  if (app.runtime === 'double') expect(opened()).toEqual([emlFile, emlFile]);
  const email = parseEmlWithPython(emlFile);
  expect(email.defects).toEqual([]);
  expect(email.multipart).toBe(true);
  expect(email.unsent).toBe('1');
  expect(email.from).toEqual([['Claire Martin', 'claire.martin@departement37.fr']]);
  expect(email.to).toEqual([
    ['Anne Leroy', 'anne.leroy@departement37.fr'],
    ['Claire Martin', 'claire.martin@departement37.fr'],
    ['Émilie Durand', 'emilie.durand@departement41.fr'],
    ['Nadia Benali', 'nadia.benali@departement41.fr'],
  ]);
  expect(email.subject).toBe(`Convocation – ${TITLE}`);
  expect(email.raw_subject).toMatch(/^=\?UTF-8\?B\?/);
  const mailText = email.text.replace(/\u00a0/g, ' ');
  for (const line of [
    'Date : lundi 15 mars 2027',
    'Heure : 14 h 30 (durée : 2 h 30, fin prévue à 17 h)',
    'Lieu : Hôtel du Département, Tours',
    '1. Point d’étape du chantier RH — présenté par Émilie Durand, 1 h',
    '3. Questions diverses — 15 min',
    '- Note de cadrage RH.pdf',
  ])
    expect(mailText).toContain(line);
  expect(email.attachments).toHaveLength(1);
  const [attachment] = email.attachments;
  expect(attachment).toMatchObject({ content_type: 'application/pdf', filename: 'Convocation - CODIRI du 15 mars 2027.pdf' });
  // The attached PDF is the convocation as saved above (its printing time aside).
  const attached = join(PDF_DIR, 'convocation-jointe.pdf');
  writeFileSync(attached, Buffer.from(attachment.base64, 'base64'));
  expect(pdfPages(attached).map(withoutPrintTime)).toEqual(pages.map(withoutPrintTime));
  expect(email.longest_line).toBeLessThanOrEqual(78);

  // The feuille d'émargement: one line per expected participant (not the excusée), by organisation, then five blank lines.
  await chooseLayout(app, "Feuille d'émargement");
  await expect(page).toHaveURL(new RegExp(`#/reunions/${codiri}/impression/emargement$`));
  const emargementSheet = page.getByRole('article', { name: `Feuille d'émargement — ${TITLE}` });
  await expect(emargementSheet).toContainText('6 participants attendus.');
  await expect(emargementSheet).toContainText(/Absence excusée\s:\sNadia Benali\./);
  await expect(emargementSheet.getByRole('row', { name: 'Ligne à remplir' })).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Préparer le courriel…' })).toHaveCount(0);
  // The notifications of the files written closed, for the screenshots.
  const closeButtons = page.getByRole('button', { name: 'Fermer la notification' });
  for (const button of await closeButtons.all()) await button.click({ force: true }).catch(() => undefined);
  await expect(closeButtons).toHaveCount(0);
  await checkBothThemes(app, '48-emargement');
  const emargement = await savePdf(app, 'emargement');
  if (app.runtime === 'double') expect(proposedPath(app)).toMatch(/\/Feuille d'émargement - CODIRI du 15 mars 2027\.pdf$/);
  const emargementPages = pdfPages(emargement);
  expect(emargementPages).toHaveLength(1);
  expect(pdfImageCount(emargement)).toBe(2);
  expect(pdfTitle(emargement)).toBe(`Feuille d'émargement – ${TITLE}`);
  pngPages(emargement, 'emargement');
  const emargementText = emargementPages[0];
  expect(flat(emargementText)).toContain(`FEUILLE D'ÉMARGEMENT ${TITLE}`);
  expect(emargementText).toMatch(/Date\s+lundi 15 mars 2027/);
  expect(emargementText).toMatch(/Heure\s+de 14 h 30 à 17 h/);
  expect(emargementText).toMatch(/Lieu\s+Hôtel du Département, Tours/);
  const lines = emargementText.split('\n').map((line) => line.replace(/\s{2,}/g, ' | ').trim());
  // Groups and names in order (pdftotext puts the name of a two-line row on a line of its own); the blank lines hold no text.
  const table = flat(emargementText.slice(emargementText.search(/Nom\s+Fonction\s+Signature/)));
  expect(table).toMatch(
    new RegExp(
      "^Nom Fonction Signature DÉPARTEMENT D'INDRE-ET-LOIRE Mme Anne Leroy Directrice générale des services Claire Martin Cheffe de projet " +
        '(M\\. Paul Bernard DGA solidarités|DGA solidarités M\\. Paul Bernard) Représenté par Hélène Garnier ' +
        'DÉPARTEMENT DE LOIR-ET-CHER Émilie Durand Directrice générale des services Marc Petit DGA ressources ' +
        'RÉGION CENTRE-VAL DE LOIRE Sophie Laurent Directrice AUTRES PERSONNES PRÉSENTES Imprimé le [^|]+ Page 1 sur 1 $',
    ),
  );
  // Each name beside its function, on the same printed line.
  for (const row of [
    'Mme Anne Leroy | Directrice générale des services',
    'Claire Martin | Cheffe de projet',
    'Marc Petit | DGA ressources',
    'Sophie Laurent | Directrice',
  ])
    expect(lines).toContain(row);
  // The excusée has no line in the table: she is named above it, so that the sheet and the convocation add up.
  expect(table).not.toContain('Nadia Benali');
  expect(flat(emargementText)).toContain('6 participants attendus. Merci de signer en face de votre nom. Absence excusée : Nadia Benali.');

  // 28 inscribed: the feuille continues on a second page, its header repeated, no line cut in two.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/emargement`), large);
  await expect(page.getByRole('article', { name: /^Feuille d'émargement — Réunion de travail du 4 mai 2027$/ })).toContainText('28 participants attendus.');
  const long = await savePdf(app, 'emargement-longue');
  const longPages = pdfPages(long);
  pngPages(long, 'emargement-longue');
  expect(longPages.length).toBeGreaterThanOrEqual(2);
  expect(longPages[0]).toMatch(/Nom\s+Fonction\s+Signature/);
  const names = [...Array(14).keys()].flatMap((index) => [
    `Agent ${String(index + 1).padStart(2, '0')} Touraine`,
    `Invité ${String(index + 1).padStart(2, '0')} Centre`,
  ]);
  for (const name of names)
    expect(
      longPages.filter((longPage) => longPage.includes(name)),
      name,
    ).toHaveLength(1);
  // A group's heading never ends a page: its first line follows it (the blank lines' heading is followed by no text: seen on the PNG).
  // A list that goes on over a page is headed there by its organisation again.
  const heading = /^(RÉGION CENTRE-VAL DE LOIRE|DÉPARTEMENT D'INDRE-ET-LOIRE|AUTRES PERSONNES PRÉSENTES)$/;
  for (const [index, longPage] of longPages.entries()) {
    const pageRows = longPage
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^(Imprimé le|Département d'Indre-et-Loire ·)/.test(line));
    expect(pageRows.at(-1), `page ${index + 1}`).not.toMatch(/^(RÉGION CENTRE-VAL DE LOIRE|DÉPARTEMENT D'INDRE-ET-LOIRE)$/);
    const firstName = pageRows.findIndex((line) => /^(Agent|Invité) \d\d/.test(line));
    if (firstName >= 0) expect(pageRows[firstName - 1], `page ${index + 1}`).toMatch(heading);
  }
});

/** The text between two headings of the document. */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start, `« ${from} » absent`).toBeGreaterThanOrEqual(0);
  expect(end, `« ${to} » absent après « ${from} »`).toBeGreaterThan(start);
  return text.slice(start, end);
}
