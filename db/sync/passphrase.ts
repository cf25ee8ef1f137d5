// The project passphrase on this poste (docs/sync.md, « Les clés du poste »): it is never
// kept. The key derived from it, and this poste's signing key, go to the key file (keys.ts);
// the poste's public key goes to the project's shared data, so that every laptop learns
// it by sync. Entente 0.2 kept the passphrase itself in the database: it is taken out at
// the first start of this version.
import { renewReplica } from '../project/setup';
import { getRow } from '../store/rows';
import type { Store } from '../store/store';
import { refusal } from '../errors';
import {
  hasKeyFile,
  newKeyring,
  saveKeyring,
  unlockWithPassphrase,
  validateExistingPassphrase,
  validateNewPassphrase,
  withPassphrase,
  derivedKey,
  type Keyring,
  type ProjectKey,
  type SystemSeal,
} from './keys';

/** What opens this poste's keys: the passphrase (CLI, tests), or the keyring the app unlocked. */
export type Secret = string | Keyring;

const LEGACY_KEY = 'passphrase';

/** This poste's keyring: as given, opened with the passphrase, or made at the first use of the passphrase. */
export function keyringOf(store: Store, secret: Secret): Keyring {
  if (typeof secret !== 'string') return secret;
  return unlockWithPassphrase(store, secret) ?? setUpKeys(store, secret);
}

/**
 * The project keys that open files: this poste's, or on a poste without keys yet the key of
 * the passphrase given, tried without making anything (a wrong passphrase leaves no trace).
 */
export function readingKeys(store: Store, secret: Secret): ProjectKey[] {
  if (typeof secret !== 'string') return secret.keys;
  return unlockWithPassphrase(store, secret)?.keys ?? [derivedKey(secret, store.requireReplica().projectId)];
}

/**
 * Whether this poste chooses the project's passphrase (no other poste heard of yet: 12
 * characters at least) rather than typing the one the others use, maybe chosen under Entente 0.2's rule of 8.
 */
export function choosesPassphrase(store: Store): boolean {
  const { replicaId } = store.requireReplica();
  return store.db.prepare("SELECT 1 FROM version_vector WHERE origin NOT IN ('seed', ?) LIMIT 1").pluck().get(replicaId) === undefined;
}

/**
 * This poste's keys, made from the project's passphrase: a new signing key, whose public
 * half is published in the project. A poste whose earlier key was lost (its key file
 * deleted) cannot publish another under the same id: it gets a new id first.
 */
export function setUpKeys(store: Store, passphrase: string, system?: SystemSeal): Keyring {
  validateExistingPassphrase(passphrase);
  return store.transaction(() => {
    const own = getRow(store, 'replica', store.requireReplica().replicaId);
    if (own?.public_key) renewReplica(store);
    const keyring = newKeyring(store, passphrase);
    publishKeys(store, keyring, system);
    return keyring;
  });
}

/** Publishes the poste's public key and writes its key file, last in the transaction that made them. */
export function publishKeys(store: Store, keyring: Keyring, system?: SystemSeal): void {
  store.write([{ entity: 'replica', rowId: keyring.replica, field: 'public_key', value: keyring.publicKey }]);
  forgetLegacyPassphrase(store);
  saveKeyring(store, keyring, system);
}

/** After a restored backup gave this poste a new id: a new signing key, published, with the same project keys. */
export function rekey(store: Store, keyring: Keyring, system?: SystemSeal): Keyring {
  return store.transaction(() => {
    const renewed = newKeyring(store, keyring.keys);
    publishKeys(store, renewed, system);
    return renewed;
  });
}

/**
 * A new passphrase for the files this poste writes from now on: chosen here (the first
 * poste to change it), or typed after another poste changed it. The older keys stay, to
 * read the files written before. The poste says which key it seals with now, a change of
 * its own row that its chain signs: the announcement other postes check before taking it.
 */
export function changePassphrase(store: Store, keyring: Keyring, passphrase: string, system?: SystemSeal): Keyring {
  validateNewPassphrase(passphrase);
  if (derivedKey(passphrase, keyring.project).id === keyring.keys[0].id) throw refusal('same-passphrase');
  const changed = withPassphrase(keyring, passphrase);
  return store.transaction(() => {
    store.write([{ entity: 'replica', rowId: keyring.replica, field: 'sealing_key', value: changed.keys[0].id }]);
    // Last: a key file that cannot be written takes the announcement back.
    saveKeyring(store, changed, system);
    return changed;
  });
}

/** The passphrase Entente 0.2 kept in the database, if this file still holds it. */
export function legacyPassphrase(store: Store): string | undefined {
  return store.localState(LEGACY_KEY);
}

/** Takes the passphrase out of the database for good: overwritten, and out of the write-ahead log. */
function forgetLegacyPassphrase(store: Store): void {
  if (legacyPassphrase(store) === undefined) return;
  store.db.pragma('secure_delete = ON');
  store.db.prepare('DELETE FROM local_state WHERE key = ?').run(LEGACY_KEY);
  store.db.pragma('secure_delete = OFF');
}

/** After the transaction that forgot it: the old page out of the write-ahead log too. */
export function checkpointAfterForgetting(store: Store): void {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** At the first start of this version on a poste of Entente 0.2: its keys, from the passphrase it kept. */
export function upgradeLegacyPassphrase(store: Store, system?: SystemSeal): Keyring | undefined {
  const passphrase = legacyPassphrase(store);
  if (passphrase === undefined || hasKeyFile(store)) return undefined;
  const keyring = setUpKeys(store, passphrase, system);
  checkpointAfterForgetting(store);
  return keyring;
}
