import { describe, expect, test } from 'vitest';
import { addMonths, nextWorkingDay } from '../../common/calendar';
import { createAction, deleteAction, updateAction } from '../../db/actions/writes';
import { deletePerson, updatePerson } from '../../db/people/writes';
import {
  addActionItem,
  addAgendaItem,
  addEntry,
  addParticipant,
  createMeeting,
  deleteActionItem,
  deleteAgendaItem,
  deleteEntry,
  deleteMeeting,
  deleteParticipant,
  moveAgendaItem,
  READ_ONLY_MESSAGE,
  restoreMeetingRow,
  setFollowUpComment,
  setValidationSilenceDays,
  updateActionItem,
  updateAgendaItem,
  updateEntry,
  updateMeeting,
  updateParticipant,
} from '../../db/meetings/writes';
import { amendMinutes, applyTacitValidations, returnToDraft, sendForValidation, validateMinutes, validationEffects } from '../../db/meetings/validation';
import { check } from '../../db/project/check';
import { getAction } from '../../db/actions/reads';
import { nextCodiriProposal } from '../../db/meetings/rules';
import { nextMeetingDate, repeatMeeting } from '../../db/meetings/repeat';
import { agendaLinks, getMeeting, listMeetings, meetingFollowUp, meetingsOfAction } from '../../db/meetings/reads';
import type { Store } from '../../db/store/store';
import { cast, codiri, invalid } from './meeting-fixtures';
import { changeCount, newReplica, tempDir } from './helpers';

const decisionsOf = (store: Store, meetingId: string) =>
  getMeeting(store, meetingId).agenda.flatMap((item) => item.entries.filter((entry) => entry.kind === 'decision').map((entry) => [entry.number, entry.text]));

describe('un CODIRI de bout en bout', () => {
  test('ordre du jour, présences, décisions numérotées dans l’ordre du jour, actions à mener', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items, information } = codiri(store, people);
    const meeting = getMeeting(store, meetingId);
    expect(meeting).toMatchObject({
      type: 'codiri',
      title: 'CODIRI du 15 mars 2027',
      date: '2027-03-15',
      start_time: '09:30',
      end_time: '12:00',
      duration_minutes: 150,
      validation_status: 'brouillon',
      version: 1,
      read_only: false,
      silence_days: 15,
      problems: [],
      // The first CODIRI: the first partner holds the secretariat.
      secretariat: { id: 'd37' },
      president: { name: 'Anne Leroy', partner_short_name: 'Indre-et-Loire' },
      diffusion: ['Membres du CODIRI', 'Pilotes des chantiers'],
    });
    expect(meeting.chantiers.map((chantier) => chantier.number)).toEqual([4, 8]);
    expect(meeting.agenda.map((item) => [item.id, item.number, item.planned_start])).toEqual([
      [items[0], 1, '09:30'],
      [items[1], 2, '10:30'],
    ]);
    // The item linked to an action takes its chantier.
    expect(meeting.agenda[1]).toMatchObject({ chantier: { id: 'c8' }, action: { id: 'a8-1' } });
    expect(meeting.participants.map((participant) => [participant.name, participant.attendance, participant.organisation])).toEqual([
      ['Anne Leroy', 'present', "Département d'Indre-et-Loire"],
      ['Claire Martin', 'present', "Département d'Indre-et-Loire"],
      ['Émilie Durand', 'represente', 'Département de Loir-et-Cher'],
      ['Hugo Moreau', 'present', null],
      ['Marc Petit', 'excuse', 'Département de Loir-et-Cher'],
      ['Paul Bernard', 'absent', "Département d'Indre-et-Loire"],
      ['Sophie Laurent', 'present', 'Région Centre-Val de Loire'],
    ]);
    // Décisions numbered across the minutes in agenda order, whatever order they were written in.
    expect(decisionsOf(store, meetingId)).toEqual([
      [1, 'Le séminaire des cadres aura lieu en juin, à Blois.'],
      [2, 'Une posture commune sera présentée au conseil d’administration, le 2 juin.'],
    ]);
    expect(meeting.agenda[0].entries.find((entry) => entry.id === information)).toMatchObject({ kind: 'information', number: null });
    // Moving the Approlys item first renumbers the décisions.
    moveAgendaItem(store, items[1], 'up');
    expect(decisionsOf(store, meetingId).map(([number, text]) => [number, String(text).split(' ')[0]])).toEqual([
      [1, 'Une'],
      [2, 'Le'],
    ]);
  });

  test('la validation fait des actions à mener des actions suivies, liées dans les deux sens', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items, decisions, actionItems } = codiri(store, people);
    sendForValidation(store, meetingId, '2027-03-18');
    expect(getMeeting(store, meetingId)).toMatchObject({ validation_status: 'envoye', sent_on: '2027-03-18', tacit_validation_on: '2027-04-02' });
    // The secretariat (Indre-et-Loire) does not validate its own minutes.
    expect(invalid(() => validateMinutes(store, meetingId, { validatedBy: people.anne, day: '2027-03-20' }))).toEqual({
      message: 'Anne Leroy fait partie du partenaire qui a rédigé le compte rendu (Indre-et-Loire) : la validation revient à un autre partenaire.',
      field: 'validated_by_id',
    });
    expect(invalid(() => validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-17' }))).toEqual({
      message: "La date de validation ne peut pas précéder la date d'envoi.",
      field: 'validated_on',
    });
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    const meeting = getMeeting(store, meetingId);
    expect(meeting).toMatchObject({
      validation_status: 'valide',
      validated_on: '2027-03-22',
      validated_by: { name: 'Marc Petit' },
      read_only: true,
      tacit_validation_on: null,
    });

    // The new action à mener is now a tracked action of chantier 4, piloted for Loir-et-Cher by its responsable.
    const created = meeting.agenda[0].action_items[0].action!;
    expect(created).toMatchObject({ title: 'Organiser le séminaire des cadres de juin', chantier_id: 'c4', status: 'a_venir', end_date: '2027-06-30' });
    expect(getAction(store, created.id)).toMatchObject({
      title: 'Organiser le séminaire des cadres de juin',
      pilots: [{ partner_id: 'd41', person_name: 'Marc Petit' }],
    });
    // The existing action took the statut and échéance decided.
    expect(getAction(store, 'a8-1')).toMatchObject({ status: 'en_cours', end_date: '2027-09-30' });

    // From the fiche action: the meetings and décisions that concern it.
    expect(meetingsOfAction(store, 'a8-1')).toEqual([
      {
        meeting: expect.objectContaining({ id: meetingId, title: 'CODIRI du 15 mars 2027' }),
        agenda_items: [{ id: items[1], number: 2, title: 'Gouvernance d’Approlys' }],
        decisions: [{ id: decisions.approlys, number: 2, text: 'Une posture commune sera présentée au conseil d’administration, le 2 juin.' }],
        action_items: [
          { id: actionItems.approlys, kind: 'suivi', title: expect.stringMatching(/^Élaboration/), due_date: '2027-09-30', responsable_name: 'Anne Leroy' },
        ],
        followed_up: false,
      },
    ]);
    expect(meetingsOfAction(store, created.id)).toEqual([
      expect.objectContaining({
        agenda_items: [{ id: items[0], number: 1, title: 'Point d’étape du chantier RH' }],
        decisions: [{ id: decisions.rh, number: 1, text: 'Le séminaire des cadres aura lieu en juin, à Blois.' }],
        action_items: [expect.objectContaining({ id: actionItems.seminaire, kind: 'nouvelle' })],
      }),
    ]);
    expect(meetingsOfAction(store, 'a1-1')).toEqual([]);
    expect(check(store).ok).toBe(true);
  });

  test('un compte rendu validé refuse toute modification, en français, sans rien écrire', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items, decisions, actionItems, guests } = codiri(store, people);
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    const before = changeCount(store);
    const edits: (() => unknown)[] = [
      () => updateMeeting(store, meetingId, { place: 'Blois' }),
      () => deleteMeeting(store, meetingId),
      () => addParticipant(store, meetingId, { name: 'Invité de dernière minute' }),
      () => updateParticipant(store, guests.region, { attendance: 'absent' }),
      () => deleteParticipant(store, guests.other),
      () => addAgendaItem(store, meetingId, { title: 'Questions diverses' }),
      () => updateAgendaItem(store, items[0], { notes: 'Ajout après coup' }),
      () => moveAgendaItem(store, items[1], 'up'),
      () => deleteAgendaItem(store, items[0]),
      () => addEntry(store, items[0], { kind: 'decision', text: 'Décision ajoutée' }),
      () => updateEntry(store, decisions.rh, { text: 'Autre décision' }),
      () => addActionItem(store, items[0], { kind: 'nouvelle', title: 'Autre action' }),
      () => updateActionItem(store, actionItems.seminaire, { due_date: '2027-07-15' }),
      () => sendForValidation(store, meetingId),
      () => returnToDraft(store, meetingId),
    ];
    for (const edit of edits) expect(invalid(edit)).toEqual({ message: READ_ONLY_MESSAGE, field: 'validation_status' });
    expect(invalid(() => validateMinutes(store, meetingId, { validatedBy: people.marc }))).toEqual({
      message: 'Ce compte rendu est déjà validé.',
      field: 'validation_status',
    });
    expect(changeCount(store)).toBe(before);
  });

  test('une version modificative copie le compte rendu ; l’ancien reste lisible et inchangé', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, decisions } = codiri(store, people);
    expect(invalid(() => amendMinutes(store, meetingId, 'Trop tôt'))).toMatchObject({ field: 'validation_status' });
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    const original = getMeeting(store, meetingId);

    const amendedId = amendMinutes(store, meetingId, 'Correction de la décision n° 1');
    expect(invalid(() => amendMinutes(store, meetingId, 'Encore'))).toEqual({
      message: 'Une version modificative de ce compte rendu existe déjà (version 2).',
      field: 'version',
    });
    const amended = getMeeting(store, amendedId);
    expect(amended).toMatchObject({
      version: 2,
      validation_status: 'brouillon',
      previous_version_id: meetingId,
      amendment_reason: 'Correction de la décision n° 1',
      read_only: false,
      sent_on: null,
      validated_on: null,
      validated_by: null,
    });
    expect(amended.versions.map((version) => [version.id, version.version])).toEqual([
      [meetingId, 1],
      [amendedId, 2],
    ]);
    expect(decisionsOf(store, amendedId)).toEqual(decisionsOf(store, meetingId));
    expect(amended.participants.map((participant) => [participant.name, participant.attendance])).toEqual(
      original.participants.map((participant) => [participant.name, participant.attendance]),
    );

    const copiedDecision = amended.agenda[0].entries.find((entry) => entry.number === 1)!;
    updateEntry(store, copiedDecision.id, { text: 'Le séminaire des cadres aura lieu le 24 juin, à Blois.' });
    expect(decisionsOf(store, amendedId)[0][1]).toBe('Le séminaire des cadres aura lieu le 24 juin, à Blois.');
    // The old version: unchanged, readable, replaced.
    expect(getMeeting(store, meetingId)).toEqual({
      ...original,
      superseded_by: expect.objectContaining({ id: amendedId, version: 2 }),
      latest: false,
      versions: amended.versions,
    });
    expect(getMeeting(store, meetingId).agenda[0].entries.find((entry) => entry.id === decisions.rh)!.text).toBe(
      'Le séminaire des cadres aura lieu en juin, à Blois.',
    );
    // The lists show the latest version, or every one when asked.
    expect(listMeetings(store).map((row) => row.id)).toEqual([amendedId]);
    expect(listMeetings(store, { all_versions: true }).map((row) => row.id)).toEqual([amendedId, meetingId]);

    // Validating the amendment does not create the actions à mener a second time.
    sendForValidation(store, amendedId, '2027-04-01');
    validateMinutes(store, amendedId, { validatedBy: people.emilie, day: '2027-04-02' });
    const titled = store.db.prepare("SELECT count(*) FROM action WHERE title = 'Organiser le séminaire des cadres de juin' AND deleted = 0").pluck().get();
    expect(titled).toBe(1);
    expect(amendMinutes(store, amendedId, null)).toBe(`${meetingId}~3`);
    expect(check(store).ok).toBe(true);
  });

  test('une version modificative supprimée puis refaite ne ramène pas ce qui y avait été ajouté', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    const first = amendMinutes(store, meetingId, null);
    addAgendaItem(store, first, { title: 'Point ajouté puis abandonné' });
    deleteMeeting(store, first);
    expect(listMeetings(store).map((row) => row.id)).toEqual([meetingId]);
    const again = amendMinutes(store, meetingId, null);
    expect(again).toBe(first);
    expect(getMeeting(store, again).agenda.map((item) => item.title)).toEqual(['Point d’étape du chantier RH', 'Gouvernance d’Approlys']);
  });
});

describe('une suppression annulée', () => {
  test('participant, point, information ou décision, action à mener : chacun revient tel quel, à sa place', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items, decisions, information, actionItems, guests } = codiri(store, people);
    const before = getMeeting(store, meetingId);
    const deletes = [
      [() => deleteParticipant(store, guests.other), 'participant', guests.other],
      [() => deleteAgendaItem(store, items[0]), 'agenda_item', items[0]],
      [() => deleteEntry(store, decisions.approlys), 'entry', decisions.approlys],
      [() => deleteEntry(store, information), 'entry', information],
      [() => deleteActionItem(store, actionItems.approlys), 'action_item', actionItems.approlys],
    ] as const;
    for (const [remove, entity, id] of deletes) {
      remove();
      expect(getMeeting(store, meetingId)).not.toEqual(before);
      restoreMeetingRow(store, entity, id);
      // The point comes back with its informations, décisions and actions à mener.
      expect(getMeeting(store, meetingId)).toEqual(before);
    }
    expect(() => restoreMeetingRow(store, 'entry', 'inconnue')).toThrow(/introuvable/);
  });

  test('pas dans un compte rendu validé entre-temps', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, guests } = codiri(store, people);
    deleteParticipant(store, guests.other);
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    const before = changeCount(store);
    expect(invalid(() => restoreMeetingRow(store, 'participant', guests.other))).toEqual({ message: READ_ONLY_MESSAGE, field: 'validation_status' });
    expect(changeCount(store)).toBe(before);
  });
});

describe('validation tacite', () => {
  test('après le délai du projet, appliquée une fois, à la date où le délai a expiré', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    setValidationSilenceDays(store, 10);
    expect(invalid(() => setValidationSilenceDays(store, 0))).toEqual({
      message: "Le délai de validation tacite est d'au moins un jour.",
      field: 'validation_silence_days',
    });
    sendForValidation(store, meetingId, '2027-03-20');
    expect(getMeeting(store, meetingId).tacit_validation_on).toBe('2027-03-30');
    expect(applyTacitValidations(store, '2027-03-29')).toEqual({ validated: [], blocked: [] });
    expect(getMeeting(store, meetingId).validation_status).toBe('envoye');
    expect(applyTacitValidations(store, '2027-04-12')).toEqual({ validated: [meetingId], blocked: [] });
    expect(getMeeting(store, meetingId)).toMatchObject({ validation_status: 'valide', validated_on: '2027-03-30', validated_by: null, read_only: true });
    expect(getMeeting(store, meetingId).agenda[0].action_items[0].action).toMatchObject({ title: 'Organiser le séminaire des cadres de juin' });
    // Idempotent: a second run writes nothing.
    const before = changeCount(store);
    expect(applyTacitValidations(store, '2027-04-13')).toEqual({ validated: [], blocked: [] });
    expect(changeCount(store)).toBe(before);
  });

  test('15 jours par défaut ; des minutes devenues incomplètes après l’envoi restent en attente, avec la raison', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items } = codiri(store, people);
    sendForValidation(store, meetingId, '2027-03-20');
    // Sent minutes can still be completed, and here are made incomplete.
    addActionItem(store, items[0], { kind: 'nouvelle', title: 'Diffuser le programme' });
    expect(applyTacitValidations(store, '2027-04-03')).toEqual({ validated: [], blocked: [] });
    expect(applyTacitValidations(store, '2027-04-04')).toEqual({
      validated: [],
      blocked: [{ meeting_id: meetingId, message: "L'action à mener « Diffuser le programme » n'a pas de responsable." }],
    });
    expect(getMeeting(store, meetingId).validation_status).toBe('envoye');
    expect(getMeeting(store, meetingId).problems).toEqual([
      { row_id: expect.any(String), field: 'responsable_id', message: "L'action à mener « Diffuser le programme » n'a pas de responsable." },
    ]);
  });

  test('corrigé après l’envoi : le délai repart de la correction, que les autres doivent avoir le temps de lire', () => {
    let now = Date.parse('2027-03-20T09:00:00');
    const store = newReplica('Claire Martin', '37', tempDir(), () => now);
    const { meetingId } = codiri(store, cast(store));
    setValidationSilenceDays(store, 10);
    sendForValidation(store, meetingId, '2027-03-20');
    // The same day: nothing to read again.
    updateMeeting(store, meetingId, { place: 'Hôtel du Département, salle 2' });
    expect(getMeeting(store, meetingId)).toMatchObject({ corrected_on: null, tacit_validation_on: '2027-03-30' });
    // Two days before the delay ends: ten days from then.
    now = Date.parse('2027-03-28T16:00:00');
    updateMeeting(store, meetingId, { place: 'Hôtel du Département, Tours' });
    expect(getMeeting(store, meetingId)).toMatchObject({ corrected_on: '2027-03-28', tacit_validation_on: '2027-04-07' });
    expect(listMeetings(store).find((row) => row.id === meetingId)).toMatchObject({ corrected_on: '2027-03-28', tacit_validation_on: '2027-04-07' });
    expect(applyTacitValidations(store, '2027-04-06').validated).toEqual([]);
    expect(applyTacitValidations(store, '2027-04-07').validated).toEqual([meetingId]);
    expect(getMeeting(store, meetingId)).toMatchObject({ validation_status: 'valide', validated_on: '2027-04-07', corrected_on: null });
  });

  test('un brouillon repris n’est pas validé par le silence', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    sendForValidation(store, meetingId, '2027-03-20');
    returnToDraft(store, meetingId);
    expect(getMeeting(store, meetingId)).toMatchObject({ validation_status: 'brouillon', sent_on: null });
    expect(applyTacitValidations(store, '2027-12-31').validated).toEqual([]);
    expect(invalid(() => validateMinutes(store, meetingId, { validatedBy: people.marc }))).toEqual({
      message: "Ce compte rendu n'a pas encore été envoyé pour validation.",
      field: 'validation_status',
    });
  });
});

describe('CODIRI : prochaine date et secrétariat', () => {
  test('environ six mois après le dernier, un jour ouvré ; le secrétariat alterne entre les partenaires', () => {
    const store = newReplica();
    expect(nextCodiriProposal(store)).toEqual({
      date: null,
      after: null,
      secretariat_partner_id: 'd37',
      secretariat_partner_name: "Département d'Indre-et-Loire",
    });
    const first = createMeeting(store, { type: 'codiri', date: '2027-04-10', start_time: '14:00', duration_minutes: 120 });
    expect(getMeeting(store, first).secretariat?.id).toBe('d37');
    // 10 octobre 2027 is a Sunday: the Monday after.
    expect(nextCodiriProposal(store)).toEqual({
      date: '2027-10-11',
      after: expect.objectContaining({ id: first }),
      secretariat_partner_id: 'd41',
      secretariat_partner_name: 'Département de Loir-et-Cher',
    });
    const second = createMeeting(store, { type: 'codiri', date: '2027-10-11', start_time: '14:00', duration_minutes: 120 });
    expect(getMeeting(store, second).secretariat?.id).toBe('d41');
    // Back to the first partner: in partner position order, round.
    expect(nextCodiriProposal(store).secretariat_partner_id).toBe('d37');
    // The date the last CODIRI named for the next one comes first.
    updateMeeting(store, second, { next_meeting_date: '2028-03-27' });
    expect(nextCodiriProposal(store).date).toBe('2028-03-27');
    // For the "prochaine réunion" field of a given CODIRI.
    expect(nextCodiriProposal(store, first)).toMatchObject({ date: '2027-10-11', secretariat_partner_id: 'd41' });
    const working = createMeeting(store, { type: 'reunion_travail', date: '2027-05-03', start_time: '10:00', duration_minutes: 60, chantier_ids: ['c4'] });
    expect(invalid(() => nextCodiriProposal(store, working))).toEqual({ message: "Cette réunion n'est pas un CODIRI.", field: 'type' });
    // Other meetings: the secretariat of this laptop's Département.
    expect(getMeeting(store, working).secretariat?.id).toBe('d37');
  });

  test('six mois après un 31 août : fin février', () => {
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(nextWorkingDay('2027-02-27')).toBe('2027-03-01');
  });
});

describe("l'heure d'une réunion", () => {
  test("2 h 30 la nuit du passage à l'heure d'été n'existe pas : refusée en français, à la création comme en modification", () => {
    const store = newReplica();
    const input = { type: 'atelier' as const, title: 'Atelier de nuit', date: '2027-03-28', start_time: '02:30', duration_minutes: 60 };
    expect(invalid(() => createMeeting(store, input))).toEqual({
      message: "2 h 30 n'existe pas le 28 mars 2027 : cette nuit-là, on passe de 2 h à 3 h (heure d'été). Choisissez une autre heure.",
      field: 'start_time',
    });
    const meetingId = createMeeting(store, { ...input, start_time: '03:30' });
    expect(invalid(() => updateMeeting(store, meetingId, { start_time: '02:15' }))).toMatchObject({ field: 'start_time' });
    updateMeeting(store, meetingId, { date: '2027-10-31', start_time: '02:30' });
    expect(getMeeting(store, meetingId)).toMatchObject({ date: '2027-10-31', start_time: '02:30' });
  });
});

describe("durée de l'ordre du jour", () => {
  test('les totaux, et un avertissement quand les points dépassent la durée de la réunion', () => {
    const store = newReplica();
    const meetingId = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2027-05-04', start_time: '14:00', end_time: '15:00' });
    expect(getMeeting(store, meetingId).timing).toMatchObject({ meeting_minutes: 60, planned_minutes: 0, exceeds: false, warning: null });
    addAgendaItem(store, meetingId, { title: 'Tour de table', duration_minutes: 30 });
    addAgendaItem(store, meetingId, { title: 'Questions diverses' });
    expect(getMeeting(store, meetingId).timing).toEqual({
      meeting_minutes: 60,
      planned_minutes: 30,
      items_without_duration: 1,
      exceeds: false,
      over_by_minutes: 0,
      meeting_end_time: '15:00',
      planned_end_time: '14:30',
      warning: null,
    });
    addAgendaItem(store, meetingId, { title: 'Cartographie des marchés', duration_minutes: 45 });
    expect(getMeeting(store, meetingId).timing).toEqual({
      meeting_minutes: 60,
      planned_minutes: 75,
      items_without_duration: 1,
      exceeds: true,
      over_by_minutes: 15,
      meeting_end_time: '15:00',
      planned_end_time: '15:15',
      warning: "L'ordre du jour dure 1 h 15, plus que la réunion (1 h) : 15 min de trop.",
    });
    updateMeeting(store, meetingId, { duration_minutes: 90 });
    expect(getMeeting(store, meetingId).timing.exceeds).toBe(false);
  });
});

describe('suivi des actions du précédent compte rendu', () => {
  test('tiré de la réunion précédente du même chantier, avec le statut actuel ; figé à la validation', () => {
    const store = newReplica();
    const people = cast(store);
    const working = (date: string, chantier: string) =>
      createMeeting(store, { type: 'reunion_travail', date, start_time: '10:00', duration_minutes: 90, chantier_ids: [chantier] });
    const january = working('2027-01-11', 'c4');
    const item = addAgendaItem(store, january, { title: 'Plan de formation' });
    const created = addActionItem(store, item, {
      kind: 'nouvelle',
      title: 'Recenser les formateurs internes',
      responsable_id: people.marc,
      due_date: '2027-02-01',
    });
    const followed = addActionItem(store, item, { kind: 'suivi', action_id: 'a4-1', responsable_id: people.paul });
    // Meetings that do not count: another chantier, another type, a later one.
    const otherChantier = working('2027-01-20', 'c8');
    addActionItem(store, addAgendaItem(store, otherChantier, { title: 'Achats' }), { kind: 'nouvelle', title: 'Hors sujet', responsable_id: people.me });
    createMeeting(store, { type: 'codiri', date: '2027-01-25', start_time: '09:00', duration_minutes: 60 });
    const march = working('2027-03-08', 'c4');
    const february = working('2027-02-08', 'c4');

    // Before January's minutes are validated, its new action is not tracked yet.
    expect(meetingFollowUp(store, february, '2027-02-08')).toMatchObject({
      previous: { id: january, title: 'Réunion de travail du 11 janvier 2027' },
      frozen: false,
      lines: [
        { action_item_id: created, action_id: null, title: 'Recenser les formateurs internes', status: null, pending: true, due_date: '2027-02-01' },
        { action_item_id: followed, action_id: 'a4-1', status: 'a_venir', pending: false },
      ],
    });
    sendForValidation(store, january, '2027-01-12');
    validateMinutes(store, january, { validatedBy: people.emilie, day: '2027-01-13' });
    const actionId = getMeeting(store, january).agenda[0].action_items[0].action!.id;
    // An item without a chantier in a réunion de travail: the new action is the meeting's chantier's.
    expect(getAction(store, actionId).chantier_id).toBe('c4');
    updateAction(store, actionId, { status: 'en_cours', progress: 40 });

    setFollowUpComment(store, february, created, 'Liste établie côté 41, en attente du 37.');
    const live = meetingFollowUp(store, february, '2027-02-08');
    expect(live.lines[0]).toMatchObject({
      action_id: actionId,
      status: 'en_cours',
      progress: 40,
      late: true,
      pending: false,
      comment: 'Liste établie côté 41, en attente du 37.',
      responsable: { name: 'Marc Petit' },
    });
    expect(invalid(() => setFollowUpComment(store, february, 'inconnue', 'x'))).toMatchObject({ field: 'action_item_id' });
    // March follows February, not January.
    expect(meetingFollowUp(store, march).previous?.id).toBe(february);

    sendForValidation(store, february, '2027-02-09');
    validateMinutes(store, february, { validatedBy: people.marc, day: '2027-02-10' });
    updateAction(store, actionId, { status: 'realise', progress: 100 });
    // Frozen as it stood at validation.
    const frozen = meetingFollowUp(store, february, '2027-06-01');
    expect(frozen).toMatchObject({ previous: { id: january }, frozen: true });
    expect(frozen.lines.map((line) => [line.title, line.status, line.progress, line.comment])).toEqual([
      ['Recenser les formateurs internes', 'en_cours', 40, 'Liste établie côté 41, en attente du 37.'],
      ["Organisation d'une formation commune à la gestion de projet", 'a_venir', 0, null],
    ]);
    expect(meetingsOfAction(store, actionId).map((row) => [row.meeting.id, row.followed_up])).toEqual([
      [february, true],
      [january, false],
    ]);
  });
});

describe('listes', () => {
  test('par type, par chantier, à venir ou passées', () => {
    const store = newReplica();
    const make = (type: 'codiri' | 'atelier' | 'reunion_travail', date: string, chantiers: string[]) =>
      createMeeting(store, { type, date, start_time: '10:00', duration_minutes: 60, chantier_ids: chantiers });
    const past = make('codiri', '2026-01-12', ['c4']);
    const soon = make('atelier', '2026-06-02', ['c4', 'c8']);
    const later = make('reunion_travail', '2026-09-14', ['c8']);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    expect(ids(listMeetings(store, {}, '2026-03-01'))).toEqual([later, soon, past]);
    expect(ids(listMeetings(store, { when: 'upcoming' }, '2026-03-01'))).toEqual([soon, later]);
    expect(ids(listMeetings(store, { when: 'past' }, '2026-03-01'))).toEqual([past]);
    expect(ids(listMeetings(store, { types: ['codiri', 'atelier'] }, '2026-03-01'))).toEqual([soon, past]);
    expect(ids(listMeetings(store, { chantier_id: 'c8' }, '2026-03-01'))).toEqual([later, soon]);
    expect(ids(listMeetings(store, { statuses: ['envoye'] }))).toEqual([]);
    expect(listMeetings(store, { types: ['atelier'] })[0]).toMatchObject({
      title: 'Atelier du 2 juin 2026',
      participant_count: 0,
      latest: true,
    });
    deleteMeeting(store, soon);
    expect(ids(listMeetings(store, {}, '2026-03-01'))).toEqual([later, past]);
  });
});

describe('saisies refusées, en français, sans rien perdre', () => {
  test('heures, durées et dates impossibles', () => {
    const store = newReplica();
    const base = { type: 'codiri' as const, date: '2027-03-15', start_time: '10:00', duration_minutes: 60 };
    const before = changeCount(store);
    expect(invalid(() => createMeeting(store, { ...base, duration_minutes: undefined, end_time: '09:30' }))).toEqual({
      message: "L'heure de fin doit suivre l'heure de début.",
      field: 'end_time',
    });
    expect(invalid(() => createMeeting(store, { ...base, duration_minutes: undefined, end_time: '10:00' }))).toEqual({
      message: "L'heure de fin doit suivre l'heure de début.",
      field: 'end_time',
    });
    expect(invalid(() => createMeeting(store, { ...base, duration_minutes: 0 }))).toEqual({
      message: 'La durée de la réunion doit être positive.',
      field: 'duration_minutes',
    });
    expect(invalid(() => createMeeting(store, { ...base, duration_minutes: -30 }))).toEqual({
      message: 'La durée de la réunion doit être positive.',
      field: 'duration_minutes',
    });
    expect(invalid(() => createMeeting(store, { ...base, duration_minutes: undefined }))).toEqual({
      message: 'Indiquez la durée de la réunion ou son heure de fin.',
      field: 'duration_minutes',
    });
    expect(invalid(() => createMeeting(store, { ...base, start_time: undefined as never }))).toEqual({
      message: "L'heure de début : une heure est attendue.",
      field: 'start_time',
    });
    expect(invalid(() => createMeeting(store, { ...base, diffusion: 'tout le monde' as never }))).toMatchObject({ field: 'diffusion' });
    expect(invalid(() => createMeeting(store, { ...base, date: '2027-02-30' }))).toEqual({
      message: 'La date de la réunion : date impossible (format attendu AAAA-MM-JJ).',
      field: 'date',
    });
    for (const time of ['25:00', '9h30', '10:60']) {
      expect(invalid(() => createMeeting(store, { ...base, start_time: time }))).toEqual({
        message: "L'heure de début : heure impossible (format attendu HH:MM, de 00:00 à 23:59).",
        field: 'start_time',
      });
    }
    expect(invalid(() => createMeeting(store, { ...base, duration_minutes: undefined, end_time: '24:10' }))).toEqual({
      message: "L'heure de fin : heure impossible (format attendu HH:MM, de 00:00 à 23:59).",
      field: 'end_time',
    });
    expect(invalid(() => createMeeting(store, { ...base, type: 'reunion_travail' }))).toEqual({
      message: 'Une réunion de travail concerne un seul chantier\u00a0: choisissez-le.',
      field: 'chantier_ids',
    });
    expect(invalid(() => createMeeting(store, { ...base, chantier_ids: ['c99'] }))).toEqual({ message: 'Chantier inconnu : c99.', field: 'chantier_ids' });
    expect(invalid(() => createMeeting(store, { ...base, type: 'seminaire' as never }))).toEqual({
      message: 'Le type de réunion : valeur inconnue.',
      field: 'type',
    });
    expect(invalid(() => createMeeting(store, { ...base, next_meeting_date: '2027-13-01' }))).toMatchObject({ field: 'next_meeting_date' });
    expect(changeCount(store)).toBe(before);

    const id = createMeeting(store, base);
    const saved = getMeeting(store, id);
    expect(invalid(() => updateMeeting(store, id, { end_time: '09:00' }))).toMatchObject({ field: 'end_time' });
    expect(invalid(() => updateMeeting(store, id, { start_time: '7:00' }))).toMatchObject({ field: 'start_time' });
    expect(invalid(() => updateMeeting(store, id, { duration_minutes: 0, place: 'Blois' }))).toMatchObject({ field: 'duration_minutes' });
    expect(getMeeting(store, id)).toEqual(saved);
    updateMeeting(store, id, { start_time: '14:00', end_time: '17:30' });
    expect(getMeeting(store, id)).toMatchObject({ start_time: '14:00', duration_minutes: 210, end_time: '17:30' });
  });

  test('participants : la même personne deux fois, un représenté sans représentant, un invité sans nom', () => {
    const store = newReplica();
    const people = cast(store);
    const id = createMeeting(store, { type: 'comite_pilotage', date: '2027-03-15', start_time: '10:00', duration_minutes: 60 });
    const marc = addParticipant(store, id, { person_id: people.marc });
    const before = changeCount(store);
    expect(invalid(() => addParticipant(store, id, { person_id: people.marc, attendance: 'excuse' }))).toEqual({
      message: 'Marc Petit figure déjà parmi les participants.',
      field: 'person_id',
    });
    expect(invalid(() => addParticipant(store, id, { person_id: people.emilie, attendance: 'represente' }))).toEqual({
      message: 'Indiquez par qui Émilie Durand est représenté.',
      field: 'represented_by',
    });
    expect(invalid(() => updateParticipant(store, marc, { attendance: 'represente', represented_by: '  ' }))).toEqual({
      message: 'Indiquez par qui Marc Petit est représenté.',
      field: 'represented_by',
    });
    expect(invalid(() => addParticipant(store, id, { name: '  ', organisation: 'Région' }))).toEqual({
      message: "Le nom de l'invité ne peut pas être vide.",
      field: 'name',
    });
    expect(invalid(() => addParticipant(store, id, { person_id: 'inconnu' }))).toEqual({ message: 'Personne inconnue : inconnu.', field: 'person_id' });
    expect(invalid(() => addParticipant(store, id, { name: 'X', attendance: 'parti' as never }))).toEqual({
      message: 'La présence : valeur inconnue.',
      field: 'attendance',
    });
    expect(changeCount(store)).toBe(before);
    // With a civilité, the sentence agrees, and the participant carries it for the screen's choices.
    updatePerson(store, people.emilie, { civility: 'mme' });
    expect(invalid(() => addParticipant(store, id, { person_id: people.emilie, attendance: 'represente' }))).toMatchObject({
      message: 'Indiquez par qui Émilie Durand est représentée.',
    });
    const emilie = addParticipant(store, id, { person_id: people.emilie });
    expect(getMeeting(store, id).participants.find((participant) => participant.id === emilie)).toMatchObject({ civility: 'mme' });
    deleteParticipant(store, emilie);
    // Removed, then added again: the same row comes back.
    deleteParticipant(store, marc);
    expect(addParticipant(store, id, { person_id: people.marc, attendance: 'absent' })).toBe(marc);
    expect(getMeeting(store, id).participants).toEqual([expect.objectContaining({ id: marc, attendance: 'absent', name: 'Marc Petit' })]);
  });

  test('une action à mener sans responsable : enregistrée en cours de saisie, refusée complète, à l’envoi et à la validation', () => {
    const store = newReplica();
    const people = cast(store);
    const id = createMeeting(store, { type: 'comite_pilotage', date: '2027-03-15', start_time: '10:00', duration_minutes: 60, chantier_ids: ['c4', 'c8'] });
    const item = addAgendaItem(store, id, { title: 'Suite des ateliers' });
    const before = changeCount(store);
    expect(invalid(() => addActionItem(store, item, { kind: 'nouvelle', title: 'Rédiger la synthèse', chantier_id: 'c4' }, { complete: true }))).toEqual({
      message: "L'action à mener « Rédiger la synthèse » n'a pas de responsable.",
      field: 'responsable_id',
    });
    expect(invalid(() => addActionItem(store, item, { kind: 'nouvelle', title: 'Sans chantier', responsable_id: people.marc }, { complete: true }))).toEqual({
      message: "L'action à mener « Sans chantier » n'est rattachée à aucun chantier.",
      field: 'chantier_id',
    });
    expect(invalid(() => addActionItem(store, item, { kind: 'nouvelle', title: ' ' }))).toEqual({
      message: "L'intitulé de l'action à mener ne peut pas être vide.",
      field: 'title',
    });
    expect(invalid(() => addActionItem(store, item, { kind: 'suivi' }))).toEqual({ message: "Choisissez l'action existante à suivre.", field: 'action_id' });
    expect(invalid(() => addActionItem(store, item, { kind: 'nouvelle', title: 'X', due_date: '2027-06-31' }))).toEqual({
      message: "L'échéance : date impossible (format attendu AAAA-MM-JJ).",
      field: 'due_date',
    });
    expect(changeCount(store)).toBe(before);

    // Typed during the meeting, completed later: nothing typed is lost.
    const draft = addActionItem(store, item, { kind: 'nouvelle', title: 'Rédiger la synthèse', chantier_id: 'c4', due_date: '2027-04-15' });
    expect(invalid(() => updateActionItem(store, draft, { due_date: '2027-04-30' }, { complete: true }))).toMatchObject({ field: 'responsable_id' });
    expect(invalid(() => sendForValidation(store, id, '2027-03-16'))).toEqual({
      message: "L'action à mener « Rédiger la synthèse » n'a pas de responsable.",
      field: 'responsable_id',
    });
    expect(getMeeting(store, id).agenda[0].action_items[0]).toMatchObject({ title: 'Rédiger la synthèse', due_date: '2027-04-15', responsable: null });
    updateActionItem(store, draft, { responsable_id: people.marc }, { complete: true });
    sendForValidation(store, id, '2027-03-16');
    // Made incomplete after sending: refused at validation.
    const late = addActionItem(store, item, { kind: 'nouvelle', title: 'Relancer les services', chantier_id: 'c8' });
    expect(invalid(() => validateMinutes(store, id, { validatedBy: people.marc, day: '2027-03-17' }))).toEqual({
      message: "L'action à mener « Relancer les services » n'a pas de responsable.",
      field: 'responsable_id',
    });
    expect(getMeeting(store, id).validation_status).toBe('envoye');
    updateActionItem(store, late, { responsable_id: people.paul });
    validateMinutes(store, id, { validatedBy: people.marc, day: '2027-03-17' });
    expect(getMeeting(store, id).agenda[0].action_items.map((actionItem) => [actionItem.title, actionItem.action?.chantier_id])).toEqual([
      ['Rédiger la synthèse', 'c4'],
      ['Relancer les services', 'c8'],
    ]);
  });
});

describe('validation sûre', () => {
  test('ni envoi ni validation avant la date de la réunion ; ce que la validation fera, dit avant', () => {
    const store = newReplica('Claire Martin', '37');
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    expect(invalid(() => sendForValidation(store, meetingId, '2027-03-14'))).toEqual({
      message: "Le compte rendu ne peut être envoyé pour validation qu'une fois la réunion tenue (le 15 mars 2027).",
      field: 'sent_on',
    });
    const approlys = "« Élaboration d'une posture commune pour faire évoluer la gouvernance de la centrale d'achat Approlys »";
    expect(validationEffects(store, meetingId)).toEqual([
      '1 action ajoutée au suivi : « Organiser le séminaire des cadres de juin »',
      `statut de ${approlys} : À venir → En cours`,
      `échéance de ${approlys} fixée au 30 septembre 2027`,
    ]);
    sendForValidation(store, meetingId, '2027-03-15');
    expect(invalid(() => validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-14' }))).toMatchObject({ field: 'validated_on' });
  });
});

describe('réunion suivante et copie', () => {
  test('la prochaine réunion reprend participants et ordre du jour, sans le compte rendu ; le secrétariat du CODIRI passe à l’autre partenaire', () => {
    const store = newReplica('Claire Martin', '37');
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    const before = getMeeting(store, meetingId);
    expect(nextMeetingDate(store, meetingId)).toBe('2027-09-15');
    const next = getMeeting(store, repeatMeeting(store, meetingId, { next: true }));
    expect(next).toMatchObject({ type: 'codiri', date: '2027-09-15', start_time: before.start_time, place: before.place, validation_status: 'brouillon' });
    expect(next.secretariat?.id).not.toBe(before.secretariat?.id);
    expect(next.participants.map((participant) => participant.name)).toEqual(before.participants.map((participant) => participant.name));
    expect(next.agenda.map((item) => item.title)).toEqual(before.agenda.map((item) => item.title));
    expect(next.agenda.every((item) => item.entries.length === 0 && item.action_items.length === 0)).toBe(true);
    const copy = getMeeting(store, repeatMeeting(store, meetingId, { date: '2027-04-02', next: false }));
    expect(copy).toMatchObject({ date: '2027-04-02', secretariat: before.secretariat });
  });

  test('la date que le compte rendu a fixée pour la prochaine réunion est celle proposée ; elle vient après la réunion', () => {
    const store = newReplica('Claire Martin', '37');
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    expect(invalid(() => updateMeeting(store, meetingId, { next_meeting_date: '2026-09-14' }))).toEqual({
      message: 'La prochaine réunion (le 14 septembre 2026) doit venir après celle-ci (le 15 mars 2027).',
      field: 'next_meeting_date',
    });
    updateMeeting(store, meetingId, { next_meeting_date: '2027-09-13' });
    expect(invalid(() => updateMeeting(store, meetingId, { date: '2027-09-20' })).field).toBe('date');
    expect(nextMeetingDate(store, meetingId)).toBe('2027-09-13');
    expect(getMeeting(store, repeatMeeting(store, meetingId, { next: true })).date).toBe('2027-09-13');
    // The proposal for the field itself: six months after this CODIRI, not its own value.
    expect(nextCodiriProposal(store, meetingId).date).toBe('2027-09-15');

    const work = createMeeting(store, { type: 'reunion_travail', date: '2027-04-06', start_time: '10:00', duration_minutes: 60, chantier_ids: ['c4'] });
    updateMeeting(store, work, { next_meeting_date: '2027-05-20' });
    expect(nextMeetingDate(store, work)).toBe('2027-05-20');
  });

  test('une personne, une action ou un chantier supprimés depuis ne sont pas repris, sans faire échouer la prochaine réunion', () => {
    const store = newReplica('Claire Martin', '37');
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    deletePerson(store, people.paul);
    deletePerson(store, people.anne);
    deleteAction(store, 'a8-1');
    const next = getMeeting(store, repeatMeeting(store, meetingId, { next: true }));
    expect(next.participants.map((participant) => participant.name)).not.toContain('Paul Bernard');
    expect(next.participants.map((participant) => participant.name)).not.toContain('Anne Leroy');
    expect(next.president).toBeNull();
    expect(next.agenda.map((item) => item.title)).toEqual(['Point d’étape du chantier RH', 'Gouvernance d’Approlys']);
  });
});

describe("le lien d'un point et « À arbitrer »", () => {
  test('un point à arbitrer le reste jusqu’à ce qu’on le décoche ; sans réponse il ne l’est pas', () => {
    const store = newReplica();
    const meetingId = createMeeting(store, { type: 'codiri', date: '2027-03-15', start_time: '09:30', duration_minutes: 120 });
    const asked = addAgendaItem(store, meetingId, { title: 'Calendrier du séminaire', to_arbitrate: true });
    const plain = addAgendaItem(store, meetingId, { title: 'Tour de table' });
    const arbitration = () => getMeeting(store, meetingId).agenda.map((item) => [item.id, item.to_arbitrate]);
    expect(arbitration()).toEqual([
      [asked, true],
      [plain, false],
    ]);
    updateAgendaItem(store, asked, { to_arbitrate: false });
    updateAgendaItem(store, plain, { to_arbitrate: true });
    expect(arbitration()).toEqual([
      [asked, false],
      [plain, true],
    ]);
  });

  test('chaque chantier et ses actions, dans l’ordre de leur référence', () => {
    const store = newReplica();
    const first = createAction(store, { chantier_id: 'c4', title: 'Zéro papier dans les DRH' });
    const second = createAction(store, { chantier_id: 'c4', title: 'Annuaire commun des agents' });
    const links = agendaLinks(store);
    expect(links.map((chantier) => chantier.number)).toEqual([...links.map((chantier) => chantier.number)].sort((x, y) => x - y));
    const rh = links.find((chantier) => chantier.id === 'c4')!;
    expect(rh.actions.map((action) => action.id).slice(-2)).toEqual([first, second]);
    const count = rh.actions.length;
    expect(rh.actions.map((action) => action.reference)).toEqual(Array.from({ length: count }, (_, index) => `4.${index + 1}`));
    expect(links.filter((chantier) => chantier.id !== 'c4').flatMap((chantier) => chantier.actions.map((action) => action.id))).not.toContain(first);
  });
});
