// Generic row writes shared by the entity modules: field validation with French
// messages, then one Store.write for the whole row.
import type { z } from 'zod';
import { entityName, refusal, ValidationError } from '../errors';
import { newId } from './ids';
import { ENTITIES, fieldSchema, type EntityFields, type EntityName } from './schema';
import { cached } from './statements';
import type { Edit, Store } from './store';

export type Patch<E extends EntityName> = Partial<EntityFields<E>>;

/** Checks each field of a patch; returns the parsed values (trimmed texts...). */
export function validatePatch<E extends EntityName>(entity: E, patch: Record<string, unknown>): Patch<E> {
  const parsed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const schema = fieldSchema(entity, field);
    if (!schema) throw new ValidationError(`Champ inconnu pour ${entityName(entity)} : ${field}.`, field);
    const result = (schema as z.ZodType).safeParse(value);
    if (!result.success) throw new ValidationError(result.error.issues[0]?.message ?? `Valeur invalide : ${field}.`, field);
    parsed[field] = result.data;
  }
  return parsed as Patch<E>;
}

/** The first field a new row lacks among those it must have (whose schema refuses null); undefined if none. */
export function missingRequired(entity: EntityName, patch: Record<string, unknown>): string | undefined {
  return Object.entries(ENTITIES[entity] as Record<string, z.ZodType>).find(
    ([field, schema]) => patch[field] === undefined && !schema.safeParse(null).success,
  )?.[0];
}

/** The French sentence a field's schema gives for a missing value. */
function missingMessage(entity: EntityName, field: string): string {
  const result = (fieldSchema(entity, field) as z.ZodType).safeParse(undefined);
  return result.error?.issues[0]?.message ?? `Champ obligatoire manquant : ${field}.`;
}

export function rowEdits(entity: EntityName, rowId: string, patch: Record<string, unknown>): Edit[] {
  return Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ entity, rowId, field, value }));
}

export function getRow<E extends EntityName>(store: Store, entity: E, id: string): (EntityFields<E> & { id: string }) | undefined {
  return cached(store, `SELECT * FROM ${entity} WHERE id = ? AND deleted = 0`).get(id) as (EntityFields<E> & { id: string }) | undefined;
}

/**
 * The row, or a refusal: `not-found` for the row being acted on (« L'action a4-1 est
 * introuvable »), `unknown-reference` for a row a field points to (« Chantier inconnu : c9. »).
 */
export function requireRow<E extends EntityName>(
  store: Store,
  entity: E,
  id: string,
  missing: 'not-found' | 'unknown-reference' = 'not-found',
): EntityFields<E> & { id: string } {
  const row = getRow(store, entity, id);
  if (!row) throw refusal(missing, entity, id);
  return row;
}

/** The edits that create a row from already validated fields, for a caller writing many rows at once. */
export function newRowEdits<E extends EntityName>(entity: E, patch: Patch<E>, id = newId()): Edit[] {
  const missing = missingRequired(entity, patch as Record<string, unknown>);
  if (missing) throw new ValidationError(missingMessage(entity, missing), missing);
  return rowEdits(entity, id, patch as Record<string, unknown>);
}

/** Creates a row from already validated fields. */
export function insertRow<E extends EntityName>(store: Store, entity: E, patch: Patch<E>, id = newId()): string {
  store.write(newRowEdits(entity, patch, id));
  return id;
}

export function updateRow<E extends EntityName>(store: Store, entity: E, id: string, patch: Patch<E>): number {
  requireRow(store, entity, id);
  return store.write(rowEdits(entity, id, patch as Record<string, unknown>));
}

export function deleteRow(store: Store, entity: EntityName, id: string): void {
  requireRow(store, entity, id);
  store.write([{ entity, rowId: id, field: 'deleted', value: true }]);
}

/** Undoes a delete: the row comes back as it was, with its id, author and place. */
export function restoreRow(store: Store, entity: EntityName, id: string): void {
  if (cached(store, `SELECT 1 FROM ${entity} WHERE id = ?`).pluck().get(id) !== 1) throw refusal('not-found', entity, id);
  store.write([{ entity, rowId: id, field: 'deleted', value: false }]);
}
