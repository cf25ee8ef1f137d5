// `npm run bench:sync`: the speed of sync files, printed with their targets. Import and
// export of a file of 100 000 changes, the size of the small files a day of work makes,
// and a shared folder of 10 laptops. Exits non-zero only if something crashes or diverges.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { brotliCompressSync } from 'node:zlib';
import { dump } from '../db/project/dump';
import { SHARED_SCHEMA_VERSION } from '../db/store/migrations';
import { SEED_ORIGIN } from '../db/project/setup';
import { Store } from '../db/store/store';
import { exportFile, importFile } from '../db/sync/exchange';
import { syncFolder } from '../db/sync/folder';
import { CHAIN_BYTES, changesOf, SIGNATURE_BYTES } from '../db/sync/body';
import { decodeSyncFile, readSyncHeader } from '../db/sync/format';
import { derivedKey, forgetProjectKeys, projectKey } from '../db/sync/keys';
import { keyringOf } from '../db/sync/passphrase';
import { compareWithAutomerge } from './automerge';
import { PASSPHRASE, Worker } from './work';
const FILE_CHANGES = 100_000;
const FOLDER_REPLICAS = 10;
const FOLDER_CHANGES = 10_000;
/** Each timing is the median of this many runs. */
const RUNS = 5;
const START = Date.UTC(2025, 8, 1, 7);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fr = (value: number, digits = 0) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (milliseconds: number) => `${fr(milliseconds / 1000, 2)} s`;
const rate = (count: number, milliseconds: number) => count / (milliseconds / 1000);

/**
 * Removes a measure's databases once done with, so that the system is not still writing them
 * to disk during the next measure (it drops what it had not written yet).
 */
function discard(dir: string, names: RegExp): void {
  for (const name of readdirSync(dir)) if (names.test(name)) rmSync(join(dir, name), { recursive: true });
}

/** Puts the files already written on disk before a measure starts, not during it. */
function settle(dir: string): void {
  for (const name of readdirSync(dir)) {
    const fd = openSync(join(dir, name), 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
}

function line(label: string, value: string, target?: string, met?: boolean): void {
  const verdict = target === undefined ? '' : `   objectif ${target} : ${met ? 'atteint' : 'MANQUÉ'}`;
  console.log(`${label.padEnd(56)} ${value.padStart(16)}${verdict}`);
}

/** Runs `work` once, timed, on a fresh `setup()` (not timed). */
function timedOnce<S, R>(setup: () => S, work: (state: S) => R): { ms: number; result: R } {
  const state = setup();
  const start = process.hrtime.bigint();
  const result = work(state);
  return { ms: ms(start), result };
}

/** The median time of RUNS runs, and the last result (only: the others would weigh on the heap). */
function timed<S, R>(setup: () => S, work: (state: S) => R): { ms: number; result: R } {
  const times: number[] = [];
  let result!: R;
  for (let i = 0; i < RUNS; i++) ({ ms: times[i], result } = timedOnce(setup, work));
  return { ms: median(times), result };
}

/** What each of two laptops lacks of the other's log, in a sync file (signed runs, as the app writes them). */
function exchange(a: Worker, b: Worker): void {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ]) {
    importFile(to.store, exportFile(from.store, { secret: from.keyring, basedOn: to.store.log.versionVector() }).bytes, to.keyring);
  }
}

interface History {
  /** What a new laptop holds: the seed. */
  seedHeld: Record<string, number>;
  /** The wall clock of the laptops at the end of the history. */
  endMs: number;
}

function main(): void {
  const [mode, dir] = process.argv.slice(2);
  if (mode === '--fichier') return largeFile(dir);
  if (mode === '--dossier') return sharedFolder(dir);
  if (mode === '--ensemble') return void sharedFolderAtOnce(dir).then((agree) => agree || (process.exitCode = 1));
  if (mode === '--poste') return void laptop(dir, Number(process.argv[4]));
  if (mode === '--automerge') {
    return void compareWithAutomerge(dir).then((agree) => {
      if (!agree) process.exitCode = 1;
    });
  }
  const root = mkdtempSync(join(tmpdir(), 'entente-bench-sync-'));
  try {
    history(root);
    // Measured in fresh processes: their memory is the app's, not the generator's.
    for (const step of ['--fichier', '--dossier', '--ensemble', '--automerge']) {
      const child = spawnSync(process.execPath, [__filename, step, root], { stdio: 'inherit' });
      if (child.status !== 0) process.exitCode = 1;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`Charge de la machine à la fin : ${fr(loadavg()[0], 1)} pour ${availableParallelism()} processeur(s).`);
}

/**
 * Two laptops (37 and 41) build a project over months, meeting every three days: actions
 * created with their pilotes and steps, then statuts, avancement, notes, steps checked,
 * titles fixed, some of it concurrently (conflicts).
 */
function history(dir: string): void {
  const start = process.hrtime.bigint();
  const a = new Worker(join(dir, 'a.sqlite'), 'Claire Martin', '37', 1, START);
  const b = new Worker(join(dir, 'b.sqlite'), 'Julien Petit', '41', 2, START);
  const seedHeld = { [SEED_ORIGIN]: a.store.log.versionVector()[SEED_ORIGIN] };
  const total = () => a.written + b.written;
  for (let day = 1; total() < FILE_CHANGES - 1500; day++) {
    const setup = day <= 40;
    a.day({ create: setup ? 20 : 0, changes: setup ? 100 : 500 });
    b.day({ create: setup ? 8 : 0, changes: setup ? 40 : 200 });
    if (day % 3 === 0) {
      exchange(a, b);
      a.followAll();
      b.followAll();
    }
  }
  exchange(a, b);
  a.writeExactly(FILE_CHANGES - total());
  const count = (sql: string) => a.store.db.prepare(sql).pluck().get() as number;
  console.log(
    `Historique généré en ${seconds(ms(start))} : ${fr(FILE_CHANGES)} modifications de 2 postes, ` +
      `${fr(count("SELECT count(*) FROM changes WHERE entity = 'action' AND field = 'title' AND supersedes = '[]' AND origin <> 'seed'"))} actions créées, ` +
      `${fr(count("SELECT count(*) FROM changes WHERE entity = 'note' AND field = 'text'"))} notes, ` +
      `${fr(count('SELECT count(*) FROM conflict_fields'))} champs en conflit.`,
  );
  writeFileSync(join(dir, 'history.json'), JSON.stringify({ seedHeld, endMs: a.clock.ms } satisfies History));
  a.store.close();
  b.store.close();
  settle(dir);
}

/** Export of the whole history, import into a new laptop, and the small files of everyday work. */
function largeFile(dir: string): void {
  const { seedHeld, endMs } = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as History;
  const a = Store.open(join(dir, 'a.sqlite'));
  const keyring = keyringOf(a, PASSPHRASE);
  // Everything but the seed, which every laptop holds.
  const exported = timed(
    () => undefined,
    () => exportFile(a, { secret: keyring, basedOn: seedHeld }),
  );
  const { bytes, header } = exported.result;
  if (header.count !== FILE_CHANGES) throw new Error(`export : ${header.count} modifications`);
  const project = a.projectId as string;
  a.close();
  console.log(`\nFichier d'échange de ${fr(FILE_CHANGES)} modifications`);
  line('Export : temps', seconds(exported.ms));
  line('Export : débit', `${fr(rate(FILE_CHANGES, exported.ms))} modif./s`);
  line('Taille du fichier', `${fr(bytes.length / 1024 / 1024, 2)} Mo`);
  line('  soit par modification', `${fr(bytes.length / FILE_CHANGES, 1)} octets`);

  // The project key: scrypt once, when the passphrase is typed (the app then keeps the key).
  const scrypt = timed(
    () => forgetProjectKeys(),
    () => projectKey(PASSPHRASE, project),
  );
  const decoded = timed(
    () => undefined,
    () => decodeSyncFile(bytes, { keys: [derivedKey(PASSPHRASE, project)], project, schema: SHARED_SCHEMA_VERSION }),
  );
  const rows = changesOf(decoded.result.content.runs).map((c) => [c.origin, c.seq, c.hlc, c.entity, c.rowId, c.field, c.value, JSON.stringify(c.supersedes)]);

  // Import into new laptops that hold the seed only, each run paired with the floor: the
  // same rows into a bare table of the same columns, one transaction, in the same moment,
  // on a connection set as the import's (pages, cache, checkpoint after the measure: SQLite's
  // default would have the floor's commit copy its log into the file, which the import's does not).
  let files = 0;
  let receiver: Worker | undefined;
  const imports: number[] = [];
  const checkpoints: number[] = [];
  const bares: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    receiver?.store.close();
    discard(dir, /^(c|nu)\d+\./);
    // Its connection set as the app's sync worker sets it: the checkpoint comes after the answer.
    const run = timedOnce(
      () => {
        receiver = new Worker(join(dir, `c${files++}.sqlite`), 'Sophie Bernard', '37', 3, endMs);
        receiver.store.deferCheckpoints();
        return receiver;
      },
      (c) => importFile(c.store, bytes, c.keyring),
    );
    if (run.result.applied !== FILE_CHANGES) throw new Error(`import : ${run.result.applied} modifications appliquées`);
    imports.push(run.ms);
    checkpoints.push(
      timedOnce(
        () => receiver as Worker,
        (c) => c.store.checkpoint(),
      ).ms,
    );
    const floor = timedOnce(
      () => {
        const db = new Database(join(dir, `nu${files++}.sqlite`));
        db.pragma('page_size = 16384');
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('cache_size = -32768');
        db.pragma('wal_autocheckpoint = 8192');
        db.exec(`CREATE TABLE changes (origin TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, entity TEXT NOT NULL,
            row_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, supersedes TEXT NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID`);
        return db;
      },
      (db) => {
        const insert = db.prepare('INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        db.transaction(() => {
          for (const row of rows) insert.run(row);
        })();
        return db;
      },
    );
    // Closed after the measure: closing checkpoints the log.
    floor.result.close();
    bares.push(floor.ms);
  }
  const imported = median(imports);
  const applied = imported - decoded.ms;
  const bare = median(bares);
  const ratio = median(imports.map((time, i) => bares[i] / time));
  line('Import (importFile, tout compris) : temps', seconds(imported));
  line('Import : débit', `${fr(rate(FILE_CHANGES, imported))} modif./s`, '≥ 100 000 modif./s', rate(FILE_CHANGES, imported) >= 100_000);
  line('  dont décodage (clé du fichier, déchiffrement, brotli, corps binaire)', seconds(decoded.ms));
  line('  clé du projet (scrypt N = 2^17, une fois à la saisie de la phrase de passe)', seconds(scrypt.ms));
  line('  dont application (import − décodage)', seconds(applied));
  line('  puis point de contrôle du journal, après la réponse', seconds(median(checkpoints)));
  line('  application : débit', `${fr(rate(FILE_CHANGES, applied))} modif./s`);
  line('Référence : mêmes lignes, INSERT nus, une transaction', `${fr(rate(FILE_CHANGES, bare))} lignes/s`);
  line('Rapport import / référence', fr(ratio, 2), '≥ 0,35', ratio >= 0.35);
  line('Rapport application seule / référence', fr(median(imports.map((time, i) => bares[i] / (time - decoded.ms))), 2));

  typicalFiles(receiver as Worker, "\nFichiers d'une journée de travail (une personne, export incrémental, compressé et chiffré ; 4 postes dans le projet)", [
    [20, 20],
    [200, 10],
    [2000, 3],
  ]);
  receiver?.store.close();
  line('Mémoire (pic RSS de ce processus)', `${fr(process.resourceUsage().maxRSS / 1024)} Mo`);
  discard(dir, /^(c|nu)\d+\./);
}

/**
 * One person's ordinary work (statuts, avancement, a few notes, titles fixed, steps
 * checked), exported incrementally: the files a shared folder carries every day, each
 * saying what its writer holds where that changed since its previous one (as syncFolder
 * writes them). `others` work as much each day, and their files are read before. The
 * target (≤ 40 bytes a change for files of 20) is set for a project of 11 postes, `targeted`.
 */
function typicalFiles(
  worker: Worker,
  title: string,
  sizes: [size: number, files: number][],
  { others = [], targeted = false }: { others?: Worker[]; targeted?: boolean } = {},
): void {
  worker.followAll();
  console.log(title);
  for (const [size, count] of sizes) {
    let bytes = 0;
    let overhead = 0;
    let proofs = 0;
    let notes = 0;
    let identifiers = 0;
    let changes = 0;
    // What its previous file said it held.
    let previous = worker.store.log.versionVector();
    for (let i = 0; i < count; i++) {
      for (const other of others) {
        other.newDay();
        const until = other.written + size;
        while (other.written < until) other.session();
        const theirs = exportFile(other.store, { secret: other.keyring, basedOn: worker.store.log.versionVector() }).bytes;
        importFile(worker.store, theirs, worker.keyring, { named: false });
      }
      const held = worker.store.log.versionVector();
      worker.newDay();
      const target = worker.written + size;
      while (worker.written < target) worker.session();
      const { bytes: file, header, senderHeld: nowHeld } = exportFile(worker.store, { secret: worker.keyring, basedOn: held, heldSince: previous });
      previous = nowHeld;
      bytes += file.length;
      overhead += readSyncHeader(file).headerEnd + 16;
      changes += header.count;
      // What the file must carry whatever its encoding: each run's proof, and the text the person wrote.
      const { runs, senderHeld } = decodeSyncFile(file, { keys: worker.keyring.keys, project: worker.keyring.project, schema: SHARED_SCHEMA_VERSION }).content;
      for (const run of runs) proofs += (run.before ? CHAIN_BYTES : 0) + (run.signature ? SIGNATURE_BYTES : 0);
      // Each origin and row the file names, once: random identifiers of 12 characters in 36, 62 bits each.
      const named = new Set([
        ...Object.keys(senderHeld),
        ...changesOf(runs).flatMap((change) => [change.origin, change.rowId, ...change.supersedes.map(([origin]) => origin)]),
      ]);
      identifiers += (named.size * 62) / 8;
      const texts = changesOf(runs).filter((change) => change.entity === 'note' && change.field === 'text');
      notes += brotliCompressSync(texts.map((change) => JSON.parse(change.value) as string).join('\n')).length;
    }
    const perChange = bytes / changes;
    const label = `  ${count} fichiers d'environ ${fr(size)} modifications`;
    if (targeted && size === 20) line(label, `${fr(perChange, 1)} octets/modif.`, '≤ 40', perChange <= 40);
    else line(label, `${fr(perChange, 1)} octets/modif.`);
    line('    dont en-tête et étiquette GCM', `${fr(overhead / changes, 1)} octets/modif.`);
    line('    dont preuves (chaîne et signature de chaque suite)', `${fr(proofs / changes, 1)} octets/modif.`);
    line('    pour comparaison : le texte des notes seul, compressé', `${fr(notes / changes, 1)} octets/modif.`);
    line('    et les identifiants nommés (origines, lignes), 62 bits chacun', `${fr(identifiers / changes, 1)} octets/modif.`);
  }
}

/** Ten laptops, offline for a while, then each syncing through one shared folder until all hold everything. */
function sharedFolder(dir: string): void {
  let start = process.hrtime.bigint();
  const folder = join(dir, 'partage');
  mkdirSync(folder);
  const workers = Array.from(
    { length: FOLDER_REPLICAS },
    (_, i) => new Worker(join(dir, `poste-${i}.sqlite`), `Personne ${i}`, i % 2 ? '41' : '37', 100 + i, START),
  );
  for (const worker of workers) worker.writeExactly(FOLDER_CHANGES - worker.written, { createEvery: 8 });
  // The same laptops, as written offline, for the measure where they all sync at once.
  mkdirSync(join(dir, AT_ONCE, 'partage'), { recursive: true });
  workers.forEach((worker, i) => {
    worker.store.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [`poste-${i}.sqlite`, `poste-${i}.keys`]) copyFileSync(join(dir, file), join(dir, AT_ONCE, file));
  });
  settle(dir);
  console.log(
    `\nDossier partagé : ${FOLDER_REPLICAS} postes × ${fr(FOLDER_CHANGES)} modifications écrites hors ligne ` +
      `(générées en ${seconds(ms(start))}), puis syncFolder sur chaque poste, tour après tour`,
  );
  const holdsAll = () => {
    const vectors = workers.map((worker) => JSON.stringify(Object.entries(worker.store.log.versionVector()).sort()));
    return vectors.every((vv) => vv === vectors[0]);
  };
  let totalMs = 0;
  let untilAllMs: number | undefined;
  for (let round = 1; round <= 5; round++) {
    const times: number[] = [];
    let files = 0;
    let changes = 0;
    let written = 0;
    for (const worker of workers) {
      start = process.hrtime.bigint();
      // As the app's worker: given the keys main unlocked, it derives nothing.
      const result = syncFolder(worker.store, folder, worker.keyring);
      times.push(ms(start));
      files += result.imported.length;
      changes += result.imported.reduce((sum, summary) => sum + summary.applied, 0);
      if (result.written) written++;
    }
    const roundMs = times.reduce((sum, time) => sum + time, 0);
    totalMs += roundMs;
    if (untilAllMs === undefined && holdsAll()) untilAllMs = totalMs;
    line(`  tour ${round} : ${files} fichiers lus (${fr(changes)} modif.), ${written} écrits`, seconds(roundMs));
    console.log(`      par poste (s) : ${times.map((time) => fr(time / 1000, 2)).join(' ; ')}  (médiane ${seconds(median(times))})`);
    if (files === 0 && written === 0) break;
  }
  line('Dossier partagé : total, tour de vérification compris', seconds(totalMs));
  line("Un poste après l'autre : jusqu'à ce que tous aient tout", untilAllMs === undefined ? 'jamais' : seconds(untilAllMs));
  writeFileSync(join(dir, AT_ONCE, 'attendu.json'), JSON.stringify(workers[0].store.log.versionVector()));

  const digests = workers.map((worker) => createHash('sha256').update(dump(worker.store)).digest('hex'));
  const converged = holdsAll() && digests.every((digest) => digest === digests[0]);
  const held = workers[0].store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
  console.log(`convergence : ${converged ? 'oui' : 'non'} (${fr(held)} modifications chez chacun, états comparés par dump)`);
  // The header of a file carries what its writer holds from each laptop: it grows with their number.
  typicalFiles(
    workers[0],
    `Les mêmes fichiers dans ce projet de ${FOLDER_REPLICAS + 1} origines (${FOLDER_REPLICAS} postes et le jeu de départ)`,
    [
      [20, 20],
      [200, 10],
    ],
    { targeted: true },
  );
  typicalFiles(workers[0], 'Les mêmes, quand trois autres postes ont travaillé autant chaque jour, et leurs fichiers été lus avant', [[20, 20]], {
    others: workers.slice(1, 4),
  });
  for (const worker of workers) worker.store.close();
  line('Mémoire (pic RSS de ce processus)', `${fr(process.resourceUsage().maxRSS / 1024)} Mo`);
  discard(dir, /^(poste-\d+\.|partage$)/);
  if (!converged) process.exitCode = 1;
}

const AT_ONCE = 'ensemble';

/**
 * The same ten laptops syncing at the same time, one process each, as ten computers do
 * (here they share this machine's processors): each runs syncFolder, then again as soon as
 * a round read nothing new (the app waits for the folder to change), until it holds what
 * all wrote. Files appear while others list and read the folder, as on a real share.
 */
async function sharedFolderAtOnce(dir: string): Promise<boolean> {
  const at = join(dir, AT_ONCE);
  const children = Array.from({ length: FOLDER_REPLICAS }, (_, i) => {
    const child = spawn(process.execPath, [__filename, '--poste', at, String(i)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error(`le poste ${i} s'est arrêté`);
      return value as string;
    };
    return { child, next };
  });
  for (const { next } of children) await next(); // each has opened its base and unlocked its keys
  const start = process.hrtime.bigint();
  for (const { child } of children) child.stdin.end('go\n');
  const results = await Promise.all(
    children.map(async ({ next }) => {
      const report = JSON.parse(await next()) as { rounds: number; files: number; cpuMs: number };
      return { ...report, ms: ms(start) };
    }),
  );
  await Promise.all(children.map(({ child }) => new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)))));
  const untilAllMs = Math.max(...results.map((result) => result.ms));
  console.log(
    `\nLe même dossier partagé, les ${FOLDER_REPLICAS} postes en même temps (un processus chacun, ` +
      `sur les ${availableParallelism()} processeurs de cette machine), partis des mêmes bases`,
  );
  console.log(`      fin par poste (s) : ${results.map((result) => fr(result.ms / 1000, 2)).join(' ; ')}`);
  console.log(
    `      tours par poste : ${results.map((result) => result.rounds).join(' ; ')} ; fichiers lus en tout : ${results.reduce((sum, result) => sum + result.files, 0)}`,
  );
  line('  temps de calcul des postes, additionnés', seconds(results.reduce((sum, result) => sum + result.cpuMs, 0)));
  line("Tous en même temps : jusqu'à ce que tous aient tout", seconds(untilAllMs), '≤ 15 s', untilAllMs <= 15_000);
  const digests = Array.from({ length: FOLDER_REPLICAS }, (_, i) => {
    const store = Store.open(join(at, `poste-${i}.sqlite`));
    const digest = createHash('sha256').update(dump(store)).digest('hex');
    store.close();
    return digest;
  });
  const converged = digests.every((digest) => digest === digests[0]);
  console.log(`convergence : ${converged ? 'oui' : 'non'} (états comparés par dump)`);
  discard(dir, new RegExp(`^${AT_ONCE}$`));
  return converged;
}

/** One laptop of sharedFolderAtOnce: ready once its keys are unlocked, then syncs until it holds what all wrote. */
async function laptop(dir: string, index: number): Promise<void> {
  const expected = JSON.parse(readFileSync(join(dir, 'attendu.json'), 'utf8')) as Record<string, number>;
  const store = Store.open(join(dir, `poste-${index}.sqlite`));
  const keyring = keyringOf(store, PASSPHRASE);
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  console.log('prêt');
  await lines.next();
  const cpu = process.cpuUsage();
  let rounds = 0;
  let files = 0;
  const holdsAll = () => {
    const held = store.log.versionVector();
    return Object.entries(expected).every(([origin, seq]) => (held[origin] ?? 0) >= seq);
  };
  while (!holdsAll()) {
    const result = syncFolder(store, join(dir, 'partage'), keyring);
    rounds++;
    files += result.imported.length;
    if (result.imported.length === 0 && !holdsAll()) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ rounds, files, cpuMs: (used.user + used.system) / 1000 }));
  store.close();
}

main();
