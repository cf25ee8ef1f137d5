// This poste's keys in the app. The system keychain (Electron's safeStorage: DPAPI on Windows, the Keychain on macOS,
// libsecret or KWallet on Linux) seals this poste's keys, so that the passphrase is typed
// once. On Linux without a keyring, safeStorage falls back to a fixed key (« basic_text »),
// which protects nothing: the app says so and keeps the keys sealed that way only if the
// user agrees; otherwise it asks for the passphrase at each start.
import { refusal } from '../db/errors';
import type { Store } from '../db/store/store';
import {
  derivedKey,
  hasKeyFile,
  keyFileCurrentKey,
  lockKeyring,
  saveKeyring,
  unlockWithPassphrase,
  unlockWithSystem,
  validateNewPassphrase,
  type Keyring,
  type SystemSeal,
} from '../db/sync/keys';
import { changePassphrase, choosesPassphrase, rekey, setUpKeys, upgradeLegacyPassphrase } from '../db/sync/passphrase';
import { adoptPassphrase, announcerOfPassphrase } from '../db/sync/passphrase-elsewhere';
import { checkFirstPassphrase } from '../db/sync/folder';
import { folderState } from '../db/sync/status';
import type { KeychainState, KeysState } from '../preload/contract';

const CONSENT_KEY = 'keychain_plain_text';

/** What main uses of Electron's safeStorage; given by main/index.ts (absent in the tests of db/ and main/). */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * This poste's keys while the app runs: opened by the keychain at start, or by the
 * passphrase typed on the Synchronisation screen; kept in main's memory only, across the
 * reopenings of the data file after each sync job.
 */
export class PosteKeys {
  private keyring?: Keyring;

  constructor(private readonly safeStorage?: SafeStorage) {}

  keychainState(store: Store): KeychainState {
    if (!this.safeStorage?.isEncryptionAvailable()) return 'unavailable';
    if (process.platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text') {
      const consent = store.localState(CONSENT_KEY);
      return consent === 'accepted' ? 'plain-text-accepted' : consent === 'refused' ? 'plain-text-refused' : 'plain-text';
    }
    return 'system';
  }

  /** The seal the app uses, if the system offers a real one or the user accepted its plain-text fallback. */
  systemSeal(store: Store): SystemSeal | undefined {
    const state = this.keychainState(store);
    const safeStorage = this.safeStorage;
    if (!safeStorage || (state !== 'system' && state !== 'plain-text-accepted')) return undefined;
    return { seal: (plain) => safeStorage.encryptString(plain), open: (sealed) => safeStorage.decryptString(sealed) };
  }

  /** At each opening of the data file: a poste of Entente 0.2 gets its keys from the passphrase it kept; the keychain opens them. */
  opened(store: Store): void {
    if (this.keyring && this.keyring.replica !== store.replicaId) this.keyring = undefined;
    if (this.keyring || !store.replicaId) return;
    const seal = this.systemSeal(store);
    this.keyring = upgradeLegacyPassphrase(store, seal) ?? (seal ? unlockWithSystem(store, seal) : undefined);
  }

  /**
   * Keys changed outside the app while it runs (`entente passphrase change` on the same data
   * folder): those in memory would keep sealing files with the old passphrase, and a change
   * made here would drop the new key. They are forgotten; the new passphrase is asked for.
   */
  private forgetIfChangedElsewhere(store: Store): void {
    if (!this.keyring || !hasKeyFile(store) || keyFileCurrentKey(store) === this.keyring.keys[0].id) return;
    this.keyring = undefined;
    lockKeyring(store);
  }

  state(store: Store): KeysState {
    this.forgetIfChangedElsewhere(store);
    if (this.keyring) return 'ready';
    return hasKeyFile(store) ? 'locked' : 'none';
  }

  require(store: Store): Keyring {
    this.forgetIfChangedElsewhere(store);
    if (this.keyring) return this.keyring;
    throw refusal(this.state(store) === 'locked' ? 'keys-locked' : 'no-passphrase');
  }

  /** The passphrase typed on this poste: opens its keys, or makes them (a new passphrase then). */
  enter(store: Store, passphrase: string): void {
    const seal = this.systemSeal(store);
    const opened = unlockWithPassphrase(store, passphrase);
    if (opened) {
      // Opened by the passphrase where the keychain did not: sealed by it from now on.
      if (seal) saveKeyring(store, opened, seal);
      this.keyring = opened;
      return;
    }
    if (choosesPassphrase(store)) validateNewPassphrase(passphrase);
    checkFirstPassphrase(store, folderState(store).folder, passphrase);
    this.keyring = setUpKeys(store, passphrase, seal);
  }

  change(store: Store, current: string, next: string): void {
    const keyring = this.require(store);
    if (derivedKey(current, keyring.project).id !== keyring.keys[0].id) throw refusal('wrong-passphrase-here');
    this.keyring = changePassphrase(store, keyring, next, this.systemSeal(store));
  }

  /** Who announced the passphrase another poste changed to, checked against its file, without taking it yet. */
  announcerOf(store: Store, next: string): { announced_by: string } {
    return { announced_by: announcerOfPassphrase(store, this.require(store), next) };
  }

  /** The passphrase another poste changed to, checked against its file (db/sync/passphrase-elsewhere.ts): answers who announced it. */
  adopt(store: Store, next: string): { announced_by: string } {
    const { keyring, announcedBy } = adoptPassphrase(store, this.require(store), next, this.systemSeal(store));
    this.keyring = keyring;
    return { announced_by: announcedBy };
  }

  /** The user's answer about the plain-text keychain of Linux: the keys sealed by it, or no longer. */
  answerPlainText(store: Store, accepted: boolean): void {
    store.setLocalState(CONSENT_KEY, accepted ? 'accepted' : 'refused');
    this.forgetIfChangedElsewhere(store);
    if (this.keyring) saveKeyring(store, this.keyring, this.systemSeal(store));
  }

  /** After a backup was restored under a new replica id: a new signing key, the same project keys. */
  renewed(store: Store): void {
    this.forgetIfChangedElsewhere(store);
    if (!this.keyring) return;
    this.keyring = rekey(store, this.keyring, this.systemSeal(store));
  }
}
