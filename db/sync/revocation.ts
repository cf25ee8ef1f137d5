// Revoking a lost or departed laptop (docs/sync.md, « Révoquer un poste »): a change like
// any other, the field `revoked_after` of its replica row, holding the last of its changes
// the revoker had received. Every laptop that holds the revocation derives its tables
// without that poste's later changes (store/revocations.ts); what it wrote before stays.
import { refusal } from '../errors';
import { SEED_ORIGIN } from '../project/setup';
import { getRow } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { replicaLabel } from './labels';

/** The last change of `origin` that counts here, if it is revoked. */
export function revocationBound(store: Store, origin: string): number | undefined {
  return store.log.revoked.get(origin);
}

/**
 * Revokes a poste: its changes after the last one this laptop holds no longer count, wherever
 * the revocation arrives. Any poste whose changes are here, even one that never said who it
 * is (no row of its own: a poste made with the passphrase alone), so that it can be stopped.
 * A revoked laptop revokes no one: its revocation would count nowhere else.
 */
export function revokeReplica(store: Store, replica: string): { revoked_after: number } {
  const { replicaId } = store.requireReplica();
  if (replica === replicaId) throw refusal('cannot-revoke-self');
  if (replica === SEED_ORIGIN) throw refusal('cannot-revoke-seed');
  const revoker = revokedBy(store);
  if (revoker) throw refusal('revoked-here', revoker);
  const known = getRow(store, 'replica', replica) !== undefined || cached(store, 'SELECT 1 FROM changes WHERE origin = ? LIMIT 1').get(replica) !== undefined;
  if (!known) throw refusal('not-found', 'replica', replica);
  if (revocationBound(store, replica) !== undefined) throw refusal('already-revoked', replicaLabel(store, replica));
  const after = store.log.versionVector()[replica] ?? 0;
  store.write([{ entity: 'replica', rowId: replica, field: 'revoked_after', value: after }]);
  return { revoked_after: after };
}

/** Who revoked this poste, if it was: what it writes would count nowhere else. */
export function revokedBy(store: Store): string | undefined {
  const revocation = revocationOf(store, store.requireReplica().replicaId);
  return revocation && replicaLabel(store, revocation.origin);
}

/**
 * The revocation that set a poste's bound in effect: one with that bound whose author was not
 * revoked before writing it (the first by clock among those, to name one).
 */
export function revocationOf(store: Store, replica: string): { origin: string; hlc: string; after: number } | undefined {
  const after = revocationBound(store, replica);
  if (after === undefined) return undefined;
  const candidates = cached(
    store,
    `SELECT origin, seq, hlc FROM changes WHERE entity = 'replica' AND row_id = ? AND field = 'revoked_after' AND CAST(value AS INTEGER) = ? ORDER BY hlc, origin`,
  ).all(replica, after) as { origin: string; seq: number; hlc: string }[];
  const counting = candidates.find(({ origin, seq }) => {
    const authorBound = revocationBound(store, origin);
    return authorBound === undefined || seq <= authorBound;
  });
  const { origin, hlc } = counting ?? candidates[0];
  return { origin, hlc, after };
}
