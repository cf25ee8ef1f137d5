// The sync file ("fichier d'échange"), format 7. Layout (docs/sync.md):
//
//   "ENTENTE-SYNC" (12 bytes) | format version (u16 BE) | header length (varint; u32 BE before format 7) |
//   header (binary, readable without the key, authenticated) |
//   body: AES-256-GCM ciphertext of the brotli-compressed content | GCM tag (16 bytes)
//
// The header says only what a reader needs before decrypting: the project (a file of
// another project is refused first), the key's id (which of this poste's project keys
// opens it, or that none does), the sender, the size to bound decompression. What the
// sender held and its proofs travel sealed and compressed: a day's file stays small.
// Each file's key comes from the project key and the file's salt (HKDF): unique per file,
// so the GCM nonce is fixed. Formats 1 to 6 (Entente 0.1 to 0.10) are still read.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { refusal } from '../errors';
import type { Blob } from '../attachments/types';
import type { ProjectKey } from './keys';
import { appVersionOfSchema } from '../store/migrations';
import { ByteReader, ByteWriter } from './bytes';
import { decodeBody, encodeBody, type SyncContent } from './body';
import { decodeBodyV3, decodeBodyV4, decodeLegacyBody } from './older-bodies';

export const SYNC_MAGIC = Buffer.from('ENTENTE-SYNC', 'ascii');
export const SYNC_FORMAT_VERSION = 7;
/** The app version that reads each format version: named when a newer file is refused. */
const APP_VERSION_OF_FORMAT: Record<number, string> = { 1: '0.1.0', 2: '0.2.0', 3: '0.3.0', 4: '0.5.0', 5: '0.9.0', 6: '0.10.0', 7: '0.11.0' };

/** The later of two versions « major.minor.patch ». */
function laterVersion(a: string, b: string): string {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  const difference = x.map((part, i) => part - y[i]).find((d) => d !== 0) ?? 0;
  return difference >= 0 ? a : b;
}
/** The prefix before format 7: magic, version, header length (u32 BE). */
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
  5: "entente : clé d'un fichier d'échange, format 5",
  6: "entente : clé d'un fichier d'échange, format 6",
  7: "entente : clé d'un fichier d'échange, format 7",
};

export interface SyncHeader {
  format: number;
  schema: number;
  /** The app version this file needs at least. */
  minAppVersion: string;
  /** The project's id: absent from a file of format 7 that is not full, which names it by its digest only. */
  project?: string;
  /** The first 4 bytes of the project's digest, in hexadecimal (projectDigest). */
  projectDigest: string;
  sender: string;
  createdAt: string;
  /** The whole history (an invitation, a full export). */
  full: boolean;
  /** What the sender held is said only where it changed since its previous file in the shared folder (formats 6 and 7). */
  heldUpdate: boolean;
  count: number;
  plainBytes: number;
  salt: string;
  /** The id of the project key that seals the file (formats 3 to 7). */
  keyId?: string;
  /** Documents carried after the changes (formats 3 to 7). */
  blobCount?: number;
  compressedBytes?: number;
}

/** The largest document a file may carry: the app's limit, and room for a newer one's. */
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/** The header's fields: short names, as format 3 writes them in JSON (formats 4 to 7 in binary). */
interface WireHeader {
  /** Format 7, a file that is not full: the project's digest (hex) instead of its id. */
  pd?: string;
  /** 1: senderHeld is an update of the sender's previous file in the shared folder (formats 6 and 7). */
  u?: 0 | 1;
  /** Documents after the changes: their count, and the length of the compressed changes before them. */
  j?: number;
  q?: number;
  p?: string;
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
  project: string;
  senderHeld: Record<string, number>;
  basedOn: Record<string, number>;
  iv: string;
  keyCheck: string;
}

function fileKey(key: Buffer, salt: Buffer, format: number): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, FILE_KEY_INFO[format], 32));
}

export interface EncodeInput {
  project: string;
  sender: string;
  schema: number;
  full: boolean;
  /** Whether content.senderHeld says only what changed since the sender's previous file in the shared folder. */
  heldUpdate?: boolean;
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
  const plain = encodeBody(input.content, input.sender);
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
    u: input.heldUpdate ? 1 : 0,
    n: count,
    b: plainBytes,
    k: input.key.id,
    z: salt.toString('base64url'),
    c: input.schema,
    // What a reader needs: this format, and somewhere to put this schema's data.
    a: laterVersion(APP_VERSION_OF_FORMAT[SYNC_FORMAT_VERSION], appVersionOfSchema(input.schema)),
  };
  const headerBytes = headerToBytes(wire, salt);
  const length = new ByteWriter();
  length.uint(headerBytes.length);
  const version = Buffer.alloc(2);
  version.writeUInt16BE(SYNC_FORMAT_VERSION);
  const prefix = Buffer.concat([SYNC_MAGIC, version, length.done()]);
  const cipher = createCipheriv('aes-256-gcm', fileKey(input.key.key, salt, SYNC_FORMAT_VERSION), FIXED_NONCE);
  cipher.setAAD(Buffer.concat([prefix, headerBytes]));
  const body = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([prefix, headerBytes, body, cipher.getAuthTag()]);
}

const damaged = (detail: string) => refusal('damaged-file', detail);

/** Format 7's header flags; the sum of those set, any other bit makes the header incoherent. */
const enum HeaderFlag {
  Full = 1,
  Documents = 2,
  HeldUpdate = 4,
  /** `a` follows: the file needs a later version than format 7's own. */
  MinAppVersion = 8,
  /** The sender is a text: its id is not of the app's form. */
  SenderText = 16,
}

/** The first 4 bytes of SHA-256("entente : projet" \0 id): enough to tell another project's file apart before decrypting. */
export function projectDigest(project: string): string {
  return createHash('sha256').update('entente : projet\0').update(project).digest().subarray(0, 4).toString('hex');
}

export const isOfProject = (header: SyncHeader, project: string): boolean =>
  header.project === undefined ? header.projectDigest === projectDigest(project) : header.project === project;

/** The alphabet of the app's ids (newId): 12 of its characters make a number below 34^12 < 2^62, written in 8 bytes. */
const ID_ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';
const ID_FORM = /^[0-9a-km-np-z]{12}$/;

function idToBytes(id: string): Buffer | null {
  if (!ID_FORM.test(id)) return null;
  let value = 0n;
  for (const character of id) value = value * 34n + BigInt(ID_ALPHABET.indexOf(character));
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(value);
  return bytes;
}

function idFromBytes(bytes: Buffer): string {
  let value = bytes.readBigUInt64BE();
  if (value >= 34n ** 12n) throw new Error('identifiant invalide');
  let id = '';
  for (let i = 0; i < 12; i++) {
    id = ID_ALPHABET[Number(value % 34n)] + id;
    value /= 34n;
  }
  return id;
}

/** A key id (keyId): the base64url of 6 bytes, which travel as they are. */
const KEY_ID_BYTES = 6;

/**
 * The header of format 7 (docs/sync.md, « L'en-tête ») — a day's file is for a tenth its
 * header: flags, t (seconds), n, b, c (varints, as in the body), the salt (16 bytes), the
 * project (its id as a text in a full file, otherwise its digest, 4 bytes), the sender (8
 * bytes, or a text with flag 16), the key id (6 bytes), a (a text, with flag 8), then j and q
 * (varints) with flag 2.
 */
function headerToBytes(wire: WireHeader, salt: Buffer): Buffer {
  const sender = idToBytes(wire.s);
  const key = Buffer.from(wire.k, 'base64url');
  if (key.length !== KEY_ID_BYTES || key.toString('base64url') !== wire.k) throw new Error(`identifiant de clé invalide : ${wire.k}`);
  const flags =
    (wire.f ? HeaderFlag.Full : 0) |
    (wire.j ? HeaderFlag.Documents : 0) |
    (wire.u ? HeaderFlag.HeldUpdate : 0) |
    (wire.a !== APP_VERSION_OF_FORMAT[SYNC_FORMAT_VERSION] ? HeaderFlag.MinAppVersion : 0) |
    (sender ? 0 : HeaderFlag.SenderText);
  const out = new ByteWriter();
  out.uint(flags);
  for (const value of [Math.floor(wire.t / 1000), wire.n, wire.b, wire.c]) out.uint(value);
  out.raw(salt);
  if (wire.f) out.text(wire.p!);
  else out.raw(Buffer.from(projectDigest(wire.p!), 'hex'));
  if (sender) out.raw(sender);
  else out.text(wire.s);
  out.raw(key);
  if (flags & HeaderFlag.MinAppVersion) out.text(wire.a);
  if (wire.j) for (const value of [wire.j, wire.q ?? 0]) out.uint(value);
  return Buffer.from(out.done());
}

function headerV7FromBytes(bytes: Buffer): WireHeader {
  try {
    const input = new ByteReader(bytes);
    const flags = input.uint();
    if (flags > 31) throw new Error('drapeaux');
    const [seconds, n, b, c] = [input.uint(), input.uint(), input.uint(), input.uint()];
    if (seconds > MAX_DATE_MS / 1000) throw new Error('date');
    const salt = input.raw(16);
    const project = flags & HeaderFlag.Full ? { p: input.text() } : { pd: input.raw(4).toString('hex') };
    const s = flags & HeaderFlag.SenderText ? input.text() : idFromBytes(input.raw(8));
    const k = input.raw(KEY_ID_BYTES).toString('base64url');
    const a = flags & HeaderFlag.MinAppVersion ? input.text() : APP_VERSION_OF_FORMAT[7];
    const documents = flags & HeaderFlag.Documents ? { j: input.uint(), q: input.uint() } : {};
    if (!input.ended) throw new Error('en trop');
    return {
      f: (flags & HeaderFlag.Full ? 1 : 0) as 0 | 1,
      u: (flags & HeaderFlag.HeldUpdate ? 1 : 0) as 0 | 1,
      t: seconds * 1000,
      n,
      b,
      c,
      z: salt.toString('base64url'),
      ...project,
      s,
      k,
      a,
      ...documents,
    };
  } catch {
    throw damaged('en-tête incohérent');
  }
}

/** The header of formats 5 and 6: flags (1: full, 2: documents, 4: held update, format 6 only), t (milliseconds), n, b, c, the salt, then p, s, k, a as texts, then j and q with flag 2. */
function headerV5FromBytes(bytes: Buffer, format: number): WireHeader {
  try {
    const input = new ByteReader(bytes);
    const flags = input.uint();
    const [t, n, b, c] = [input.uint(), input.uint(), input.uint(), input.uint()];
    const salt = input.raw(16);
    const [p, s, k, a] = [input.text(), input.text(), input.text(), input.text()];
    const documents = flags & 2 ? { j: input.uint(), q: input.uint() } : {};
    if (flags > (format === 5 ? 3 : 7) || !input.ended) throw new Error('en trop');
    return { f: (flags & 1) as 0 | 1, u: (flags & 4 ? 1 : 0) as 0 | 1, t, n, b, c, z: salt.toString('base64url'), p, s, k, a, ...documents };
  } catch {
    throw damaged('en-tête incohérent');
  }
}

/**
 * Format 4's header: flags (1: full, 2: documents follow), t (u48), n, b (u32), c (u16),
 * the salt (16 bytes), then p, s, k, a (each a u8 length and UTF-8), then j and q (u32) if flag 2.
 */
function headerV4FromBytes(bytes: Buffer): WireHeader {
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

/** The latest date a Date holds (ECMAScript: 10^8 days after 1970). */
const MAX_DATE_MS = 8.64e15;

function fromWire(wire: WireHeader, format: number): SyncHeader {
  const project = typeof wire.p === 'string' ? wire.p : undefined;
  const digest = format >= 7 ? wire.pd : undefined;
  if (
    (project === undefined && typeof digest !== 'string') ||
    typeof wire.s !== 'string' ||
    typeof wire.b !== 'number' ||
    typeof wire.k !== 'string' ||
    !(typeof wire.t === 'number' && wire.t >= 0 && wire.t <= MAX_DATE_MS)
  ) {
    throw damaged('en-tête incohérent');
  }
  return {
    format,
    schema: wire.c,
    minAppVersion: wire.a,
    project,
    projectDigest: project === undefined ? digest! : projectDigest(project),
    sender: wire.s,
    createdAt: new Date(wire.t).toISOString(),
    full: wire.f === 1,
    heldUpdate: format >= 6 && wire.u === 1,
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

/** Format 7's header length, a varint after the version: where the header starts and how long it is. */
function varintLength(file: Buffer): { headerLength: number; headerStart: number } {
  const start = SYNC_MAGIC.length + 2;
  const input = new ByteReader(file.subarray(start, start + 3));
  try {
    const headerLength = input.uint();
    return { headerLength, headerStart: start + input.read };
  } catch {
    throw damaged('en-tête tronqué');
  }
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
  const { headerLength, headerStart } =
    format >= 7 ? varintLength(file) : { headerLength: file.readUInt32BE(SYNC_MAGIC.length + 2), headerStart: PREFIX_BYTES };
  const headerEnd = headerStart + headerLength;
  if (headerLength > MAX_HEADER_BYTES || headerEnd + TAG_BYTES > file.length) throw damaged('en-tête tronqué');
  if (format >= 4) {
    const bytes = file.subarray(headerStart, headerEnd);
    const wire = format === 4 ? headerV4FromBytes(bytes) : format <= 6 ? headerV5FromBytes(bytes, format) : headerV7FromBytes(bytes);
    return { header: fromWire(wire, format), headerEnd };
  }
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
  return { header: { ...legacy, heldUpdate: false, projectDigest: projectDigest(legacy.project) }, headerEnd, legacy };
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

/** The file's key: by the id in its header (formats 3 to 7), or the one that passes the key check (formats 1 and 2). */
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
  if (!isOfProject(header, options.project)) {
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
    content = legacy
      ? decodeLegacyBody(plain, legacy)
      : header.format === 3
        ? decodeBodyV3(plain)
        : header.format === 4
          ? decodeBodyV4(plain)
          : decodeBody(plain, header.format, header.sender);
  } catch {
    throw damaged('contenu illisible');
  }
  if (content.runs.reduce((sum, run) => sum + run.changes.length, 0) !== header.count) throw damaged('nombre de mises à jour inattendu');
  return { header, content: { ...content, blobs } };
}
