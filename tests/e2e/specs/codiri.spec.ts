// A CODIRI from end to end: prepared (the convocation as PDF and in an .eml draft), held
// (participants, a décision), its compte rendu sent and validated, exported to Word; then
// the next CODIRI, whose validation waits for its day, with a point and an action « à
// arbitrer », and its dossier read before the meeting: the previous compte rendu to
// approve, one page per chantier, the décisions attendues, the Tableau de bord (pdftotext).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays, localDate } from '../../../common/calendar';
import { frenchDate } from '../../../common/french';
import { setPilot } from '../../../db/actions/pilots';
import { createAction, updateAction } from '../../../db/actions/writes';
import { listChantiers } from '../../../db/chantiers/reads';
import type { CooperationDashboard } from '../../../db/chantiers/types';
import { addAgendaItem, addParticipant, createMeeting } from '../../../db/meetings/writes';
import { createPerson, updatePerson } from '../../../db/people/writes';
import { figureSections } from '../../../renderer/features/dashboard/periods';
import { readDocx } from '../../db/docx-reader';
import { parseEmlWithPython } from '../../db/python-email';
import { axeViolations } from '../harness/a11y';
import { initData, withStore } from '../harness/data';
import { ARTIFACTS, expect, screenshot, test, type AppHandle } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';
import { flat, pdfPages, PDF_DIR, pngPages, savePdf } from '../harness/pdf';

const DECISION = 'Le séminaire des cadres aura lieu en juin, à Blois.';
const LATE = 'Harmoniser les règles de télétravail';
const TO_ARBITRATE = 'Mutualiser la formation des assistants familiaux';

interface Prepared {
  codiri: string;
  /** Its two points: the chantier RH, Approlys. */
  items: [string, string];
  chantiers: { number: number; title: string }[];
  toArbitrate: string;
}

/**
 * Three days ago, a CODIRI (Loir-et-Cher at the secretariat, so that Claire Martin of
 * Indre-et-Loire validates it) with participants of both Départements and two points; the
 * chantier RH piloted on both sides, one action late, one blocked, one to arbitrate later.
 */
function prepare(dataDir: string, day: string): Prepared {
  initData(dataDir);
  return withStore(dataDir, (store) => {
    const me = store.personId!;
    updatePerson(store, me, { email: 'claire.martin@departement37.fr' });
    const anne = createPerson(store, {
      name: 'Anne Leroy',
      function: 'Directrice générale des services',
      partner_id: 'd37',
      email: 'anne.leroy@departement37.fr',
    });
    const emilie = createPerson(store, {
      name: 'Émilie Durand',
      function: 'Directrice générale des services',
      partner_id: 'd41',
      email: 'emilie.durand@departement41.fr',
    });
    const marc = createPerson(store, { name: 'Marc Petit', function: 'DGA ressources', partner_id: 'd41', email: null });
    setPilot(store, 'c4', 'd37', { person_id: anne });
    setPilot(store, 'c4', 'd41', { person_id: marc });
    // Chantier 4 holds the four actions of the default project: these are 4.5 and 4.6.
    createAction(store, { chantier_id: 'c4', title: LATE, status: 'en_cours', end_date: addDays(day, -20) });
    const toArbitrate = createAction(store, { chantier_id: 'c4', title: TO_ARBITRATE, status: 'a_venir', end_date: addDays(day, 200) });
    updateAction(store, 'a4-1', { status: 'bloque' });
    const codiri = createMeeting(store, {
      type: 'codiri',
      date: addDays(day, -3),
      start_time: '14:30',
      duration_minutes: 150,
      place: 'Hôtel du Département, Tours',
      president_id: anne,
      secretariat_partner_id: 'd41',
    });
    for (const person of [anne, me, emilie, marc]) addParticipant(store, codiri, { person_id: person });
    const rh = addAgendaItem(store, codiri, { title: 'Point d’étape du chantier RH', presenter: 'Émilie Durand', duration_minutes: 60, chantier_id: 'c4' });
    const approlys = addAgendaItem(store, codiri, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45 });
    // Points 3 and 4: the fourth bears the words of the dossier's part 4, which its sommaire must not take for it.
    addAgendaItem(store, codiri, { title: 'Questions diverses', duration_minutes: 15 });
    addAgendaItem(store, codiri, { title: 'Décisions attendues', duration_minutes: 15 });
    return { codiri, items: [rh, approlys], chantiers: listChantiers(store).map(({ number, title }) => ({ number, title })), toArbitrate };
  });
}

/** The meeting page's tab, when the page has tabs (« Préparer », « Compte rendu »). */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.count()) > 0) await tab.click();
}

/** A call of the app's own API from the page, as the screens make it; answers its value. */
async function api<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const result = await page.evaluate(([name, values]) => (window as any).api[name as string](...(values as unknown[])), [method, args] as const);
  expect(result, `${method} : ${JSON.stringify(result)}`).toMatchObject({ ok: true });
  return result.value as T;
}

/** « Enregistrer » through a save dialog answered with `file`, after `click`. */
async function saveAs(app: AppHandle, file: string, click: () => Promise<void>, notice: string): Promise<void> {
  mkdirSync(join(file, '..'), { recursive: true });
  rmSync(file, { force: true });
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: file });
  await click();
  await expect(app.page.getByRole('alert').filter({ hasText: notice }).last()).toContainText(file);
  expect(existsSync(file)).toBe(true);
}

test('un CODIRI de bout en bout : convocation, compte rendu validé et exporté en Word ; le dossier du CODIRI suivant', async ({ launch }) => {
  const day = localDate();
  const dataDir = newDataDir();
  const { codiri, items, chantiers, toArbitrate } = prepare(dataDir, day);
  const title = `CODIRI du ${frenchDate(addDays(day, -3))}`;
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // Prepared: the convocation, as a PDF and in a courriel.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}`), codiri);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Imprimer et exporter' }).click();
  await page.getByRole('menuitem', { name: 'Convocation' }).click();
  await expect(page.getByRole('article', { name: `Convocation — ${title}` })).toBeVisible();
  const convocation = flat(pdfPages(await savePdf(app, 'codiri-convocation')).join('\n'));
  expect(convocation).toContain(`CONVOCATION ${title}`);
  expect(convocation).toContain('Point d’étape du chantier RH');
  const emlFile = join(PDF_DIR, 'codiri-convocation.eml');
  await saveAs(app, emlFile, () => page.getByRole('button', { name: 'Préparer le courriel…' }).click(), 'Courriel préparé');
  const email = parseEmlWithPython(emlFile);
  expect(email.defects).toEqual([]);
  expect(email.subject).toBe(`Convocation – ${title}`);
  expect(email.to.map(([, address]) => address)).toEqual(['anne.leroy@departement37.fr', 'claire.martin@departement37.fr', 'emilie.durand@departement41.fr']);
  expect(email.attachments.map((attachment) => attachment.filename)).toEqual([`Convocation - ${title}.pdf`]);

  // Held: a décision (its entry is covered by reunions.spec), then sent and validated from the meeting page.
  await api(page, 'addEntry', items[0], { kind: 'decision', text: DECISION });
  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  await openTab(page, 'Compte rendu');
  const validation = page.getByRole('region', { name: 'Validation' });
  await validation.getByRole('button', { name: 'Soumettre à la validation' }).click();
  await expect(validation.getByText(/validé tacitement le/)).toBeVisible();
  await validation.getByRole('button', { name: 'Valider le compte rendu…' }).click();
  await page.getByRole('dialog', { name: 'Valider le compte rendu ?' }).getByRole('button', { name: 'Valider', exact: true }).click();
  await expect(validation.getByText(/Validé le .* par Claire Martin/)).toBeVisible();

  // Exported to Word.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), codiri);
  await expect(page.getByRole('article', { name: `Compte rendu — ${title}` })).toContainText('Décision n°');
  const wordFile = join(ARTIFACTS, 'word', 'codiri-compte-rendu.docx');
  await saveAs(app, wordFile, () => page.getByRole('button', { name: 'Exporter en Word…' }).click(), 'Document Word enregistré');
  const docx = readDocx(wordFile);
  expect(docx.core.title).toBe(`Compte rendu – ${title}`);
  expect(docx.decisions).toEqual([`Décision n°\u00a01 — ${DECISION}`]);

  // The next CODIRI, six months later: its compte rendu waits for its day.
  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  await page.getByRole('button', { name: 'Réunion suivante' }).click();
  await page.getByRole('menuitem', { name: /^Créer la prochaine réunion/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^CODIRI du / })).not.toHaveText(title);
  const next = decodeURIComponent(page.url().split('/').pop()!);
  const nextMeeting = await api<{ date: string; title: string; agenda: { id: string; title: string }[] }>(page, 'getMeeting', next);
  expect(nextMeeting.date > day).toBe(true);
  await openTab(page, 'Compte rendu');
  await expect(page.getByRole('region', { name: 'Validation' }).getByRole('button', { name: 'Soumettre à la validation' })).toBeDisabled();
  const early = await page.evaluate((id) => (window as any).api.sendForValidation(id), next);
  expect(early).toMatchObject({
    ok: false,
    error: { message: `Le compte rendu ne peut être envoyé pour validation qu'une fois la réunion tenue (le ${frenchDate(nextMeeting.date)}).` },
  });

  // A point and an action « à arbitrer » (their switches belong to the meeting page and the fiche).
  const approlys = nextMeeting.agenda.find((item) => item.title === 'Gouvernance d’Approlys')!;
  await api(page, 'updateAgendaItem', approlys.id, { to_arbitrate: true });
  await api(page, 'updateAction', toArbitrate, { to_arbitrate: true });

  // The dossier of the next CODIRI.
  await page.getByRole('button', { name: 'Imprimer et exporter' }).click();
  await page.getByRole('menuitem', { name: 'Dossier CODIRI' }).click();
  await expect(page.getByRole('article', { name: 'Page de garde du dossier du CODIRI' })).toContainText(`Dossier du ${nextMeeting.title}`);
  await expect(page.getByRole('article', { name: 'Tableau de bord de la coopération' })).toBeVisible();
  for (const theme of ['clair', 'sombre'] as const) {
    const toggle = page.getByRole('button', { name: theme === 'clair' ? 'Passer en thème clair' : 'Passer en thème sombre' });
    if (await toggle.isVisible()) await toggle.click();
    await page.mouse.move(0, 0);
    await screenshot(app, `dossier-codiri-${theme}`);
    expect.soft(await axeViolations(page), `thème ${theme}`).toEqual([]);
  }
  const file = await savePdf(app, 'dossier-codiri-suivant');
  const pages = pdfPages(file);
  expect(pngPages(file, 'dossier-codiri-suivant')).toHaveLength(pages.length);

  // The cover: the meeting, both partners, the sommaire.
  const cover = flat(pages[0]);
  expect(cover).toContain(`Dossier du ${nextMeeting.title}`);
  expect(cover).toContain("Département d'Indre-et-Loire et Département de Loir-et-Cher");
  expect(cover).toContain(`2. Compte rendu du ${title}, validé le `);
  expect(cover).toContain('4. Décisions attendues (2)');
  expect(cover).toContain('5. Tableau de bord de la coopération');
  // The convocation and its ordre du jour.
  expect(flat(pages[1])).toContain('1. Convocation et ordre du jour');
  expect(flat(pages[1])).toContain(`CONVOCATION ${nextMeeting.title}`);
  // The previous compte rendu, validated (not « à approuver »: its page says so), with its décision.
  const previousStart = pages.findIndex((text) => flat(text).includes(`2. Compte rendu du ${title}, validé le `) && text !== pages[0]);
  expect(previousStart).toBe(2);
  expect(flat(pages[previousStart])).toContain(`COMPTE RENDU ${title}`);
  expect(flat(pages[previousStart])).toMatch(/Validé le .+ par Claire Martin \(Indre-et-Loire\)\./);
  const chantierPages = chantiers.map(({ number }) => pages.findIndex((text) => new RegExp(`^\\s*CHANTIER ${number}\\s*$`, 'm').test(text)));
  expect(flat(pages.slice(previousStart, chantierPages[0]).join('\n'))).toContain(`Décision n° 1 — ${DECISION}`);
  // One page per chantier, in order, each opening on its own page.
  expect(chantierPages[0]).toBeGreaterThan(previousStart);
  expect(chantierPages).toEqual(chantiers.map((_, index) => chantierPages[0] + index));
  expect(flat(pages[chantierPages[0]])).toContain('3. Les chantiers');
  chantiers.forEach(({ number, title: chantierTitle }, index) => {
    const text = flat(pages[chantierPages[index]]);
    expect(text, `chantier ${number}`).toContain(chantierTitle);
    expect(text, `chantier ${number}`).toContain('DEPUIS LE PRÉCÉDENT CODIRI');
  });
  // Chantier 4: its pilotes, its late and blocked actions said in words, what changed since the previous CODIRI.
  const rh = pages[chantierPages[3]];
  expect(flat(rh)).toContain('Indre-et-Loire : Anne Leroy');
  expect(flat(rh)).toContain('Loir-et-Cher : Marc Petit');
  expect(rh).toMatch(new RegExp(`4\\.5\\s+${LATE}\\s+En cours\\s+(1er|\\d{1,2}) [a-zéû]+ \\d{4}\\s+En retard`));
  expect(rh).toMatch(/Bloqué\s+—\s+Action bloquée/);
  expect(flat(rh)).toMatch(/Statut : [^→]+ → Bloqué/);
  // The décisions attendues: the point and the action.
  const decisions = flat(pages[chantierPages[8] + 1]);
  expect(decisions).toContain('4. Décisions attendues');
  expect(decisions).toContain('Point 2 Gouvernance d’Approlys');
  expect(decisions).toContain(`Action 4.6 ${TO_ARBITRATE}`);
  // The Tableau de bord, last, on one page or two: its figures since the previous CODIRI, in the
  // dashboard's own words, and the chantiers' table.
  const boardStart = pages.findIndex((text, index) => index > 0 && flat(text).includes('5. Tableau de bord de la coopération'));
  expect(boardStart).toBe(chantierPages[8] + 2);
  expect(pages.length - boardStart).toBeLessThanOrEqual(2);
  // The sommaire gives the page where each part, and each chantier, opens.
  const sommaire = await page
    .getByRole('navigation', { name: 'Sommaire' })
    .locator('li > span:first-child')
    .evaluateAll((entries) => entries.map((entry) => [entry.firstElementChild?.textContent, entry.lastElementChild?.textContent]));
  expect(sommaire[1][0]).toContain(`2. Compte rendu du ${title}, validé le `);
  expect(sommaire).toEqual([
    ['1. Convocation et ordre du jour', '2'],
    [sommaire[1][0], String(previousStart + 1)],
    ['3. Les chantiers', String(chantierPages[0] + 1)],
    ...chantiers.map(({ number, title: chantierTitle }, index) => [`Chantier ${number} · ${chantierTitle}`, String(chantierPages[index] + 1)]),
    ['4. Décisions attendues (2)', String(chantierPages[8] + 2)],
    ['5. Tableau de bord de la coopération', String(boardStart + 1)],
  ]);
  expect(cover).toMatch(new RegExp(`5\\. Tableau de bord de la coopération\\s+${boardStart + 1}\\b`));
  const board = flat(pages.slice(boardStart).join('\n'));
  expect(board).toContain(`Réunions et personnes depuis le CODIRI du ${frenchDate(addDays(day, -3))} ; chantiers, pistes et actions au ${frenchDate(day)}.`);
  // The figures as the dashboard gives them, section by section; their labels wrap on paper, so the sheet is read as shown.
  const dashboard = await api<CooperationDashboard>(page, 'getDashboard', 'since-codiri');
  const sheet = page.getByRole('article', { name: 'Tableau de bord de la coopération' });
  expect(await sheet.locator('caption').allTextContents()).toEqual(figureSections(dashboard.figures.figures).map((section) => section.title));
  expect(
    await sheet.locator('tr[title]').evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent))),
  ).toEqual(figureSections(dashboard.figures.figures).flatMap((section) => section.figures.map((figure) => [figure.label, String(figure.value)])));
  for (const section of figureSections(dashboard.figures.figures)) expect(board).toContain(section.title);
  const value = (key: string) => dashboard.figures.figures.find((figure) => figure.key === key)!.value;
  expect(value('reunions.codiri')).toBe(0);
  for (const [label, key] of [
    ['CODIRI', 'reunions.codiri'],
    ['Chantiers', 'chantiers'],
    ['Actions', 'actions'],
    ['Bloquées', 'actions.bloque'],
    ['En retard', 'actions.en_retard'],
    ['À arbitrer', 'actions.a_arbitrer'],
  ])
    expect(board).toMatch(new RegExp(`${label} ${value(key)}\\b`));
  // The chantiers' table: each chantier, the RH one with its actions by statut.
  expect(board).toContain('Actions par statut Avancement En retard');
  for (const { number, title: chantierTitle } of chantiers) expect(board).toContain(`${number} ${chantierTitle.split(' ').slice(0, 2).join(' ')}`);
  // Agreeing with « action »: « 1 bloquée ».
  expect(board).toMatch(/4 à venir, 1 en cours, 1\s+bloquée/);
});
