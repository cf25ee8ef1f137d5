import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';

/** Random bytes drawn a few kilobytes at a time: one call per id costs more than the id (an import makes thousands). */
const pool = { bytes: Buffer.alloc(0), used: 0 };

/** A random id of 12 characters (about 61 bits): short in sync files, unique in practice. */
export function newId(length = 12): string {
  if (pool.used + length > pool.bytes.length) {
    pool.bytes = randomBytes(4096);
    pool.used = 0;
  }
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[pool.bytes[pool.used++] % ALPHABET.length];
  return id;
}
