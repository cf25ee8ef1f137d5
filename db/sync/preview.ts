// A look inside an invitation before joining: the project's name, its partners and its
// people, so that the new laptop's user can say who they are. Read straight from the
// changes (for each field, the version with the latest clock): a preview, not the replica.
import type { Change } from '../store/changelog';
import { SHARED_SCHEMA_VERSION } from '../store/migrations';
import type { Partner } from '../people/types';
import type { PartnerKind } from '../../common/vocabulary';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { refusal } from '../errors';
import type { Store } from '../store/store';
import { replicaLabel } from './labels';
import { changesOf } from './body';
import { decodeSyncFile, isOfProject, MAX_HEADER_BYTES, readSyncHeader } from './format';
import { derivedKey } from './keys';

export interface InvitationPreview {
  project_id: string;
  project_name: string;
  created_at: string;
  changes: number;
  partners: Partner[];
  people: { id: string; name: string; partner_id: string }[];
}

/**
 * What an exchange file the system asked Entente to open says it holds, from its header
 * only (no passphrase, nothing authenticated yet: the import checks it all).
 */
export interface ExchangeFilePreview {
  file_name: string;
  /** « poste de Nadia Benali (Loir-et-Cher) » when this laptop knows that poste. */
  sender_label: string | null;
  created_at: string;
  changes: number;
  /** The whole history (an invitation or a full export). */
  full: boolean;
}

export function previewExchangeFile(store: Store, path: string): ExchangeFilePreview {
  const { header } = readSyncHeader(fileHead(path));
  const fileName = basename(path);
  if (!isOfProject(header, store.requireReplica().projectId)) throw refusal('other-project', header.project);
  const known = store.db.prepare('SELECT 1 FROM replica WHERE id = ?').pluck().get(header.sender) === 1;
  return {
    file_name: fileName,
    sender_label: known ? replicaLabel(store, header.sender) : null,
    created_at: header.createdAt,
    changes: header.count,
    full: header.full,
  };
}

/** The start of a file, enough for its header: a large file is not read whole to be previewed. */
function fileHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(fstatSync(fd).size, MAX_HEADER_BYTES + 64));
    readSync(fd, head, 0, head.length, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

export function previewInvitation(bytes: Buffer, passphrase: string): InvitationPreview {
  const { header } = readSyncHeader(bytes);
  // A file that is not full names its project by a digest only: it is no invitation.
  const projectId = header.full ? header.project : undefined;
  if (projectId === undefined) throw refusal('not-an-invitation');
  const { content } = decodeSyncFile(bytes, {
    keys: [derivedKey(passphrase, projectId)],
    passphrase,
    project: projectId,
    schema: SHARED_SCHEMA_VERSION,
  });
  const changes = changesOf(content.runs);
  const rows = latestRows(changes, new Set(['project', 'partner', 'person']));
  const of = (entity: string) => [...(rows.get(entity) ?? new Map()).entries()].filter(([, row]) => !row.deleted);
  const partners = of('partner')
    .map(([id, row]) => ({
      id,
      code: String(row.code),
      name: String(row.name),
      short_name: String(row.short_name),
      position: Number(row.position),
      kind: (row.kind ?? null) as PartnerKind | null,
    }))
    .sort((a, b) => a.position - b.position);
  const people = of('person')
    .map(([id, row]) => ({ id, name: String(row.name), partner_id: String(row.partner_id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const project = rows.get('project')?.get(projectId);
  return {
    project_id: projectId,
    project_name: project?.name ? String(project.name) : projectId,
    created_at: header.createdAt,
    changes: header.count,
    partners,
    people,
  };
}

type Row = Record<string, unknown> & { deleted?: boolean };

function latestRows(changes: Change[], entities: Set<string>): Map<string, Map<string, Row>> {
  const latest = new Map<string, { hlc: string; value: unknown }>();
  for (const change of changes) {
    if (!entities.has(change.entity)) continue;
    const key = `${change.entity}\u0000${change.rowId}\u0000${change.field}`;
    const seen = latest.get(key);
    if (!seen || seen.hlc <= change.hlc) latest.set(key, { hlc: change.hlc, value: JSON.parse(change.value) });
  }
  const result = new Map<string, Map<string, Row>>();
  for (const [key, { value }] of latest) {
    const [entity, rowId, field] = key.split('\u0000');
    const rows = result.get(entity) ?? result.set(entity, new Map()).get(entity)!;
    const row = rows.get(rowId) ?? rows.set(rowId, {}).get(rowId)!;
    // A delete is a mark { vv }; a restore writes false.
    row[field] = field === 'deleted' ? value !== false : value;
  }
  return result;
}
