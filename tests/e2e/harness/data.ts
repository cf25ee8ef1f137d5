// Data folders for the specs: prepared with the real CLI (dist/cli/entente.cjs) before the
// app starts on them, and copied when several tests need the same starting data.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { databaseFile } from '../../../db/paths';
import { Store } from '../../../db/store/store';
import { newDataDir } from './launch';

const CLI = resolve(__dirname, '../../../dist/cli/entente.cjs');

/** Runs `entente --data DIR ...args` and answers its standard output, trimmed. */
export function cli(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--data', dataDir, ...args], { encoding: 'utf8' }).trim();
}

/** The CLI with a project passphrase in its environment (exports, invitations). */
export function cliWithPassphrase(dataDir: string, passphrase: string, ...args: string[]): string {
  return cliWithEnv(dataDir, { ENTENTE_PASSPHRASE: passphrase }, ...args);
}

/** The CLI with more in its environment (a new passphrase: ENTENTE_NEW_PASSPHRASE). */
export function cliWithEnv(dataDir: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--data', dataDir, ...args], { encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

export const ME = { name: 'Claire Martin', function: 'Cheffe de projet', partner: '37' };

/** A data folder past its first start: the default project, used by Claire Martin (37). */
export function initData(dataDir = newDataDir()): string {
  cli(dataDir, 'init', '--as', ME.name, '--partner', ME.partner, '--function', ME.function);
  return dataDir;
}

/** Adds an action with the CLI (chantier by number) and answers its id. */
export function addAction(dataDir: string, chantier: number, title: string, ...fields: string[]): string {
  return cli(dataDir, 'action', 'add', '--chantier', String(chantier), '--title', title, ...fields);
}

const prepared = new Map<string, string>();

/**
 * A fresh copy of a data folder that `prepare` fills once per worker: tests needing the same
 * data share its preparation, never its files.
 */
export function copyOfPrepared(key: string, prepare: (dataDir: string) => void): string {
  let template = prepared.get(key);
  if (!template) {
    template = mkdtempSync(join(tmpdir(), `entente-modele-${key}-`));
    prepared.set(key, template);
    prepare(template);
  }
  const copy = newDataDir();
  cpSync(template, copy, { recursive: true });
  return copy;
}

/** Removes the prepared folders, with the worker (ENTENTE_E2E_KEEP=1 keeps them). */
export function removeTemplates(): void {
  if (process.env.ENTENTE_E2E_KEEP !== '1') for (const dir of prepared.values()) rmSync(dir, { recursive: true, force: true });
  prepared.clear();
}

/** Works on the folder's database with db/ itself, in this process (the app must not be running on it). */
export function withStore<T>(dataDir: string, work: (store: Store) => T): T {
  const store = Store.open(databaseFile(dataDir));
  try {
    return work(store);
  } finally {
    store.close();
  }
}

/** The actions as the CLI lists them (read beside the running app: SQLite in WAL mode allows it). */
export function listActions(
  dataDir: string,
): { id: string; title: string; status: string | null; progress: number; end_date: string | null; start_date: string | null }[] {
  return JSON.parse(cli(dataDir, 'action', 'list', '--json'));
}

/** A date as the app shows it: « 26 nov. 2026 » (Intl's French, not the app's own formatter). */
export function frenchDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
  // « 1er déc. 2026 », as the app writes the first of the month.
  return day === 1 ? date.replace(/^1 /, '1er ') : date;
}

/** Today, YYYY-MM-DD, in the app window's time zone (Europe/Paris). */
export function todayInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}
