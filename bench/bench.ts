// `npm run bench`: a project the size of a long-running cooperation, then the timings that
// matter to a user, printed with their targets. Exits non-zero only if something crashes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Change } from '../db/store/changelog';
import { updateAction } from '../db/actions/writes';
import { Store } from '../db/store/store';
import { formatHlc } from '../db/store/hlc';
import { initReplica } from '../db/project/setup';
import { queryActionPage, queryActions } from '../db/actions/reads';
import { argsSchemas } from '../main/ipc/schemas';
import { cooperationDashboard } from '../db/chantiers/dashboard';
import { listConflicts } from '../db/conflicts/versions';
import type { ActionPage, ActionQuery, ActionSortKey } from '../db/actions/types';
import { ACTION_STATUSES, FINALITES, PRIORITIES, STAGES } from '../common/vocabulary';
import { actionColumns, actionExportRows, actionsCsv, actionsXlsx, planXlsx } from '../db/exports/actions';
import { addTableSheet, newWorkbook, workbookBytes } from '../db/exports/sheet';
import { applyImport, previewImport, readSpreadsheet } from '../db/exports/import';
import { exportAll } from '../db/exports/export-all';
import { listPartners } from '../db/people/reads';

const CHANTIERS = 60;
const ACTIONS = 10_000;
const NOTES = 50_000;
const PEOPLE_PER_PARTNER = 25;
const PARTNERS = ['d37', 'd41'];
const ORIGINS = ['bench-37-a', 'bench-37-b', 'bench-41-a', 'bench-41-b'];
/** Rows the Actions screen asks for at a time. */
const PAGE = 100;

// A small deterministic generator: the same project on every run.
let seed = 20260101;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const WORDS = (
  'coopération échanges formation mobilité tarification pilotage collèges restauration circuits courts ingénierie ' +
  'observatoire territoires indicateurs achats centrale téléservices accompagnement évaluation expérimentation ' +
  'gouvernance mutualisation séminaire cadres réseau formateurs directions ressources humaines bâtimentaire ' +
  'approvisionnement relocalisation contractualisation solidarités finances numérique routes tourisme Val de Loire'
).split(' ');
const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
const date = (fromYear: number, toYear: number) => `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

/** Changes as replicas of the two Départements would have sent them over the years. */
class Generator {
  private readonly seqs = new Map<string, number>();
  private ms = Date.UTC(2024, 0, 1);
  readonly changes: Change[] = [];
  /** The last version of each field, so that later edits supersede it. */
  private readonly last = new Map<string, [string, number]>();

  write(origin: string, entity: string, rowId: string, fields: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(fields)) {
      const seq = (this.seqs.get(origin) ?? 0) + 1;
      this.seqs.set(origin, seq);
      const key = `${entity}/${rowId}/${field}`;
      const previous = this.last.get(key);
      this.changes.push({
        origin,
        seq,
        hlc: formatHlc({ ms: (this.ms += 1000), counter: 0 }),
        entity,
        rowId,
        field,
        value: JSON.stringify(value),
        supersedes: previous ? [previous] : [],
      });
      this.last.set(key, [origin, seq]);
    }
  }
}

function generate(): Change[] {
  const g = new Generator();
  const people: Record<string, string[]> = {};
  for (const partner of PARTNERS) {
    people[partner] = [];
    for (let i = 0; i < PEOPLE_PER_PARTNER; i++) {
      const id = `pe-${partner}-${i}`;
      people[partner].push(id);
      g.write(pick(ORIGINS), 'person', id, {
        name: `Personne ${i} ${partner}`,
        function: pick(['DGA', 'Chef de service', null]),
        partner_id: partner,
        email: null,
      });
    }
  }
  const chantierIds = Array.from({ length: 9 }, (_, i) => `c${i + 1}`);
  for (let n = 10; n <= CHANTIERS; n++) {
    const id = `bc-${n}`;
    chantierIds.push(id);
    g.write(pick(ORIGINS), 'chantier', id, { number: n, title: `Chantier ${n} : ${sentence(4)}`, description: sentence(20), stage: pick(STAGES) });
  }
  const actionIds: string[] = [];
  for (let i = 0; actionIds.length < ACTIONS - 14; i++) {
    const id = `ba-${i}`;
    actionIds.push(id);
    const start = date(2023, 2026);
    g.write(pick(ORIGINS), 'action', id, {
      chantier_id: pick(chantierIds),
      title: sentence(int(4, 10)),
      description: random() < 0.5 ? sentence(30) : null,
      status: pick([...ACTION_STATUSES, null]),
      priority: pick(PRIORITIES),
      finalites: [pick(FINALITES)],
      cooperation_form: null,
      start_date: start,
      end_date: random() < 0.8 ? `${Number(start.slice(0, 4)) + 1}${start.slice(4)}` : null,
      progress: int(0, 100),
    });
    for (const partner of PARTNERS) {
      if (random() < 0.75)
        g.write(pick(ORIGINS), 'pilot', `${id}:${partner}`, { owner_id: id, partner_id: partner, person_id: pick(people[partner]), services: null });
    }
    for (let s = int(0, 3); s > 0; s--) {
      g.write(pick(ORIGINS), 'step', `bs-${i}-${s}`, { action_id: id, label: sentence(5), done: random() < 0.4, position: s });
    }
  }
  for (let i = 0; i < NOTES; i++) {
    g.write(pick(ORIGINS), 'note', `bn-${i}`, { action_id: pick(actionIds), date: date(2024, 2026), author_id: pick(people.d37), text: sentence(int(10, 60)) });
  }
  // Years of follow-up: statuses and avancement edited again and again.
  for (let i = 0; i < 15_000; i++) {
    g.write(pick(ORIGINS), 'action', pick(actionIds), { status: pick(ACTION_STATUSES), progress: int(0, 100) });
  }
  return g.changes;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmt = (value: number) => value.toFixed(value < 10 ? 2 : 0);

function line(label: string, value: string, target?: string, met?: boolean): void {
  const verdict = target === undefined ? '' : `   objectif ${target} : ${met ? 'atteint' : 'MANQUÉ'}`;
  console.log(`${label.padEnd(46)} ${value.padStart(12)}${verdict}`);
}

function queries(people: Record<string, string[]>): ActionQuery[] {
  const sorts: ActionSortKey[] = ['chantier', 'title', 'status', 'priority', 'start_date', 'end_date', 'progress'];
  return Array.from({ length: 100 }, (_, i) => {
    const query: ActionQuery = { sort: { by: sorts[i % sorts.length], direction: i % 2 ? 'desc' : 'asc' } };
    switch (i % 10) {
      case 0:
        break; // the whole list: the heaviest
      case 1:
        query.chantier_ids = [`c${int(1, 9)}`, `bc-${int(10, CHANTIERS)}`];
        break;
      case 2:
        query.statuses = [pick(ACTION_STATUSES), 'none'];
        break;
      case 3:
        query.late = true;
        break;
      case 4:
        query.search = pick(WORDS).slice(0, 6);
        break;
      case 5:
        query.search = `${pick(WORDS)} ${pick(WORDS)}`;
        query.priorities = ['elevee'];
        break;
      case 6:
        query.pilot_person_id = pick(people.d41);
        break;
      case 7:
        query.partner_id = 'd37';
        query.late = false;
        break;
      case 8:
        query.without_pilot = true;
        break;
      case 9:
        query.priorities = ['moyenne', 'basse'];
        query.statuses = ['en_cours'];
        query.late = true;
        break;
    }
    return query;
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') return measure(process.argv[3]);
  // BENCH_KEEP=1 leaves the generated project behind, to look at it with the CLI or sqlite3.
  const keep = process.env.BENCH_KEEP === '1';
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  const file = join(dir, 'entente.sqlite');
  try {
    const start = process.hrtime.bigint();
    const changes = generate();
    const store = Store.open(file);
    initReplica(store, { name: 'Claire Martin', function: 'Cheffe de projet', partner: '37' });
    // Received as sync files of 20 000 changes each.
    for (let i = 0; i < changes.length; i += 20_000) store.applyChanges(changes.slice(i, i + 20_000));
    const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    console.log(
      `Projet généré en ${(ms(start) / 1000).toFixed(1)} s : ${count('SELECT count(*) FROM chantier WHERE deleted = 0')} chantiers, ` +
        `${count('SELECT count(*) FROM action WHERE deleted = 0')} actions, ${count('SELECT count(*) FROM note WHERE deleted = 0')} notes, ` +
        `${count('SELECT count(*) FROM changes')} modifications dans le journal.`,
    );
    store.close();

    // Measured in a fresh process: its memory and caches are the app's, not the generator's.
    const child = spawnSync(process.execPath, [__filename, '--measure', file], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
  } finally {
    if (keep) console.log(`Projet conservé dans ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** The timings of an app opening the generated project, in this process alone. */
async function measure(file: string): Promise<void> {
  let start: bigint;
  let store!: Store;
  const people: Record<string, string[]> = {};
  const actionIds: string[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = process.hrtime.bigint();
    store = Store.open(file);
    cooperationDashboard(store);
    opens.push(ms(start));
    if (i < 4) store.close();
  }
  line('Ouverture + tableau de bord (1re fois)', `${fmt(opens[0])} ms`, '< 300 ms', opens[0] < 300);
  line('Ouverture + tableau de bord (médiane de 5)', `${fmt(percentile(opens, 50))} ms`, '< 300 ms', percentile(opens, 50) < 300);
  for (const row of store.db.prepare('SELECT partner_id, id FROM person WHERE deleted = 0').all() as { partner_id: string; id: string }[]) {
    (people[row.partner_id] ??= []).push(row.id);
  }
  actionIds.push(...(store.db.prepare('SELECT id FROM action WHERE deleted = 0').pluck().all() as string[]));

  // The Actions screen asks for the page it shows (a virtualised table) through IPC:
  // arguments checked by main's zod schema, result copied by structured clone as IPC does.
  const times: number[] = [];
  let total = 0;
  for (const query of queries(people)) {
    start = process.hrtime.bigint();
    const [checked] = argsSchemas.queryActions.parse([query, { offset: 0, limit: PAGE }]);
    const page = structuredClone(queryActionPage(store, checked, { offset: 0, limit: PAGE })) as ActionPage;
    times.push(ms(start));
    total += page.total;
  }
  line(`Page d'actions (${PAGE} lignes) p50, 100 requêtes variées`, `${fmt(percentile(times, 50))} ms`);
  line("Page d'actions p95", `${fmt(percentile(times, 95))} ms`, '< 50 ms', percentile(times, 95) < 50);
  line("Page d'actions max", `${fmt(Math.max(...times))} ms`);
  console.log(`  (${Math.round(total / times.length)} actions correspondantes en moyenne par requête)`);
  const scrolls: number[] = [];
  for (let offset = 0; offset < ACTIONS; offset += 500) {
    start = process.hrtime.bigint();
    structuredClone(queryActionPage(store, {}, { offset, limit: PAGE }));
    scrolls.push(ms(start));
  }
  line('Défilement : page suivante, p95', `${fmt(percentile(scrolls, 95))} ms`);
  const whole: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = process.hrtime.bigint();
    structuredClone(queryActions(store, {}));
    whole.push(ms(start));
  }
  line(`Liste complète (${ACTIONS} lignes, ligne de commande), médiane`, `${fmt(percentile(whole, 50))} ms`);

  const edits: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const id = pick(actionIds);
    start = process.hrtime.bigint();
    updateAction(store, id, i % 2 ? { progress: int(0, 100) } : { status: pick(ACTION_STATUSES) });
    edits.push(ms(start));
  }
  line('updateAction p50 (1000 modifications)', `${fmt(percentile(edits, 50))} ms`);
  line('updateAction p95', `${fmt(percentile(edits, 95))} ms`, '< 2 ms', percentile(edits, 95) < 2);

  // The navigation shows the count of conflicts, reloaded after every edit.
  const conflictLists: number[] = [];
  for (let i = 0; i < 20; i++) {
    start = process.hrtime.bigint();
    listConflicts(store);
    conflictLists.push(ms(start));
  }
  line('Liste des conflits, p95', `${fmt(percentile(conflictLists, 95))} ms`);

  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  line('Taille de la base', `${(size / 1024 / 1024).toFixed(1)} Mo`);
  line('Mémoire (pic RSS du processus)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} Mo`);
  console.log(`Charge de la machine pendant la mesure : ${loadavg()[0].toFixed(1)} pour ${availableParallelism()} processeur(s).`);
  await spreadsheets(store, dirname(file));
  line('Mémoire après les exports (pic RSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} Mo`);
  console.log(`Charge de la machine après les exports : ${loadavg()[0].toFixed(1)} pour ${availableParallelism()} processeur(s).`);
  store.close();
}

/**
 * Seconds of the median of `runs` runs of `task` (wall clock, what the user waits), the
 * processor time of that run (this process alone: what a busy machine inflates less), and
 * the last result.
 */
type Timed<T> = { seconds: number; cpu: number; result: T };

async function median<T>(runs: number, task: () => Promise<T> | T): Promise<Timed<T>> {
  const times: { seconds: number; cpu: number }[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    result = await task();
    const used = process.cpuUsage(cpu);
    times.push({ seconds: ms(start) / 1000, cpu: (used.user + used.system) / 1e6 });
  }
  return { ...times.sort((x, y) => x.seconds - y.seconds)[Math.floor(runs / 2)], result };
}

const seconds = (value: number) => `${value.toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} Mo`;

function folderSize(folder: string): number {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** One import's times; only counts are kept of its results, so that the next one runs in the same memory. */
interface ImportRun {
  read: number;
  preview: number;
  applied: number;
  cpu: number;
  imported: number;
  peopleCreated: number;
  total: number;
}

/** As the app does: the chosen file read once and previewed, then « Importer » checks it again and writes, into a new project. */
async function importOnce(bytes: Buffer, file: string): Promise<ImportRun> {
  const fresh = Store.open(file);
  try {
    initReplica(fresh, { name: 'Claire Martin', function: 'Cheffe de projet', partner: '37' });
    const read = await median(1, () => readSpreadsheet(bytes));
    const preview = await median(1, () => previewImport(fresh, read.result));
    if (!preview.result.importable) throw new Error(`Import refusé : ${preview.result.errors.slice(0, 3).join(' ')}`);
    const applied = await median(1, () => applyImport(fresh, read.result));
    return {
      read: read.seconds,
      preview: preview.seconds,
      applied: applied.seconds,
      cpu: applied.cpu,
      imported: applied.result.action_ids.length,
      peopleCreated: applied.result.people_created,
      total: read.seconds + preview.seconds + applied.seconds,
    };
  } finally {
    fresh.close();
  }
}

/**
 * 10 000 lines of a plan d'actions typed in Excel, for the default project's nine chantiers:
 * the export's columns (so every field is read), written by the export's own sheet writer.
 * In a function of its own, so that its workbook is garbage when the import is measured.
 */
async function writeImportFile(store: Store, dir: string): Promise<string> {
  const importFile = join(dir, 'import.xlsx');
  const rows = actionExportRows(store, {}).map((row, index) => ({ ...row, chantier_number: (index % 9) + 1 }));
  const workbook = newWorkbook('Plan à importer', undefined);
  addTableSheet(
    workbook,
    'Actions',
    actionColumns(listPartners(store)).map((column) => ({ ...column, value: column.xlsx })),
    rows,
  );
  writeFileSync(importFile, await workbookBytes(workbook));
  return importFile;
}

/** The spreadsheets of the whole project, by the functions the app and the CLI call, each file written to disk as they do. */
async function spreadsheets(store: Store, dir: string): Promise<void> {
  console.log(`Tableurs (${ACTIONS} actions) :`);
  const xlsxFile = join(dir, 'actions.xlsx');
  const xlsx = await median(3, async () => writeFileSync(xlsxFile, await actionsXlsx(store, {})));
  line('Export XLSX des actions (médiane de 3)', seconds(xlsx.seconds), '< 2 s', xlsx.seconds < 2);
  console.log(`  (${megabytes(statSync(xlsxFile).size)} ; temps processeur ${seconds(xlsx.cpu)})`);
  const csvFile = join(dir, 'actions.csv');
  const csv = await median(3, () => writeFileSync(csvFile, actionsCsv(store, {})));
  line('Export CSV des actions (médiane de 3)', seconds(csv.seconds));
  console.log(`  (temps processeur ${seconds(csv.cpu)})`);
  const planFile = join(dir, 'plan.xlsx');
  const plan = await median(1, async () => writeFileSync(planFile, await planXlsx(store)));
  line(`Plan d'actions XLSX (${CHANTIERS} feuilles)`, seconds(plan.seconds));

  const bytes = readFileSync(await writeImportFile(store, dir));
  // Three imports, each into a new project: the median one is shown.
  const runs: ImportRun[] = [];
  for (let i = 0; i < 3; i++) runs.push(await importOnce(bytes, join(dir, `import-${i}.sqlite`)));
  const middle = [...runs].sort((x, y) => x.total - y.total)[1];
  line(
    `Import de ${middle.imported} lignes XLSX (lecture, aperçu, « Importer » ; médiane de 3)`,
    seconds(middle.total),
    '< 3 s',
    middle.total < 3 && middle.imported === ACTIONS,
  );
  line('  dont lecture du fichier', seconds(middle.read));
  line('  dont aperçu (contrôle des lignes)', seconds(middle.preview));
  line('  dont « Importer » (contrôle, écriture)', seconds(middle.applied));
  console.log(
    `  (temps processeur de « Importer » ${seconds(middle.cpu)} ; ${middle.peopleCreated} pilotes créés ; ` +
      `les trois : ${runs.map((run) => seconds(run.total)).join(', ')})`,
  );

  const folder = join(dir, 'export-all');
  const all = await median(1, () => exportAll(store, folder));
  line('Exporter tout (dossier complet)', seconds(all.seconds));
  console.log(`  (${all.result.files.length} fichiers, ${megabytes(folderSize(folder))})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
