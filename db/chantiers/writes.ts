// The chantiers of the cooperation; their number is what people call them by.
import { ValidationError } from '../errors';
import type { Store } from '../store/store';
import type { ChantierInput } from './types';
import { insertRow, updateRow, validatePatch } from '../store/rows';

function checkNumberFree(store: Store, number: number, exceptId?: string): void {
  const other = store.db
    .prepare('SELECT title FROM chantier WHERE number = ? AND deleted = 0 AND id IS NOT ?')
    .pluck()
    .get(number, exceptId ?? null) as string | undefined;
  if (other !== undefined) throw new ValidationError(`Le numéro ${number} est déjà celui du chantier « ${other} ».`, 'number');
}

export function createChantier(store: Store, input: ChantierInput): string {
  const fields = validatePatch('chantier', input as unknown as Record<string, unknown>);
  if (fields.number !== undefined) checkNumberFree(store, fields.number);
  return insertRow(store, 'chantier', fields);
}

export function updateChantier(store: Store, id: string, patch: Partial<ChantierInput>): void {
  const fields = validatePatch('chantier', patch);
  if (fields.number !== undefined) checkNumberFree(store, fields.number, id);
  updateRow(store, 'chantier', id, fields);
}
