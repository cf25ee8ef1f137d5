// How an ordinateur (a replica) is named in sentences: « l'ordinateur de Claire Martin
// (Indre-et-Loire) », never by its id (the administrator finds ids in Paramètres › Ordinateurs).
import { de } from '../../common/french';
import { updateRow, validatePatch } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';

/** Unknown here: its replica row has not arrived yet (a gap). */
export const UNKNOWN_REPLICA = 'un ordinateur encore inconnu ici';

/** "l'ordinateur de Claire Martin (Indre-et-Loire)", with its article, ready for « par », « à »; `ofReplica` for « de ». */
export function replicaLabel(store: Store, replica: string): string {
  const row = store.db
    .prepare(
      `SELECT pe.name, pa.short_name FROM replica r LEFT JOIN person pe ON pe.id = r.person_id
       LEFT JOIN partner pa ON pa.id = r.partner_id WHERE r.id = ?`,
    )
    .get(replica) as { name: string | null; short_name: string | null } | undefined;
  if (!row?.name) return UNKNOWN_REPLICA;
  return `l'ordinateur ${de(row.name)}${row.short_name ? ` (${row.short_name})` : ''}`;
}

/** « de l'ordinateur de … », « d'un ordinateur encore inconnu ici ». */
export function ofReplica(label: string): string {
  return label.startsWith('un ') ? `d'${label}` : `de ${label}`;
}

/** The person using an ordinateur, when known here: « Marc Petit ». */
export function replicaPerson(store: Store, replica: string): string | null {
  return (
    (cached(store, 'SELECT pe.name FROM replica r JOIN person pe ON pe.id = r.person_id WHERE r.id = ?').pluck().get(replica) as string | undefined) ?? null
  );
}

/**
 * Names this ordinateur (« Portable DRH »), or takes its name away: it tells a person's
 * laptops apart on every poste, once synchronised. Only an ordinateur names itself.
 */
export function nameThisComputer(store: Store, label: string | null): void {
  const { replicaId } = store.requireReplica();
  updateRow(store, 'replica', replicaId, validatePatch('replica', { label: label?.trim() || null }));
}
