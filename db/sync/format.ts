// The sync file ("fichier d'échange"), format 2. Layout (docs/sync.md):
//
//   "ENTENTE-SYNC" (12 bytes) | format version (u16 BE) | header length (u32 BE) |
//   header (UTF-8 JSON, readable without the key, authenticated) |
//   body: AES-256-GCM ciphertext of the brotli-compressed change list | GCM tag (16 bytes)
//
// The project key is derived once from the passphrase (scrypt, N = 2^17), each file's key
// from it and the file's own salt (HKDF): a shared-folder round derives nothing expensive
// per file. Format 1 files (a scrypt per file) are still read.
// The header says what the file holds and for whom, so a file of another project or of
// a newer format is refused before any decryption, and the decompressed size is known
// (and bounded) before anything is inflated.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import type { Change, VersionRef } from '../store/changelog';
import { refusal } from '../errors';

export const SYNC_MAGIC = Buffer.from('ENTENTE-SYNC', 'ascii');
export const SYNC_FORMAT_VERSION = 2;
/** The app version that reads each format version: named when a newer file is refused. */
const APP_VERSION_OF_FORMAT: Record<number, string> = { 1: '0.1.0', 2: '0.2.0' };
const PREFIX_BYTES = SYNC_MAGIC.length + 2 + 4;
const TAG_BYTES = 16;
export const MAX_HEADER_BYTES = 1 << 20;
/** Largest decompressed body accepted: far above 100,000 changes, far below a bomb. */
export const MAX_PLAIN_BYTES = 1 << 30;
/** Format 1: a key per file, scrypt of the passphrase and the file's salt. */
const FILE_SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** Format 2: the project key, scrypt of the passphrase once per project (128 MiB of memory). */
const PROJECT_SCRYPT = { N: 1 << 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const FILE_KEY_INFO = "entente : clé d'un fichier d'échange, format 2";

export interface SyncHeader {
  format: number;
  schema: number;
  /** The app version this file needs at least. */
  minAppVersion: string;
  project: string;
  sender: string;
  createdAt: string;
  /** What the sender held (its version vector) when it wrote the file. */
  senderHeld: Record<string, number>;
  /** What the sender believed the receiver held; empty for a full export. */
  basedOn: Record<string, number>;
  full: boolean;
  count: number;
  plainBytes: number;
  salt: string;
  iv: string;
  /** Tells a wrong passphrase from a damaged file: a MAC of a fixed text under the key. */
  keyCheck: string;
}

/** Project keys derived in this process, by project and passphrase (memory only, a few at most). */
const projectKeys = new Map<string, Buffer>();

/** Forgets the project keys derived so far (a new passphrase; a measure of a cold start). */
export function forgetProjectKeys(): void {
  projectKeys.clear();
}

/** The project key: scrypt of the passphrase, salted by the project's id; derived once per process. */
export function projectKey(passphrase: string, project: string): Buffer {
  const id = createHash('sha256').update(project).update('\0').update(passphrase.normalize('NFC')).digest('hex');
  let key = projectKeys.get(id);
  if (!key) {
    const salt = createHash('sha256').update(`entente-projet:${project}`).digest();
    key = scryptSync(passphrase.normalize('NFC'), salt, 32, PROJECT_SCRYPT);
    if (projectKeys.size >= 8) projectKeys.delete(projectKeys.keys().next().value!);
    projectKeys.set(id, key);
  }
  return key;
}

/** A file's key: from the project key and the file's salt (format 2), or scrypt per file (format 1). */
function fileKey(passphrase: string, project: string, salt: Buffer, format = SYNC_FORMAT_VERSION): Buffer {
  if (format === 1) return scryptSync(passphrase.normalize('NFC'), salt, 32, FILE_SCRYPT);
  return Buffer.from(hkdfSync('sha256', projectKey(passphrase, project), salt, FILE_KEY_INFO, 32));
}

function keyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('entente-key-check').digest().subarray(0, 8);
}

/** Changes as rows of a table whose origins are numbered once: small after compression. */
function encodeBody(changes: Change[]): Buffer {
  const origins: string[] = [];
  const index = new Map<string, number>();
  const originIndex = (origin: string) => {
    let i = index.get(origin);
    if (i === undefined) index.set(origin, (i = origins.push(origin) - 1));
    return i;
  };
  const rows = changes.map((c) => [
    originIndex(c.origin),
    c.seq,
    c.hlc,
    c.entity,
    c.rowId,
    c.field,
    c.value,
    c.supersedes.map(([origin, seq]) => [originIndex(origin), seq]),
  ]);
  return Buffer.from(JSON.stringify({ origins, rows }), 'utf8');
}

function decodeBody(plain: Buffer): Change[] {
  const { origins, rows } = JSON.parse(plain.toString('utf8')) as {
    origins: string[];
    rows: [number, number, string, string, string, string, string, [number, number][]][];
  };
  return rows.map(([o, seq, hlc, entity, rowId, field, value, supersedes]) => ({
    origin: origins[o],
    seq,
    hlc,
    entity,
    rowId,
    field,
    value,
    // Most changes replace nothing: their parsed empty array is kept rather than copied.
    supersedes:
      Array.isArray(supersedes) && supersedes.length === 0
        ? (supersedes as unknown as VersionRef[])
        : supersedes.map(([so, sseq]): VersionRef => [origins[so], sseq]),
  }));
}

export interface EncodeInput {
  project: string;
  sender: string;
  schema: number;
  senderHeld: Record<string, number>;
  basedOn: Record<string, number>;
  full: boolean;
  changes: Change[];
  passphrase: string;
  now?: Date;
}

/**
 * Brotli's effort by body size: the best for the small files of everyday syncs (a few
 * milliseconds, ~10 % smaller), less for the large ones of a full export (3 times faster
 * than quality 9 for 4 % more bytes).
 */
function quality(plainBytes: number): number {
  if (plainBytes <= 64 * 1024) return 11;
  if (plainBytes <= 2 * 1024 * 1024) return 9;
  return 6;
}

export function encodeSyncFile(input: EncodeInput): Buffer {
  const plain = encodeBody(input.changes);
  const compressed = brotliCompressSync(plain, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: quality(plain.length), [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
  });
  return sealSyncFile(input, compressed, plain.length);
}

/** Encrypts a compressed body under a header that announces its decompressed size. */
export function sealSyncFile(input: Omit<EncodeInput, 'changes'> & { count?: number; changes?: Change[] }, compressed: Buffer, plainBytes: number): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = fileKey(input.passphrase, input.project, salt);
  const header: SyncHeader = {
    format: SYNC_FORMAT_VERSION,
    schema: input.schema,
    minAppVersion: APP_VERSION_OF_FORMAT[SYNC_FORMAT_VERSION],
    project: input.project,
    sender: input.sender,
    createdAt: (input.now ?? new Date()).toISOString(),
    senderHeld: input.senderHeld,
    basedOn: input.basedOn,
    full: input.full,
    count: input.changes?.length ?? input.count ?? 0,
    plainBytes,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    keyCheck: keyCheck(key).toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  SYNC_MAGIC.copy(prefix);
  prefix.writeUInt16BE(SYNC_FORMAT_VERSION, SYNC_MAGIC.length);
  prefix.writeUInt32BE(headerBytes.length, SYNC_MAGIC.length + 2);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.concat([prefix, headerBytes]));
  const body = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([prefix, headerBytes, body, cipher.getAuthTag()]);
}

const damaged = (detail: string) => refusal('damaged-file', detail);

/** Reads the header only: who sent the file, for which project, in which format. */
export function readSyncHeader(file: Buffer): { header: SyncHeader; headerEnd: number } {
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
  let header: SyncHeader;
  try {
    header = JSON.parse(file.subarray(PREFIX_BYTES, headerEnd).toString('utf8')) as SyncHeader;
  } catch {
    throw damaged('en-tête illisible');
  }
  if (header.format !== format || typeof header.project !== 'string' || typeof header.plainBytes !== 'number') throw damaged('en-tête incohérent');
  return { header, headerEnd };
}

export interface DecodeOptions {
  passphrase: string;
  project: string;
  schema: number;
}

export function decodeSyncFile(file: Buffer, options: DecodeOptions): { header: SyncHeader; changes: Change[] } {
  const { header, headerEnd } = readSyncHeader(file);
  if (header.project !== options.project) {
    throw refusal('other-project', header.project);
  }
  if (header.schema > options.schema) {
    throw refusal('newer-schema', header.minAppVersion);
  }
  if (!(header.plainBytes >= 0 && header.plainBytes <= MAX_PLAIN_BYTES)) throw damaged('taille annoncée hors limites');
  const key = fileKey(options.passphrase, header.project, Buffer.from(String(header.salt), 'base64'), header.format);
  const expectedCheck = Buffer.from(String(header.keyCheck), 'base64');
  if (expectedCheck.length !== 8 || !timingSafeEqual(keyCheck(key), expectedCheck)) {
    throw refusal('wrong-passphrase');
  }
  let compressed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(String(header.iv), 'base64'));
    decipher.setAAD(file.subarray(0, headerEnd));
    decipher.setAuthTag(file.subarray(file.length - TAG_BYTES));
    compressed = Buffer.concat([decipher.update(file.subarray(headerEnd, file.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw damaged("contrôle d'authenticité en échec : fichier modifié ou tronqué");
  }
  let plain: Buffer;
  try {
    // Bounded by the authenticated size: a bomb stops at plainBytes + 1 byte.
    plain = brotliDecompressSync(compressed, { maxOutputLength: header.plainBytes + 1 });
  } catch {
    throw damaged('contenu compressé invalide');
  }
  if (plain.length !== header.plainBytes) throw damaged('taille du contenu inattendue');
  let changes: Change[];
  try {
    changes = decodeBody(plain);
  } catch {
    throw damaged('contenu illisible');
  }
  if (changes.length !== header.count) throw damaged('nombre de modifications inattendu');
  return { header, changes };
}
