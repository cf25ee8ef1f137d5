// What the log keeps in conflict (SYNC.md "Nothing lost"): fields with several live
// versions of different values, and visible rows holding a live delete (a delete
// concurrent with an edit, or with a restore).
import { ENTITY_NAMES } from './schema';
import type { Store } from './store';

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

const rowConflicts = ENTITY_NAMES.map(
  (entity) => `SELECT '${entity}' AS entity, id AS row_id, 'deleted' AS field FROM ${entity} t
    WHERE t.deleted = 0 AND EXISTS (SELECT 1 FROM live_versions lv
      WHERE lv.entity = '${entity}' AND lv.row_id = t.id AND lv.field = 'deleted' AND lv.value LIKE '{%')`,
).join(' UNION ALL ');

export function listConflicts(store: Store): Conflict[] {
  const keys = store.db
    .prepare(
      `SELECT entity, row_id, field FROM live_versions WHERE field <> 'deleted'
       GROUP BY entity, row_id, field HAVING count(DISTINCT value) > 1
       UNION ALL ${rowConflicts}
       ORDER BY entity, row_id, field`,
    )
    .all() as Omit<Conflict, 'versions'>[];
  return keys.map((key) => ({
    ...key,
    versions: store.log.liveVersions(key.entity, key.row_id, key.field).map((version) => ({
      ...version,
      value: JSON.parse(version.value) as unknown,
    })),
  }));
}
