import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { backupNow, setAsideDatabase } from '../../db/project/backup';
import { check } from '../../db/project/check';
import { dump } from '../../db/project/dump';
import { databaseFile } from '../../db/paths';
import { CHAIN_KEPT_EVERY, chainStart, nextChain } from '../../db/store/chain';
import type { Change } from '../../db/store/changelog';
import { migrate, SHARED_SCHEMA_VERSION } from '../../db/store/migrations';
import { getRow } from '../../db/store/rows';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import type { Run } from '../../db/sync/body';
import { decodeSyncFile, encodeSyncFile } from '../../db/sync/format';
import { syncFolder } from '../../db/sync/folder';
import { derivedKey, hasKeyFile, keyFilePath, unlockWithPassphrase } from '../../db/sync/keys';
import { changePassphrase, keyringOf, upgradeLegacyPassphrase } from '../../db/sync/passphrase';
import { adoptPassphrase, announcerOfPassphrase, dismissPassphraseNotes, passphraseSeenElsewhere } from '../../db/sync/passphrase-elsewhere';
import { folderRound, importExchangeFile } from '../../db/sync/operations';
import { listJournal } from '../../db/sync/journal';
import { authorshipOf, signHead } from '../../db/sync/proof';
import { confirmKey } from '../../db/sync/confirmations';
import { revokedBy, revokeReplica } from '../../db/sync/revocation';
import { heldByPartner, listReplicaStatus } from '../../db/sync/status';
import { initReplica } from '../../db/project/setup';
import { createInvitation, joinProject } from '../../db/sync/invitation';
import { nameThisComputer } from '../../db/sync/labels';
import { newReplica, tempDir, track } from './helpers';

const PASSPHRASE = 'jardin-lampe-rocher-cabane';
const send = (from: Store, to: Store, secret = PASSPHRASE) => importFile(to, exportFile(from, { secret, forReplica: to.replicaId }).bytes, secret);
const project = 'p-coop-37-41';

/** The content of a file `from` writes for `to`, decoded: to be altered by a forger. */
function contentFor(from: Store, to: Store) {
  const { bytes } = exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId });
  return decodeSyncFile(bytes, { keys: [derivedKey(PASSPHRASE, project)], project, schema: SHARED_SCHEMA_VERSION }).content;
}

/** A file sealed with the project's passphrase, holding `runs` as a forger writes them. */
function forgedFile(sender: string, runs: Run[], senderHeld: Record<string, number> = {}): Buffer {
  return encodeSyncFile({
    project,
    sender,
    schema: SHARED_SCHEMA_VERSION,
    full: false,
    key: derivedKey(PASSPHRASE, project),
    content: { senderHeld, basedOn: {}, runs },
  });
}

/** A change of a4-1 as a forger writes it. */
const forgedChange = (origin: string, seq: number, field = 'status', value = '"abandonne"'): Change => ({
  origin,
  seq,
  hlc: '1796000000000-0000',
  entity: 'action',
  rowId: 'a4-1',
  field,
  value,
  supersedes: [],
});

/** Claire's data folder copied with its keys (two postes under one id, both signing), and Nadia, who has received Claire's work. */
function copiedPoste() {
  const dir = tempDir();
  const claire = newReplica('Claire Martin', '37', dir);
  keyringOf(claire, PASSPHRASE);
  claire.db.pragma('wal_checkpoint(TRUNCATE)');
  const copyDir = tempDir();
  for (const name of ['entente.sqlite', 'entente.keys']) copyFileSync(join(dir, name), join(copyDir, name));
  const copy = track(Store.open(join(copyDir, 'entente.sqlite')));
  const nadia = newReplica('Nadia Benali', '41');
  send(claire, nadia);
  return { claire, copy, nadia };
}

describe("preuve d'auteur : une chaîne par poste, une signature par suite de modifications", () => {
  test("un fichier qui se dit d'un autre poste (bonne phrase de passe, sa propre clé) est refusé ; un fichier relayé est accepté", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    send(claire, nadia);
    send(nadia, claire);

    // Marc knows the passphrase and has his own key; he writes « Claire's » next change.
    const marcKeys = keyringOf(marc, PASSPHRASE);
    send(claire, marc);
    const top = marc.log.versionVector()[claire.replicaId!];
    const forged = forgedChange(claire.replicaId!, top + 1);
    const before = marc.chainAt(claire.replicaId!, top)!;
    const signature = signHead({ ...marcKeys, replica: claire.replicaId! }, top + 1, nextChain(before, forged));
    const snapshot = dump(nadia);
    const signedByMarc = forgedFile(marc.replicaId!, [{ origin: claire.replicaId!, from: top + 1, before, signature, changes: [forged] }]);
    expect(() => importFile(nadia, signedByMarc, PASSPHRASE)).toThrow(
      /attribuées à l'ordinateur de Claire Martin \(Indre-et-Loire\) dont la signature ne correspond pas/,
    );
    const unsigned = forgedFile(marc.replicaId!, [{ origin: claire.replicaId!, from: top + 1, before, signature: null, changes: [forged] }]);
    expect(() => importFile(nadia, unsigned, PASSPHRASE)).toThrow(/attribuées à l'ordinateur de Claire Martin \(Indre-et-Loire\) sans sa signature/);
    expect(dump(nadia)).toBe(snapshot);

    // The same forgery put in Marc's folder of a shared folder: set aside, named once, the rest goes on.
    const folder = tempDir();
    syncFolder(claire, folder, PASSPHRASE);
    const marcDir = join(folder, `entente-${project}`, marc.replicaId!);
    syncFolder(marc, folder, PASSPHRASE);
    writeFileSync(join(marcDir, '00000002.entente'), signedByMarc);
    const round = syncFolder(nadia, folder, PASSPHRASE);
    expect(round.imported.map((file) => file.file).sort()).toEqual([`${claire.replicaId}/00000001.entente`, `${marc.replicaId}/00000001.entente`].sort());
    expect(round.postponed).toEqual([{ file: `${marc.replicaId}/00000002.entente`, reason: expect.stringMatching(/signature ne correspond pas/) }]);

    // Relayed: Nadia passes Claire's changes on to a new poste, checked against Claire's key.
    updateAction(claire, 'a2-1', { progress: 40 });
    send(claire, nadia);
    const sophie = newReplica('Sophie Bernard', '37');
    const relayed = contentFor(nadia, sophie);
    const claireRuns = relayed.runs.filter((run) => run.origin === claire.replicaId);
    expect(claireRuns.length).toBeGreaterThan(0);
    expect(claireRuns.every((run) => run.signature !== null)).toBe(true);
    send(nadia, sophie);
    expect(sophie.db.prepare("SELECT progress FROM action WHERE id = 'a2-1'").pluck().get()).toBe(40);

    // Who wrote it is provable at Sophie's, two hops away: Claire's signature, checked again.
    const seq = claire.log.versionVector()[claire.replicaId!];
    expect(authorshipOf(sophie, claire.replicaId!, seq)).toEqual({
      computer: "l'ordinateur de Claire Martin (Indre-et-Loire)",
      fingerprint: listReplicaStatus(sophie).find((poste) => poste.id === claire.replicaId)!.fingerprint,
      signed: true,
      own_key: false,
      key_confirmed_at: null,
    });
    // A signature altered in Sophie's base no longer holds.
    sophie.db.prepare("UPDATE signed_head SET signature = replace(signature, substr(signature, 1, 4), 'AAAA') WHERE origin = ?").run(claire.replicaId);
    expect(authorshipOf(sophie, claire.replicaId!, seq).signed).toBe(false);
  });

  test('une clé confirmée par son empreinte lue au téléphone ; un poste fabriqué sous le même nom reste non confirmé', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    // Someone who holds the passphrase makes a poste of their own in Nadia's name, and validates minutes from it.
    const fake = newReplica('Nadia Benali', '41');
    send(nadia, claire);
    send(fake, claire);
    const postes = listReplicaStatus(claire);
    const real = postes.find((poste) => poste.id === nadia.replicaId)!;
    const forged = postes.find((poste) => poste.id === fake.replicaId)!;
    expect([real.person_name, forged.person_name]).toEqual(['Nadia Benali', 'Nadia Benali']);
    expect([real.key_confirmed_at, forged.key_confirmed_at]).toEqual([null, null]);

    // Claire types what Nadia reads her from her screen: the fake poste's fingerprint is another.
    const heard = listReplicaStatus(nadia).find((poste) => poste.is_this_laptop)!.fingerprint!;
    expect(() => confirmKey(claire, fake.replicaId!, heard)).toThrow(/Cette empreinte n'est pas celle de la clé de l'ordinateur de Nadia Benali/);
    expect(() => confirmKey(claire, claire.replicaId!, heard)).toThrow(/se confirme depuis les autres/);
    const { confirmed_at } = confirmKey(claire, nadia.replicaId!, heard.toLowerCase().replaceAll(' ', '-'), new Date('2026-12-03T10:00:00Z'));
    expect(confirmed_at).toBe('2026-12-03T10:00:00.000Z');
    const after = listReplicaStatus(claire);
    expect(after.find((poste) => poste.id === nadia.replicaId)!.key_confirmed_at).toBe(confirmed_at);
    expect(after.find((poste) => poste.id === fake.replicaId)!.key_confirmed_at).toBeNull();
    const seqOf = (store: Store) => store.log.versionVector()[store.replicaId!];
    expect(authorshipOf(claire, nadia.replicaId!, seqOf(nadia))).toMatchObject({ signed: true, own_key: false, key_confirmed_at: confirmed_at });
    expect(authorshipOf(claire, fake.replicaId!, seqOf(fake))).toMatchObject({ signed: true, own_key: false, key_confirmed_at: null });
    expect(authorshipOf(claire, claire.replicaId!, seqOf(claire))).toMatchObject({ own_key: true });

    // A confirmation is this laptop's own: it travels in no file.
    send(claire, nadia);
    expect(listReplicaStatus(nadia).every((poste) => poste.key_confirmed_at === null)).toBe(true);
  });

  test("ce que chaque poste avait reçu de celui-ci, d'après son dernier fichier : tout, une partie, ou rien de connu", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Petit', '37');
    const ownCount = () => claire.log.versionVector()[claire.replicaId!];
    const heldBy = (poste: Store) => listReplicaStatus(claire).find((status) => status.id === poste.replicaId)!.holds_of_this_laptop;
    send(claire, nadia);
    send(nadia, claire);
    // Marc's changes reach Claire only through Nadia: no file of his was read here.
    send(marc, nadia);
    send(nadia, claire);
    expect(heldBy(nadia)).toBe(ownCount());
    expect(heldBy(marc)).toBeNull();
    expect(listReplicaStatus(claire).find((status) => status.is_this_laptop)!.holds_of_this_laptop).toBeNull();
    updateAction(claire, 'a2-1', { progress: 30 });
    expect(heldBy(nadia)).toBe(ownCount() - 1);
    send(claire, nadia);
    send(nadia, claire);
    expect(heldBy(nadia)).toBe(ownCount());
  });

  test("l'inscription d'un ordinateur qui rejoint n'est pas comptée comme son travail : les autres le connaissent, ou pas encore", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(nadia, createInvitation(claire, PASSPHRASE).bytes, PASSPHRASE, { name: 'Nadia Benali', function: 'Chargée de mission', partner: '41' });
    const own = () => listReplicaStatus(nadia).find((status) => status.is_this_laptop)!;
    const claireAsSeen = () => listReplicaStatus(nadia).find((status) => status.id === claire.replicaId)!;
    // Her person, her row (person, Département, name, arrival) and her key: her registration, all of her changes so far.
    expect(own().changes).toBeGreaterThan(0);
    expect(own().registration_changes).toBe(own().changes);
    // The invitation was written before Nadia existed: Claire did not know her ordinateur.
    expect(claireAsSeen().received_of_this_laptop).toEqual({ knows_this_laptop: false, updates: 0 });

    // Renamed before any other work: the name's second write is work, not registration.
    nameThisComputer(nadia, '  Portable DRH ');
    expect(own()).toMatchObject({ label: 'Portable DRH' });
    expect(own().changes - own().registration_changes).toBe(1);
    updateAction(nadia, 'a2-1', { progress: 30 });
    expect(own().changes - own().registration_changes).toBe(2);
    send(nadia, claire);
    send(claire, nadia);
    expect(claireAsSeen().received_of_this_laptop).toEqual({ knows_this_laptop: true, updates: 2 });
    expect(listReplicaStatus(claire).find((status) => status.id === nadia.replicaId)!.registration_changes).toBe(own().registration_changes);

    // The name reached Claire by sync; taken away, it is gone.
    expect(listReplicaStatus(claire).find((status) => status.id === nadia.replicaId)!.label).toBe('Portable DRH');
    nameThisComputer(nadia, '');
    expect(own().label).toBeNull();
  });

  test('des numéros de modification de 0 ou moins, qui passeraient sous toute preuve et toute révocation, sont refusés avec le fichier', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    send(claire, nadia);
    send(nadia, claire);
    const snapshot = dump(nadia);
    // Format 5 writes numbers unsigned: below 0 cannot be written, 0 can.
    for (const [origin, from] of [
      [claire.replicaId!, 0],
      [nadia.replicaId!, 0],
    ] as const) {
      const file = forgedFile(claire.replicaId!, [{ origin, from, before: null, signature: null, changes: [forgedChange(origin, from)] }]);
      expect(() => importFile(nadia, file, PASSPHRASE)).toThrow(/fichier .*endommagé|contenu illisible/i);
    }
    expect(dump(nadia)).toBe(snapshot);
  });

  test("une horloge d'une autre forme que celle d'Entente (le format la porte en texte) : le fichier est refusé comme endommagé, en français", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    send(claire, nadia);
    const snapshot = dump(nadia);
    for (const hlc of ['x', '17960000000000-0000']) {
      const origin = 'zzzzzzzzzzzz';
      const file = forgedFile(claire.replicaId!, [{ origin, from: 1, before: null, signature: null, changes: [{ ...forgedChange(origin, 1), hlc }] }]);
      expect(() => importFile(nadia, file, PASSPHRASE)).toThrow(/endommagé ou incomplet \(horloge invalide/);
    }
    expect(dump(nadia)).toBe(snapshot);
  });

  test("une valeur qu'aucune table ne peut tenir, ou des modifications de ce poste même sans sa signature : le fichier est refusé pour ce qu'il est, le tour du dossier partagé continue", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const folder = tempDir();
    syncFolder(claire, folder, PASSPHRASE);
    syncFolder(nadia, folder, PASSPHRASE);
    syncFolder(claire, folder, PASSPHRASE);
    const snapshot = dump(nadia);
    // A poste never seen, without key: an object where a title goes.
    const objectValue = forgedFile('zzzzzzzzzzz1', [
      { origin: 'zzzzzzzzzzz1', from: 1, before: null, signature: null, changes: [forgedChange('zzzzzzzzzzz1', 1, 'title', '{"x":1}')] },
    ]);
    expect(() => importFile(nadia, objectValue, PASSPHRASE)).toThrow('endommagé ou incomplet (valeur inattendue (action.title))');
    // Nadia's own next number, unsigned: a forgery, not a copy of her data folder.
    const next = nadia.log.versionVector()[nadia.replicaId!] + 1;
    const own = forgedFile(claire.replicaId!, [
      { origin: nadia.replicaId!, from: next, before: null, signature: null, changes: [forgedChange(nadia.replicaId!, next, 'title', '"Pris"')] },
    ]);
    expect(() => importFile(nadia, own, PASSPHRASE)).toThrow(/attribuées à l'ordinateur de Nadia Benali \(Loir-et-Cher\) sans sa signature/);
    expect(dump(nadia)).toBe(snapshot);

    // Dropped in the shared folder: set aside and named, while Claire's new work comes in.
    for (const [name, bytes] of [
      ['zzzzzzzzzzz1', objectValue],
      ['zzzzzzzzzzz2', own],
    ] as const) {
      mkdirSync(join(folder, `entente-${project}`, name));
      writeFileSync(join(folder, `entente-${project}`, name, '00000001.entente'), bytes);
    }
    updateAction(claire, 'a2-1', { progress: 55 });
    syncFolder(claire, folder, PASSPHRASE);
    const round = syncFolder(nadia, folder, PASSPHRASE);
    expect(round.postponed.map((file) => file.file)).toEqual(['zzzzzzzzzzz1/00000001.entente', 'zzzzzzzzzzz2/00000001.entente']);
    expect(nadia.db.prepare("SELECT progress FROM action WHERE id = 'a2-1'").pluck().get()).toBe(55);
  });

  test("un poste dont l'historique a bifurqué (dossier copié, clés comprises) est refusé et nommé", () => {
    const { claire, copy, nadia } = copiedPoste();
    const held = nadia.log.versionVector()[claire.replicaId!];

    updateAction(claire, 'a1-1', { progress: 10 });
    updateAction(claire, 'a1-1', { progress: 20 });
    updateAction(copy, 'a1-1', { progress: 70 });
    updateAction(copy, 'a1-1', { progress: 80 });
    send(claire, nadia);
    const snapshot = dump(nadia);
    // Only the copy's second change: it follows a history Nadia does not hold.
    const fork = exportFile(copy, { secret: PASSPHRASE, basedOn: { ...nadia.log.versionVector(), [claire.replicaId!]: held + 1 } }).bytes;
    expect(() => importFile(nadia, fork, PASSPHRASE)).toThrow(
      `L'ordinateur de Claire Martin (Indre-et-Loire) a deux historiques différents à partir de sa mise à jour n° ${held + 2}`,
    );
    expect(dump(nadia)).toBe(snapshot);
  });

  test('la base garde la chaîne d’une modification sur 32 ; celle des autres, recalculée, est la même, y compris après la migration des bases qui les gardaient toutes', () => {
    const dir = tempDir();
    const claire = newReplica('Claire Martin', '37', dir);
    for (let progress = 1; progress <= 70; progress++) updateAction(claire, 'a1-1', { progress });
    const origin = claire.replicaId!;
    // Each change's chain, computed here from the definition, from the chain's start.
    const expected = new Map<number, string>();
    let chain = chainStart(origin);
    for (const change of claire.log.changes()) if (change.origin === origin) expected.set(change.seq, (chain = nextChain(chain, change)));
    const top = Math.max(...expected.keys());
    expect(top).toBeGreaterThan(2 * CHAIN_KEPT_EVERY);
    const keptSeqs = (store: Store) => store.db.prepare('SELECT seq FROM changes WHERE origin = ? AND chain IS NOT NULL ORDER BY seq').pluck().all(origin);
    const multiples = [...expected.keys()].filter((seq) => seq % CHAIN_KEPT_EVERY === 0);
    expect(keptSeqs(claire)).toEqual(multiples);
    for (const [seq, value] of expected) expect(claire.chainAt(origin, seq), `n° ${seq}`).toBe(value);

    // A base of Entente 0.11 kept every chain but where an older version left them unknown (here
    // from the 11th to the 50th, as after a gap filled since): migrated, it keeps the same ones as a new base.
    claire.close();
    const old = new Database(databaseFile(dir));
    const setChain = old.prepare('UPDATE changes SET chain = ? WHERE origin = ? AND seq = ?');
    for (const [seq, value] of expected) setChain.run(seq > 10 && seq <= 50 ? null : value, origin, seq);
    old.pragma('user_version = 11');
    old.close();
    const migrated = track(Store.open(databaseFile(dir)));
    expect(keptSeqs(migrated)).toEqual(multiples);
    for (const [seq, value] of expected) expect(migrated.chainAt(origin, seq), `n° ${seq}`).toBe(value);
  });

  test("après un trou, la chaîne annoncée sert jusqu'à ce qu'une suite la rejoigne ; une suite qui la rejoint sur une autre chaîne, ou deux suites d'un même fichier sur deux historiques, sont refusées", () => {
    const { claire, copy, nadia } = copiedPoste();
    const origin = claire.replicaId!;
    const held = nadia.log.versionVector()[origin];
    for (let progress = 1; progress <= 41; progress++) updateAction(claire, 'a1-1', { progress });
    for (let progress = 71; progress <= 90; progress++) updateAction(copy, 'a1-1', { progress });
    // Runs as a holder of the copied keys writes them: Claire's key signs each one's end.
    const keys = keyringOf(copy, PASSPHRASE);
    const after = (store: Store) => [...store.log.changes()].filter((change) => change.origin === origin && change.seq > held);
    const signed = (from: number, before: string, changes: Change[]): Run => {
      let chain = before;
      for (const change of changes) chain = nextChain(chain, change);
      return { origin, from, before, signature: signHead(keys, from + changes.length - 1, chain), changes };
    };
    const forked = `L'ordinateur de Claire Martin (Indre-et-Loire) a deux historiques différents à partir de sa mise à jour n° ${held + 10}`;
    const snapshot = dump(nadia);

    // One file, two runs: Claire's first ten changes, and the copy's next ten on its own history; in either order.
    const genuineStart = signed(held + 1, claire.chainAt(origin, held)!, after(claire).slice(0, 10));
    const copyNext = signed(held + 11, copy.chainAt(origin, held + 10)!, after(copy).slice(10, 20));
    for (const runs of [
      [genuineStart, copyNext],
      [copyNext, genuineStart],
    ]) {
      expect(() => importFile(nadia, forgedFile(origin, runs), PASSPHRASE)).toThrow(forked);
    }
    expect(dump(nadia)).toBe(snapshot);

    // Nadia receives Claire's changes after the tenth only: a gap, and the chain announced before them.
    importFile(nadia, exportFile(claire, { secret: PASSPHRASE, basedOn: { ...nadia.log.versionVector(), [origin]: held + 10 } }).bytes, PASSPHRASE);
    expect(nadia.log.versionVector()[origin]).toBe(held);
    expect(nadia.chainAt(origin, held + 5)).toBeNull();
    for (const seq of [held + 10, held + 11, held + 41]) expect(nadia.chainAt(origin, seq), `n° ${seq}`).toBe(claire.chainAt(origin, seq));

    // Claire's history with its first ten changes rewritten and the same after them, beyond what Nadia holds: refused where it reaches the announced chain.
    const rewritten = after(claire).map((change, i) => (i < 10 ? { ...change, value: String(90 + i) } : change));
    const filled = dump(nadia);
    expect(() => importFile(nadia, forgedFile(origin, [signed(held + 1, claire.chainAt(origin, held)!, rewritten)]), PASSPHRASE)).toThrow(forked);
    expect(dump(nadia)).toBe(filled);

    // Claire's own run fills it: the announced chain is reached, the same, and is no longer needed.
    send(claire, nadia);
    expect(nadia.log.versionVector()[origin]).toBe(held + 41);
    expect(nadia.db.prepare('SELECT count(*) FROM chain_anchor').pluck().get()).toBe(0);
    for (let seq = held; seq <= held + 41; seq++) expect(nadia.chainAt(origin, seq), `n° ${seq}`).toBe(claire.chainAt(origin, seq));
  });
});

describe('révocation', () => {
  test("les modifications d'un poste révoqué, après la dernière reçue par celui qui révoque, sont refusées partout ; les précédentes restent", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    updateAction(marc, 'a3-1', { progress: 25 });
    send(marc, claire);
    send(marc, nadia);
    // Marc's laptop is lost; before Claire revokes it, it writes more, which reaches Nadia only.
    updateAction(marc, 'a3-1', { progress: 90 });
    updateAction(marc, 'a5-1', { status: 'abandonne' });
    revokeReplica(claire, marc.replicaId!);
    send(marc, nadia);
    expect(nadia.db.prepare("SELECT progress FROM action WHERE id = 'a3-1'").pluck().get()).toBe(90);

    // The revocation reaches Nadia: she drops what came after, keeps what came before.
    send(claire, nadia);
    expect(nadia.db.prepare("SELECT progress FROM action WHERE id = 'a3-1'").pluck().get()).toBe(25);
    expect(getRow(nadia, 'action', 'a5-1')?.status).not.toBe('abandonne');
    const late = send(marc, claire);
    expect(late.applied).toBe(0);
    expect(late.revoked).toEqual([{ origin: marc.replicaId, replica: "l'ordinateur de Marc Lefèvre (Loir-et-Cher)", count: 2 }]);
    expect(late.gaps).toEqual([]);
    send(nadia, claire);
    send(claire, nadia);
    expect(dump(nadia)).toBe(dump(claire));
    const status = listReplicaStatus(nadia).find((poste) => poste.id === marc.replicaId)!;
    expect(status.revoked).toMatchObject({ by: "l'ordinateur de Claire Martin (Indre-et-Loire)" });
    expect(status.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);

    // The revoked laptop is told, and writes no file any more; its own later changes still count on it, and its log checks.
    send(claire, marc);
    expect(check(marc)).toEqual({ ok: true, problems: [] });
    expect(check(nadia)).toEqual({ ok: true, problems: [] });
    expect(() => exportFile(marc, { secret: PASSPHRASE })).toThrow("Cet ordinateur a été révoqué par l'ordinateur de Claire Martin (Indre-et-Loire)");
    expect(() => revokeReplica(claire, claire.replicaId!)).toThrow('Un ordinateur ne peut pas se révoquer lui-même');
  });

  test('un export pour un Département ne se règle plus sur ce que détenait un de ses postes révoqué', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    send(marc, claire);
    send(nadia, claire);
    revokeReplica(claire, marc.replicaId!);
    updateAction(claire, 'a3-1', { progress: 60 });
    send(claire, nadia);
    send(nadia, claire);
    const partner = nadia.db.prepare('SELECT partner_id FROM replica WHERE id = ?').pluck().get(nadia.replicaId) as string;
    // Marc's laptop, revoked, will never say it holds more: the Département's export follows Nadia's.
    expect(heldByPartner(claire, partner)[claire.replicaId!]).toBe(claire.log.versionVector()[claire.replicaId!]);
  });

  test("un poste volé, à l'horloge reculée, qui révoque celui qui l'a révoqué : tous deux sont révoqués, et ses autres révocations tardives ne comptent pas", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    // The thief sets Marc's clock back a year: his changes look older than Claire's.
    const marc = newReplica('Marc Lefèvre', '41', tempDir(), () => Date.now() - 365 * 86_400_000);
    for (const [from, to] of [
      [marc, claire],
      [marc, nadia],
      [claire, marc],
      [nadia, marc],
      [claire, nadia],
    ] as const)
      send(from, to);

    revokeReplica(claire, marc.replicaId!);
    // Marc's laptop, without the revocation, revokes Claire and Nadia and edits an action.
    revokeReplica(marc, claire.replicaId!);
    revokeReplica(marc, nadia.replicaId!);
    updateAction(marc, 'a3-1', { progress: 5 });
    const julie = newReplica('Julie Roux', '37');
    // Whatever the order they arrive in, every laptop decides the same.
    send(marc, julie);
    send(claire, julie);
    send(claire, nadia);
    send(marc, nadia);
    for (const store of [nadia, julie]) {
      const revoked = new Map(listReplicaStatus(store).map((poste) => [poste.id, poste.revoked !== null]));
      expect(revoked.get(marc.replicaId!)).toBe(true);
      expect(revoked.get(claire.replicaId!)).toBe(true);
      expect(revoked.get(nadia.replicaId!)).toBe(false);
      expect(store.db.prepare("SELECT progress FROM action WHERE id = 'a3-1'").pluck().get()).not.toBe(5);
    }
    expect(revokedBy(nadia)).toBeUndefined();
    const by = (poste: Store) => listReplicaStatus(nadia).find((status) => status.id === poste.replicaId)!.revoked!.by;
    expect([by(marc), by(claire)]).toEqual(["l'ordinateur de Claire Martin (Indre-et-Loire)", "l'ordinateur de Marc Lefèvre (Loir-et-Cher)"]);
    send(julie, nadia);
    send(nadia, julie);
    expect(dump(julie)).toBe(dump(nadia));
  });
});

describe('changer la phrase de passe', () => {
  test("les fichiers d'avant et d'après s'importent ; un poste qui ne connaît que l'ancienne apprend pourquoi", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    const before = exportFile(claire, { secret: PASSPHRASE }).bytes;
    const next = 'prairie-violon-nuage-tambour';
    changePassphrase(claire, keyringOf(claire, PASSPHRASE), next);
    expect(() => keyringOf(claire, PASSPHRASE)).toThrow("C'est l'ancienne phrase de passe de la coopération");
    updateAction(claire, 'a6-1', { progress: 55 });
    const after = exportFile(claire, { secret: next }).bytes;

    expect(() => importFile(nadia, after, PASSPHRASE)).toThrow(
      /Si la phrase de passe de la coopération a été changée sur un autre ordinateur, saisissez la nouvelle/,
    );
    importFile(nadia, before, PASSPHRASE);
    changePassphrase(nadia, keyringOf(nadia, PASSPHRASE), next);
    expect(importFile(nadia, after, next).applied).toBeGreaterThan(0);
    // Marc's file, still sealed with the old passphrase, is read by both: they kept it for reading.
    updateAction(marc, 'a7-1', { progress: 15 });
    const fromMarc = exportFile(marc, { secret: PASSPHRASE }).bytes;
    expect(importFile(claire, fromMarc, next).applied).toBeGreaterThan(0);
    expect(importFile(nadia, fromMarc, next).applied).toBeGreaterThan(0);
    expect(() => changePassphrase(nadia, keyringOf(nadia, next), 'court')).toThrow('au moins 12 caractères');
  });
});

describe('la phrase de passe changée sur un autre poste, prise sur celui-ci', () => {
  const next = 'prairie-violon-nuage-tambour';
  const seen = (store: Store) => passphraseSeenElsewhere(store, keyringOf(store, PASSPHRASE).keys);

  test("le fichier qui l'a révélée est noté ; la nouvelle, annoncée par un poste connu, est prise ; une faute de frappe, un fichier sans preuve ou qui relaie sans annonce ne changent rien", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    importFile(nadia, exportFile(claire, { secret: PASSPHRASE }).bytes, PASSPHRASE);
    expect(seen(nadia)).toBeNull();
    expect(() => adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), next)).toThrow(/^Aucun fichier reçu n'est scellé avec une phrase de passe inconnue/);

    // A stranger who can write to the shared folder: a file that says it is Claire's, sealed with a passphrase of his own.
    const stranger = 'passe-du-voleur-de-portable';
    const forged = encodeSyncFile({
      project,
      sender: claire.replicaId!,
      schema: SHARED_SCHEMA_VERSION,
      full: false,
      key: derivedKey(stranger, project),
      content: { senderHeld: {}, basedOn: {}, runs: [] },
      now: new Date(Date.now() + 60_000),
    });
    const at = new Date('2026-12-04T09:00:00Z');
    expect(() => importExchangeFile(nadia, forged, PASSPHRASE, { now: at })).toThrow(/saisissez la nouvelle/);
    expect(seen(nadia)).toEqual({ sender: "l'ordinateur de Claire Martin (Indre-et-Loire)", sender_person: 'Claire Martin', seen_at: at.toISOString() });
    // Its passphrase opens it, but no poste of the coopération announces it: not taken.
    const notVouched = /aucun ordinateur de la coopération dont la clé est connue ici ne l'y annonce/;
    expect(() => adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), stranger)).toThrow(notVouched);
    expect(keyringOf(nadia, PASSPHRASE).keys).toHaveLength(1);

    // Someone who had the old passphrase (a laptop gone with its former user) relays Claire's
    // signed work, new to Nadia, in a file sealed with a passphrase of his own: signed updates,
    // but no announcement of that key by Claire. Not taken either.
    updateAction(claire, 'a6-1', { progress: 45 });
    const relayed = decodeSyncFile(exportFile(claire, { secret: PASSPHRASE, forReplica: nadia.replicaId! }).bytes, {
      keys: keyringOf(claire, PASSPHRASE).keys,
      project,
      schema: SHARED_SCHEMA_VERSION,
    }).content;
    expect(relayed.runs.some((run) => run.signature !== null)).toBe(true);
    const thief = 'passe-de-celui-qui-est-parti';
    const relaying = encodeSyncFile({
      project,
      sender: claire.replicaId!,
      schema: SHARED_SCHEMA_VERSION,
      full: false,
      key: derivedKey(thief, project),
      content: relayed,
    });
    expect(() => importExchangeFile(nadia, relaying, PASSPHRASE)).toThrow(/saisissez la nouvelle/);
    expect(() => adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), thief)).toThrow(notVouched);
    expect(keyringOf(nadia, PASSPHRASE).keys).toHaveLength(1);

    // Claire really changes it: her next file, newer, takes the note's place.
    changePassphrase(claire, keyringOf(claire, PASSPHRASE), next);
    updateAction(claire, 'a6-1', { progress: 55 });
    const after = exportFile(claire, { secret: next, now: new Date(Date.now() + 120_000) }).bytes;
    expect(() => importExchangeFile(nadia, after, PASSPHRASE)).toThrow(/saisissez la nouvelle/);
    // A typo: refused, naming the file's sender; nothing changed.
    expect(() => adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), `${next}s`)).toThrow(
      /^Cette phrase de passe n'ouvre pas le fichier qui se dit de l'ordinateur de Claire Martin \(Indre-et-Loire\)/,
    );
    expect(keyringOf(nadia, PASSPHRASE).keys).toHaveLength(1);

    // Claire's file carries her announcement of the new key, signed by her chain: she is named
    // before anything is taken, then on taking it.
    expect(announcerOfPassphrase(nadia, keyringOf(nadia, PASSPHRASE), next)).toBe("l'ordinateur de Claire Martin (Indre-et-Loire)");
    expect(keyringOf(nadia, PASSPHRASE).keys).toHaveLength(1);
    expect(adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), next).announcedBy).toBe("l'ordinateur de Claire Martin (Indre-et-Loire)");
    expect(passphraseSeenElsewhere(nadia, keyringOf(nadia, next).keys)).toBeNull();
    // The files noted are gone from beside the database: the one taken, the others.
    expect(readdirSync(dirname(nadia.file)).filter((name) => name.includes('phrase-inconnue'))).toEqual([]);
    expect(importFile(nadia, after, next).applied).toBeGreaterThan(0);
    // Nadia's files are sealed with the new passphrase now: Claire reads them.
    updateAction(nadia, 'a7-1', { progress: 20 });
    expect(importFile(claire, exportFile(nadia, { secret: next }).bytes, next).applied).toBeGreaterThan(0);
  });

  test("une annonce sans signature (des mises à jour d'avant la clé du poste, contrefaites) ne vaut rien ; une phrase de passe que la coopération a quittée n'est pas reprise", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    importFile(nadia, exportFile(claire, { secret: PASSPHRASE }).bytes, PASSPHRASE);
    // Anyone who sees the folder's names: Claire's first numbers, unsigned as before a poste has its key.
    const attacker = 'passe-de-l-attaquant-du-dossier';
    const key = derivedKey(attacker, project);
    const unsigned = encodeSyncFile({
      project,
      sender: claire.replicaId!,
      schema: SHARED_SCHEMA_VERSION,
      full: false,
      key,
      content: {
        senderHeld: {},
        basedOn: {},
        runs: [
          {
            origin: claire.replicaId!,
            from: 1,
            before: null,
            signature: null,
            changes: [
              {
                origin: claire.replicaId!,
                seq: 1,
                hlc: '1796000000000-0000',
                entity: 'replica',
                rowId: claire.replicaId!,
                field: 'sealing_key',
                value: JSON.stringify(key.id),
                supersedes: [],
              },
            ],
          },
        ],
      },
    });
    expect(() => importExchangeFile(nadia, unsigned, PASSPHRASE)).toThrow(/saisissez la nouvelle/);
    expect(() => adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), attacker)).toThrow(
      /aucun ordinateur de la coopération dont la clé est connue ici ne l'y annonce/,
    );

    // Claire goes to a second passphrase, then a third; Marc took the second and stayed there.
    const [second, third] = ['prairie-violon-nuage-tambour', 'falaise-orange-piano-moulin'];
    const marc = newReplica('Marc Lefèvre', '41');
    importFile(marc, exportFile(claire, { secret: PASSPHRASE }).bytes, PASSPHRASE);
    changePassphrase(claire, keyringOf(claire, PASSPHRASE), second);
    importFile(marc, exportFile(claire, { secret: second }).bytes, second);
    changePassphrase(marc, keyringOf(marc, PASSPHRASE), second);
    importFile(claire, exportFile(marc, { secret: second }).bytes, second);
    changePassphrase(claire, keyringOf(claire, second), third);
    // Zoé joins with the third. Marc's file, sealed with the second, is no news she should take.
    const zoe = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(zoe, createInvitation(claire, third).bytes, third, { name: 'Zoé Petit', function: 'Chargée de mission', partner: '41' });
    updateAction(marc, 'a7-1', { progress: 25 });
    expect(() => importExchangeFile(zoe, exportFile(marc, { secret: second }).bytes, third)).toThrow(/saisissez la nouvelle/);
    expect(() => adoptPassphrase(zoe, keyringOf(zoe, third), second)).toThrow(
      /^Cette phrase de passe ouvre le fichier qui se dit de l'ordinateur de Marc Lefèvre \(Loir-et-Cher\), mais la coopération l'a quittée/,
    );
    expect(keyringOf(zoe, third).keys[0].id).toBe(derivedKey(third, project).id);
  });

  test("dans un dossier partagé : le premier fichier scellé de la nouvelle phrase est gardé, celui qui porte l'annonce, même quand d'autres ont suivi", () => {
    const folder = tempDir();
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    for (const store of [claire, nadia]) syncFolder(store, folder, PASSPHRASE);
    changePassphrase(claire, keyringOf(claire, PASSPHRASE), next);
    for (const progress of [55, 60, 65]) {
      updateAction(claire, 'a6-1', { progress });
      syncFolder(claire, folder, next);
    }
    expect(syncFolder(nadia, folder, PASSPHRASE).postponed).toHaveLength(3);
    expect(adoptPassphrase(nadia, keyringOf(nadia, PASSPHRASE), next).announcedBy).toBe("l'ordinateur de Claire Martin (Indre-et-Loire)");
    expect(syncFolder(nadia, folder, next).postponed).toEqual([]);
    expect(getRow(nadia, 'action', 'a6-1')?.progress).toBe(65);
    // Nadia announced it too, once she took it: her own row says which key seals her files.
    expect(getRow(claire, 'replica', nadia.replicaId!)?.sealing_key).toBeNull();
    syncFolder(claire, folder, next);
    expect(getRow(claire, 'replica', nadia.replicaId!)?.sealing_key).toBe(keyringOf(nadia, next).keys[0].id);
  });

  test("dans un dossier partagé : le dernier fichier de chaque poste est noté, pas ceux d'un poste révoqué ; « Ignorer » les fait taire", () => {
    const folder = tempDir();
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    for (const store of [claire, nadia, marc]) syncFolder(store, folder, PASSPHRASE);
    changePassphrase(claire, keyringOf(claire, PASSPHRASE), next);
    updateAction(claire, 'a6-1', { progress: 55 });
    syncFolder(claire, folder, next);
    const round = syncFolder(nadia, folder, PASSPHRASE);
    expect(round.postponed.map((file) => file.reason)).toEqual([expect.stringMatching(/^Scellé avec une phrase de passe que cet ordinateur ne connaît pas/)]);
    expect(seen(nadia)?.sender).toBe("l'ordinateur de Claire Martin (Indre-et-Loire)");
    // Taken the old way (Changer la phrase de passe, the old one as current): the notice goes.
    changePassphrase(nadia, keyringOf(nadia, PASSPHRASE), next);
    expect(passphraseSeenElsewhere(nadia, keyringOf(nadia, next).keys)).toBeNull();
    expect(syncFolder(nadia, folder, next).postponed).toEqual([]);

    // Sophie joins after the change, with the new passphrase only. Claire's and Nadia's first
    // files are older than a newer one of theirs that she reads: not read, and not set aside
    // (nothing to do about them), but named apart, in the journal once. Marc's newest file is
    // sealed with the old one: set aside, and told, for the user to say that no change was announced.
    const sophie = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(sophie, createInvitation(claire, next).bytes, next, { name: 'Sophie Bernard', function: 'Chargée de mission', partner: '37' });
    const sophieSees = () => passphraseSeenElsewhere(sophie, keyringOf(sophie, next).keys);
    const firstFile = (store: Store) => `${store.replicaId}/00000001.entente`;
    const { record } = folderRound(sophie, folder, next);
    expect(record.postponed_files.map((file) => file.file)).toEqual([firstFile(marc)]);
    expect(record.left_behind_files).toEqual([firstFile(claire), firstFile(nadia)].sort());
    expect(sophieSees()?.sender).toBe("l'ordinateur de Marc Lefèvre (Loir-et-Cher)");
    // Ignored: not told again, at the next rounds either, for files sealed with that passphrase.
    dismissPassphraseNotes(sophie);
    expect(sophieSees()).toBeNull();
    expect(folderRound(sophie, folder, next).record.left_behind_files).toHaveLength(2);
    const journalled = listJournal(sophie).flatMap((entry) => (entry.kind === 'folder' ? (entry.summary.left_behind_files ?? []) : []));
    expect(journalled).toHaveLength(2);
    updateAction(marc, 'a7-1', { progress: 15 });
    syncFolder(marc, folder, PASSPHRASE);
    syncFolder(sophie, folder, next);
    expect(sophieSees()).toBeNull();

    // A stranger's file under Marc's name, with a passphrase of his own: told. Once Marc is
    // revoked, files under his name are nobody's news any more.
    const strangerFile = encodeSyncFile({
      project,
      sender: marc.replicaId!,
      schema: SHARED_SCHEMA_VERSION,
      full: false,
      key: derivedKey('passe-du-voleur-de-portable', project),
      content: { senderHeld: {}, basedOn: {}, runs: [] },
    });
    writeFileSync(join(folder, 'entente-p-coop-37-41', marc.replicaId!, '00000009.entente'), strangerFile);
    syncFolder(sophie, folder, next);
    expect(sophieSees()?.sender).toBe("l'ordinateur de Marc Lefèvre (Loir-et-Cher)");
    revokeReplica(claire, marc.replicaId!);
    syncFolder(claire, folder, next);
    syncFolder(sophie, folder, next);
    expect(sophieSees()).toBeNull();
  });
});

describe('les clés ne sont ni dans la base, ni dans ses sauvegardes, ni dans une copie mise de côté', () => {
  test('octets cherchés : phrase de passe, clé du projet, clé de signature', async () => {
    const dataDir = tempDir();
    const store = track(Store.open(databaseFile(dataDir)));
    initReplica(store, { name: 'Claire Martin', function: null, partner: '37' });
    const keyring = keyringOf(store, PASSPHRASE);
    updateAction(store, 'a1-1', { progress: 30 });
    const backup = await backupNow(store, dataDir);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const aside = setAsideDatabase(dataDir)!;
    expect(aside).toBeTruthy();

    const signing = keyring.signing.export({ format: 'der', type: 'pkcs8' });
    const secrets = [
      Buffer.from(PASSPHRASE),
      keyring.keys[0].key,
      Buffer.from(keyring.keys[0].key.toString('base64')),
      signing.subarray(signing.length - 32),
      Buffer.from(signing.toString('base64')),
    ];
    const files = [
      backup.file,
      ...readdirSync(dataDir)
        .filter((name) => name.includes('sqlite'))
        .map((name) => join(dataDir, name)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of secrets) expect(bytes.includes(secret), `${file} contient un secret`).toBe(false);
    }
    // The key file holds them sealed, not in clear.
    const keyFile = readFileSync(join(dataDir, 'entente.keys'));
    for (const secret of secrets) expect(keyFile.includes(secret)).toBe(false);
  });

  test("un poste d'Entente 0.2 : la phrase de passe gardée dans la base en sort, ses clés sont faites, ses chaînes calculées", () => {
    const reference = newReplica('Claire Martin', '37');
    // The same history in a file of schema 2 (no chains), which kept the passphrase.
    const v2 = join(tempDir(), 'entente.sqlite');
    const db = new Database(v2);
    migrate(db, 2);
    const insert = db.prepare('INSERT INTO changes (origin, seq, hlc, entity, row_id, field, value, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const c of reference.log.changes()) insert.run(c.origin, c.seq, c.hlc, c.entity, c.rowId, c.field, c.value, JSON.stringify(c.supersedes));
    for (const key of ['project_id', 'replica_id', 'seq', 'person_id']) {
      db.prepare('INSERT OR REPLACE INTO local_state (key, value) VALUES (?, ?)').run(key, reference.localState(key));
    }
    db.prepare("INSERT INTO local_state (key, value) VALUES ('passphrase', ?)").run(PASSPHRASE);
    db.close();

    const upgraded = track(Store.open(v2));
    // Kept in the log one change in CHAIN_KEPT_EVERY, as the reference's; each change's computed from them.
    const kept = (store: Store) => store.db.prepare("SELECT seq, chain FROM changes WHERE origin <> 'seed' ORDER BY origin, seq").all();
    expect(kept(upgraded)).toEqual(kept(reference));
    const chains = (store: Store) => [...store.log.changes()].filter((c) => c.origin !== 'seed').map((c) => store.chainAt(c.origin, c.seq));
    expect(chains(upgraded)).toEqual(chains(reference));
    expect(chains(upgraded).every((chain) => typeof chain === 'string')).toBe(true);
    const keyring = upgradeLegacyPassphrase(upgraded)!;
    expect(keyring.replica).toBe(reference.replicaId);
    expect(hasKeyFile(upgraded)).toBe(true);
    expect(keyFilePath(upgraded)).toBe(join(dirname(v2), 'entente.keys'));
    expect(upgraded.localState('passphrase')).toBeUndefined();
    expect(readFileSync(v2).includes(Buffer.from(PASSPHRASE))).toBe(false);
    expect(unlockWithPassphrase(upgraded, PASSPHRASE)?.publicKey).toBe(getRow(upgraded, 'replica', reference.replicaId!)?.public_key);
  });
});

describe('propriété : révocations parmi les opérations au hasard', () => {
  const REPLICAS = 4;
  const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), r: replica, action: fc.constantFrom('a1-1', 'a2-1', 'a3-1'), progress: fc.constantFrom(0, 10, 50, 90) }),
    fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }),
    fc.record({ kind: fc.constant('folder' as const), r: replica }),
    // Replica 0 is never revoked: everything gathers there at the end.
    fc.record({ kind: fc.constant('revoke' as const), by: replica, target: fc.integer({ min: 1, max: REPLICAS - 1 }) }),
  );

  test("après tout échange, les postes non révoqués ont le même état, sans rien d'un révoqué après sa révocation", () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 8, maxLength: 30 }), (ops) => {
        const names: [string, string][] = [
          ['Claire Martin', '37'],
          ['Nadia Benali', '41'],
          ['Marc Lefèvre', '41'],
          ['Julie Roux', '37'],
        ];
        const stores = names.map(([name, partner]) => newReplica(name, partner));
        const folder = tempDir();
        const isRevokedHere = (r: number) => revokedBy(stores[r]) !== undefined;
        const transfer = (from: number, to: number) => {
          if (from !== to && !isRevokedHere(from)) send(stores[from], stores[to]);
        };
        for (const op of ops) {
          if (op.kind === 'edit') updateAction(stores[op.r], op.action, { progress: op.progress });
          else if (op.kind === 'send') transfer(op.from, op.to);
          else if (op.kind === 'folder' && !isRevokedHere(op.r)) expect(syncFolder(stores[op.r], folder, PASSPHRASE).postponed).toEqual([]);
          else if (op.kind === 'revoke' && op.by !== op.target && !isRevokedHere(op.by)) {
            const target = stores[op.target].replicaId!;
            // Only a poste it knows of, and once.
            const known = listReplicaStatus(stores[op.by]).find((poste) => poste.id === target);
            if (known && !known.revoked) revokeReplica(stores[op.by], target);
          }
        }
        // Everything gathers at replica 0, then goes back to every other poste; a revoked
        // poste keeps its own later changes in effect, so the others are compared.
        for (let r = 1; r < REPLICAS; r++) transfer(r, 0);
        for (const store of stores.slice(1)) send(stores[0], store);
        const dumps = stores.filter((_, r) => !isRevokedHere(r)).map(dump);
        for (const text of dumps.slice(1)) expect(text).toBe(dumps[0]);
        for (const poste of listReplicaStatus(stores[0]).filter((status) => status.revoked)) {
          // Kept in the log, but no value shown comes from them.
          const shown = stores[0].db.prepare('SELECT count(*) FROM live_versions WHERE origin = ? AND seq > ?').pluck().get(poste.id, poste.revoked!.after);
          expect(shown).toBe(0);
        }
      }),
      { numRuns: 15, seed: 20261201, endOnFailure: true },
    );
  }, 120_000);
});
