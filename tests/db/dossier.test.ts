import { describe, expect, test } from 'vitest';
import { setPilot } from '../../db/actions/pilots';
import { createAction, updateAction } from '../../db/actions/writes';
import { cooperationDashboard } from '../../db/chantiers/dashboard';
import { updateChantier } from '../../db/chantiers/writes';
import { codiriDossier } from '../../db/meetings/dossier';
import { amendMinutes, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { addAgendaItem, createMeeting, updateAgendaItem } from '../../db/meetings/writes';
import { cast, invalid } from './meeting-fixtures';
import { newReplica, tempDir } from './helpers';

/** Local noon of a day: the store's wall clock in these tests. */
const noon = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).getTime();
};

/**
 * A project written on two dates: before the CODIRI of 14 September 2026 (its minutes
 * validated, then amended: the dossier must take version 2), and after it.
 */
function project() {
  const clock = { now: noon('2026-09-01') };
  const store = newReplica('Claire Martin', '37', tempDir(), () => clock.now);
  const people = cast(store);
  const recrutement = createAction(store, { chantier_id: 'c4', title: 'Recrutements croisés', status: 'en_cours', end_date: '2026-10-30' });
  const guide = createAction(store, { chantier_id: 'c4', title: "Guide commun de l'accueil", status: 'a_venir', end_date: '2027-06-30' });
  const charte = createAction(store, { chantier_id: 'c4', title: 'Charte de la mobilité', status: 'realise', end_date: '2026-06-30' });
  const previous = createMeeting(store, { type: 'codiri', date: '2026-09-14', start_time: '14:00', duration_minutes: 120, secretariat_partner_id: 'd41' });
  addAgendaItem(store, previous, { title: 'Chantier RH', chantier_id: 'c4' });
  sendForValidation(store, previous, '2026-09-16');
  validateMinutes(store, previous, { validatedBy: people.anne, day: '2026-09-23' });
  const amended = amendMinutes(store, previous, 'Une présence oubliée.');

  clock.now = noon('2026-11-05');
  updateAction(store, recrutement, { status: 'bloque' });
  updateAction(store, guide, { end_date: '2027-03-31' });
  updateAction(store, guide, { end_date: '2027-09-30' });
  // Back and forth: nothing changed since the CODIRI.
  updateAction(store, charte, { status: 'en_cours' });
  updateAction(store, charte, { status: 'realise' });
  const seminaire = createAction(store, { chantier_id: 'c4', title: 'Séminaire des cadres', status: 'a_venir', end_date: '2027-06-15' });
  updateChantier(store, 'c4', { stage: 'echange' });
  setPilot(store, 'c4', 'd41', { person_id: people.marc });
  const atelier = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2026-11-20', start_time: '09:00', duration_minutes: 90 });

  const next = createMeeting(store, { type: 'codiri', date: '2027-03-15', start_time: '09:30', duration_minutes: 150, place: 'Hôtel du Département, Tours' });
  const gouvernance = addAgendaItem(store, next, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45 });
  addAgendaItem(store, next, { title: 'Questions diverses', duration_minutes: 15 });
  updateAgendaItem(store, gouvernance, { to_arbitrate: true });
  updateAction(store, seminaire, { to_arbitrate: true });
  // A closed action has nothing left to arbitrate.
  updateAction(store, charte, { to_arbitrate: true });
  return { store, people, previous, amended, next, atelier, actions: { recrutement, guide, charte, seminaire } };
}

describe('le dossier du CODIRI', () => {
  test('le précédent CODIRI dans sa dernière version, avec son compte rendu ; le premier CODIRI n’en a pas', () => {
    const { store, amended, next, previous } = project();
    const dossier = codiriDossier(store, next, '2027-03-01');
    expect(dossier.heading).toBe('Dossier du CODIRI du 15 mars 2027');
    expect(dossier.partners.map((partner) => partner.name)).toEqual(["Département d'Indre-et-Loire", 'Département de Loir-et-Cher']);
    expect(dossier.convocation.meeting).toMatchObject({ date_label: 'lundi 15 mars 2027', place: 'Hôtel du Département, Tours' });
    expect(dossier.convocation.agenda.map((item) => [item.title, item.presenter, item.duration_label])).toEqual([
      ['Gouvernance d’Approlys', 'Anne Leroy', '45\u00a0min'],
      ['Questions diverses', null, '15\u00a0min'],
    ]);
    expect(dossier.previous?.meeting).toMatchObject({ id: amended, version: 2, title: 'CODIRI du 14 septembre 2026' });
    expect(dossier.previous?.minutes.heading).toBe('Compte rendu — CODIRI du 14 septembre 2026');
    expect(dossier.previous?.minutes.items.map((item) => item.title)).toEqual(['Chantier RH']);
    expect(codiriDossier(store, previous, '2027-03-01').previous).toBeNull();
  });

  test('une page par chantier : pilotes, stade, actions numérotées, en retard et bloquées, ce qui a changé depuis le précédent CODIRI', () => {
    const { store, next, actions } = project();
    const dossier = codiriDossier(store, next, '2027-03-01');
    expect(dossier.chantiers.map((chantier) => chantier.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rh = dossier.chantiers[3];
    expect(rh).toMatchObject({
      number: 4,
      title: 'Les ressources humaines',
      pilots: [
        { partner: 'Indre-et-Loire', person: null },
        { partner: 'Loir-et-Cher', person: 'Marc Petit' },
      ],
      stage: 'echange',
      stage_label: 'Échange en confiance',
      stage_since: '2026-11-05',
      late: 1,
      blocked: 1,
    });
    // The seed's actions, without a stored number, take the chantier's first references; the new ones follow.
    const seeded = rh.actions.length - 4;
    expect(seeded).toBeGreaterThan(0);
    const ref = (rank: number) => `4.${seeded + rank}`;
    expect(rh.actions.map((action) => action.reference)).toEqual(rh.actions.map((_, index) => `4.${index + 1}`));
    expect(
      rh.actions.slice(-4).map((action) => [action.reference, action.title, action.status_label, action.end_date_label, action.late, action.blocked]),
    ).toEqual([
      [ref(1), 'Recrutements croisés', 'Bloqué', '30 octobre 2026', true, true],
      [ref(2), "Guide commun de l'accueil", 'À venir', '30 septembre 2027', false, false],
      [ref(3), 'Charte de la mobilité', 'Réalisé', '30 juin 2026', false, false],
      [ref(4), 'Séminaire des cadres', 'À venir', '15 juin 2027', false, false],
    ]);
    expect(rh.changes).toEqual([
      {
        action_id: actions.recrutement,
        reference: ref(1),
        title: 'Recrutements croisés',
        kind: 'status',
        text: 'Statut\u00a0: En cours → Bloqué',
        on: '2026-11-05',
      },
      {
        action_id: actions.guide,
        reference: ref(2),
        title: "Guide commun de l'accueil",
        kind: 'end_date',
        text: 'Échéance\u00a0: 30 juin 2027 → 30 septembre 2027',
        on: '2026-11-05',
      },
      { action_id: actions.seminaire, reference: ref(4), title: 'Séminaire des cadres', kind: 'created', text: 'Action créée', on: '2026-11-05' },
    ]);
    // Nothing moved elsewhere; the seed's stage is no user's choice.
    expect(dossier.chantiers[0]).toMatchObject({ changes: [], stage_since: null, late: 0, blocked: 0 });
  });

  test('un CODIRI consacré à des chantiers n’a de page que pour eux', () => {
    const { store, next } = project();
    const focused = createMeeting(store, { type: 'codiri', date: '2027-09-13', start_time: '09:30', duration_minutes: 120, chantier_ids: ['c8', 'c4'] });
    expect(codiriDossier(store, focused, '2027-09-01').chantiers.map((chantier) => chantier.number)).toEqual([4, 8]);
    // Its previous CODIRI is the one of March.
    expect(codiriDossier(store, focused, '2027-09-01').previous?.meeting.id).toBe(next);
  });

  test('les décisions attendues : les points et les actions ouvertes « à arbitrer »', () => {
    const { store, next } = project();
    const dossier = codiriDossier(store, next, '2027-03-01');
    const seminaire = dossier.chantiers[3].actions.find((action) => action.title === 'Séminaire des cadres')!.reference;
    expect(dossier.decisions).toEqual([
      { kind: 'point', reference: 'Point 1', title: 'Gouvernance d’Approlys', chantier_label: null, by: 'Anne Leroy' },
      { kind: 'action', reference: `Action ${seminaire}`, title: 'Séminaire des cadres', chantier_label: 'Chantier 4 · Les ressources humaines', by: null },
    ]);
  });

  test('le tableau de bord, ses chiffres comptés depuis le CODIRI précédent : ceux du tableau de bord « depuis le dernier CODIRI »', () => {
    const { store, next } = project();
    const dossier = codiriDossier(store, next, '2027-03-01');
    expect(dossier.dashboard).toEqual(cooperationDashboard(store, { kind: 'since-codiri' }, '2027-03-01'));
    const value = (key: string) => dossier.dashboard.figures.figures.find((figure) => figure.key === key)?.value;
    expect(dossier.dashboard.figures).toMatchObject({ today: '2027-03-01', from: '2026-09-15', period: 'depuis le CODIRI du 14 septembre 2026' });
    // The previous CODIRI closes the period before; the atelier of November falls within.
    expect(value('reunions.codiri')).toBe(0);
    expect(value('reunions.atelier')).toBe(1);
    expect(value('chantiers')).toBe(9);
    expect(value('actions')).toBe(dossier.chantiers.reduce((sum, chantier) => sum + chantier.actions.length, 0));
    expect(value('actions.bloque')).toBe(1);
    expect(value('actions.en_retard')).toBe(1);
    expect(value('actions.a_arbitrer')).toBe(1);
    expect(dossier.dashboard.chantiers.find((chantier) => chantier.number === 4)).toMatchObject({ stage: 'echange', stage_since: '2026-11-05' });
    // Printed once the meeting is held, the dossier still counts from the CODIRI before it; the dashboard, from the last one.
    const after = codiriDossier(store, next, '2027-04-01').dashboard.figures;
    expect(after).toMatchObject({ from: '2026-09-15', period: 'depuis le CODIRI du 14 septembre 2026' });
    expect(cooperationDashboard(store, { kind: 'since-codiri' }, '2027-04-01').figures.period).toBe('depuis le CODIRI du 15 mars 2027');
    expect(after.figures.find((figure) => figure.key === 'reunions.codiri')?.value).toBe(1);
  });

  test('refusé pour une réunion qui n’est pas un CODIRI', () => {
    const { store, atelier } = project();
    expect(invalid(() => codiriDossier(store, atelier))).toEqual({
      message: 'Le dossier du CODIRI ne se prépare que pour une réunion du CODIRI.',
      field: 'type',
    });
  });
});
