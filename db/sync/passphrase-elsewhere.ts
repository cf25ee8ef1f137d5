// A file sealed with a passphrase this poste does not know (docs/sync.md, « Changer la phrase
// de passe »): most likely changed on the poste it comes from. The newest such file is kept
// beside the database, so that the passphrase typed for it can be checked against it: it
// must open the file, and the file must bring updates signed by a poste known here and not
// revoked. A header alone proves nothing (anyone who can write to the shared folder can
// write one), and a typo must never seal this poste's next files with a passphrase nobody has.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { refusal } from '../errors';
import { writeFileAtomically } from '../files';
import { SHARED_SCHEMA_VERSION } from '../store/migrations';
import type { Store } from '../store/store';
import { decodeSyncFile, readSyncHeader } from './format';
import { derivedKey, type Keyring, type ProjectKey, type SystemSeal } from './keys';
import { replicaLabel, replicaPerson } from './labels';
import { changePassphrase, currentKeySince } from './passphrase';
import { checkRuns } from './proof';
import { revocationOf } from './revocation';

const NOTE_KEY = 'passphrase_seen_elsewhere';

interface Note {
  key_id: string;
  /** The poste the file says it comes from: unproven until its passphrase opens it. */
  sender: string;
  /** The file's date, as its header says. */
  written_at: string;
  /** When this poste first met a file sealed with that key. */
  seen_at: string;
}

/** What the Synchronisation screen says of it. */
export interface PassphraseSeenElsewhere {
  /** « l'ordinateur de Nadia Benali (Loir-et-Cher) », or an ordinateur not yet known here. */
  sender: string;
  /** The person to call, if known here. */
  sender_person: string | null;
  seen_at: string;
}

const noteFile = (store: Store) => `${store.file.replace(/\.sqlite$/, '')}.phrase-inconnue.entente`;

function readNote(store: Store): Note | null {
  const note = store.localState(NOTE_KEY);
  return note ? (JSON.parse(note) as Note) : null;
}

function forget(store: Store): void {
  store.db.prepare('DELETE FROM local_state WHERE key = ?').run(NOTE_KEY);
  rmSync(noteFile(store), { force: true });
}

/**
 * Keeps a file refused for an unknown key (an import, a shared-folder round): the newest one
 * by its date, from a poste not revoked here. Never lets a failure here hide the import's own.
 */
export function noteUnknownPassphrase(store: Store, bytes: Buffer, at: Date): void {
  try {
    const { header } = readSyncHeader(bytes);
    const note = readNote(store);
    if (!header.keyId || revocationOf(store, header.sender) || header.sender === store.replicaId) return;
    if (note && (note.key_id === header.keyId || note.written_at >= header.createdAt)) return;
    // Written before this poste took its passphrase, or before a later file of its poste read
    // here: it cannot bring a newer passphrase (an old file of the shared folder, say).
    const since = currentKeySince(store);
    if ((since !== undefined && header.createdAt < since) || laterFileRead(store, header.sender, header.createdAt)) return;
    writeFileAtomically(noteFile(store), bytes);
    store.setLocalState(NOTE_KEY, JSON.stringify({ key_id: header.keyId, sender: header.sender, written_at: header.createdAt, seen_at: at.toISOString() }));
  } catch {
    // A disk or database failing here: the refusal of the file is what the user must read.
  }
}

/** Whether this poste has read a file of `sender` written after `date`. */
function laterFileRead(store: Store, sender: string, date: string): boolean {
  const read = store.db.prepare('SELECT file_created_at FROM peer_state WHERE replica_id = ?').pluck().get(sender) as string | undefined;
  return read !== undefined && read > date;
}

/**
 * The file noted, unless this poste holds its key by now (the passphrase taken another way),
 * has read a later file of the same poste since (an old file of the shared folder, written
 * before a change this poste already followed), or its poste was revoked since.
 */
export function passphraseSeenElsewhere(store: Store, keys: ProjectKey[]): PassphraseSeenElsewhere | null {
  const note = readNote(store);
  if (!note) return null;
  const stale = keys.some((key) => key.id === note.key_id) || laterFileRead(store, note.sender, note.written_at) || revocationOf(store, note.sender);
  if (stale || !existsSync(noteFile(store))) {
    forget(store);
    return null;
  }
  return { sender: replicaLabel(store, note.sender), sender_person: replicaPerson(store, note.sender), seen_at: note.seen_at };
}

/** Takes the passphrase of the file noted, once it opens it and the file proves to come from the coopération. */
export function adoptPassphrase(store: Store, keyring: Keyring, passphrase: string, system?: SystemSeal): Keyring {
  const seen = passphraseSeenElsewhere(store, keyring.keys);
  const note = readNote(store);
  if (!seen || !note) throw refusal('no-new-passphrase-seen');
  const key = derivedKey(passphrase, keyring.project);
  if (key.id !== note.key_id) throw refusal('not-the-new-passphrase', seen.sender);
  const { content } = decodeSyncFile(readFileSync(noteFile(store)), { keys: [key], project: keyring.project, schema: SHARED_SCHEMA_VERSION });
  // Forged or forked runs are refused here as at an import; the signed runs that bring something new are listed.
  const { proofs } = checkRuns(store, keyring.project, content.runs);
  const knownKey = store.db.prepare('SELECT 1 FROM replica WHERE id = ? AND public_key IS NOT NULL').pluck();
  const vouched = proofs.heads.some((head) => head.origin !== keyring.replica && knownKey.get(head.origin) !== undefined && !revocationOf(store, head.origin));
  if (!vouched) throw refusal('passphrase-not-vouched', seen.sender);
  const changed = changePassphrase(store, keyring, passphrase, system);
  forget(store);
  return changed;
}
