// Revoked postes (docs/sync.md, « Révoquer un poste »). A revocation is the field
// `revoked_after` of a poste's replica row: its changes numbered after that bound are kept
// in the log (and relayed, so that every log holds the same changes) but have no effect:
// the tables are derived without them. Which revocations count depends on the set of
// revocations in the log only, never on clocks, so every laptop that holds the same
// changes derives the same.
//
// Only a poste that wrote its own replica row (its person, its partner: at init or join) can
// revoke: not an origin made up inside another's file. A revocation *precedes* another when
// it revokes that one's author with a bound below that one's number: the author was revoked
// before writing it. A revocation counts when every one that precedes it does not; it does
// not when one that counts precedes it. Postes that revoke one another without knowing it
// (each after the other's bound: a cycle that nothing decided from outside) are all revoked.
// A stolen laptop that learns it was revoked can take its revoker with it, but never escape
// its own revocation, whatever its clock says. Two revocations of one poste keep the lower
// bound. A revocation is final.
import type Database from 'better-sqlite3';

export type RevocationBounds = Map<string, number>;

interface Revocation {
  origin: string;
  seq: number;
  target: string;
  after: number;
}

/** A revocation as the log holds it: `value` is the bound as written, an integer or not. */
export interface RevocationChange {
  origin: string;
  seq: number;
  target: string;
  value: string;
  hlc: string;
}

/** Every revocation in the log, counting or not, in the order of their clocks (a scan of the whole log). */
export function revocationChanges(db: Database.Database): RevocationChange[] {
  return db
    .prepare(`SELECT origin, seq, row_id AS target, value, hlc FROM changes WHERE entity = 'replica' AND field = 'revoked_after' ORDER BY hlc, origin, seq`)
    .all() as RevocationChange[];
}

/** The revocations that count (see above), from a scan of the whole log. */
function countingOf(db: Database.Database): Revocation[] {
  const revocations = (
    db
      .prepare(
        `SELECT r.origin, r.seq, r.row_id AS target, r.value FROM changes r
         WHERE r.entity = 'replica' AND r.field = 'revoked_after'
           AND EXISTS (SELECT 1 FROM changes k WHERE k.entity = 'replica' AND k.row_id = r.origin AND k.origin = r.origin AND k.field <> 'revoked_after')
         ORDER BY r.origin, r.seq`,
      )
      .all() as { origin: string; seq: number; target: string; value: string }[]
  ).flatMap(({ value, ...revocation }) => {
    const after = JSON.parse(value) as unknown;
    return typeof after === 'number' && Number.isInteger(after) ? [{ ...revocation, after }] : [];
  });
  return countingRevocations(revocations);
}

export function revocationBounds(db: Database.Database): RevocationBounds {
  const bounds: RevocationBounds = new Map();
  for (const { target, after } of countingOf(db)) bounds.set(target, Math.min(after, bounds.get(target) ?? after));
  return bounds;
}

/** The revocations that count, as « origin:seq ». */
export function countingRevocationKeys(db: Database.Database): Set<string> {
  return new Set(countingOf(db).map(({ origin, seq }) => `${origin}:${seq}`));
}

function countingRevocations(revocations: Revocation[]): Revocation[] {
  // The revocations that precede each one, by index: few revocations, so compared pairwise.
  const preceding = revocations.map((b) => revocations.flatMap((a, i) => (a.target === b.origin && a.after < b.seq ? [i] : [])));
  const counts: (boolean | undefined)[] = revocations.map(() => undefined);
  for (;;) {
    let decided = true;
    while (decided) {
      decided = false;
      preceding.forEach((before, j) => {
        if (counts[j] !== undefined) return;
        if (before.some((i) => counts[i] === true)) counts[j] = false;
        else if (before.every((i) => counts[i] === false)) counts[j] = true;
        else return;
        decided = true;
      });
    }
    const open = counts.flatMap((state, j) => (state === undefined ? [j] : []));
    if (open.length === 0) return revocations.filter((_, j) => counts[j]);
    // Stuck on cycles: those that nothing undecided precedes from outside count, whole.
    for (const cycle of firstCycles(open, preceding, counts)) for (const j of cycle) counts[j] = true;
  }
}

/**
 * The strongly connected groups of the undecided revocations (Tarjan) that no undecided
 * revocation outside them precedes: at least one, since their groups form no cycle.
 */
function firstCycles(open: number[], preceding: number[][], counts: (boolean | undefined)[]): number[][] {
  const undecided = (i: number) => counts[i] === undefined;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const groupOf = new Map<number, number>();
  const groups: number[][] = [];
  const visit = (j: number) => {
    index.set(j, index.size);
    low.set(j, index.get(j)!);
    stack.push(j);
    onStack.add(j);
    for (const i of preceding[j].filter(undecided)) {
      if (!index.has(i)) {
        visit(i);
        low.set(j, Math.min(low.get(j)!, low.get(i)!));
      } else if (onStack.has(i)) low.set(j, Math.min(low.get(j)!, index.get(i)!));
    }
    if (low.get(j) === index.get(j)) {
      const group: number[] = [];
      for (let i = stack.pop()!; ; i = stack.pop()!) {
        onStack.delete(i);
        groupOf.set(i, groups.length);
        group.push(i);
        if (i === j) break;
      }
      groups.push(group);
    }
  };
  for (const j of open) if (!index.has(j)) visit(j);
  return groups.filter((group, g) => group.every((j) => preceding[j].filter(undecided).every((i) => groupOf.get(i) === g)));
}

export function sameBounds(a: RevocationBounds, b: RevocationBounds): boolean {
  return a.size === b.size && [...a].every(([origin, bound]) => b.get(origin) === bound);
}
