// The pilote of an action or a chantier, one per partner. The row id is derived from the
// owner and the partner so that two replicas naming a pilote write the same row: they
// converge, or show a conflict, instead of creating two pilotes.
import { ValidationError, refusal } from '../errors';
import type { Edit, Store } from '../store/store';
import { getRow, newRowEdits, requireRow, validatePatch } from '../store/rows';

export const pilotId = (ownerId: string, partnerId: string) => `${ownerId}:${partnerId}`;

/** A field left undefined keeps what is already written: each field saves on its own. */
export function setPilot(store: Store, ownerId: string, partnerId: string, pilot: { person_id?: string | null; services?: string | null }): void {
  if (!getRow(store, 'action', ownerId) && !getRow(store, 'chantier', ownerId)) {
    throw refusal('not-found', 'action', ownerId);
  }
  store.write(pilotEdits(store, ownerId, partnerId, pilot));
}

/** The edits naming a pilote, checked; the owner is the caller's (the import writes it in the same call). */
export function pilotEdits(store: Store, ownerId: string, partnerId: string, pilot: { person_id?: string | null; services?: string | null }): Edit[] {
  const partner = requireRow(store, 'partner', partnerId, 'unknown-reference');
  const fields = validatePatch('pilot', { owner_id: ownerId, partner_id: partnerId, ...pilot });
  if (fields.person_id) {
    const person = requireRow(store, 'person', fields.person_id, 'unknown-reference');
    if (person.partner_id !== partnerId) {
      const whom = /^Département\b/.test(partner.name) ? partner.name : `partenaire « ${partner.name} »`;
      throw new ValidationError(`Le pilote doit appartenir au ${whom} : ${person.name} n'en fait pas partie.`, 'person_id');
    }
  }
  return newRowEdits('pilot', fields, pilotId(ownerId, partnerId));
}
