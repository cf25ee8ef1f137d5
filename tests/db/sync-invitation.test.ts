import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dump } from '../../db/project/dump';
import { createPerson } from '../../db/people/writes';
import { addNote, createAction, updateAction } from '../../db/actions/writes';
import { getRow } from '../../db/store/rows';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { SYNC_FORMAT_VERSION } from '../../db/sync/format';
import { createInvitation, joinProject } from '../../db/sync/invitation';
import { previewInvitation } from '../../db/sync/preview';
import { hasKeyFile, unlockWithPassphrase, validateNewPassphrase } from '../../db/sync/keys';
import { keyringOf } from '../../db/sync/passphrase';
import { readFileSync } from 'node:fs';
import { changeCount, newReplica, tempDir, track } from './helpers';

const PASSPHRASE = 'Loire 2026 coopération';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);
const emptyStore = () => track(Store.open(join(tempDir(), 'entente.sqlite')));
const marc = { name: 'Marc Lefèvre', function: 'Chargé de mission', partner: '41', label: 'Portable DRH' };

/** Nothing of a project: no identity, no change, no bookkeeping, no keys. */
function expectNoProject(store: Store): void {
  expect([store.projectId, store.replicaId, store.personId, hasKeyFile(store)]).toEqual([undefined, undefined, undefined, false]);
  expect(changeCount(store)).toBe(0);
  expect(store.db.prepare('SELECT (SELECT count(*) FROM sync_journal) + (SELECT count(*) FROM peer_state)').pluck().get()).toBe(0);
}

describe('rejoindre une coopération par une invitation', () => {
  test("le nouveau poste reçoit tout l'historique sous un identifiant neuf, puis les échanges sont incrémentaux et convergent", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    updateAction(claire, 'a4-1', { status: 'en_cours' });
    createAction(claire, { chantier_id: 'c4', title: 'Bourse commune des mobilités' });
    addNote(nadia, 'a4-1', { text: 'Calendrier proposé par le 41', date: '2026-11-20' });
    send(nadia, claire); // Claire relays Nadia's changes too.

    const invitation = createInvitation(claire, PASSPHRASE);
    expect(invitation.header).toMatchObject({ full: true, sender: claire.replicaId, count: changeCount(claire) });

    const marcLaptop = emptyStore();
    const joined = joinProject(marcLaptop, invitation.bytes, PASSPHRASE, marc);
    expect(joined).toEqual({ projectId: 'p-coop-37-41', replicaId: marcLaptop.replicaId, applied: changeCount(claire) });
    expect(joined.replicaId).toMatch(/^[0-9a-z]{12}$/);
    expect([claire.replicaId, nadia.replicaId]).not.toContain(joined.replicaId);
    expect(marcLaptop.projectId).toBe('p-coop-37-41');
    // Besides the whole history, only its own changes (its person, its replica row), numbered from 1.
    const own = Number(marcLaptop.localState('seq'));
    expect(marcLaptop.db.prepare('SELECT min(seq), max(seq), count(*) FROM changes WHERE origin = ?').raw().get(joined.replicaId)).toEqual([1, own, own]);
    expect(changeCount(marcLaptop)).toBe(changeCount(claire) + own);
    const person = getRow(marcLaptop, 'person', marcLaptop.personId!);
    expect(person).toMatchObject({ name: 'Marc Lefèvre', function: 'Chargé de mission', partner_id: 'd41' });
    expect(getRow(marcLaptop, 'replica', joined.replicaId)).toMatchObject({ person_id: person!.id, partner_id: 'd41', label: 'Portable DRH' });
    // Its own keys: the project key of the passphrase, a signing key whose public half is published.
    const keyring = unlockWithPassphrase(marcLaptop, PASSPHRASE)!;
    expect(keyring.replica).toBe(joined.replicaId);
    expect(getRow(marcLaptop, 'replica', joined.replicaId)?.public_key).toBe(keyring.publicKey);
    expect(marcLaptop.db.prepare('SELECT kind FROM sync_journal').pluck().all()).toEqual(['join']);
    expect(marcLaptop.db.prepare('SELECT 1 FROM changes WHERE origin = ? AND seq = 1').get(nadia.replicaId)).toBeTruthy();

    // Marc's first file for Claire holds only what he wrote since: the invitation was recorded.
    const forClaire = exportFile(marcLaptop, { secret: PASSPHRASE, forReplica: claire.replicaId });
    expect(forClaire.header.full).toBe(false);
    expect(forClaire.header.count).toBe(own);
    importFile(claire, forClaire.bytes, PASSPHRASE);
    expect(dump(marcLaptop)).toBe(dump(claire));

    updateAction(marcLaptop, 'a4-1', { progress: 40 });
    updateAction(claire, 'a1-1', { status: 'realise' });
    // Each side sends only what the other's last file did not hold.
    expect(send(claire, marcLaptop).received).toBe(1);
    expect(send(marcLaptop, claire).received).toBe(1);
    expect(dump(marcLaptop)).toBe(dump(claire));
    send(claire, nadia);
    expect(dump(nadia)).toBe(dump(claire));
  });

  test('une personne déjà connue est reprise : choisie par son identifiant, ou de même nom et même partenaire', () => {
    const claire = newReplica('Claire Martin', '37');
    const marcId = createPerson(claire, { name: 'Marc Lefèvre', function: 'Chargé de mission', partner_id: 'd41', email: null });
    const invitation = createInvitation(claire, PASSPHRASE).bytes;
    const people = (store: Store) => store.db.prepare('SELECT count(*) FROM person WHERE deleted = 0').pluck().get() as number;

    const picked = emptyStore();
    joinProject(picked, invitation, PASSPHRASE, { ...marc, name: 'M. Lefèvre', partner: '37', personId: marcId });
    const byName = emptyStore();
    joinProject(byName, invitation, PASSPHRASE, { ...marc, function: null });
    for (const laptop of [picked, byName]) {
      expect(laptop.personId).toBe(marcId);
      expect(people(laptop)).toBe(people(claire));
      expect(getRow(laptop, 'replica', laptop.replicaId!)).toMatchObject({ person_id: marcId, partner_id: 'd41' });
    }
    expect(getRow(byName, 'person', marcId)).toMatchObject({ name: 'Marc Lefèvre', function: 'Chargé de mission' });

    // Same name in the other Département: another person.
    const namesake = emptyStore();
    joinProject(namesake, invitation, PASSPHRASE, { ...marc, partner: '37' });
    expect(namesake.personId).not.toBe(marcId);
    expect(people(namesake)).toBe(people(claire) + 1);

    const unknown = emptyStore();
    expect(() => joinProject(unknown, invitation, PASSPHRASE, { ...marc, personId: 'inconnue' })).toThrow(
      'La personne choisie (inconnue) est introuvable dans cette coopération.',
    );
    expectNoProject(unknown);
  });

  test('refus sans rien changer : mauvaise phrase de passe, invitation tronquée, autre format, fichier incomplet, partenaire inconnu, poste qui a déjà un projet', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    send(nadia, claire);
    const invitation = createInvitation(claire, PASSPHRASE).bytes;
    const laptop = emptyStore();

    expect(() => joinProject(laptop, invitation, 'Loire 2026 cooperation', marc)).toThrow(/^La phrase de passe ne correspond pas/);
    expectNoProject(laptop);
    expect(() => joinProject(laptop, invitation.subarray(0, invitation.length - 300), PASSPHRASE, marc)).toThrow(
      /^Ce fichier d'échange est endommagé ou incomplet/,
    );
    expectNoProject(laptop);
    expect(() => joinProject(laptop, Buffer.from('Compte rendu du comité de pilotage'), PASSPHRASE, marc)).toThrow(
      /^Ce fichier n'est pas un fichier d'échange Entente/,
    );
    expectNoProject(laptop);
    const newer = Buffer.from(invitation);
    newer.writeUInt16BE(SYNC_FORMAT_VERSION + 1, 12);
    expect(() => joinProject(laptop, newer, PASSPHRASE, marc)).toThrow(
      `Ce fichier d'échange a été écrit par une version plus récente d'Entente (format ${SYNC_FORMAT_VERSION + 1})`,
    );
    expectNoProject(laptop);
    const incremental = exportFile(claire, { secret: PASSPHRASE, forReplica: nadia.replicaId }).bytes;
    expect(() => joinProject(laptop, incremental, PASSPHRASE, marc)).toThrow(
      "Ce fichier d'échange ne contient pas tout l'historique de la coopération : demandez une invitation (Paramètres › Inviter un nouvel ordinateur) à la personne qui vous l'a envoyé.",
    );
    // Nor is it previewed as one: it names its project by a digest only.
    expect(() => previewInvitation(incremental, PASSPHRASE)).toThrow(/ne contient pas tout l'historique/);
    expectNoProject(laptop);
    // Refused after the whole history was applied: the transaction takes it all back.
    expect(() => joinProject(laptop, invitation, PASSPHRASE, { ...marc, partner: '99' })).toThrow('Partenaire inconnu : 99. Codes possibles : 37, 41.');
    expectNoProject(laptop);

    const before = dump(nadia);
    const identity = [nadia.replicaId, nadia.personId];
    expect(() => joinProject(nadia, invitation, PASSPHRASE, marc)).toThrow('Ce dossier de données contient déjà une coopération.');
    expect(dump(nadia)).toBe(before);
    expect([nadia.replicaId, nadia.personId]).toEqual(identity);

    // Nothing left behind by the refusals: the same laptop joins.
    expect(joinProject(laptop, invitation, PASSPHRASE, marc).applied).toBe(changeCount(claire));
  });

  test("la phrase de passe : 12 caractères pour une nouvelle, 8 pour celle d'un projet existant, jamais gardée dans la base", () => {
    const claire = newReplica('Claire Martin', '37');
    expect(() => createInvitation(claire, ' court  ')).toThrow('La phrase de passe compte au moins 8 caractères.');
    expect(() => keyringOf(claire, '  1234567  ')).toThrow('La phrase de passe compte au moins 8 caractères.');
    expect(hasKeyFile(claire)).toBe(false);
    expect(() => validateNewPassphrase(' Chambord 41 ')).toThrow('La phrase de passe doit compter au moins 12 caractères.');
    keyringOf(claire, ' Chambord 41 ');
    // Kept exactly as typed (the key is derived from it): the spaces count.
    expect(() => keyringOf(claire, 'Chambord 41')).toThrow("Ce n'est pas la phrase de passe de cet ordinateur.");
    expect(keyringOf(claire, ' Chambord 41 ').replica).toBe(claire.replicaId);
    claire.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(claire.file).includes('Chambord')).toBe(false);
  });
});
