// What a sync file carries (its runs of changes and the senders' vectors), and the body of
// formats 5 to 7, in binary (docs/sync.md, « Le corps »). format.ts seals it;
// older-bodies.ts reads the bodies of formats 1 to 4.
import type { Change } from '../store/changelog';
import type { Blob } from '../attachments/types';
import { ByteReader, ByteWriter } from './bytes';
import { FIELD_PAIRS, fieldPairNumber } from './field-pairs';
import { HLC_FORM } from '../store/hlc';

/**
 * Consecutive changes of one origin and their proof: `before` is the origin's chain just
 * before `from` (null when unknown: changes of Entente 0.2 and older), `signature` the
 * origin's signature of its chain at the run's last change (null: no proof).
 */
export interface Run {
  origin: string;
  from: number;
  before: string | null;
  signature: string | null;
  changes: Change[];
}

export interface SyncContent {
  /**
   * What the sender held (its version vector) when it wrote the file; in a file of the
   * shared folder (formats 6 and 7), only where it changed since the sender's previous file there.
   */
  senderHeld: Record<string, number>;
  /** What the sender believed the receiver held (of the origins of senderHeld in a shared folder's file); empty for a full export. */
  basedOn: Record<string, number>;
  runs: Run[];
  /** The bytes of the documents attached by these changes, after them, uncompressed (db/attachments). */
  blobs?: Blob[];
}

export const changesOf = (runs: Run[]): Change[] => (runs.length === 1 ? runs[0].changes : runs.flatMap((run) => run.changes));

/** A change's number in its origin's history: 1, 2, 3… (none below: it would slip under every bound and proof). */
export const isSeq = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
export const isIndex = (value: unknown, length: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/** Numbers strings in order of first use. */
class Dictionary {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.list.push(text) - 1));
    return i;
  }
}

export const CHAIN_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** A proof's bytes, if it is the base64 of exactly `length` bytes in its usual form; otherwise it travels as text. */
function proofBytes(text: string, length: number): Buffer | null {
  const raw = Buffer.from(text, 'base64');
  return raw.length === length && raw.toString('base64') === text ? raw : null;
}

/** How formats 5 to 7 write a value (a JSON text): its kind, then what follows, if anything; the text comes back byte for byte. */
const enum ValueKind {
  Null = 0,
  False = 1,
  True = 2,
  /** A JSON string in its usual form: its characters follow. */
  String = 3,
  /** An integer in its usual form: zigzag follows. */
  Integer = 4,
  /** Any other JSON text, as it is. */
  Text = 5,
}

/** The string a JSON text holds, if it holds one (a value received from elsewhere may not even be JSON: it travels as it is). */
function parsedString(value: string): string | undefined {
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A value's kind, and what follows it (nothing, a text, an integer). */
function valueKind(value: string): [ValueKind, string | number | null] {
  if (value === 'null') return [ValueKind.Null, null];
  if (value === 'false') return [ValueKind.False, null];
  if (value === 'true') return [ValueKind.True, null];
  if (value.startsWith('"')) {
    const parsed = parsedString(value);
    if (parsed !== undefined && JSON.stringify(parsed) === value) return [ValueKind.String, parsed];
  } else if (Number.isSafeInteger(Number(value)) && String(Number(value)) === value) {
    return [ValueKind.Integer, Number(value)];
  }
  return [ValueKind.Text, value];
}

function writeValuePart(out: ByteWriter, part: string | number | null): void {
  if (typeof part === 'string') out.text(part);
  else if (typeof part === 'number') out.int(part);
}

function readValue(input: ByteReader, kind = input.uint()): string {
  switch (kind) {
    case ValueKind.Null:
      return 'null';
    case ValueKind.False:
      return 'false';
    case ValueKind.True:
      return 'true';
    case ValueKind.String:
      return JSON.stringify(input.text());
    case ValueKind.Integer:
      return String(input.int());
    case ValueKind.Text:
      return input.text();
    default:
      throw new Error('valeur invalide');
  }
}

/** A run's proof flags in formats 5 to 7: which of its chain before and signature follow, as bytes or as text. */
const enum ProofFlag {
  BeforeBytes = 1,
  BeforeText = 2,
  SignatureBytes = 4,
  SignatureText = 8,
}

/**
 * The body of format 7, in binary (docs/sync.md, « Le corps ») : the same columns as
 * format 4, without JSON's quotes, commas and escapes, and values by kind. Each part is a
 * count then its items: origins (texts; the file's sender is origin 0 without being
 * written, as the header names it), senderHeld (a seq per origin, in order, 0 when nothing
 * is said of it), basedOn's differences (origin index, zigzag d), (entity, field) pairs
 * outside the format's table (field-pairs.ts; two texts each, numbered after the table's),
 * row ids (texts), runs (origin index, from, count, proof flags), then per change, column
 * after column: pair index, row index, clock (zigzag of the milliseconds' difference,
 * doubled, + 1 when the clock is a text in the clock texts), counter, superseded versions
 * (counts, then origin indices, then zigzags of seq − their seq), values (couple by couple:
 * kinds, then what follows them); then the clock texts; then the proofs' bytes.
 */
export function encodeBody(content: SyncContent, sender: string): Buffer {
  const origins = new Dictionary();
  origins.of(sender);
  for (const origin of Object.keys(content.senderHeld)) origins.of(origin);
  // The held origins come first: with the sender's, said or not.
  const heldCount = Object.keys(content.senderHeld).length === 0 ? 0 : origins.list.length;
  const differences: [number, number][] = [];
  for (const [origin, seq] of Object.entries(content.senderHeld)) {
    if (content.basedOn[origin] !== seq) differences.push([origins.of(origin), seq - (content.basedOn[origin] ?? 0)]);
  }
  for (const [origin, seq] of Object.entries(content.basedOn)) {
    if (seq !== 0 && !Object.prototype.hasOwnProperty.call(content.senderHeld, origin)) differences.push([origins.of(origin), -seq]);
  }
  const pairs = new Dictionary();
  const rows = new Dictionary();
  for (const run of content.runs) {
    origins.of(run.origin);
    for (const c of run.changes) {
      if (fieldPairNumber(c.entity, c.field) === undefined) pairs.of(`${c.entity}\0${c.field}`);
      rows.of(c.rowId);
      for (const [origin] of c.supersedes) origins.of(origin);
    }
  }
  const out = new ByteWriter();
  out.uint(origins.list.length - 1);
  for (const origin of origins.list.slice(1)) out.text(origin);
  out.uint(heldCount);
  for (const origin of origins.list.slice(0, heldCount)) out.uint(content.senderHeld[origin] ?? 0);
  out.uint(differences.length);
  for (const [origin, d] of differences) {
    out.uint(origin);
    out.int(d);
  }
  out.uint(pairs.list.length);
  for (const pair of pairs.list) for (const name of pair.split('\0')) out.text(name);
  out.uint(rows.list.length);
  for (const row of rows.list) out.text(row);
  const proofs: Buffer[] = [];
  const proofFlag = (text: string | null, length: number, asBytes: ProofFlag, asText: ProofFlag, texts: string[]): number => {
    if (text === null) return 0;
    const bytes = proofBytes(text, length);
    if (bytes) {
      proofs.push(bytes);
      return asBytes;
    }
    texts.push(text);
    return asText;
  };
  const proofTexts: string[] = [];
  out.uint(content.runs.length);
  for (const run of content.runs) {
    out.uint(origins.of(run.origin));
    out.uint(run.from);
    out.uint(run.changes.length);
    out.uint(
      proofFlag(run.before, CHAIN_BYTES, ProofFlag.BeforeBytes, ProofFlag.BeforeText, proofTexts) |
        proofFlag(run.signature, SIGNATURE_BYTES, ProofFlag.SignatureBytes, ProofFlag.SignatureText, proofTexts),
    );
  }
  const changes = changesOf(content.runs);
  const pairOf = Uint32Array.from(changes, (c) => fieldPairNumber(c.entity, c.field) ?? FIELD_PAIRS.length + pairs.of(`${c.entity}\0${c.field}`));
  for (const pair of pairOf) out.uint(pair);
  for (const c of changes) out.uint(rows.of(c.rowId));
  const clockTexts: string[] = [];
  let ms = 0;
  for (const c of changes) {
    const clock = HLC_FORM.exec(c.hlc);
    if (!clock) {
      clockTexts.push(c.hlc);
      out.uint(1);
      continue;
    }
    const at = Number(clock[1]);
    out.uint((at >= ms ? (at - ms) * 2 : (ms - at) * 2 - 1) * 2);
    ms = at;
  }
  for (const c of changes) out.uint(Number(HLC_FORM.exec(c.hlc)?.[2] ?? 0));
  // Alike values side by side compress better: the counts, then the origins, then the numbers.
  for (const c of changes) out.uint(c.supersedes.length);
  for (const c of changes) for (const [origin] of c.supersedes) out.uint(origins.of(origin));
  for (const c of changes) for (const [, seq] of c.supersedes) out.int(c.seq - seq);
  // The values couple by couple (dates beside dates, notes beside notes), their kinds first.
  const values = Array.from(pairOrder(pairOf, FIELD_PAIRS.length + pairs.list.length), (j) => valueKind(changes[j].value));
  for (const [kind] of values) out.uint(kind);
  for (const [, part] of values) writeValuePart(out, part);
  out.uint(clockTexts.length);
  for (const text of clockTexts) out.text(text);
  out.uint(proofTexts.length);
  for (const text of proofTexts) out.text(text);
  for (const proof of proofs) out.raw(proof);
  return out.done();
}

/** The changes' indices, couple after couple in the couples' order, in file order within one: where format 7 writes their values. */
function pairOrder(pairOf: Uint32Array, pairCount: number): Uint32Array {
  const starts = new Uint32Array(pairCount + 1);
  for (const pair of pairOf) starts[pair + 1]++;
  for (let i = 1; i <= pairCount; i++) starts[i] += starts[i - 1];
  const order = new Uint32Array(pairOf.length);
  for (let j = 0; j < pairOf.length; j++) order[starts[pairOf[j]]++] = j;
  return order;
}

/** Format 7's superseded versions (counts, origins, numbers) and values (couple by couple, kinds first). */
function readColumns(input: ByteReader, all: Change[], originAt: (i: number) => string, order: Uint32Array): void {
  const counts = new Uint32Array(all.length);
  let versions = 0;
  for (let j = 0; j < all.length; j++) {
    const m = input.uint();
    if (m > input.left) throw new Error('versions remplacées invalides');
    versions += counts[j] = m;
  }
  if (versions > input.left) throw new Error('versions remplacées invalides');
  for (let j = 0; j < all.length; j++) for (let m = counts[j]; m > 0; m--) all[j].supersedes.push([originAt(input.uint()), 0]);
  for (const change of all) {
    for (const version of change.supersedes) {
      const seq = change.seq - input.int();
      if (!isSeq(seq)) throw new Error('versions remplacées invalides');
      version[1] = seq;
    }
  }
  const kinds = new Uint8Array(all.length);
  for (let k = 0; k < all.length; k++) {
    const kind = input.uint();
    if (kind > ValueKind.Text) throw new Error('valeur invalide');
    kinds[k] = kind;
  }
  for (let k = 0; k < all.length; k++) all[order[k]].value = readValue(input, kinds[k]);
}

/**
 * Reads a body of format 7 or 6 (`sender`: the header's, origin 0, not written) or of format
 * 5 (every origin is written). Format 7 writes the superseded versions in three columns and
 * the values couple by couple, kinds first; formats 5 and 6 write each change's in turn.
 */
export function decodeBody(plain: Buffer, format: number, sender: string): SyncContent {
  const input = new ByteReader(plain);
  const count = (limit = plain.length) => {
    const n = input.uint();
    if (n > limit) throw new Error('nombre invalide');
    return n;
  };
  const origins = [...(format === 5 ? [] : [sender]), ...Array.from({ length: count() }, () => input.text())];
  const originAt = (i: number) => {
    if (!isIndex(i, origins.length)) throw new Error('origine invalide');
    return origins[i];
  };
  const senderHeld: Record<string, number> = {};
  const heldCount = count(origins.length);
  for (let j = 0; j < heldCount; j++) {
    const seq = input.uint();
    if (seq > 0) senderHeld[origins[j]] = seq;
  }
  const basedOn: Record<string, number> = { ...senderHeld };
  for (let j = count(); j > 0; j--) {
    const origin = originAt(input.uint());
    const seq = (senderHeld[origin] ?? 0) - input.int();
    if (seq === 0) delete basedOn[origin];
    else basedOn[origin] = seq;
  }
  const pairs = [...FIELD_PAIRS, ...Array.from({ length: count() }, () => [input.text(), input.text()] as const)];
  const rowIds = Array.from({ length: count() }, () => input.text());
  const runs = Array.from({ length: count() }, () => {
    const origin = originAt(input.uint());
    const from = input.uint();
    const length = input.uint();
    const flags = input.uint();
    if (!isSeq(from) || length < 1 || flags > 15) throw new Error('suite invalide');
    return { origin, from, length, flags };
  });
  const total = runs.reduce((sum, run) => sum + run.length, 0);
  if (total > plain.length) throw new Error('suite invalide');
  // Column after column, straight into the changes: a large file makes no array per column.
  const all: Change[] = [];
  const pairOf = new Uint32Array(total);
  const decoded = runs.map(({ origin, from, length }): Run => {
    const changes = new Array<Change>(length);
    for (let n = 0; n < length; n++) {
      const i = input.uint();
      if (!isIndex(i, pairs.length)) throw new Error('modification invalide');
      pairOf[all.length] = i;
      const [entity, field] = pairs[i];
      all.push((changes[n] = { origin, seq: from + n, hlc: '', entity, rowId: '', field, value: '', supersedes: [] }));
    }
    return { origin, from, before: null, signature: null, changes };
  });
  for (const change of all) {
    const i = input.uint();
    if (!isIndex(i, rowIds.length)) throw new Error('modification invalide');
    change.rowId = rowIds[i];
  }
  // Milliseconds now, the counters next; -1: the clock is a text, of the clock texts.
  const clocks = new Float64Array(total);
  let ms = 0;
  let textClocks = 0;
  for (let j = 0; j < total; j++) {
    const clock = input.uint();
    if (clock === 1) {
      clocks[j] = -1;
      textClocks++;
      continue;
    }
    if (clock % 2 !== 0) throw new Error('horloge invalide');
    const zigzag = clock / 2;
    ms += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    if (ms < 0 || ms >= 1e13) throw new Error('horloge invalide');
    clocks[j] = ms;
  }
  for (let j = 0; j < total; j++) {
    const counter = input.uint();
    if (clocks[j] < 0) continue;
    if (counter > 9999) throw new Error('horloge invalide');
    all[j].hlc = `${String(clocks[j]).padStart(13, '0')}-${String(counter).padStart(4, '0')}`;
  }
  if (format >= 7) readColumns(input, all, originAt, pairOrder(pairOf, pairs.length));
  else {
    for (const change of all) {
      for (let m = count(); m > 0; m--) {
        const by = originAt(input.uint());
        const seq = change.seq - input.int();
        if (!isSeq(seq)) throw new Error('versions remplacées invalides');
        change.supersedes.push([by, seq]);
      }
    }
    for (const change of all) change.value = readValue(input);
  }
  if (count(total) !== textClocks) throw new Error('horloge invalide');
  for (let j = 0; j < total; j++) if (clocks[j] < 0) all[j].hlc = input.text();
  const proofTexts = Array.from({ length: count(2 * runs.length) }, () => input.text());
  let proofText = 0;
  const proof = (flags: number, asBytes: ProofFlag, asText: ProofFlag, length: number): string | null => {
    if (flags & asBytes) return input.raw(length).toString('base64');
    if (flags & asText) {
      if (proofText >= proofTexts.length) throw new Error('preuve invalide');
      return proofTexts[proofText++];
    }
    return null;
  };
  runs.forEach(({ flags }, r) => {
    decoded[r].before = proof(flags, ProofFlag.BeforeBytes, ProofFlag.BeforeText, CHAIN_BYTES);
    decoded[r].signature = proof(flags, ProofFlag.SignatureBytes, ProofFlag.SignatureText, SIGNATURE_BYTES);
  });
  if (proofText !== proofTexts.length || !input.ended) throw new Error('mises à jour hors suite');
  return { senderHeld, basedOn, runs: decoded };
}
