import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renewReplica } from '../../db/project/setup';
import { Store } from '../../db/store/store';
import { confirmKey } from '../../db/sync/confirmations';
import type { Change } from '../../db/store/changelog';
import { SHARED_SCHEMA_VERSION } from '../../db/store/migrations';
import { exportFile, importFile } from '../../db/sync/exchange';
import { encodeSyncFile } from '../../db/sync/format';
import { createInvitation, joinProject } from '../../db/sync/invitation';
import { derivedKey, fingerprint } from '../../db/sync/keys';
import { markPostesSeen, posteNotices } from '../../db/sync/poste-notices';
import { revokeReplica } from '../../db/sync/revocation';
import { newReplica, tempDir, track } from './helpers';

const PASSPHRASE = 'jardin-lampe-rocher-cabane';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);
/** Files sent one after the other, in this order. */
const exchange = (...pairs: [Store, Store][]) => pairs.forEach(([from, to]) => send(from, to));
/** The user clicks « Tout était attendu » on what the screen shows. */
const seeAll = (store: Store) =>
  markPostesSeen(
    store,
    posteNotices(store).map((notice) => notice.key),
  );
/** A revocation as a forger writes it, of any id. */
const revokeReplicaOf = (store: Store, id: string) => store.write([{ entity: 'replica', rowId: id, field: 'revoked_after', value: 0 }]);
const publicKey = (store: Store, replica: string) => store.db.prepare('SELECT public_key FROM replica WHERE id = ?').pluck().get(replica) as string;

describe('nouveaux ordinateurs et révocations à vérifier', () => {
  test("un poste arrivé est signalé jusqu'à ce que l'utilisateur dise l'avoir vu ; un second poste au nom d'une personne qui en a déjà un est marqué", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    expect(posteNotices(claire)).toEqual([]);
    // The import says so too, and its journal line keeps it.
    expect(send(nadia, claire).postes_arrived).toEqual(["l'ordinateur de Nadia Benali (Loir-et-Cher)"]);
    expect(send(nadia, claire).postes_arrived).toEqual([]);
    expect(posteNotices(claire)).toEqual([
      expect.objectContaining({
        kind: 'arrived',
        replica: nadia.replicaId,
        label: "l'ordinateur de Nadia Benali (Loir-et-Cher)",
        key_confirmed: false,
        same_person: null,
        sentence: expect.stringMatching(
          /^L'ordinateur de Nadia Benali \(Loir-et-Cher\) a rejoint la coopération le \d{1,2}(?:er)? \S+ \d{4}\. Sa clé n'est pas confirmée ici\.$/,
        ),
      }),
    ]);
    // Confirming its key does not make it seen: the user says when everything was expected.
    confirmKey(claire, nadia.replicaId!, fingerprint(publicKey(claire, nadia.replicaId!)));
    expect(posteNotices(claire)).toMatchObject([{ kind: 'arrived', key_confirmed: true }]);
    seeAll(claire);
    expect(posteNotices(claire)).toEqual([]);

    // Someone who has the passphrase makes a poste in Nadia's name (case and accents aside), then one in Claire's.
    const forger = newReplica('NADIA BÉNALI', '41');
    const inClairesName = newReplica('Claire Martin', '37');
    send(nadia, forger);
    send(inClairesName, forger);
    send(forger, claire);
    const notices = posteNotices(claire);
    expect(notices).toHaveLength(2);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          replica: forger.replicaId,
          label: "l'ordinateur de NADIA BÉNALI (Loir-et-Cher)",
          same_person: 'other-poste',
          sentence: expect.stringContaining("Cette personne avait déjà un ordinateur dans la coopération : vérifiez auprès d'elle qu'elle en a ajouté un."),
        }),
        expect.objectContaining({
          replica: inClairesName.replicaId,
          label: "l'ordinateur de Claire Martin (Indre-et-Loire)",
          same_person: 'this-laptop',
          sentence: expect.stringContaining("Il est à votre nom : si vous n'avez pas ajouté d'ordinateur, il n'est pas à vous."),
        }),
      ]),
    );
  });

  test('une révocation reçue est signalée, dite sans effet si son auteur était révoqué avant ; celles de ce poste ne le sont pas', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    exchange([marc, claire], [claire, nadia], [nadia, marc], [marc, nadia]);
    seeAll(nadia);
    revokeReplica(claire, marc.replicaId!);
    expect(posteNotices(claire).filter((notice) => notice.kind === 'revoked')).toEqual([]);
    // Marc's laptop, stolen and not yet told, revokes Nadia: it counts for nothing once Claire's arrives.
    revokeReplica(marc, nadia.replicaId!);
    send(marc, claire);
    // The import says so too.
    expect(send(claire, nadia).revocations?.sort((a, b) => a.replica.localeCompare(b.replica))).toEqual([
      { replica: "l'ordinateur de Marc Lefèvre (Loir-et-Cher)", by: "l'ordinateur de Claire Martin (Indre-et-Loire)" },
      { replica: "l'ordinateur de Nadia Benali (Loir-et-Cher)", by: "l'ordinateur de Marc Lefèvre (Loir-et-Cher)" },
    ]);
    const notices = posteNotices(nadia);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'revoked',
        replica: marc.replicaId,
        label: "l'ordinateur de Marc Lefèvre (Loir-et-Cher)",
        by: "l'ordinateur de Claire Martin (Indre-et-Loire)",
        in_effect: true,
        sentence: expect.stringMatching(
          /^L'ordinateur de Marc Lefèvre \(Loir-et-Cher\) a été révoqué par l'ordinateur de Claire Martin \(Indre-et-Loire\) le .*: ses mises à jour après la n° \d+ n'ont plus d'effet\.$/,
        ),
      }),
    ]);
    // Its own revocation is told by its banner (« Ce poste a été révoqué »), not here; Claire sees Marc's as void.
    expect(posteNotices(claire).filter((notice) => notice.kind === 'revoked')).toEqual([
      expect.objectContaining({
        kind: 'revoked',
        replica: nadia.replicaId,
        by: "l'ordinateur de Marc Lefèvre (Loir-et-Cher)",
        in_effect: false,
        sentence: expect.stringContaining(", sans effet : son auteur avait déjà été révoqué, ou n'est pas un ordinateur de la coopération."),
      }),
    ]);
    seeAll(nadia);
    expect(posteNotices(nadia)).toEqual([]);
  });

  test("rien à signaler pour ce qu'apporte une invitation, pour l'ancien identifiant d'un poste restauré, ni après une mise à jour d'Entente", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    send(nadia, claire);
    const joined = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(joined, createInvitation(claire, PASSPHRASE).bytes, PASSPHRASE, { name: 'Marc Lefèvre', function: null, partner: '41' });
    expect(posteNotices(joined)).toEqual([]);

    seeAll(claire);
    const before = claire.replicaId;
    renewReplica(claire);
    expect(claire.replicaId).not.toBe(before);
    expect(posteNotices(claire)).toEqual([]);

    // Updated from a version without notices: what the laptop held is not news, what comes next is.
    claire.db.prepare("DELETE FROM local_state WHERE key = 'postes_seen'").run();
    expect(posteNotices(claire)).toEqual([]);
    send(joined, claire);
    expect(posteNotices(claire)).toMatchObject([{ kind: 'arrived', replica: joined.replicaId }]);
  });

  test("« Tout était attendu » ne vaut que pour ce que l'écran montrait : ce qui arrive entre-temps reste signalé", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    send(nadia, claire);
    const shown = posteNotices(claire).map((notice) => notice.key);
    send(marc, claire);
    markPostesSeen(claire, shown);
    expect(posteNotices(claire)).toMatchObject([{ kind: 'arrived', replica: marc.replicaId }]);
  });

  test('révocations qui se croisent, poste remplacé, poste inconnu révoqué, révocations de ce poste avant une restauration, enregistrement illisible', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const marc = newReplica('Marc Lefèvre', '41');
    exchange([marc, claire], [claire, marc], [nadia, claire], [claire, nadia]);
    seeAll(nadia);
    // Claire and Marc revoke each other without knowing it: both count (db/store/revocations.ts).
    revokeReplica(claire, marc.replicaId!);
    revokeReplica(marc, claire.replicaId!);
    send(marc, nadia);
    send(claire, nadia);
    expect(posteNotices(nadia).map((notice) => [notice.kind, notice.replica, notice.kind === 'revoked' && notice.in_effect])).toEqual(
      expect.arrayContaining([
        ['revoked', marc.replicaId, true],
        ['revoked', claire.replicaId, true],
      ]),
    );
    seeAll(nadia);

    // Marc's laptop, revoked, is replaced by a new one: not another poste of his, since the first is revoked.
    const marcAgain = newReplica('Marc Lefèvre', '41');
    send(nadia, marcAgain);
    send(marcAgain, nadia);
    expect(posteNotices(nadia)).toMatchObject([{ kind: 'arrived', replica: marcAgain.replicaId, same_person: null }]);
    seeAll(nadia);

    // A revocation of an id no poste has: no poste arrived, the revocation is told.
    revokeReplicaOf(marcAgain, 'zzzzzzzzzzzz');
    send(marcAgain, nadia);
    expect(posteNotices(nadia)).toMatchObject([{ kind: 'revoked', replica: 'zzzzzzzzzzzz', label: 'un ordinateur encore inconnu ici' }]);
    seeAll(nadia);

    // Nadia revokes Marc's new laptop, then restores a backup: her own revocation is no news under her new id.
    revokeReplica(nadia, marcAgain.replicaId!);
    renewReplica(nadia);
    expect(posteNotices(nadia)).toEqual([]);

    // An unreadable record: nothing told, nothing fails; the next import records what was held.
    nadia.db.prepare("UPDATE local_state SET value = '{\"replicas\": 5' WHERE key = 'postes_seen'").run();
    expect(posteNotices(nadia)).toEqual([]);
    renewReplica(nadia);
    const julie = newReplica('Julie Roux', '37');
    send(julie, nadia);
    expect(posteNotices(nadia)).toMatchObject([{ kind: 'arrived', replica: julie.replicaId }]);
  });

  test('une invitation qui apporte des révocations : rien à signaler sur le nouveau poste', () => {
    const claire = newReplica('Claire Martin', '37');
    const marc = newReplica('Marc Lefèvre', '41');
    send(marc, claire);
    revokeReplica(claire, marc.replicaId!);
    const joined = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(joined, createInvitation(claire, PASSPHRASE).bytes, PASSPHRASE, { name: 'Nadia Benali', function: null, partner: '41' });
    expect(posteNotices(joined)).toEqual([]);
  });

  test('un poste qui écrit sans jamais dire à qui il est est signalé aussi, par son identifiant', () => {
    const claire = newReplica('Claire Martin', '37');
    // Unsigned changes of an origin that never published a key: what Entente 0.2 wrote, and a forger can.
    const origin = 'fabrique0001';
    const change: Change = {
      origin,
      seq: 1,
      hlc: '1796000000000-0000',
      entity: 'action',
      rowId: 'a4-1',
      field: 'status',
      value: '"abandonne"',
      supersedes: [],
    };
    const file = encodeSyncFile({
      project: claire.projectId!,
      sender: origin,
      schema: SHARED_SCHEMA_VERSION,
      full: false,
      key: derivedKey(PASSPHRASE, claire.projectId!),
      content: { senderHeld: { [origin]: 1 }, basedOn: {}, runs: [{ origin, from: 1, before: null, signature: null, changes: [change] }] },
    });
    const label = `un ordinateur qui ne dit pas à qui il est (identifiant ${origin})`;
    expect(importFile(claire, file, PASSPHRASE).postes_arrived).toEqual([label]);
    expect(posteNotices(claire)).toMatchObject([
      {
        kind: 'arrived',
        replica: origin,
        label,
        same_person: null,
        sentence: expect.stringMatching(/^Un ordinateur qui ne dit pas à qui il est \(identifiant fabrique0001\) a rejoint/),
      },
    ]);
    // As the notice advises: it is revoked, though it never wrote a row of its own.
    expect(revokeReplica(claire, origin)).toEqual({ revoked_after: 1 });
    expect(claire.log.revoked.get(origin)).toBe(1);
    expect(() => revokeReplica(claire, 'inconnu00001')).toThrow(/introuvable/);
  });

  test('un ordinateur révoqué ne révoque personne : sa révocation ne compterait nulle part', () => {
    const claire = newReplica('Claire Martin', '37');
    const marc = newReplica('Marc Lefèvre', '41');
    send(marc, claire);
    send(claire, marc);
    revokeReplica(claire, marc.replicaId!);
    send(claire, marc);
    expect(() => revokeReplica(marc, claire.replicaId!)).toThrow(/^Cet ordinateur a été révoqué par /);
  });

  test('une révocation annulée avec sa transaction ne laisse rien : ni borne, ni avis', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    send(nadia, claire);
    seeAll(claire);
    const marc = newReplica('Marc Lefèvre', '41');
    send(marc, nadia);
    seeAll(nadia);
    revokeReplica(nadia, marc.replicaId!);
    expect(posteNotices(claire)).toEqual([]);
    // A file that brings the revocation, then fails before its end (a damaged document, a forked history…).
    expect(() =>
      claire.transaction(() => {
        send(nadia, claire);
        expect(claire.log.revoked.has(marc.replicaId!)).toBe(true);
        throw new Error('fichier refusé après coup');
      }),
    ).toThrow('fichier refusé après coup');
    expect(claire.log.revoked.has(marc.replicaId!)).toBe(false);
    expect(posteNotices(claire).filter((notice) => notice.kind === 'revoked')).toEqual([]);
  });
});
