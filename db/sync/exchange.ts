// Sync files between replicas (docs/sync.md §3, §4): what to export for a peer, and an import applied
// in one transaction together with this replica's bookkeeping (what the sender held, the
// journal), so that a file is taken whole or not at all, and taken twice changes nothing.
import type { Change, VersionRef } from '../store/changelog';
import { refusal } from '../errors';
import { SEED_ORIGIN } from '../project/setup';
import { SHARED_SCHEMA_VERSION } from '../store/migrations';
import type { Store } from '../store/store';
import { decodeSyncFile, encodeSyncFile, readSyncHeader, type SyncHeader } from './format';
import { blobsForChanges, receiveBlobs } from '../attachments/store';
import { recordJournal } from './journal';
import { followActions, type ImportChanges } from './changes';
import { ofReplica, replicaLabel } from './labels';
import { keyringOf, readingKeys, type Secret } from './passphrase';
import { arrivalLabel, keepSeenPostes } from './poste-notices';
import { checkRuns, provenRuns, recordProofs } from './proof';
import { revocationBound, revokedBy } from './revocation';

export interface ExportOptions {
  /** A peer replica: export what it may lack according to the last file received from it. */
  forReplica?: string;
  /** Or what the receivers already hold, by origin (the shared folder's published changes). */
  basedOn?: Record<string, number>;
  /**
   * What this replica held when it wrote its previous file in the shared folder: the file
   * says what it holds only where that changed (its readers read the previous one too).
   */
  heldSince?: Record<string, number>;
  /** The passphrase (CLI, tests) or this poste's keyring. */
  secret: Secret;
  now?: Date;
  /** Whether the documents attached by the exported changes travel in the file (the shared folder writes them apart). */
  withBlobs?: boolean;
}

export function exportFile(store: Store, options: ExportOptions): { bytes: Buffer; header: SyncHeader; senderHeld: Record<string, number> } {
  const { projectId, replicaId } = store.requireReplica();
  const keyring = keyringOf(store, options.secret);
  const revoker = revokedBy(store);
  if (revoker) throw refusal('revoked-here', revoker);
  const basedOn = options.basedOn ?? (options.forReplica ? peerHeld(store, options.forReplica) : {});
  // Origin by origin, each a range of the log's primary key, rather than one scan of the whole log.
  const after = store.db.prepare(
    'SELECT origin, seq, hlc, entity, row_id AS rowId, field, value, supersedes, chain FROM changes WHERE origin = ? AND seq > ? ORDER BY seq',
  );
  // One read transaction: the app's main process may write meanwhile, and a version vector
  // read after the changes would claim a change the file does not carry.
  const { runs, senderHeld, blobs } = store.transaction(() => {
    const read: Change[] = [];
    for (const origin of logOrigins(store)) {
      const held = Object.prototype.hasOwnProperty.call(basedOn, origin) ? basedOn[origin] : undefined;
      for (const row of after.all(origin, held ?? 0) as (Omit<Change, 'supersedes'> & { supersedes: string })[]) {
        read.push({ ...row, supersedes: JSON.parse(row.supersedes) as VersionRef[] });
      }
    }
    return {
      runs: provenRuns(store, keyring, read),
      senderHeld: store.log.versionVector(),
      blobs: options.withBlobs === false ? [] : blobsForChanges(store, read),
    };
  });
  const { heldSince } = options;
  const said = heldSince ? Object.keys(senderHeld).filter((origin) => senderHeld[origin] !== heldSince[origin]) : Object.keys(senderHeld);
  const bytes = encodeSyncFile({
    project: projectId,
    sender: replicaId,
    schema: SHARED_SCHEMA_VERSION,
    full: Object.keys(basedOn).length === 0,
    heldUpdate: heldSince !== undefined,
    key: keyring.keys[0],
    content: {
      senderHeld: heldSince ? pick(senderHeld, said) : senderHeld,
      basedOn: heldSince ? pick(basedOn, said) : basedOn,
      runs,
      blobs,
    },
    now: options.now,
  });
  return { bytes, header: readSyncHeader(bytes).header, senderHeld };
}

const pick = (vector: Record<string, number>, origins: string[]): Record<string, number> =>
  Object.fromEntries(origins.filter((origin) => vector[origin] !== undefined).map((origin) => [origin, vector[origin]]));

/** The origins of the log, in order: one index seek each. */
function logOrigins(store: Store): string[] {
  return store.db
    .prepare(
      `WITH RECURSIVE o (origin) AS (
         SELECT min(origin) FROM changes
         UNION ALL SELECT (SELECT min(origin) FROM changes WHERE origin > o.origin) FROM o WHERE o.origin IS NOT NULL)
       SELECT origin FROM o WHERE origin IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/** Whether this replica holds changes beyond `basedOn` (what an export for it would carry). */
export function hasChangesBeyond(store: Store, basedOn: Record<string, number>): boolean {
  const beyond = store.db.prepare('SELECT 1 FROM changes WHERE origin = ? AND seq > ? LIMIT 1').pluck();
  return logOrigins(store).some((origin) => beyond.get(origin, basedOn[origin] ?? 0) !== undefined);
}

export interface Gap {
  origin: string;
  from: number;
  to: number;
  /** "l'ordinateur de Claire Martin (Indre-et-Loire)" (labels.ts). */
  replica: string;
  /** "il manque 15 mises à jour de l'ordinateur de …" */
  description: string;
}

export interface ImportSummary {
  sender: string;
  sender_label: string;
  /** The changes the file carries (its header's count), new here or not. */
  received: number;
  /** New here and with effect: the rest were already known (a file imported twice changes nothing), or from a poste revoked before them. */
  applied: number;
  by_origin: { origin: string; replica: string; count: number }[];
  actions_created: number;
  status_changes: number;
  notes_added: number;
  new_conflicts: number;
  gaps: Gap[];
  /** Changes stamped more than a day in the future: applied, but their clock not followed. */
  far_future: number;
  /** Documents whose bytes arrived with this file. */
  documents: number;
  /** Changes without effect: their poste was revoked before them. */
  revoked: { origin: string; replica: string; count: number }[];
  /** Ordinateurs registered by this file's changes (« l'ordinateur de … »); absent from summaries of Entente 0.8 and older. */
  postes_arrived?: string[];
  /** Revocations new here: which ordinateur, by which. */
  revocations?: { replica: string; by: string }[];
  /** What the sender held, by origin, as far as its files read here say (this one and those before). */
  sender_held: Record<string, number>;
  /** What this very file says the sender held: in a shared folder, only what changed since its previous file. */
  file_held: Record<string, number>;
  /** What changed, action by action (« Statut : En cours → Bloqué, par Marc Petit »). */
  action_changes: ImportChanges;
}

export interface ImportOptions {
  now?: Date;
  /** Hears how many changes were applied so far, every few thousand. */
  onProgress?: (done: number, total: number) => void;
  /** How the journal names it: an import, or the import that joined the project. */
  journalAs?: 'import' | 'join';
  /**
   * Whether the summary names the actions by their reference (« 4.2 »): every reference is
   * computed again for it. A shared folder's round, file after file, leaves that to the reading.
   */
  named?: boolean;
}

/** Applies a sync file whole or not at all, and journals it in the same transaction. */
export function importFile(
  store: Store,
  bytes: Buffer,
  secret: Secret,
  { now = new Date(), onProgress, journalAs = 'import', named = true }: ImportOptions = {},
): ImportSummary {
  const { projectId, replicaId } = store.requireReplica();
  const { header, content } = decodeSyncFile(bytes, {
    keys: readingKeys(store, secret),
    passphrase: typeof secret === 'string' ? secret : undefined,
    project: projectId,
    schema: SHARED_SCHEMA_VERSION,
  });
  const has = store.db.prepare('SELECT 1 FROM changes WHERE origin = ? AND seq = ?').pluck();
  // Own changes up to the version vector are surely held: only those beyond are looked up.
  const ownHeld = store.log.versionVector()[replicaId] ?? 0;
  return store.transaction(() => {
    // What the sender holds, as far as its files read here say: a file of a shared folder says
    // only what changed, and a file read late (set aside, carried by hand) says less than a later one.
    const senderHeld = atLeast(peerHeld(store, header.sender), content.senderHeld);
    keepSeenPostes(store);
    const { changes, proofs } = checkRuns(store, projectId, content.runs);
    // Changes of this poste it never made, and signed with its key (checked above: a forger's are refused as forged): a copy of its data folder.
    if (content.runs.some((run) => run.origin === replicaId && run.changes.some((change) => change.seq > ownHeld && !has.get(change.origin, change.seq)))) {
      throw refusal('cloned-replica', 'file', replicaId);
    }
    const createdActions = newRows(store, changes, 'action');
    const createdNotes = newRows(store, changes, 'note');
    const conflictsBefore = conflictCount(store);
    const originsBefore = new Set(Object.keys(store.log.versionVector()));
    const actionChanges = followActions(store, changes, createdNotes, named);

    const { applied: fresh, farFuture } = store.receive(onProgress ? reporting(changes, onProgress) : changes);
    // New here and with effect: a revoked poste's later changes are kept in the log only.
    const applied = fresh.filter((change) => !store.log.isRevoked(change));
    const revoked = new Map<string, number>();
    for (const change of fresh) if (store.log.isRevoked(change)) revoked.set(change.origin, (revoked.get(change.origin) ?? 0) + 1);
    recordProofs(store, proofs);
    const documents = receiveBlobs(store, content.blobs ?? []);

    store.db
      .prepare('INSERT OR REPLACE INTO peer_state (replica_id, held, file_created_at, received_at) VALUES (?, ?, ?, ?)')
      .run(header.sender, JSON.stringify(senderHeld), header.createdAt, now.toISOString());
    const counts = new Map<string, number>();
    for (const change of applied) counts.set(change.origin, (counts.get(change.origin) ?? 0) + 1);
    const summary: ImportSummary = {
      sender: header.sender,
      sender_label: replicaLabel(store, header.sender),
      received: header.count,
      applied: applied.length,
      by_origin: [...counts].map(([origin, count]) => ({ origin, replica: replicaLabel(store, origin), count })),
      actions_created: createdActions.size,
      status_changes: applied.filter((c) => c.entity === 'action' && c.field === 'status' && !createdActions.has(c.rowId)).length,
      notes_added: createdNotes.size,
      new_conflicts: Math.max(0, conflictCount(store) - conflictsBefore),
      gaps: findGaps(store, senderHeld),
      far_future: farFuture,
      documents,
      revoked: [...revoked].map(([origin, count]) => ({ origin, replica: replicaLabel(store, origin), count })),
      postes_arrived: Object.keys(store.log.versionVector())
        .filter((origin) => !originsBefore.has(origin) && origin !== SEED_ORIGIN && origin !== replicaId)
        .map((origin) => arrivalLabel(store, origin)),
      // As the notices, a bound that is not an integer revokes nothing (store/revocations.ts).
      revocations: fresh
        .filter((change) => change.entity === 'replica' && change.field === 'revoked_after' && Number.isInteger(JSON.parse(change.value)))
        .map((change) => ({ replica: replicaLabel(store, change.rowId), by: replicaLabel(store, change.origin) })),
      sender_held: senderHeld,
      file_held: content.senderHeld,
      action_changes: actionChanges(applied),
    };
    recordJournal(store, { kind: journalAs, summary }, now);
    return summary;
  });
}

const PROGRESS_STEP = 5000;

function* reporting<T>(items: T[], onProgress: (done: number, total: number) => void): Generator<T> {
  for (let i = 0; i < items.length; i++) {
    if (i % PROGRESS_STEP === 0) onProgress(i, items.length);
    yield items[i];
  }
  onProgress(items.length, items.length);
}

/**
 * The rows of an entity that the log held nothing of before this file. Asked of the derived
 * table, whose unique id index answers at once (the log has no index by row): every change
 * of a field this version knows makes the row exist there.
 */
function newRows(store: Store, changes: Change[], entity: 'action' | 'note'): Set<string> {
  const exists = store.db.prepare(`SELECT 1 FROM ${entity} WHERE id = ?`).pluck();
  const seen = new Set<string>();
  const created = new Set<string>();
  for (const change of changes) {
    if (change.entity !== entity || seen.has(change.rowId)) continue;
    seen.add(change.rowId);
    if (!exists.get(change.rowId)) created.add(change.rowId);
  }
  return created;
}

/** As many as listConflicts lists, without reading their versions. */
function conflictCount(store: Store): number {
  return store.db.prepare('SELECT count(*) FROM conflict_fields').pluck().get() as number;
}

/** "il manque 15 mises à jour de l'ordinateur de …": a count, its sequence numbers being no one's business. */
export function describeGap(gap: Omit<Gap, 'description'>): string {
  const count = gap.to - gap.from + 1;
  return `il manque ${count === 1 ? 'une mise à jour' : `${count.toLocaleString('fr-FR')} mises à jour`} ${ofReplica(gap.replica)}`;
}

/** Both vectors' most, origin by origin: a replica's vector only grows, so files read out of order still add up. */
function atLeast(known: Record<string, number>, update: Record<string, number>): Record<string, number> {
  const result = { ...known };
  for (const [origin, seq] of Object.entries(update)) result[origin] = Math.max(result[origin] ?? 0, seq);
  return result;
}

function peerHeld(store: Store, replica: string): Record<string, number> {
  const held = store.db.prepare('SELECT held FROM peer_state WHERE replica_id = ?').pluck().get(replica) as string | undefined;
  return held ? (JSON.parse(held) as Record<string, number>) : {};
}

/** What the sender held that this replica still lacks, as ranges of sequence numbers. */
export function findGaps(store: Store, senderHeld: Record<string, number>): Gap[] {
  const held = store.log.versionVector();
  const beyond = store.db.prepare('SELECT seq FROM changes WHERE origin = ? AND seq > ? ORDER BY seq').pluck();
  const result: Gap[] = [];
  for (const [origin, claimed] of Object.entries(senderHeld)) {
    // A revoked poste's changes after its revocation are not missing: they are refused.
    const upTo = Math.min(claimed, revocationBound(store, origin) ?? claimed);
    let next = (held[origin] ?? 0) + 1;
    for (const seq of [...(beyond.all(origin, next - 1) as number[]), upTo + 1]) {
      if (seq > next && next <= upTo) {
        const gap = { origin, from: next, to: Math.min(seq - 1, upTo), replica: replicaLabel(store, origin) };
        result.push({ ...gap, description: describeGap(gap) });
      }
      next = Math.max(next, seq + 1);
    }
  }
  return result;
}
