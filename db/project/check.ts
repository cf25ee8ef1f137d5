// `entente check`: SQLite's own integrity check, then agreement between the change log and
// the tables derived from it. The log is replayed into a fresh in-memory store by the same
// code that applies sync files, and every derived table is compared with the one on disk.
import type Database from 'better-sqlite3';
import type { Change } from '../store/changelog';
import { ENTITIES, ENTITY_NAMES } from '../store/schema';
import { indexedWords } from '../store/search';
import { Store } from '../store/store';

/**
 * A fresh store (in memory unless a file is given) whose tables are derived from these changes,
 * applied in this order. `ownOrigin`: the replica whose log it is, whose own changes count even
 * after a revocation of it (store/revocations.ts).
 */
export function replay(changes: Iterable<Change>, file = ':memory:', ownOrigin?: string): Store {
  const store = Store.open(file);
  store.log.ownOrigin = ownOrigin;
  store.applyChanges(changes);
  return store;
}

/** Each derived table as comparable rows, with what names a row; rids are local to a file, so left out. */
const DERIVED: { name: string; key: string; select: (schema: string, db: Database.Database) => string }[] = [
  ...ENTITY_NAMES.map((entity) => ({
    name: entity,
    key: 'id',
    select: (schema: string) => `SELECT id, ${Object.keys(ENTITIES[entity]).join(', ')}, deleted FROM ${schema}.${entity}`,
  })),
  {
    name: 'live_versions',
    key: "origin || ' ' || seq",
    select: (schema) => `SELECT origin, seq, entity, row_id, field FROM ${schema}.live_versions`,
  },
  { name: 'superseded', key: "origin || ' ' || seq", select: (schema) => `SELECT origin, seq FROM ${schema}.superseded` },
  { name: 'version_vector', key: 'origin', select: (schema) => `SELECT origin, seq FROM ${schema}.version_vector` },
  {
    name: 'conflict_fields',
    key: "entity || ' ' || row_id || ' ' || field",
    select: (schema) => `SELECT entity, row_id, field FROM ${schema}.conflict_fields`,
  },
  {
    name: 'action_search',
    key: 'id',
    select: (schema, db) => indexedWords(db, schema),
  },
  { name: 'action (clé de tri des titres)', key: 'id', select: (schema) => `SELECT id, title_key FROM ${schema}.action` },
];

export function check(store: Store): { ok: boolean; problems: string[] } {
  let problems: string[];
  try {
    problems = (store.db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .filter((message) => message !== 'ok')
      .map((message) => `Intégrité SQLite : ${message}`);
  } catch (error) {
    // So damaged that SQLite stops reading: that is the finding.
    return { ok: false, problems: [`Intégrité SQLite : ${(error as Error).message}`] };
  }
  if (problems.length > 0) return { ok: false, problems };

  const replica = store.replicaId;
  if (replica) {
    const logged = store.db.prepare('SELECT max(seq) FROM changes WHERE origin = ?').pluck().get(replica) as number | null;
    const counter = Number(store.localState('seq') ?? 0);
    if ((logged ?? 0) > counter) {
      problems.push(`Le compteur de cet ordinateur (${counter}) est en retard sur son journal (${logged}) : ses prochaines modifications seraient perdues.`);
    }
  }

  const rebuilt = replay(store.log.changes(), ':memory:', store.replicaId);
  try {
    rebuilt.db.prepare('ATTACH DATABASE ? AS disk').run(store.file);
    for (const { name, key, select } of DERIVED) {
      const diff = rebuilt.db
        .prepare(
          `SELECT count(DISTINCT ${key}) AS count, min(${key}) AS example FROM (
             SELECT * FROM (${select('main', rebuilt.db)} EXCEPT ${select('disk', rebuilt.db)})
             UNION ALL SELECT * FROM (${select('disk', rebuilt.db)} EXCEPT ${select('main', rebuilt.db)}))`,
        )
        .get() as { count: number; example: unknown };
      if (diff.count > 0) {
        problems.push(`Table ${name} : ${diff.count} ligne(s) ne correspondent pas au journal des modifications (par ex. ${diff.example}).`);
      }
    }
  } finally {
    rebuilt.close();
  }
  return { ok: problems.length === 0, problems };
}
