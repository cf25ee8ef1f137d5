// Each partner's logo, printed at the top of its documents. It is an attachment owned by the
// partner (db/attachments): its row syncs through the change log, its bytes travel once per
// SHA-256 in exchange files and the shared folder, like any document.
import { ValidationError } from '../errors';
import { blobOf, insertAttachment } from '../attachments/store';
import { deleteRow } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { requirePartner } from './rules';
import type { LogoType, PartnerLogo } from './types';

/** A logo is printed small: beyond this size the file is a photograph, not a logo. */
export const MAX_LOGO_BYTES = 1024 * 1024;

/** What the bytes are, from their first bytes rather than the file's name. */
function logoType(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/** Width and height of a PNG (its IHDR) or a JPEG (its first SOF marker). */
function pixelSize(type: LogoType, bytes: Buffer): { width: number; height: number } | null {
  if (type === 'image/png') return bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
  if (type === 'image/jpeg') {
    let offset = 2;
    while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
      const marker = bytes[offset + 1];
      const length = bytes.readUInt16BE(offset + 2);
      // SOF0…SOF15, but DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
}

export const logoTooLarge = (name: string) => new ValidationError(`Le logo « ${name} » dépasse 1 Mo : choisissez une image plus légère.`, 'logo');

/** Checks a chosen file: a PNG, JPEG or SVG image, of 1 Mo at most; the refusal says so in French. */
export function checkLogo(name: string, bytes: Buffer): LogoType {
  if (bytes.length === 0) throw new ValidationError(`Le fichier « ${name} » est vide.`, 'logo');
  if (bytes.length > MAX_LOGO_BYTES) throw logoTooLarge(name);
  const type = logoType(bytes);
  if (!type) throw new ValidationError(`« ${name} » n'est pas une image PNG, JPEG ou SVG : choisissez le logo dans l'un de ces formats.`, 'logo');
  return type;
}

/** Sets a partner's logo, replacing the former one. */
export function setPartnerLogo(store: Store, partnerId: string, name: string, bytes: Buffer): string {
  requirePartner(store, partnerId);
  checkLogo(name, bytes);
  return store.transaction(() => {
    removePartnerLogo(store, partnerId);
    return insertAttachment(store, partnerId, name, bytes);
  });
}

export function removePartnerLogo(store: Store, partnerId: string): void {
  const ids = cached(store, 'SELECT id FROM attachment WHERE owner_id = ? AND deleted = 0').pluck().all(partnerId) as string[];
  for (const id of ids) deleteRow(store, 'attachment', id);
}

/**
 * Every partner's logo whose bytes are on this laptop. In the partners' order. Two
 * ordinateurs may each have set one before they synced: the latest added wins (same day: by id,
 * so every laptop prints the same).
 */
export function partnerLogos(store: Store): Map<string, PartnerLogo> {
  const rows = cached(
    store,
    `SELECT a.id, a.owner_id, a.name, a.sha256 FROM attachment a JOIN partner p ON p.id = a.owner_id
     WHERE a.deleted = 0 AND p.deleted = 0 ORDER BY p.position, p.id, a.added_on, a.id`,
  ).all() as { id: string; owner_id: string; name: string; sha256: string }[];
  const logos = new Map<string, PartnerLogo>();
  for (const row of rows) {
    const bytes = blobOf(store, row.sha256);
    const type = bytes && logoType(bytes);
    if (!bytes || !type) continue;
    const size = pixelSize(type, bytes);
    logos.set(row.owner_id, {
      partner_id: row.owner_id,
      id: row.id,
      name: row.name,
      type,
      data_url: `data:${type};base64,${bytes.toString('base64')}`,
      width: size?.width ?? null,
      height: size?.height ?? null,
    });
  }
  return logos;
}
