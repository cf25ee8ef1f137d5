// The pilote of an action or a chantier, one per partner. The row id is derived from the
// owner and the partner so that two replicas naming a pilote write the same row: they
// converge, or show a conflict, instead of creating two pilotes.
import { ValidationError, refusal } from '../errors';
import type { Store } from '../store/store';
import { getRow, insertRow, requireRow, validatePatch } from '../store/rows';

export const pilotId = (ownerId: string, partnerId: string) => `${ownerId}:${partnerId}`;

/** A field left undefined keeps what is already written: each field saves on its own. */
export function setPilot(store: Store, ownerId: string, partnerId: string, pilot: { person_id?: string | null; services?: string | null }): void {
  if (!getRow(store, 'action', ownerId) && !getRow(store, 'chantier', ownerId)) {
    throw refusal('not-found', 'action', ownerId);
  }
  const partner = requireRow(store, 'partner', partnerId, 'unknown-reference');
  const fields = validatePatch('pilot', { owner_id: ownerId, partner_id: partnerId, ...pilot });
  if (fields.person_id) {
    const person = requireRow(store, 'person', fields.person_id, 'unknown-reference');
    if (person.partner_id !== partnerId) {
      const whom = /^Département\b/.test(partner.name) ? partner.name : `partenaire « ${partner.name} »`;
      throw new ValidationError(`Le pilote doit appartenir au ${whom} : ${person.name} n'en fait pas partie.`, 'person_id');
    }
  }
  insertRow(store, 'pilot', fields, pilotId(ownerId, partnerId));
}
