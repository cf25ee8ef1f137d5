import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as actions from '../../db/actions/writes';
import { createChantier, updateChantier } from '../../db/chantiers/writes';
import { createPartner, updatePartner, createPerson, deletePerson, updatePerson } from '../../db/people/writes';
import { updateProjectName } from '../../db/project/writes';
import { setPilot } from '../../db/actions/pilots';
import { check, replay } from '../../db/project/check';
import { dump } from '../../db/project/dump';
import { indexedWords } from '../../db/store/search';
import type { Store } from '../../db/store/store';
import { allChanges, changeCount, newReplica, shuffled, tempDir, track } from './helpers';

/** Runs a write and says how many changes it logged. */
function logged(store: Store, write: () => unknown): number {
  const before = changeCount(store);
  write();
  return changeCount(store) - before;
}

/** A replica with some of everything: rows, edits, moves, deletions. */
function busyReplica(): Store {
  const store = newReplica();
  const person = createPerson(store, { name: 'Marc Petit', function: 'DRH', partner_id: 'd41', email: null });
  const chantier = createChantier(store, { number: 10, title: 'La voirie', description: 'Routes partagées', stage: 'echange' });
  const action = actions.createAction(store, { chantier_id: chantier, title: 'Schéma routier commun', end_date: '2026-06-30' });
  actions.updateAction(store, action, { status: 'en_cours', progress: 20, finalites: ['territoire_partage'] });
  actions.updateAction(store, action, { progress: 45 });
  setPilot(store, action, 'd41', { person_id: person, services: 'Routes' });
  const steps = ['Inventaire', 'Arbitrage', 'Signature'].map((label) => actions.addStep(store, action, label));
  actions.moveStep(store, steps[2], 'up');
  actions.updateStep(store, steps[0], { done: true });
  actions.deleteStep(store, steps[1]);
  const note = actions.addNote(store, action, { text: 'Réunion de lancement à Blois', date: '2026-01-12' });
  actions.updateNote(store, note, { text: 'Réunion de lancement à Blois, relevé de décisions envoyé' });
  actions.addLink(store, action, { label: 'Carte', url: 'https://example.org/carte' });
  actions.deleteAction(store, 'a9-1');
  return store;
}

describe('every write is logged', () => {
  test('each API write adds changes, one per field it changes; a write that changes nothing adds none', () => {
    const store = newReplica();
    const id = actions.createAction(store, { chantier_id: 'c1', title: 'Tarification' });
    expect(changeCount(store)).toBeGreaterThan(0);
    expect(logged(store, () => actions.updateAction(store, id, { progress: 10, status: 'en_cours' }))).toBe(2);
    expect(logged(store, () => actions.updateAction(store, id, { progress: 10 }))).toBe(0);
    expect(logged(store, () => actions.deleteAction(store, id))).toBe(1);
    expect(logged(store, () => actions.addStep(store, 'a1-1', 'Étape'))).toBe(4);
    expect(logged(store, () => actions.addNote(store, 'a1-1', { text: 'Note' }))).toBe(4);
    expect(logged(store, () => actions.addLink(store, 'a1-1', { label: 'L', url: 'https://x.org' }))).toBe(3);
    expect(logged(store, () => setPilot(store, 'a1-1', 'd37', { person_id: store.personId!, services: null }))).toBe(4);
    const person = createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
    expect(logged(store, () => updatePerson(store, person, { email: 'marc@example.org' }))).toBe(1);
    expect(logged(store, () => deletePerson(store, person))).toBe(1);
    const partner = createPartner(store, { code: '45', name: 'Loiret', short_name: 'Loiret' });
    expect(logged(store, () => updatePartner(store, partner, { name: 'Département du Loiret' }))).toBe(1);
    expect(logged(store, () => updateProjectName(store, 'Entente'))).toBe(1);
    expect(logged(store, () => updateChantier(store, 'c1', { stage: 'echange' }))).toBe(1);
  });

  test('the tables are exactly what the log derives: check agrees, and sees a table edited behind its back', () => {
    const store = busyReplica();
    expect(check(store)).toEqual({ ok: true, problems: [] });
    store.db.prepare("UPDATE action SET title = 'modifié hors journal' WHERE id = 'a1-1'").run();
    const result = check(store);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^Table action : 1 ligne\(s\) ne correspondent pas au journal.*a1-1/)]);
  });

  test('check sees a search index out of step and a local counter behind the log', () => {
    const store = busyReplica();
    store.db.prepare('DELETE FROM action_search WHERE rowid = (SELECT rid FROM action WHERE id = ?)').run('a4-1');
    store.setLocalState('seq', '1');
    const problems = check(store).problems.join('\n');
    expect(problems).toMatch(/Table action_search : 1 ligne/);
    expect(problems).toMatch(/compteur de cet ordinateur \(1\) est en retard/);
  });
});

/** The words of the search index by action id (rowids are local to a file). */
const searchIndex = (store: Store) => store.db.prepare(`${indexedWords(store.db, 'main')} ORDER BY a.id`).all();

describe('replaying the log', () => {
  test('in its order, or shuffled in several files, rebuilds the same state', () => {
    const store = busyReplica();
    const expected = dump(store);
    const changes = allChanges(store);
    expect(dump(track(replay(changes)))).toBe(expected);
    for (const seed of [1, 2, 3]) {
      const mixed = shuffled(changes, seed);
      const rebuilt = track(replay([]));
      // Several sync files, one of them received twice.
      const third = Math.ceil(mixed.length / 3);
      for (const part of [mixed.slice(0, third), mixed.slice(third, 2 * third), mixed.slice(0, third), mixed.slice(2 * third)]) {
        rebuilt.applyChanges(part);
      }
      expect(dump(rebuilt)).toBe(expected);
      expect(searchIndex(rebuilt)).toEqual(searchIndex(store));
    }
  });

  test('a version superseded before it arrives arrives superseded; only versions not in the log stay marked', () => {
    const store = busyReplica();
    const expected = dump(store);
    const changes = allChanges(store);
    const marks = (replica: Store) => replica.db.prepare("SELECT origin || ':' || seq FROM superseded ORDER BY 1").pluck().all();
    // The changes that supersede another first, then the rest.
    const superseding = changes.filter((change) => change.supersedes.length > 0);
    const rebuilt = track(replay(superseding, join(tempDir(), 'entente.sqlite')));
    const held = new Set(superseding.map((change) => `${change.origin}:${change.seq}`));
    const awaited = [...new Set(superseding.flatMap((change) => change.supersedes.map(([origin, seq]) => `${origin}:${seq}`)))]
      .filter((version) => !held.has(version))
      .sort();
    expect(awaited.length).toBeGreaterThan(5);
    expect(marks(rebuilt)).toEqual(awaited);
    rebuilt.applyChanges(changes.filter((change) => change.supersedes.length === 0));
    expect(marks(rebuilt)).toEqual([]);
    expect(dump(rebuilt)).toBe(expected);
    expect(check(rebuilt)).toEqual({ ok: true, problems: [] });
    // Received in order, nothing is ever marked.
    expect(marks(store)).toEqual([]);
  });

  test('the dump shows visible rows only, and nothing local to the replica', () => {
    const store = busyReplica();
    const state = JSON.parse(dump(store));
    expect(state.entities.action.map((row: { id: string }) => row.id)).not.toContain('a9-1');
    expect(state.entities.action[0]).not.toHaveProperty('rid');
    expect(Object.keys(state).sort()).toEqual(['changes', 'conflicts', 'entities', 'versionVector']);
    const before = dump(store);
    store.setLocalState('last_import', '2026-01-01T10:00:00Z');
    expect(dump(store)).toBe(before);
    expect(state.changes).toHaveLength(changeCount(store));
  });
});
