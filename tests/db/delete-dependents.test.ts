// A delete that had not seen a row added to what it deletes (a note to an action, a décision
// to a point, a pilote naming a person) hides nothing: the row deleted stays, in conflict,
// as for an edit of its own fields (docs/sync.md « Conflits »).
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { addNote, deleteAction, updateAction } from '../../db/actions/writes';
import { getAction } from '../../db/actions/reads';
import { setPilot } from '../../db/actions/pilots';
import { listConflicts } from '../../db/conflicts/versions';
import { listConflictViews } from '../../db/conflicts/reads';
import { resolveConflict } from '../../db/conflicts/writes';
import { addAgendaItem, addEntry, addParticipant, createMeeting, deleteAgendaItem, deleteMeeting } from '../../db/meetings/writes';
import { createPerson, deletePerson } from '../../db/people/writes';
import { check } from '../../db/project/check';
import { dump } from '../../db/project/dump';
import { Store } from '../../db/store/store';
import { DEPENDENCES } from '../../db/store/dependents';
import { meet, newReplica, track, twoReplicas } from './helpers';

const deleted = (store: Store, entity: string, id: string) => store.db.prepare(`SELECT deleted FROM ${entity} WHERE id = ?`).pluck().get(id);
const deleteConflicts = (store: Store) =>
  listConflicts(store)
    .filter((conflict) => conflict.field === 'deleted')
    .map((conflict) => `${conflict.entity} ${conflict.row_id}`);

describe('une suppression qui ignorait une ligne ajoutée à ce qu’elle supprime', () => {
  test("une note ajoutée ailleurs à une action supprimée garde l'action, en conflit ; confirmer la suppression la retire partout", () => {
    const [claire, marc] = twoReplicas();
    deleteAction(claire, 'a4-1');
    addNote(marc, 'a4-1', { text: 'Le prestataire a répondu : devis le 15.', date: '2026-11-30' });
    meet(claire, marc);
    for (const store of [claire, marc]) {
      expect(deleted(store, 'action', 'a4-1')).toBe(0);
      expect(deleteConflicts(store)).toEqual(['action a4-1']);
      expect(getAction(store, 'a4-1').notes.map((note) => note.text)).toEqual(['Le prestataire a répondu : devis le 15.']);
      expect(check(store)).toEqual({ ok: true, problems: [] });
    }
    expect(dump(claire)).toBe(dump(marc));
    // The Conflits view says what the delete had not seen.
    const view = listConflictViews(claire).find((conflict) => conflict.field === 'deleted')!;
    expect(view.unseen).toEqual([
      {
        row_label: expect.stringMatching(/^Note du 30 novembre 2026 de l'action « /),
        added: true,
        fields: [],
        author: 'Marc Petit',
        replica: "l'ordinateur de Marc Petit (Loir-et-Cher)",
        refs: expect.arrayContaining([[marc.replicaId, expect.any(Number)]]),
        date: expect.any(String),
      },
    ]);
    expect(listConflictViews(marc)).toEqual(listConflictViews(claire));

    // Claire has now seen the note, and confirms: the delete hides the action everywhere.
    resolveConflict(claire, 'action', 'a4-1', 'deleted', true);
    meet(claire, marc);
    for (const store of [claire, marc]) {
      expect(deleted(store, 'action', 'a4-1')).toBe(1);
      expect(deleteConflicts(store)).toEqual([]);
    }
  });

  test('une décision ajoutée ailleurs à un point garde la réunion supprimée, et ce point', () => {
    const [claire, marc] = twoReplicas();
    const meeting = createMeeting(claire, { type: 'codiri', date: '2027-03-15', start_time: '09:30', duration_minutes: 120 });
    const item = addAgendaItem(claire, meeting, { title: 'Budget 2027' });
    const information = addEntry(claire, item, { kind: 'information', text: 'Le budget 2026 est exécuté à 92 %.' });
    const guest = addParticipant(claire, meeting, { name: 'Jeanne Morel', function: 'Élue', organisation: 'Région Centre-Val de Loire' });
    const dropped = addAgendaItem(claire, meeting, { title: 'Point retiré avant la suppression' });
    deleteAgendaItem(claire, dropped);
    meet(claire, marc);
    deleteMeeting(claire, meeting);
    addEntry(marc, item, { kind: 'decision', text: 'Le budget 2027 est arrêté.' });
    // Claire receives the décision first: her delete had not seen it.
    meet(marc, claire);
    for (const store of [claire, marc]) {
      expect(deleted(store, 'meeting', meeting)).toBe(0);
      expect(deleted(store, 'agenda_item', item)).toBe(0);
      expect(deleteConflicts(store)).toEqual([`agenda_item ${item}`, `meeting ${meeting}`].sort());
      expect(check(store)).toEqual({ ok: true, problems: [] });
    }
    expect(dump(claire)).toBe(dump(marc));

    // Kept: what the delete took with it comes back, whole; a point deleted before stays deleted.
    resolveConflict(marc, 'meeting', meeting, 'deleted', false);
    meet(marc, claire);
    for (const store of [claire, marc]) {
      expect(deleteConflicts(store)).toEqual([]);
      expect([meeting, item, information, guest].map((id, i) => deleted(store, ['meeting', 'agenda_item', 'entry', 'participant'][i], id))).toEqual([
        0, 0, 0, 0,
      ]);
      expect(deleted(store, 'agenda_item', dropped)).toBe(1);
      expect(check(store)).toEqual({ ok: true, problems: [] });
    }
  });

  test('un pilote nommé ailleurs garde la personne supprimée ; un autre pilote nommé ensuite la laisse partir', () => {
    const [claire, marc] = twoReplicas();
    const person = createPerson(claire, { name: 'Sophie Durand', function: 'Chargée de mission', partner_id: 'd41', email: null });
    meet(claire, marc);
    deletePerson(claire, person);
    setPilot(marc, 'a4-1', 'd41', { person_id: person });
    meet(claire, marc);
    for (const store of [claire, marc]) {
      expect(deleted(store, 'person', person)).toBe(0);
      expect(deleteConflicts(store)).toEqual([`person ${person}`]);
    }

    // Marc names someone else: nothing keeps the person any more, wherever the change arrives.
    setPilot(marc, 'a4-1', 'd41', { person_id: marc.personId });
    meet(marc, claire);
    for (const store of [claire, marc]) {
      expect(deleted(store, 'person', person)).toBe(1);
      expect(deleteConflicts(store)).toEqual([]);
      expect(check(store)).toEqual({ ok: true, problems: [] });
    }
  });

  test("confirmer la suppression est refusé si une autre note est arrivée depuis l'affichage : rien n'est caché sans avoir été vu", () => {
    const [claire, marc] = twoReplicas();
    deleteAction(claire, 'a4-1');
    addNote(marc, 'a4-1', { text: 'Première note.' });
    meet(marc, claire);
    const shown = listConflictViews(claire).find((conflict) => conflict.field === 'deleted')!;
    const seen = [...shown.versions.map((version): [string, number] => [version.origin, version.seq]), ...shown.unseen.flatMap((edit) => edit.refs)];
    addNote(marc, 'a4-1', { text: 'Deuxième note, arrivée pendant le choix.' });
    meet(marc, claire);
    expect(() => resolveConflict(claire, 'action', 'a4-1', 'deleted', true, seen)).toThrow('Ce conflit a changé pendant que vous choisissiez');
    expect(deleted(claire, 'action', 'a4-1')).toBe(0);
    const again = listConflictViews(claire).find((conflict) => conflict.field === 'deleted')!;
    expect(again.unseen).toHaveLength(2);
    resolveConflict(claire, 'action', 'a4-1', 'deleted', true, [
      ...again.versions.map((version): [string, number] => [version.origin, version.seq]),
      ...again.unseen.flatMap((edit) => edit.refs),
    ]);
    expect(deleted(claire, 'action', 'a4-1')).toBe(1);
  });

  test('une modification de la ligne même est nommée par ses champs', () => {
    const [claire, marc] = twoReplicas();
    deleteAction(claire, 'a4-1');
    updateAction(marc, 'a4-1', { status: 'bloque', progress: 30 });
    meet(claire, marc);
    const view = listConflictViews(claire).find((conflict) => conflict.field === 'deleted')!;
    expect(view.unseen).toMatchObject([{ row_label: null, added: false, fields: expect.arrayContaining(['Statut', 'Avancement']), author: 'Marc Petit' }]);
  });

  test("deux pilotes nommés sans le savoir, dont une personne supprimée : elle reste, quelle que soit l'horloge qui l'emporte", () => {
    for (const marcFirst of [true, false]) {
      const claire = newReplica('Claire Martin', '37');
      const marc = newReplica('Marc Petit', '41', undefined, () => Date.now() + (marcFirst ? -60_000 : 60_000));
      const ines = newReplica('Inès Garnier', '41');
      const sophie = createPerson(claire, { name: 'Sophie Durand', function: null, partner_id: 'd41', email: null });
      const paul = createPerson(claire, { name: 'Paul Girard', function: null, partner_id: 'd41', email: null });
      for (const other of [marc, ines]) meet(claire, other);
      setPilot(marc, 'a4-1', 'd41', { person_id: sophie });
      setPilot(ines, 'a4-1', 'd41', { person_id: paul });
      deletePerson(claire, sophie);
      for (const other of [marc, ines]) meet(other, claire);
      expect(deleted(claire, 'person', sophie)).toBe(0);
      expect(deleteConflicts(claire)).toEqual([`person ${sophie}`]);
      expect(check(claire)).toEqual({ ok: true, problems: [] });
    }
  });

  test('une note que la suppression avait vue part avec son action', () => {
    const [claire, marc] = twoReplicas();
    addNote(marc, 'a4-1', { text: 'Avant la suppression.' });
    meet(marc, claire);
    deleteAction(claire, 'a4-1');
    meet(claire, marc);
    for (const store of [claire, marc]) {
      expect(deleted(store, 'action', 'a4-1')).toBe(1);
      expect(deleteConflicts(store)).toEqual([]);
    }
  });

  test('chaque ligne qui se rattache à une autre se trouve par un index', () => {
    const [store] = twoReplicas();
    for (const { entity, field } of DEPENDENCES) {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${entity} WHERE ${field} = ?`).all('x') as { detail: string }[]).map(
        (row) => row.detail,
      );
      expect(plan.join(' '), `${entity}.${field}`).toMatch(/USING (COVERING )?INDEX/);
    }
  });

  test("une base de la version 0.6, qui cachait l'action, la montre en conflit une fois migrée", () => {
    const [claire, marc] = twoReplicas();
    deleteAction(claire, 'a4-1');
    addNote(marc, 'a4-1', { text: 'Ajoutée sans connaître la suppression.' });
    meet(marc, claire);
    const expected = dump(claire);
    const file = claire.db.name;
    claire.close();
    // As 0.6 derived it: hidden, without conflict, and without the new indexes.
    const raw = new Database(file);
    raw.exec(`
      UPDATE action SET deleted = 1 WHERE id = 'a4-1';
      DELETE FROM conflict_fields WHERE entity = 'action' AND row_id = 'a4-1';
      DROP INDEX entry_by_agenda_item;
    `);
    raw.pragma('user_version = 8');
    raw.close();

    const migrated = track(Store.open(file));
    expect(deleted(migrated, 'action', 'a4-1')).toBe(0);
    expect(deleteConflicts(migrated)).toEqual(['action a4-1']);
    expect(dump(migrated)).toBe(expected);
    expect(check(migrated)).toEqual({ ok: true, problems: [] });
  });
});
