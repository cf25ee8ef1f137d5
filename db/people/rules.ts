// What the people and partners must respect: a pilote stays with its partner, a partner's code is unique.
import { ValidationError } from '../errors';
import type { Store } from '../store/store';
import { requireRow } from '../store/rows';

// Pilot rows of deleted actions or chantiers do not count: they are out of sight.
export const PILOT_COUNT = `(SELECT count(*) FROM pilot p WHERE p.person_id = person.id AND p.deleted = 0 AND (
    EXISTS (SELECT 1 FROM action a WHERE a.id = p.owner_id AND a.deleted = 0)
    OR EXISTS (SELECT 1 FROM chantier c WHERE c.id = p.owner_id AND c.deleted = 0)))`;

export function requirePartner(store: Store, partnerId: string): void {
  requireRow(store, 'partner', partnerId, 'unknown-reference');
}

export function pilotCount(store: Store, personId: string): number {
  return store.db.prepare(`SELECT ${PILOT_COUNT} FROM person WHERE id = ?`).pluck().get(personId) as number;
}

export function checkCodeFree(store: Store, code: string, exceptId?: string): void {
  const other = store.db
    .prepare('SELECT short_name FROM partner WHERE code = ? AND deleted = 0 AND id IS NOT ?')
    .pluck()
    .get(code, exceptId ?? null) as string | undefined;
  if (other !== undefined) throw new ValidationError(`Le code ${code} est déjà utilisé par le partenaire ${other}.`, 'code');
}
