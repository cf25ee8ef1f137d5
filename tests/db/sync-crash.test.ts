// An import killed at any moment (SIGKILL: no handler runs) leaves the replica as it was
// before, or as a complete import leaves it, never in between (docs/sync.md §3), and the
// SQLite file stays sound. The import runs in a real `entente` process, with the real key
// derivation.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { dump } from '../../db/project/dump';
import { createAction, updateAction } from '../../db/actions/writes';
import { databaseFile } from '../../db/paths';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { ACTION_STATUSES } from '../../common/vocabulary';
import { buildCli, newReplica, tempDir, track } from './helpers';

let CLI: string;
const PASSPHRASE = 'coupure brutale 37-41';
const ITERATIONS = 15;

beforeAll(async () => {
  CLI = await buildCli('sync-crash');
}, 60_000);

const env = { ...process.env, ENTENTE_PASSPHRASE: PASSPHRASE };

function importWithCli(dataDir: string, file: string) {
  const result = spawnSync(process.execPath, [CLI, '--data', dataDir, 'import', file], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts an import and kills it with SIGKILL after `delay` ms; resolves when the process is gone. */
function importKilledAfter(dataDir: string, file: string, delay: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, '--data', dataDir, 'import', file], { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal });
    });
  });
}

/** Opens a data folder, checks the SQLite file, returns its dump. */
function inspect(dataDir: string): string {
  const store = track(Store.open(databaseFile(dataDir)));
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    return dump(store);
  } finally {
    store.close();
  }
}

/** A copy of a closed data folder. */
function copyOf(dataDir: string): string {
  const copy = tempDir();
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

/** Deterministic delays (the test must be reproducible in what it asks, if not in timing). */
function delays(count: number, max: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length: count }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // Spread over the whole run, each slice of [0, max] visited once, at a random place in it.
    return Math.round(((i + state / 2147483648) / count) * max);
  });
}

describe('import interrompu', { timeout: 120_000 }, () => {
  test(`${ITERATIONS} imports tués (SIGKILL) à un moment quelconque : base intacte, état d'avant ou d'après, jamais entre les deux`, async () => {
    // A: 800 new actions and their edits: about 9,000 changes, more than SQLite's page cache
    // holds, so that pages reach the WAL before the commit.
    const aDir = tempDir();
    const a = newReplica('Claire Martin', '37', aDir);
    const created: string[] = [];
    a.transaction(() => {
      for (let i = 0; i < 800; i++) created.push(createAction(a, { chantier_id: `c${(i % 9) + 1}`, title: `Action importée n° ${i + 1}` }));
      created.forEach((id, i) => updateAction(a, id, { status: ACTION_STATUSES[i % ACTION_STATUSES.length], progress: i % 101 }));
      updateAction(a, 'a4-1', { status: 'en_cours' });
    });
    const exported = exportFile(a, { secret: PASSPHRASE });
    expect(exported.header.count).toBeGreaterThan(8000);
    const file = join(tempDir(), 'poste-A.entente');
    writeFileSync(file, exported.bytes);
    a.close();

    // B: its own history, including an edit of the same field (a conflict after the import).
    const bDir = tempDir();
    const b = newReplica('Nadia Benali', '41', bDir);
    updateAction(b, 'a4-1', { status: 'bloque' });
    const before = dump(b);
    b.close();

    // The state after a complete import, and how long one takes in its own process.
    const completeDir = copyOf(bDir);
    const started = Date.now();
    const complete = importWithCli(completeDir, file);
    const duration = Date.now() - started;
    expect(complete.stderr).toBe('');
    expect(complete.code).toBe(0);
    const after = inspect(completeDir);
    expect(after).not.toBe(before);
    expect(JSON.parse(after).conflicts).toEqual([expect.objectContaining({ row_id: 'a4-1', field: 'status' })]);

    // In the test process, the same import gives the same state.
    const inProcessDir = copyOf(bDir);
    const inProcess = track(Store.open(databaseFile(inProcessDir)));
    const inProcessStart = Date.now();
    importFile(inProcess, exported.bytes, PASSPHRASE);
    const inProcessDuration = Date.now() - inProcessStart;
    expect(dump(inProcess)).toBe(after);
    inProcess.close();

    // Kills spread over the whole run and a little beyond; the import's own transaction is
    // its last part (after Node's start and the key derivation).
    // Then the last kills home in on the moment the import commits (bisection between the
    // latest kill that left the state before and the earliest that left it after).
    const outcomes = { before: 0, after: 0 };
    const runs: { delay: number; code: number | null; signal: NodeJS.Signals | null; walLeft: boolean; state: 'before' | 'after' }[] = [];
    const spread = delays(ITERATIONS - 5, duration * 1.1);
    let latestBefore = 0;
    let earliestAfter = duration * 1.5;
    for (let i = 0; i < ITERATIONS; i++) {
      const delay = i < spread.length ? spread[i] : Math.round((latestBefore + earliestAfter) / 2);
      const dir = copyOf(bDir);
      const exit = await importKilledAfter(dir, file, delay);
      // A WAL file left behind: the process was killed with the database open (a clean close removes it).
      const walLeft = existsSync(`${databaseFile(dir)}-wal`);
      const state = inspect(dir);
      expect([before, after]).toContain(state);
      const outcome = state === before ? 'before' : 'after';
      runs.push({ delay, ...exit, walLeft, state: outcome });
      outcomes[outcome]++;
      if (state === before) latestBefore = Math.max(latestBefore, delay);
      else earliestAfter = Math.min(earliestAfter, delay);
      // Whatever the moment of the kill, importing the file again completes the import.
      if (state === before && outcomes.before <= 3) {
        expect(importWithCli(dir, file).code).toBe(0);
        expect(inspect(dir)).toBe(after);
      }
    }
    console.info(
      `import complet : ${duration} ms (dont ${inProcessDuration} ms d'import dans ce processus) ; après SIGKILL : ` +
        `${outcomes.before} états d'avant, ${outcomes.after} d'après ; ` +
        `bascule entre ${latestBefore} et ${earliestAfter} ms`,
    );
    // Each outcome against how its process ended: a kill may leave either state, but an import
    // that ended by itself (the kill came too late) must have exited 0 and left the state after;
    // an import that failed on its own would also leave the state before, and prove nothing.
    for (const run of runs.filter((r) => r.signal !== 'SIGKILL')) {
      expect(run, `import non tué (délai ${run.delay} ms)`).toMatchObject({ signal: null, code: 0, state: 'after' });
    }
    // The kills reached the import itself, not only Node's start: at least one killed the process
    // with the database open, and that left the state before.
    expect(runs.filter((r) => r.signal === 'SIGKILL' && r.walLeft && r.state === 'before').length).toBeGreaterThan(0);
  });

  test('importer deux fois le même fichier ne change rien', () => {
    const a = newReplica('Claire Martin', '37');
    const ids = Array.from({ length: 20 }, (_, i) => createAction(a, { chantier_id: 'c2', title: `Action ${i + 1}` }));
    for (const id of ids) updateAction(a, id, { progress: 40 });
    const file = join(tempDir(), 'poste-A.entente');
    writeFileSync(file, exportFile(a, { secret: PASSPHRASE }).bytes);

    const bDir = tempDir();
    newReplica('Nadia Benali', '41', bDir).close();
    expect(importWithCli(bDir, file)).toMatchObject({ code: 0, stderr: '' });
    const once = inspect(bDir);
    const again = importWithCli(bDir, file);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(inspect(bDir)).toBe(once);

    const b = track(Store.open(databaseFile(bDir)));
    expect(importFile(b, readFileSync(file), PASSPHRASE).applied).toBe(0);
    expect(dump(b)).toBe(once);
  });
});
