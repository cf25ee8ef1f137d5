// The shared folder's file numbers (db/sync/folder.ts): a laptop takes a number before it writes
// the file, so an app stopped in between (quit, switched off) leaves a number unused, never a file
// of its own beyond its counter, which the next round would take for a copied laptop's.
import { basename, join } from 'node:path';
import { readdirSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { addNote, updateAction } from '../../db/actions/writes';
import { toUserError } from '../../db/errors';
import { dump } from '../../db/project/dump';
import { syncFolder } from '../../db/sync/folder';
import { newReplica, tempDir } from './helpers';

const files = vi.hoisted(() => ({
  failNext: false,
  failWith: undefined as Error | undefined,
  beforeWrite: undefined as ((target: string) => void) | undefined,
}));
vi.mock('../../db/files', async (original) => {
  const real = await original<typeof import('../../db/files')>();
  return {
    ...real,
    writeFileAtomically: (target: string, bytes: Buffer | string) => {
      if (!target.endsWith('.entente')) return real.writeFileAtomically(target, bytes);
      files.beforeWrite?.(target);
      if (files.failNext) {
        files.failNext = false;
        throw files.failWith ?? new Error('poste arrêté pendant l’écriture');
      }
      real.writeFileAtomically(target, bytes);
    },
  };
});

const PASSPHRASE = 'dossier partagé 37-41';

test('le numéro du fichier est enregistré, et sur le disque, avant que le fichier soit écrit', () => {
  const folder = tempDir();
  const a = newReplica('Claire Martin', '37');
  const counted: [file: string, counter: string | undefined][] = [];
  files.beforeWrite = (target) => {
    counted.push([basename(target), a.localState(`folder-counter:${a.replicaId}`)]);
    // Forced to disk just before (Store.syncToDisk), then back to the usual setting.
    expect(Date.now() - Date.parse(a.localState('synced_to_disk_at') ?? '')).toBeLessThan(5000);
    expect(a.db.pragma('synchronous', { simple: true })).toBe(1);
  };
  syncFolder(a, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  files.beforeWrite = undefined;
  expect(counted).toEqual([
    ['00000001.entente', '1'],
    ['00000002.entente', '2'],
  ]);
});

test('un tour arrêté pendant l’écriture de son fichier : le tour suivant reprend, sans se croire copié', () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  syncFolder(a, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { status: 'en_cours' });
  files.failNext = true;
  // Stopped while writing: the round says why, after what it read.
  expect(syncFolder(a, folder, PASSPHRASE).stopped?.message).toContain('poste arrêté');

  const next = syncFolder(a, folder, PASSPHRASE);
  expect(next.written?.file).toBe(`${a.replicaId}/00000003.entente`);
  expect(readdirSync(join(folder, 'entente-p-coop-37-41', a.replicaId!)).sort()).toEqual(['00000001.entente', '00000003.entente']);
  syncFolder(b, folder, PASSPHRASE);
  syncFolder(a, folder, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
});

test('le disque du dossier partagé plein : le message nomme le dossier, ce que le tour a lu reste ; le tour suivant publie', () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  syncFolder(a, folder, PASSPHRASE);
  addNote(b, 'a3-1', { text: 'Visite de la légumerie de Blois', date: '2026-11-18' });
  syncFolder(b, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { status: 'en_cours' });
  // What writeFileAtomically throws when the system says ENOSPC.
  files.failWith = toUserError(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
  files.failNext = true;
  expect(syncFolder(a, folder, PASSPHRASE).stopped?.message).toContain(
    `Impossible d'écrire dans le dossier partagé ${folder} : le disque qui le porte est plein. Ce que ce passage a lu des autres ordinateurs est enregistré`,
  );
  files.failWith = undefined;
  expect(a.db.prepare("SELECT count(*) FROM note WHERE action_id = 'a3-1' AND text LIKE 'Visite%'").pluck().get()).toBe(1);
  expect(syncFolder(a, folder, PASSPHRASE).written).not.toBeNull();
  syncFolder(b, folder, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
});
