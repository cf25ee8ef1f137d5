// Revoked postes (docs/sync.md, « Révoquer un poste »). A revocation is the field
// `revoked_after` of a poste's replica row: its changes numbered after that bound are kept
// in the log (and relayed, so that every log holds the same changes) but have no effect:
// the tables are derived without them. Which revocations count depends on the set of
// revocations in the log only, never on clocks, so every laptop that holds the same
// changes derives the same.
//
// A revocation *precedes* another when it revokes that one's author with a bound below
// that one's number: the author was revoked before writing it. A revocation counts unless
// a counting revocation precedes it, outside a cycle: postes that revoke one another
// without knowing it (each written after the other's bound) are all revoked. A stolen
// laptop that learns it was revoked can take its revoker with it, but never escape its
// own revocation, whatever its clock says. Two revocations of one poste keep the lower
// bound. A revocation is final.
import type Database from 'better-sqlite3';

export type RevocationBounds = Map<string, number>;

interface Revocation {
  origin: string;
  seq: number;
  target: string;
  after: number;
}

export function revocationBounds(db: Database.Database): RevocationBounds {
  const revocations = (
    db.prepare("SELECT origin, seq, row_id AS target, value FROM changes WHERE entity = 'replica' AND field = 'revoked_after' ORDER BY origin, seq").all() as {
      origin: string;
      seq: number;
      target: string;
      value: string;
    }[]
  ).flatMap(({ value, ...revocation }) => {
    const after = JSON.parse(value) as unknown;
    return typeof after === 'number' && Number.isInteger(after) ? [{ ...revocation, after }] : [];
  });
  const counting = countingRevocations(revocations);
  const bounds: RevocationBounds = new Map();
  for (const { target, after } of counting) bounds.set(target, Math.min(after, bounds.get(target) ?? after));
  return bounds;
}

function countingRevocations(revocations: Revocation[]): Revocation[] {
  const n = revocations.length;
  const precedes = (a: Revocation, b: Revocation) => a.target === b.origin && a.after < b.seq;
  // reaches[i][j]: a chain of precedences leads from i to j (revocations are few: a closure is cheap).
  const reaches = revocations.map((a) => revocations.map((b) => precedes(a, b)));
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (reaches[i][k]) for (let j = 0; j < n; j++) if (reaches[k][j]) reaches[i][j] = true;
  const counts = new Map<number, boolean>();
  // Outside a cycle, what precedes a revocation does not lead back to it: the recursion ends.
  const decide = (j: number): boolean => {
    let result = counts.get(j);
    if (result === undefined) {
      result = !revocations.some((_, i) => precedes(revocations[i], revocations[j]) && !reaches[j][i] && decide(i));
      counts.set(j, result);
    }
    return result;
  };
  return revocations.filter((_, j) => decide(j));
}

export function sameBounds(a: RevocationBounds, b: RevocationBounds): boolean {
  return a.size === b.size && [...a].every(([origin, bound]) => b.get(origin) === bound);
}
