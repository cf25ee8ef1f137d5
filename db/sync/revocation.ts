// Revoking a lost or departed laptop (docs/sync.md, « Révoquer un poste »): a change like
// any other, the field `revoked_after` of its replica row, holding the last of its changes
// the revoker had received. Every laptop that holds the revocation refuses that poste's
// changes numbered after it, and drops those it had taken meanwhile; what it wrote before
// stays. Two revocations of one poste: the earlier bound wins (in doubt, refuse more).
import { refusal } from '../errors';
import { SEED_ORIGIN } from '../project/setup';
import { dropChangesAfter } from '../store/rebuild';
import { requireRow } from '../store/rows';
import type { Store } from '../store/store';
import { replicaLabel } from './labels';

/** The last change of `origin` accepted here, if it is revoked. */
export function revocationBound(store: Store, origin: string): number | undefined {
  const bound = store.db
    .prepare("SELECT min(CAST(value AS INTEGER)) FROM live_versions WHERE entity = 'replica' AND row_id = ? AND field = 'revoked_after' AND value <> 'null'")
    .pluck()
    .get(origin) as number | null;
  return bound ?? undefined;
}

/** Revokes a poste: its changes after the last one this laptop holds are refused everywhere the revocation arrives. */
export function revokeReplica(store: Store, replica: string): { revoked_after: number } {
  const { replicaId } = store.requireReplica();
  if (replica === replicaId) throw refusal('cannot-revoke-self');
  if (replica === SEED_ORIGIN) throw refusal('cannot-revoke-seed');
  requireRow(store, 'replica', replica);
  if (revocationBound(store, replica) !== undefined) throw refusal('already-revoked', replicaLabel(store, replica));
  const after = store.log.versionVector()[replica] ?? 0;
  store.transaction(() => {
    store.write([{ entity: 'replica', rowId: replica, field: 'revoked_after', value: after }]);
    enforceRevocations(store);
  });
  return { revoked_after: after };
}

/**
 * Drops the changes of revoked postes numbered after their revocation (taken before the
 * revocation arrived). This poste's own changes stay: it is told it was revoked instead.
 */
export function enforceRevocations(store: Store): number {
  const own = store.replicaId;
  const revoked = store.db
    .prepare(
      `SELECT row_id AS origin, min(CAST(value AS INTEGER)) AS bound FROM live_versions
       WHERE entity = 'replica' AND field = 'revoked_after' AND value <> 'null' GROUP BY row_id`,
    )
    .all() as { origin: string; bound: number }[];
  const beyond = store.db.prepare('SELECT 1 FROM changes WHERE origin = ? AND seq > ? LIMIT 1').pluck();
  let dropped = 0;
  for (const { origin, bound } of revoked) {
    if (origin !== own && beyond.get(origin, bound)) dropped += dropChangesAfter(store, origin, bound);
  }
  return dropped;
}

/** Who revoked this poste, if it was: its own files would be refused everywhere. */
export function revokedBy(store: Store): string | undefined {
  const { replicaId } = store.requireReplica();
  const origin = store.db
    .prepare("SELECT origin FROM live_versions WHERE entity = 'replica' AND row_id = ? AND field = 'revoked_after' AND value <> 'null' LIMIT 1")
    .pluck()
    .get(replicaId) as string | undefined;
  return origin && replicaLabel(store, origin);
}
