// Prepared statements of a connection, made once: preparing costs more than running a
// query on a small table, and the queries build their SQL from the filters in use.
import type Database from 'better-sqlite3';
import { sortKey } from './collation';
import type { Store } from './store';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement of this connection, made once; its SQL may call sort_key() (collation.ts). */
export function cached(store: Store, sql: string): Database.Statement {
  let bySql = statements.get(store.db);
  if (!bySql) {
    store.db.function('sort_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? sortKey(text) : text));
    statements.set(store.db, (bySql = new Map()));
  }
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = store.db.prepare(sql)));
  return statement;
}
