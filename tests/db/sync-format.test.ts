import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Change } from '../../db/store/changelog';
import { changesOf, type Run } from '../../db/sync/body';
import { decodeSyncFile, encodeSyncFile, readSyncHeader, SYNC_FORMAT_VERSION, SYNC_MAGIC, sealSyncFile } from '../../db/sync/format';
import { derivedKey, forgetProjectKeys, projectKey } from '../../db/sync/keys';
import { SHARED_SCHEMA_VERSION } from '../../db/store/migrations';
import { FIELD_PAIRS } from '../../db/sync/field-pairs';

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

/** Consecutive changes of one origin, as an export groups them (no proof: the format alone is tested here). */
function runsOf(changes: Change[]): Run[] {
  const runs: Run[] = [];
  for (const change of changes) {
    const last = runs[runs.length - 1];
    if (last && last.origin === change.origin && last.from + last.changes.length === change.seq) last.changes.push(change);
    else runs.push({ origin: change.origin, from: change.seq, before: null, signature: null, changes: [change] });
  }
  return runs;
}

/** By origin then seq, as an export reads them: the order a file keeps. */
const byOrigin = (changes: Change[]) => [...changes].sort((a, b) => (a.origin === b.origin ? a.seq - b.seq : a.origin < b.origin ? -1 : 1));

const encode = (changes: Change[], passphrase = PASSPHRASE) =>
  encodeSyncFile({
    project,
    sender: 'k3j9x2m4p8qa',
    schema: 1,
    full: true,
    key: derivedKey(passphrase, project),
    content: { senderHeld: { k3j9x2m4p8qa: 10 }, basedOn: {}, runs: runsOf(changes) },
  });
const decode = (file: Buffer, passphrase = PASSPHRASE) =>
  changesOf(decodeSyncFile(file, { keys: [derivedKey(passphrase, project)], passphrase, project, schema: 1 }).content.runs);

describe("fichier d'échange", () => {
  test('round trip and size of a typical change', () => {
    const changes = byOrigin(typicalChanges(20_000));
    const file = encode(changes);
    expect(decode(file)).toEqual(changes);
    const bytesPerChange = file.length / changes.length;
    console.log(`octets par modification : ${bytesPerChange.toFixed(1)}`);
    expect(bytesPerChange).toBeLessThan(60);
  });

  test('format 7 : vecteurs, suites, horloges, versions remplacées et valeurs de toute sorte retrouvés octet pour octet', () => {
    const changes = byOrigin(typicalChanges(40));
    // Values as the app writes them, and as it never does: each comes back as the same text (the chains hash it).
    const values = [
      'null',
      'true',
      'false',
      '"é « x »\\n"',
      '"\\u00e9"',
      ' "x"',
      '-0',
      '007',
      '-12',
      '9007199254740993',
      '1.5',
      '{"vv":{"a":1}}',
      '""',
      '0',
      '"pas du JSON',
      '',
    ];
    values.forEach((value, i) => (changes[10 + i] = { ...changes[10 + i], value }));
    // A field outside the format's table (one a later schema adds) travels by its name.
    changes[30] = { ...changes[30], entity: 'entite_future', field: 'champ' };
    // A clock of an unusual form (a file written by mistake) travels as text, unchanged.
    changes[5] = { ...changes[5], hlc: '1764150000000-00001' };
    changes[6] = {
      ...changes[6],
      hlc: '0000000000000-0000',
      supersedes: [
        ['seed', 12],
        ['k3j9x2m4p8qa', 90],
      ],
    };
    const content = {
      senderHeld: { k3j9x2m4p8qa: 40, b7t5w1z0c6ve: 39, seed: 185 },
      // Held the same, less, nothing of one origin, and an origin the sender does not hold.
      basedOn: { k3j9x2m4p8qa: 40, b7t5w1z0c6ve: 12, x0x0x0x0x0x0: 7 },
      runs: runsOf(changes).map((run, i) => ({
        ...run,
        before: i === 0 ? 'iAjVd9GbYz1Q0nq8sKp0mX3vZ1E2c4r5T6y7U8i9O0a=' : null,
        signature: i === 1 ? 'c2lnbmF0dXJl' : null,
      })),
    };
    const file = encodeSyncFile({ project, sender: 'k3j9x2m4p8qa', schema: 1, full: false, key: derivedKey(PASSPHRASE, project), content });
    expect(decodeSyncFile(file, { keys: [derivedKey(PASSPHRASE, project)], project, schema: 1 }).content).toEqual({ ...content, blobs: [] });
  });

  test("format 6 et 7 : ce que l'auteur détenait, seulement là où cela a changé depuis son fichier précédent, sans le répéter, lui, parmi les origines", () => {
    const key = derivedKey(PASSPHRASE, project);
    const runs = runsOf(byOrigin(typicalChanges(6)).filter((change) => change.origin === 'b7t5w1z0c6ve'));
    const file = (sender: string, senderHeld: Record<string, number>, heldUpdate: boolean) =>
      encodeSyncFile({ project, sender, schema: 1, full: false, heldUpdate, key, content: { senderHeld, basedOn: {}, runs } });
    const read = (bytes: Buffer) => decodeSyncFile(bytes, { keys: [key], project, schema: 1 });
    // Relaying another poste's work: what it holds of its own origin did not change, and is not said.
    const update = file('k3j9x2m4p8qa', { b7t5w1z0c6ve: 4 }, true);
    expect(read(update).header.heldUpdate).toBe(true);
    expect(read(update).content).toMatchObject({ senderHeld: { b7t5w1z0c6ve: 4 }, runs });
    // Its own changes only, its whole vector: every reader learns all it holds.
    const own = read(file('b7t5w1z0c6ve', { b7t5w1z0c6ve: 9, seed: 185 }, false));
    expect(own.header.heldUpdate).toBe(false);
    expect(own.content).toMatchObject({ senderHeld: { b7t5w1z0c6ve: 9, seed: 185 }, runs });
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
        // A bit of the salt, in the header.
        f[f.indexOf(Buffer.from(readSyncHeader(good).header.salt, 'base64url'))] ^= 1;
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
    const other = encodeSyncFile({
      project: 'autre',
      sender: 'x',
      schema: 1,
      full: true,
      key: derivedKey(PASSPHRASE, 'autre'),
      content: { senderHeld: {}, basedOn: {}, runs: [] },
    });
    expect(() => decode(other)).toThrow(/autre coopération/);
  });

  test("refuse un fichier dont les données viennent d'un schéma plus récent, en nommant la version à installer", () => {
    const newer = encodeSyncFile({
      project,
      sender: 'x',
      schema: SHARED_SCHEMA_VERSION,
      full: true,
      key: derivedKey(PASSPHRASE, project),
      content: { senderHeld: {}, basedOn: {}, runs: [] },
    });
    // As Entente 0.7 would read it: its data are of schema 7; the file needs the later of format 7's version and schema 10's.
    expect(() => decodeSyncFile(newer, { keys: [derivedKey(PASSPHRASE, project)], project, schema: 7 })).toThrow(
      /version plus récente d'Entente \(0\.11\.0 ou plus\)/,
    );
  });

  test('refuse : bombe de décompression, arrêtée à la taille annoncée', () => {
    // Authentic (made with the passphrase) but lying: 256 MiB of zeros announced as 1 KiB.
    const bomb = brotliCompressSync(Buffer.alloc(256 * 1024 * 1024), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = sealSyncFile({ project, sender: 'x', schema: 1, full: true, key: derivedKey(PASSPHRASE, project) }, 1, bomb, 1024);
    const before = process.memoryUsage().rss;
    expect(() => decode(file)).toThrow(/endommagé/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 30_000);
});

describe('formats 1 et 2 toujours lus ; formats 3 et 4 : la clé du projet dérivée une fois, une clé par fichier par HKDF', () => {
  /**
   * A format 1 file, written as docs/sync.md describes it (a key per file: scrypt of the
   * passphrase and the file's salt, N = 2^15), by this independent writer.
   */
  function formatOneFile(changes: Change[], passphrase: string): Buffer {
    const body = Buffer.from(
      JSON.stringify({
        origins: [...new Set(changes.map((change) => change.origin))],
        rows: changes.map((c, _i, all) => {
          const origins = [...new Set(all.map((change) => change.origin))];
          return [origins.indexOf(c.origin), c.seq, c.hlc, c.entity, c.rowId, c.field, c.value, c.supersedes.map(([o, s]) => [origins.indexOf(o), s])];
        }),
      }),
    );
    const compressed = brotliCompressSync(body);
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const header = Buffer.from(
      JSON.stringify({
        format: 1,
        schema: 1,
        minAppVersion: '0.1.0',
        project,
        sender: 'k3j9x2m4p8qa',
        createdAt: '2026-11-20T10:00:00.000Z',
        senderHeld: { k3j9x2m4p8qa: changes.length },
        basedOn: {},
        full: true,
        count: changes.length,
        plainBytes: body.length,
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        keyCheck: createHmac('sha256', key).update('entente-key-check').digest().subarray(0, 8).toString('base64'),
      }),
    );
    const prefix = Buffer.alloc(18);
    SYNC_MAGIC.copy(prefix);
    prefix.writeUInt16BE(1, 12);
    prefix.writeUInt32BE(header.length, 14);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.concat([prefix, header]));
    return Buffer.concat([prefix, header, cipher.update(compressed), cipher.final(), cipher.getAuthTag()]);
  }

  test("un fichier du format 1 reste lisible avec la phrase de passe ; un nouveau fichier est du format 7, d'une clé propre", () => {
    const changes = byOrigin(
      typicalChanges(50).map((change) => ({ ...change, supersedes: change.supersedes.filter(([origin]) => origin !== 'b7t5w1z0c6ve') })),
    );
    expect(decode(formatOneFile(changes, PASSPHRASE))).toEqual(changes);
    expect(() => decode(formatOneFile(changes, 'une autre phrase'))).toThrow(/phrase de passe ne correspond pas/);
    // The app holds the derived keys, not the passphrase: a format 1 file is then explained.
    expect(() => decodeSyncFile(formatOneFile(changes, PASSPHRASE), { keys: [derivedKey(PASSPHRASE, project)], project, schema: 1 })).toThrow(/Entente 0.1/);

    const written = encode(changes);
    expect(written.readUInt16BE(12)).toBe(SYNC_FORMAT_VERSION);
    expect(SYNC_FORMAT_VERSION).toBe(7);
    expect(decode(written)).toEqual(changes);
    // Two files of one project under one passphrase: two salts (two file keys), one key id.
    const again = encode(changes);
    const header = (file: Buffer) => readSyncHeader(file).header;
    expect(header(again).salt).not.toBe(header(written).salt);
    expect(header(again).keyId).toBe(header(written).keyId);
  });

  test("la clé du projet n'est dérivée qu'une fois par processus, propre à chaque projet et phrase de passe", () => {
    forgetProjectKeys();
    const first = projectKey(PASSPHRASE, project);
    expect(projectKey(PASSPHRASE, project)).toBe(first);
    forgetProjectKeys();
    const again = projectKey(PASSPHRASE, project);
    expect(again).not.toBe(first);
    expect(again.equals(first)).toBe(true);
    expect(projectKey(PASSPHRASE, 'autre-projet').equals(first)).toBe(false);
    expect(projectKey(`${PASSPHRASE} `, project).equals(first)).toBe(false);
  });

  test('une version de format nulle est refusée comme un fichier abîmé', () => {
    const file = encode(typicalChanges(3));
    file.writeUInt16BE(0, 12);
    expect(() => decode(file)).toThrow(/endommagé/);
  });
});

const A = 'k3j9x2m4p8qa';
const B = 'b7t5w1z0c6ve';
const sha = createHash('sha256').update('convention signée').digest('hex');
const change = (
  origin: string,
  seq: number,
  hlc: string,
  entity: string,
  rowId: string,
  field: string,
  value: unknown,
  supersedes: [string, number][] = [],
) => ({ origin, seq, hlc, entity, rowId, field, value: JSON.stringify(value), supersedes });
/** What tests/db/fixtures/format-3.entente to format-6.entente carry (written by those formats' writers, before the next replaced them). */
const olderRuns = (lastClock: string): Run[] => [
  { origin: 'seed', from: 185, before: null, signature: null, changes: [change('seed', 185, '0000000000000-0000', 'chantier', 'c9', 'stage', 'lancement')] },
  {
    origin: A,
    from: 117,
    before: 'iAjVd9GbYz1Q0nq8sKp0mX3vZ1E2c4r5T6y7U8i9O0a=',
    signature: 'zvsZX9vN'.repeat(11),
    changes: [
      change(A, 117, '1795697427928-0000', 'action', 'a4-1', 'status', 'en_cours', [[A, 112]]),
      change(A, 118, '1795697427931-0000', 'action', 'a4-1', 'progress', 40),
      change(A, 119, '1795697427931-0001', 'note', 'n7x2', 'text', 'Le comité a validé « la note » — à Blois.\nSuite : délibération.'),
      change(A, 120, '1795697500000-0000', 'action', 'a4-1', 'finalites', ['economies', 'qualite']),
      change(A, 121, '1795697500002-0000', 'step', 's1', 'done', true, [
        [B, 40],
        [A, 99],
      ]),
      change(A, 122, '1795697500003-0000', 'attachment', 'd1', 'sha256', sha),
    ],
  },
  {
    origin: B,
    from: 41,
    before: 'Qm9uam91ciBsZXMgZGV1eCBEw6lwYXJ0ZW1lbnRzICE=',
    signature: null,
    changes: [
      change(B, 41, '1795697600000-0000', 'action', 'a4-1', 'deleted', { vv: { [A]: 121, [B]: 40, seed: 185 } }),
      change(B, 42, lastClock, 'action', 'a5-2', 'end_date', null, [[B, 12]]),
    ],
  },
];

describe('les fichiers des formats 3 à 6, écrits par Entente 0.3 à 0.10, restent lisibles', () => {
  const expected = (lastClock: string) => ({
    senderHeld: { [A]: 122, [B]: 42, seed: 185 },
    basedOn: { [A]: 116, [B]: 40, seed: 184 },
    runs: olderRuns(lastClock),
    blobs: [{ sha256: sha, bytes: Buffer.from('convention signée') }],
  });

  test('format 3 : en-tête, vecteurs, suites, preuves, modifications et document, tels quels', () => {
    const file = readFileSync(join(__dirname, 'fixtures', 'format-3.entente'));
    expect(file.readUInt16BE(12)).toBe(3);
    const { header, content } = decodeSyncFile(file, { keys: [derivedKey(PASSPHRASE, project)], project, schema: 7 });
    expect(header).toMatchObject({ format: 3, sender: A, createdAt: '2026-12-01T21:45:00.000Z', full: false, count: 9, schema: 7 });
    expect(content).toEqual(expected('1795697600001-0000'));
  });

  test("format 4 : de même, et une horloge d'une forme inhabituelle", () => {
    const file = readFileSync(join(__dirname, 'fixtures', 'format-4.entente'));
    expect(file.readUInt16BE(12)).toBe(4);
    const { header, content } = decodeSyncFile(file, { keys: [derivedKey(PASSPHRASE, project)], project, schema: SHARED_SCHEMA_VERSION });
    expect(header).toMatchObject({ format: 4, sender: A, createdAt: '2026-12-04T07:10:00.000Z', full: false, count: 9, schema: 10, minAppVersion: '0.8.0' });
    expect(content).toEqual(expected('hlc-hors-norme'));
  });

  test("format 5 : de même, l'auteur écrit parmi les origines", () => {
    const file = readFileSync(join(__dirname, 'fixtures', 'format-5.entente'));
    expect(file.readUInt16BE(12)).toBe(5);
    const { header, content } = decodeSyncFile(file, { keys: [derivedKey(PASSPHRASE, project)], project, schema: SHARED_SCHEMA_VERSION });
    expect(header).toMatchObject({
      format: 5,
      sender: A,
      createdAt: '2026-12-04T10:30:00.000Z',
      full: false,
      heldUpdate: false,
      count: 9,
      schema: 10,
      minAppVersion: '0.9.0',
    });
    expect(content).toEqual(expected('hlc-hors-norme'));
  });

  test("format 6 : de même, l'en-tête en textes et sa longueur sur 4 octets, chaque modification écrite d'un tenant", () => {
    const file = readFileSync(join(__dirname, 'fixtures', 'format-6.entente'));
    expect(file.readUInt16BE(12)).toBe(6);
    const { header, content } = decodeSyncFile(file, { keys: [derivedKey(PASSPHRASE, project)], project, schema: SHARED_SCHEMA_VERSION });
    expect(header).toMatchObject({
      format: 6,
      project,
      sender: A,
      createdAt: '2026-12-04T18:30:00.000Z',
      full: false,
      heldUpdate: false,
      count: 9,
      schema: 10,
      minAppVersion: '0.10.0',
    });
    expect(content).toEqual(expected('hlc-hors-norme'));
  });
});

describe('format 7, lu comme docs/sync.md le décrit', () => {
  /** Where a format 7 header starts, and its length (a varint of one or two bytes here). */
  const headerAt = (file: Buffer) => (file[14] < 0x80 ? { start: 15, length: file[14] } : { start: 16, length: (file[14] & 0x7f) + file[15] * 0x80 });
  const fileKeyByHand = (salt: Buffer) =>
    Buffer.from(hkdfSync('sha256', projectKey(PASSPHRASE, project), salt, "entente : clé d'un fichier d'échange, format 7", 32));

  /** The plain body of a format 7 file, opened by hand: the file's key by HKDF, AES-256-GCM with a zero nonce, brotli. */
  function openByHand(file: Buffer): Buffer {
    const { start, length } = headerAt(file);
    const headerEnd = start + length;
    const { salt } = readSyncHeader(file).header;
    const key = fileKeyByHand(Buffer.from(salt, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.alloc(12));
    decipher.setAAD(file.subarray(0, headerEnd));
    decipher.setAuthTag(file.subarray(file.length - 16));
    return brotliDecompressSync(Buffer.concat([decipher.update(file.subarray(headerEnd, file.length - 16)), decipher.final()]));
  }

  test("l'auteur, que nomme l'en-tête, est l'origine 0 sans être écrit dans le corps", () => {
    const sender = 'b7t5w1z0c6ve';
    const runs = runsOf(byOrigin(typicalChanges(6)).filter((change) => change.origin === sender));
    const plain = openByHand(
      encodeSyncFile({
        project,
        sender,
        schema: 1,
        full: false,
        key: derivedKey(PASSPHRASE, project),
        content: { senderHeld: { [sender]: 4 }, basedOn: { [sender]: 1 }, runs },
      }),
    );
    // No other origin; held: 1 origin, 4; believed held: origin 0, d = 3 (zigzag 6).
    expect([...plain.subarray(0, 6)]).toEqual([0, 1, 4, 1, 0, 6]);
    expect(plain.includes(Buffer.from(sender))).toBe(false);
  });

  test("l'en-tête, octet par octet : l'auteur en 8 octets, l'empreinte du projet hors d'un fichier complet, l'identifiant de la clé en 6 octets", () => {
    const key = derivedKey(PASSPHRASE, project);
    const file = encodeSyncFile({
      project,
      sender: 'k3j9x2m4p8qa',
      schema: 10,
      full: false,
      key,
      now: new Date('2026-12-04T08:00:00.400Z'),
      content: { senderHeld: {}, basedOn: {}, runs: runsOf(typicalChanges(3).filter((change) => change.origin === 'k3j9x2m4p8qa')) },
    });
    expect(file.subarray(0, 14).toString('latin1')).toBe('ENTENTE-SYNC\x00\x07');
    const { start, length } = headerAt(file);
    const header = file.subarray(start, start + length);
    const { header: read } = readSyncHeader(file);
    const salt = Buffer.from(read.salt, 'base64url');
    // The sender as a number in base 34 over the ids' alphabet (k = 19, 3 = 3, j = 18…).
    const alphabet = '0123456789abcdefghijkmnpqrstuvwxyz';
    const sender = Buffer.alloc(8);
    sender.writeBigUInt64BE([...'k3j9x2m4p8qa'].reduce((n, c) => n * 34n + BigInt(alphabet.indexOf(c)), 0n));
    const digest = createHash('sha256').update('entente : projet\0p-coop-37-41').digest().subarray(0, 4);
    expect(header).toEqual(
      Buffer.concat([
        // Flags 0; t: 1,796,371,200 s; n: 1; b; c: 10.
        Buffer.from([0x00, 0x80, 0xe6, 0xc9, 0xd8, 0x06, 0x01, read.plainBytes, 0x0a]),
        salt,
        digest,
        sender,
        Buffer.from(key.id, 'base64url'),
      ]),
    );
    expect(read).toMatchObject({
      project: undefined,
      projectDigest: digest.toString('hex'),
      sender: 'k3j9x2m4p8qa',
      createdAt: '2026-12-04T08:00:00.000Z',
      minAppVersion: '0.11.0',
    });
  });

  test("un en-tête écrit à la main d'après la documentation : un auteur en texte, une version nécessaire plus récente, un fichier complet", () => {
    const key = derivedKey(PASSPHRASE, project);
    const salt = randomBytes(16);
    const body = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]); // no origin, nothing held or believed, no couple, no row, no run, no clock or proof text
    const compressed = brotliCompressSync(body);
    const text = (value: string) => Buffer.concat([Buffer.from([Buffer.byteLength(value)]), Buffer.from(value)]);
    // Flags 1 + 8 + 16; t 1 s; n 0; b 8; c 11.
    const header = Buffer.concat([
      Buffer.from([25, 1, 0, body.length, 11]),
      salt,
      text(project),
      text('poste-essai'),
      Buffer.from(key.id, 'base64url'),
      text('0.12.0'),
    ]);
    const prefix = Buffer.concat([Buffer.from('ENTENTE-SYNC'), Buffer.from([0, 7, header.length])]);
    const cipher = createCipheriv('aes-256-gcm', fileKeyByHand(salt), Buffer.alloc(12));
    cipher.setAAD(Buffer.concat([prefix, header]));
    const file = Buffer.concat([prefix, header, cipher.update(compressed), cipher.final(), cipher.getAuthTag()]);
    expect(readSyncHeader(file).header).toMatchObject({
      full: true,
      project,
      sender: 'poste-essai',
      schema: 11,
      minAppVersion: '0.12.0',
      createdAt: '1970-01-01T00:00:01.000Z',
    });
    expect(() => decodeSyncFile(file, { keys: [key], project, schema: 10 })).toThrow(/version plus récente d'Entente \(0\.12\.0 ou plus\)/);
    expect(decodeSyncFile(file, { keys: [key], project, schema: 11 }).content).toEqual({ senderHeld: {}, basedOn: {}, runs: [], blobs: [] });
    // Another bit among the flags: incoherent.
    const flags64 = Buffer.from(file);
    flags64[prefix.length] = 25 + 64;
    expect(() => readSyncHeader(flags64)).toThrow(/endommagé/);
    // A date beyond what a date holds (2^50 seconds): damaged, not a crash.
    const farHeader = Buffer.concat([Buffer.from([25, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02]), header.subarray(2)]);
    const far = Buffer.concat([Buffer.from('ENTENTE-SYNC'), Buffer.from([0, 7, farHeader.length]), farHeader, Buffer.alloc(16)]);
    expect(() => readSyncHeader(far)).toThrow(/endommagé/);
  });

  test("la table des noms de champs ne change pas : un fichier se lirait autrement d'une version à l'autre", () => {
    expect(FIELD_PAIRS).toHaveLength(197);
    expect(FIELD_PAIRS[0]).toEqual(['project', 'name']);
    expect(FIELD_PAIRS[23]).toEqual(['action', 'status']);
    expect(createHash('sha256').update(JSON.stringify(FIELD_PAIRS)).digest('hex').slice(0, 16)).toBe('db9c710506b6b431');
  });

  test('un corps abîmé, tronqué ou réécrit octet par octet, est refusé comme un fichier endommagé, jamais par une autre erreur', () => {
    const changes = byOrigin(typicalChanges(12));
    changes[3] = { ...changes[3], entity: 'entite_future', field: 'champ', hlc: 'horloge' };
    const runs = runsOf(changes).map((run) => ({ ...run, before: 'iAjVd9GbYz1Q0nq8sKp0mX3vZ1E2c4r5T6y7U8i9O0a=', signature: 'texte' }));
    const plain = openByHand(
      encodeSyncFile({
        project,
        sender: 'k3j9x2m4p8qa',
        schema: 1,
        full: false,
        key: derivedKey(PASSPHRASE, project),
        content: { senderHeld: { k3j9x2m4p8qa: 12, b7t5w1z0c6ve: 11 }, basedOn: { b7t5w1z0c6ve: 3 }, runs },
      }),
    );
    const reseal = (body: Buffer) =>
      sealSyncFile(
        { project, sender: 'k3j9x2m4p8qa', schema: 1, full: false, key: derivedKey(PASSPHRASE, project) },
        12,
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
        body.length,
      );
    expect(decode(reseal(plain))).toEqual(changes);
    const refusedOrRead = (body: Buffer): boolean => {
      try {
        decode(reseal(body));
        return false;
      } catch (error) {
        expect(String(error)).toMatch(/endommagé/);
        return true;
      }
    };
    // Cut anywhere, or a byte too many: a count, a length or the end gives it away.
    for (let length = 0; length < plain.length; length++) expect(refusedOrRead(plain.subarray(0, length))).toBe(true);
    expect(refusedOrRead(Buffer.concat([plain, Buffer.from([0])]))).toBe(true);
    // A byte rewritten: read as other data (the chain and signature checks then refuse it) or refused, never a crash.
    let refused = 0;
    for (let at = 0; at < plain.length; at++) {
      for (const byte of [0x00, 0xff, plain[at] ^ 1]) {
        const mutated = Buffer.from(plain);
        mutated[at] = byte;
        if (refusedOrRead(mutated)) refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
