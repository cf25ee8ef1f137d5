// How a poste is named in sentences: « poste de Claire Martin (Indre-et-Loire) ».
import type { Store } from '../store/store';

/** "poste de Claire Martin (Indre-et-Loire)", or "poste ID" for a replica unknown here. */
export function replicaLabel(store: Store, replica: string): string {
  const row = store.db
    .prepare(
      `SELECT pe.name, pa.short_name FROM replica r LEFT JOIN person pe ON pe.id = r.person_id
       LEFT JOIN partner pa ON pa.id = r.partner_id WHERE r.id = ?`,
    )
    .get(replica) as { name: string | null; short_name: string | null } | undefined;
  if (!row?.name) return `poste ${replica}`;
  return `poste de ${row.name}${row.short_name ? ` (${row.short_name})` : ''}`;
}
