// Sync jobs run one at a time in a worker thread with its own connection to the data
// file: a large import takes seconds, and meanwhile main keeps answering the window
// (reads go on through SQLite's WAL; a write waits for the import's transaction).
import { Worker } from 'node:worker_threads';
import { refusal, toApiError, UserError } from '../../db/errors';
import type { ApiError, ExportTarget, SyncProgress } from '../../preload/contract';
import type { KeyringData } from '../../db/sync/keys';
import type { Session } from '../session';

export type SyncJob =
  | { kind: 'import'; bytes: Uint8Array; keys: KeyringData }
  | { kind: 'export'; file: string; keys: KeyringData; target: ExportTarget }
  | { kind: 'folder'; folder: string; keys: KeyringData }
  | { kind: 'invite'; file: string; keys: KeyringData };

export type WorkerMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done'; value: unknown; changed: boolean } | { type: 'failed'; error: ApiError };

export interface WorkerInput {
  databaseFile: string;
  nativeBinding?: string;
  job: SyncJob;
}

export class SyncJobs {
  private queue: Promise<unknown> = Promise.resolve();
  private current: SyncProgress | null = null;

  constructor(
    private readonly session: Session,
    private readonly workerFile: string,
    /** Hears each job's progress, and null when it ends. */
    private readonly onProgress: (progress: SyncProgress | null) => void,
    /** Data changed by a job that failed after all (a shared-folder round stopped midway). */
    private readonly onDataChanged: () => void,
  ) {}

  get running(): SyncProgress | null {
    return this.current;
  }

  /** Resolves once the jobs queued so far have ended, however they ended. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /**
   * Runs a job after those before it. A job that changed data answers once main's store has
   * reopened the file, so that whatever reads next (the screens reloading) sees the new data.
   */
  run<T>(job: SyncJob): Promise<{ value: T; changed: boolean }> {
    const result = this.queue.then(() => this.start<T>(job));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private start<T>(job: SyncJob): Promise<{ value: T; changed: boolean }> {
    const input: WorkerInput = { databaseFile: this.session.databaseFile, nativeBinding: this.session.nativeBinding, job };
    this.report({ kind: job.kind, done: 0, total: 0 });
    return new Promise<{ value: T; changed: boolean }>((resolve, reject) => {
      const worker = new Worker(this.workerFile, { workerData: input });
      let outcome: WorkerMessage | undefined;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') this.report({ kind: job.kind, done: message.done, total: message.total });
        else outcome = message;
      });
      worker.on('error', (error) => (outcome = { type: 'failed', error: toApiError(refusal('sync-stopped', error.message)) }));
      worker.on('exit', () => {
        this.report(null);
        if (outcome?.type === 'done') {
          const { value, changed } = outcome;
          // The worker wrote through its own connection: main's store reloads its clock and caches.
          (changed ? this.session.reload() : Promise.resolve()).then(() => resolve({ value: value as T, changed }), reject);
        } else {
          const error = outcome?.type === 'failed' ? outcome.error : toApiError(refusal('sync-stopped'));
          const failure = Object.assign(new UserError(error.code, error.message), { field: error.field });
          // A shared-folder round commits file by file: one that stops midway may have imported
          // some. Main reopens the store and the window is told, as for a round that went through.
          if (job.kind !== 'folder') return reject(failure);
          this.session
            .reload()
            .then(() => this.onDataChanged())
            .finally(() => reject(failure));
        }
      });
    });
  }

  private report(progress: SyncProgress | null): void {
    this.current = progress;
    this.onProgress(progress);
  }
}
