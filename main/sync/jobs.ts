// Sync jobs run one at a time in a worker thread with its own connection to the data
// file: a large import takes seconds, and meanwhile main keeps answering the window
// (reads go on through SQLite's WAL; a write waits for the import's transaction).
import { Worker } from 'node:worker_threads';
import { refusal, toApiError, UserError } from '../../db/errors';
import type { ApiError, ExportTarget, SyncProgress } from '../../preload/contract';
import type { KeyringData } from '../../db/sync/keys';
import { recordAbandonedRound } from '../../db/sync/operations';
import type { Session } from '../session';

/**
 * A shared-folder round that reads no file for this long waits on a share that no longer
 * answers: a network drive gone can hold a file call for good. Reading one file, even a
 * large document over a slow link, takes far less.
 */
const SILENT_ROUND_MS = 3 * 60_000;

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
  /**
   * A round with the shared folder that waits its turn: a round main asks meanwhile (the
   * watch, the timer) takes its answer, since it will read everything there is. Behind a
   * long job, rounds do not pile up.
   */
  private waitingRound?: { folder: string; answer: Promise<{ value: unknown; changed: boolean }> };

  constructor(
    private readonly session: Session,
    private readonly workerFile: string,
    /** Hears each job's progress, and null when it ends. */
    private readonly onProgress: (progress: SyncProgress | null) => void,
    /** Data changed by a job that failed after all (a shared-folder round stopped midway). */
    private readonly onDataChanged: () => void,
    private readonly silentRoundMs = SILENT_ROUND_MS,
  ) {}

  /** The worker of a round given up, still waiting on its folder: no other round starts before it ends. */
  private abandoned?: { folder: string };

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
   * The next job starts once this one's worker has ended: after answering, it checkpoints.
   */
  run<T>(job: SyncJob): Promise<{ value: T; changed: boolean }> {
    if (job.kind === 'folder' && this.waitingRound?.folder === job.folder) return this.waitingRound.answer as Promise<{ value: T; changed: boolean }>;
    let waiting: typeof this.waitingRound;
    const started = this.queue.then(() => {
      if (this.waitingRound === waiting) this.waitingRound = undefined;
      return this.start<T>(job);
    });
    this.queue = started.then(
      ({ ended }) => ended,
      () => undefined,
    );
    const answer = started.then(({ answer }) => answer);
    if (job.kind === 'folder') this.waitingRound = waiting = { folder: job.folder, answer };
    return answer;
  }

  private start<T>(job: SyncJob): { answer: Promise<{ value: T; changed: boolean }>; ended: Promise<void> } {
    // Its threads would pile up, one more at every round, each waiting on the same share.
    if (job.kind === 'folder' && this.abandoned) {
      const failure = refusal('folder-still-not-responding', this.abandoned.folder);
      return { answer: Promise.reject(failure), ended: Promise.resolve() };
    }
    const input: WorkerInput = { databaseFile: this.session.databaseFile, nativeBinding: this.session.nativeBinding, job };
    const worker = new Worker(this.workerFile, { workerData: input });
    // Once the worker exists: a job that could not even start is not shown as running.
    this.report({ kind: job.kind, done: 0, total: 0 });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    let giveUp: () => void = () => undefined;
    // The queue goes on once the worker has ended, or once its round is given up.
    const ended = Promise.race([exited, new Promise<void>((resolve) => (giveUp = resolve))]);
    const answer = new Promise<{ value: T; changed: boolean }>((resolve, reject) => {
      let answered = false;
      let failed: ApiError | undefined;
      let silence: NodeJS.Timeout | undefined;
      const folder = job.kind === 'folder' ? job.folder : undefined;
      const watch = () => {
        clearTimeout(silence);
        if (folder !== undefined) silence = setTimeout(() => abandon(folder), this.silentRoundMs);
      };
      // Terminated, it stops as soon as the system gives its thread back; until then, it is the one round.
      const abandon = (folder: string) => {
        answered = true;
        this.abandoned = { folder };
        void exited.then(() => (this.abandoned = undefined));
        void worker.terminate();
        this.report(null);
        const failure = refusal('folder-not-responding', folder);
        try {
          recordAbandonedRound(this.session.requireStore(), folder, failure.message);
        } catch {
          // The answer says it all the same.
        }
        giveUp();
        this.session
          .reload()
          .then(() => this.onDataChanged())
          .catch(() => undefined)
          .finally(() => reject(failure));
      };
      watch();
      worker.once('exit', () => clearTimeout(silence));
      worker.on('message', (message: WorkerMessage) => {
        if (answered) return;
        if (message.type === 'done') clearTimeout(silence);
        else watch();
        if (message.type === 'progress') this.report({ kind: job.kind, done: message.done, total: message.total });
        else if (message.type === 'failed') failed = message.error;
        else {
          // Answered before the worker checkpoints (worker.ts): the user does not wait for it.
          answered = true;
          this.report(null);
          const { value, changed } = message;
          // The worker wrote through its own connection: main's store reloads its clock and caches.
          (changed ? this.session.reload() : Promise.resolve()).then(() => resolve({ value: value as T, changed }), reject);
        }
      });
      worker.on('error', (error) => (failed ??= toApiError(refusal('sync-stopped', stoppedBecause(error)))));
      worker.on('exit', () => {
        if (answered) return;
        this.report(null);
        const error = failed ?? toApiError(refusal('sync-stopped'));
        const failure = Object.assign(new UserError(error.code, error.message), { field: error.field });
        // A shared-folder round commits file by file: one that stops midway may have imported
        // some. Main reopens the store and the window is told, as for a round that went through.
        if (job.kind !== 'folder') return reject(failure);
        this.session
          .reload()
          .then(() => this.onDataChanged())
          // The round's own failure is the one to tell; a store that cannot reopen says so at the next call.
          .catch(() => undefined)
          .finally(() => reject(failure));
      });
    });
    return { answer, ended };
  }

  private report(progress: SyncProgress | null): void {
    this.current = progress;
    this.onProgress(progress);
  }
}

/** Why a worker stopped, in French where the system's reason is known (its message is English). */
function stoppedBecause(error: Error & { code?: string }): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'ce fichier demande plus de mémoire que la synchronisation ne peut en prendre';
  return error.message;
}
