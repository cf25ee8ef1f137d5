// Files sealed with a passphrase this poste does not know (docs/sync.md, « Changer la phrase
// de passe »): most likely changed on the poste they come from. The last few are kept beside
// the database, one per key, so that a passphrase typed for one can be checked against it:
// it must open the file, and the file must carry the announcement of its key by a poste whose
// key is known here and not revoked (replica.sealing_key, signed by that poste's chain). A
// typo never seals this poste's next files with a passphrase nobody has; someone who can write
// to the shared folder, or who had the old passphrase, cannot announce a key in a known
// poste's name. Whoever announced it is named, for the call to a known number.
import { readFileSync, rmSync } from 'node:fs';
import { refusal } from '../errors';
import { writeFileAtomically } from '../files';
import { SHARED_SCHEMA_VERSION } from '../store/migrations';
import type { Store } from '../store/store';
import { decodeSyncFile, readSyncHeader } from './format';
import { changesOf } from './body';
import { derivedKey, type Keyring, type ProjectKey, type SystemSeal } from './keys';
import { replicaLabel, replicaPerson } from './labels';
import { changePassphrase } from './passphrase';
import { checkRuns } from './proof';
import type { Change } from '../store/changelog';
import { revocationOf } from './revocation';

const NOTES_KEY = 'passphrases_seen_elsewhere';
/** Keys whose files the user said were no announced change: not told of again. */
const DISMISSED_KEY = 'passphrases_dismissed';
/** Kept at most: a stranger's files must not push out a real one for long, nor fill the disk. */
const KEPT = 5;

interface Note {
  key_id: string;
  /** The poste the file says it comes from: unproven until its passphrase opens it. */
  sender: string;
  /** When this poste received a file sealed with that key, by its own clock. */
  seen_at: string;
}

/** What the Synchronisation screen says of the latest one. */
export interface PassphraseSeenElsewhere {
  /** « l'ordinateur de Nadia Benali (Loir-et-Cher) », or an ordinateur not yet known here. */
  sender: string;
  /** The person to call, if known here. */
  sender_person: string | null;
  seen_at: string;
}

/** One file per key, named by the key id in hexadecimal (a key id may hold « / »). */
const noteFile = (store: Store, keyId: string) => `${store.file.replace(/\.sqlite$/, '')}.phrase-inconnue-${Buffer.from(keyId).toString('hex')}.entente`;

function readNotes(store: Store): Note[] {
  const notes = store.localState(NOTES_KEY);
  return notes ? (JSON.parse(notes) as Note[]) : [];
}

function keepNotes(store: Store, notes: Note[]): void {
  for (const note of readNotes(store)) if (!notes.some((kept) => kept.key_id === note.key_id)) rmSync(noteFile(store, note.key_id), { force: true });
  if (notes.length === 0) store.db.prepare('DELETE FROM local_state WHERE key = ?').run(NOTES_KEY);
  else store.setLocalState(NOTES_KEY, JSON.stringify(notes));
}

/**
 * Keeps a file refused for an unknown key (an import; in the shared folder, a poste's first
 * unread file sealed with the key of its newest), unless its poste is revoked here. Never lets a failure here hide the
 * import's own refusal.
 */
export function noteUnknownPassphrase(store: Store, bytes: Buffer, at: Date): void {
  try {
    const { header } = readSyncHeader(bytes);
    if (!header.keyId || header.sender === store.replicaId || revocationOf(store, header.sender) || dismissedKeys(store).includes(header.keyId)) return;
    const others = readNotes(store).filter((note) => note.key_id !== header.keyId);
    writeFileAtomically(noteFile(store, header.keyId), bytes);
    keepNotes(store, [...others, { key_id: header.keyId, sender: header.sender, seen_at: at.toISOString() }].slice(-KEPT));
  } catch {
    // A disk or database failing here: the refusal of the file is what the user must read.
  }
}

/** The notes still to tell: not those whose key this poste holds by now, nor those of a poste revoked since. */
function pendingNotes(store: Store, keys: ProjectKey[]): Note[] {
  return readNotes(store).filter((note) => !keys.some((key) => key.id === note.key_id) && !revocationOf(store, note.sender));
}

/** The latest file still to tell of, for the Synchronisation screen. */
export function passphraseSeenElsewhere(store: Store, keys: ProjectKey[]): PassphraseSeenElsewhere | null {
  const latest = pendingNotes(store, keys).at(-1);
  return latest ? { sender: replicaLabel(store, latest.sender), sender_person: replicaPerson(store, latest.sender), seen_at: latest.seen_at } : null;
}

function dismissedKeys(store: Store): string[] {
  const dismissed = store.localState(DISMISSED_KEY);
  return dismissed ? (JSON.parse(dismissed) as string[]) : [];
}

/** The user says no change was announced: the files noted are no longer told of, nor others sealed alike (they stay set aside). */
export function dismissPassphraseNotes(store: Store): void {
  const dismissed = [...dismissedKeys(store), ...readNotes(store).map((note) => note.key_id)];
  store.setLocalState(DISMISSED_KEY, JSON.stringify(dismissed.slice(-50)));
  keepNotes(store, []);
}

/**
 * Checks a passphrase typed for a file noted: it opens the file, and a poste known here, not
 * revoked, announced its key and has not announced another since, in a run of the file signed
 * by that poste (its proof checked as an import checks it) or in the log; and it is not a key
 * older than the one this poste seals with. Answers the poste that announced it, named, for
 * the user to confirm with its person before taking it (adoptPassphrase).
 */
export function announcerOfPassphrase(store: Store, keyring: Keyring, passphrase: string): string {
  const pending = pendingNotes(store, keyring.keys);
  if (pending.length === 0) throw refusal('no-new-passphrase-seen');
  const key = derivedKey(passphrase, keyring.project);
  const note = pending.find((candidate) => candidate.key_id === key.id);
  if (!note) throw refusal('not-the-new-passphrase', replicaLabel(store, pending.at(-1)!.sender));
  const sender = replicaLabel(store, note.sender);
  let bytes: Buffer;
  try {
    bytes = readFileSync(noteFile(store, note.key_id));
  } catch {
    throw refusal('no-new-passphrase-seen');
  }
  const { content } = decodeSyncFile(bytes, { keys: [key], project: keyring.project, schema: SHARED_SCHEMA_VERSION });
  // Forged or forked runs are refused here as at an import; only the runs whose signature was checked say anything.
  const { proofs } = checkRuns(store, keyring.project, content.runs);
  const signed = content.runs.filter((run) => proofs.heads.some((head) => head.origin === run.origin && head.seq === run.from + run.changes.length - 1));
  const said = announcements(store, changesOf(signed));
  const announcer = announcerOf(store, keyring, key.id, said);
  if (!announcer) throw refusal('passphrase-not-vouched', sender);
  // A colleague still on a passphrase the coopération left: it is for him to take the newer one.
  const first = (keyId: string) =>
    said
      .filter((announcement) => announcement.keyId === keyId)
      .reduce<string | undefined>((at, { hlc }) => (at === undefined || hlc < at ? hlc : at), undefined);
  const current = first(keyring.keys[0].id);
  if (current !== undefined && current > first(key.id)!) throw refusal('older-passphrase-elsewhere', sender);
  return replicaLabel(store, announcer);
}

/** Takes the passphrase of a file noted, checked as announcerOfPassphrase checks it. Answers the keys, and the poste that announced it. */
export function adoptPassphrase(store: Store, keyring: Keyring, passphrase: string, system?: SystemSeal): { keyring: Keyring; announcedBy: string } {
  const announcedBy = announcerOfPassphrase(store, keyring, passphrase);
  const changed = changePassphrase(store, keyring, passphrase, system);
  // The change announced is taken: the other files noted were not it.
  keepNotes(store, []);
  return { keyring: changed, announcedBy };
}

interface Announcement {
  origin: string;
  seq: number;
  hlc: string;
  keyId: string;
}

/** Every key a poste announced on its own row: in the log, and in the file's signed runs beyond what the log holds. */
function announcements(store: Store, signedChanges: Change[]): Announcement[] {
  const isAnnouncement = (change: { entity: string; field: string; rowId: string; origin: string }) =>
    change.entity === 'replica' && change.field === 'sealing_key' && change.rowId === change.origin;
  const logged = store.db
    .prepare("SELECT origin, seq, hlc, value FROM changes WHERE entity = 'replica' AND field = 'sealing_key' AND row_id = origin")
    .all() as { origin: string; seq: number; hlc: string; value: string }[];
  const vector = store.log.versionVector();
  const inFile = signedChanges.filter((change) => isAnnouncement(change) && change.seq > (vector[change.origin] ?? 0));
  return [...logged, ...inFile].flatMap(({ origin, seq, hlc, value }) => {
    const keyId = JSON.parse(value) as unknown;
    return typeof keyId === 'string' ? [{ origin, seq, hlc, keyId }] : [];
  });
}

/** A poste, not this one, whose key was known here before the file, not revoked, whose latest announcement is `keyId`. */
function announcerOf(store: Store, keyring: Keyring, keyId: string, said: Announcement[]): string | undefined {
  const latest = new Map<string, Announcement>();
  for (const announcement of said) if ((latest.get(announcement.origin)?.seq ?? 0) < announcement.seq) latest.set(announcement.origin, announcement);
  const knownKey = store.db.prepare('SELECT 1 FROM replica WHERE id = ? AND public_key IS NOT NULL').pluck();
  return [...latest.values()].find(
    ({ origin, keyId: announced }) => announced === keyId && origin !== keyring.replica && knownKey.get(origin) !== undefined && !revocationOf(store, origin),
  )?.origin;
}
