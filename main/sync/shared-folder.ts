// The shared folder, kept in sync while the app is open: a round soon after the folder
// changes (a file arriving from another poste, debounced: cloud clients write in bursts),
// and one every few minutes in case the watch misses something (SMB shares often do).
import { watch, type FSWatcher } from 'node:fs';

const ROUND_INTERVAL_MS = 5 * 60 * 1000;
const DEBOUNCE_MS = 2000;

export class SharedFolderWatcher {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;

  /** `round` never throws: its failures are recorded for the status line and the journal. */
  constructor(private readonly round: () => Promise<unknown>) {}

  watch(folder: string | null): void {
    this.stop();
    if (!folder) return;
    try {
      this.watcher = watch(folder, { recursive: true, persistent: false }, () => this.soon());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // A folder gone or not watchable (some network shares): the timer still syncs.
    }
    this.timer = setInterval(() => void this.round(), ROUND_INTERVAL_MS);
    this.timer.unref();
    this.soon();
  }

  stop(): void {
    this.watcher?.close();
    clearInterval(this.timer);
    clearTimeout(this.pending);
    this.watcher = this.timer = this.pending = undefined;
  }

  private soon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.round(), DEBOUNCE_MS);
    this.pending.unref();
  }
}
