// The people of the partners: pilotes, note authors, users of the laptops.
import { UserError } from '../errors';
import { cached } from '../statements';
import type { Store } from '../store';
import type { Person, PersonInput } from '../types';
import { deleteRow, requireRow, insertRow, updateRow, validatePatch } from './rows';

// Pilot rows of deleted actions or chantiers do not count: they are out of sight.
const PILOT_COUNT = `(SELECT count(*) FROM pilot p WHERE p.person_id = person.id AND p.deleted = 0 AND (
    EXISTS (SELECT 1 FROM action a WHERE a.id = p.owner_id AND a.deleted = 0)
    OR EXISTS (SELECT 1 FROM chantier c WHERE c.id = p.owner_id AND c.deleted = 0)))`;

function requirePartner(store: Store, partnerId: string): void {
  requireRow(store, 'partner', partnerId, `Partenaire inconnu : ${partnerId}.`);
}

function pilotCount(store: Store, personId: string): number {
  return store.db.prepare(`SELECT ${PILOT_COUNT} FROM person WHERE id = ?`).pluck().get(personId) as number;
}

function pilotsSentence(name: string, count: number): string {
  const s = count > 1 ? 's' : '';
  return `${name} est pilote de ${count} action${s} ou chantier${s}`;
}

export function listPeople(store: Store): Person[] {
  return cached(
    store,
    `SELECT id, name, function, partner_id, email, ${PILOT_COUNT} AS pilot_count
     FROM person WHERE deleted = 0 ORDER BY sort_key(name), id`,
  ).all() as Person[];
}

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
      throw new UserError('person-pilots', `${pilotsSentence(person.name, count)} : désignez d'autres pilotes avant de changer son partenaire.`);
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
  if (id === store.personId) throw new UserError('person-is-me', 'Vous ne pouvez pas supprimer la personne qui utilise ce poste.');
  const count = pilotCount(store, id);
  if (count > 0) {
    throw new UserError('person-pilots', `${pilotsSentence(person.name, count)} : désignez d'autres pilotes avant de supprimer cette personne.`);
  }
  deleteRow(store, 'person', id);
}
