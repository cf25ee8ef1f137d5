import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { addNote, updateAction } from '../../db/actions/writes';
import { dump } from '../../db/project/dump';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { syncFolder } from '../../db/sync/folder';
import { listJournal } from '../../db/sync/journal';
import { folderRound } from '../../db/sync/operations';
import { folderState, setSharedFolder } from '../../db/sync/status';
import { hasKeyFile } from '../../db/sync/keys';
import { decodeSyncFile } from '../../db/sync/format';
import { keyringOf } from '../../db/sync/passphrase';
import { SHARED_SCHEMA_VERSION } from '../../db/store/migrations';
import { newReplica, tempDir, track } from './helpers';

const PASSPHRASE = 'dossier partagé 37-41';

test('trois postes sur un dossier partagé finissent avec le même état, sans rien réécrire en double', () => {
  const folder = tempDir();
  const [a, b, c] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  addNote(b, 'a3-1', { text: 'Visite de la légumerie de Blois', date: '2026-11-18' });
  const fromB = syncFolder(b, folder, PASSPHRASE);
  expect(fromB.imported.map((file) => file.sender_label)).toEqual(["l'ordinateur de Claire Martin (Indre-et-Loire)"]);
  syncFolder(c, folder, PASSPHRASE);
  for (const store of [a, b, c]) syncFolder(store, folder, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
  expect(dump(c)).toBe(dump(a));
  // Nothing new: a further round writes no file.
  expect(syncFolder(a, folder, PASSPHRASE).written).toBeNull();
});

test('chaque fichier lu est dit avant sa lecture (signe de vie pour qui surveille le passage) ; ceux déjà lus ne comptent pas', () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  claireWritesThreeFiles(a, b, folder);
  const told: [number, number][] = [];
  syncFolder(b, folder, PASSPHRASE, new Date(), (done, total) => told.push([done, total]));
  expect(told).toEqual([
    [0, 2],
    [1, 2],
  ]);
  told.length = 0;
  syncFolder(b, folder, PASSPHRASE, new Date(), (done, total) => told.push([done, total]));
  expect(told).toEqual([]);
});

/** Claire writes a file, Nadia one, Claire two more: her second file tells Nadia's work read, her third only her own. */
function claireWritesThreeFiles(a: Store, b: Store, folder: string, afterFirst = () => {}): void {
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  afterFirst();
  addNote(b, 'a3-1', { text: 'Visite de la légumerie de Blois', date: '2026-11-18' });
  syncFolder(b, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { progress: 30 });
  syncFolder(a, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { progress: 40 });
  syncFolder(a, folder, PASSPHRASE);
}

test("chaque fichier dit ce qui a changé de ce que détient son poste ; qui les lit tous, même dans le désordre, sait tout ce qu'il détient", () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  const aDir = join(folder, 'entente-p-coop-37-41', a.replicaId as string);
  const heldOf = (reader: Store, writer: Store) =>
    JSON.parse(reader.db.prepare('SELECT held FROM peer_state WHERE replica_id = ?').pluck().get(writer.replicaId) as string) as unknown;
  const saidIn = (n: number) => {
    const { header, content } = decodeSyncFile(readFileSync(join(aDir, `0000000${n}.entente`)), {
      keys: keyringOf(a, PASSPHRASE).keys,
      project: 'p-coop-37-41',
      schema: SHARED_SCHEMA_VERSION,
    });
    return { update: header.heldUpdate, origins: Object.keys(content.senderHeld).sort() };
  };
  claireWritesThreeFiles(a, b, folder);
  // The first file says all; the second what changed (Claire's work, Nadia's read); the third Claire's only.
  expect(saidIn(1)).toEqual({ update: false, origins: [a.replicaId, 'seed'].sort() });
  expect(saidIn(2)).toEqual({ update: true, origins: [a.replicaId, b.replicaId].sort() });
  expect(saidIn(3)).toEqual({ update: true, origins: [a.replicaId] });

  // A poste arriving later reads them all: it knows what Claire holds, exactly.
  const c = newReplica('Marc Lefèvre', '41');
  syncFolder(c, folder, PASSPHRASE);
  expect(heldOf(c, a)).toEqual(a.log.versionVector());
  // Without the second file, it knows less (never more); once it comes, all.
  const other = tempDir();
  const copy = (n: number) => {
    mkdirSync(join(other, 'entente-p-coop-37-41', a.replicaId as string), { recursive: true });
    copyFileSync(join(aDir, `0000000${n}.entente`), join(other, 'entente-p-coop-37-41', a.replicaId as string, `0000000${n}.entente`));
  };
  const d = newReplica('Sophie Bernard', '37');
  copy(1);
  copy(3);
  syncFolder(d, other, PASSPHRASE);
  expect(heldOf(d, a)).toEqual({ ...a.log.versionVector(), [b.replicaId as string]: undefined });
  copy(2);
  syncFolder(d, other, PASSPHRASE);
  expect(heldOf(d, a)).toEqual(a.log.versionVector());
});

test("ce qu'un poste sait par un autre chemin que le dossier n'est pas compté comme publié dans le dossier : un troisième poste finit par tout avoir", () => {
  const folder = tempDir();
  const [a, b, c] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
  for (const store of [a, b, c, a, b, c]) syncFolder(store, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  // Before reading that file, Nadia imports a file Claire exported for her, with one change more.
  updateAction(a, 'a4-1', { status: 'bloque' });
  importFile(b, exportFile(a, { secret: PASSPHRASE, forReplica: b.replicaId }).bytes, PASSPHRASE);
  // Claire no longer syncs through the folder: Nadia's files must carry it to Marc.
  for (const store of [b, c, b, c]) syncFolder(store, folder, PASSPHRASE);
  expect(dump(c)).toBe(dump(b));
});

test("le premier fichier d'un poste, lu après ses suivants (encore en cours de copie), ne fait pas oublier ce qu'ils disaient", () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  const aDir = join(folder, 'entente-p-coop-37-41', a.replicaId as string);
  // Sophie joined from Claire's invitation, after Claire's first file.
  const d = newReplica('Sophie Bernard', '37');
  claireWritesThreeFiles(a, b, folder, () => importFile(d, exportFile(a, { secret: PASSPHRASE }).bytes, PASSPHRASE));
  const other = tempDir();
  const copy = join(other, 'entente-p-coop-37-41', a.replicaId as string);
  mkdirSync(copy, { recursive: true });
  const first = readFileSync(join(aDir, '00000001.entente'));
  writeFileSync(join(copy, '00000001.entente'), first.subarray(0, first.length - 100));
  for (const n of [2, 3]) copyFileSync(join(aDir, `0000000${n}.entente`), join(copy, `0000000${n}.entente`));
  expect(syncFolder(d, other, PASSPHRASE).postponed.map((file) => file.file)).toEqual([`${a.replicaId}/00000001.entente`]);
  writeFileSync(join(copy, '00000001.entente'), first);
  syncFolder(d, other, PASSPHRASE);
  const held = d.db.prepare('SELECT held FROM peer_state WHERE replica_id = ?').pluck().get(a.replicaId) as string;
  expect(JSON.parse(held)).toEqual(a.log.versionVector());
});

test("un autre dossier partagé, ou un dossier d'où les fichiers d'un poste ont disparu, ne détient rien de lui : son fichier suivant porte tout l'historique", () => {
  const [first, second] = [tempDir(), tempDir()];
  const a = newReplica('Claire Martin', '37');
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, first, PASSPHRASE);
  updateAction(a, 'a3-1', { progress: 30 });
  syncFolder(a, first, PASSPHRASE);
  const moved = syncFolder(a, second, PASSPHRASE);
  expect(moved.written?.count).toBe(a.db.prepare('SELECT count(*) FROM changes').pluck().get());
  const b = newReplica('Nadia Benali', '41');
  syncFolder(b, second, PASSPHRASE);
  syncFolder(a, second, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
  // Its files removed from the first folder (a cloud client's mistake, a folder emptied by hand).
  const own = join(first, 'entente-p-coop-37-41', a.replicaId as string);
  for (const name of readdirSync(own)) if (name.endsWith('.entente')) rmSync(join(own, name));
  updateAction(a, 'a3-1', { progress: 50 });
  const again = syncFolder(a, first, PASSPHRASE);
  expect(again.written?.count).toBe(a.db.prepare('SELECT count(*) FROM changes').pluck().get());
});

test('un partage réseau pas monté (un dossier vide à sa place), puis monté de nouveau : ce que le poste y a écrit entre-temps arrive quand même', () => {
  const [share, aside] = [tempDir(), tempDir()];
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, share, PASSPHRASE);
  syncFolder(b, share, PASSPHRASE);
  // Unmounted: the share's content is elsewhere, and its mount point an empty folder.
  renameSync(share, join(aside, 'partage'));
  mkdirSync(share);
  updateAction(a, 'a3-1', { progress: 60 });
  expect(syncFolder(a, share, PASSPHRASE).written).not.toBeNull();
  // Mounted again: the file written meanwhile is not there.
  rmSync(share, { recursive: true });
  renameSync(join(aside, 'partage'), share);
  syncFolder(a, share, PASSPHRASE);
  syncFolder(b, share, PASSPHRASE);
  expect(b.db.prepare("SELECT progress FROM action WHERE id = 'a3-1'").pluck().get()).toBe(60);
  expect(dump(b)).toBe(dump(a));
});

test("le dernier fichier d'un poste effacé du dossier : son fichier suivant porte tout, les autres postes ne manquent de rien", () => {
  const folder = tempDir();
  const [a, b, c] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { progress: 30 });
  const second = syncFolder(a, folder, PASSPHRASE).written!.file;
  rmSync(join(folder, 'entente-p-coop-37-41', second));
  updateAction(a, 'a3-1', { progress: 40 });
  expect(syncFolder(a, folder, PASSPHRASE).written?.count).toBe(a.db.prepare('SELECT count(*) FROM changes').pluck().get());
  for (const store of [b, c, a, b, c]) syncFolder(store, folder, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
  expect(dump(c)).toBe(dump(a));
});

test("le même dossier par un lien, ou tel qu'Entente 0.11 le nommait, est le même dossier : rien n'y est relu ni réécrit", () => {
  const folder = tempDir();
  const link = join(tempDir(), 'Partage');
  symlinkSync(folder, link);
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  syncFolder(a, folder, PASSPHRASE);
  syncFolder(b, folder, PASSPHRASE);
  syncFolder(a, folder, PASSPHRASE);
  updateAction(a, 'a3-1', { progress: 30 });
  // Through the link: Nadia's file is not read again, and the new file carries the one change.
  const throughLink = syncFolder(a, link, PASSPHRASE);
  expect(throughLink.imported).toEqual([]);
  expect(throughLink.written?.count).toBe(1);

  // What Entente 0.11 kept, under the folder as spelled (the link): taken up as it is.
  const real = join(folder, 'entente-p-coop-37-41');
  const spelled = join(link, 'entente-p-coop-37-41');
  a.db.prepare('UPDATE local_state SET key = replace(key, ?, ?) WHERE key LIKE ?').run(real, spelled, 'folder-%');
  a.db.prepare('UPDATE folder_imports SET path = replace(path, ?, ?)').run(real, spelled);
  updateAction(a, 'a3-1', { progress: 40 });
  const asSpelled = syncFolder(a, link, PASSPHRASE);
  expect(asSpelled.imported).toEqual([]);
  expect(asSpelled.written?.count).toBe(1);
  syncFolder(b, folder, PASSPHRASE);
  expect(dump(b)).toBe(dump(a));
});

test("un poste passé de la 0.9 à la 0.10 ne relit pas les fichiers déjà lus du dossier de ses réglages, ni n'y réécrit ce qu'il y a publié", () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  syncFolder(b, folder, PASSPHRASE);
  // As Entente 0.9 kept it: one key for what the folder holds, the paths of the files read relative to it.
  const projectDir = join(folder, 'entente-p-coop-37-41');
  b.db.prepare("UPDATE local_state SET key = ? WHERE key LIKE 'folder-published:%'").run(`folder-published:${b.replicaId}`);
  b.db.prepare("DELETE FROM local_state WHERE key LIKE 'folder-held:%'").run();
  b.db.prepare('UPDATE folder_imports SET path = substr(path, ?)').run(projectDir.length + 2);
  setSharedFolder(b, folder);
  expect(syncFolder(b, folder, PASSPHRASE)).toMatchObject({ imported: [], written: null });
  // Another folder is new to it.
  expect(syncFolder(b, tempDir(), PASSPHRASE).written).not.toBeNull();
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

test("les fichiers d'inconnus (autre phrase de passe, octets au hasard, vide, tronqué, falsifié) sont mis de côté, nommés une fois ; le reste passe", () => {
  const folder = tempDir();
  const [a, b, c] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  const fromA = syncFolder(a, folder, PASSPHRASE).written!;
  const projectDir = join(folder, 'entente-p-coop-37-41');
  const aFile = readFileSync(join(projectDir, fromA.file));

  // Poste-like folders holding what a stranger, or a laptop still on an old passphrase, left there.
  const stranger = (name: string, bytes: Buffer | string) => {
    const dir = join(projectDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '00000001.entente'), bytes);
    return `${name}/00000001.entente`;
  };
  const other = newReplica('Paul Durand', '37');
  updateAction(other, 'a4-1', { status: 'bloque' });
  const oldPassphrase = stranger('aaaaaaaaaaa1', exportFile(other, { secret: 'une ancienne phrase de passe' }).bytes);
  const random = stranger('aaaaaaaaaaa2', randomBytes(4096));
  const empty = stranger('aaaaaaaaaaa3', '');
  const truncated = stranger('aaaaaaaaaaa4', aFile.subarray(0, aFile.length - 300));
  // Another poste's numbers under different changes: a forged copy of a's file.
  const forged = Buffer.from(aFile);
  forged[forged.length - 40] ^= 0xff;
  const tampered = stranger('aaaaaaaaaaa5', forged);
  // A folder under a file's name (a cloud client's leftover): it cannot be read, and is named too.
  const directory = 'aaaaaaaaaaa6/00000001.entente';
  mkdirSync(join(projectDir, directory), { recursive: true });

  updateAction(b, 'a5-1', { status: 'realise' });
  const round = syncFolder(b, folder, PASSPHRASE);
  expect(round.imported.map((file) => file.file)).toEqual([fromA.file]);
  expect(round.written).not.toBeNull();
  const reasons = Object.fromEntries(round.postponed.map((file) => [file.file, file.reason]));
  expect(Object.keys(reasons).sort()).toEqual([oldPassphrase, random, empty, truncated, tampered, directory].sort());
  // Said for a file found in the folder: no advice meant for a file the user chose (« Choisissez… », « demandez à son expéditeur… »).
  expect(reasons[oldPassphrase]).toMatch(/^Scellé avec une (autre phrase de passe|phrase de passe que cet ordinateur ne connaît pas)/);
  expect(reasons[random]).toBe("Ce n'est pas un fichier d'échange Entente.");
  expect(reasons[empty]).toBe('Endommagé ou incomplet (fichier vide), peut-être encore en cours de copie.');
  expect(reasons[truncated]).toMatch(/^Endommagé ou incomplet \(.+\), peut-être encore en cours de copie\.$/);
  expect(reasons[tampered]).toMatch(/^Endommagé ou incomplet/);
  expect(Object.values(reasons).join('\n')).not.toMatch(/Choisissez|expéditeur|Rien n'a été importé/);
  expect(reasons[directory]).toBe("Illisible pour l'instant (c'est un dossier) : il sera relu au prochain tour de synchronisation.");

  // The third poste gets both a's and b's changes all the same; b then gets c's.
  syncFolder(c, folder, PASSPHRASE);
  syncFolder(b, folder, PASSPHRASE);
  expect(dump(c)).toBe(dump(b));

  // The same files, the same reasons: the journal names them once, and the screen still lists them.
  const run = (store: Store) => folderRound(store, folder, PASSPHRASE);
  run(a);
  const first = run(a).record;
  expect(first.postponed_files).toHaveLength(6);
  const journalled = () =>
    listJournal(a)
      .filter((entry) => entry.kind === 'folder')
      .flatMap((entry) => (entry.kind === 'folder' ? entry.summary.postponed_files : []));
  expect(
    journalled()
      .map((file) => file.file)
      .sort(),
  ).toEqual([oldPassphrase, random, empty, truncated, tampered, directory].sort());
  expect(folderState(a).last_round?.postponed_files).toHaveLength(6);
  // A round that fails (the folder out of reach a moment) does not make them new again.
  expect(() => folderRound(a, join(folder, 'débranché'), PASSPHRASE)).toThrow(/Dossier partagé introuvable/);
  run(a);
  expect(journalled()).toHaveLength(6);
});

test("une faute de frappe dans la phrase de passe d'un nouveau poste : refusée avant de faire des clés que personne ne lirait", () => {
  const folder = tempDir();
  const [a, b] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41')];
  updateAction(a, 'a3-1', { status: 'en_cours' });
  syncFolder(a, folder, PASSPHRASE);
  expect(() => syncFolder(b, folder, 'dossier partagé 37-14')).toThrow(/n'ouvre aucun des fichiers des autres ordinateurs/);
  expect(hasKeyFile(b)).toBe(false);
  expect(readdirSync(join(folder, 'entente-p-coop-37-41'))).toEqual([a.replicaId]);
  // The right one: keys made, a's work in, b's file written.
  expect(syncFolder(b, folder, PASSPHRASE).imported).toHaveLength(1);
  expect(hasKeyFile(b)).toBe(true);
  expect(syncFolder(a, folder, PASSPHRASE).imported).toHaveLength(1);
});

test("un dossier partagé qui contient le dossier de données de l'ordinateur est refusé, en français, sans rien y écrire", () => {
  const share = tempDir();
  const dataDir = join(share, 'Entente');
  mkdirSync(dataDir);
  const store = newReplica('Claire Martin', '37', dataDir);
  updateAction(store, 'a3-1', { status: 'en_cours' });
  for (const folder of [share, dataDir]) {
    expect(() => syncFolder(store, folder, PASSPHRASE)).toThrow(
      `Le dossier ${folder} contient le dossier de données d'Entente de cet ordinateur (${dataDir}) : il ne peut pas servir de dossier partagé`,
    );
  }
  expect(readdirSync(share)).toEqual(['Entente']);
  // A folder beside it is fine.
  const beside = join(share, 'Partage');
  mkdirSync(beside);
  expect(syncFolder(store, beside, PASSPHRASE).written).not.toBeNull();
});

test("un fichier à moitié écrit laissé par un passage interrompu disparaît du sous-dossier du poste au passage suivant, s'il a plus d'une heure", () => {
  const share = tempDir();
  const store = newReplica('Claire Martin', '37');
  syncFolder(store, share, PASSPHRASE);
  const ownDir = join(share, 'entente-p-coop-37-41', store.replicaId!);
  const old = join(ownDir, '00000002.entente.4242.tmp');
  const recent = join(ownDir, '00000003.entente.4243.tmp');
  writeFileSync(old, 'interrompu');
  writeFileSync(recent, 'en cours, par la ligne de commande');
  utimesSync(old, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
  syncFolder(store, share, PASSPHRASE);
  expect(readdirSync(ownDir).sort()).toEqual(['00000001.entente', '00000003.entente.4243.tmp']);
});
