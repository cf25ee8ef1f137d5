// The bodies of the formats Entente still reads (docs/sync.md, « Format 4, encore lu » and
// after): format 4's columns in JSON, format 3's rows, formats 1 and 2's rows without proofs.
import type { Change, VersionRef } from '../store/changelog';
import { CHAIN_BYTES, isIndex, isSeq, SIGNATURE_BYTES, type Run, type SyncContent } from './body';

type ChangeRow = [hlc: string, entity: string, rowId: string, field: string, value: string, supersedes: [number, number][]];
/** Format 3: a list of changes, each a row. */
interface BodyV3 {
  /** Origins, numbered once. */
  o: string[];
  /** senderHeld and basedOn as [origin index, seq]. */
  h: [number, number][];
  b: [number, number][];
  /** Runs: [origin index, from, count, before, signature]; their changes follow one another in `c`. */
  r: [number, number, number, string | null, string | null][];
  c: ChangeRow[];
}

/** A run's chain or signature in format 4: absent, as text, or 1 when its bytes follow the JSON (a chain: 32, a signature: 64). */
type Proof = null | string | 1;

/**
 * Format 4: columns rather than rows, names and row ids said once, clocks as differences,
 * the receiver's vector as its difference from the sender's: a day's file is a third
 * smaller, and read faster (docs/sync.md, « Le corps »).
 */
interface BodyV4 {
  /** Origins, numbered once: those of `h` first, in its order. */
  o: string[];
  /** senderHeld: h[i] is what the sender held of o[i]. */
  h: number[];
  /** basedOn where it differs from senderHeld: pairs (i, d), basedOn of o[i] = h[i] (0 beyond h) − d; 0 is "nothing held". */
  b: number[];
  /**
   * Runs: [origin index, from, count, before, signature]; their changes follow one another
   * in the columns. A proof of the usual form is 1 here and its bytes follow the JSON.
   */
  r: [number, number, number, Proof, Proof][];
  /** (entity, field) pairs, flat: pair j is k[2j], k[2j + 1]. */
  k: string[];
  /** Row ids, each once. */
  i: string[];
  /** Per change: its (entity, field) pair, its row id, its value (JSON text). */
  f: number[];
  w: number[];
  v: string[];
  /** Per change: its clock's milliseconds minus the previous change's (the first: absolute), or the whole clock as text if it is not of the usual form. */
  t: (number | string)[];
  /** Per change: its clock's counter. */
  u: number[];
  /** Per change, one after the other: the number of versions it supersedes, then for each its origin index and (change's seq − its seq). */
  s: number[];
}

/** Format 4: columns in JSON, then the proofs' bytes. */
export function decodeBodyV4(plain: Buffer): SyncContent {
  const jsonEnd = 4 + plain.readUInt32BE(0);
  if (jsonEnd > plain.length) throw new Error('contenu tronqué');
  const body = JSON.parse(plain.toString('utf8', 4, jsonEnd)) as BodyV4;
  let proofAt = jsonEnd;
  const proof = (wire: Proof, length: number): string | null => {
    if (wire === null || typeof wire === 'string') return wire;
    if (wire !== 1) throw new Error('preuve invalide');
    if (proofAt + length > plain.length) throw new Error('preuve tronquée');
    return plain.toString('base64', proofAt, (proofAt += length));
  };
  const { o: origins, h, b, k, i: rowIds, f, w, v, t, u, s } = body;
  const senderHeld: Record<string, number> = {};
  for (let j = 0; j < h.length; j++) senderHeld[origins[j]] = h[j];
  const basedOn: Record<string, number> = { ...senderHeld };
  for (let j = 0; j < b.length; j += 2) {
    const origin = origins[b[j]];
    if (typeof origin !== 'string') throw new Error('vecteur invalide');
    const seq = (senderHeld[origin] ?? 0) - b[j + 1];
    if (seq === 0) delete basedOn[origin];
    else basedOn[origin] = seq;
  }
  const total = f.length;
  if (w.length !== total || v.length !== total || t.length !== total || u.length !== total) throw new Error('colonnes inégales');
  let next = 0;
  let at = 0;
  let ms = 0;
  const runs = body.r.map(([o, from, count, before, signature]): Run => {
    const origin = origins[o];
    if (typeof origin !== 'string' || !isSeq(from) || !Number.isInteger(count) || count < 1 || next + count > total) throw new Error('suite invalide');
    const changes: Change[] = new Array<Change>(count);
    for (let n = 0; n < count; n++, next++) {
      const pair = f[next];
      const row = w[next];
      if (!isIndex(pair, k.length / 2) || !isIndex(row, rowIds.length) || typeof v[next] !== 'string') throw new Error('modification invalide');
      const seq = from + n;
      const clock = t[next];
      let hlc: string;
      if (typeof clock === 'string') hlc = clock;
      else {
        ms += clock;
        const counter = u[next];
        if (!Number.isInteger(ms) || ms < 0 || ms >= 1e13 || !Number.isInteger(counter) || counter < 0 || counter > 9999) throw new Error('horloge invalide');
        hlc = `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}`;
      }
      const superseded = s[at++];
      if (!Number.isInteger(superseded) || superseded < 0 || at + 2 * superseded > s.length) throw new Error('versions remplacées invalides');
      const supersedes: VersionRef[] = new Array<VersionRef>(superseded);
      for (let m = 0; m < superseded; m++, at += 2) {
        const by = origins[s[at]];
        if (typeof by !== 'string') throw new Error('versions remplacées invalides');
        const replaced = seq - s[at + 1];
        if (!isSeq(replaced)) throw new Error('versions remplacées invalides');
        supersedes[m] = [by, replaced];
      }
      changes[n] = { origin, seq, hlc, entity: k[2 * pair], rowId: rowIds[row], field: k[2 * pair + 1], value: v[next], supersedes };
    }
    return { origin, from, before: proof(before, CHAIN_BYTES), signature: proof(signature, SIGNATURE_BYTES), changes };
  });
  if (next !== total || at !== s.length || proofAt !== plain.length) throw new Error('mises à jour hors suite');
  return { senderHeld, basedOn, runs };
}

/** A change of formats 1 to 3, written as a row: its superseded versions name their origins by index. */
const changeOfRow = (origin: string, seq: number, [hlc, entity, rowId, field, value, supersedes]: ChangeRow, origins: string[]): Change => ({
  origin,
  seq,
  hlc,
  entity,
  rowId,
  field,
  value,
  supersedes: supersedes.map(([index, replaced]): VersionRef => [origins[index], replaced]),
});

/** Format 3: rows of changes, the vectors as pairs. */
export function decodeBodyV3(plain: Buffer): SyncContent {
  const body = JSON.parse(plain.toString('utf8')) as BodyV3;
  const { o: origins } = body;
  const vector = (pairs: [number, number][]) => Object.fromEntries(pairs.map(([i, seq]) => [origins[i], seq]));
  let next = 0;
  const runs = body.r.map(([i, from, count, before, signature]): Run => {
    const origin = origins[i];
    if (typeof origin !== 'string' || !isSeq(from) || !Number.isInteger(count) || count < 1) throw new Error('suite invalide');
    const changes = body.c.slice(next, (next += count)).map((row, k) => changeOfRow(origin, from + k, row, origins));
    return { origin, from, before: before ?? null, signature: signature ?? null, changes };
  });
  if (next !== body.c.length) throw new Error('mises à jour hors suite');
  return { senderHeld: vector(body.h), basedOn: vector(body.b), runs };
}

/** Formats 1 and 2: rows with their origin and seq; grouped here into runs without proof. */
export function decodeLegacyBody(plain: Buffer, vectors: Pick<SyncContent, 'senderHeld' | 'basedOn'>): SyncContent {
  const { origins, rows } = JSON.parse(plain.toString('utf8')) as {
    origins: string[];
    rows: [origin: number, seq: number, ...ChangeRow][];
  };
  const runs: Run[] = [];
  let last: Run | undefined;
  for (const [o, seq, ...row] of rows) {
    if (!isSeq(seq)) throw new Error('numéro invalide');
    const change = changeOfRow(origins[o], seq, row, origins);
    if (last && last.origin === change.origin && last.from + last.changes.length === seq) last.changes.push(change);
    else runs.push((last = { origin: change.origin, from: seq, before: null, signature: null, changes: [change] }));
  }
  return { senderHeld: vectors.senderHeld, basedOn: vectors.basedOn, runs };
}
