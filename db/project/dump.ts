// A canonical text of a replica's shared state, for comparing replicas and for tests:
// two replicas holding the same changes print the same bytes. Nothing local to one
// replica goes in (rids, local_state, import dates).
import { listConflicts } from '../conflicts/versions';
import { BOOLEAN_FIELDS, ENTITIES, ENTITY_NAMES, isEntityName, JSON_FIELDS, type EntityName } from '../store/schema';
import type { Store } from '../store/store';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** A derived column's value as the change log wrote it. */
function fromColumn(field: string, value: unknown): unknown {
  if (value === null) return null;
  if (JSON_FIELDS.has(field)) return JSON.parse(value as string);
  if (BOOLEAN_FIELDS.has(field)) return value === 1;
  return value;
}

function visibleRows(store: Store, entity: EntityName): Record<string, unknown>[] {
  const fields = Object.keys(ENTITIES[entity]);
  const rows = store.db.prepare(`SELECT id, ${fields.join(', ')} FROM ${entity} WHERE deleted = 0 ORDER BY id`).all() as Record<string, unknown>[];
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([field, value]) => [field, fromColumn(field, value)])));
}

export function dump(store: Store): string {
  const changes = [...store.log.changes()].map(({ rowId, value, ...change }) => ({ ...change, row_id: rowId, value: JSON.parse(value) }));
  const state = {
    entities: Object.fromEntries(ENTITY_NAMES.map((entity) => [entity, visibleRows(store, entity)])),
    conflicts: listConflicts(store),
    versionVector: store.log.versionVector(),
    changes,
  };
  return `${JSON.stringify(sortKeys(state), null, 2)}\n`;
}

export interface Counts {
  partners: number;
  people: number;
  chantiers: number;
  actions: number;
  meetings: number;
  pistes: number;
  /** Lettres d'info published (drafts are not counted). */
  newsletters: number;
  changes: number;
  conflicts: number;
}

/** Visible rows of an entity; 0 for an entity this version does not know yet. */
function countVisible(store: Store, entity: string): number {
  return isEntityName(entity) ? (store.db.prepare(`SELECT count(*) FROM ${entity} WHERE deleted = 0`).pluck().get() as number) : 0;
}

export function counts(store: Store): Counts {
  return {
    partners: countVisible(store, 'partner'),
    people: countVisible(store, 'person'),
    chantiers: countVisible(store, 'chantier'),
    actions: countVisible(store, 'action'),
    // A compte rendu and its amendments are one meeting.
    meetings: store.db
      .prepare(
        'SELECT count(*) FROM meeting m WHERE m.deleted = 0 AND NOT EXISTS (SELECT 1 FROM meeting n WHERE n.previous_version_id = m.id AND n.deleted = 0)',
      )
      .pluck()
      .get() as number,
    pistes: countVisible(store, 'piste'),
    newsletters: store.db.prepare('SELECT count(*) FROM newsletter WHERE deleted = 0 AND published_on IS NOT NULL').pluck().get() as number,
    changes: store.db.prepare('SELECT count(*) FROM changes').pluck().get() as number,
    conflicts: listConflicts(store).length,
  };
}
