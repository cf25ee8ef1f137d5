// A CODIRI as the tests of réunions use it: people of both Départements, an ordre du jour
// of two items, participants in every state, two décisions and two actions à mener.
import { expect } from 'vitest';
import { createPerson } from '../../db/people/writes';
import { addActionItem, addAgendaItem, addEntry, addParticipant, createMeeting } from '../../db/meetings/writes';
import { UserError, ValidationError } from '../../db/errors';
import type { Store } from '../../db/store/store';
import type { MeetingInput } from '../../db/meetings/types';

export interface Cast {
  /** Claire Martin, Indre-et-Loire: the person using the laptop. */
  me: string;
  anne: string;
  paul: string;
  marc: string;
  emilie: string;
}

export function cast(store: Store): Cast {
  return {
    me: store.personId!,
    anne: createPerson(store, { name: 'Anne Leroy', function: 'Directrice générale des services', partner_id: 'd37', email: null }),
    paul: createPerson(store, { name: 'Paul Bernard', function: 'DGA solidarités', partner_id: 'd37', email: null }),
    marc: createPerson(store, { name: 'Marc Petit', function: 'DGA ressources', partner_id: 'd41', email: null }),
    emilie: createPerson(store, { name: 'Émilie Durand', function: 'Directrice générale des services', partner_id: 'd41', email: null }),
  };
}

export interface Codiri {
  meetingId: string;
  /** "Chantier RH" (60 min, chantier 4) and "Approlys" (45 min, action a8-1). */
  items: [string, string];
  /** Written in the reverse of the agenda order: Approlys's first. */
  decisions: { rh: string; approlys: string };
  information: string;
  /** A new action (séminaire, Marc Petit) and a follow-up of a8-1 (Anne Leroy). */
  actionItems: { seminaire: string; approlys: string };
  guests: { region: string; other: string };
}

export function codiri(store: Store, people: Cast, input: Partial<MeetingInput> = {}): Codiri {
  const meetingId = createMeeting(store, {
    type: 'codiri',
    date: '2027-03-15',
    start_time: '09:30',
    duration_minutes: 150,
    place: 'Hôtel du Département, Tours',
    chantier_ids: ['c4', 'c8'],
    president_id: people.anne,
    secretary_id: people.me,
    diffusion: ['Membres du CODIRI', 'Pilotes des chantiers'],
    ...input,
  });
  addParticipant(store, meetingId, { person_id: people.anne });
  addParticipant(store, meetingId, { person_id: people.me });
  addParticipant(store, meetingId, { person_id: people.marc, attendance: 'excuse' });
  addParticipant(store, meetingId, { person_id: people.emilie, attendance: 'represente', represented_by: 'Jean Dupont, DGA territoires' });
  addParticipant(store, meetingId, { person_id: people.paul, attendance: 'absent' });
  const region = addParticipant(store, meetingId, { name: 'Sophie Laurent', function: 'Directrice', organisation: 'Région Centre-Val de Loire' });
  const other = addParticipant(store, meetingId, { name: 'Hugo Moreau', function: 'Consultant' });
  const rh = addAgendaItem(store, meetingId, { title: 'Point d’étape du chantier RH', presenter: 'Marc Petit', duration_minutes: 60, chantier_id: 'c4' });
  const approlys = addAgendaItem(store, meetingId, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45, action_id: 'a8-1' });
  const approlysDecision = addEntry(store, approlys, { kind: 'decision', text: 'Une posture commune sera présentée au conseil d’administration, le 2 juin.' });
  const information = addEntry(store, rh, { kind: 'information', text: 'La formation à la gestion de projet a réuni 24 cadres.' });
  const rhDecision = addEntry(store, rh, { kind: 'decision', text: 'Le séminaire des cadres aura lieu en juin, à Blois.' });
  const seminaire = addActionItem(
    store,
    rh,
    { kind: 'nouvelle', title: 'Organiser le séminaire des cadres de juin', responsable_id: people.marc, due_date: '2027-06-30' },
    { complete: true },
  );
  const followUp = addActionItem(
    store,
    approlys,
    { kind: 'suivi', action_id: 'a8-1', responsable_id: people.anne, due_date: '2027-09-30', status: 'en_cours' },
    { complete: true },
  );
  return {
    meetingId,
    items: [rh, approlys],
    decisions: { rh: rhDecision, approlys: approlysDecision },
    information,
    actionItems: { seminaire, approlys: followUp },
    guests: { region, other },
  };
}

/** The error `work` throws, checking it is a French refusal meant for the user. */
function refusal(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a refusal');
}

/** A refusal naming a field. */
export function invalid(work: () => unknown): { message: string; field: string | undefined } {
  const error = refusal(work);
  expect(error).toBeInstanceOf(ValidationError);
  return { message: error.message, field: (error as ValidationError).field };
}
