// Élus référents and partenaires extérieurs of an action, beside its pilotes.
import { deleteRow, insertRow, requireRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import type { PartyPatch } from './types';

export function addParty(store: Store, actionId: string, input: PartyPatch & { kind: PartyPatch['kind']; name: string }): string {
  requireRow(store, 'action', actionId);
  const fields = validatePatch('action_party', { organisation: null, role: null, ...input, action_id: actionId });
  return insertRow(store, 'action_party', fields);
}

export function deleteParty(store: Store, id: string): void {
  deleteRow(store, 'action_party', id);
}
