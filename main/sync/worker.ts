// The worker thread of a sync job (jobs.ts): opens the data file, runs one job, answers.
import { parentPort, workerData } from 'node:worker_threads';
import { toUserError } from '../../db/errors';
import { Store } from '../../db/store/store';
import { importFile } from '../../db/sync/exchange';
import { exportToFile } from '../../db/sync/operations';
import { writeFileAtomically } from '../../db/files';
import { syncFolder } from '../../db/sync/folder';
import { createInvitation } from '../../db/sync/invitation';
import { folderRoundRecord, heldByPartner, recordFolderRound, recordJournal, type ExportRecord, type FolderRoundRecord } from '../../db/sync/status';
import type { SyncJob, WorkerInput, WorkerMessage } from './jobs';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function run(store: Store, job: SyncJob): { value: unknown; changed: boolean } {
  switch (job.kind) {
    case 'import': {
      const summary = importFile(store, Buffer.from(job.bytes), job.passphrase, new Date(), (done, total) => post({ type: 'progress', done, total }));
      return { value: summary, changed: summary.applied > 0 };
    }
    case 'export': {
      const { target } = job;
      const basedOn = target.kind === 'partner' ? heldByPartner(store, target.id) : undefined;
      const forReplica = target.kind === 'replica' ? target.id : undefined;
      const record = exportToFile(store, job.file, { passphrase: job.passphrase, basedOn, forReplica, target: job.targetLabel });
      return { value: record, changed: false };
    }
    case 'folder':
      return folderRound(store, job.folder, job.passphrase);
    case 'invite': {
      const { bytes, header } = createInvitation(store, job.passphrase);
      writeFileAtomically(job.file, bytes);
      const record: ExportRecord = { file: job.file, count: header.count, target: "invitation d'un nouveau poste" };
      recordJournal(store, { kind: 'export', summary: record });
      return { value: record, changed: false };
    }
  }
}

function folderRound(store: Store, folder: string, passphrase: string): { value: FolderRoundRecord; changed: boolean } {
  try {
    const record = folderRoundRecord(folder, syncFolder(store, folder, passphrase));
    recordFolderRound(store, folder, { record });
    return { value: record, changed: record.changesApplied > 0 };
  } catch (error) {
    recordFolderRound(store, folder, { error: toUserError(error).message });
    throw error;
  }
}

const { databaseFile, nativeBinding, job } = workerData as WorkerInput;
let store: Store | undefined;
try {
  store = Store.open(databaseFile, { nativeBinding });
  post({ type: 'done', ...run(store, job) });
} catch (error) {
  const failure = toUserError(error);
  post({ type: 'failed', error: { code: failure.code, message: failure.message, field: (error as { field?: string }).field } });
} finally {
  store?.close();
}
