// Adding, changing and removing people and partners, through the change log.
import { refusal } from '../errors';
import type { Store } from '../store/store';
import type { PartnerInput, PersonInput } from './types';
import { deleteRow, requireRow, insertRow, updateRow, validatePatch } from '../store/rows';
import { pilotCount, requirePartner, checkCodeFree } from './rules';

export function createPerson(store: Store, input: PersonInput): string {
  const fields = validatePatch('person', input as unknown as Record<string, unknown>);
  if (fields.partner_id) requirePartner(store, fields.partner_id);
  return insertRow(store, 'person', fields);
}

export function updatePerson(store: Store, id: string, patch: Partial<PersonInput>): void {
  const person = requireRow(store, 'person', id);
  const fields = validatePatch('person', patch);
  if (fields.partner_id !== undefined && fields.partner_id !== person.partner_id) {
    requirePartner(store, fields.partner_id);
    // A pilote belongs to the partner it pilots for.
    const count = pilotCount(store, id);
    if (count > 0) {
      throw refusal('person-pilots', person.name, count, 'partner');
    }
  }
  store.transaction(() => {
    updateRow(store, 'person', id, fields);
    // This laptop's user changed Département: the other laptops see this replica under it.
    if (id === store.personId && fields.partner_id !== undefined && store.replicaId) {
      store.write([{ entity: 'replica', rowId: store.replicaId, field: 'partner_id', value: fields.partner_id }]);
    }
  });
}

export function deletePerson(store: Store, id: string): void {
  const person = requireRow(store, 'person', id);
  if (id === store.personId) throw refusal('person-is-me');
  const count = pilotCount(store, id);
  if (count > 0) {
    throw refusal('person-pilots', person.name, count, 'delete');
  }
  deleteRow(store, 'person', id);
}

export function createPartner(store: Store, input: PartnerInput): string {
  const fields = validatePatch('partner', input as unknown as Record<string, unknown>);
  if (fields.code) checkCodeFree(store, fields.code);
  const last = store.db.prepare('SELECT max(position) FROM partner WHERE deleted = 0').pluck().get() as number | null;
  return insertRow(store, 'partner', { ...fields, position: (last ?? 0) + 1 });
}

export function updatePartner(store: Store, id: string, patch: Partial<PartnerInput>): void {
  const fields = validatePatch('partner', patch);
  if (fields.code !== undefined) checkCodeFree(store, fields.code, id);
  updateRow(store, 'partner', id, fields);
}
