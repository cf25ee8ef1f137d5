// Schema migrations, applied in order from an empty file. PRAGMA user_version holds the
// number of the last one applied; the app version that wrote it is kept in local_state
// so that an older app can say which version to install.
import type Database from 'better-sqlite3';
import { NewerDatabaseError } from './errors';
import type { EntityName } from './schema';

const derivedTable = (entity: EntityName, columns: string) => `
  CREATE TABLE ${entity} (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    ${columns},
    deleted INTEGER NOT NULL DEFAULT 0
  );`;

const MIGRATIONS: string[] = [
  // 1: the change log, its bookkeeping, and the tables derived from it.
  `
  CREATE TABLE local_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE changes (
    origin TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    supersedes TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
  ) WITHOUT ROWID;

  CREATE TABLE live_versions (
    origin TEXT NOT NULL,
    seq INTEGER NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
  ) WITHOUT ROWID;
  CREATE INDEX live_versions_by_field ON live_versions (entity, row_id, field);

  CREATE TABLE superseded (origin TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID;

  -- Local to this replica: what each peer held per its last file (what it may lack), and
  -- the journal of syncs shown to the user.
  CREATE TABLE peer_state (replica_id TEXT PRIMARY KEY, held TEXT NOT NULL, file_created_at TEXT NOT NULL, received_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE sync_journal (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL);
  -- Files of a shared folder already imported, by path and size (a file never changes once written).
  CREATE TABLE folder_imports (path TEXT PRIMARY KEY, bytes INTEGER NOT NULL, imported_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE version_vector (origin TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
  -- Fields with several live values, and shown rows with a live delete (changelog.ts).
  CREATE TABLE conflict_fields (entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (entity, row_id, field)) WITHOUT ROWID;

  ${derivedTable('project', 'name TEXT')}
  ${derivedTable('partner', 'code TEXT, name TEXT, short_name TEXT, position INTEGER')}
  ${derivedTable('person', 'name TEXT, function TEXT, partner_id TEXT, email TEXT')}
  ${derivedTable('chantier', 'number INTEGER, title TEXT, description TEXT, stage TEXT')}
  ${derivedTable(
    'action',
    `chantier_id TEXT, title TEXT, description TEXT, status TEXT, priority TEXT, finalites TEXT,
    cooperation_form TEXT, start_date TEXT, end_date TEXT, progress INTEGER,
    title_key TEXT`,
  )}
  CREATE INDEX action_by_chantier ON action (chantier_id);
  -- The Actions list reads, filters and sorts from this index alone (title_key: search.ts).
  CREATE INDEX action_list ON action (deleted, chantier_id, status, priority, start_date, end_date, progress, title_key, id);
  ${derivedTable('pilot', 'owner_id TEXT, partner_id TEXT, person_id TEXT, services TEXT')}
  CREATE INDEX pilot_by_owner ON pilot (owner_id);
  ${derivedTable('step', 'action_id TEXT, label TEXT, done INTEGER, position REAL')}
  CREATE INDEX step_by_action ON step (action_id);
  ${derivedTable('note', 'action_id TEXT, date TEXT, author_id TEXT, text TEXT')}
  CREATE INDEX note_by_action ON note (action_id);
  ${derivedTable('link', 'action_id TEXT, label TEXT, url TEXT')}
  CREATE INDEX link_by_action ON link (action_id);
  ${derivedTable('replica', 'person_id TEXT, partner_id TEXT, label TEXT, created_at TEXT')}

  -- Full-text search over an action's title, description and notes; rowid = action.rid.
  CREATE VIRTUAL TABLE action_search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The app version that wrote each schema version: named when an older app refuses a newer file. */
const APP_VERSION_OF_SCHEMA: Record<number, string> = { 1: '0.1.0' };

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]);
      db.prepare("INSERT OR REPLACE INTO local_state (key, value) VALUES ('min_app_version', ?)").run(APP_VERSION_OF_SCHEMA[version]);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

/** Columns of each derived table, checked against ENTITIES by the tests. */
export function derivedColumns(db: Database.Database, entity: EntityName): string[] {
  return (db.prepare(`PRAGMA table_info(${entity})`).all() as { name: string }[])
    .map((column) => column.name)
    .filter((name) => !['rid', 'id', 'deleted', 'title_key'].includes(name));
}
