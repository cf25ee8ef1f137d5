// A meeting made from another: « Créer la prochaine réunion » (the CODIRI six months later,
// the next partner at the secretariat) or « Copier la réunion » on a chosen date. The new
// meeting keeps the type, time, duration, place, chantiers, présidence, participants
// (expected as present again) and the ordre du jour's points with their presenters and
// durations; never the compte rendu (informations, décisions, actions à mener), which
// belongs to the meeting held. What was deleted since (a person, an action, a chantier) is
// left out: nobody expects it at the next meeting.
import { addMonths, nextWorkingDay } from '../../common/calendar';
import type { Store } from '../store/store';
import { cached } from '../store/statements';
import { getRow } from '../store/rows';
import type { EntityName } from '../store/schema';
import { requireMeeting } from './rows';
import { nextCodiriProposal } from './rules';
import { addAgendaItem, addParticipant, createMeeting } from './writes';

/**
 * The date the meeting named for the next one, if it did; else after a CODIRI, the next one
 * six months later; after another meeting, a month later (a working day).
 */
export function nextMeetingDate(store: Store, meetingId: string): string {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.next_meeting_date) return meeting.next_meeting_date;
  if (meeting.type === 'codiri') return nextCodiriProposal(store, meetingId).date!;
  return nextWorkingDay(addMonths(meeting.date, 1));
}

/** A new meeting like `meetingId`, on `date` (the next one's by default); answers its id. */
export function repeatMeeting(store: Store, meetingId: string, options: { date?: string; next: boolean }): string {
  const meeting = requireMeeting(store, meetingId);
  const date = options.date ?? nextMeetingDate(store, meetingId);
  const alive = (entity: EntityName, id: string | null): string | null => (id !== null && getRow(store, entity, id) ? id : null);
  return store.transaction(() => {
    const id = createMeeting(store, {
      type: meeting.type,
      date,
      start_time: meeting.start_time,
      duration_minutes: meeting.duration_minutes,
      title: meeting.title,
      place: meeting.place,
      chantier_ids: meeting.chantier_ids.filter((chantierId) => alive('chantier', chantierId)),
      president_id: alive('person', meeting.president_id),
      secretary_id: alive('person', meeting.secretary_id),
      // The next CODIRI's secretariat passes to the other partner; a copy keeps it.
      secretariat_partner_id:
        options.next && meeting.type === 'codiri' ? nextCodiriProposal(store, meetingId).secretariat_partner_id : meeting.secretariat_partner_id,
      diffusion: meeting.diffusion,
    });
    const participants = cached(store, 'SELECT person_id, name, function, organisation FROM participant WHERE meeting_id = ? AND deleted = 0 ORDER BY rid').all(
      meetingId,
    ) as { person_id: string | null; name: string | null; function: string | null; organisation: string | null }[];
    for (const participant of participants) {
      if (participant.person_id && !alive('person', participant.person_id)) continue;
      addParticipant(
        store,
        id,
        participant.person_id
          ? { person_id: participant.person_id }
          : { name: participant.name, function: participant.function, organisation: participant.organisation },
      );
    }
    const items = cached(
      store,
      'SELECT title, presenter, duration_minutes, chantier_id, action_id FROM agenda_item WHERE meeting_id = ? AND deleted = 0 ORDER BY position, id',
    ).all(meetingId) as { title: string; presenter: string | null; duration_minutes: number | null; chantier_id: string | null; action_id: string | null }[];
    for (const item of items)
      addAgendaItem(store, id, { ...item, chantier_id: alive('chantier', item.chantier_id), action_id: alive('action', item.action_id) });
    return id;
  });
}
