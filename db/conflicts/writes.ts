// Settling a conflict (docs/sync.md): the value a person chose, written as one change that
// supersedes every live version.
import { ValidationError, refusal } from '../errors';
import { validatePatch } from '../store/rows';
import { fieldSchema, isEntityName } from '../store/schema';
import type { Store } from '../store/store';

/**
 * Settles a conflict with the value a person chose (one of the versions, or a merged value):
 * a change that supersedes every live version, so the choice applies everywhere. For the
 * field `deleted`, true confirms the delete and false keeps the row.
 */
export function resolveConflict(store: Store, entity: string, rowId: string, field: string, value: unknown): void {
  if (!isEntityName(entity)) throw refusal('unknown-entity', entity);
  const known = store.db.prepare('SELECT 1 FROM changes WHERE entity = ? AND row_id = ? LIMIT 1').pluck().get(entity, rowId);
  if (!known) throw refusal('unknown-row', rowId);
  if (field === 'deleted') {
    if (typeof value !== 'boolean') throw new ValidationError('Choisissez de supprimer ou de garder la ligne.', field);
    store.write([{ entity, rowId, field, value }]);
    return;
  }
  if (!fieldSchema(entity, field)) throw new ValidationError(`Champ inconnu : ${field}.`, field);
  const parsed = validatePatch(entity, { [field]: value }) as Record<string, unknown>;
  store.write([{ entity, rowId, field, value: field in parsed ? parsed[field] : null }]);
}
