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

export function parseHlc(text: string): Hlc {
  const match = /^(\d{13})-(\d{4})$/.exec(text);
  if (!match) throw new Error(`horloge invalide : ${text}`);
  return { ms: Number(match[1]), counter: Number(match[2]) };
}

export class Clock {
  constructor(
    private last: Hlc,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The timestamp of a new local change. The counter has four digits: past 9999 changes
   * within one millisecond (a clock set back), the millisecond moves on instead.
   */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0 };
    else if (this.last.counter < MAX_COUNTER) this.last = { ms: this.last.ms, counter: this.last.counter + 1 };
    else this.last = { ms: this.last.ms + 1, counter: 0 };
    return formatHlc(this.last);
  }

  /**
   * Takes a timestamp seen in a received change into account. A timestamp further than
   * MAX_CLOCK_DRIFT_MS in the future is not adopted (so one wrong clock cannot drag every
   * replica along); the caller reports it. Returns whether it was capped.
   */
  receive(remote: string): boolean {
    const seen = parseHlc(remote);
    if (seen.ms > this.now() + MAX_CLOCK_DRIFT_MS) return true;
    if (seen.ms > this.last.ms || (seen.ms === this.last.ms && seen.counter > this.last.counter)) this.last = seen;
    return false;
  }

  current(): string {
    return formatHlc(this.last);
  }
}
