// The shared folder, kept in sync while the app is open: a round soon after the folder
// changes (a file arriving from another poste, debounced: cloud clients write in bursts),
// and one every few minutes in case the watch misses something (SMB shares often do).
import { watch, type FSWatcher } from 'node:fs';

const ROUND_INTERVAL_MS = 5 * 60 * 1000;
const DEBOUNCE_MS = 2000;

/** Where Entente's files are in the shared folder: its other files (a cloud client's, the user's) start no round. */
const PROJECT_FOLDER = /^entente-/;

export class SharedFolderWatcher {
  private watched?: { folder: string; watcher: FSWatcher };
  private timer?: NodeJS.Timeout;
  private pending?: NodeJS.Timeout;

  /**
   * `folder` says the folder chosen now (null: none, or no cooperation open yet); `round`
   * never throws: its failures are recorded for the status line and the journal.
   */
  constructor(
    private readonly folder: () => string | null,
    private readonly round: () => Promise<unknown>,
  ) {}

  /** Rounds every few minutes from now on, and one soon. */
  start(): void {
    this.stop();
    this.timer = setInterval(() => {
      // Watched anew: a share unmounted and mounted again may leave a watch that hears nothing, without an error.
      this.unwatch();
      this.follow();
      void this.round();
    }, ROUND_INTERVAL_MS);
    this.timer.unref();
    this.follow();
    this.soon();
  }

  /**
   * Watches the folder chosen now: after a change of folder, a backup restored or a
   * cooperation joined; and anew at each timed round (a watch the system ended, a share unmounted).
   */
  follow(): void {
    const folder = this.folder();
    if (this.watched?.folder === folder) return;
    this.unwatch();
    if (!folder) return;
    try {
      const watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
        if (name === null || PROJECT_FOLDER.test(name)) this.soon();
      });
      watcher.on('error', () => {
        watcher.close();
        if (this.watched?.watcher === watcher) this.watched = undefined;
      });
      this.watched = { folder, watcher };
    } catch {
      // A folder gone or not watchable (some network shares): the timer still syncs, and tries again.
    }
  }

  stop(): void {
    this.unwatch();
    clearInterval(this.timer);
    clearTimeout(this.pending);
    this.timer = this.pending = undefined;
  }

  private unwatch(): void {
    this.watched?.watcher.close();
    this.watched = undefined;
  }

  /** A round in a moment: what arrives in a burst makes one. */
  soon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.round(), DEBOUNCE_MS);
    this.pending.unref();
  }
}
