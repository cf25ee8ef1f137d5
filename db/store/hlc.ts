// Hybrid logical clock: wall time in ms plus a counter, as a fixed-width sortable string.
// It orders a replica's own changes and breaks ties between concurrent versions; causality
// itself comes from what a change supersedes (docs/sync.md §6), never from these timestamps.

export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000;
const MAX_COUNTER = 9999;

export interface Hlc {
  ms: number;
  counter: number;
}

export function formatHlc({ ms, counter }: Hlc): string {
  return `${ms.toString().padStart(13, '0')}-${counter.toString().padStart(4, '0')}`;
}

/** A clock as Entente writes it: 13 digits of milliseconds, 4 of counter. */
export const HLC_FORM = /^(\d{13})-(\d{4})$/;

export function parseHlc(text: string): Hlc {
  const match = HLC_FORM.exec(text);
  if (!match) throw new Error(`horloge invalide : ${text}`);
  return { ms: Number(match[1]), counter: Number(match[2]) };
}

export class Clock {
  /** `last` as text: fixed-width, so comparing texts compares clocks. */
  private lastText: string;

  constructor(
    private last: Hlc,
    private readonly now: () => number = Date.now,
  ) {
    this.lastText = formatHlc(last);
  }

  /**
   * The timestamp of a new local change. The counter has four digits: past 9999 changes
   * within one millisecond (a clock set back), the millisecond moves on instead.
   */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0 };
    else if (this.last.counter < MAX_COUNTER) this.last = { ms: this.last.ms, counter: this.last.counter + 1 };
    else this.last = { ms: this.last.ms + 1, counter: 0 };
    return (this.lastText = formatHlc(this.last));
  }

  /**
   * Takes a timestamp seen in a received change into account. A timestamp further than
   * MAX_CLOCK_DRIFT_MS in the future is not adopted (so one wrong clock cannot drag every
   * replica along); the caller reports it. Returns whether it was capped.
   */
  receive(remote: string): boolean {
    // Not after this clock, itself not too far ahead: nothing to do, and nothing to parse
    // (most changes of a file are behind the last one received).
    if (remote <= this.lastText && HLC_FORM.test(remote) && this.last.ms <= this.now() + MAX_CLOCK_DRIFT_MS) return false;
    const seen = parseHlc(remote);
    if (seen.ms > this.now() + MAX_CLOCK_DRIFT_MS) return true;
    if (seen.ms > this.last.ms || (seen.ms === this.last.ms && seen.counter > this.last.counter)) {
      this.last = seen;
      this.lastText = remote;
    }
    return false;
  }

  current(): string {
    return this.lastText;
  }

  /** Back to a time it showed (`current()`), the changes seen since having been rolled back. */
  rewind(to: string): void {
    this.last = parseHlc(to);
    this.lastText = to;
  }
}
