// Data folders for the specs: prepared with the real CLI (dist/cli/entente.cjs) before the
// app starts on them, and copied when several tests need the same starting data.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newDataDir } from './launch';

const CLI = resolve(__dirname, '../../../dist/cli/entente.cjs');

/** Runs `entente --data DIR ...args` and answers its standard output, trimmed. */
export function cli(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, '--data', dataDir, ...args], { encoding: 'utf8' }).trim();
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
    prepare(template);
    prepared.set(key, template);
  }
  const copy = newDataDir();
  cpSync(template, copy, { recursive: true });
  return copy;
}
