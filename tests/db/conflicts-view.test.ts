import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addNote, deleteAction, updateAction, updateNote } from '../../db/actions/writes';
import { listConflicts } from '../../db/conflicts/versions';
import { listConflictViews } from '../../db/conflicts/reads';
import { resolveConflict } from '../../db/conflicts/writes';
import { dump } from '../../db/project/dump';
import { ValidationError } from '../../db/errors';
import { createMeeting, updateMeeting } from '../../db/meetings/writes';
import { Store } from '../../db/store/store';
import { createInvitation, joinProject } from '../../db/sync/invitation';
import { meet, newCooperation, newReplica, sendAll, tempDir, track, twoReplicas as twoLaptops } from './helpers';

const PASSPHRASE = 'une phrase de passe commune';

/** Two laptops that have met once, then exchange through real sync files. */
const twoReplicas = () =>
  twoLaptops(
    () => Date.UTC(2026, 10, 26, 9, 15),
    () => Date.UTC(2026, 10, 26, 10, 30),
  );

describe('the Conflits view', () => {
  test('each version with its author, poste and date; the row named', () => {
    const [a, b] = twoReplicas();
    updateAction(a, 'a4-1', { status: 'en_cours', description: 'Version de Claire' });
    updateAction(b, 'a4-1', { status: 'bloque', description: 'Version de Marc' });
    meet(a, b);
    const views = listConflictViews(a);
    expect(views.map((view) => view.field)).toEqual(['description', 'status']);
    const [description] = views;
    expect(description).toMatchObject({ entity: 'action', row_id: 'a4-1', action_id: 'a4-1' });
    expect(description.row_label).toMatch(/^Action « .+ »$/);
    const byAuthor = Object.fromEntries(description.versions.map((version) => [version.author, version]));
    expect(byAuthor['Claire Martin']).toMatchObject({ value: 'Version de Claire', date: '2026-11-26T09:15:00.000Z', shown: false });
    expect(byAuthor['Claire Martin'].replica).toMatch(/^l'ordinateur de Claire Martin \(/);
    expect(byAuthor['Marc Petit']).toMatchObject({ value: 'Version de Marc', date: '2026-11-26T10:30:00.000Z', shown: true });
    expect(listConflictViews(b)).toEqual(views);
  });

  test('a meeting type named as the cooperation names it: « interdépartemental » between Départements only', () => {
    /** The types written on each side, as the view names them. */
    const typeLabels = (a: Store, b: Store) => {
      const meeting = createMeeting(a, { type: 'codiri', date: '2027-04-01', start_time: '09:00', duration_minutes: 90 });
      meet(a, b);
      updateMeeting(a, meeting, { type: 'atelier' });
      updateMeeting(b, meeting, { type: 'comite_pilotage' });
      meet(a, b);
      const view = listConflictViews(a).find((found) => found.entity === 'meeting' && found.field === 'type')!;
      return [...view.versions.map((version) => version.value_label), view.before?.value_label].sort();
    };
    expect(typeLabels(...twoReplicas())).toEqual(['Atelier interdépartemental', 'CODIRI', 'Comité de pilotage']);

    const elise = newCooperation();
    const paul = track(Store.open(join(tempDir(), 'entente.sqlite')));
    joinProject(paul, createInvitation(elise, PASSPHRASE).bytes, PASSPHRASE, { name: 'Paul Girard', function: 'Maire adjoint', partner: 'CHEN' });
    expect(typeLabels(elise, paul)).toEqual(['Atelier de coopération', 'CODIRI', 'Comité de pilotage']);
  });

  test('a chosen version and a merged value settle the conflict for everyone', () => {
    const [a, b] = twoReplicas();
    updateAction(a, 'a4-1', { status: 'en_cours', description: 'Version de Claire' });
    updateAction(b, 'a4-1', { status: 'bloque', description: 'Version de Marc' });
    meet(a, b);
    resolveConflict(a, 'action', 'a4-1', 'status', 'en_cours');
    resolveConflict(a, 'action', 'a4-1', 'description', 'Claire et Marc');
    expect(listConflictViews(a)).toEqual([]);
    meet(a, b);
    for (const store of [a, b]) {
      expect(listConflicts(store)).toEqual([]);
      expect(store.db.prepare('SELECT status, description FROM action WHERE id = ?').get('a4-1')).toEqual({
        status: 'en_cours',
        description: 'Claire et Marc',
      });
    }
    expect(dump(a)).toBe(dump(b));
  });

  test('a choice made among versions that changed meanwhile (a third arrived, or settled elsewhere) writes nothing', () => {
    const [a, b] = twoReplicas();
    const c = newReplica('Nadia Benali', '41');
    sendAll(a, c);
    sendAll(c, a);
    updateAction(a, 'a4-1', { description: 'Version de Claire' });
    updateAction(b, 'a4-1', { description: 'Version de Marc' });
    meet(a, b);
    const [shown] = listConflictViews(a);
    const seen = shown.versions.map((version): [string, number] => [version.origin, version.seq]);
    // Nadia's version arrives while Claire writes her merge of the two she sees.
    updateAction(c, 'a4-1', { description: 'Version de Nadia : budget 12 000 €' });
    meet(c, a);
    expect(() => resolveConflict(a, 'action', 'a4-1', 'description', 'Fusion de Claire', seen)).toThrow(/Ce conflit a changé pendant que vous choisissiez/);
    const [now] = listConflictViews(a);
    expect(now.versions.map((version) => version.value).sort()).toEqual(['Version de Claire', 'Version de Marc', 'Version de Nadia : budget 12 000 €']);

    // Chosen among the three she sees now: settled.
    resolveConflict(
      a,
      'action',
      'a4-1',
      'description',
      'Fusion des trois',
      now.versions.map((version): [string, number] => [version.origin, version.seq]),
    );
    expect(listConflictViews(a)).toEqual([]);
    // Settled on Claire's laptop while Marc chose on his: his choice is refused too.
    const [onB] = listConflictViews(b);
    meet(a, b);
    expect(() =>
      resolveConflict(
        b,
        'action',
        'a4-1',
        'description',
        'Version de Marc',
        onB.versions.map((version): [string, number] => [version.origin, version.seq]),
      ),
    ).toThrow(/Ce conflit a changé/);
    expect(b.db.prepare('SELECT description FROM action WHERE id = ?').pluck().get('a4-1')).toBe('Fusion des trois');
  });

  test('a value the field refuses is refused, with a French message, and writes nothing', () => {
    const [a, b] = twoReplicas();
    updateAction(a, 'a4-1', { status: 'en_cours' });
    updateAction(b, 'a4-1', { status: 'bloque' });
    meet(a, b);
    expect(() => resolveConflict(a, 'action', 'a4-1', 'status', 'termine')).toThrow(ValidationError);
    expect(() => resolveConflict(a, 'action', 'a4-1', 'inconnu', 'x')).toThrow(/Champ inconnu/);
    expect(() => resolveConflict(a, 'action', 'a4-1', 'deleted', 'oui')).toThrow(ValidationError);
    expect(() => resolveConflict(a, 'table', 'a4-1', 'status', 'en_cours')).toThrow(/inconnu/);
    expect(listConflictViews(a)).toHaveLength(1);
  });

  test('a note edited on both sides is named by its action and date; text versions kept whole', () => {
    const [a, b] = twoReplicas();
    const note = addNote(a, 'a4-1', { text: 'Comité de pilotage', date: '2026-03-12' });
    meet(a, b);
    updateNote(a, note, { text: 'Comité : cahier des charges validé.' });
    updateNote(b, note, { text: 'Comité : cahier des charges à revoir.' });
    meet(a, b);
    const [view] = listConflictViews(b);
    expect(view).toMatchObject({ entity: 'note', field: 'text', action_id: 'a4-1' });
    expect(view.row_label).toMatch(/^Note du 12 mars 2026 de l'action « .+ »$/);
    expect(view.versions.map((version) => version.value).sort()).toEqual(['Comité : cahier des charges validé.', 'Comité : cahier des charges à revoir.']);
  });

  test('a delete concurrent with an edit: keep the row, or confirm the delete', () => {
    for (const keep of [true, false]) {
      const [a, b] = twoReplicas();
      deleteAction(a, 'a5-1');
      updateAction(b, 'a5-1', { progress: 60 });
      meet(a, b);
      const [view] = listConflictViews(a);
      expect(view).toMatchObject({ entity: 'action', row_id: 'a5-1', field: 'deleted', action_id: 'a5-1' });
      expect(view.versions.map((version) => version.value)).toContain(true);
      resolveConflict(b, 'action', 'a5-1', 'deleted', !keep);
      meet(a, b);
      for (const store of [a, b]) {
        expect(listConflicts(store)).toEqual([]);
        expect(store.db.prepare('SELECT deleted FROM action WHERE id = ?').pluck().get('a5-1')).toBe(keep ? 0 : 1);
      }
    }
  });
});
