// Schema migrations, applied in order from an empty file. PRAGMA user_version holds the
// number of the last one applied; the app version that wrote it is kept in local_state
// so that an older app can say which version to install.
import type Database from 'better-sqlite3';
import { CHAIN_KEPT_EVERY, chainStart, nextChain } from './chain';
import { ChangeLog, type Change } from './changelog';
import { NewerDatabaseError } from '../errors';
import { DEPENDENTS_OF } from './dependents';
import { revocationBounds } from './revocations';
import type { EntityName } from './schema';
import { SEARCH_TABLE, SearchIndex } from './search';

const derivedTable = (entity: EntityName, columns: string) => `
  CREATE TABLE ${entity} (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    ${columns},
    deleted INTEGER NOT NULL DEFAULT 0
  );`;

/**
 * Derives a table, or the columns a migration adds to it, from the changes already in the
 * log: an older version kept the changes of entities and fields it did not know (written
 * by a newer replica) without deriving them. The changes of the fields that now have a
 * column (all of them unless `fields` names some) are taken out of the log, all of them
 * first, and applied again together, now that they have somewhere to go, with their chains
 * (the proof of their runs, docs/sync.md): taken out one by one, a version would come back
 * live beside the version that replaced it. A field of a later migration has no column
 * yet: its changes stay as they are, for that migration.
 */
function deriveFromLog(db: Database.Database, entity: EntityName, fields?: string[]): void {
  liveVersionsByRow(db);
  const columns = new Set(fields ?? [...derivedColumns(db, entity), 'deleted']);
  const rows = (
    db
      .prepare('SELECT origin, seq, hlc, entity, row_id AS rowId, field, value, supersedes, chain FROM changes WHERE entity = ? ORDER BY origin, seq')
      .all(entity) as (Omit<Change, 'supersedes'> & { supersedes: string })[]
  ).filter((row) => columns.has(row.field));
  const remove = db.prepare('DELETE FROM changes WHERE origin = ? AND seq = ?');
  for (const row of rows) remove.run(row.origin, row.seq);
  new ChangeLog(db).apply(rows.map((row) => ({ ...row, supersedes: JSON.parse(row.supersedes) as Change['supersedes'] })));
}

/**
 * The change log's statements name every column of today's log, `chain` (migration 3)
 * included: a migration that replays changes through it adds the column first.
 */
function addChainColumn(db: Database.Database): void {
  const columns = (db.prepare('PRAGMA table_info(changes)').all() as { name: string }[]).map((column) => column.name);
  if (!columns.includes('chain')) db.exec('ALTER TABLE changes ADD COLUMN chain TEXT');
}

/**
 * Live versions keyed as they are read (entity, row, field), with no second index to keep
 * up on every write and no copy of what the log holds (their clock and value are read from
 * it by (origin, seq)); a version is dropped through its change's key in the log. The change
 * log's statements write this shape: a migration that replays changes through it makes the
 * table so first, as migration 8 does.
 */
export function liveVersionsByRow(db: Database.Database): void {
  const columns = (db.prepare('PRAGMA table_info(live_versions)').all() as { name: string }[]).map((column) => column.name);
  if (!columns.includes('hlc')) return;
  db.exec(`
    CREATE TABLE live_versions_by_row (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (entity, row_id, field, origin, seq)
    ) WITHOUT ROWID;
    INSERT INTO live_versions_by_row SELECT entity, row_id, field, origin, seq FROM live_versions;
    DROP TABLE live_versions;
    ALTER TABLE live_versions_by_row RENAME TO live_versions;
  `);
}

/**
 * Keeps one chain in CHAIN_KEPT_EVERY. Where an older version left one unknown that can be
 * computed now (a gap filled since, by changes of Entente 0.2), it is written, so that
 * Store.chainAt never hashes far: the chain is carried from the last one known, a chain
 * kept before wins over the one computed (it is what this base held), and after a gap it
 * starts again from the chain announced there, if any.
 */
function keepChainsEvery(db: Database.Database): void {
  const rows = db.prepare(
    "SELECT origin, seq, hlc, entity, row_id AS rowId, field, value, supersedes, chain FROM changes WHERE origin <> 'seed' ORDER BY origin, seq",
  );
  const anchorAt = db.prepare('SELECT chain FROM chain_anchor WHERE origin = ? AND seq = ?').pluck();
  const set = db.prepare('UPDATE changes SET chain = ? WHERE origin = ? AND seq = ?');
  const filled: [string, string, number][] = [];
  let origin: string | undefined;
  let chain: string | null = null;
  let expected = 1;
  for (const row of rows.iterate() as IterableIterator<Omit<Change, 'supersedes'> & { supersedes: string }>) {
    if (row.origin !== origin) {
      origin = row.origin;
      chain = chainStart(origin);
      expected = 1;
    }
    if (row.seq !== expected) chain = (anchorAt.get(row.origin, row.seq - 1) as string | undefined) ?? null;
    expected = row.seq + 1;
    const computed: string | null = chain === null ? null : nextChain(chain, { ...row, supersedes: JSON.parse(row.supersedes) as Change['supersedes'] });
    chain = row.chain ?? computed;
    if (row.chain === null && chain !== null && row.seq % CHAIN_KEPT_EVERY === 0) filled.push([chain, row.origin, row.seq]);
  }
  for (const values of filled) set.run(...values);
  db.prepare('UPDATE changes SET chain = NULL WHERE chain IS NOT NULL AND seq % ? <> 0').run(CHAIN_KEPT_EVERY);
}

/** Each origin's chain (store/chain.ts) over the changes it holds from seq 1 without a gap; null after a gap. */
function computeChains(db: Database.Database): void {
  const rows = db.prepare(
    "SELECT origin, seq, hlc, entity, row_id AS rowId, field, value, supersedes FROM changes WHERE origin <> 'seed' ORDER BY origin, seq",
  );
  const set = db.prepare('UPDATE changes SET chain = ? WHERE origin = ? AND seq = ?');
  let origin: string | undefined;
  let chain: string | null = null;
  let expected = 1;
  for (const row of rows.all() as (Omit<Change, 'supersedes'> & { supersedes: string })[]) {
    if (row.origin !== origin) {
      origin = row.origin;
      chain = chainStart(origin);
      expected = 1;
    }
    if (chain === null || row.seq !== expected++) {
      chain = null;
      continue;
    }
    chain = nextChain(chain, { ...row, supersedes: JSON.parse(row.supersedes) as Change['supersedes'] });
    set.run(chain, row.origin, row.seq);
  }
}

type Migration = string | ((db: Database.Database) => void);

const MIGRATIONS: Migration[] = [
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

  -- Since migration 14, only versions superseded before they reached the log.
  CREATE TABLE superseded (origin TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID;

  -- Local to this replica: what each peer held per its last file (what it may lack), and
  -- the journal of syncs shown to the user.
  CREATE TABLE peer_state (replica_id TEXT PRIMARY KEY, held TEXT NOT NULL, file_created_at TEXT NOT NULL, received_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE sync_journal (id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL);
  -- Files of a shared folder already imported, by path and size (a file never changes once written).
  CREATE TABLE folder_imports (path TEXT PRIMARY KEY, bytes INTEGER NOT NULL, imported_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE version_vector (origin TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
  -- Fields with several live values, and shown rows with a live delete (store/changelog.ts).
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

  // 2: réunions and their comptes rendus; the project's delay of tacit validation.
  (db) => {
    addChainColumn(db);
    db.exec(`
      ALTER TABLE project ADD COLUMN validation_silence_days INTEGER;
      ${derivedTable(
        'meeting',
        `type TEXT, title TEXT, date TEXT, start_time TEXT, duration_minutes INTEGER, place TEXT, chantier_ids TEXT,
        president_id TEXT, secretary_id TEXT, secretariat_partner_id TEXT, diffusion TEXT, next_meeting_date TEXT,
        validation_status TEXT, sent_on TEXT, validated_on TEXT, validated_by_id TEXT, version INTEGER,
        previous_version_id TEXT, amendment_reason TEXT`,
      )}
      CREATE INDEX meeting_by_date ON meeting (deleted, date, start_time);
      CREATE INDEX meeting_by_previous_version ON meeting (previous_version_id);
      ${derivedTable('participant', 'meeting_id TEXT, person_id TEXT, name TEXT, function TEXT, organisation TEXT, attendance TEXT, represented_by TEXT')}
      CREATE INDEX participant_by_meeting ON participant (meeting_id);
      ${derivedTable(
        'agenda_item',
        'meeting_id TEXT, position REAL, title TEXT, presenter TEXT, duration_minutes INTEGER, chantier_id TEXT, action_id TEXT, notes TEXT',
      )}
      CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id);
      CREATE INDEX agenda_item_by_action ON agenda_item (action_id);
      ${derivedTable('entry', 'meeting_id TEXT, agenda_item_id TEXT, kind TEXT, text TEXT, position REAL')}
      CREATE INDEX entry_by_meeting ON entry (meeting_id);
      ${derivedTable(
        'action_item',
        `meeting_id TEXT, agenda_item_id TEXT, position REAL, kind TEXT, action_id TEXT, title TEXT, responsable_id TEXT,
        due_date TEXT, chantier_id TEXT, status TEXT`,
      )}
      CREATE INDEX action_item_by_meeting ON action_item (meeting_id);
      CREATE INDEX action_item_by_action ON action_item (action_id);
      ${derivedTable(
        'follow_up',
        'meeting_id TEXT, action_item_id TEXT, action_id TEXT, title TEXT, responsable_id TEXT, due_date TEXT, status TEXT, progress INTEGER, comment TEXT',
      )}
      CREATE INDEX follow_up_by_meeting ON follow_up (meeting_id);
      CREATE INDEX follow_up_by_action ON follow_up (action_id);
    `);
    deriveFromLog(db, 'project', ['validation_silence_days']);
    for (const entity of ['meeting', 'participant', 'agenda_item', 'entry', 'action_item', 'follow_up'] as const) deriveFromLog(db, entity);
  },

  // 3: proven authorship (docs/sync.md, « Preuve d'auteur ») — each origin's hash chain, the
  // signatures received, the chain at the start of a run received after a gap, and each
  // poste's public key and revocation.
  (db) => {
    addChainColumn(db);
    db.exec(`
      CREATE TABLE signed_head (origin TEXT NOT NULL, seq INTEGER NOT NULL, signature TEXT NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID;
      CREATE TABLE chain_anchor (origin TEXT NOT NULL, seq INTEGER NOT NULL, chain TEXT NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID;
      ALTER TABLE replica ADD COLUMN public_key TEXT;
      ALTER TABLE replica ADD COLUMN revoked_after INTEGER;
    `);
    computeChains(db);
    deriveFromLog(db, 'replica', ['public_key', 'revoked_after']);
  },

  // 4: the fiche action's indicateurs, budget, financeurs, élus and partenaires extérieurs, documents.
  (db) => {
    db.exec(`
      ${derivedTable('indicator', 'chantier_id TEXT, name TEXT, unit TEXT, target_value REAL, target_date TEXT')}
      CREATE INDEX indicator_by_chantier ON indicator (chantier_id);
      ${derivedTable('indicator_link', 'indicator_id TEXT, action_id TEXT')}
      CREATE INDEX indicator_link_by_action ON indicator_link (action_id);
      CREATE INDEX indicator_link_by_indicator ON indicator_link (indicator_id);
      ${derivedTable('indicator_value', 'indicator_id TEXT, date TEXT, value REAL, author_id TEXT, comment TEXT')}
      CREATE INDEX indicator_value_by_indicator ON indicator_value (indicator_id, date);
      ${derivedTable('budget_line', 'action_id TEXT, year INTEGER, partner_id TEXT, planned REAL, spent REAL, tax_basis TEXT')}
      CREATE INDEX budget_line_by_action ON budget_line (action_id);
      ${derivedTable('funding', 'action_id TEXT, funder_type TEXT, funder_name TEXT, amount REAL, status TEXT')}
      CREATE INDEX funding_by_action ON funding (action_id);
      ${derivedTable('action_party', 'action_id TEXT, kind TEXT, name TEXT, organisation TEXT, role TEXT')}
      CREATE INDEX action_party_by_action ON action_party (action_id);
      ${derivedTable('attachment', 'owner_id TEXT, name TEXT, size INTEGER, sha256 TEXT, added_by TEXT, added_on TEXT')}
      CREATE INDEX attachment_by_owner ON attachment (owner_id);
      CREATE INDEX attachment_by_sha256 ON attachment (sha256);
      -- The documents' bytes, by SHA-256: local, filled by whoever has them (db/attachments).
      CREATE TABLE blob (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;
    `);
    for (const entity of ['indicator', 'indicator_link', 'indicator_value', 'budget_line', 'funding', 'action_party', 'attachment'] as const) {
      deriveFromLog(db, entity);
    }
  },

  // 5: civilité of a person, each action's number in its chantier, points and actions « à arbitrer ».
  (db) => {
    db.exec(`
      ALTER TABLE person ADD COLUMN civility TEXT;
      ALTER TABLE action ADD COLUMN number INTEGER;
      ALTER TABLE action ADD COLUMN to_arbitrate INTEGER;
      ALTER TABLE agenda_item ADD COLUMN to_arbitrate INTEGER;
    `);
    deriveFromLog(db, 'person', ['civility']);
    deriveFromLog(db, 'action', ['number', 'to_arbitrate']);
    deriveFromLog(db, 'agenda_item', ['to_arbitrate']);
  },

  // 6: the cooperation method — pistes and their évaluation croisée (one row per evaluator).
  (db) => {
    db.exec(`
      ${derivedTable(
        'piste',
        `number INTEGER, title TEXT, description TEXT, proposed_by_partner_id TEXT, proposed_by_service TEXT, proposed_by_person TEXT,
        atelier_meeting_id TEXT, finalites TEXT, chantier_id TEXT, status TEXT, status_reason TEXT, action_id TEXT, decision_entry_id TEXT`,
      )}
      CREATE INDEX piste_by_number ON piste (deleted, number, id);
      CREATE INDEX piste_by_action ON piste (action_id);
      ${derivedTable('piste_score', 'piste_id TEXT, evaluator_person_id TEXT, partner_id TEXT, plus_value INTEGER, faisabilite INTEGER, comment TEXT')}
      CREATE INDEX piste_score_by_piste ON piste_score (piste_id, partner_id);
    `);
    deriveFromLog(db, 'piste');
    deriveFromLog(db, 'piste_score');
  },

  // 7: the kind of each partner (a new cooperation of any collectivités), the comité whose
  // agenda carries a piste, the lettres d'info.
  (db) => {
    db.exec(`
      ALTER TABLE partner ADD COLUMN kind TEXT;
      ALTER TABLE piste ADD COLUMN agenda_meeting_id TEXT;
      CREATE INDEX piste_by_agenda_meeting ON piste (agenda_meeting_id);
      ${derivedTable('newsletter', 'number INTEGER, title TEXT, period_start TEXT, period_end TEXT, editorial TEXT, items TEXT, published_on TEXT, published_by_id TEXT')}
      CREATE INDEX newsletter_by_number ON newsletter (deleted, number, id);
    `);
    deriveFromLog(db, 'partner', ['kind']);
    deriveFromLog(db, 'piste', ['agenda_meeting_id']);
    deriveFromLog(db, 'newsletter');
  },

  // 8: live versions keyed as they are read, without copies of the log (liveVersionsByRow).
  liveVersionsByRow,

  // 9: a delete no longer hides a row when a row that goes with it was added or edited
  // without the delete's knowledge (store/dependents.ts): the rows hidden are derived again,
  // and the rows that go with another are found by an index each.
  (db) => {
    db.exec(`
      CREATE INDEX IF NOT EXISTS entry_by_agenda_item ON entry (agenda_item_id);
      CREATE INDEX IF NOT EXISTS action_item_by_agenda_item ON action_item (agenda_item_id);
      CREATE INDEX IF NOT EXISTS action_item_by_responsable ON action_item (responsable_id);
      CREATE INDEX IF NOT EXISTS follow_up_by_responsable ON follow_up (responsable_id);
      CREATE INDEX IF NOT EXISTS pilot_by_person ON pilot (person_id);
      CREATE INDEX IF NOT EXISTS participant_by_person ON participant (person_id);
    `);
    const log = new ChangeLog(db);
    log.revoked = revocationBounds(db);
    log.ownOrigin = (db.prepare("SELECT value FROM local_state WHERE key = 'replica_id'").pluck().get() as string | undefined) ?? undefined;
    for (const entity of DEPENDENTS_OF.keys()) {
      const hidden = db.prepare(`SELECT id FROM ${entity} WHERE deleted = 1`).pluck().all() as string[];
      log.refreshDeletedAbove(hidden.map((rowId) => ({ entity, rowId })));
    }
    new SearchIndex(db).refresh(log.touched);
  },

  // 10: a validation records what its poste held (meeting.validated_seen): the edits of the
  // minutes it had not seen show on their page.
  (db) => {
    if (!derivedColumns(db, 'meeting').includes('validated_seen')) db.exec('ALTER TABLE meeting ADD COLUMN validated_seen TEXT');
    deriveFromLog(db, 'meeting', ['validated_seen']);
  },

  // 11: a poste that changes the passphrase says, signed by its chain, which key it seals
  // its files with from then on (replica.sealing_key): another poste takes a new passphrase
  // only if a poste of the project announced it (db/sync/passphrase-elsewhere.ts).
  (db) => {
    if (!derivedColumns(db, 'replica').includes('sealing_key')) db.exec('ALTER TABLE replica ADD COLUMN sealing_key TEXT');
    deriveFromLog(db, 'replica', ['sealing_key']);
  },

  // 12: the log keeps one change's chain in CHAIN_KEPT_EVERY, the others are computed from
  // it when needed (Store.chainAt). Local only: files and what replicas share are the same.
  keepChainsEvery,

  // 13: the search index keeps no copy of the text it indexes (content = ''): the titles,
  // descriptions and notes are in their tables already, and the copy was a ninth of a database.
  (db) => {
    db.exec(`DROP TABLE action_search; ${SEARCH_TABLE}`);
    const actions = db.prepare('SELECT id FROM action').pluck().all() as string[];
    new SearchIndex(db).refresh(new Map([['action.description', new Set(actions)]]));
  },

  // 14: `superseded` marks only the versions superseded before they reached the log (out-of-order
  // delivery): a version in the log is live or not by live_versions, and 100,000 changes
  // received at once no longer write a mark for each version they replace.
  `DELETE FROM superseded WHERE EXISTS (SELECT 1 FROM changes c WHERE c.origin = superseded.origin AND c.seq = superseded.seq);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * The last migration that changed what replicas share (entities and fields); those after it
 * change only how a replica stores its data. Sync files carry this number, so that a poste
 * refuses only files holding data it has nowhere to put.
 */
export const SHARED_SCHEMA_VERSION = 11;

/** The app version that wrote each schema version: named when an older app refuses a newer file. */
const APP_VERSION_OF_SCHEMA: Record<number, string> = {
  1: '0.1.0',
  2: '0.2.0',
  3: '0.3.0',
  4: '0.3.0',
  5: '0.4.0',
  6: '0.4.0',
  7: '0.5.0',
  8: '0.6.0',
  9: '0.7.0',
  10: '0.8.0',
  11: '0.11.0',
  12: '0.12.0',
  13: '0.13.0',
  14: '0.13.0',
};

export const appVersionOfSchema = (schema: number): string => APP_VERSION_OF_SCHEMA[schema] ?? APP_VERSION_OF_SCHEMA[SCHEMA_VERSION];

/** Brings the file to the schema `target` (this version's, unless a test builds an older file). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  for (let version = current + 1; version <= target; version++) {
    db.transaction(() => {
      const migration = MIGRATIONS[version - 1];
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
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
