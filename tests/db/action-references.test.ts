import { describe, expect, test } from 'vitest';
import { myActions } from '../../db/actions/mine';
import { setPilot } from '../../db/actions/pilots';
import { getAction, queryActions } from '../../db/actions/reads';
import { createAction, deleteAction, updateAction } from '../../db/actions/writes';
import { dump } from '../../db/project/dump';
import type { Store } from '../../db/store/store';
import { sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { cast, codiri } from './meeting-fixtures';
import { newReplica, sendAll } from './helpers';

/** The references of a chantier's actions, in reference order. */
const references = (store: Store, chantierId: string) =>
  queryActions(store, { chantier_ids: [chantierId], sort: { by: 'reference', direction: 'asc' } }).map((row) => [row.reference, row.title]);

const numberOf = (store: Store, id: string) => store.db.prepare('SELECT number FROM action WHERE id = ?').pluck().get(id);

describe("la référence d'une action", () => {
  test('les actions créées avant le schéma 5 prennent les premiers numéros de leur chantier, dans leur ordre de création', () => {
    const store = newReplica();
    expect(numberOf(store, 'a4-1')).toBeNull();
    expect(references(store, 'c4').map(([reference]) => reference)).toEqual(['4.1', '4.2', '4.3', '4.4']);
    expect(getAction(store, 'a4-3').reference).toBe('4.3');
    expect(getAction(store, 'a9-1').reference).toBe('9.1');
  });

  test('une action créée prend le numéro suivant, sans décaler les autres', () => {
    const store = newReplica();
    const id = createAction(store, { chantier_id: 'c4', title: 'Partage des offres de mobilité' });
    expect(numberOf(store, id)).toBe(5);
    const next = createAction(store, { chantier_id: 'c4', title: 'Bourse commune des stages' });
    expect(references(store, 'c4')).toEqual([
      ['4.1', expect.stringContaining('formation commune')],
      ['4.2', expect.stringContaining('séminaire des cadres')],
      ['4.3', expect.any(String)],
      ['4.4', expect.any(String)],
      ['4.5', 'Partage des offres de mobilité'],
      ['4.6', 'Bourse commune des stages'],
    ]);
    expect(getAction(store, next).reference).toBe('4.6');
    // A new chantier starts at 1.
    const other = createAction(store, { chantier_id: 'c9', title: 'Signature électronique partagée' });
    expect(getAction(store, other).reference).toBe('9.2');
  });

  test("une action née d'un compte rendu validé (sans numéro, écrite pareil par chaque poste) prend le numéro après celles du chantier", () => {
    const store = newReplica();
    const people = cast(store);
    createAction(store, { chantier_id: 'c4', title: 'Partage des offres de mobilité' });
    const { meetingId, actionItems } = codiri(store, people);
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    expect(numberOf(store, actionItems.seminaire)).toBeNull();
    expect(getAction(store, actionItems.seminaire).reference).toBe('4.6');
    const next = createAction(store, { chantier_id: 'c4', title: 'Bourse commune des stages' });
    expect(getAction(store, next).reference).toBe('4.7');
    expect(references(store, 'c4').map(([reference]) => reference)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
  });

  test('un numéro lu (compte rendu validé) ne fait jamais passer en « bis » un numéro donné, reçu plus tard', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Marc Petit', '41', undefined, () => Date.now() - 60_000); // b wrote earlier
    sendAll(a, b);
    sendAll(b, a);
    const fromB = createAction(b, { chantier_id: 'c4', title: 'Action du 41' });
    const people = cast(a);
    const { meetingId, actionItems } = codiri(a, people);
    sendForValidation(a, meetingId, '2027-03-18');
    validateMinutes(a, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    expect(getAction(a, actionItems.seminaire).reference).toBe('4.5');
    const next = createAction(a, { chantier_id: 'c4', title: 'Action du 37' });
    expect(getAction(a, next).reference).toBe('4.6');
    sendAll(a, b);
    sendAll(b, a);
    expect(dump(a)).toBe(dump(b));
    for (const store of [a, b]) {
      expect(getAction(store, fromB).reference).toBe('4.5');
      expect(getAction(store, next).reference).toBe('4.6');
      // The number read moves, the numbers given stay.
      expect(getAction(store, actionItems.seminaire).reference).toBe('4.7');
    }
  });

  test('une action déplacée prend le numéro suivant de son nouveau chantier ; une suppression ne renumérote pas', () => {
    const store = newReplica();
    const id = createAction(store, { chantier_id: 'c4', title: 'Partage des offres de mobilité' });
    updateAction(store, id, { chantier_id: 'c5' });
    expect(numberOf(store, id)).toBe(2);
    expect(getAction(store, id).reference).toBe('5.2');
    // Another field edited: the number stays.
    updateAction(store, id, { title: 'Partage des offres de mobilité interne' });
    expect(getAction(store, id).reference).toBe('5.2');
    deleteAction(store, 'a4-2');
    expect(references(store, 'c4').map(([reference]) => reference)).toEqual(['4.1', '4.3', '4.4']);
    expect(createAction(store, { chantier_id: 'c4', title: 'Nouvelle action' })).toBeTruthy();
    expect(references(store, 'c4').map(([reference]) => reference)).toEqual(['4.1', '4.3', '4.4', '4.5']);
  });

  test('deux postes qui numérotent la même action entre deux synchronisations : « 4.5 » et « 4.5 bis », les mêmes sur les deux', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Marc Petit', '41', undefined, () => Date.now() + 60_000); // b writes later
    sendAll(a, b);
    sendAll(b, a);
    const first = createAction(a, { chantier_id: 'c4', title: 'Action du 37' });
    const second = createAction(b, { chantier_id: 'c4', title: 'Action du 41' });
    expect(numberOf(a, first)).toBe(5);
    expect(numberOf(b, second)).toBe(5);
    sendAll(a, b);
    sendAll(b, a);
    expect(dump(a)).toBe(dump(b));
    for (const store of [a, b]) {
      expect(references(store, 'c4').slice(4)).toEqual([
        ['4.5', 'Action du 37'],
        ['4.5 bis', 'Action du 41'],
      ]);
    }
    // The next action of either laptop comes after both.
    expect(getAction(b, createAction(b, { chantier_id: 'c4', title: 'Suite' })).reference).toBe('4.6');
    // Once one of them is deleted, the other is « 4.5 » again.
    deleteAction(a, first);
    expect(getAction(a, second).reference).toBe('4.5');
  });

  test('tri par référence, dans les deux sens, et référence dans « Mes actions »', () => {
    const store = newReplica();
    createAction(store, { chantier_id: 'c1', title: 'Zéro déchet au domicile' });
    const all = queryActions(store, { sort: { by: 'reference', direction: 'asc' } }).map((row) => row.reference);
    expect(all.slice(0, 4)).toEqual(['1.1', '1.2', '1.3', '2.1']);
    expect(queryActions(store, { sort: { by: 'reference', direction: 'desc' } }).map((row) => row.reference)).toEqual([...all].reverse());
    // The default order is the reference.
    expect(queryActions(store, {}).map((row) => row.reference)).toEqual(all);
    setPilot(store, 'a4-2', 'd37', { person_id: store.personId! });
    expect(myActions(store).lines.map((line) => line.reference)).toEqual(['4.2']);
  });
});

describe('« À arbitrer au prochain comité »', () => {
  test("enregistré par la mise à jour de l'action, lu par la fiche et le tableau, filtrable", () => {
    const store = newReplica();
    expect(getAction(store, 'a4-2').to_arbitrate).toBeNull();
    updateAction(store, 'a4-2', { to_arbitrate: true });
    expect(getAction(store, 'a4-2').to_arbitrate).toBe(true);
    expect(queryActions(store, { to_arbitrate: true }).map((row) => [row.reference, row.to_arbitrate])).toEqual([['4.2', true]]);
    expect(queryActions(store, { to_arbitrate: false })).toHaveLength(13);
    updateAction(store, 'a4-2', { to_arbitrate: false });
    expect(getAction(store, 'a4-2').to_arbitrate).toBe(false);
    expect(queryActions(store, { to_arbitrate: true })).toEqual([]);
  });
});
