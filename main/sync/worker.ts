// The worker thread of a sync job (jobs.ts): opens the data file, runs one job, answers.
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../../db/errors';
import { Store } from '../../db/store/store';
import { keyringFromData } from '../../db/sync/keys';
import { exportToFile, folderRound, importExchangeFile, writeInvitation } from '../../db/sync/operations';
import type { SyncJob, WorkerInput, WorkerMessage } from './jobs';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

function run(store: Store, job: SyncJob): { value: unknown; changed: boolean } {
  const keyring = keyringFromData(job.keys);
  switch (job.kind) {
    case 'import': {
      const onProgress = (done: number, total: number) => post({ type: 'progress', done, total });
      const summary = importExchangeFile(store, Buffer.from(job.bytes), keyring, { onProgress });
      // A revocation without effect changes no table, but what this poste must tell its user.
      return { value: summary, changed: summary.applied > 0 || (summary.revocations?.length ?? 0) > 0 };
    }
    case 'export':
      return { value: exportToFile(store, job.file, { secret: keyring, target: job.target }), changed: false };
    case 'folder': {
      // Each file read is a sign of life: main gives up a round silent for minutes (jobs.ts).
      const onFile = (done: number, total: number) => post({ type: 'progress', done, total });
      const { record, result } = folderRound(store, job.folder, keyring, { onFile });
      // Failed, for the window to say why; what was read is shown all the same (jobs.ts reloads after a round that failed).
      if (result.stopped) throw result.stopped;
      return { value: record, changed: record.changes_applied > 0 || (record.revocations?.length ?? 0) > 0 };
    }
    case 'invite':
      return { value: writeInvitation(store, job.file, keyring), changed: false };
  }
}

const { databaseFile, nativeBinding, job } = workerData as WorkerInput;
let store: Store | undefined;
try {
  store = Store.open(databaseFile, { nativeBinding });
  store.deferCheckpoints();
  post({ type: 'done', ...run(store, job) });
} catch (error) {
  post({ type: 'failed', error: toApiError(error) });
} finally {
  try {
    // After the answer (jobs.ts): main reloads the screens meanwhile.
    store?.checkpoint();
  } finally {
    store?.close();
  }
}
