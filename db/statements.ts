// Prepared statements of a connection, made once: preparing costs more than running a
// query on a small table, and the queries build their SQL from the filters in use.
import type Database from 'better-sqlite3';
import type { Store } from './store';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

const sortKeys = new Map<string, string>();

/**
 * A sort key ignoring case and accents: SQLite's NOCASE knows ASCII only, and "É" would
 * sort after "Z". Memoised: every list sorts the same titles again.
 */
function sortKey(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  let key = sortKeys.get(text);
  if (key === undefined) {
    if (sortKeys.size >= 100_000) sortKeys.clear();
    key = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    sortKeys.set(text, key);
  }
  return key;
}

/** A prepared statement of this connection, made once; the SQL may call sort_key(). */
export function cached(store: Store, sql: string): Database.Statement {
  let bySql = statements.get(store.db);
  if (!bySql) {
    store.db.function('sort_key', { deterministic: true }, sortKey);
    statements.set(store.db, (bySql = new Map()));
  }
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = store.db.prepare(sql)));
  return statement;
}
