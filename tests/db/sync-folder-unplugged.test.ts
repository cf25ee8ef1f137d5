// A shared folder on a network share, where every look at a file is a round trip: a round
// does not look again at the files it read before; and a share that goes away in the middle
// of a round (disconnected) stops it on one message, rather than set aside every file it had
// left to read.
import { join } from 'node:path';
import { renameSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { dump } from '../../db/project/dump';
import { syncFolder } from '../../db/sync/folder';
import { newReplica, tempDir } from './helpers';

const files = vi.hoisted(() => ({ beforeStat: undefined as ((path: string) => void) | undefined }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const statSync = ((path: string, ...rest: []) => {
    files.beforeStat?.(String(path));
    return real.statSync(path, ...rest);
  }) as typeof real.statSync;
  return { ...real, default: { ...real, statSync }, statSync };
});

const PASSPHRASE = 'dossier partagé 37-41';

test('le dossier partagé débranché pendant un tour : un seul message, aucun fichier mis de côté ; rebranché, tout arrive', () => {
  const [share, aside] = [tempDir(), tempDir()];
  const [a, b, c] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, share, PASSPHRASE);
  updateAction(b, 'a3-1', { progress: 20 });
  syncFolder(b, share, PASSPHRASE);
  // Gone as Marc's round reads its first file.
  files.beforeStat = (path) => {
    if (!path.endsWith('.entente')) return;
    files.beforeStat = undefined;
    renameSync(share, join(aside, 'partage'));
  };
  expect(() => syncFolder(c, share, PASSPHRASE)).toThrow(`Dossier partagé introuvable : ${share}.`);
  renameSync(join(aside, 'partage'), share);
  const round = syncFolder(c, share, PASSPHRASE);
  expect(round.postponed).toEqual([]);
  for (const store of [a, b, c]) syncFolder(store, share, PASSPHRASE);
  expect(dump(c)).toBe(dump(a));
  expect(dump(b)).toBe(dump(a));
});

test('un tour ne regarde plus les fichiers déjà lus : seul le nouveau est ouvert', () => {
  const share = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  for (const progress of [10, 20, 30]) {
    updateAction(a, 'a3-1', { progress });
    syncFolder(a, share, PASSPHRASE);
  }
  syncFolder(b, share, PASSPHRASE);
  updateAction(a, 'a3-1', { progress: 40 });
  syncFolder(a, share, PASSPHRASE);
  const looked: string[] = [];
  files.beforeStat = (path) => {
    if (path.endsWith('.entente')) looked.push(path.slice(share.length + 1));
  };
  const round = syncFolder(b, share, PASSPHRASE);
  files.beforeStat = undefined;
  expect(looked).toEqual([`entente-p-coop-37-41/${a.replicaId}/00000004.entente`]);
  expect(round.imported.map((file) => file.file)).toEqual([`${a.replicaId}/00000004.entente`]);
});
