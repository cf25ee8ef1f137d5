import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addNote, createAction, updateAction } from '../../db/actions/writes';
import { dump } from '../../db/project/dump';
import { Store } from '../../db/store/store';
import { describeGap, exportFile, importFile } from '../../db/sync/exchange';
import { keyringOf } from '../../db/sync/passphrase';
import { newReplica, tempDir, track } from './helpers';

const PASSPHRASE = 'Loire 2026 coopération';
const send = (from: Store, to: Store, forReplica?: string) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica }).bytes, PASSPHRASE);

describe('échange par fichiers', () => {
  test('un fichier de cette version : format 7, que lisent les versions depuis la 0.11, données du schéma 11, que seules la 0.11 et les suivantes savent ranger', () => {
    const { header } = exportFile(newReplica('Claire Martin', '37'), { secret: PASSPHRASE });
    // What an older version checks before reading: the format, then the schema of the data, and the version it names.
    expect(header).toMatchObject({ format: 7, schema: 11, minAppVersion: '0.11.0' });
  });

  test('deux postes qui ont échangé leurs fichiers ont le même état ; un fichier importé deux fois ne change rien', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    updateAction(a, 'a4-1', { status: 'en_cours' });
    const created = createAction(a, { chantier_id: 'c4', title: 'Bourse commune des mobilités' });
    addNote(b, 'a4-1', { text: 'Calendrier proposé par le 41', date: '2026-11-20' });

    const summary = send(a, b);
    expect(summary).toMatchObject({ sender_label: "l'ordinateur de Claire Martin (Indre-et-Loire)", actions_created: 1, status_changes: 1, gaps: [] });
    expect(summary.applied).toBeGreaterThan(0);
    send(b, a);
    expect(dump(a)).toBe(dump(b));
    expect(b.db.prepare('SELECT title FROM action WHERE id = ?').pluck().get(created)).toBe('Bourse commune des mobilités');

    const before = dump(b);
    const again = send(a, b);
    expect(again.applied).toBe(0);
    expect(dump(b)).toBe(before);
  });

  test('un export pour un poste ne contient que ce qui lui manque ; un trou est signalé en français', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    send(a, b);
    send(b, a);
    updateAction(a, 'a1-1', { progress: 10 });
    updateAction(a, 'a1-1', { progress: 20 });
    const forB = exportFile(a, { secret: PASSPHRASE, forReplica: b.replicaId });
    expect(forB.header.count).toBe(2);

    // A file that starts after changes B never received: B applies it and names the gap.
    a.db.prepare('UPDATE peer_state SET held = ? WHERE replica_id = ?').run(JSON.stringify({ ...a.log.versionVector() }), b.replicaId);
    updateAction(a, 'a1-1', { progress: 30 });
    const summary = send(a, b, b.replicaId);
    expect(summary.applied).toBe(1);
    expect(summary.gaps.map(describeGap)).toEqual(["il manque 2 mises à jour de l'ordinateur de Claire Martin (Indre-et-Loire)"]);
    expect(summary.gaps[0].to - summary.gaps[0].from).toBe(1);
  });

  test("un poste copié (même identifiant, autres modifications) est détecté et rien n'est importé", () => {
    const dir = tempDir();
    const a = newReplica('Claire Martin', '37', dir);
    a.db.pragma('wal_checkpoint(TRUNCATE)');
    const cloneDir = tempDir();
    copyWholeFolder(dir, cloneDir);
    const clone = track(Store.open(join(cloneDir, 'entente.sqlite')));
    updateAction(clone, 'a2-1', { status: 'bloque' });
    const before = dump(a);
    expect(() => send(clone, a)).toThrow(/copié sur un autre ordinateur/);
    expect(dump(a)).toBe(before);
  });

  test("des années de travail d'un même poste en un fichier (165 000 modifications : 55 000 notes d'une même action) : importées, le résumé borné", () => {
    const claire = newReplica('Claire Martin', '37');
    const edits = [];
    for (let i = 0; i < 55_000; i++) {
      const rowId = `note-${i}`;
      edits.push(
        { entity: 'note' as const, rowId, field: 'action_id', value: 'a1-1' },
        { entity: 'note' as const, rowId, field: 'date', value: '2026-01-02' },
        { entity: 'note' as const, rowId, field: 'text', value: `Point d'étape n° ${i}` },
      );
    }
    claire.write(edits, { newRows: true });
    const nadia = newReplica('Nadia Benali', '41');
    // One run of 165,000 changes: spread as arguments, it overflowed the stack; each note
    // read against all the others of its action made the summary take minutes.
    const summary = send(claire, nadia, nadia.replicaId);
    expect(summary.applied).toBeGreaterThan(165_000);
    expect(summary.notes_added).toBe(55_000);
    expect(summary.action_changes.actions.reduce((lines, action) => lines + action.lines.length, 0)).toBeLessThanOrEqual(200);
    expect(nadia.db.prepare("SELECT count(*) FROM note WHERE action_id = 'a1-1'").pluck().get()).toBe(55_000);
  }, 120_000);

  test('mauvaise phrase de passe : refus, données inchangées', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const file = exportFile(a, { secret: PASSPHRASE }).bytes;
    const before = dump(b);
    // A poste without keys yet: the passphrase does not open the file, and nothing is made.
    expect(() => importFile(b, file, 'autre chose')).toThrow(/phrase de passe ne correspond pas/);
    expect(dump(b)).toBe(before);
    // A poste with its keys: the wrong passphrase does not even open them.
    keyringOf(b, PASSPHRASE);
    const withKeys = dump(b);
    expect(() => importFile(b, file, 'autre chose encore')).toThrow("Ce n'est pas la phrase de passe de cet ordinateur.");
    expect(dump(b)).toBe(withKeys);
  });
});

/** A data folder copied whole, its keys included (the keys made first). */
function copyWholeFolder(from: string, to: string): void {
  const store = track(Store.open(join(from, 'entente.sqlite')));
  keyringOf(store, PASSPHRASE);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  for (const name of ['entente.sqlite', 'entente.keys']) copyFileSync(join(from, name), join(to, name));
}

test("deux modifications différentes sous le même numéro d'un autre poste (copie) : refus, rien d'importé", () => {
  const dir = tempDir();
  const b = newReplica('Nadia Benali', '41', dir);
  const cloneDir = tempDir();
  copyWholeFolder(dir, cloneDir);
  const clone = track(Store.open(join(cloneDir, 'entente.sqlite')));
  updateAction(b, 'a9-1', { status: 'realise' });
  updateAction(clone, 'a9-1', { status: 'abandonne' });
  const a = newReplica('Claire Martin', '37');
  send(b, a);
  const before = dump(a);
  expect(() => send(clone, a)).toThrow(/deux mises à jour différentes sous le numéro/);
  expect(dump(a)).toBe(before);
});

describe("la connexion d'une tâche de synchronisation", () => {
  // 1,100 pages of 16 KiB written by one commit: past SQLite's automatic checkpoint (1,000 pages).
  const writeLarge = (store: Store) => store.db.exec('CREATE TABLE large (bytes BLOB); INSERT INTO large VALUES (zeroblob(1100 * 16384));');
  const fileSize = (store: Store) => statSync(store.file).size;

  test('une grosse transaction ne recopie pas le journal dans le fichier avant que la tâche ait répondu ; checkpoint() le fait ensuite', () => {
    const usual = newReplica('Claire Martin', '37');
    const before = fileSize(usual);
    writeLarge(usual);
    expect(fileSize(usual) - before).toBeGreaterThan(1000 * 16384);

    const job = newReplica('Nadia Benali', '41');
    job.deferCheckpoints();
    const held = fileSize(job);
    writeLarge(job);
    expect(fileSize(job)).toBe(held);
    // Committed all the same: another connection reads it.
    const reader = track(Store.open(job.file));
    expect(reader.db.prepare('SELECT length(bytes) FROM large').pluck().get()).toBe(1100 * 16384);
    job.checkpoint();
    expect(fileSize(job) - held).toBeGreaterThan(1000 * 16384);
  });
});
