import { describe, expect, test } from 'vitest';
import * as actions from '../../db/actions/writes';
import { createChantier, updateChantier } from '../../db/chantiers/writes';
import { createPartner, updatePartner, createPerson, deletePerson, updatePerson } from '../../db/people/writes';
import { getProject } from '../../db/project/reads';
import { listPartners, listPeople } from '../../db/people/reads';
import { updateProjectName } from '../../db/project/writes';
import { setPilot } from '../../db/actions/pilots';
import { UserError, ValidationError } from '../../db/errors';
import { getAction } from '../../db/actions/reads';
import { localDate } from '../../common/calendar';
import { restoreRow } from '../../db/store/rows';
import { changeCount, newReplica } from './helpers';

/** The French message of the error `work` throws, checking it is one meant for the user. */
function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('actions', () => {
  test('a new action gets the defaults', () => {
    const store = newReplica();
    const id = actions.createAction(store, { chantier_id: 'c4', title: '  Séminaire commun  ' });
    const action = getAction(store, id);
    expect(action).toMatchObject({
      chantier_id: 'c4',
      title: 'Séminaire commun',
      status: 'a_venir',
      priority: 'moyenne',
      finalites: [],
      progress: 0,
      description: null,
      cooperation_form: null,
      start_date: null,
      end_date: null,
      steps: [],
      notes: [],
      links: [],
      pilots: [],
    });
  });

  test('French refusals', () => {
    const store = newReplica();
    expect(refusal(() => actions.createAction(store, { chantier_id: 'c4', title: '   ' }))).toBe("Le titre de l'action ne peut pas être vide.");
    expect(refusal(() => actions.createAction(store, { chantier_id: 'c99', title: 'X' }))).toBe('Chantier inconnu : c99.');
    expect(refusal(() => actions.createAction(store, { chantier_id: 'c4', title: 'X', start_date: '2026-02-30' }))).toBe(
      'La date de début : date impossible (format attendu AAAA-MM-JJ).',
    );
    expect(refusal(() => actions.createAction(store, { chantier_id: 'c4', title: 'X', start_date: '2026-05-02', end_date: '2026-05-01' }))).toBe(
      "L'échéance ne peut pas précéder la date de début.",
    );
    const id = actions.createAction(store, { chantier_id: 'c4', title: 'X', start_date: '2026-05-01' });
    expect(refusal(() => actions.updateAction(store, id, { end_date: '2026-04-30' }))).toBe("L'échéance ne peut pas précéder la date de début.");
    expect(refusal(() => actions.updateAction(store, id, { title: '' }))).toBe("Le titre de l'action ne peut pas être vide.");
    expect(refusal(() => actions.updateAction(store, id, { chantier_id: 'nope' }))).toBe('Chantier inconnu : nope.');
    expect(refusal(() => actions.updateAction(store, id, { progress: 101 }))).toBe("L'avancement est compris entre 0 et 100 %.");
    expect(refusal(() => actions.updateAction(store, id, { status: 'fini' as never }))).toBe('Le statut : valeur inconnue.');
    expect(refusal(() => actions.updateAction(store, id, { bogus: 1 } as never))).toBe("Champ inconnu pour l'action : bogus.");
    expect(refusal(() => actions.updateAction(store, 'absent', { progress: 1 }))).toMatch(/introuvable/);
    const error = (() => {
      try {
        actions.updateAction(store, id, { end_date: '2026-04-30' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('end_date');
  });

  test('a refused write writes nothing', () => {
    const store = newReplica();
    const before = changeCount(store);
    refusal(() => actions.createAction(store, { chantier_id: 'c4', title: 'X', start_date: '2026-05-02', end_date: '2026-05-01' }));
    refusal(() => actions.updateAction(store, 'a4-1', { title: 'ok', progress: 500 }));
    expect(changeCount(store)).toBe(before);
    expect(getAction(store, 'a4-1').title).not.toBe('ok');
  });

  test('update and delete', () => {
    const store = newReplica();
    actions.updateAction(store, 'a4-1', { status: 'en_cours', finalites: ['innovation', 'influence'], progress: 35, end_date: '2026-12-31' });
    expect(getAction(store, 'a4-1')).toMatchObject({ status: 'en_cours', finalites: ['innovation', 'influence'], progress: 35 });
    actions.deleteAction(store, 'a4-1');
    expect(refusal(() => getAction(store, 'a4-1'))).toMatch(/introuvable/);
    expect(refusal(() => actions.updateAction(store, 'a4-1', { progress: 1 }))).toMatch(/introuvable/);
  });

  test('steps keep their order, move and go', () => {
    const store = newReplica();
    const [a, b, c] = ['Cadrer', 'Organiser', 'Évaluer'].map((label) => actions.addStep(store, 'a4-2', label));
    const labels = () => getAction(store, 'a4-2').steps.map((step) => step.label);
    expect(labels()).toEqual(['Cadrer', 'Organiser', 'Évaluer']);
    actions.moveStep(store, c, 'up');
    expect(labels()).toEqual(['Cadrer', 'Évaluer', 'Organiser']);
    const before = changeCount(store);
    actions.moveStep(store, a, 'up'); // already first
    expect(changeCount(store)).toBe(before);
    actions.moveStep(store, a, 'down');
    expect(labels()).toEqual(['Évaluer', 'Cadrer', 'Organiser']);
    expect(changeCount(store)).toBe(before + 2);
    actions.updateStep(store, b, { done: true, label: 'Organiser la journée' });
    expect(getAction(store, 'a4-2').steps.find((step) => step.id === b)).toMatchObject({ done: true, label: 'Organiser la journée' });
    expect(refusal(() => actions.updateStep(store, b, { label: ' ' }))).toBe("L'intitulé de l'étape ne peut pas être vide.");
    actions.deleteStep(store, b);
    expect(labels()).toEqual(['Évaluer', 'Cadrer']);
    expect(refusal(() => actions.addStep(store, 'nope', 'x'))).toMatch(/introuvable/);
  });

  test('notes are signed by the person of this laptop and dated today by default', () => {
    const store = newReplica();
    const id = actions.addNote(store, 'a4-1', { text: 'Premier échange avec la DRH' });
    const older = actions.addNote(store, 'a4-1', { text: 'Cadrage', date: '2025-01-15' });
    const notes = getAction(store, 'a4-1').notes;
    expect(notes.map((note) => note.id)).toEqual([id, older]);
    expect(notes[0]).toMatchObject({ date: localDate(), author_id: store.personId, author_name: 'Claire Martin' });
    expect(refusal(() => actions.addNote(store, 'a4-1', { text: 'x', date: '2026-13-01' }))).toBe(
      'La date de la note : date impossible (format attendu AAAA-MM-JJ).',
    );
    expect(refusal(() => actions.addNote(store, 'a4-1', { text: '' }))).toBe('Le texte de la note ne peut pas être vide.');
    actions.updateNote(store, older, { text: 'Cadrage validé' });
    expect(getAction(store, 'a4-1').notes[1].text).toBe('Cadrage validé');
    actions.deleteNote(store, older);
    expect(getAction(store, 'a4-1').notes).toHaveLength(1);
  });

  test('links', () => {
    const store = newReplica();
    const id = actions.addLink(store, 'a4-1', { label: 'Convention', url: 'https://example.org/convention.pdf' });
    actions.addLink(store, 'a4-1', { label: '', url: '\\\\serveur\\partage\\cr.docx' });
    expect(getAction(store, 'a4-1').links).toEqual([
      { id: expect.any(String), label: null, url: '\\\\serveur\\partage\\cr.docx' },
      { id, label: 'Convention', url: 'https://example.org/convention.pdf' },
    ]);
    expect(refusal(() => actions.addLink(store, 'a4-1', { label: null, url: 'javascript:alert(1)' }))).toMatch(/^Le lien doit commencer par/);
    actions.deleteLink(store, id);
    expect(getAction(store, 'a4-1').links).toHaveLength(1);
  });
});

describe('pilots', () => {
  test('one per partner, with a deterministic id; the person must belong to the partner', () => {
    const store = newReplica();
    const me = store.personId!;
    const other = createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
    setPilot(store, 'a4-1', 'd37', { person_id: me, services: 'DRH' });
    setPilot(store, 'a4-1', 'd41', { person_id: other, services: null });
    setPilot(store, 'c4', 'd37', { person_id: me });
    expect(store.db.prepare("SELECT id FROM pilot WHERE owner_id = 'a4-1' ORDER BY id").pluck().all()).toEqual(['a4-1:d37', 'a4-1:d41']);
    expect(getAction(store, 'a4-1').pilots).toEqual([
      { partner_id: 'd37', person_id: me, person_name: 'Claire Martin', services: 'DRH' },
      { partner_id: 'd41', person_id: other, person_name: 'Marc Petit', services: null },
    ]);
    // Services left out are kept.
    setPilot(store, 'a4-1', 'd37', { person_id: null });
    expect(getAction(store, 'a4-1').pilots[0]).toMatchObject({ person_id: null, services: 'DRH' });
    expect(refusal(() => setPilot(store, 'a4-1', 'd37', { person_id: other }))).toBe(
      "Le pilote doit appartenir au Département d'Indre-et-Loire : Marc Petit n'en fait pas partie.",
    );
    expect(refusal(() => setPilot(store, 'nope', 'd37', { person_id: me }))).toMatch(/introuvable/);
    expect(refusal(() => setPilot(store, 'a4-1', 'd99', { person_id: me }))).toBe('Partenaire inconnu : d99.');
    expect(refusal(() => setPilot(store, 'a4-1', 'd37', { person_id: 'ghost' }))).toBe('Personne inconnue : ghost.');
  });
});

describe('people', () => {
  test('create, list with pilot counts, update, delete', () => {
    const store = newReplica();
    const id = createPerson(store, { name: 'Émilie Durand', function: 'DGA', partner_id: 'd41', email: 'e.durand@example.org' });
    expect(refusal(() => createPerson(store, { name: '', function: null, partner_id: 'd41', email: null }))).toBe('Le nom ne peut pas être vide.');
    expect(refusal(() => createPerson(store, { name: 'X', function: null, partner_id: 'd99', email: null }))).toBe('Partenaire inconnu : d99.');
    setPilot(store, 'a1-1', 'd41', { person_id: id });
    setPilot(store, 'c1', 'd41', { person_id: id });
    // Sorted by name, accents ignored: "Émilie" before "Marc".
    createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
    expect(listPeople(store).map((person) => [person.name, person.pilot_count])).toEqual([
      ['Claire Martin', 0],
      ['Émilie Durand', 2],
      ['Marc Petit', 0],
    ]);
    expect(refusal(() => deletePerson(store, id))).toBe(
      "Émilie Durand est pilote de 2 actions ou chantiers : désignez d'autres pilotes avant de supprimer cette personne.",
    );
    expect(refusal(() => updatePerson(store, id, { partner_id: 'd37' }))).toMatch(/^Émilie Durand est pilote de 2 actions/);
    updatePerson(store, id, { function: 'DGA ressources' });
    // A deleted action's pilote does not count.
    actions.deleteAction(store, 'a1-1');
    expect(refusal(() => deletePerson(store, id))).toMatch(/^Émilie Durand est pilote de 1 action ou chantier :/);
    setPilot(store, 'c1', 'd41', { person_id: null });
    deletePerson(store, id);
    expect(listPeople(store).map((person) => person.name)).toEqual(['Claire Martin', 'Marc Petit']);
    expect(refusal(() => deletePerson(store, store.personId!))).toBe('Vous ne pouvez pas supprimer la personne qui utilise cet ordinateur.');
  });
});

describe('partners, project, chantiers', () => {
  test('partners by position, codes unique', () => {
    const store = newReplica();
    const id = createPartner(store, { code: '45', name: 'Département du Loiret', short_name: 'Loiret' });
    expect(listPartners(store).map((partner) => [partner.code, partner.position])).toEqual([
      ['37', 1],
      ['41', 2],
      ['45', 3],
    ]);
    expect(refusal(() => createPartner(store, { code: '41', name: 'X', short_name: 'X' }))).toBe('Le code 41 est déjà utilisé par le partenaire Loir-et-Cher.');
    expect(refusal(() => updatePartner(store, id, { code: '37' }))).toBe('Le code 37 est déjà utilisé par le partenaire Indre-et-Loire.');
    updatePartner(store, id, { code: '45', short_name: 'Le Loiret' });
    expect(listPartners(store)[2].short_name).toBe('Le Loiret');
  });

  test('project name', () => {
    const store = newReplica();
    updateProjectName(store, 'Entente 37-41');
    expect(getProject(store)).toEqual({ id: 'p-coop-37-41', name: 'Entente 37-41' });
    expect(refusal(() => updateProjectName(store, ' '))).toBe('Le nom de la coopération ne peut pas être vide.');
  });

  test('chantiers: numbers unique', () => {
    const store = newReplica();
    const id = createChantier(store, { number: 10, title: 'La voirie', description: null, stage: 'decouverte' });
    expect(refusal(() => createChantier(store, { number: 3, title: 'X', description: null, stage: 'decouverte' }))).toBe(
      'Le numéro 3 est déjà celui du chantier « La restauration scolaire et les circuits courts ».',
    );
    expect(refusal(() => createChantier(store, { number: 0, title: 'X', description: null, stage: 'decouverte' }))).toBe(
      'Le numéro du chantier doit être positif.',
    );
    expect(refusal(() => updateChantier(store, id, { stage: 'fusion' as never }))).toBe('Le stade du partenariat : valeur inconnue.');
    updateChantier(store, id, { number: 10, stage: 'echange' });
    expect(store.db.prepare('SELECT stage FROM chantier WHERE id = ?').pluck().get(id)).toBe('echange');
  });
});

describe('restauration après suppression', () => {
  test('une note supprimée revient avec son identifiant, son auteur et son texte', () => {
    const store = newReplica();
    const noteId = actions.addNote(store, 'a1-1', { text: 'Tarification harmonisée', date: '2026-11-02' });
    actions.deleteNote(store, noteId);
    expect(getAction(store, 'a1-1').notes.map((note) => note.id)).not.toContain(noteId);
    restoreRow(store, 'note', noteId);
    const [note] = getAction(store, 'a1-1').notes;
    expect(note).toMatchObject({ id: noteId, text: 'Tarification harmonisée', date: '2026-11-02', author_id: store.personId });
    expect(() => restoreRow(store, 'note', 'inconnue')).toThrow(/introuvable/);
  });
});

test("l'utilisateur de ce poste qui change de Département y emmène son poste", () => {
  const store = newReplica('Claire Martin', '37');
  updatePerson(store, store.personId!, { partner_id: 'd41' });
  expect(store.db.prepare('SELECT partner_id FROM replica WHERE id = ?').pluck().get(store.replicaId)).toBe('d41');
});
