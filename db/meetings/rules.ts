// The rules of réunions that both the writes and the screens rely on: titles, tacit
// validation, what keeps minutes from validation, the agenda's timing, the next CODIRI.
import { addDays, addMinutes, addMonths, localDate, nextWorkingDay } from '../../common/calendar';
import { parseHlc } from '../store/hlc';
import { frenchDuration } from '../../common/french';
import { ValidationError } from '../errors';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { AgendaTiming, CodiriProposal, FollowUpLine, ValidationProblem } from './types';
import type { Partner } from '../people/types';
import { CLOSED_STATUSES, CODIRI_INTERVAL_MONTHS, DEFAULT_VALIDATION_SILENCE_DAYS } from '../../common/vocabulary';
import { requireMeeting, actionItemRows, trackedAction, meetingRef, lastCodiri, type MeetingFields, type ActionItemFields } from './rows';

/** Days after which minutes sent for validation are validated by silence. */
export function validationSilenceDays(store: Store): number {
  const days = store.projectId
    ? (cached(store, 'SELECT validation_silence_days FROM project WHERE id = ?').pluck().get(store.projectId) as number | null | undefined)
    : undefined;
  return days ?? DEFAULT_VALIDATION_SILENCE_DAYS;
}

/**
 * The last write to sent minutes after their sending (the meeting, its participants, points,
 * entries, actions à mener, suivi), by its clock: any live version written after the live
 * versions of the sending itself. Attached documents are not part of the minutes.
 */
const LAST_CORRECTION_SQL = `
  SELECT max(c.hlc) FROM (
    SELECT 'meeting' AS entity, @id AS row_id
    UNION ALL SELECT 'participant', id FROM participant WHERE meeting_id = @id
    UNION ALL SELECT 'agenda_item', id FROM agenda_item WHERE meeting_id = @id
    UNION ALL SELECT 'entry', id FROM entry WHERE meeting_id = @id
    UNION ALL SELECT 'action_item', id FROM action_item WHERE meeting_id = @id
    UNION ALL SELECT 'follow_up', id FROM follow_up WHERE meeting_id = @id) r
  JOIN live_versions l ON l.entity = r.entity AND l.row_id = r.row_id
  JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
  WHERE NOT (l.entity = 'meeting' AND l.field IN ('validation_status', 'sent_on'))
    AND c.hlc > (SELECT max(s.hlc) FROM live_versions k JOIN changes s ON s.origin = k.origin AND s.seq = k.seq
                 WHERE k.entity = 'meeting' AND k.row_id = @id AND k.field IN ('validation_status', 'sent_on'))`;

/**
 * The day minutes sent on `sentOn` were last corrected, if they were after their sending and
 * on a later day (as the clock of the computer that corrected them says); null otherwise.
 */
export function correctedOn(store: Store, meetingId: string, sentOn: string): string | null {
  const hlc = cached(store, LAST_CORRECTION_SQL).pluck().get({ id: meetingId }) as string | null;
  const day = hlc === null ? null : localDate(new Date(parseHlc(hlc).ms));
  return day !== null && day > sentOn ? day : null;
}

/**
 * The day silence validates sent minutes: the project's delay after their sending, or after
 * their last correction if later (correctedOn). Silence cannot vouch for a correction the
 * other partners have not had the delay to read (one made the day before the delay ends).
 */
export function tacitValidationDay(sentOn: string, corrected: string | null, silenceDays: number): string {
  return addDays(corrected ?? sentOn, silenceDays);
}

/** What an action à mener lacks to become a tracked action. */
export function actionItemProblems(store: Store, item: ActionItemFields): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (field: string, message: string) => problems.push({ row_id: item.id, field, message });
  const name = `L'action à mener « ${item.title} »`;
  if (!item.responsable_id) add('responsable_id', `${name} n'a pas de responsable.`);
  else if (cached(store, 'SELECT 1 FROM person WHERE id = ? AND deleted = 0').pluck().get(item.responsable_id) !== 1) {
    add('responsable_id', `Le responsable de l'action à mener « ${item.title} » ne fait plus partie des personnes de la coopération.`);
  }
  if (item.kind === 'suivi' || item.action_id) {
    const action = trackedAction(store, item.action_id);
    if (!action) add('action_id', `${name} ne désigne aucune action existante.`);
    else if (action.deleted) {
      add(
        'action_id',
        item.kind === 'suivi' ? `L'action suivie par « ${item.title} » a été supprimée.` : `L'action créée pour « ${item.title} » a été supprimée depuis.`,
      );
    } else if (item.kind === 'suivi' && item.due_date && action.start_date && item.due_date < action.start_date) {
      add('due_date', `L'échéance de l'action à mener « ${item.title} » précède la date de début de l'action.`);
    }
  } else if (!item.chantier_id) {
    add('chantier_id', `${name} n'est rattachée à aucun chantier.`);
  } else if (cached(store, 'SELECT 1 FROM chantier WHERE id = ? AND deleted = 0').pluck().get(item.chantier_id) !== 1) {
    add('chantier_id', `Le chantier de l'action à mener « ${item.title} » a été supprimé.`);
  }
  return problems;
}

/** What keeps a meeting's minutes from being sent or validated (nothing: an empty list). */
export function validationProblems(store: Store, meetingId: string): ValidationProblem[] {
  requireMeeting(store, meetingId);
  return actionItemRows(store, meetingId).flatMap((item) => actionItemProblems(store, item));
}

/** The agenda's durations against the meeting's: its `timing` (getMeeting). */
export function timingOf(meeting: MeetingFields, items: { duration_minutes: number | null }[]): AgendaTiming {
  const planned = items.reduce((sum, item) => sum + (item.duration_minutes ?? 0), 0);
  const over = Math.max(0, planned - meeting.duration_minutes);
  return {
    meeting_minutes: meeting.duration_minutes,
    planned_minutes: planned,
    items_without_duration: items.filter((item) => item.duration_minutes === null).length,
    exceeds: over > 0,
    over_by_minutes: over,
    meeting_end_time: addMinutes(meeting.date, meeting.start_time, meeting.duration_minutes).time,
    planned_end_time: addMinutes(meeting.date, meeting.start_time, planned).time,
    warning:
      over > 0
        ? `L'ordre du jour dure ${frenchDuration(planned)}, plus que la réunion (${frenchDuration(meeting.duration_minutes)}) : ${frenchDuration(over)} de trop.`
        : null,
  };
}

/** "En retard" as the actions say it, on a given day. */
export const isLate = (due: string | null, status: FollowUpLine['status'], day: string) =>
  due !== null && due < day && !(status !== null && CLOSED_STATUSES.includes(status));

/** The partner after this one in position order (the first after the last); the first if none. */
export function nextSecretariat(store: Store, previousPartnerId: string | null): Partner | undefined {
  const partners = cached(store, 'SELECT id, code, name, short_name, position FROM partner WHERE deleted = 0 ORDER BY position, id').all() as Partner[];
  const index = partners.findIndex((partner) => partner.id === previousPartnerId);
  return partners[(index + 1) % partners.length];
}

/**
 * The next CODIRI: about six months after `afterMeetingId` (a CODIRI), or after the last
 * CODIRI — on the date it named as its next meeting, if it did — moved off the weekend;
 * with the partner whose turn it is to hold the secretariat.
 */
export function nextCodiriProposal(store: Store, afterMeetingId?: string): CodiriProposal {
  let base: MeetingFields | undefined;
  if (afterMeetingId) {
    base = requireMeeting(store, afterMeetingId);
    if (base.type !== 'codiri') throw new ValidationError("Cette réunion n'est pas un CODIRI.", 'type');
  } else {
    base = lastCodiri(store);
  }
  const secretariat = nextSecretariat(store, base?.secretariat_partner_id ?? null);
  const named = afterMeetingId ? null : base?.next_meeting_date;
  return {
    date: base ? (named ?? nextWorkingDay(addMonths(base.date, CODIRI_INTERVAL_MONTHS))) : null,
    after: base ? meetingRef(base) : null,
    secretariat_partner_id: secretariat?.id ?? null,
    secretariat_partner_name: secretariat?.name ?? null,
  };
}
