// The keys this laptop's user confirmed (docs/sync.md, « Confirmer la clé d'un poste »): its
// fingerprint, read by phone from the poste's own Synchronisation screen, typed here and matched.
// A signature then proves more than "a key of the project": the key of that person's laptop.
// Kept on this laptop only (local_state), never replicated: a poste fabricated by someone
// who holds the passphrase stays unconfirmed wherever no one confirmed it.
import { refusal } from '../errors';
import { requireRow } from '../store/rows';
import type { Store } from '../store/store';
import { fingerprint } from './keys';
import { replicaLabel } from './labels';

const CONFIRMED_KEYS = 'confirmed_keys';

/** By poste: the public key confirmed, and when. */
type Confirmations = Record<string, { key: string; at: string }>;

function confirmations(store: Store): Confirmations {
  const saved = store.localState(CONFIRMED_KEYS);
  return saved ? (JSON.parse(saved) as Confirmations) : {};
}

function publicKeyOf(store: Store, replica: string): string | null {
  return (store.db.prepare('SELECT public_key FROM replica WHERE id = ?').pluck().get(replica) as string | null | undefined) ?? null;
}

/** « 3f2a9c1b… » as typed from a phone call: the digits and letters alone, upper-case. */
const normalized = (typed: string) => typed.replace(/[^0-9a-z]/gi, '').toUpperCase();

/**
 * Records that this poste's key has the fingerprint its owner read from their screen
 * (`heard`, typed here); refused if it is another: then the key is not theirs.
 */
export function confirmKey(store: Store, replica: string, heard: string, now = new Date()): { confirmed_at: string } {
  const { replicaId } = store.requireReplica();
  if (replica === replicaId) throw refusal('cannot-confirm-self');
  requireRow(store, 'replica', replica);
  const key = publicKeyOf(store, replica);
  if (!key) throw refusal('no-key-to-confirm', replicaLabel(store, replica));
  if (normalized(heard) !== normalized(fingerprint(key))) throw refusal('fingerprint-mismatch', replicaLabel(store, replica));
  const saved = confirmations(store);
  saved[replica] = { key, at: now.toISOString() };
  store.setLocalState(CONFIRMED_KEYS, JSON.stringify(saved));
  return { confirmed_at: saved[replica].at };
}

/**
 * When this laptop's user confirmed the poste's current key; null if never (or another key:
 * a poste's key never changes, so that would be another poste's row made to look like it).
 */
export function keyConfirmedAt(store: Store, replica: string): string | null {
  const confirmed = confirmations(store)[replica];
  return confirmed && confirmed.key === publicKeyOf(store, replica) ? confirmed.at : null;
}
