// A poste's secrets (docs/sync.md, « Les clés du poste »): the project keys derived from the
// passphrase (the newest writes, the older ones still read files written before a change of
// passphrase) and the poste's own signing key. They live in a key file beside the database
// (`entente.keys`), never in the database: a backup, a copy set aside or a shared folder
// never carries them. The file is sealed by the current project key (the CLI opens it with
// the passphrase) and, in the app, also by the system keychain (Electron's safeStorage), so
// that the app never needs the passphrase again on this poste.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { refusal, ValidationError } from '../errors';
import { writeFileAtomically } from '../files';
import type { Store } from '../store/store';
import { MIN_PASSPHRASE_LENGTH } from '../../common/passphrase';

/** Format 2 and later: the project key, scrypt of the passphrase once per project (128 MiB of memory). */
const PROJECT_SCRYPT = { N: 1 << 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
/** Passphrases chosen before version 0.3 had 8 characters at least: still accepted to join or read. */
const LEGACY_MIN_LENGTH = 8;
const KEY_FILE_FORMAT = 1;
const KEY_FILE_INFO = 'entente : fichier des clés du poste';

export interface ProjectKey {
  /** Names the key in file headers without revealing it: 6 bytes of a MAC, base64url. */
  id: string;
  key: Buffer;
}

export interface Keyring {
  project: string;
  replica: string;
  /** The key files are written with first, then the older ones, for reading only. */
  keys: ProjectKey[];
  /** This poste's Ed25519 private key. */
  signing: KeyObject;
  /** Its public key as published in the project (JWK `x`, base64url). */
  publicKey: string;
}

/** The secrets as sealed in the key file. */
interface Secrets {
  signing: string;
  keys: { id: string; key: string }[];
}

interface KeyFile {
  format: number;
  project: string;
  replica: string;
  /** The current key's id: tells the passphrase of an older key from a wrong one. */
  key: string;
  /** The ids of the older keys (ids only). */
  older: string[];
  salt: string;
  /** AES-256-GCM of the secrets under a key derived from the current project key; tag last. */
  sealed: string;
  /** The same secrets sealed by the system keychain (app only), or absent. */
  system?: string;
}

/** Seals and opens text with the system keychain (Electron's safeStorage, in main). */
export interface SystemSeal {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

const projectKeys = new Map<string, Buffer>();

/** Forgets the project keys derived in this process (a measure of a cold start). */
export function forgetProjectKeys(): void {
  projectKeys.clear();
}

/** The project key: scrypt of the passphrase, salted by the project's id; derived once per process. */
export function projectKey(passphrase: string, project: string): Buffer {
  const id = createHash('sha256').update(project).update('\0').update(passphrase.normalize('NFC')).digest('hex');
  let key = projectKeys.get(id);
  if (!key) {
    const salt = createHash('sha256').update(`entente-projet:${project}`).digest();
    key = scryptSync(passphrase.normalize('NFC'), salt, 32, PROJECT_SCRYPT);
    if (projectKeys.size >= 8) projectKeys.delete(projectKeys.keys().next().value!);
    projectKeys.set(id, key);
  }
  return key;
}

export function keyId(key: Buffer): string {
  return createHmac('sha256', key).update('entente : identifiant de clé').digest().subarray(0, 6).toString('base64url');
}

export function derivedKey(passphrase: string, project: string): ProjectKey {
  const key = projectKey(passphrase, project);
  return { id: keyId(key), key };
}

/** A new passphrase: 12 characters at least (a suite of words is suggested on screen). */
export function validateNewPassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < MIN_PASSPHRASE_LENGTH) {
    throw new ValidationError(`La phrase de passe doit compter au moins ${MIN_PASSPHRASE_LENGTH} caractères.`, 'passphrase');
  }
}

/** An existing project's passphrase, to join or read: the rule it was chosen under. */
export function validateExistingPassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < LEGACY_MIN_LENGTH) {
    throw new ValidationError(`La phrase de passe compte au moins ${LEGACY_MIN_LENGTH} caractères.`, 'passphrase');
  }
}

/** Where a store keeps its key file: `entente.sqlite` → `entente.keys`. */
export function keyFilePath(store: Store): string {
  return store.file.replace(/\.sqlite$/, '') + '.keys';
}

export function hasKeyFile(store: Store): boolean {
  return existsSync(keyFilePath(store));
}

/** The id of the current project key in the key file, as written now (by this process or another: the CLI); undefined without a readable key file. */
export function keyFileCurrentKey(store: Store): string | undefined {
  try {
    return readKeyFile(store)?.key;
  } catch {
    return undefined;
  }
}

/** The keyrings opened in this process, by store. */
const unlocked = new WeakMap<Store, Keyring>();

export function lockKeyring(store: Store): void {
  unlocked.delete(store);
}

export function publicKeyOf(signing: KeyObject): string {
  const jwk = signing.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('clé de signature invalide');
  return jwk.x;
}

/** The fingerprint shown beside a poste: 8 bytes of SHA-256 of its public key, in groups of 4 hex digits. */
export function fingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

function sealingKey(key: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, KEY_FILE_INFO, 32));
}

function seal(keyring: Keyring, system?: SystemSeal): KeyFile {
  const secrets: Secrets = {
    signing: keyring.signing.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    keys: keyring.keys.map(({ id, key }) => ({ id, key: key.toString('base64') })),
  };
  const plain = JSON.stringify(secrets);
  const salt = randomBytes(16);
  // A fresh key per sealing (salted): a fixed nonce is safe.
  const cipher = createCipheriv('aes-256-gcm', sealingKey(keyring.keys[0].key, salt), Buffer.alloc(12));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    format: KEY_FILE_FORMAT,
    project: keyring.project,
    replica: keyring.replica,
    key: keyring.keys[0].id,
    older: keyring.keys.slice(1).map((key) => key.id),
    salt: salt.toString('base64'),
    sealed: sealed.toString('base64'),
    ...(system ? { system: system.seal(plain).toString('base64') } : {}),
  };
}

function fromSecrets(file: KeyFile, secrets: Secrets): Keyring {
  const signing = createPrivateKey({ key: Buffer.from(secrets.signing, 'base64'), format: 'der', type: 'pkcs8' });
  return {
    project: file.project,
    replica: file.replica,
    keys: secrets.keys.map(({ id, key }) => ({ id, key: Buffer.from(key, 'base64') })),
    signing,
    publicKey: publicKeyOf(signing),
  };
}

function readKeyFile(store: Store): KeyFile | undefined {
  const path = keyFilePath(store);
  if (!existsSync(path)) return undefined;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
    if (file.format !== KEY_FILE_FORMAT || typeof file.sealed !== 'string') throw new Error('format');
    return file;
  } catch {
    throw refusal('damaged-key-file', path);
  }
}

/** Writes the key file, and keeps the keyring open for this process. */
export function saveKeyring(store: Store, keyring: Keyring, system?: SystemSeal): void {
  writeFileAtomically(keyFilePath(store), JSON.stringify(seal(keyring, system), null, 2));
  unlocked.set(store, keyring);
}

/** Opens the key file with the system keychain; undefined when it was not sealed by it. */
export function unlockWithSystem(store: Store, system: SystemSeal): Keyring | undefined {
  const cached = unlocked.get(store);
  if (cached) return cached;
  const file = readKeyFile(store);
  if (!file?.system || !isOwnKeyFile(store, file)) return undefined;
  let secrets: Secrets;
  try {
    secrets = JSON.parse(system.open(Buffer.from(file.system, 'base64'))) as Secrets;
  } catch {
    // Another user's or another computer's keychain (a copied data folder): the passphrase opens it.
    return undefined;
  }
  const keyring = fromSecrets(file, secrets);
  unlocked.set(store, keyring);
  return keyring;
}

/** Opens the key file with the passphrase; refuses an older or a wrong passphrase, saying which. */
export function unlockWithPassphrase(store: Store, passphrase: string): Keyring | undefined {
  const file = readKeyFile(store);
  if (!file || !isOwnKeyFile(store, file)) return undefined;
  const cached = unlocked.get(store);
  const derived = derivedKey(passphrase, file.project);
  if (cached?.keys[0].id === derived.id) return cached;
  if (derived.id !== file.key) throw refusal(file.older.includes(derived.id) ? 'older-passphrase' : 'wrong-passphrase-here');
  let secrets: Secrets;
  try {
    const bytes = Buffer.from(file.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(derived.key, Buffer.from(file.salt, 'base64')), Buffer.alloc(12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    secrets = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8')) as Secrets;
  } catch {
    throw refusal('damaged-key-file', keyFilePath(store));
  }
  const keyring = fromSecrets(file, secrets);
  unlocked.set(store, keyring);
  return keyring;
}

/**
 * Whether the key file is this replica's. One of another project (a data folder put
 * together from two) is refused; one of this folder's previous replica id (a backup
 * restored gives a new id) is left for new keys.
 */
function isOwnKeyFile(store: Store, file: KeyFile): boolean {
  const { projectId, replicaId } = store.requireReplica();
  if (file.project !== projectId) throw refusal('foreign-key-file', keyFilePath(store));
  return file.replica === replicaId;
}

/** A keyring as plain data, for the sync worker thread (memory only, never written). */
export interface KeyringData {
  project: string;
  replica: string;
  keys: ProjectKey[];
  signing: Buffer;
}

export function keyringData(keyring: Keyring): KeyringData {
  return { project: keyring.project, replica: keyring.replica, keys: keyring.keys, signing: keyring.signing.export({ format: 'der', type: 'pkcs8' }) };
}

export function keyringFromData(data: KeyringData): Keyring {
  const signing = createPrivateKey({ key: Buffer.from(data.signing), format: 'der', type: 'pkcs8' });
  const keys = data.keys.map(({ id, key }) => ({ id, key: Buffer.from(key) }));
  return { project: data.project, replica: data.replica, keys, signing, publicKey: publicKeyOf(signing) };
}

/** A new keyring for this poste: a new signing key, with the project key of `passphrase` or the keys given. */
export function newKeyring(store: Store, keys: string | ProjectKey[]): Keyring {
  const { projectId, replicaId } = store.requireReplica();
  const { privateKey } = generateKeyPairSync('ed25519');
  const projectKeys = typeof keys === 'string' ? [derivedKey(keys, projectId)] : keys;
  return { project: projectId, replica: replicaId, keys: projectKeys, signing: privateKey, publicKey: publicKeyOf(privateKey) };
}

/** The keyring with `passphrase` as the current one; the others kept for reading. */
export function withPassphrase(keyring: Keyring, passphrase: string): Keyring {
  const current = derivedKey(passphrase, keyring.project);
  return { ...keyring, keys: [current, ...keyring.keys.filter((key) => key.id !== current.id)] };
}
