import { describe, expect, test } from 'vitest';
import * as actions from '../../db/actions/writes';
import { createPerson } from '../../db/people/writes';
import { setPilot } from '../../db/actions/pilots';
import { getAction, queryActions } from '../../db/actions/reads';
import { getChantier, listChantiers } from '../../db/chantiers/reads';
import { cooperationDashboard } from '../../db/chantiers/dashboard';
import type { Store } from '../../db/store/store';
import type { ActionQuery } from '../../db/actions/types';
import { newReplica } from './helpers';

const TODAY = '2026-03-15';

/** The default project with dates, statuses and pilotes set on a few actions. */
function project(): { store: Store; marc: string } {
  const store = newReplica();
  const marc = createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
  actions.updateAction(store, 'a4-1', { status: 'en_cours', priority: 'elevee', end_date: '2026-03-14', progress: 50 }); // late
  actions.updateAction(store, 'a4-2', { status: 'realise', end_date: '2026-01-01', progress: 100 }); // closed: not late
  actions.updateAction(store, 'a4-3', { status: null, end_date: '2026-03-15', progress: 30 }); // due today: not late
  actions.updateAction(store, 'a4-4', { status: 'bloque', priority: 'basse', start_date: '2025-01-01', end_date: '2025-12-31' }); // late
  actions.updateAction(store, 'a1-1', { status: 'abandonne', end_date: '2020-01-01' }); // closed
  setPilot(store, 'a4-1', 'd37', { person_id: store.personId!, services: 'DRH' });
  setPilot(store, 'a4-1', 'd41', { person_id: marc });
  setPilot(store, 'a4-2', 'd41', { person_id: marc });
  setPilot(store, 'a4-3', 'd41', { person_id: null, services: 'Formation' }); // a services line is no pilote
  setPilot(store, 'c4', 'd37', { person_id: store.personId! });
  actions.addNote(store, 'a8-1', { text: 'Contacter la centrale Approlys pour le groupement de commandes' });
  actions.deleteAction(store, 'a9-1');
  return { store, marc };
}

const ids = (store: Store, query: ActionQuery) => queryActions(store, query, TODAY).map((row) => row.id);

describe('dashboard and chantiers', () => {
  test('counts by chantier and in total', () => {
    const { store } = project();
    const dashboard = cooperationDashboard(store, { kind: 'all' }, TODAY);
    expect(dashboard.today).toBe(TODAY);
    expect(dashboard.chantiers.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rh = dashboard.chantiers[3];
    expect(rh.counts).toEqual({
      total: 4,
      late: 2,
      by_status: { a_venir: 0, en_cours: 1, realise: 1, en_pause: 0, abandonne: 0, bloque: 1, none: 1 },
    });
    expect(rh.progress).toBe(Math.round((50 + 100 + 30 + 0) / 4));
    // A « Réalisé » action counts as done, even with its avancement left behind.
    actions.updateAction(store, 'a4-2', { progress: 40 });
    expect(cooperationDashboard(store, { kind: 'all' }, TODAY).chantiers[3].progress).toBe(Math.round((50 + 100 + 30 + 0) / 4));
    actions.updateAction(store, 'a4-2', { progress: 100 });
    expect(rh.pilots).toEqual([{ partner_id: 'd37', person_id: store.personId, person_name: 'Claire Martin', services: null }]);
    expect(dashboard.chantiers[8].counts.total).toBe(0);
    expect(dashboard.totals).toEqual({
      actions: 13,
      late: 2,
      without_pilot: 11,
      by_status: { a_venir: 8, en_cours: 1, realise: 1, en_pause: 0, abandonne: 1, bloque: 1, none: 1 },
    });
    // The same summaries as the Chantiers screen's, each with the day it reached its stage.
    expect(dashboard.chantiers).toMatchObject(listChantiers(store, TODAY));
  });

  test('one chantier with its actions', () => {
    const { store } = project();
    const chantier = getChantier(store, 'c4', TODAY);
    expect(chantier.title).toBe('Les ressources humaines');
    expect(chantier.actions.map((row) => row.id).sort()).toEqual(['a4-1', 'a4-2', 'a4-3', 'a4-4']);
    expect(() => getChantier(store, 'c99')).toThrow(/introuvable/);
  });
});

describe('queryActions', () => {
  test("a « Réalisé » action's avancement counts 100 % in the lists, as in the chantier's average; its fiche keeps what was typed", () => {
    const { store } = project();
    actions.updateAction(store, 'a4-2', { progress: 40 });
    const row = queryActions(store, { chantier_ids: ['c4'] }, TODAY).find((action) => action.id === 'a4-2');
    expect(row?.progress).toBe(100);
    expect(getAction(store, 'a4-2').progress).toBe(40);
    const chantier = getChantier(store, 'c4', TODAY);
    const listed = chantier.actions.reduce((sum, action) => sum + action.progress, 0);
    expect(chantier.progress).toBe(Math.round(listed / chantier.actions.length));
    const byProgress = queryActions(store, { chantier_ids: ['c4'], sort: { by: 'progress', direction: 'desc' } }, TODAY);
    expect(byProgress[0].id).toBe('a4-2');
  });

  test('filters', () => {
    const { store, marc } = project();
    expect(ids(store, { chantier_ids: ['c2', 'c3'] }).sort()).toEqual(['a2-1', 'a2-2', 'a3-1']);
    expect(ids(store, { statuses: ['none', 'bloque'] }).sort()).toEqual(['a4-3', 'a4-4']);
    expect(ids(store, { priorities: ['elevee', 'basse'] }).sort()).toEqual(['a4-1', 'a4-4']);
    expect(ids(store, { pilot_person_id: marc }).sort()).toEqual(['a4-1', 'a4-2']);
    expect(ids(store, { partner_id: 'd37' })).toEqual(['a4-1']);
    expect(ids(store, { partner_id: 'd41' }).sort()).toEqual(['a4-1', 'a4-2']);
    expect(ids(store, { late: true }).sort()).toEqual(['a4-1', 'a4-4']);
    expect(ids(store, { late: false })).toHaveLength(11);
    expect(ids(store, { without_pilot: true })).toHaveLength(11);
    expect(ids(store, { without_pilot: false }).sort()).toEqual(['a4-1', 'a4-2']);
    expect(ids(store, { chantier_ids: ['c4'], late: true, priorities: ['basse'] })).toEqual(['a4-4']);
    expect(ids(store, {})).not.toContain('a9-1');
    expect(ids(store, { chantier_ids: [] })).toHaveLength(13);
  });

  test('search: words as prefixes, accents ignored, notes included', () => {
    const { store } = project();
    expect(ids(store, { search: 'echanges tarif' })).toEqual(['a1-1']);
    expect(ids(store, { search: 'APPROLYS groupement' })).toEqual(['a8-1']);
    expect(ids(store, { search: "Cap'Demat" })).toEqual([]); // deleted action
    expect(ids(store, { search: '  "*) ' })).toHaveLength(13); // nothing searchable: no filter
    expect(ids(store, { search: 'formation', chantier_ids: ['c4'] })).toEqual(['a4-1']);
    expect(ids(store, { search: 'forma', chantier_ids: ['c4'] }).sort()).toEqual(['a4-1', 'a4-3']);
    // The index follows edits of titles and notes.
    actions.updateAction(store, 'a4-3', { title: 'Réseau des tuteurs' });
    expect(ids(store, { search: 'forma', chantier_ids: ['c4'] })).toEqual(['a4-1']);
    expect(ids(store, { search: 'tuteurs' })).toEqual(['a4-3']);
    const note = actions.addNote(store, 'a4-3', { text: 'Atelier à Tours' });
    expect(ids(store, { search: 'atelier tours' })).toEqual(['a4-3']);
    actions.deleteNote(store, note);
    expect(ids(store, { search: 'atelier' })).toEqual([]);
  });

  test('sorts, with empty values last in both directions', () => {
    const { store } = project();
    const byEnd = ids(store, { sort: { by: 'end_date', direction: 'asc' } });
    expect(byEnd.slice(0, 5)).toEqual(['a1-1', 'a4-4', 'a4-2', 'a4-1', 'a4-3']);
    const byEndDesc = ids(store, { sort: { by: 'end_date', direction: 'desc' } });
    expect(byEndDesc.slice(0, 5)).toEqual(['a4-3', 'a4-1', 'a4-2', 'a4-4', 'a1-1']);
    expect(byEndDesc.slice(5)).toEqual(byEnd.slice(5));
    const byPriority = queryActions(store, { sort: { by: 'priority', direction: 'asc' } }, TODAY).map((row) => row.priority);
    expect(byPriority[0]).toBe('elevee');
    expect(byPriority.at(-1)).toBe('basse');
    const byStatus = queryActions(store, { sort: { by: 'status', direction: 'desc' } }, TODAY).map((row) => row.status);
    expect(byStatus.slice(0, 4)).toEqual(['bloque', 'abandonne', 'realise', 'en_cours']);
    expect(byStatus.at(-1)).toBeNull();
    // Titles sort as French readers expect: "Échanges" among the E's, not after "T".
    const titles = queryActions(store, { sort: { by: 'title', direction: 'asc' } }, TODAY).map((row) => row.title);
    expect(titles.findIndex((t) => t.startsWith('Échanges sur les modalités'))).toBeLessThan(titles.findIndex((t) => t.startsWith('Organisation')));
    const byChantier = queryActions(store, {}, TODAY).map((row) => row.chantier_number);
    expect(byChantier).toEqual([...byChantier].sort((x, y) => x - y));
  });

  test('rows carry chantier number, late flag and pilotes', () => {
    const { store, marc } = project();
    const row = queryActions(store, { chantier_ids: ['c4'], late: true, priorities: ['elevee'] }, TODAY)[0];
    expect(row).toEqual({
      id: 'a4-1',
      chantier_id: 'c4',
      chantier_number: 4,
      chantier_title: 'Les ressources humaines',
      reference: '4.1',
      title: "Organisation d'une formation commune à la gestion de projet",
      status: 'en_cours',
      priority: 'elevee',
      start_date: null,
      end_date: '2026-03-14',
      progress: 50,
      late: true,
      pilots: [
        { partner_id: 'd37', person_id: store.personId, person_name: 'Claire Martin', services: 'DRH' },
        { partner_id: 'd41', person_id: marc, person_name: 'Marc Petit', services: null },
      ],
      indicator: null,
      to_arbitrate: false,
    });
    expect(getAction(store, 'a4-1', TODAY)).toMatchObject({ late: true, pilots: row.pilots, reference: '4.1' });
    expect(getAction(store, 'a4-1', '2026-03-14').late).toBe(false);
  });
});
