// What the log keeps in conflict (docs/sync.md §2): fields with several live
// versions of different values, and visible rows holding a live delete (a delete
// concurrent with an edit, or with a restore).
import type { Store } from '../store/store';

export interface ConflictVersion {
  origin: string;
  seq: number;
  hlc: string;
  /** The parsed value; for `deleted`, a delete mark { vv } or false. */
  value: unknown;
}

export interface Conflict {
  entity: string;
  row_id: string;
  field: string;
  versions: ConflictVersion[];
}

export function listConflicts(store: Store): Conflict[] {
  const keys = store.db.prepare('SELECT entity, row_id, field FROM conflict_fields ORDER BY entity, row_id, field').all() as Omit<Conflict, 'versions'>[];
  return keys.map((key) => ({
    ...key,
    versions: store.log.liveVersions(key.entity, key.row_id, key.field).map((version) => ({
      ...version,
      value: JSON.parse(version.value) as unknown,
    })),
  }));
}
