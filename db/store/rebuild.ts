// Taking changes out of the log: the tables derived from it are rebuilt from what remains,
// as a replay would (docs/sync.md §1), so every laptop that drops the same changes ends in
// the same state whatever it had derived from them. Rare (a revocation), so simple.
import { ENTITY_NAMES } from './schema';
import type { Store } from './store';

/** Drops `origin`'s changes numbered after `seq`, and derives everything again from the rest. */
export function dropChangesAfter(store: Store, origin: string, seq: number): number {
  return store.transaction(() => {
    const dropped = store.db.prepare('DELETE FROM changes WHERE origin = ? AND seq > ?').run(origin, seq).changes;
    if (dropped === 0) return 0;
    const remaining = [...store.log.changes()];
    for (const table of [...ENTITY_NAMES, 'live_versions', 'superseded', 'version_vector', 'conflict_fields', 'action_search', 'changes']) {
      store.db.prepare(`DELETE FROM ${table}`).run();
    }
    store.applyChanges(remaining);
    return dropped;
  });
}
