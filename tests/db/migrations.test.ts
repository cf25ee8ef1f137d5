import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { backupNow, listBackups, restoreBackup } from '../../db/project/backup';
import { ChangeLog } from '../../db/store/changelog';
import { check } from '../../db/project/check';
import { counts, dump } from '../../db/project/dump';
import { addNote, updateAction } from '../../db/actions/writes';
import { queryActions } from '../../db/actions/reads';
import { addAgendaItem, deleteAgendaItem, setValidationSilenceDays, updateAgendaItem, updateMeeting } from '../../db/meetings/writes';
import { CorruptDatabaseError, NewerDatabaseError } from '../../db/errors';
import { derivedColumns, liveVersionsByRow, migrate, SCHEMA_VERSION, SHARED_SCHEMA_VERSION } from '../../db/store/migrations';
import { getMeeting } from '../../db/meetings/reads';
import { listConflicts } from '../../db/conflicts/versions';
import { validationSilenceDays } from '../../db/meetings/rules';
import { databaseFile } from '../../db/paths';
import { initReplica } from '../../db/project/setup';
import { ENTITIES, ENTITY_NAMES } from '../../db/store/schema';
import { SearchIndex } from '../../db/store/search';
import { Store } from '../../db/store/store';
import { version as PACKAGE_VERSION } from '../../package.json';
import { cast, codiri } from './meeting-fixtures';
import { allChanges, newReplica, sendAll, tempDir, track } from './helpers';

describe('migrations', () => {
  test('an empty file gets the whole schema, with a column for every field of every entity', () => {
    const store = track(Store.open(join(tempDir(), 'entente.sqlite')));
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const entity of ENTITY_NAMES) {
      expect(derivedColumns(store.db, entity).sort(), entity).toEqual(Object.keys(ENTITIES[entity]).sort());
    }
  });

  test('the shared schema is the last migration that adds entities or fields: files carry it', () => {
    const shared = new Database(':memory:');
    migrate(shared, SHARED_SCHEMA_VERSION);
    for (const entity of ENTITY_NAMES) {
      expect(derivedColumns(shared, entity).sort(), entity).toEqual(Object.keys(ENTITIES[entity]).sort());
    }
    shared.close();
    const before = new Database(':memory:');
    migrate(before, SHARED_SCHEMA_VERSION - 1);
    const added = ENTITY_NAMES.filter((entity) => {
      const exists = before.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(entity) === 1;
      return !exists || derivedColumns(before, entity).length < Object.keys(ENTITIES[entity]).length;
    });
    before.close();
    expect(added.length).toBeGreaterThan(0);
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

describe('migration 1 → 2 (réunions)', () => {
  test('une base de la version 1 avec des données passe à la version 2 sans rien perdre, réunions déjà reçues comprises', () => {
    // Two laptops of version 0.2.0: a CODIRI, edited, an item added then deleted, a conflict, the silence delay.
    const b = newReplica('Marc Petit', '41');
    const c = newReplica('Anne Leroy', '37');
    sendAll(b, c);
    sendAll(c, b);
    const minutes = codiri(b, cast(b));
    updateMeeting(b, minutes.meetingId, { place: 'Château de Blois' });
    deleteAgendaItem(b, addAgendaItem(b, minutes.meetingId, { title: 'Questions diverses' }));
    setValidationSilenceDays(b, 20);
    updateAction(b, 'a4-1', { status: 'en_cours', progress: 30 });
    sendAll(b, c);
    updateAgendaItem(b, minutes.items[0], { notes: 'Notes de Marc' });
    updateAgendaItem(c, minutes.items[0], { notes: 'Notes d’Anne' });
    sendAll(c, b);

    // A laptop still on 0.1.0 (schema 1) imports all of it: it derives what it knows and keeps the rest in its log.
    const file = join(tempDir(), 'entente.sqlite');
    const raw = new Database(file);
    migrate(raw, 1);
    // Today's ChangeLog stands for 0.1.0's below; it writes the column of the chains (migration 3)
    // and live versions of migration 8's shape.
    raw.exec('ALTER TABLE changes ADD COLUMN chain TEXT');
    liveVersionsByRow(raw);
    raw.prepare("INSERT INTO local_state (key, value) VALUES ('project_id', ?)").run(b.projectId);
    const v1Entities = new Set(['project', 'partner', 'person', 'chantier', 'action', 'pilot', 'step', 'note', 'link', 'replica']);
    const known = (change: { entity: string; field: string }) => v1Entities.has(change.entity) && change.field !== 'validation_silence_days';
    const insert = raw.prepare('INSERT INTO changes (origin, seq, hlc, entity, row_id, field, value, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const changes = allChanges(b);
    raw.transaction(() => {
      for (const change of changes.filter((change) => !known(change))) {
        insert.run(change.origin, change.seq, change.hlc, change.entity, change.rowId, change.field, change.value, JSON.stringify(change.supersedes));
      }
      // As Store.applyChanges does it: the log, then the search index.
      const log = new ChangeLog(raw);
      for (const change of changes.filter(known)) log.applyChange(change);
      new SearchIndex(raw).refresh(log.touched);
    })();
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'meeting'").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT progress FROM action WHERE id = 'a4-1'").pluck().get()).toBe(30);
    raw.close();

    const migrated = track(Store.open(file));
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // The version that wrote the latest schema: this one.
    expect(migrated.localState('min_app_version')).toBe(PACKAGE_VERSION);
    expect(dump(migrated)).toBe(dump(b));
    expect(getMeeting(migrated, minutes.meetingId)).toEqual(getMeeting(b, minutes.meetingId));
    expect(getMeeting(migrated, minutes.meetingId)).toMatchObject({ place: 'Château de Blois', participant_count: 7, decision_count: 2 });
    expect(getMeeting(migrated, minutes.meetingId).agenda.map((item) => item.title)).toEqual(['Point d’étape du chantier RH', 'Gouvernance d’Approlys']);
    expect(validationSilenceDays(migrated)).toBe(20);
    expect(counts(migrated)).toMatchObject({ meetings: 1, conflicts: 1, actions: 14 });
    expect(migrated.db.prepare("SELECT progress FROM action WHERE id = 'a4-1'").pluck().get()).toBe(30);
    expect(check(migrated)).toEqual({ ok: true, problems: [] });
  });
});

describe('migration 7 → 8 (versions vivantes rangées par ligne)', () => {
  test('une base de la version 0.5 garde ses versions vivantes, conflits compris', () => {
    const b = newReplica('Marc Petit', '41');
    const c = newReplica('Anne Leroy', '37');
    sendAll(b, c);
    updateAction(b, 'a4-1', { status: 'en_cours', progress: 30 });
    updateAction(c, 'a4-1', { status: 'bloque' });
    sendAll(c, b);
    const live = (store: Store) => store.db.prepare('SELECT entity, row_id, field, origin, seq FROM live_versions ORDER BY origin, seq').all();
    const before = live(b);
    const file = b.db.name;
    b.close();

    // The table as 0.5 kept it: by (origin, seq), its clock and value copied, an index by field.
    const raw = new Database(file);
    raw.exec(`
      CREATE TABLE old_live (origin TEXT NOT NULL, seq INTEGER NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
        hlc TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID;
      INSERT INTO old_live SELECT l.origin, l.seq, l.entity, l.row_id, l.field, c.hlc, c.value
        FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq;
      DROP TABLE live_versions;
      ALTER TABLE old_live RENAME TO live_versions;
      CREATE INDEX live_versions_by_field ON live_versions (entity, row_id, field);
    `);
    raw.pragma('user_version = 7');
    raw.close();

    const migrated = track(Store.open(file));
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(live(migrated)).toEqual(before);
    expect((migrated.db.prepare('PRAGMA table_info(live_versions)').all() as { name: string }[]).map((column) => column.name)).toEqual([
      'entity',
      'row_id',
      'field',
      'origin',
      'seq',
    ]);
    expect(migrated.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'live_versions_by_field'").pluck().get()).toBe(0);
    expect(listConflicts(migrated).map((conflict) => conflict.field)).toEqual(['status']);
    expect(check(migrated)).toEqual({ ok: true, problems: [] });
  });
});

describe('dériver du journal ce qu’une version plus ancienne gardait sans le montrer', () => {
  test("une version remplacée par celle d'un autre poste ne revient pas à côté d'elle", () => {
    const file = join(tempDir(), 'entente.sqlite');
    const raw = new Database(file);
    // A laptop on schema 3 kept these changes of an entity it did not know (migration 4's indicateurs).
    migrate(raw, 3);
    const insert = raw.prepare('INSERT INTO changes (origin, seq, hlc, entity, row_id, field, value, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('bbbbbbbbbbbb', 1, '0000000000001-0000', 'indicator', 'i1', 'name', '"Covoiturages"', '[]');
    // Another poste, whose id sorts before, replaced it.
    insert.run('aaaaaaaaaaaa', 1, '0000000000002-0000', 'indicator', 'i1', 'name', '"Trajets partagés"', '[["bbbbbbbbbbbb",1]]');
    raw.close();

    const migrated = track(Store.open(file));
    const live = migrated.db.prepare("SELECT origin FROM live_versions WHERE entity = 'indicator' AND row_id = 'i1' AND field = 'name'").pluck().all();
    expect(live).toEqual(['aaaaaaaaaaaa']);
    expect(migrated.db.prepare("SELECT name FROM indicator WHERE id = 'i1'").pluck().get()).toBe('Trajets partagés');
    expect(migrated.db.prepare('SELECT count(*) FROM conflict_fields').pluck().get()).toBe(0);
    expect(check(migrated)).toEqual({ ok: true, problems: [] });
  });
});

describe('migration 12 → 13 (index de recherche sans copie du texte)', () => {
  test("une base de la 0.12 retrouve ses actions par leurs notes, et l'index ne garde plus le texte", () => {
    const b = newReplica('Marc Petit', '41');
    addNote(b, 'a4-1', { text: 'Le prestataire de covoiturage a rendu son étude' });
    const found = (store: Store) => queryActions(store, { search: 'covoit' }).map((action) => action.id);
    expect(found(b)).toEqual(['a4-1']);
    const file = b.db.name;
    b.close();

    // The index as 0.12 kept it: a copy of each action's text, here left without the note.
    const raw = new Database(file);
    raw.exec(`
      DROP TABLE action_search;
      CREATE VIRTUAL TABLE action_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO action_search (rowid, body) SELECT rid, title FROM action WHERE deleted = 0;
    `);
    raw.pragma('user_version = 12');
    raw.close();

    const migrated = track(Store.open(file));
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(found(migrated)).toEqual(['a4-1']);
    expect(migrated.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'action_search_content'").pluck().get()).toBe(0);
    expect(check(migrated)).toEqual({ ok: true, problems: [] });
  });
});

describe('migration 13 → 14 (marques des seules versions pas encore reçues)', () => {
  test('les marques des versions déjà au journal, que la 0.13 écrivait, sont retirées', () => {
    const b = newReplica('Marc Petit', '41');
    updateAction(b, 'a4-1', { status: 'en_cours', progress: 30 });
    updateAction(b, 'a4-1', { status: 'bloque', progress: 40 });
    const file = b.db.name;
    b.close();

    // As 0.13 kept it: a mark for every version replaced, in the log or not.
    const raw = new Database(file);
    raw.exec(`INSERT OR IGNORE INTO superseded (origin, seq) SELECT j.value ->> 0, j.value ->> 1 FROM changes, json_each(changes.supersedes) j`);
    expect(raw.prepare('SELECT count(*) FROM superseded').pluck().get()).toBeGreaterThan(1);
    raw.pragma('user_version = 13');
    raw.close();

    const migrated = track(Store.open(file));
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(migrated.db.prepare('SELECT count(*) FROM superseded').pluck().get()).toBe(0);
    expect(check(migrated)).toEqual({ ok: true, problems: [] });
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

    const aside = restoreBackup(dataDir, backup.name);
    expect(aside).toMatch(/entente\.sqlite\.endommagee-\d{8}-\d{6}$/);
    expect(readFileSync(aside!).equals(garbage)).toBe(true);
    const restored = track(Store.open(file));
    expect(restored.db.prepare("SELECT progress FROM action WHERE id = 'a1-1'").pluck().get()).toBe(40);

    // A second restore sets the first restored file aside under another name.
    restored.close();
    const secondAside = restoreBackup(dataDir, backup.name);
    expect(secondAside).not.toBe(aside);
    expect(readFileSync(aside!).equals(garbage)).toBe(true);
  });

  test('only a backup of the backup folder, by its name, is restored: no path, no link to a file elsewhere', async () => {
    const dataDir = tempDir();
    const store = Store.open(databaseFile(dataDir));
    initReplica(store, { name: 'Claire Martin', function: null, partner: '37' });
    const backup = await backupNow(store, dataDir);
    const elsewhere = join(tempDir(), backup.name);
    writeFileSync(elsewhere, readFileSync(backup.file));
    store.close();
    const before = readFileSync(databaseFile(dataDir));
    expect(() => restoreBackup(dataDir, elsewhere)).toThrow(/Sauvegarde introuvable/);
    expect(() => restoreBackup(dataDir, `../${basename(dirname(elsewhere))}/${backup.name}`)).toThrow(/Sauvegarde introuvable/);
    expect(() => restoreBackup(dataDir, 'autre.sqlite')).toThrow(/Sauvegarde introuvable/);
    const link = join(dataDir, 'sauvegardes', backup.name.replace('.sqlite', '-2.sqlite'));
    symlinkSync(elsewhere, link);
    expect(() => restoreBackup(dataDir, basename(link))).toThrow(/Seules les sauvegardes du dossier/);
    expect(readFileSync(databaseFile(dataDir)).equals(before)).toBe(true);
  });

  test('a backup that cannot be copied (a full disk) leaves the current file in place', async () => {
    const dataDir = tempDir();
    const store = Store.open(databaseFile(dataDir));
    initReplica(store, { name: 'Claire Martin', function: null, partner: '37' });
    await backupNow(store, dataDir);
    store.close();
    const before = readFileSync(databaseFile(dataDir));
    // A folder under a backup's name: the copy fails, as it would on a full disk.
    const unreadable = 'entente-20261205-080000.sqlite';
    mkdirSync(join(dataDir, 'sauvegardes', unreadable));
    expect(() => restoreBackup(dataDir, unreadable)).toThrow();
    expect(readFileSync(databaseFile(dataDir)).equals(before)).toBe(true);
    expect(existsSync(`${databaseFile(dataDir)}.partiel`)).toBe(false);
  });
});
