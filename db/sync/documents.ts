// Documents in the shared folder (docs/sync.md, « Les documents joints »): each document's
// bytes in a file of its own, in the sub-folder of the poste that wrote it first, named by
// their SHA-256, so that a change file stays small and a document is written once for all.
//
//   DIR/entente-<project>/<poste>/documents/<sha256>.entente-doc
//   "ENTENTE-DOC1" (12 bytes) | key id (8 ASCII bytes) | AES-256-GCM ciphertext | tag (16 bytes)
//
// The key is HKDF of the project key and the document's SHA-256: one key per content, so the
// nonce is fixed; the same document always seals to the same bytes.
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { blobOf, missingBlobs, receiveBlobs } from '../attachments/store';
import { refusal, toUserError } from '../errors';
import { writeFileAtomically } from '../files';
import type { Store } from '../store/store';
import type { ProjectKey } from './keys';
import { FILE_FAULTS, setAsideReason, unreadable, writingInFolder } from './set-aside';

const MAGIC = Buffer.from('ENTENTE-DOC1', 'ascii');
const KEY_INFO = "entente : document joint d'un dossier partagé";
const DOCUMENT_NAME = /^([0-9a-f]{64})\.entente-doc$/;

const documentKey = (key: ProjectKey, sha256: string) => Buffer.from(hkdfSync('sha256', key.key, Buffer.from(sha256, 'hex'), KEY_INFO, 32));

export function sealDocument(key: ProjectKey, sha256: string, bytes: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', documentKey(key, sha256), Buffer.alloc(12));
  const id = Buffer.from(key.id.padEnd(8, '='), 'ascii');
  cipher.setAAD(Buffer.concat([MAGIC, id]));
  return Buffer.concat([MAGIC, id, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
}

export function openDocument(keys: ProjectKey[], sha256: string, file: Buffer): Buffer {
  if (file.length < MAGIC.length + 8 + 16 || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw refusal('damaged-file', 'document illisible');
  const id = file
    .subarray(MAGIC.length, MAGIC.length + 8)
    .toString('ascii')
    .replace(/=+$/, '');
  const key = keys.find((known) => known.id === id);
  if (!key) throw refusal('unknown-key');
  try {
    const decipher = createDecipheriv('aes-256-gcm', documentKey(key, sha256), Buffer.alloc(12));
    decipher.setAAD(file.subarray(0, MAGIC.length + 8));
    decipher.setAuthTag(file.subarray(file.length - 16));
    return Buffer.concat([decipher.update(file.subarray(MAGIC.length + 8, file.length - 16)), decipher.final()]);
  } catch {
    throw refusal('damaged-file', "contrôle d'authenticité du document en échec");
  }
}

type SetAside = { file: string; reason: string };

/** The sealed size of a document of `bytes` bytes: prefix, key id, ciphertext, tag. */
const sealedSize = (bytes: number) => MAGIC.length + 8 + bytes + 16;

/**
 * Where each document of the folder is, by SHA-256: every poste's copy. A poste's
 * `documents/` that cannot be listed is set aside for the round.
 */
function folderDocuments(projectDir: string, posteDirs: string[], postponed: SetAside[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const poste of posteDirs) {
    const dir = join(projectDir, poste, 'documents');
    let names: string[];
    try {
      names = existsSync(dir) ? readdirSync(dir) : [];
    } catch (error) {
      postponed.push({ file: `${poste}/documents/`, reason: unreadable(error).message });
      continue;
    }
    for (const name of names) {
      const sha = DOCUMENT_NAME.exec(name)?.[1];
      if (sha) found.set(sha, [...(found.get(sha) ?? []), join(dir, name)]);
    }
  }
  return found;
}

/**
 * One round's documents: reads those this laptop lacks from any poste's sub-folder, trying
 * each copy, then writes in its own those it holds and the folder lacks whole (a copy of
 * another size is cut short, or not of this document). A document no copy of which can be
 * read is set aside like a change file; it is tried again at the next round.
 */
export function syncDocuments(
  store: Store,
  keys: ProjectKey[],
  projectDir: string,
  ownDir: string,
  posteDirs: string[],
): { received: number; written: number; postponed: SetAside[] } {
  const postponed: SetAside[] = [];
  const inFolder = folderDocuments(projectDir, posteDirs, postponed);
  let received = 0;
  for (const sha of missingBlobs(store)) {
    let failure: SetAside | undefined;
    for (const path of inFolder.get(sha) ?? []) {
      const file = path.slice(projectDir.length + 1);
      let sealed: Buffer;
      try {
        sealed = readFileSync(path);
      } catch (error) {
        failure = { file, reason: unreadable(error).message };
        continue;
      }
      try {
        received += store.transaction(() => receiveBlobs(store, [{ sha256: sha, bytes: openDocument(keys, sha, sealed) }]));
        failure = undefined;
        break;
      } catch (error) {
        // A copy's fault is said for the folder; this laptop's own (its disk full) stops the round.
        const problem = toUserError(error);
        if (!FILE_FAULTS.has(problem.code)) throw error;
        failure = { file, reason: setAsideReason(problem) };
      }
    }
    if (failure) postponed.push(failure);
  }
  let written = 0;
  const named = store.db.prepare('SELECT DISTINCT sha256 FROM attachment').pluck().all() as string[];
  const sizeOf = store.db.prepare('SELECT length(bytes) FROM blob WHERE sha256 = ?').pluck();
  for (const sha of named) {
    const size = sizeOf.get(sha) as number | undefined;
    if (size === undefined || (inFolder.get(sha) ?? []).some((path) => fileSize(path) === sealedSize(size))) continue;
    const bytes = blobOf(store, sha)!;
    const sealed = sealDocument(keys[0], sha, bytes);
    writingInFolder(dirname(projectDir), () => {
      mkdirSync(join(ownDir, 'documents'), { recursive: true });
      writeFileAtomically(join(ownDir, 'documents', `${sha}.entente-doc`), sealed);
    });
    written++;
  }
  return { received, written, postponed };
}

const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
};
