// `npm run bench:print`: a long compte rendu (40 points, 30 participants, 60 décisions, 40
// actions à mener) printed to PDF through the app's own path — the preview page, then
// window.api.saveCurrentPageAsPdf: IPC, save dialog, printToPDF, file written — against
// the same path on a blank window in the same run. Prints its figures, with the target.
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { addActionItem, addAgendaItem, addEntry, addParticipant, createMeeting, updateAgendaItem } from '../db/meetings/writes';
import { createPerson } from '../db/people/writes';
import type { RendererApi, SavedPdf } from '../preload/contract';
import { initData, withStore } from '../tests/e2e/harness/data';
import { expect, test, type AppHandle } from '../tests/e2e/harness/fixtures';
import { newDataDir } from '../tests/e2e/harness/launch';

const ITEMS = 40;
const PARTICIPANTS = 30;
const DECISIONS = 60;
const RUNS = 5;
const TARGET_MS = 3000;

const FIRST_NAMES = ['Claire', 'Marc', 'Nadia', 'Paul', 'Émilie', 'Hugo', 'Sophie', 'Jean', 'Hélène', 'Karim', 'Lucie', 'Thomas', 'Inès', 'Olivier', 'Agnès'];
const LAST_NAMES = [
  'Martin',
  'Petit',
  'Benali',
  'Bernard',
  'Durand',
  'Moreau',
  'Laurent',
  'Dupont',
  'Garnier',
  'Haddad',
  'Roux',
  'Fournier',
  'Girard',
  'Lefèvre',
  'Mercier',
];
const FUNCTIONS = ['Directrice générale adjointe', 'Directeur des ressources humaines', 'Cheffe de service', 'Chargé de mission', 'Responsable des achats'];

/** A CODIRI of ITEMS points, PARTICIPANTS participants and DECISIONS décisions, with notes, informations and actions à mener. */
function prepare(dataDir: string): string {
  initData(dataDir);
  return withStore(dataDir, (store) => {
    const people = Array.from({ length: PARTICIPANTS - 2 }, (_, index) =>
      createPerson(store, {
        name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]}`,
        function: FUNCTIONS[index % FUNCTIONS.length],
        partner_id: index % 2 ? 'd41' : 'd37',
        email: null,
      }),
    );
    const meeting = createMeeting(store, {
      type: 'codiri',
      date: '2027-03-15',
      start_time: '09:00',
      duration_minutes: ITEMS * 6,
      place: 'Hôtel du Département, Blois',
      president_id: people[0],
      secretary_id: people[1],
      diffusion: ['Membres du CODIRI', 'Pilotes des chantiers', 'Secrétariat de la coopération'],
      next_meeting_date: '2027-09-13',
    });
    const attendance = ['present', 'present', 'present', 'present', 'excuse', 'represente', 'absent'] as const;
    people.forEach((person, index) => {
      const state = attendance[index % attendance.length];
      addParticipant(store, meeting, { person_id: person, attendance: state, represented_by: state === 'represente' ? 'Jean Dupont, DGA territoires' : null });
    });
    addParticipant(store, meeting, { name: 'Sophie Laurent', function: 'Directrice', organisation: 'Région Centre-Val de Loire' });
    addParticipant(store, meeting, { name: 'Hugo Moreau', function: 'Chargé d’études', organisation: 'Préfecture de Loir-et-Cher' });
    for (let number = 1; number <= ITEMS; number++) {
      const item = addAgendaItem(store, meeting, {
        title: `Point d’étape n° ${number} du chantier ${((number - 1) % 9) + 1}`,
        presenter: 'Marc Petit',
        duration_minutes: 6,
        chantier_id: `c${((number - 1) % 9) + 1}`,
      });
      updateAgendaItem(store, item, {
        notes:
          'Tour de table des deux Départements : état des lieux, calendrier, points de vigilance et besoins de moyens partagés pour les six prochains mois.',
      });
      addEntry(store, item, { kind: 'information', text: 'Le groupe de travail s’est réuni deux fois depuis le dernier CODIRI.' });
      for (let decision = 0; decision < (number <= DECISIONS - ITEMS ? 2 : 1); decision++) {
        addEntry(store, item, {
          kind: 'decision',
          text: `Le CODIRI valide la proposition ${decision + 1} du groupe de travail et en confie le suivi aux pilotes du chantier.`,
        });
      }
      addActionItem(
        store,
        item,
        { kind: 'nouvelle', title: `Préparer la note de cadrage n° ${number}`, responsable_id: people[number % people.length], due_date: '2027-06-30' },
        { complete: true },
      );
    }
    return meeting;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fr = (value: number, digits = 0) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (milliseconds: number) => `${fr(milliseconds / 1000, 2)} s`;

function line(label: string, value: string, verdict = ''): void {
  console.log(`${label.padEnd(46)} ${value.padStart(12)}${verdict}`);
}

/** Saves the window as PDF through the app's API (the save dialog answered at once): the times in ms, and the last PDF. */
async function timedSaves(app: AppHandle, meetingId: string, file: string): Promise<{ times: number[]; pdf: SavedPdf }> {
  const times: number[] = [];
  let pdf!: SavedPdf;
  for (let run = 0; run < RUNS; run++) {
    await app.answerDialog('showSaveDialog', { canceled: false, filePath: file });
    const timed = await app.page.evaluate(async (id) => {
      const { api } = window as unknown as { api: RendererApi };
      const start = performance.now();
      const result = await api.saveCurrentPageAsPdf(id, 'compte_rendu');
      if (!result.ok || !result.value) throw new Error(result.ok ? 'Enregistrement annulé' : result.error.message);
      return { ms: performance.now() - start, pdf: result.value };
    }, meetingId);
    times.push(timed.ms);
    pdf = timed.pdf;
  }
  return { times, pdf };
}

test('impression en PDF d’un long compte rendu', async ({ launch }) => {
  const dataDir = newDataDir('entente-bench-impression-');
  const meetingId = prepare(dataDir);
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // The preview, opened RUNS times from the dashboard.
  const previews: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(() => (window.location.hash = '#/tableau-de-bord'));
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    const start = Date.now();
    await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), meetingId);
    await expect(page.getByText(`Décision n° ${DECISIONS} —`)).toBeVisible({ timeout: 30_000 });
    previews.push(Date.now() - start);
  }

  const minutes = await timedSaves(app, meetingId, join(dataDir, 'compte-rendu.pdf'));
  // The same path on a blank window: the page's content removed, the API (preload) kept.
  await page.evaluate(() => document.body.replaceChildren());
  const blank = await timedSaves(app, meetingId, join(dataDir, 'page-blanche.pdf'));
  expect(blank.pdf.pages).toBe(1);

  const printed = median(minutes.times);
  const blankMs = median(blank.times);
  console.log(`\nImpression en PDF : compte rendu de ${ITEMS} points, ${PARTICIPANTS} participants, ${DECISIONS} décisions, ${ITEMS} actions à mener`);
  line('Aperçu à l’écran (médiane)', seconds(median(previews)));
  line(`Enregistrer en PDF (médiane de ${RUNS})`, seconds(printed), `   objectif < ${seconds(TARGET_MS)} : ${printed < TARGET_MS ? 'atteint' : 'MANQUÉ'}`);
  line('  essais (s)', minutes.times.map((time) => fr(time / 1000, 2)).join(' ; '));
  line('PDF du compte rendu', `${minutes.pdf.pages ?? '?'} pages, ${fr(minutes.pdf.bytes / 1024)} Ko`);
  line(`Page blanche, même chemin (médiane de ${RUNS})`, seconds(blankMs));
  line('Rapport compte rendu / page blanche', `× ${fr(printed / blankMs, 1)}`);
  console.log(`Charge de la machine pendant la mesure : ${fr(loadavg()[0], 1)} pour ${availableParallelism()} processeur(s).`);
});
