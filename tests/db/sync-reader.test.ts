// docs/sync.md must describe the sync file precisely enough to write a reader. This one,
// tests/db/sync_reader.py, was written in Python from that document alone, without the
// app's code: it reads the files the app writes (header, key, decryption, body, chains,
// signatures, documents, a shared folder's document files) and must find what the app's
// own decoder finds.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createAction, updateAction, addNote } from '../../db/actions/writes';
import { attach } from '../../db/attachments/store';
import type { Change } from '../../db/store/changelog';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { decodeSyncFile, encodeSyncFile } from '../../db/sync/format';
import { syncFolder } from '../../db/sync/folder';
import { joinProject } from '../../db/sync/invitation';
import { derivedKey } from '../../db/sync/keys';
import { keyringOf } from '../../db/sync/passphrase';
import { SHARED_SCHEMA_VERSION } from '../../db/store/migrations';
import { newReplica, tempDir, track } from './helpers';
import { PYTHON } from './python-email';

const READER = join(__dirname, 'sync_reader.py');
const PASSPHRASE = 'coopération 37-41 printemps';
const project = 'p-coop-37-41';

/** A change as the reader prints it: the log's column names, and the chain it computed. */
type ReadChange = Omit<Change, 'rowId' | 'chain'> & { row_id: string; chain: string | null };
interface ReadFile {
  header: { format: number; full: boolean; held_update: boolean; count: number; sender: string; project: string; created_at: string; schema: number };
  sender_held: Record<string, number>;
  based_on: Record<string, number>;
  runs: { origin: string; from: number; before: string | null; signature: string | null; changes: ReadChange[]; signature_valid: boolean | null }[];
  documents: { sha256: string; length: number; sha256_ok: boolean }[];
}

const INSTALL =
  'Installez cryptography et brotli pour le python3 de Debian : apt-get install -y python3-cryptography python3-brotli (.ci/run le fait). ' +
  "Install Debian's python3-cryptography and python3-brotli.";

/** The Python reader on a file, given every poste's public key as `store` knows them. */
function readWithPython(file: string, store: Store, passphrase = PASSPHRASE): ReadFile {
  if (spawnSync(PYTHON, ['-c', 'import cryptography, brotli']).status !== 0) throw new Error(INSTALL);
  const keys = join(tempDir(), 'keys.json');
  const rows = store.db.prepare('SELECT id, public_key FROM replica WHERE public_key IS NOT NULL').all() as { id: string; public_key: string }[];
  writeFileSync(keys, JSON.stringify(Object.fromEntries(rows.map((row) => [row.id, row.public_key]))));
  const output = execFileSync(PYTHON, [READER, file, '--passphrase', passphrase, '--project', project, '--keys', keys], { encoding: 'utf8' });
  return JSON.parse(output) as ReadFile;
}

/** What the app's own decoder reads in the same file, in the reader's terms. */
function readWithApp(bytes: Buffer) {
  const { header, content } = decodeSyncFile(bytes, { keys: [derivedKey(PASSPHRASE, project)], project, schema: SHARED_SCHEMA_VERSION });
  return {
    header: {
      format: header.format,
      full: header.full,
      held_update: header.heldUpdate,
      count: header.count,
      sender: header.sender,
      // A format 7 file that is not full names its project by its digest only.
      project: header.project ?? null,
      project_digest: header.projectDigest,
      created_at: header.createdAt,
    },
    sender_held: content.senderHeld,
    based_on: content.basedOn,
    runs: content.runs.map((run) => ({
      origin: run.origin,
      from: run.from,
      before: run.before,
      signature: run.signature,
      changes: run.changes.map((c) => ({
        origin: c.origin,
        seq: c.seq,
        hlc: c.hlc,
        entity: c.entity,
        row_id: c.rowId,
        field: c.field,
        value: c.value,
        supersedes: c.supersedes,
      })),
    })),
    documents: (content.blobs ?? []).map((blob) => ({ sha256: blob.sha256, length: blob.bytes.length })),
  };
}

/** Writes a file the app exported, and checks the Python reader against the app and against the writer's log. */
function checkFile(name: string, bytes: Buffer, writer: Store): ReadFile {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  const read = readWithPython(file, writer);
  const app = readWithApp(bytes);
  expect(read.header).toMatchObject(app.header);
  expect(read.sender_held).toEqual(app.sender_held);
  expect(read.based_on).toEqual(app.based_on);
  expect(
    read.runs.map(({ origin, from, before, signature, changes }) => ({ origin, from, before, signature, changes: changes.map(({ chain: _, ...c }) => c) })),
  ).toEqual(app.runs);
  expect(read.documents.map(({ sha256, length }) => ({ sha256, length }))).toEqual(app.documents);
  expect(read.documents.every((document) => document.sha256_ok)).toBe(true);
  // The chains the reader computed are the writer's, change after change; each signed run's signature holds.
  for (const run of read.runs) {
    if (run.origin === 'seed') continue;
    for (const change of run.changes) expect(change.chain, `${run.origin} ${change.seq}`).toBe(writer.chainAt(change.origin, change.seq));
    expect(run.signature_valid, `${run.origin} ${run.from}`).toBe(run.signature === null ? null : true);
  }
  return read;
}

/** A fixture written by an older Entente: the Python reader must find what the app's decoder finds. */
function checkOlderFormat(name: string, format: number): void {
  const file = join(__dirname, 'fixtures', name);
  const read = readWithPython(file, newReplica());
  const app = readWithApp(readFileSync(file));
  expect(read.header).toMatchObject({ ...app.header, format });
  expect(read.sender_held).toEqual(app.sender_held);
  expect(read.based_on).toEqual(app.based_on);
  expect(
    read.runs.map(({ origin, from, before, signature, changes }) => ({ origin, from, before, signature, changes: changes.map(({ chain: _, ...c }) => c) })),
  ).toEqual(app.runs);
  expect(read.documents).toEqual(app.documents.map((document) => ({ ...document, sha256_ok: true })));
}

describe("un lecteur indépendant, écrit d'après docs/sync.md seul", () => {
  // Seven Python runs, each deriving the project key with scrypt: several seconds on a loaded machine.
  test("lit l'invitation, un fichier incrémental, un fichier qui relaie, un document d'un dossier partagé, et refuse une autre phrase de passe", () => {
    const claire = newReplica('Claire Martin', '37');
    keyringOf(claire, PASSPHRASE);
    const id = createAction(claire, { chantier_id: 'c4', title: 'Formation « gestion de projet » — été 🎓' });
    addNote(claire, id, { text: 'Première réunion : « cahier des charges » validé.\nÀ suivre.' });
    attach(claire, id, 'convention.txt', Buffer.from('convention signée'));
    const invitation = exportFile(claire, { secret: PASSPHRASE }).bytes;
    const invited = checkFile('invitation.entente', invitation, claire);
    expect(invited.header.full).toBe(true);
    expect(invited.documents).toHaveLength(1);
    expect(invited.runs.filter((run) => run.signature_valid === true).length).toBeGreaterThan(0);

    const marc = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(marc, invitation, PASSPHRASE, { name: 'Marc Petit', function: 'Chargé de mission', partner: '41' });
    // The same field on both laptops, before they meet: Marc's version supersedes one of Claire's.
    updateAction(marc, id, { progress: 55 });
    updateAction(claire, id, { progress: 60 });
    const fromMarc = exportFile(marc, { secret: PASSPHRASE, forReplica: claire.replicaId }).bytes;
    const incremental = checkFile('marc-vers-claire.entente', fromMarc, marc);
    expect(incremental.header.full).toBe(false);
    importFile(claire, fromMarc, PASSPHRASE);
    // Claire's answer starts after what Marc holds of her: its run carries the chain before it.
    updateAction(claire, id, { status: 'bloque' });
    const answer = checkFile('claire-vers-marc.entente', exportFile(claire, { secret: PASSPHRASE, forReplica: marc.replicaId }).bytes, claire);
    expect(answer.runs.some((run) => run.origin === claire.replicaId && run.from > 1 && run.before !== null && run.signature_valid)).toBe(true);

    // Claire passes Marc's work on: his runs keep his signature, checked against his key.
    const sophie = track(Store.open(join(tempDir(), 'entente.sqlite')));
    const relayed = exportFile(claire, { secret: PASSPHRASE }).bytes;
    const relay = checkFile('relais.entente', relayed, claire);
    expect(relay.runs.some((run) => run.origin === marc.replicaId && run.signature_valid === true)).toBe(true);
    joinProject(sophie, relayed, PASSPHRASE, { name: 'Sophie Bernard', function: 'Directrice', partner: '37' });

    // A shared folder keeps the document apart, in a file of its own, named by its SHA-256.
    const folder = tempDir();
    syncFolder(claire, folder, PASSPHRASE);
    const documents = join(folder, `entente-${project}`, claire.replicaId as string, 'documents');
    const [name] = readdirSync(documents);
    const document = JSON.parse(
      execFileSync(PYTHON, [READER, join(documents, name), '--passphrase', PASSPHRASE, '--project', project], { encoding: 'utf8' }),
    ) as { kind: string; sha256: string; name_matches: boolean; base64: string };
    expect(document).toMatchObject({ kind: 'document', sha256: name.slice(0, 64), name_matches: true });
    expect(Buffer.from(document.base64, 'base64').toString()).toBe('convention signée');
    // Claire's next file in the folder says only what changed of what she holds: her own origin.
    updateAction(claire, id, { progress: 80 });
    syncFolder(claire, folder, PASSPHRASE);
    const next = readFileSync(join(folder, `entente-${project}`, claire.replicaId as string, '00000002.entente'));
    const update = checkFile('dossier-2.entente', next, claire);
    expect(update.header.held_update).toBe(true);
    expect(update.sender_held).toEqual({ [claire.replicaId as string]: claire.log.versionVector()[claire.replicaId as string] });

    const file = join(tempDir(), 'autre.entente');
    writeFileSync(file, relayed);
    const refused = spawnSync(PYTHON, [READER, file, '--passphrase', 'une tout autre phrase', '--project', project], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).not.toBe('');
  }, 60_000);

  test("lit ce que l'application n'écrit que rarement : horloges et preuves en texte, champ hors de la table, valeurs de toute sorte", () => {
    const origin = 'k3j9x2m4p8qa';
    const values = ['null', 'true', '"é « x »\\n"', '"\\u00e9"', '-0', '-12', '1.5', '{"vv":{"a":1}}'];
    const changes: Change[] = values.map((value, i) => ({
      origin,
      seq: 40 + i,
      hlc: i === 2 ? 'horloge-hors-norme' : `${1795697427928 - i * 1000}-000${i}`,
      entity: i === 5 ? 'entite_future' : 'action',
      rowId: `a${i % 3}`,
      field: i === 5 ? 'champ' : 'progress',
      value,
      supersedes:
        i > 0
          ? [
              [origin, 40 + i - 1],
              ['seed', 185],
            ]
          : [],
    }));
    const bytes = encodeSyncFile({
      project,
      sender: origin,
      schema: SHARED_SCHEMA_VERSION,
      full: false,
      key: derivedKey(PASSPHRASE, project),
      content: {
        senderHeld: { [origin]: 47, seed: 185 },
        basedOn: { [origin]: 39, seed: 185 },
        runs: [{ origin, from: 40, before: 'un texte', signature: 'un autre', changes }],
      },
    });
    const file = join(tempDir(), 'rare.entente');
    writeFileSync(file, bytes);
    const read = readWithPython(file, newReplica());
    const app = readWithApp(bytes);
    expect(read.header).toMatchObject(app.header);
    expect(read.sender_held).toEqual(app.sender_held);
    expect(read.based_on).toEqual(app.based_on);
    expect(
      read.runs.map(({ origin, from, before, signature, changes }) => ({ origin, from, before, signature, changes: changes.map(({ chain: _, ...c }) => c) })),
    ).toEqual(app.runs);
  });

  test("lit le format 3, encore lu, comme l'application", () => checkOlderFormat('format-3.entente', 3));

  // Written by Entente 0.8: fixed-size header, JSON body.
  test("lit le format 4, encore lu, comme l'application", () => checkOlderFormat('format-4.entente', 4));

  // Written by Entente 0.9: the sender among the origins, its whole vector in every file.
  test("lit le format 5, encore lu, comme l'application", () => checkOlderFormat('format-5.entente', 5));

  // Written by Entente 0.10: the header's length on 4 bytes, its ids as texts, each change's superseded versions and value together.
  test("lit le format 6, encore lu, comme l'application", () => checkOlderFormat('format-6.entente', 6));
});
