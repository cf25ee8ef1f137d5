import { expect, test } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { renewReplica } from '../../db/project/setup';
import { newReplica } from './helpers';

test('un poste restauré depuis une sauvegarde écrit sous un nouvel identifiant, pour la même personne', () => {
  const store = newReplica();
  const before = { replica: store.replicaId, person: store.personId };
  const renewed = renewReplica(store);
  expect(renewed).not.toBe(before.replica);
  expect(store.replicaId).toBe(renewed);
  expect(store.personId).toBe(before.person);
  updateAction(store, 'a1-1', { status: 'en_cours' });
  const last = store.db.prepare('SELECT origin, seq FROM changes ORDER BY hlc DESC LIMIT 1').get();
  expect(last).toEqual({ origin: renewed, seq: 5 });
});
