import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { addNote, updateAction } from '../../db/actions/writes';
import { dump } from '../../db/project/dump';
import { Store } from '../../db/store/store';
import { syncFolder } from '../../db/sync/folder';
import { newReplica, tempDir, track } from './helpers';

const PASSPHRASE = 'dossier partagé 37-41';

test('trois postes sur un dossier partagé finissent avec le même état, sans rien réécrire en double', () => {
  const folder = tempDir();
  const [a, b, c] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  addNote(b, 'a3-1', { text: 'Visite de la légumerie de Blois', date: '2026-11-18' });
  const fromB = syncFolder(b, folder, PASSPHRASE);
  expect(fromB.imported.map((file) => file.sender_label)).toEqual(['poste de Claire Martin (Indre-et-Loire)']);
  syncFolder(c, folder, PASSPHRASE);
  for (const store of [a, b, c]) syncFolder(store, folder, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
  expect(dump(c)).toBe(dump(a));
  // Nothing new: a further round writes no file.
  expect(syncFolder(a, folder, PASSPHRASE).written).toBeNull();
});

test("les copies de conflit du nuage, les fichiers temporaires et un fichier incomplet n'arrêtent rien ; le fichier complet est pris au tour suivant", () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  const written = syncFolder(a, folder, PASSPHRASE).written!;
  const aDir = join(folder, 'entente-p-coop-37-41', a.replicaId!);
  const full = readFileSync(join(folder, 'entente-p-coop-37-41', written.file));
  writeFileSync(join(aDir, '00000001 (copie en conflit de PC-DRH).entente'), full.subarray(0, 100));
  writeFileSync(join(aDir, '.00000002.entente.4242.tmp'), full.subarray(0, 50));
  writeFileSync(join(aDir, 'desktop.ini'), '[.ShellClassInfo]');
  writeFileSync(join(aDir, '00000002.entente'), full.subarray(0, full.length - 500));

  const first = syncFolder(b, folder, PASSPHRASE);
  expect(first.imported.map((file) => file.file)).toEqual([written.file]);
  expect(first.postponed.map((file) => file.file)).toEqual([`${a.replicaId}/00000002.entente`]);

  writeFileSync(join(aDir, '00000002.entente'), full);
  expect(syncFolder(b, folder, PASSPHRASE).imported.map((file) => file.file)).toEqual([`${a.replicaId}/00000002.entente`]);
  expect(readdirSync(aDir)).toContain('desktop.ini');
});

test("un poste copié qui écrit dans le dossier partagé est détecté par l'original, qui s'arrête", () => {
  const folder = tempDir();
  const dir = tempDir();
  const a = newReplica('Claire Martin', '37', dir);
  syncFolder(a, folder, PASSPHRASE);
  a.db.pragma('wal_checkpoint(TRUNCATE)');
  const cloneDir = tempDir();
  copyFileSync(join(dir, 'entente.sqlite'), join(cloneDir, 'entente.sqlite'));
  const clone = track(Store.open(join(cloneDir, 'entente.sqlite')));
  updateAction(clone, 'a8-1', { status: 'bloque' });
  syncFolder(clone, folder, PASSPHRASE);
  updateAction(a, 'a8-1', { status: 'realise' });
  const before = dump(a);
  expect(() => syncFolder(a, folder, PASSPHRASE)).toThrow(/copié sur un autre ordinateur/);
  expect(dump(a)).toBe(before);
});
