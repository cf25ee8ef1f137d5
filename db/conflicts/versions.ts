// What the log keeps in conflict (docs/sync.md §2): fields with several live
// versions of different values, and visible rows holding a live delete (a delete
// concurrent with an edit, or with a restore).
import type { Store } from '../store/store';

export interface ConflictVersion {
  origin: string;
  seq: number;
  hlc: string;
  /** The parsed value; for `deleted`, a delete mark { vv } or false. */
  value: unknown;
}

export interface Conflict {
  entity: string;
  row_id: string;
  field: string;
  versions: ConflictVersion[];
  /** The version before the concurrent edits: the latest that each live version supersedes, directly or not; null when the field had none. */
  ancestor: ConflictVersion | null;
}

/** How far back the versions a live version supersedes are followed: a field's history, not the whole log. */
const MAX_DEPTH = 200;

export function listConflicts(store: Store): Conflict[] {
  const keys = store.db.prepare('SELECT entity, row_id, field FROM conflict_fields ORDER BY entity, row_id, field').all() as Omit<Conflict, 'versions'>[];
  return keys.map((key) => {
    const live = store.log.liveVersions(key.entity, key.row_id, key.field);
    return {
      ...key,
      versions: live.map((version) => ({ ...version, value: JSON.parse(version.value) as unknown })),
      ancestor: commonAncestor(store, live),
    };
  });
}

type Logged = { origin: string; seq: number; hlc: string; value: string; supersedes: string };

/**
 * The common ancestor of concurrent versions: of the versions every one of them supersedes
 * (through the `supersedes` of each change, back along the field's history), the latest.
 */
function commonAncestor(store: Store, live: { origin: string; seq: number }[]): ConflictVersion | null {
  const read = store.db.prepare('SELECT origin, seq, hlc, value, supersedes FROM changes WHERE origin = ? AND seq = ?');
  const known = new Map<string, Logged>();
  const ancestorsOf = (start: { origin: string; seq: number }) => {
    const found = new Set<string>();
    let frontier: [string, number][] = [[start.origin, start.seq]];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: [string, number][] = [];
      for (const [origin, seq] of frontier) {
        const key = `${origin}\u0000${seq}`;
        let change = known.get(key);
        if (!change) {
          change = read.get(origin, seq) as Logged | undefined;
          if (!change) continue;
          known.set(key, change);
        }
        for (const [parentOrigin, parentSeq] of JSON.parse(change.supersedes) as [string, number][]) {
          const parent = `${parentOrigin}\u0000${parentSeq}`;
          if (found.has(parent)) continue;
          found.add(parent);
          next.push([parentOrigin, parentSeq]);
        }
      }
      frontier = next;
    }
    return found;
  };
  const [first, ...others] = live.map(ancestorsOf);
  if (!first) return null;
  let best: Logged | undefined;
  for (const key of first) {
    if (!others.every((set) => set.has(key))) continue;
    const [origin, seq] = key.split('\u0000');
    const change = known.get(key) ?? (read.get(origin, Number(seq)) as Logged | undefined);
    if (change && (!best || change.hlc > best.hlc)) best = change;
  }
  return best ? { origin: best.origin, seq: best.seq, hlc: best.hlc, value: JSON.parse(best.value) as unknown } : null;
}
