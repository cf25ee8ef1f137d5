import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Change } from '../../db/store/changelog';
import { createCooperation, type CooperationInput } from '../../db/project/new-project';
import { initReplica } from '../../db/project/setup';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';

const open: Store[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const store of open.splice(0)) if (store.db.open) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-test-'));
  dirs.push(dir);
  return dir;
}

/** A store closed after the test. */
export function track(store: Store): Store {
  open.push(store);
  return store;
}

/** A new replica of the default project, as a first start makes it; `now` is its wall clock. */
export function newReplica(name = 'Claire Martin', partner = '37', dir = tempDir(), now?: () => number): Store {
  const store = track(Store.open(join(dir, 'entente.sqlite'), { now }));
  initReplica(store, { name, function: 'Cheffe de projet', partner });
  return store;
}

/** A cooperation of a Département, an EPCI and a commune: not only Départements, so nothing is « interdépartemental ». */
export const TOURAINE: CooperationInput = {
  name: 'Coopération Touraine – Vallée du Cher',
  partners: [
    { kind: 'departement', name: "Département d'Indre-et-Loire", short_name: 'Indre-et-Loire', code: '37' },
    { kind: 'epci', name: 'Communauté de communes Bléré – Val de Cher', short_name: 'CC Bléré – Val de Cher', code: 'CCBVC' },
    { kind: 'commune', name: 'Commune de Chenonceaux', short_name: 'Chenonceaux', code: 'CHEN' },
  ],
  chantiers: ['Mobilités le long du Cher', '', '  Tourisme et patrimoine  '],
};
export const ELISE = { name: 'Élise Moreau', function: 'Chargée de mission', partner: 'CCBVC' };

/** The first laptop of a new cooperation, as « Créer une autre coopération » makes it: TOURAINE, by Élise Moreau, unless told. */
export function newCooperation(input: CooperationInput = TOURAINE, identity = ELISE, dir = tempDir()): Store {
  const store = track(Store.open(join(dir, 'entente.sqlite')));
  createCooperation(store, input, identity);
  return store;
}

export function allChanges(store: Store): Change[] {
  return [...store.log.changes()];
}

/** Gives `to` every change `from` holds, as a sync file would. */
export function sendAll(from: Store, to: Store): number {
  return to.applyChanges(allChanges(from));
}

export function changeCount(store: Store): number {
  return store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
}

/** Deterministic shuffle (the tests must be reproducible). */
export function shuffled<T>(items: T[], seed = 42): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * The entente command bundled as `npm run build:node` bundles it, into a folder named for
 * the test file: test files may build it at the same time, and dist/ is left to the real
 * build. Under this checkout's .cache (not node_modules, which worktrees share), where it
 * finds better-sqlite3 in the checkout's node_modules.
 */
export async function buildCli(testFile: string): Promise<string> {
  const outfile = resolve(__dirname, '../../.cache/entente-cli', testFile, 'entente.cjs');
  await build({
    entryPoints: [resolve(__dirname, '../../db/cli/entente.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    banner: { js: '#!/usr/bin/env node' },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs the bundled command (buildCli) on a data folder, as a user would. */
export function runCli(cli: string, dataDir: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--data', dataDir, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What the command printed, once it has succeeded without a word on stderr. */
export function cliOutput(cli: string, dataDir: string, ...args: string[]): string {
  const result = runCli(cli, dataDir, ...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const MEETING_PASSPHRASE = 'une phrase de passe commune';

/** Claire Martin's laptop (37) and Marc Petit's (41), that have exchanged everything once. */
export function twoReplicas(claireNow?: () => number, marcNow?: () => number): [Store, Store] {
  const claire = newReplica('Claire Martin', '37', undefined, claireNow);
  const marc = newReplica('Marc Petit', '41', undefined, marcNow);
  sendAll(claire, marc);
  sendAll(marc, claire);
  return [claire, marc];
}

/** A sync file each way, `a`'s first. */
export function meet(a: Store, b: Store): void {
  importFile(b, exportFile(a, { secret: MEETING_PASSPHRASE }).bytes, MEETING_PASSPHRASE);
  importFile(a, exportFile(b, { secret: MEETING_PASSPHRASE }).bytes, MEETING_PASSPHRASE);
}
