// `npm run bench:responsive`: does the app stay responsive while it imports a large sync
// file? The app's own path (main/sync/jobs.ts: a worker thread with its own connection)
// imports 100 000 changes while this process, standing for Electron's main process, keeps
// reading the tableau de bord every 25 ms, as the window would ask for it. Printed: the
// main thread's longest stall and the reads' times during the import, and the same
// import run on the main thread for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SEED_ORIGIN } from '../db/project/setup';
import { cooperationDashboard } from '../db/chantiers/dashboard';
import { exportFile, importFile } from '../db/sync/exchange';
import { keyringData } from '../db/sync/keys';
import { keyringOf } from '../db/sync/passphrase';
import { Session } from '../main/session';
import { SyncJobs } from '../main/sync/jobs';
import type { SyncProgress } from '../preload/contract';
import { Worker } from './work';

const PASSPHRASE = 'coopération 37-41 printemps';
const CHANGES = 100_000;
const READ_EVERY_MS = 25;
const WORKER_FILE = resolve(__dirname, '../main/sync-worker.cjs');

const fr = (value: number, digits = 0) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

function line(label: string, value: string, target?: string, met?: boolean): void {
  const verdict = target === undefined ? '' : `   objectif ${target} : ${met ? 'atteint' : 'MANQUÉ'}`;
  console.log(`${label.padEnd(56)} ${value.padStart(14)}${verdict}`);
}

/** A file of CHANGES changes written by a colleague's laptop, for a laptop that has only the seed. */
function largeFile(dir: string): Buffer {
  const author = new Worker(join(dir, 'auteur.sqlite'), 'Julien Petit', '41', 7, Date.UTC(2025, 8, 1, 7));
  author.writeExactly(CHANGES, { createEvery: 12 });
  const seedHeld = { [SEED_ORIGIN]: author.store.log.versionVector()[SEED_ORIGIN] };
  const { bytes } = exportFile(author.store, { secret: PASSPHRASE, basedOn: seedHeld });
  author.store.close();
  return bytes;
}

function newLaptop(dir: string): Session {
  const session = new Session(dir, 'bench');
  session.open();
  session.completeFirstStart({ name: 'Claire Martin', function: null, partner_id: 'd37' });
  return session;
}

/** Reads the tableau de bord every READ_EVERY_MS until `done` settles; answers the reads' times and the main thread's stalls. */
async function readWhile(session: Session, done: Promise<unknown>) {
  const reads: number[] = [];
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const start = performance.now();
    cooperationDashboard(session.requireStore());
    reads.push(performance.now() - start);
    await new Promise((wake) => setTimeout(wake, READ_EVERY_MS));
  }
  stalls.disable();
  return { reads, longestStallMs: stalls.max / 1e6 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-reactivite-'));
  try {
    const bytes = largeFile(dir);
    console.log(`Fichier d'échange de ${fr(CHANGES)} modifications (${fr(bytes.length / 1024 / 1024, 1)} Mo).\n`);

    // The app's path: the import in the sync worker, the main thread free.
    const session = newLaptop(join(dir, 'poste-app'));
    const updates: SyncProgress[] = [];
    const jobs = new SyncJobs(
      session,
      WORKER_FILE,
      (progress) => progress && updates.push(progress),
      () => undefined,
    );
    const start = performance.now();
    const job = jobs.run<{ applied: number }>({ kind: 'import', bytes, keys: keyringData(keyringOf(session.requireStore(), PASSPHRASE)) });
    const during = await readWhile(session, job);
    const importMs = performance.now() - start;
    const applied = (await job).value.applied;
    console.log("Import par l'application (fil d'exécution à part)");
    line('  durée', `${fr(importMs / 1000, 2)} s`);
    line('  modifications appliquées', fr(applied));
    line('  mises à jour de la barre de progression', fr(updates.length));
    line("  lectures du tableau de bord pendant l'import", fr(during.reads.length));
    line('  lecture : médiane', `${fr(percentile(during.reads, 0.5), 1)} ms`);
    line('  lecture : 95e centile', `${fr(percentile(during.reads, 0.95), 1)} ms`, '< 100 ms', percentile(during.reads, 0.95) < 100);
    line('  plus long blocage du processus principal', `${fr(during.longestStallMs)} ms`, '< 250 ms', during.longestStallMs < 250);
    session.close();

    // For comparison: the same import on the main thread, which nothing can interrupt.
    const other = newLaptop(join(dir, 'poste-bloquant'));
    const store = other.requireStore();
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const blockedStart = performance.now();
    await new Promise<void>((done) => setTimeout(() => (importFile(store, bytes, PASSPHRASE), done()), 10));
    const blockedMs = performance.now() - blockedStart;
    await new Promise((wake) => setTimeout(wake, 20));
    stalls.disable();
    other.close();
    console.log('\nLe même import sur le fil principal (pour comparaison)');
    line('  durée', `${fr(blockedMs / 1000, 2)} s`);
    line('  plus long blocage du processus principal', `${fr(stalls.max / 1e6)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
