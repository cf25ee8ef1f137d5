// What the Synchronisation screen shows: every poste this replica knows of, what each
// holds, the gaps, and this laptop's shared-folder setting. The folder is local to this
// laptop (local_state): it is never replicated.
import { parseHlc } from '../store/hlc';
import { SEED_ORIGIN } from '../project/setup';
import type { Store } from '../store/store';
import { findGaps } from './exchange';
import { withReferences, type ImportChanges } from './changes';
import { keyConfirmedAt } from './confirmations';
import { fingerprint } from './keys';
import { replicaLabel } from './labels';
import { revocationBound, revocationOf } from './revocation';

export interface ReplicaStatus {
  id: string;
  person_name: string | null;
  partner_id: string | null;
  partner_name: string | null;
  label: string | null;
  /** When it joined the coopération (its own clock): tells apart a person's lost laptop and its replacement. */
  joined_at: string | null;
  is_this_laptop: boolean;
  /** How many of its changes this replica holds. */
  changes: number;
  /**
   * Its first changes, which registered it when it joined (its person, its row, its name, its
   * key): a poste that holds them knows this ordinateur. The screens count the others as its work.
   */
  registration_changes: number;
  /** When it last wrote a change that reached here (its own clock). */
  last_change_at: string | null;
  /** When a file written by it was last imported here. */
  last_file_at: string | null;
  /** How many of this laptop's changes it held, per its last file read here; null: no file of it read yet, or this laptop. */
  holds_of_this_laptop: number | null;
  /** The same, told apart: whether it knew this ordinateur (its registration), and how many of its other changes it held. */
  received_of_this_laptop: { knows_this_laptop: boolean; updates: number } | null;
  /** Its public key's fingerprint, null for a poste of Entente 0.2 not yet updated. */
  fingerprint: string | null;
  /** When this laptop's user confirmed its key by comparing the fingerprint (confirmations.ts); null if not. */
  key_confirmed_at: string | null;
  /** Revoked: after which of its changes, by whom (this laptop, or which), when. */
  revoked: { after: number; by: string; by_this_laptop: boolean; at: string } | null;
}

export interface FolderState {
  folder: string | null;
  last_round: {
    at: string;
    ok: boolean;
    message: string | null;
    postponed_files?: { file: string; reason: string }[];
    /** Files of an older passphrase this laptop never had (folder.ts, leftBehind). */
    left_behind_files?: string[];
  } | null;
  /** What the last round that read new files changed, action by action: kept across the rounds with nothing new. */
  last_changes: { at: string; changes: ImportChanges } | null;
}

export const FOLDER_KEY = 'shared_folder';
export const LAST_ROUND_KEY = 'shared_folder_last_round';
export const LAST_CHANGES_KEY = 'shared_folder_last_changes';
/** The last import of an exchange file that failed, until one goes through (operations.ts). */
export const LAST_IMPORT_FAILURE_KEY = 'last_import_failure';

/** The last failed import of an exchange file, if no import went through since. */
export function lastImportFailure(store: Store): { at: string; message: string } | null {
  const failure = store.localState(LAST_IMPORT_FAILURE_KEY);
  return failure ? (JSON.parse(failure) as { at: string; message: string }) : null;
}

export function listReplicaStatus(store: Store): ReplicaStatus[] {
  const rows = store.db
    .prepare(
      `SELECT v.origin AS id, v.seq AS changes, c.hlc, r.label, r.created_at AS joined_at, r.person_id, r.public_key, pe.name AS person_name, pa.id AS partner_id,
              pa.name AS partner_name, ps.received_at AS last_file_at, ps.held
       FROM version_vector v
       JOIN changes c ON c.origin = v.origin AND c.seq = v.seq
       LEFT JOIN replica r ON r.id = v.origin
       LEFT JOIN person pe ON pe.id = r.person_id
       LEFT JOIN partner pa ON pa.id = r.partner_id
       LEFT JOIN peer_state ps ON ps.replica_id = v.origin
       WHERE v.origin <> ?
       ORDER BY pa.position, pe.name, v.origin`,
    )
    .all(SEED_ORIGIN) as (Pick<ReplicaStatus, 'id' | 'changes' | 'label' | 'joined_at' | 'person_name' | 'partner_id' | 'partner_name' | 'last_file_at'> & {
    hlc: string;
    person_id: string | null;
    public_key: string | null;
    held: string | null;
  })[];
  const own = rows.find((row) => row.id === store.replicaId);
  const ownRegistration = own ? registrationChanges(store, own.id, own.person_id) : 0;
  return rows.map(({ hlc, person_id, public_key, held, ...row }) => {
    const revoked = revocationOf(store, row.id);
    const holds = held === null || row.id === store.replicaId ? null : ((JSON.parse(held) as Record<string, number>)[store.replicaId ?? ''] ?? 0);
    return {
      ...row,
      is_this_laptop: row.id === store.replicaId,
      registration_changes: row.id === own?.id ? ownRegistration : registrationChanges(store, row.id, person_id),
      holds_of_this_laptop: holds,
      received_of_this_laptop: holds === null ? null : { knows_this_laptop: holds >= ownRegistration, updates: Math.max(0, holds - ownRegistration) },
      last_change_at: new Date(parseHlc(hlc).ms).toISOString(),
      fingerprint: public_key ? fingerprint(public_key) : null,
      key_confirmed_at: keyConfirmedAt(store, row.id),
      revoked: revoked
        ? {
            after: revoked.after,
            by: replicaLabel(store, revoked.origin),
            by_this_laptop: revoked.origin === store.replicaId,
            at: new Date(parseHlc(revoked.hlc).ms).toISOString(),
          }
        : null,
    };
  });
}

/**
 * How many of an ordinateur's first changes registered it, as `init` and `join` write them
 * (setup.ts, invitation.ts): the leading ones about its row and its person, each field once,
 * its key included when no work came before it. A field written again (a rename) is work.
 */
function registrationChanges(store: Store, replicaId: string, personId: string | null): number {
  const first = store.db
    .prepare('SELECT entity, row_id AS rowId, field FROM changes WHERE origin = ? ORDER BY seq LIMIT ?')
    .all(replicaId, REGISTRATION_MAX) as { entity: string; rowId: string; field: string }[];
  const written = new Set<string>();
  for (const [n, { entity, rowId, field }] of first.entries()) {
    const own = (entity === 'replica' && rowId === replicaId) || (entity === 'person' && rowId === personId);
    if (!own || written.has(`${entity}.${field}`)) return n;
    written.add(`${entity}.${field}`);
  }
  return first.length;
}

/** More than a registration writes (a person's and a replica row's fields, a key). */
const REGISTRATION_MAX = 32;

/**
 * What every known poste of a partner holds, by origin (the least of them): an export
 * for a Département then carries what the least informed of its postes lacks. A revoked
 * poste, which will never say it holds more, is left out.
 */
export function heldByPartner(store: Store, partnerId: string): Record<string, number> {
  const replicas = (
    store.db
      .prepare('SELECT r.id, ps.held FROM replica r LEFT JOIN peer_state ps ON ps.replica_id = r.id WHERE r.partner_id = ? AND r.deleted = 0 AND r.id <> ?')
      .all(partnerId, store.replicaId ?? '') as { id: string; held: string | null }[]
  ).filter((replica) => revocationBound(store, replica.id) === undefined);
  if (replicas.length === 0 || replicas.some((replica) => replica.held === null)) return {};
  const helds = replicas.map((replica) => JSON.parse(replica.held!) as Record<string, number>);
  const origins = new Set(helds.flatMap((held) => Object.keys(held)));
  return Object.fromEntries([...origins].map((origin) => [origin, Math.min(...helds.map((held) => held[origin] ?? 0))]));
}

/** What some poste held, per its last file, that this replica still lacks. */
export function knownGaps(store: Store): string[] {
  const known: Record<string, number> = {};
  for (const held of store.db.prepare('SELECT held FROM peer_state').pluck().all() as string[]) {
    for (const [origin, seq] of Object.entries(JSON.parse(held) as Record<string, number>)) known[origin] = Math.max(known[origin] ?? 0, seq);
  }
  return findGaps(store, known).map((gap) => gap.description);
}

export function folderState(store: Store): FolderState {
  const lastRound = store.localState(LAST_ROUND_KEY);
  const lastChanges = store.localState(LAST_CHANGES_KEY);
  const kept = lastChanges ? (JSON.parse(lastChanges) as { at: string; changes: ImportChanges }) : null;
  return {
    folder: store.localState(FOLDER_KEY) ?? null,
    last_round: lastRound ? JSON.parse(lastRound) : null,
    last_changes: kept && { at: kept.at, changes: withReferences(store, kept.changes) },
  };
}

export function setSharedFolder(store: Store, folder: string | null): void {
  if (folder) store.setLocalState(FOLDER_KEY, folder);
  else store.db.prepare('DELETE FROM local_state WHERE key IN (?, ?, ?)').run(FOLDER_KEY, LAST_ROUND_KEY, LAST_CHANGES_KEY);
}
