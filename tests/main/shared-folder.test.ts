// The shared folder's watch (main/sync/shared-folder.ts), on real files: Entente's files start
// a round, other files of the folder do not (a data folder inside it would start one at each
// write), and the folder chosen later is watched without restarting the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { SharedFolderWatcher } from '../../main/sync/shared-folder';
import { tempDir } from '../db/helpers';

const watchers: SharedFolderWatcher[] = [];
afterEach(() => watchers.splice(0).forEach((watcher) => watcher.stop()));

/** A watcher of `folder()`, counting its rounds, started and its first round done. */
async function watching(folder: () => string | null): Promise<{ watcher: SharedFolderWatcher; rounds: () => number }> {
  let rounds = 0;
  const watcher = new SharedFolderWatcher(folder, async () => void rounds++);
  watchers.push(watcher);
  watcher.start();
  await expect.poll(() => rounds, { timeout: 5000 }).toBe(1);
  return { watcher, rounds: () => rounds };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 3000));

test("un fichier d'Entente arrivé dans le dossier fait un passage ; un autre fichier du dossier, non", { timeout: 20_000 }, async () => {
  const share = tempDir();
  mkdirSync(join(share, 'entente-p-coop-37-41', 'k3j9x2m4p8qa'), { recursive: true });
  const { rounds } = await watching(() => share);
  writeFileSync(join(share, 'entente.sqlite-wal'), 'une base posée là par erreur');
  writeFileSync(join(share, 'Compte rendu.docx'), 'un document du service');
  await settled();
  expect(rounds()).toBe(1);
  writeFileSync(join(share, 'entente-p-coop-37-41', 'k3j9x2m4p8qa', '00000001.entente'), 'fichier arrivé');
  await expect.poll(rounds, { timeout: 5000 }).toBe(2);
});

test('le dossier choisi ensuite est surveillé sans redémarrer', { timeout: 20_000 }, async () => {
  const share = tempDir();
  let chosen: string | null = null;
  const { watcher, rounds } = await watching(() => chosen);
  chosen = share;
  watcher.follow();
  writeFileSync(join(share, 'entente-p-coop-37-41'), '');
  await expect.poll(rounds, { timeout: 5000 }).toBe(2);
});
