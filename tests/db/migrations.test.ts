import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { backupNow, listBackups, restoreBackup } from '../../db/backup';
import { CorruptDatabaseError, NewerDatabaseError } from '../../db/errors';
import { derivedColumns, SCHEMA_VERSION } from '../../db/migrations';
import { databaseFile } from '../../db/paths';
import { initReplica } from '../../db/project';
import { ENTITIES, ENTITY_NAMES } from '../../db/schema';
import { Store } from '../../db/store';
import { tempDir, track } from './helpers';

describe('migrations', () => {
  test('an empty file gets the whole schema, with a column for every field of every entity', () => {
    const store = track(Store.open(join(tempDir(), 'entente.sqlite')));
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const entity of ENTITY_NAMES) {
      expect(derivedColumns(store.db, entity).sort(), entity).toEqual(Object.keys(ENTITIES[entity]).sort());
    }
  });

  test('reopening a migrated file changes nothing', () => {
    const file = join(tempDir(), 'entente.sqlite');
    Store.open(file).close();
    const store = track(Store.open(file));
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  test('a file of a newer schema is refused and left untouched', () => {
    const file = join(tempDir(), 'entente.sqlite');
    const store = Store.open(file);
    initReplica(store, { name: 'Claire Martin', function: null, partner: '37' });
    store.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.prepare("UPDATE local_state SET value = '9.9.0' WHERE key = 'min_app_version'").run();
    raw.close();
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };

    let error: unknown;
    try {
      Store.open(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toContain('version plus récente');
    expect((error as Error).message).toContain('Entente 9.9.0');
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
  });
});

describe('damaged file', () => {
  test('is recognised, set aside by a restore, and the backup reopens', async () => {
    const dataDir = tempDir();
    const file = databaseFile(dataDir);
    const store = Store.open(file);
    initReplica(store, { name: 'Claire Martin', function: null, partner: '37' });
    store.write([{ entity: 'action', rowId: 'a1-1', field: 'progress', value: 40 }]);
    const backup = await backupNow(store, dataDir);
    store.close();

    const garbage = Buffer.alloc(64 * 1024, 'pas une base SQLite ');
    writeFileSync(file, garbage);
    expect(() => Store.open(file)).toThrow(CorruptDatabaseError);
    expect(listBackups(dataDir).map((b) => b.file)).toEqual([backup.file]);

    const aside = restoreBackup(dataDir, backup.file);
    expect(aside).toMatch(/entente\.sqlite\.endommagee-\d{8}-\d{6}$/);
    expect(readFileSync(aside!).equals(garbage)).toBe(true);
    const restored = track(Store.open(file));
    expect(restored.db.prepare("SELECT progress FROM action WHERE id = 'a1-1'").pluck().get()).toBe(40);

    // A second restore sets the first restored file aside under another name.
    restored.close();
    const secondAside = restoreBackup(dataDir, backup.file);
    expect(secondAside).not.toBe(aside);
    expect(readFileSync(aside!).equals(garbage)).toBe(true);
  });

  test('a file outside the backup folder is not restored', async () => {
    const dataDir = tempDir();
    const store = Store.open(databaseFile(dataDir));
    initReplica(store, { name: 'Claire Martin', function: null, partner: '37' });
    const backup = await backupNow(store, dataDir);
    const elsewhere = join(tempDir(), backup.name);
    writeFileSync(elsewhere, readFileSync(backup.file));
    store.close();
    const before = readFileSync(databaseFile(dataDir));
    expect(() => restoreBackup(dataDir, elsewhere)).toThrow(/Seules les sauvegardes du dossier/);
    expect(() => restoreBackup(dataDir, join(dataDir, 'sauvegardes', 'autre.sqlite'))).toThrow(/Sauvegarde introuvable/);
    expect(readFileSync(databaseFile(dataDir)).equals(before)).toBe(true);
  });
});
