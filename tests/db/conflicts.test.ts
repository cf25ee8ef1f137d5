import { describe, expect, test } from 'vitest';
import { deleteAction, updateAction } from '../../db/actions/writes';
import { listConflicts } from '../../db/conflicts/versions';
import { counts, dump } from '../../db/project/dump';
import { queryActions } from '../../db/actions/reads';
import type { Store } from '../../db/store/store';
import { newReplica, sendAll } from './helpers';

/** Two laptops of the same project, one in each Département, that have met once. */
function twoReplicas(bNow?: () => number): [Store, Store] {
  const a = newReplica('Claire Martin', '37');
  const b = newReplica('Marc Petit', '41', undefined, bNow);
  sendAll(a, b);
  sendAll(b, a);
  expect(dump(a)).toBe(dump(b));
  return [a, b];
}

function meet(a: Store, b: Store): void {
  sendAll(a, b);
  sendAll(b, a);
}

const title = (store: Store, id: string) => store.db.prepare('SELECT title FROM action WHERE id = ?').pluck().get(id);

describe('two replicas', () => {
  test('concurrent edits of a field: both versions kept, same winner and same dump on both sides', () => {
    const [a, b] = twoReplicas();
    updateAction(a, 'a4-1', { title: 'Formation commune (version 37)' });
    updateAction(b, 'a4-1', { title: 'Formation commune (version 41)' });
    meet(a, b);
    for (const store of [a, b]) {
      const versions = store.log.liveVersions('action', 'a4-1', 'title').map((version) => JSON.parse(version.value));
      expect(versions.sort()).toEqual(['Formation commune (version 37)', 'Formation commune (version 41)']);
      expect(counts(store).conflicts).toBe(1);
    }
    expect(title(a, 'a4-1')).toBe(title(b, 'a4-1'));
    expect(dump(a)).toBe(dump(b));
    expect(listConflicts(a)).toEqual([expect.objectContaining({ entity: 'action', row_id: 'a4-1', field: 'title', versions: expect.any(Array) })]);

    // Receiving the same changes again changes nothing.
    expect(sendAll(b, a)).toBe(0);

    // A user's choice supersedes both versions, for everyone.
    updateAction(b, 'a4-1', { title: 'Formation commune à la gestion de projet' });
    meet(a, b);
    for (const store of [a, b]) {
      expect(store.log.liveVersions('action', 'a4-1', 'title')).toHaveLength(1);
      expect(counts(store).conflicts).toBe(0);
      expect(title(store, 'a4-1')).toBe('Formation commune à la gestion de projet');
    }
    expect(dump(a)).toBe(dump(b));
  });

  test('the same value written on both sides is not a conflict', () => {
    const [a, b] = twoReplicas();
    updateAction(a, 'a4-1', { status: 'en_cours' });
    updateAction(b, 'a4-1', { status: 'en_cours' });
    meet(a, b);
    expect(a.log.liveVersions('action', 'a4-1', 'status')).toHaveLength(2);
    expect(counts(a).conflicts).toBe(0);
    expect(dump(a)).toBe(dump(b));
  });

  test('a delete concurrent with an edit keeps the row visible, as a conflict', () => {
    const [a, b] = twoReplicas();
    deleteAction(a, 'a5-1');
    updateAction(b, 'a5-1', { progress: 60 });
    meet(a, b);
    for (const store of [a, b]) {
      expect(queryActions(store, {}).map((row) => row.id)).toContain('a5-1');
      expect(counts(store).conflicts).toBe(1);
      expect(listConflicts(store)).toEqual([expect.objectContaining({ entity: 'action', row_id: 'a5-1', field: 'deleted' })]);
    }
    expect(dump(a)).toBe(dump(b));

    // Deleting again, having seen the edit, settles it.
    deleteAction(a, 'a5-1');
    meet(a, b);
    for (const store of [a, b]) {
      expect(queryActions(store, {}).map((row) => row.id)).not.toContain('a5-1');
      expect(counts(store).conflicts).toBe(0);
    }
    expect(dump(a)).toBe(dump(b));
  });

  test('a delete that saw every edit hides the row on both sides, whatever the order of arrival', () => {
    const [a, b] = twoReplicas();
    updateAction(b, 'a6-1', { progress: 10 });
    sendAll(b, a);
    deleteAction(a, 'a6-1');
    updateAction(b, 'a7-1', { progress: 20 });
    meet(a, b);
    for (const store of [a, b]) {
      expect(queryActions(store, {}).map((row) => row.id)).not.toContain('a6-1');
      expect(counts(store).conflicts).toBe(0);
    }
    expect(dump(a)).toBe(dump(b));
  });
});

describe('the log ahead of this version', () => {
  test('changes of an entity or a field this version does not know are kept, relayed, and counted as held', () => {
    const [a, b] = twoReplicas();
    const origin = 'poste-plus-recent';
    const future = [
      {
        origin,
        seq: 1,
        hlc: '1790000000000-0000',
        entity: 'piste',
        rowId: 'p1',
        field: 'title',
        value: '"Mutualiser les achats de sel de déneigement"',
        supersedes: [],
      },
      { origin, seq: 2, hlc: '1790000000001-0000', entity: 'action', rowId: 'a4-1', field: 'budget', value: '1200', supersedes: [] },
      { origin, seq: 3, hlc: '1790000000002-0000', entity: 'action', rowId: 'a4-1', field: 'progress', value: '70', supersedes: [] },
    ];
    expect(a.applyChanges(future)).toBe(3);
    expect(a.log.versionVector()[origin]).toBe(3);
    expect(a.db.prepare("SELECT progress FROM action WHERE id = 'a4-1'").pluck().get()).toBe(70);
    meet(a, b);
    expect(b.log.versionVector()[origin]).toBe(3);
    expect(dump(a)).toBe(dump(b));
  });

  test('a restore concurrent with a delete keeps the row visible, as a conflict', () => {
    const [a, b] = twoReplicas(() => Date.UTC(2001, 0, 1)); // b's clock is late: a's delete wins the tie
    deleteAction(a, 'a2-1');
    deleteAction(b, 'a2-1');
    sendAll(a, b); // b has seen both deletes, a only its own
    // b restores (superseding the two deletes it saw); a deletes again, having seen neither the restore nor b's delete.
    b.write([{ entity: 'action', rowId: 'a2-1', field: 'deleted', value: false }]);
    a.write([{ entity: 'action', rowId: 'a2-1', field: 'deleted', value: true }]);
    meet(a, b);
    for (const store of [a, b]) {
      expect(queryActions(store, {}).map((row) => row.id)).toContain('a2-1');
      expect(counts(store).conflicts).toBe(1);
    }
    expect(dump(a)).toBe(dump(b));
  });
});
