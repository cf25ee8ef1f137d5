// The project passphrase, kept in this replica's local_state: the laptop's own database
// never leaves it (only sync files go to shared folders, and those are encrypted with
// this passphrase), and the app must read and write sync files without asking for it at
// every round of the shared folder. A backup of the database holds it too.
import { ValidationError } from '../errors';
import type { Store } from '../store/store';

const KEY = 'passphrase';
const MIN_LENGTH = 8;

/** Refuses a passphrase too short to protect files left in shared and cloud folders. */
export function validatePassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < MIN_LENGTH) {
    throw new ValidationError(`La phrase de passe doit compter au moins ${MIN_LENGTH} caractères.`, 'passphrase');
  }
}

export function storedPassphrase(store: Store): string | undefined {
  return store.localState(KEY);
}

/** Kept exactly as typed: the key is derived from it, and every laptop must derive the same. */
export function storePassphrase(store: Store, passphrase: string): void {
  validatePassphrase(passphrase);
  store.setLocalState(KEY, passphrase);
}
