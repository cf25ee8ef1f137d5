// One function per sync operation, each journalled, used alike by the app (its sync worker)
// and the CLI: exporting a file, writing an invitation, a round with the shared folder,
// importing a file (importFile, exchange.ts, journals inside its own transaction; its
// failure is kept here for the Synchronisation screen until a later import goes through).
import { toUserError } from '../errors';
import { writeFileAtomically } from '../files';
import { getRow } from '../store/rows';
import type { Store } from '../store/store';
import { exportFile, importFile, type ImportOptions, type ImportSummary } from './exchange';
import { replicaLabel } from './labels';
import type { Secret } from './passphrase';
import { noteUnknownPassphrase } from './passphrase-elsewhere';
import { syncFolder, type FolderSyncResult } from './folder';
import { createInvitation } from './invitation';
import { recordJournal, type ExportRecord, type FolderRoundRecord } from './journal';
import { mergeChanges } from './changes';
import { folderState, heldByPartner, LAST_CHANGES_KEY, LAST_IMPORT_FAILURE_KEY, LAST_ROUND_KEY } from './status';

/** Who an exchange file is for: one poste, every poste of a Département, or a full export. */
export type ExportTarget = { kind: 'replica'; id: string } | { kind: 'partner'; id: string } | { kind: 'full' };

/** Writes an exchange file with what `target` lacks, and journals it. */
export function exportToFile(store: Store, file: string, { secret, target }: { secret: Secret; target: ExportTarget }): ExportRecord {
  const { bytes, header } = exportFile(store, {
    secret,
    forReplica: target.kind === 'replica' ? target.id : undefined,
    // For a Département: what the least informed of its postes lacks.
    basedOn: target.kind === 'partner' ? heldByPartner(store, target.id) : undefined,
  });
  store.syncToDisk();
  writeFileAtomically(file, bytes);
  return journalExport(store, { file, count: header.count, target: targetLabel(store, target) });
}

/** Writes an invitation (the whole history, for a new laptop), and journals it. */
export function writeInvitation(store: Store, file: string, secret: Secret): ExportRecord {
  const { bytes, header } = createInvitation(store, secret);
  store.syncToDisk();
  writeFileAtomically(file, bytes);
  return journalExport(store, { file, count: header.count, target: "l'invitation d'un nouvel ordinateur" });
}

function journalExport(store: Store, record: ExportRecord): ExportRecord {
  recordJournal(store, { kind: 'export', summary: record });
  return record;
}

/** "l'ordinateur de Nadia Benali (Loir-et-Cher)", "Loir-et-Cher", or null for a full export. */
function targetLabel(store: Store, target: ExportTarget): string | null {
  if (target.kind === 'full') return null;
  if (target.kind === 'replica') return replicaLabel(store, target.id);
  return getRow(store, 'partner', target.id)?.name ?? target.id;
}

/**
 * Imports an exchange file. A failure is journalled and kept for the Synchronisation screen
 * (then thrown again); a later import that goes through clears it, the journal keeping both.
 */
export function importExchangeFile(store: Store, bytes: Buffer, secret: Secret, options: ImportOptions = {}): ImportSummary {
  const at = options.now ?? new Date();
  try {
    const summary = importFile(store, bytes, secret, options);
    store.db.prepare('DELETE FROM local_state WHERE key = ?').run(LAST_IMPORT_FAILURE_KEY);
    return summary;
  } catch (error) {
    try {
      const { code, message } = toUserError(error);
      store.transaction(() => {
        recordJournal(store, { kind: 'error', summary: { message, import: true } }, at);
        store.setLocalState(LAST_IMPORT_FAILURE_KEY, JSON.stringify({ at: at.toISOString(), message }));
      });
      if (code === 'unknown-key') noteUnknownPassphrase(store, bytes, at);
    } catch {
      // The same failing database cannot record it either: the import's own error is the one to tell.
    }
    throw error;
  }
}

/**
 * One round with the shared folder, its outcome kept for the status line and journalled
 * (a failure too, then thrown again). A round that could not write its file after reading
 * the others' answers with `result.stopped`: the caller tells what was read, then throws it.
 */
export function folderRound(
  store: Store,
  folder: string,
  secret: Secret,
  { now = new Date(), onFile }: { now?: Date; onFile?: (done: number, total: number) => void } = {},
): { record: FolderRoundRecord; result: FolderSyncResult } {
  try {
    const result = syncFolder(store, folder, secret, now, onFile);
    const record = folderRoundRecord(folder, result);
    recordFolderRound(store, folder, result.stopped ? { error: result.stopped.message } : { record }, now);
    const changes = mergeChanges(result.imported.map((file) => file.action_changes));
    if (changes.actions.length > 0 || changes.more > 0) store.setLocalState(LAST_CHANGES_KEY, JSON.stringify({ at: now.toISOString(), changes }));
    return { record, result };
  } catch (error) {
    try {
      recordFolderRound(store, folder, { error: toUserError(error).message }, now);
    } catch {
      // The same failing database cannot record it either: the round's own error is the one to tell.
    }
    throw error;
  }
}

/** A round main gave up on, its worker waiting on a folder that no longer answers (main/sync/jobs.ts): said as a failed round. */
export function recordAbandonedRound(store: Store, folder: string, message: string, at = new Date()): void {
  recordFolderRound(store, folder, { error: message }, at);
}

/** What a round with the shared folder did, in numbers. */
function folderRoundRecord(folder: string, { imported, written, postponed, leftBehind }: FolderSyncResult): FolderRoundRecord {
  return {
    folder,
    files_imported: imported.length,
    changes_applied: imported.reduce((sum, file) => sum + file.applied, 0),
    written: written?.count ?? 0,
    postponed_files: postponed,
    left_behind_files: leftBehind,
    new_conflicts: imported.reduce((sum, file) => sum + file.new_conflicts, 0),
    postes_arrived: imported.flatMap((file) => file.postes_arrived ?? []),
    revocations: imported.flatMap((file) => file.revocations ?? []),
  };
}

/**
 * Records a round with the shared folder: its outcome for the status line, and a journal
 * entry when something happened (the timer's empty rounds would drown the journal). An
 * error, or a file set aside for the same reason, is journalled once, not at every retry.
 */
function recordFolderRound(store: Store, folder: string, outcome: { record: FolderRoundRecord } | { error: string }, at = new Date()): void {
  store.transaction(() => {
    const previous = folderState(store).last_round;
    if ('error' in outcome) {
      // Once while it lasts: a failure that comes back after a round that went through is told again.
      if (!(previous && !previous.ok && previous.message === outcome.error))
        recordJournal(store, { kind: 'error', summary: { message: outcome.error, folder } }, at);
    } else {
      const { record } = outcome;
      const before = previous?.postponed_files ?? [];
      const newlySetAside = record.postponed_files.filter((file) => !before.some((known) => known.file === file.file && known.reason === file.reason));
      const newlyLeft = (record.left_behind_files ?? []).filter((file) => !previous?.left_behind_files?.includes(file));
      if (record.files_imported > 0 || record.written > 0 || newlySetAside.length > 0 || newlyLeft.length > 0) {
        recordJournal(store, { kind: 'folder', summary: { ...record, postponed_files: newlySetAside, left_behind_files: newlyLeft } }, at);
      }
    }
    const message = 'error' in outcome ? outcome.error : null;
    // A failed round read nothing: the files set aside before stay so, and are not told again after it.
    const postponedFiles = 'record' in outcome ? outcome.record.postponed_files : (previous?.postponed_files ?? []);
    const leftBehind = 'record' in outcome ? outcome.record.left_behind_files : previous?.left_behind_files;
    store.setLocalState(
      LAST_ROUND_KEY,
      JSON.stringify({ at: at.toISOString(), ok: message === null, message, postponed_files: postponedFiles, left_behind_files: leftBehind }),
    );
  });
}
