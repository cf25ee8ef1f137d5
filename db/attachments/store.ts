// Documents (pièces jointes): a replicated row per attachment (its name, size and SHA-256)
// and, apart from the change log, the bytes themselves, stored once per content whatever
// the number of rows that name it. The bytes travel apart from the changes
// (docs/sync.md, « Les documents joints »): in an exchange file after its changes, in the
// shared folder as one file per document.
import { createHash } from 'node:crypto';
import { localDate } from '../../common/calendar';
import { MAX_ATTACHMENT_MEGABYTES } from '../../common/vocabulary';
import { refusal } from '../errors';
import { deleteRow, insertRow, requireRow, validatePatch } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { Attachment, Blob } from './types';

export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MEGABYTES * 1024 * 1024;
export const MAX_ATTACHMENT_LABEL = `${MAX_ATTACHMENT_MEGABYTES} Mo`;

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Keeps a document's bytes, once per content. */
export function storeBlob(store: Store, bytes: Buffer): string {
  const digest = sha256(bytes);
  cached(store, 'INSERT OR IGNORE INTO blob (sha256, bytes) VALUES (?, ?)').run(digest, bytes);
  return digest;
}

export function blobOf(store: Store, digest: string): Buffer | undefined {
  return cached(store, 'SELECT bytes FROM blob WHERE sha256 = ?').pluck().get(digest) as Buffer | undefined;
}

export function hasBlob(store: Store, digest: string): boolean {
  return cached(store, 'SELECT 1 FROM blob WHERE sha256 = ?').pluck().get(digest) === 1;
}

/** Attaches a document to an action or a meeting: its bytes kept once, a row that syncs. */
export function attach(store: Store, ownerId: string, name: string, bytes: Buffer): string {
  if (
    cached(store, 'SELECT 1 FROM action WHERE id = ? AND deleted = 0 UNION ALL SELECT 1 FROM meeting WHERE id = ? AND deleted = 0').get(ownerId, ownerId) ===
    undefined
  ) {
    throw refusal('not-found', 'action', ownerId);
  }
  if (bytes.length === 0) throw refusal('attachment-empty', name);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw refusal('attachment-too-large', name, MAX_ATTACHMENT_LABEL);
  return store.transaction(() => insertAttachment(store, ownerId, name, bytes));
}

/** The bytes kept and the row written, by this laptop's person today: for any owner already checked. */
export function insertAttachment(store: Store, ownerId: string, name: string, bytes: Buffer): string {
  const fields = validatePatch('attachment', {
    owner_id: ownerId,
    name,
    size: bytes.length,
    sha256: storeBlob(store, bytes),
    added_by: store.personId ?? null,
    added_on: localDate(),
  });
  return insertRow(store, 'attachment', fields);
}

export function detach(store: Store, id: string): void {
  deleteRow(store, 'attachment', id);
}

export function listAttachments(store: Store, ownerId: string): Attachment[] {
  const rows = cached(
    store,
    `SELECT a.id, a.owner_id, a.name, a.size, a.sha256, a.added_by, pe.name AS added_by_name, a.added_on,
            EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = a.sha256) AS available
     FROM attachment a LEFT JOIN person pe ON pe.id = a.added_by
     WHERE a.owner_id = ? AND a.deleted = 0 ORDER BY a.added_on DESC, sort_key(a.name), a.id`,
  ).all(ownerId) as (Omit<Attachment, 'available'> & { available: number })[];
  return rows.map((row) => ({ ...row, available: row.available === 1 }));
}

/** An attachment and its bytes, or a refusal that says they have not arrived yet. */
export function attachmentContent(store: Store, id: string): { attachment: Attachment; bytes: Buffer } {
  const row = requireRow(store, 'attachment', id);
  const bytes = blobOf(store, row.sha256);
  if (!bytes) throw refusal('attachment-missing', row.name);
  return { attachment: { ...listAttachments(store, row.owner_id).find((a) => a.id === id)! }, bytes };
}

/** The documents named by attachment rows whose bytes this laptop lacks. */
export function missingBlobs(store: Store): string[] {
  return cached(store, 'SELECT DISTINCT a.sha256 FROM attachment a WHERE NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = a.sha256)')
    .pluck()
    .all() as string[];
}

/** The bytes of the documents whose attachment rows are among `changes`, for a file that carries those rows. */
export function blobsForChanges(store: Store, changes: { entity: string; field: string; value: string }[]): Blob[] {
  const digests = new Set(
    changes.filter((change) => change.entity === 'attachment' && change.field === 'sha256').map((change) => JSON.parse(change.value) as string),
  );
  return [...digests].flatMap((digest) => {
    const bytes = blobOf(store, digest);
    return bytes ? [{ sha256: digest, bytes }] : [];
  });
}

/** Keeps received bytes whose content matches their name; answers how many were new. */
export function receiveBlobs(store: Store, blobs: Blob[]): number {
  let added = 0;
  for (const blob of blobs) {
    if (sha256(blob.bytes) !== blob.sha256) throw refusal('damaged-file', `document ${blob.sha256.slice(0, 12)}… altéré`);
    if (!hasBlob(store, blob.sha256)) {
      storeBlob(store, blob.bytes);
      added++;
    }
  }
  return added;
}
