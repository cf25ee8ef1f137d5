// The sync file ("fichier d'échange"), format 4. Layout (docs/sync.md):
//
//   "ENTENTE-SYNC" (12 bytes) | format version (u16 BE) | header length (u32 BE) |
//   header (UTF-8 JSON, readable without the key, authenticated) |
//   body: AES-256-GCM ciphertext of the brotli-compressed content | GCM tag (16 bytes)
//
// The header says only what a reader needs before decrypting: the project (a file of
// another project is refused first), the key's id (which of this poste's project keys
// opens it, or that none does), the sender, the size to bound decompression. What the
// sender held and its proofs travel sealed and compressed: a day's file stays small.
// Each file's key comes from the project key and the file's salt (HKDF): unique per file,
// so the GCM nonce is fixed. Formats 1, 2 and 3 (Entente 0.1 to 0.4) are still read.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import type { Change, VersionRef } from '../store/changelog';
import { refusal } from '../errors';
import type { Blob } from '../attachments/types';
import type { ProjectKey } from './keys';
import { appVersionOfSchema } from '../store/migrations';

export const SYNC_MAGIC = Buffer.from('ENTENTE-SYNC', 'ascii');
export const SYNC_FORMAT_VERSION = 4;
/** The app version that reads each format version: named when a newer file is refused. */
const APP_VERSION_OF_FORMAT: Record<number, string> = { 1: '0.1.0', 2: '0.2.0', 3: '0.3.0', 4: '0.5.0' };

/** The later of two versions « major.minor.patch ». */
function laterVersion(a: string, b: string): string {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  const difference = x.map((part, i) => part - y[i]).find((d) => d !== 0) ?? 0;
  return difference >= 0 ? a : b;
}
const PREFIX_BYTES = SYNC_MAGIC.length + 2 + 4;
const TAG_BYTES = 16;
const FIXED_NONCE = Buffer.alloc(12);
export const MAX_HEADER_BYTES = 1 << 20;
/** Largest decompressed body accepted: far above 100,000 changes, far below a bomb. */
export const MAX_PLAIN_BYTES = 1 << 30;
/** Format 1: a key per file, scrypt of the passphrase and the file's salt. */
const FORMAT_1_SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const FILE_KEY_INFO: Record<number, string> = {
  2: "entente : clé d'un fichier d'échange, format 2",
  3: "entente : clé d'un fichier d'échange, format 3",
  4: "entente : clé d'un fichier d'échange, format 4",
};

export interface SyncHeader {
  format: number;
  schema: number;
  /** The app version this file needs at least. */
  minAppVersion: string;
  project: string;
  sender: string;
  createdAt: string;
  /** The whole history (an invitation, a full export). */
  full: boolean;
  count: number;
  plainBytes: number;
  salt: string;
  /** The id of the project key that seals the file (formats 3 and 4). */
  keyId?: string;
  /** Documents carried after the changes (formats 3 and 4). */
  blobCount?: number;
  compressedBytes?: number;
}

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
  /** What the sender held (its version vector) when it wrote the file. */
  senderHeld: Record<string, number>;
  /** What the sender believed the receiver held; empty for a full export. */
  basedOn: Record<string, number>;
  runs: Run[];
  /** The bytes of the documents attached by these changes, after them, uncompressed (db/attachments). */
  blobs?: Blob[];
}

/** The largest document a file may carry: the app's limit, and room for a newer one's. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/** The header's fields: short names, as format 3 writes them in JSON (format 4 in binary). */
interface WireHeader {
  /** Documents after the changes: their count, and the length of the compressed changes before them. */
  j?: number;
  q?: number;
  p: string;
  s: string;
  t: number;
  f: 0 | 1;
  n: number;
  b: number;
  k: string;
  z: string;
  c: number;
  a: string;
}

/** Formats 1 and 2: the header carried the vectors, a nonce and a key check. */
interface LegacyHeader extends SyncHeader {
  senderHeld: Record<string, number>;
  basedOn: Record<string, number>;
  iv: string;
  keyCheck: string;
}

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

export const changesOf = (runs: Run[]): Change[] => (runs.length === 1 ? runs[0].changes : runs.flatMap((run) => run.changes));

function fileKey(key: Buffer, salt: Buffer, format: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, FILE_KEY_INFO[format], 32));
}

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

const HLC_FORM = /^(\d{13})-(\d{4})$/;

/** A run's chain or signature in format 4: absent, as text, or 1 when its bytes follow the JSON (a chain: 32, a signature: 64). */
type Proof = null | string | 1;
export const CHAIN_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** Base64 of exactly `length` bytes, in its usual form, travels as bytes; anything else as text. */
function proofToWire(text: string | null, length: number, bytes: Buffer[]): Proof {
  if (text === null) return null;
  const raw = Buffer.from(text, 'base64');
  if (raw.length !== length || raw.toString('base64') !== text) return text;
  bytes.push(raw);
  return 1;
}

function encodeBody(content: SyncContent): Buffer {
  const origins = new Dictionary();
  const h: number[] = [];
  for (const [origin, seq] of Object.entries(content.senderHeld)) {
    origins.of(origin);
    h.push(seq);
  }
  const b: number[] = [];
  for (const [origin, seq] of Object.entries(content.senderHeld)) {
    if (content.basedOn[origin] !== seq) b.push(origins.of(origin), seq - (content.basedOn[origin] ?? 0));
  }
  for (const [origin, seq] of Object.entries(content.basedOn)) {
    if (seq !== 0 && !Object.prototype.hasOwnProperty.call(content.senderHeld, origin)) b.push(origins.of(origin), -seq);
  }
  const keys = new Map<string, number>();
  const k: string[] = [];
  const rows = new Dictionary();
  const body: BodyV4 = { o: origins.list, h, b, r: [], k, i: rows.list, f: [], w: [], v: [], t: [], u: [], s: [] };
  const proofs: Buffer[] = [];
  let ms = 0;
  for (const run of content.runs) {
    body.r.push([
      origins.of(run.origin),
      run.from,
      run.changes.length,
      proofToWire(run.before, CHAIN_BYTES, proofs),
      proofToWire(run.signature, SIGNATURE_BYTES, proofs),
    ]);
    for (const c of run.changes) {
      const key = `${c.entity}\0${c.field}`;
      let pair = keys.get(key);
      if (pair === undefined) keys.set(key, (pair = k.push(c.entity, c.field) / 2 - 1));
      body.f.push(pair);
      body.w.push(rows.of(c.rowId));
      body.v.push(c.value);
      const clock = HLC_FORM.exec(c.hlc);
      if (clock) {
        body.t.push(Number(clock[1]) - ms);
        body.u.push(Number(clock[2]));
        ms = Number(clock[1]);
      } else {
        body.t.push(c.hlc);
        body.u.push(0);
      }
      body.s.push(c.supersedes.length);
      for (const [origin, seq] of c.supersedes) body.s.push(origins.of(origin), c.seq - seq);
    }
  }
  // The JSON's length (u32 BE), the JSON, then the proofs' bytes, in the order of `r`.
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json, ...proofs]);
}

/** A change's number in its origin's history: 1, 2, 3… (none below: it would slip under every bound and proof). */
const isSeq = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
const isIndex = (value: unknown, length: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

function decodeBody(plain: Buffer): SyncContent {
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

/** Format 3: rows of changes, the vectors as pairs. */
function decodeBodyV3(plain: Buffer): SyncContent {
  const body = JSON.parse(plain.toString('utf8')) as BodyV3;
  const { o: origins } = body;
  const vector = (pairs: [number, number][]) => Object.fromEntries(pairs.map(([i, seq]) => [origins[i], seq]));
  let next = 0;
  const runs = body.r.map(([i, from, count, before, signature]): Run => {
    const origin = origins[i];
    if (typeof origin !== 'string' || !isSeq(from) || !Number.isInteger(count) || count < 1) throw new Error('suite invalide');
    const changes = body.c.slice(next, (next += count)).map(([hlc, entity, rowId, field, value, supersedes], k): Change => ({
      origin,
      seq: from + k,
      hlc,
      entity,
      rowId,
      field,
      value,
      supersedes: supersedes.map(([so, sseq]): VersionRef => [origins[so], sseq]),
    }));
    return { origin, from, before: before ?? null, signature: signature ?? null, changes };
  });
  if (next !== body.c.length) throw new Error('mises à jour hors suite');
  return { senderHeld: vector(body.h), basedOn: vector(body.b), runs };
}

/** Formats 1 and 2: rows with their origin and seq; grouped here into runs without proof. */
function decodeLegacyBody(plain: Buffer, header: LegacyHeader): SyncContent {
  const { origins, rows } = JSON.parse(plain.toString('utf8')) as {
    origins: string[];
    rows: [number, number, string, string, string, string, string, [number, number][]][];
  };
  const runs: Run[] = [];
  let last: Run | undefined;
  for (const [o, seq, hlc, entity, rowId, field, value, supersedes] of rows) {
    if (!isSeq(seq)) throw new Error('numéro invalide');
    const change: Change = {
      origin: origins[o],
      seq,
      hlc,
      entity,
      rowId,
      field,
      value,
      supersedes: supersedes.map(([so, sseq]): VersionRef => [origins[so], sseq]),
    };
    if (last && last.origin === change.origin && last.from + last.changes.length === seq) last.changes.push(change);
    else runs.push((last = { origin: change.origin, from: seq, before: null, signature: null, changes: [change] }));
  }
  return { senderHeld: header.senderHeld, basedOn: header.basedOn, runs };
}

export interface EncodeInput {
  project: string;
  sender: string;
  schema: number;
  full: boolean;
  /** The project key the file is sealed with (the current one). */
  key: ProjectKey;
  content: SyncContent;
  now?: Date;
}

/**
 * Brotli's effort by body size: the best for the small files of everyday syncs (a few
 * milliseconds, ~10 % smaller); 7 for a shared folder's files of thousands of changes
 * (10,000: 17 ms, where 9 took 190 ms for 1.3 % fewer bytes); 6 for the large ones of a
 * full export.
 */
function quality(plainBytes: number): number {
  if (plainBytes <= 64 * 1024) return 11;
  if (plainBytes <= 2 * 1024 * 1024) return 7;
  return 6;
}

export function encodeSyncFile(input: EncodeInput): Buffer {
  const plain = encodeBody(input.content);
  const compressed = brotliCompressSync(plain, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: quality(plain.length), [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
  });
  const count = input.content.runs.reduce((sum, run) => sum + run.changes.length, 0);
  const blobs = input.content.blobs ?? [];
  if (blobs.length === 0) return sealSyncFile(input, count, compressed, plain.length);
  // Each document: its SHA-256 (32 bytes), its length (u32 BE), its bytes; documents are already compressed.
  const parts = blobs.flatMap((blob) => {
    const head = Buffer.alloc(36);
    Buffer.from(blob.sha256, 'hex').copy(head);
    head.writeUInt32BE(blob.bytes.length, 32);
    return [head, blob.bytes];
  });
  return sealSyncFile(input, count, Buffer.concat([compressed, ...parts]), plain.length, { j: blobs.length, q: compressed.length });
}

function decodeBlobs(section: Buffer, count: number): Blob[] {
  const blobs: Blob[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 36 > section.length) throw damaged('document tronqué');
    const length = section.readUInt32BE(offset + 32);
    if (length > MAX_BLOB_BYTES || offset + 36 + length > section.length) throw damaged('document tronqué');
    blobs.push({ sha256: section.subarray(offset, offset + 32).toString('hex'), bytes: Buffer.from(section.subarray(offset + 36, offset + 36 + length)) });
    offset += 36 + length;
  }
  if (offset !== section.length) throw damaged('octets en trop après les documents');
  return blobs;
}

/** Encrypts a compressed body under a header that announces its decompressed size. */
export function sealSyncFile(
  input: Omit<EncodeInput, 'content'>,
  count: number,
  compressed: Buffer,
  plainBytes: number,
  documents: Pick<WireHeader, 'j' | 'q'> = {},
): Buffer {
  const salt = randomBytes(16);
  const wire: WireHeader = {
    ...documents,
    p: input.project,
    s: input.sender,
    t: (input.now ?? new Date()).getTime(),
    f: input.full ? 1 : 0,
    n: count,
    b: plainBytes,
    k: input.key.id,
    z: salt.toString('base64url'),
    c: input.schema,
    // What a reader needs: this format, and somewhere to put this schema's data.
    a: laterVersion(APP_VERSION_OF_FORMAT[SYNC_FORMAT_VERSION], appVersionOfSchema(input.schema)),
  };
  const headerBytes = headerToBytes(wire, salt);
  const prefix = Buffer.alloc(PREFIX_BYTES);
  SYNC_MAGIC.copy(prefix);
  prefix.writeUInt16BE(SYNC_FORMAT_VERSION, SYNC_MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, SYNC_MAGIC.length + 2);
  const cipher = createCipheriv('aes-256-gcm', fileKey(input.key.key, salt, SYNC_FORMAT_VERSION), FIXED_NONCE);
  cipher.setAAD(Buffer.concat([prefix, headerBytes]));
  const body = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([prefix, headerBytes, body, cipher.getAuthTag()]);
}

const damaged = (detail: string) => refusal('damaged-file', detail);

/**
 * Format 4's header, in binary (docs/sync.md, « L'en-tête ») — a day's file is mostly its
 * header: flags (1: full, 2: documents follow), t (u48), n, b (u32), c (u16), the salt (16
 * bytes), then p, s, k, a (each a u8 length and UTF-8), then j and q (u32) if flag 2.
 */
function headerToBytes(wire: WireHeader, salt: Buffer): Buffer {
  const texts = [wire.p, wire.s, wire.k, wire.a].map((text) => Buffer.from(text, 'utf8'));
  const documents = wire.j ? 8 : 0;
  const bytes = Buffer.alloc(1 + 6 + 4 + 4 + 2 + 16 + texts.reduce((sum, text) => sum + 1 + text.length, 0) + documents);
  let at = bytes.writeUInt8(wire.f | (wire.j ? 2 : 0), 0);
  at = bytes.writeUIntBE(wire.t, at, 6);
  at = bytes.writeUInt32BE(wire.n, at);
  at = bytes.writeUInt32BE(wire.b, at);
  at = bytes.writeUInt16BE(wire.c, at);
  at += salt.copy(bytes, at);
  for (const text of texts) {
    if (text.length > 255) throw new Error(`en-tête : texte trop long (${text.length} octets)`);
    at = bytes.writeUInt8(text.length, at);
    at += text.copy(bytes, at);
  }
  if (wire.j) bytes.writeUInt32BE(wire.q ?? 0, bytes.writeUInt32BE(wire.j, at));
  return bytes;
}

function headerFromBytes(bytes: Buffer): WireHeader {
  const fixed = 1 + 6 + 4 + 4 + 2 + 16;
  if (bytes.length < fixed) throw damaged('en-tête incohérent');
  const flags = bytes.readUInt8(0);
  let at = fixed;
  const text = () => {
    const length = at < bytes.length ? bytes.readUInt8(at) : -1;
    if (length < 0 || at + 1 + length > bytes.length) throw damaged('en-tête incohérent');
    at += 1 + length;
    return bytes.toString('utf8', at - length, at);
  };
  const [p, s, k, a] = [text(), text(), text(), text()];
  const documents = flags & 2 ? 8 : 0;
  if (flags > 3 || at + documents !== bytes.length) throw damaged('en-tête incohérent');
  return {
    f: (flags & 1) as 0 | 1,
    t: bytes.readUIntBE(1, 6),
    n: bytes.readUInt32BE(7),
    b: bytes.readUInt32BE(11),
    c: bytes.readUInt16BE(15),
    z: bytes.toString('base64url', 17, 33),
    p,
    s,
    k,
    a,
    ...(documents ? { j: bytes.readUInt32BE(at), q: bytes.readUInt32BE(at + 4) } : {}),
  };
}

function fromWire(wire: WireHeader, format: number): SyncHeader {
  if (typeof wire.p !== 'string' || typeof wire.s !== 'string' || typeof wire.b !== 'number' || typeof wire.k !== 'string') throw damaged('en-tête incohérent');
  return {
    format,
    schema: wire.c,
    minAppVersion: wire.a,
    project: wire.p,
    sender: wire.s,
    createdAt: new Date(wire.t).toISOString(),
    full: wire.f === 1,
    count: wire.n,
    plainBytes: wire.b,
    salt: wire.z,
    keyId: wire.k,
    ...(wire.j ? { blobCount: wire.j, compressedBytes: wire.q } : {}),
  };
}

/** Reads the header only: who sent the file, for which project, in which format. */
export function readSyncHeader(file: Buffer): { header: SyncHeader; headerEnd: number } {
  const { header, headerEnd } = readAnyHeader(file);
  return { header, headerEnd };
}

function readAnyHeader(file: Buffer): { header: SyncHeader; headerEnd: number; legacy?: LegacyHeader } {
  if (file.length === 0) throw damaged('fichier vide');
  if (file.length < PREFIX_BYTES || !file.subarray(0, SYNC_MAGIC.length).equals(SYNC_MAGIC)) {
    throw refusal('not-a-sync-file');
  }
  const format = file.readUInt16BE(SYNC_MAGIC.length);
  if (format < 1) throw damaged('version de format inconnue');
  if (format > SYNC_FORMAT_VERSION) {
    throw refusal('newer-format', format);
  }
  const headerLength = file.readUInt32BE(SYNC_MAGIC.length + 2);
  const headerEnd = PREFIX_BYTES + headerLength;
  if (headerLength > MAX_HEADER_BYTES || headerEnd + TAG_BYTES > file.length) throw damaged('en-tête tronqué');
  if (format >= 4) return { header: fromWire(headerFromBytes(file.subarray(PREFIX_BYTES, headerEnd)), format), headerEnd };
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.subarray(PREFIX_BYTES, headerEnd).toString('utf8'));
  } catch {
    throw damaged('en-tête illisible');
  }
  if (typeof parsed !== 'object' || parsed === null) throw damaged('en-tête incohérent');
  if (format === 3) return { header: fromWire(parsed as WireHeader, format), headerEnd };
  const legacy = parsed as LegacyHeader;
  if (legacy.format !== format || typeof legacy.project !== 'string' || typeof legacy.plainBytes !== 'number') throw damaged('en-tête incohérent');
  return { header: legacy, headerEnd, legacy };
}

export interface DecodeOptions {
  /** The project keys this poste knows, the current first. */
  keys: ProjectKey[];
  /** Format 1 derives a key per file from the passphrase itself: only read with it at hand. */
  passphrase?: string;
  project: string;
  schema: number;
}

function legacyKeyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('entente-key-check').digest().subarray(0, 8);
}

/** The file's key: by the id in its header (formats 3 and 4), or the one that passes the key check (formats 1 and 2). */
function keyForFile(header: SyncHeader, legacy: LegacyHeader | undefined, options: DecodeOptions): { key: Buffer; nonce: Buffer } {
  const salt = Buffer.from(String(header.salt), header.format >= 3 ? 'base64url' : 'base64');
  if (!legacy) {
    const known = options.keys.find((key) => key.id === header.keyId);
    if (!known) throw refusal('unknown-key');
    return { key: fileKey(known.key, salt, header.format), nonce: FIXED_NONCE };
  }
  const expected = Buffer.from(String(legacy.keyCheck), 'base64');
  const candidates =
    legacy.format === 1
      ? options.passphrase
        ? [scryptSync(options.passphrase.normalize('NFC'), salt, 32, FORMAT_1_SCRYPT)]
        : []
      : options.keys.map((known) => fileKey(known.key, salt, 2));
  if (legacy.format === 1 && !options.passphrase) throw refusal('format-1-needs-passphrase');
  const key = candidates.find((candidate) => expected.length === 8 && timingSafeEqual(legacyKeyCheck(candidate), expected));
  if (!key) throw refusal('wrong-passphrase');
  return { key, nonce: Buffer.from(String(legacy.iv), 'base64') };
}

export function decodeSyncFile(file: Buffer, options: DecodeOptions): { header: SyncHeader; content: SyncContent } {
  const { header, headerEnd, legacy } = readAnyHeader(file);
  if (header.project !== options.project) {
    throw refusal('other-project', header.project);
  }
  if (header.schema > options.schema) {
    throw refusal('newer-schema', header.minAppVersion);
  }
  if (!(header.plainBytes >= 0 && header.plainBytes <= MAX_PLAIN_BYTES)) throw damaged('taille annoncée hors limites');
  const { key, nonce } = keyForFile(header, legacy, options);
  let compressed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(file.subarray(0, headerEnd));
    decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
    compressed = Buffer.concat([decipher.update(file.subarray(headerEnd, file.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw damaged("contrôle d'authenticité en échec : fichier modifié ou tronqué");
  }
  let blobs: Blob[] = [];
  if (header.blobCount) {
    const split = header.compressedBytes ?? -1;
    if (!Number.isInteger(split) || split < 0 || split > compressed.length) throw damaged('découpage des documents incohérent');
    blobs = decodeBlobs(compressed.subarray(split), header.blobCount);
    compressed = compressed.subarray(0, split);
  }
  let plain: Buffer;
  try {
    // Bounded by the authenticated size: a bomb stops at plainBytes + 1 byte.
    plain = brotliDecompressSync(compressed, { maxOutputLength: header.plainBytes + 1 });
  } catch {
    throw damaged('contenu compressé invalide');
  }
  if (plain.length !== header.plainBytes) throw damaged('taille du contenu inattendue');
  let content: SyncContent;
  try {
    content = legacy ? decodeLegacyBody(plain, legacy) : header.format === 3 ? decodeBodyV3(plain) : decodeBody(plain);
  } catch {
    throw damaged('contenu illisible');
  }
  if (content.runs.reduce((sum, run) => sum + run.changes.length, 0) !== header.count) throw damaged('nombre de mises à jour inattendu');
  return { header, content: { ...content, blobs } };
}
