// Deriving every table again from the whole log, as a replay would (docs/sync.md §1): when
// a revocation changes which changes count, the tables derived from them are rebuilt, so
// that every laptop holding the same log shows the same. Rare, so simple.
import { ENTITY_NAMES } from './schema';
import type { Store } from './store';

export function rederiveAll(store: Store): void {
  store.transaction(() => {
    const all = [...store.log.changes()];
    for (const table of [...ENTITY_NAMES, 'live_versions', 'superseded', 'version_vector', 'conflict_fields', 'action_search', 'changes']) {
      store.db.prepare(`DELETE FROM ${table}`).run();
    }
    store.log.apply(all);
  });
}
