import { describe, expect, test } from 'vitest';
import * as actions from '../../db/actions/writes';
import { setPilot } from '../../db/actions/pilots';
import { myActions, reminders } from '../../db/actions/mine';
import { reminderStatus, reminderSummary, setReminderNotifications, takeReminderNotification } from '../../db/actions/reminders';
import { addActionItem, addAgendaItem, createMeeting, deleteAgendaItem, deleteMeeting, updateActionItem } from '../../db/meetings/writes';
import { amendMinutes, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import type { MyActionLine } from '../../db/actions/types';
import type { Store } from '../../db/store/store';
import { cast, type Cast } from './meeting-fixtures';
import { newReplica, sendAll } from './helpers';

const TODAY = '2027-03-20';

/** Claire pilots four actions of chantier 4 (one late, one due soon, one without échéance, one done); Marc pilots a4-4. */
function piloted(): { store: Store; people: Cast } {
  const store = newReplica();
  const people = cast(store);
  const me = store.personId!;
  actions.updateAction(store, 'a4-1', { status: 'en_cours', end_date: '2027-03-10', progress: 40 }); // late by 10 days
  actions.updateAction(store, 'a4-2', { status: 'a_venir', end_date: '2027-03-23' }); // due in 3 days
  actions.updateAction(store, 'a4-3', { status: 'realise', end_date: '2027-01-01', progress: 100 }); // done: left out
  actions.updateAction(store, 'a1-1', { status: 'bloque', end_date: '2027-03-18' }); // late by 2 days
  actions.updateAction(store, 'a4-4', { end_date: '2027-03-01' }); // Marc's
  for (const id of ['a4-1', 'a4-2', 'a4-3', 'a1-1', 'a2-1']) setPilot(store, id, 'd37', { person_id: me });
  setPilot(store, 'a4-4', 'd41', { person_id: people.marc });
  setPilot(store, 'a4-2', 'd41', { person_id: people.marc }); // a co-pilote does not hide it
  return { store, people };
}

/** A CODIRI of 15 mars 2027 with one agenda item on chantier 4. */
function meeting(store: Store, date = '2027-03-15'): { meetingId: string; itemId: string } {
  const meetingId = createMeeting(store, { type: 'codiri', date, start_time: '09:30', duration_minutes: 120, chantier_ids: ['c4'] });
  const itemId = addAgendaItem(store, meetingId, { title: 'Chantier RH', chantier_id: 'c4' });
  return { meetingId, itemId };
}

const summary = (lines: MyActionLine[]) => lines.map((line) => [line.action_id ?? line.title, line.late, line.days_late, line.roles.join('+')]);

describe('Mes actions', () => {
  test('les actions pilotées ouvertes : en retard d’abord, puis par échéance, sans échéance en dernier', () => {
    const { store } = piloted();
    const mine = myActions(store, TODAY);
    expect(mine.today).toBe(TODAY);
    expect(summary(mine.lines)).toEqual([
      ['a4-1', true, 10, 'pilote'],
      ['a1-1', true, 2, 'pilote'],
      ['a4-2', false, 0, 'pilote'],
      ['a2-1', false, 0, 'pilote'],
    ]);
    expect(mine.lines[0]).toMatchObject({
      chantier: { id: 'c4', number: 4 },
      title: "Organisation d'une formation commune à la gestion de projet",
      status: 'en_cours',
      end_date: '2027-03-10',
      progress: 40,
      action_item_id: null,
      meetings: [],
    });
  });

  test('une action supprimée, ou dont Claire n’est plus pilote, disparaît', () => {
    const { store } = piloted();
    actions.deleteAction(store, 'a2-1');
    setPilot(store, 'a1-1', 'd37', { person_id: null });
    expect(myActions(store, TODAY).lines.map((line) => line.action_id)).toEqual(['a4-1', 'a4-2']);
  });

  test('responsable d’une action à mener : la nouvelle action sur sa ligne avec sa réunion, le suivi sur l’action suivie', () => {
    const { store, people } = piloted();
    const me = store.personId!;
    const { meetingId, itemId } = meeting(store);
    const seminaire = addActionItem(store, itemId, { kind: 'nouvelle', title: 'Réserver la salle du séminaire', responsable_id: me, due_date: '2027-03-25' });
    addActionItem(store, itemId, { kind: 'suivi', action_id: 'a4-4', responsable_id: me, status: 'en_cours' }); // Marc pilots it
    addActionItem(store, itemId, { kind: 'suivi', action_id: 'a4-1', responsable_id: me }); // Claire pilots it too
    addActionItem(store, itemId, { kind: 'nouvelle', title: 'Rédiger le bilan', responsable_id: people.marc }); // Marc's
    addActionItem(store, itemId, { kind: 'nouvelle', title: 'Action déjà close', responsable_id: me, status: 'abandonne' }); // nothing to do

    const lines = myActions(store, TODAY).lines;
    expect(summary(lines)).toEqual([
      ['a4-4', true, 19, 'responsable'],
      ['a4-1', true, 10, 'pilote+responsable'],
      ['a1-1', true, 2, 'pilote'],
      ['a4-2', false, 0, 'pilote'],
      ['Réserver la salle du séminaire', false, 0, 'responsable'],
      ['a2-1', false, 0, 'pilote'],
    ]);
    const codiri = { id: meetingId, title: 'CODIRI du 15 mars 2027', date: '2027-03-15' };
    expect(lines[0].meetings).toEqual([codiri]);
    expect(lines[4]).toEqual({
      action_id: null,
      action_item_id: seminaire,
      reference: null,
      chantier: { id: 'c4', number: 4, title: expect.any(String) },
      title: 'Réserver la salle du séminaire',
      status: 'a_venir',
      end_date: '2027-03-25',
      progress: null,
      late: false,
      days_late: 0,
      roles: ['responsable'],
      meetings: [codiri],
    });
    // Late once its échéance has passed, as an action would be.
    expect(myActions(store, '2027-03-27').lines.find((line) => line.action_item_id === seminaire)).toMatchObject({ late: true, days_late: 2 });
    // Marked done in the minutes: nothing left to do.
    updateActionItem(store, seminaire, { status: 'realise' });
    expect(myActions(store, TODAY).lines.some((line) => line.action_item_id === seminaire)).toBe(false);
  });

  test('validée, l’action à mener devient une seule ligne : l’action créée, pilotée et à charge', () => {
    const { store, people } = piloted();
    const me = store.personId!;
    const { meetingId, itemId } = meeting(store);
    const seminaire = addActionItem(store, itemId, { kind: 'nouvelle', title: 'Réserver la salle du séminaire', responsable_id: me, due_date: '2027-03-25' });
    sendForValidation(store, meetingId, '2027-03-16');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-17' });
    const line = myActions(store, TODAY).lines.filter((candidate) => candidate.title === 'Réserver la salle du séminaire');
    expect(line).toEqual([
      expect.objectContaining({ action_id: seminaire, action_item_id: null, status: 'a_venir', progress: 0, roles: ['pilote', 'responsable'] }),
    ]);
    // A version modificative copies the action à mener: still one line, its meeting once.
    amendMinutes(store, meetingId, 'Coquille');
    const after = myActions(store, TODAY).lines.filter((candidate) => candidate.title === 'Réserver la salle du séminaire');
    expect(after).toHaveLength(1);
    expect(after[0].meetings.map((m) => m.title)).toEqual(['CODIRI du 15 mars 2027']);
  });

  test('une réunion ou un point supprimé ne charge plus personne', () => {
    const { store } = piloted();
    const me = store.personId!;
    const first = meeting(store);
    addActionItem(store, first.itemId, { kind: 'nouvelle', title: 'Dans un point supprimé', responsable_id: me });
    deleteAgendaItem(store, first.itemId);
    const second = meeting(store, '2027-03-16');
    addActionItem(store, second.itemId, { kind: 'suivi', action_id: 'a4-4', responsable_id: me });
    deleteMeeting(store, second.meetingId);
    expect(myActions(store, TODAY).lines.map((line) => line.action_id ?? line.title)).toEqual(['a4-1', 'a1-1', 'a4-2', 'a2-1']);
  });

  test('chaque poste voit les actions de sa personne', () => {
    const { store } = piloted();
    const nadia = newReplica('Nadia Benali', '41');
    sendAll(store, nadia);
    expect(myActions(nadia, TODAY).lines).toEqual([]);
    setPilot(nadia, 'a4-2', 'd41', { person_id: nadia.personId! });
    expect(myActions(nadia, TODAY).lines.map((line) => line.action_id)).toEqual(['a4-2']);
  });
});

describe('rappels', () => {
  test('les échéances des 7 jours qui viennent et les actions en retard', () => {
    const { store } = piloted();
    actions.updateAction(store, 'a2-1', { end_date: '2027-03-27' }); // the 7th day: included
    actions.updateAction(store, 'a4-3', { status: 'en_cours', end_date: '2027-03-20' }); // today: included, not late
    const due = reminders(store, TODAY);
    expect(due.late.map((line) => line.action_id)).toEqual(['a4-1', 'a1-1']);
    expect(due.due_soon.map((line) => line.action_id)).toEqual(['a4-3', 'a4-2', 'a2-1']);
    actions.updateAction(store, 'a2-1', { end_date: '2027-03-28' }); // the 8th day: not yet
    expect(reminders(store, TODAY).due_soon.map((line) => line.action_id)).toEqual(['a4-3', 'a4-2']);
  });

  test('le résumé en français', () => {
    const line = {} as MyActionLine;
    expect(reminderSummary({ late: [line, line], due_soon: [line, line, line] })).toBe('2 actions en retard, 3 échéances dans les 7 jours');
    expect(reminderSummary({ late: [line], due_soon: [] })).toBe('1 action en retard');
    expect(reminderSummary({ late: [], due_soon: [line] })).toBe('1 échéance dans les 7 jours');
    expect(reminderSummary({ late: [], due_soon: [] })).toBeNull();
  });

  test('la notification : seulement si permise, une fois par jour pour un même contenu', () => {
    const { store } = piloted();
    expect(reminderStatus(store, TODAY)).toMatchObject({ notifications: false, summary: '2 actions en retard, 1 échéance dans les 7 jours' });
    expect(takeReminderNotification(store, TODAY)).toBeNull();

    setReminderNotifications(store, true);
    expect(reminderStatus(store, TODAY).notifications).toBe(true);
    expect(takeReminderNotification(store, TODAY)).toEqual({ title: 'Entente : échéances', body: '2 actions en retard, 1 échéance dans les 7 jours' });
    // An hour later, the same: nothing.
    expect(takeReminderNotification(store, TODAY)).toBeNull();
    // The content changes: told again; back to what was already told today: not again.
    actions.updateAction(store, 'a1-1', { status: 'realise' });
    expect(takeReminderNotification(store, TODAY)?.body).toBe('1 action en retard, 1 échéance dans les 7 jours');
    actions.updateAction(store, 'a1-1', { status: 'bloque' });
    expect(takeReminderNotification(store, TODAY)).toBeNull();
    // The next day, once more.
    expect(takeReminderNotification(store, '2027-03-21')?.body).toBe('2 actions en retard, 1 échéance dans les 7 jours');

    // Nothing to remind: no notification.
    for (const id of ['a4-1', 'a1-1', 'a4-2']) actions.updateAction(store, id, { status: 'realise' });
    expect(takeReminderNotification(store, '2027-03-22')).toBeNull();

    setReminderNotifications(store, false);
    actions.updateAction(store, 'a4-1', { status: 'en_cours' });
    expect(takeReminderNotification(store, '2027-03-22')).toBeNull();
  });

  test('le réglage reste sur ce poste : il ne se synchronise pas', () => {
    const { store } = piloted();
    setReminderNotifications(store, true);
    const nadia = newReplica('Nadia Benali', '41');
    sendAll(store, nadia);
    expect(reminderStatus(nadia, TODAY).notifications).toBe(false);
  });
});
