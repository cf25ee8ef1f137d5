// Sync jobs run one at a time in a worker thread with its own connection to the data
// file: a large import takes seconds, and meanwhile main keeps answering the window
// (reads go on through SQLite's WAL; a write waits for the import's transaction).
import { Worker } from 'node:worker_threads';
import { UserError } from '../../db/errors';
import type { ApiError, ExportTarget, SyncProgress } from '../../preload/contract';
import type { Session } from '../session';

export type SyncJob =
  | { kind: 'import'; bytes: Uint8Array; passphrase: string }
  | { kind: 'export'; file: string; passphrase: string; target: ExportTarget; targetLabel: string | null }
  | { kind: 'folder'; folder: string; passphrase: string }
  | { kind: 'invite'; file: string; passphrase: string };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown; changed: boolean }
  | { type: 'failed'; error: ApiError };

export interface WorkerInput {
  databaseFile: string;
  nativeBinding?: string;
  job: SyncJob;
}

export interface SyncEvents {
  progress(progress: SyncProgress | null): void;
  /** The worker changed the shared data: the screens reload. */
  dataChanged(): void;
}

export class SyncJobs {
  private queue: Promise<unknown> = Promise.resolve();
  private current: SyncProgress | null = null;

  constructor(
    private readonly session: Session,
    private readonly workerFile: string,
    private readonly events: SyncEvents,
  ) {}

  get running(): SyncProgress | null {
    return this.current;
  }

  run<T>(job: SyncJob): Promise<T> {
    const result = this.queue.then(() => this.start<T>(job));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private start<T>(job: SyncJob): Promise<T> {
    const input: WorkerInput = { databaseFile: this.session.databaseFile, nativeBinding: this.session.nativeBinding, job };
    this.report({ kind: job.kind, done: 0, total: 0 });
    return new Promise<T>((resolve, reject) => {
      const worker = new Worker(this.workerFile, { workerData: input });
      let outcome: WorkerMessage | undefined;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') this.report({ kind: job.kind, done: message.done, total: message.total });
        else outcome = message;
      });
      worker.on('error', (error) => (outcome = { type: 'failed', error: { code: 'internal', message: `La synchronisation a échoué : ${error.message}` } }));
      worker.on('exit', () => {
        this.report(null);
        if (outcome?.type === 'done') {
          // The worker wrote through its own connection: main's store reloads its clock and caches.
          if (outcome.changed) void this.session.reload().then(() => this.events.dataChanged());
          resolve(outcome.value as T);
        } else {
          const error = outcome?.type === 'failed' ? outcome.error : { code: 'internal', message: "La synchronisation s'est arrêtée sans réponse." };
          reject(Object.assign(new UserError(error.code, error.message), { field: error.field }));
        }
      });
    });
  }

  private report(progress: SyncProgress | null): void {
    this.current = progress;
    this.events.progress(progress);
  }
}
