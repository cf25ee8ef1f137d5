// Revoked postes (docs/sync.md, « Révoquer un poste »). A revocation is the field
// `revoked_after` of a poste's replica row: its changes numbered after that bound are kept
// in the log (and relayed, so that every log holds the same changes) but have no effect:
// the tables are derived without them. Which revocations count depends on the log only, so
// every laptop that holds the same changes derives the same: taken in the order of their
// clocks (then origin), a revocation counts unless its author was already revoked before
// writing it; two revocations of one poste keep the lower bound. A revocation is final.
import type Database from 'better-sqlite3';

export type RevocationBounds = Map<string, number>;

export function revocationBounds(db: Database.Database): RevocationBounds {
  const revocations = db
    .prepare("SELECT origin, seq, row_id AS target, value FROM changes WHERE entity = 'replica' AND field = 'revoked_after' ORDER BY hlc, origin, seq")
    .all() as { origin: string; seq: number; target: string; value: string }[];
  const bounds: RevocationBounds = new Map();
  for (const { origin, seq, target, value } of revocations) {
    const authorBound = bounds.get(origin);
    if (authorBound !== undefined && seq > authorBound) continue;
    const after = JSON.parse(value) as unknown;
    if (typeof after !== 'number' || !Number.isInteger(after)) continue;
    bounds.set(target, Math.min(after, bounds.get(target) ?? after));
  }
  return bounds;
}

export function sameBounds(a: RevocationBounds, b: RevocationBounds): boolean {
  return a.size === b.size && [...a].every(([origin, bound]) => b.get(origin) === bound);
}
