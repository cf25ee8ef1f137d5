// The shared folder (docs/sync.md §5): each replica writes only in its own sub-folder, never
// edits a file, writes under a temporary name and renames when complete; it reads the
// others' files, ignores names it does not recognise (cloud conflict copies, temporary
// files), retries later a file that is incomplete, and never deletes anything because a
// file is missing. Layout: DIR/entente-<project>/<replica>/<00000001>.entente
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { refusal, toUserError, type UserError } from '../errors';
import { FILE_FAULTS, setAsideReason, unreadable, writingInFolder } from './set-aside';
import type { Store } from '../store/store';
import { exportFile, hasChangesBeyond, importFile, type ImportSummary } from './exchange';
import { writeFileAtomically } from '../files';
import { syncDocuments } from './documents';
import { keyringOf, type Secret } from './passphrase';
import { noteUnknownPassphrase } from './passphrase-elsewhere';
import { readSyncHeader } from './format';
import { derivedKey, hasKeyFile } from './keys';
import { FOLDER_KEY } from './status';

const FILE_NAME = /^(\d{8})\.entente$/;
const REPLICA_DIR = /^[0-9a-z]{12}$/;

export interface FolderSyncResult {
  imported: (ImportSummary & { file: string })[];
  /** Files set aside this round, each with what is wrong with it; tried again at the next one. */
  postponed: { file: string; reason: string }[];
  /**
   * Files sealed with a passphrase this laptop never had, older than a file of the same poste
   * read here (a laptop that joined after a change of passphrase meets them): not set aside,
   * since nothing can be done about them; named apart, and not read.
   */
  leftBehind: string[];
  /** The file this replica wrote, if it had anything new. */
  written: { file: string; count: number } | null;
  /** Documents whose bytes were read from the folder, and written to it. */
  documents: { received: number; written: number };
  /** Why this replica could not write its file, after reading the others' (revoked, a folder it cannot write to). */
  stopped?: UserError;
}

/**
 * On a poste without keys yet, the passphrase typed makes them: it must open the last file
 * of one of the other postes already in the shared folder, if there is one. A typo would
 * otherwise make keys and files that no one can read, for good.
 */
export function checkFirstPassphrase(store: Store, folder: string | null, passphrase: string): void {
  if (!folder || hasKeyFile(store)) return;
  const { projectId, replicaId } = store.requireReplica();
  const projectDir = join(folder, `entente-${projectId}`);
  const keyIds = new Set<string>();
  for (const peer of existsSync(projectDir) ? readdirSync(projectDir) : []) {
    if (!REPLICA_DIR.test(peer) || peer === replicaId) continue;
    try {
      const last = fileNumbers(join(projectDir, peer)).at(-1);
      const keyId = last === undefined ? undefined : readSyncHeader(readFileSync(join(projectDir, peer, fileName(last)))).header.keyId;
      if (keyId) keyIds.add(keyId);
    } catch {
      // Not a folder, not readable, not a sync file: it says nothing of the passphrase.
    }
  }
  if (keyIds.size > 0 && !keyIds.has(derivedKey(passphrase, projectId).id)) throw refusal('passphrase-opens-no-folder-file');
}

/**
 * A shared folder must not hold this laptop's data folder: the database is never synced by
 * files (a cloud client would copy it half-written), and each of its writes would start a round.
 */
export function checkFolderApart(store: Store, folder: string): void {
  if (!existsSync(folder)) throw refusal('folder-missing', folder);
  const dataDir = realpathSync.native(dirname(store.db.name));
  const shared = realpathSync.native(folder);
  if (dataDir === shared || dataDir.startsWith(shared.endsWith(sep) ? shared : shared + sep))
    throw refusal('folder-holds-data', folder, dirname(store.db.name));
}

export function syncFolder(
  store: Store,
  folder: string,
  secret: Secret,
  now = new Date(),
  /** Told before each file actually read: the app's watch over a share that stops answering (main/sync/jobs.ts). */
  onFile?: (done: number, total: number) => void,
): FolderSyncResult {
  const { projectId, replicaId } = store.requireReplica();
  if (typeof secret === 'string') checkFirstPassphrase(store, folder, secret);
  const keyring = keyringOf(store, secret);
  checkFolderApart(store, folder);
  const projectDir = join(folder, `entente-${projectId}`);
  const ownDir = join(projectDir, replicaId);
  writingInFolder(folder, () => mkdirSync(ownDir, { recursive: true }));

  const counterKey = `folder-counter:${replicaId}`;
  // Listed before the counter is read: a file that another process of this laptop (the
  // command line beside the app) writes meanwhile has its number taken before it exists.
  const ownNames = readdirSync(ownDir);
  const ownFiles = numbersIn(ownNames);
  const counter = Number(store.localState(counterKey) ?? 0);
  if (ownFiles.some((n) => n > counter)) {
    throw refusal('cloned-replica', 'folder', replicaId);
  }

  const result: FolderSyncResult = { imported: [], postponed: [], leftBehind: [], written: null, documents: { received: 0, written: 0 } };
  // What the folder already holds: this replica's files, and every file it imported (a
  // replica's files hold, together, all it held when writing the last one). Another folder
  // holds nothing of it yet, whatever this one holds; nor does one where its files are gone.
  // The folder as the system names it: through a link, or spelled otherwise (letter case
  // on Windows, a mapped drive), it is the same folder. Entente 0.11 and older named it as
  // spelled: what they kept under that name is read when nothing is kept under this one.
  const place = realpathSync.native(projectDir);
  const spelled = resolve(projectDir);
  const stateKey = (name: 'published' | 'held' | 'written', at = place) => `folder-${name}:${replicaId}:${at}`;
  const kept = (name: 'published' | 'held' | 'written') =>
    store.localState(stateKey(name)) ?? (spelled === place ? undefined : store.localState(stateKey(name, spelled)));
  const publishedKey = stateKey('published');
  const heldKey = stateKey('held');
  const writtenKey = stateKey('written');
  const keptBy09 = legacyPublished(store, folder, replicaId);
  // The last file this poste wrote here is gone: written while a network share was not
  // mounted (into the empty folder left in its place), lost by a power cut just after, or
  // deleted since. What it published here cannot be counted on: the next file carries it all.
  // (One written since the listing, by the command line beside the app, is not gone.)
  const lastWritten = kept('written');
  const forgotten =
    lastWritten === undefined ? ownFiles.length === 0 : !ownFiles.includes(Number(lastWritten)) && !existsSync(join(ownDir, fileName(Number(lastWritten))));
  if (forgotten) {
    const keys = (['published', 'held', 'written'] as const).flatMap((name) => [stateKey(name), stateKey(name, spelled)]);
    store.db.prepare(`DELETE FROM local_state WHERE key IN (${keys.map(() => '?').join(', ')})`).run(...keys);
  }
  removeLeftovers(ownDir, ownNames, now);
  const published = JSON.parse(kept('published') ?? (forgotten ? undefined : keptBy09) ?? '{}') as Record<string, number>;
  // Files read, by their path in this folder (Entente 0.9 kept the relative path alone, for the folder of the settings).
  const lookup = store.db.prepare('SELECT bytes FROM folder_imports WHERE path = ?').pluck();
  const known = (relative: string) =>
    lookup.get(join(place, relative)) ??
    (spelled === place ? undefined : lookup.get(join(spelled, relative))) ??
    (keptBy09 === undefined ? undefined : lookup.get(relative));
  const remember = store.db.prepare('INSERT OR REPLACE INTO folder_imports (path, bytes, imported_at) VALUES (?, ?, ?)');
  // Files refused for a key unknown here, by poste in the order read, and each poste's newest file: which to keep for a passphrase typed later.
  const unknownKeys = new Map<string, { relative: string; path: string; keyId?: string }[]>();
  const newestFiles = new Map<string, string>();
  const numbersOf = new Map<string, number[]>();
  // The whole folder gone mid-round (a network share disconnected): the round stops on one
  // message, rather than set aside every file left to read.
  const stopIfGone = () => {
    if (!existsSync(projectDir)) throw refusal('folder-missing', folder);
  };
  let read = 0;
  let toRead = 0;
  /** Imports one file of another poste; answers what is wrong with it, if it is the file's fault. */
  const importOne = (relative: string, path: string): UserError | undefined => {
    // Read before: a poste never writes a file twice, so it is not even looked at (on a
    // network share, each look at a file is a round trip, and the folder only grows).
    if (known(relative) !== undefined) return undefined;
    onFile?.(read++, Math.max(toRead, read));
    let size: number;
    let bytes: Buffer;
    try {
      size = statSync(path).size;
      bytes = readFileSync(path);
    } catch (error) {
      stopIfGone();
      return unreadable(error);
    }
    try {
      const summary = store.transaction(() => {
        const imported = importFile(store, bytes, keyring, { now, named: false });
        remember.run(join(place, relative), size, now.toISOString());
        return imported;
      });
      result.imported.push({ ...summary, file: relative });
      // What the file says, not what else the sender is known to hold: that came by other ways than this folder.
      for (const [origin, seq] of Object.entries(summary.file_held)) published[origin] = Math.max(published[origin] ?? 0, seq);
      return undefined;
    } catch (error) {
      // A file that cannot be read (held busy by the cloud client, above) or applied (still
      // arriving, damaged, another passphrase or project, newer, forged…) is set aside for
      // this round, and tried again at the next one; it never stops the others. Only a copy
      // of this very poste, or this laptop's own data failing, stops the round.
      const failure = toUserError(error);
      if (!FILE_FAULTS.has(failure.code)) throw error;
      if (failure.code === 'unknown-key') unknownKeys.get(relative.split('/')[0])?.push({ relative, path, keyId: readSyncHeader(bytes).header.keyId });
      return failure;
    }
  };
  const pending: { relative: string; path: string; failure?: UserError }[] = [];
  const peers = readdirSync(projectDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && REPLICA_DIR.test(entry.name) && entry.name !== replicaId)
    .map((entry) => entry.name)
    .sort();
  for (const peer of peers) {
    let numbers: number[];
    try {
      numbers = fileNumbers(join(projectDir, peer));
    } catch (error) {
      // A poste's folder this laptop cannot list (rights, a cloud client holding it): set aside too.
      stopIfGone();
      result.postponed.push({ file: `${peer}/`, reason: unreadable(error).message });
      continue;
    }
    for (const n of numbers) pending.push({ relative: `${peer}/${fileName(n)}`, path: join(projectDir, peer, fileName(n)) });
    if (numbers.length === 0) continue;
    numbersOf.set(peer, numbers);
    unknownKeys.set(peer, []);
    newestFiles.set(peer, `${peer}/${fileName(numbers.at(-1)!)}`);
  }
  toRead = pending.filter((file) => known(file.relative) === undefined).length;
  // A file may relay changes whose poste's key is in a file read later in the round (another
  // poste's folder): such files are tried again once the others are in, while that helps.
  let tried = pending;
  while (tried.length > 0) {
    const later: typeof pending = [];
    for (const file of tried) {
      const failure = importOne(file.relative, file.path);
      if (failure === undefined) continue;
      if (failure.code === 'unknown-signer') later.push({ ...file, failure });
      else result.postponed.push({ file: file.relative, reason: setAsideReason(failure) });
    }
    if (later.length === tried.length) {
      for (const file of later) result.postponed.push({ file: file.relative, reason: setAsideReason(file.failure!) });
      break;
    }
    tried = later;
  }
  // Sealed with a key unknown here, and older than a file of the same poste read here: that
  // poste wrote with a passphrase this laptop has since. What such a file carried and this
  // laptop lacks is said as missing (docs/sync.md §4), as for any file never received.
  for (const [peer, refused] of unknownKeys) {
    const numbers = numbersOf.get(peer)!;
    const newestRead = [...numbers].reverse().find((n) => known(`${peer}/${fileName(n)}`) !== undefined);
    if (newestRead === undefined) continue;
    for (const { relative } of refused) if (Number(FILE_NAME.exec(relative.slice(peer.length + 1))![1]) < newestRead) result.leftBehind.push(relative);
  }
  result.postponed = result.postponed.filter((file) => !result.leftBehind.includes(file.file));
  // A poste whose newest file is sealed with a key unknown here changed its passphrase, or
  // took a new one: its first file sealed with it is kept, the one that carries its
  // announcement if it chose it. An older file sealed otherwise says nothing of a change (a
  // file from before this poste took its own, read by a newcomer).
  for (const [peer, refused] of unknownKeys) {
    const newest = refused.find((file) => file.relative === newestFiles.get(peer));
    const first = newest && refused.find((file) => file.keyId === newest.keyId);
    if (!first) continue;
    try {
      noteUnknownPassphrase(store, readFileSync(first.path), now);
    } catch {
      // Gone or busy since: the next round notes it.
    }
  }

  // What was read stays read whatever stops the writing that follows (a revoked laptop, a
  // folder it cannot write to): the round says what it imported, then why it stopped.
  try {
    // Nothing new, no file, and no key derived: a round of the watcher or the timer stays cheap.
    if (hasChangesBeyond(store, published)) {
      const heldSince = kept('held');
      const { bytes, header, senderHeld } = exportFile(store, {
        secret: keyring,
        basedOn: published,
        heldSince: heldSince === undefined ? undefined : (JSON.parse(heldSince) as Record<string, number>),
        now,
        withBlobs: false,
      });
      // The number is taken, and on disk with every change the file carries, before the file
      // exists: an app stopped in between leaves a number unused, never a file of this laptop
      // beyond its counter (which the next round would read as a copied laptop's). Read again
      // in a write transaction: the command line may have taken one since this round began.
      const number = store.db
        .transaction(() => {
          const taken = Number(store.localState(counterKey) ?? 0) + 1;
          store.setLocalState(counterKey, String(taken));
          return taken;
        })
        .immediate();
      store.syncToDisk();
      const name = fileName(number);
      writingInFolder(folder, () => writeFileAtomically(join(ownDir, name), bytes));
      // Only now: the next file says what changed since one its readers can read.
      store.setLocalState(heldKey, JSON.stringify(senderHeld));
      store.setLocalState(writtenKey, String(number));
      for (const [origin, seq] of Object.entries(senderHeld)) published[origin] = Math.max(published[origin] ?? 0, seq);
      result.written = { file: `${replicaId}/${name}`, count: header.count };
    }
  } catch (error) {
    result.stopped = toUserError(error);
  }
  store.setLocalState(publishedKey, JSON.stringify(published));
  if (result.stopped) return result;
  const documents = syncDocuments(store, keyring.keys, projectDir, ownDir, [...peers, replicaId]);
  result.postponed.push(...documents.postponed);
  result.documents = { received: documents.received, written: documents.written };
  return result;
}

/** Entente 0.9 kept what the folder holds under one key, for the folder of the settings. */
function legacyPublished(store: Store, folder: string, replicaId: string): string | undefined {
  const configured = store.localState(FOLDER_KEY);
  return configured !== undefined && resolve(configured) === resolve(folder) ? store.localState(`folder-published:${replicaId}`) : undefined;
}

const fileName = (n: number) => `${String(n).padStart(8, '0')}.entente`;

/** A file this poste was writing (writeFileAtomically's temporary name) when it was stopped. */
const LEFTOVER = /^\d{8}\.entente\.\d+\.tmp$/;
/** Older than this, no process of this laptop is still writing it (the app and the command line may write at once). */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/**
 * Removes from this poste's own subfolder the files it left half-written when stopped (app
 * closed or killed during a round): the folder carries them to every computer otherwise.
 * Best effort: a file that cannot be removed now will be at a later round.
 */
function removeLeftovers(ownDir: string, names: string[], now: Date): void {
  for (const name of names) {
    if (!LEFTOVER.test(name)) continue;
    const path = join(ownDir, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > LEFTOVER_AGE_MS) rmSync(path);
    } catch {
      // Gone meanwhile, or held: the next round tries again.
    }
  }
}

function fileNumbers(dir: string): number[] {
  return numbersIn(readdirSync(dir));
}

/** The numbers of the sync files among a folder's names, in order. */
function numbersIn(names: string[]): number[] {
  return names
    .map((name) => FILE_NAME.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}
