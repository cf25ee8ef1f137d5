import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Change } from '../../db/store/changelog';
import { decodeSyncFile, encodeSyncFile, SYNC_MAGIC, sealSyncFile } from '../../db/sync/format';

const PASSPHRASE = 'coopération 37-41 printemps';
const project = 'p-coop-37-41';

function typicalChanges(count: number): Change[] {
  const statuses = ['a_venir', 'en_cours', 'realise', 'bloque'];
  return Array.from({ length: count }, (_, i) => ({
    origin: i % 3 === 0 ? 'k3j9x2m4p8qa' : 'b7t5w1z0c6ve',
    seq: i + 1,
    hlc: `${(1764150000000 + i * 1375).toString().padStart(13, '0')}-0000`,
    entity: 'action',
    rowId: `a${(i * 7919) % 5000}x9k2m4p8`,
    field: ['status', 'progress', 'end_date'][i % 3],
    value: JSON.stringify([statuses[i % 4], (i * 5) % 100, '2027-03-31'][i % 3]),
    supersedes: i > 3 ? [['b7t5w1z0c6ve', i - 3]] : [],
  }));
}

const encode = (changes: Change[], passphrase = PASSPHRASE) =>
  encodeSyncFile({ project, sender: 'k3j9x2m4p8qa', schema: 1, senderHeld: { k3j9x2m4p8qa: 10 }, basedOn: {}, full: true, changes, passphrase });
const decode = (file: Buffer, passphrase = PASSPHRASE) => decodeSyncFile(file, { passphrase, project, schema: 1 });

describe("fichier d'échange", () => {
  test('round trip and size of a typical change', () => {
    const changes = typicalChanges(20_000);
    const file = encode(changes);
    expect(decode(file).changes).toEqual(changes);
    const bytesPerChange = file.length / changes.length;
    console.log(`octets par modification : ${bytesPerChange.toFixed(1)}`);
    expect(bytesPerChange).toBeLessThan(60);
  });

  const good = encode(typicalChanges(200));
  const refusals: [string, () => Buffer, RegExp, string?][] = [
    ['vide', () => Buffer.alloc(0), /endommagé/],
    ['octets aléatoires', () => randomBytes(5000), /n'est pas un fichier d'échange/],
    ['tronqué', () => good.subarray(0, good.length - 40), /endommagé/],
    [
      'un bit inversé dans le contenu',
      () => {
        const f = Buffer.from(good);
        f[f.length - 100] ^= 1;
        return f;
      },
      /endommagé/,
    ],
    [
      "un bit inversé dans l'en-tête",
      () => {
        const f = Buffer.from(good);
        const i = f.indexOf('senderHeld');
        f[i + 20] ^= 1;
        return f;
      },
      /endommagé|phrase de passe/,
    ],
    ['mauvaise phrase de passe', () => good, /phrase de passe ne correspond pas/, 'autre phrase'],
    [
      'format plus récent',
      () => {
        const f = Buffer.from(good);
        f.writeUInt16BE(9, SYNC_MAGIC.length);
        return f;
      },
      /version plus récente/,
    ],
  ];
  for (const [name, make, message, passphrase] of refusals) {
    test(`refuse : ${name}`, () => expect(() => decode(make(), passphrase)).toThrow(message));
  }

  test('refuse : autre projet', () => {
    const other = encodeSyncFile({ project: 'autre', sender: 'x', schema: 1, senderHeld: {}, basedOn: {}, full: true, changes: [], passphrase: PASSPHRASE });
    expect(() => decode(other)).toThrow(/autre projet/);
  });

  test('refuse : bombe de décompression, arrêtée à la taille annoncée', () => {
    // Authentic (made with the passphrase) but lying: 256 MiB of zeros announced as 1 KiB.
    const bomb = brotliCompressSync(Buffer.alloc(256 * 1024 * 1024), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = sealSyncFile({ project, sender: 'x', schema: 1, senderHeld: {}, basedOn: {}, full: true, count: 1, passphrase: PASSPHRASE }, bomb, 1024);
    const before = process.memoryUsage().rss;
    expect(() => decode(file)).toThrow(/endommagé/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 30_000);
});
