// Réunions as the screens read them: the list with its filters, one meeting with
// everything, the meetings and décisions concerning an action, the suivi des actions du
// précédent compte rendu, the agenda's timing, and what keeps minutes from validation.
import { addDays, addMinutes, addMonths, frenchDate, frenchDuration, nextWorkingDay } from '../calendar/time';
import { sortKey } from '../collation';
import { UserError, ValidationError } from '../errors';
import { ENTITIES, type EntityFields } from '../schema';
import { cached } from '../statements';
import type { Store } from '../store';
import type {
  ActionItemView,
  ActionMeeting,
  AgendaItemView,
  AgendaTiming,
  ChantierRef,
  CodiriProposal,
  EntryView,
  FollowUp,
  FollowUpLine,
  MeetingDetail,
  MeetingQuery,
  MeetingRef,
  MeetingRow,
  Partner,
  ParticipantView,
  PersonRef,
  TrackedActionRef,
  ValidationProblem,
} from '../types';
import { CLOSED_STATUSES, CODIRI_INTERVAL_MONTHS, DEFAULT_VALIDATION_SILENCE_DAYS, MEETING_TYPE_LABELS } from '../vocabulary';
import { LATE_SQL, today } from './sql';

export type MeetingFields = EntityFields<'meeting'> & { id: string };
type ActionItemFields = EntityFields<'action_item'> & { id: string };

/** Amendments of a meeting have the ids `${first}~2`, `${first}~3`…: the first version's id names the series. */
export const seriesId = (meetingId: string) => meetingId.replace(/~\d+$/, '');

// Raw rows

const MEETING_COLUMNS = ['id', ...Object.keys(ENTITIES.meeting)].map((field) => `m.${field}`).join(', ');

/**
 * A meeting the screens show: not deleted, and whole — a sync file missing some of its
 * changes (a gap) may bring a row without its date yet.
 */
const SHOWN_SQL = 'm.deleted = 0 AND m.type IS NOT NULL AND m.date IS NOT NULL AND m.start_time IS NOT NULL AND m.duration_minutes IS NOT NULL AND m.version IS NOT NULL';

/** Whether the meeting aliased `m` is the latest version of its minutes. */
const LATEST_SQL = 'NOT EXISTS (SELECT 1 FROM meeting n WHERE n.previous_version_id = m.id AND n.deleted = 0)';

/** A visible meeting with its JSON lists parsed, or undefined. */
function meetingFields(store: Store, id: string): MeetingFields | undefined {
  const row = cached(store, `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.id = ? AND ${SHOWN_SQL}`).get(id) as
    | (Omit<MeetingFields, 'chantier_ids' | 'diffusion'> & { chantier_ids: string | null; diffusion: string | null })
    | undefined;
  return row && parseLists(row);
}

function parseLists<T extends { chantier_ids: string | null; diffusion: string | null }>(row: T): Omit<T, 'chantier_ids' | 'diffusion'> & { chantier_ids: string[]; diffusion: string[] } {
  return { ...row, chantier_ids: row.chantier_ids ? JSON.parse(row.chantier_ids) : [], diffusion: row.diffusion ? JSON.parse(row.diffusion) : [] };
}

export function requireMeeting(store: Store, id: string): MeetingFields {
  const meeting = meetingFields(store, id);
  if (!meeting) throw new UserError('not-found', `La réunion ${id} est introuvable (supprimée ou inconnue).`);
  return meeting;
}

/** The agenda items of a meeting, in order. */
function agendaRows(store: Store, meetingId: string): (EntityFields<'agenda_item'> & { id: string })[] {
  return cached(store, 'SELECT * FROM agenda_item WHERE meeting_id = ? AND deleted = 0 ORDER BY position, id').all(meetingId) as (EntityFields<'agenda_item'> & {
    id: string;
  })[];
}

/** The entries of a meeting's visible items, in agenda order then their own. */
function entryRows(store: Store, meetingId: string): (EntityFields<'entry'> & { id: string })[] {
  return cached(
    store,
    `SELECT e.* FROM entry e JOIN agenda_item ai ON ai.id = e.agenda_item_id AND ai.deleted = 0
     WHERE e.meeting_id = ? AND e.deleted = 0 ORDER BY ai.position, ai.id, e.position, e.id`,
  ).all(meetingId) as (EntityFields<'entry'> & { id: string })[];
}

/** The actions à mener of a meeting's visible items, in agenda order then their own. */
export function actionItemRows(store: Store, meetingId: string): ActionItemFields[] {
  return cached(
    store,
    `SELECT x.* FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id AND ai.deleted = 0
     WHERE x.meeting_id = ? AND x.deleted = 0 ORDER BY ai.position, ai.id, x.position, x.id`,
  ).all(meetingId) as ActionItemFields[];
}

/** The number of each décision of a meeting: 1, 2… across the minutes, in agenda order. */
function decisionNumbers(store: Store, meetingId: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const entry of entryRows(store, meetingId)) if (entry.kind === 'decision') numbers.set(entry.id, numbers.size + 1);
  return numbers;
}

function personRef(store: Store, id: string | null): PersonRef | null {
  if (!id) return null;
  // Named even once deleted: the minutes keep who was there.
  return (
    (cached(
      store,
      `SELECT pe.id, pe.name, pe.function, pe.partner_id, pa.short_name AS partner_short_name
       FROM person pe LEFT JOIN partner pa ON pa.id = pe.partner_id WHERE pe.id = ?`,
    ).get(id) as PersonRef | undefined) ?? null
  );
}

function chantierRef(store: Store, id: string | null): ChantierRef | null {
  if (!id) return null;
  return (cached(store, 'SELECT id, number, title FROM chantier WHERE id = ?').get(id) as ChantierRef | undefined) ?? null;
}

function trackedAction(store: Store, id: string | null, day?: string): TrackedActionRef | null {
  if (!id) return null;
  const row = cached(
    store,
    `SELECT a.id, a.title, a.chantier_id, a.status, a.progress, a.start_date, a.end_date, ${LATE_SQL} AS late, a.deleted
     FROM action a WHERE a.id = @id`,
  ).get({ id, today: today(day) }) as (Omit<TrackedActionRef, 'late' | 'deleted'> & { late: number; deleted: number }) | undefined;
  return row ? { ...row, late: row.late === 1, deleted: row.deleted === 1 } : null;
}

// Settings

/** Days after which minutes sent for validation are validated by silence. */
export function validationSilenceDays(store: Store): number {
  const days = store.projectId
    ? (cached(store, 'SELECT validation_silence_days FROM project WHERE id = ?').pluck().get(store.projectId) as number | null | undefined)
    : undefined;
  return days ?? DEFAULT_VALIDATION_SILENCE_DAYS;
}

/** The day silence validates minutes sent on `sentOn`. */
export const tacitValidationDay = (sentOn: string, silenceDays: number) => addDays(sentOn, silenceDays);

// Lists

export function meetingTitle(meeting: { type: MeetingFields['type']; title: string | null; date: string }): string {
  return meeting.title ?? `${MEETING_TYPE_LABELS[meeting.type]} du ${frenchDate(meeting.date)}`;
}

function meetingRef(meeting: Pick<MeetingFields, 'id' | 'type' | 'title' | 'date' | 'version' | 'validation_status'>): MeetingRef {
  return {
    id: meeting.id,
    type: meeting.type,
    title: meetingTitle(meeting),
    date: meeting.date,
    version: meeting.version,
    validation_status: meeting.validation_status,
  };
}

const ROW_SQL = `SELECT ${MEETING_COLUMNS},
    (SELECT count(*) FROM participant p WHERE p.meeting_id = m.id AND p.deleted = 0) AS participant_count,
    (SELECT count(*) FROM entry e JOIN agenda_item ai ON ai.id = e.agenda_item_id AND ai.deleted = 0
      WHERE e.meeting_id = m.id AND e.deleted = 0 AND e.kind = 'decision') AS decision_count,
    (SELECT count(*) FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id AND ai.deleted = 0
      WHERE x.meeting_id = m.id AND x.deleted = 0) AS action_item_count,
    ${LATEST_SQL} AS latest
  FROM meeting m`;

type RawRow = Omit<MeetingFields, 'chantier_ids' | 'diffusion'> & {
  chantier_ids: string | null;
  diffusion: string | null;
  participant_count: number;
  decision_count: number;
  action_item_count: number;
  latest: number;
};

function toRow(raw: RawRow, silenceDays: number): MeetingRow {
  const meeting = parseLists(raw);
  const end = addMinutes(meeting.date, meeting.start_time, meeting.duration_minutes);
  return {
    ...meetingRef(meeting),
    start_time: meeting.start_time,
    duration_minutes: meeting.duration_minutes,
    end_time: end.time,
    end_date: end.date,
    place: meeting.place,
    chantier_ids: meeting.chantier_ids,
    previous_version_id: meeting.previous_version_id,
    sent_on: meeting.sent_on,
    validated_on: meeting.validated_on,
    tacit_validation_on: meeting.validation_status === 'envoye' && meeting.sent_on ? tacitValidationDay(meeting.sent_on, silenceDays) : null,
    participant_count: raw.participant_count,
    decision_count: raw.decision_count,
    action_item_count: raw.action_item_count,
    latest: raw.latest === 1,
  };
}

/** The meetings of a query, latest versions only unless asked. */
export function listMeetings(store: Store, query: MeetingQuery = {}, day?: string): MeetingRow[] {
  const where = [SHOWN_SQL];
  const params: Record<string, unknown> = { today: today(day) };
  if (query.types?.length) {
    where.push('m.type IN (SELECT value FROM json_each(@types))');
    params.types = JSON.stringify(query.types);
  }
  if (query.chantierId) {
    where.push('EXISTS (SELECT 1 FROM json_each(m.chantier_ids) WHERE value = @chantierId)');
    params.chantierId = query.chantierId;
  }
  if (query.statuses?.length) {
    where.push('m.validation_status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(query.statuses);
  }
  if (query.when === 'upcoming') where.push('m.date >= @today');
  if (query.when === 'past') where.push('m.date < @today');
  if (!query.allVersions) where.push(LATEST_SQL);
  const direction = query.when === 'upcoming' ? 'ASC' : 'DESC';
  const rows = cached(store, `${ROW_SQL} WHERE ${where.join(' AND ')} ORDER BY m.date ${direction}, m.start_time ${direction}, m.version DESC, m.id`).all(
    params,
  ) as RawRow[];
  const silenceDays = validationSilenceDays(store);
  return rows.map((row) => toRow(row, silenceDays));
}

function meetingRow(store: Store, id: string): MeetingRow {
  const raw = cached(store, `${ROW_SQL} WHERE m.id = ? AND ${SHOWN_SQL}`).get(id) as RawRow | undefined;
  if (!raw) throw new UserError('not-found', `La réunion ${id} est introuvable (supprimée ou inconnue).`);
  return toRow(raw, validationSilenceDays(store));
}

// Validation problems

/** What an action à mener lacks to become a tracked action. */
export function actionItemProblems(store: Store, item: ActionItemFields): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (field: string, message: string) => problems.push({ rowId: item.id, field, message });
  const name = `L'action à mener « ${item.title} »`;
  if (!item.responsable_id) add('responsable_id', `${name} n'a pas de responsable.`);
  else if (cached(store, 'SELECT 1 FROM person WHERE id = ? AND deleted = 0').pluck().get(item.responsable_id) !== 1) {
    add('responsable_id', `Le responsable de l'action à mener « ${item.title} » ne fait plus partie des personnes du projet.`);
  }
  if (item.kind === 'suivi' || item.action_id) {
    const action = trackedAction(store, item.action_id);
    if (!action) add('action_id', `${name} ne désigne aucune action existante.`);
    else if (action.deleted) {
      add('action_id', item.kind === 'suivi' ? `L'action suivie par « ${item.title} » a été supprimée.` : `L'action créée pour « ${item.title} » a été supprimée depuis.`);
    }
    else if (item.kind === 'suivi' && item.due_date && action.start_date && item.due_date < action.start_date) {
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

// Agenda timing

export function agendaTiming(store: Store, meetingId: string): AgendaTiming {
  const meeting = requireMeeting(store, meetingId);
  return timingOf(meeting, agendaRows(store, meetingId));
}

function timingOf(meeting: MeetingFields, items: { duration_minutes: number | null }[]): AgendaTiming {
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

// Suivi des actions du précédent compte rendu

/**
 * The meeting whose actions these minutes follow up: the latest one before it of the same
 * type (for a réunion de travail, of the same chantier), latest versions only, outside
 * its own series of versions.
 */
export function previousMeeting(store: Store, meetingId: string): MeetingRef | null {
  const meeting = requireMeeting(store, meetingId);
  const candidates = cached(
    store,
    `SELECT ${MEETING_COLUMNS} FROM meeting m
     WHERE ${SHOWN_SQL} AND m.type = @type AND (m.date < @date OR (m.date = @date AND m.start_time < @start)) AND ${LATEST_SQL}
     ORDER BY m.date DESC, m.start_time DESC, m.id`,
  ).all({ type: meeting.type, date: meeting.date, start: meeting.start_time }) as RawRow[];
  const chantier = meeting.chantier_ids[0];
  const previous = candidates
    .map(parseLists)
    .find(
      (candidate) =>
        seriesId(candidate.id) !== seriesId(meeting.id) && (meeting.type !== 'reunion_travail' || (chantier !== undefined && candidate.chantier_ids.includes(chantier))),
    );
  return previous ? meetingRef(previous) : null;
}

export const followUpId = (meetingId: string, actionItemId: string) => `${meetingId}:${actionItemId}`;

type FollowUpRow = EntityFields<'follow_up'> & { id: string };

/** The lines as they stand now, from the previous meeting's actions à mener and the actions' current state. */
function liveFollowUpLines(store: Store, meetingId: string, previousId: string, day?: string): FollowUpLine[] {
  return actionItemRows(store, previousId).map((item) => {
    const action = trackedAction(store, item.action_id, day);
    const comment = cached(store, 'SELECT comment FROM follow_up WHERE id = ? AND deleted = 0').pluck().get(followUpId(meetingId, item.id)) as
      | string
      | null
      | undefined;
    const live = action && !action.deleted ? action : null;
    return {
      action_item_id: item.id,
      action_id: item.action_id,
      title: item.title,
      responsable: personRef(store, item.responsable_id),
      due_date: live ? live.end_date : item.due_date,
      status: live ? live.status : null,
      progress: live ? live.progress : null,
      late: live?.late ?? false,
      comment: comment ?? null,
      pending: !item.action_id,
    };
  });
}

export function meetingFollowUp(store: Store, meetingId: string, day?: string): FollowUp {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.validation_status === 'valide') {
    // Frozen at validation: the lines written then, in the previous minutes' order.
    const rows = cached(
      store,
      `SELECT f.*, x.meeting_id AS previous_id FROM follow_up f
       LEFT JOIN action_item x ON x.id = f.action_item_id LEFT JOIN agenda_item ai ON ai.id = x.agenda_item_id
       WHERE f.meeting_id = ? AND f.deleted = 0 AND f.title IS NOT NULL ORDER BY ai.position, ai.id, x.position, x.id, f.id`,
    ).all(meetingId) as (FollowUpRow & { previous_id: string | null })[];
    const previousId = rows.find((row) => row.previous_id)?.previous_id;
    const previous = previousId ? meetingFields(store, previousId) : undefined;
    return {
      previous: previous ? meetingRef(previous) : previousMeeting(store, meetingId),
      frozen: true,
      lines: rows.map((row) => ({
        action_item_id: row.action_item_id,
        action_id: row.action_id,
        title: row.title ?? '',
        responsable: personRef(store, row.responsable_id),
        due_date: row.due_date,
        status: row.status,
        progress: row.progress,
        late: isLate(row.due_date, row.status, meeting.validated_on ?? meeting.date),
        comment: row.comment,
        pending: !row.action_id,
      })),
    };
  }
  const previous = previousMeeting(store, meetingId);
  return { previous, frozen: false, lines: previous ? liveFollowUpLines(store, meetingId, previous.id, day) : [] };
}

/** "En retard" as the actions say it, on a given day. */
const isLate = (due: string | null, status: FollowUpLine['status'], day: string) =>
  due !== null && due < day && !(status !== null && CLOSED_STATUSES.includes(status));

// One meeting

function participantViews(store: Store, meetingId: string): ParticipantView[] {
  // A person's name, function and partner are read from Personnes until the minutes are
  // validated, which copies them into the row; a value written there overrides them.
  const rows = cached(
    store,
    `SELECT p.id, p.person_id, coalesce(p.name, pe.name) AS name,
       CASE WHEN p.person_id IS NULL THEN p.function ELSE coalesce(p.function, pe.function) END AS function,
       coalesce(p.organisation, pa.name) AS organisation, pe.partner_id, p.attendance, p.represented_by
     FROM participant p LEFT JOIN person pe ON pe.id = p.person_id LEFT JOIN partner pa ON pa.id = pe.partner_id
     WHERE p.meeting_id = ? AND p.deleted = 0`,
  ).all(meetingId) as ParticipantView[];
  return rows
    .map((row) => ({ ...row, name: row.name ?? '', partner_id: row.person_id ? row.partner_id : null }))
    .sort((x, y) => (sortKey(x.name) < sortKey(y.name) ? -1 : sortKey(x.name) > sortKey(y.name) ? 1 : x.id < y.id ? -1 : 1));
}

function agendaViews(store: Store, meeting: MeetingFields, day?: string): AgendaItemView[] {
  const numbers = decisionNumbers(store, meeting.id);
  const entries = entryRows(store, meeting.id);
  const actionItems = actionItemRows(store, meeting.id);
  let elapsed = 0;
  return agendaRows(store, meeting.id).map((item, index) => {
    const plannedStart = addMinutes(meeting.date, meeting.start_time, elapsed).time;
    elapsed += item.duration_minutes ?? 0;
    const action = trackedAction(store, item.action_id, day);
    return {
      id: item.id,
      number: index + 1,
      position: item.position,
      title: item.title,
      presenter: item.presenter,
      duration_minutes: item.duration_minutes,
      planned_start: plannedStart,
      chantier: chantierRef(store, item.chantier_id),
      action: action ? { id: action.id, title: action.title } : null,
      notes: item.notes,
      entries: entries
        .filter((entry) => entry.agenda_item_id === item.id)
        .map((entry): EntryView => ({ id: entry.id, kind: entry.kind, text: entry.text, position: entry.position, number: numbers.get(entry.id) ?? null })),
      action_items: actionItems
        .filter((actionItem) => actionItem.agenda_item_id === item.id)
        .map(
          (actionItem): ActionItemView => ({
            id: actionItem.id,
            agenda_item_id: actionItem.agenda_item_id,
            kind: actionItem.kind,
            title: actionItem.title,
            position: actionItem.position,
            action: trackedAction(store, actionItem.action_id, day),
            responsable: personRef(store, actionItem.responsable_id),
            due_date: actionItem.due_date,
            chantier_id: actionItem.chantier_id,
            status: actionItem.status,
            problems: actionItemProblems(store, actionItem),
          }),
        ),
    };
  });
}

/** Every version of a meeting's minutes, oldest first. */
export function meetingVersions(store: Store, meetingId: string): MeetingRef[] {
  const series = seriesId(meetingId);
  const rows = cached(store, `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE (m.id = @series OR m.id LIKE @pattern) AND ${SHOWN_SQL} ORDER BY m.version, m.id`).all({
    series,
    pattern: `${series}~%`,
  }) as RawRow[];
  return rows.map((row) => meetingRef(parseLists(row)));
}

/** A meeting with everything its page shows. */
export function getMeeting(store: Store, id: string, day?: string): MeetingDetail {
  const row = meetingRow(store, id);
  const meeting = requireMeeting(store, id);
  const agenda = agendaViews(store, meeting, day);
  const versions = meetingVersions(store, id);
  const secretariat = meeting.secretariat_partner_id
    ? ((cached(store, 'SELECT id, code, name, short_name, position FROM partner WHERE id = ?').get(meeting.secretariat_partner_id) as Partner | undefined) ?? null)
    : null;
  return {
    ...row,
    own_title: meeting.title,
    chantiers: meeting.chantier_ids.map((chantierId) => chantierRef(store, chantierId)).filter((ref): ref is ChantierRef => ref !== null),
    president: personRef(store, meeting.president_id),
    secretary: personRef(store, meeting.secretary_id),
    secretariat,
    validated_by: personRef(store, meeting.validated_by_id),
    diffusion: meeting.diffusion,
    next_meeting_date: meeting.next_meeting_date,
    amendment_reason: meeting.amendment_reason,
    participants: participantViews(store, id),
    agenda,
    timing: timingOf(meeting, agenda),
    follow_up: meetingFollowUp(store, id, day),
    versions,
    superseded_by: versions.find((version) => version.version === meeting.version + 1) ?? null,
    read_only: meeting.validation_status === 'valide',
    silence_days: validationSilenceDays(store),
    problems: agenda.flatMap((item) => item.action_items.flatMap((actionItem) => actionItem.problems)),
  };
}

// The fiche action

/**
 * The meetings that concern an action (latest versions), latest first: an item of the
 * ordre du jour linked to it, an action à mener on it, or a line of the suivi.
 */
export function meetingsOfAction(store: Store, actionId: string, day?: string): ActionMeeting[] {
  const ids = cached(
    store,
    `SELECT meeting_id FROM agenda_item WHERE action_id = @id AND deleted = 0
     UNION SELECT x.meeting_id FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id AND ai.deleted = 0 WHERE x.action_id = @id AND x.deleted = 0
     UNION SELECT meeting_id FROM follow_up WHERE action_id = @id AND deleted = 0`,
  )
    .pluck()
    .all({ id: actionId }) as string[];
  const relevant = new Set(ids);
  const rows = listMeetings(store, {}, day).filter((row) => relevant.has(row.id));
  return rows.map((row) => {
    const meeting = requireMeeting(store, row.id);
    const agenda = agendaViews(store, meeting, day);
    const concerned = agenda.filter((item) => item.action?.id === actionId || item.action_items.some((actionItem) => actionItem.action?.id === actionId));
    const followUp = meetingFollowUp(store, row.id, day);
    return {
      meeting: row,
      agenda_items: concerned.map((item) => ({ id: item.id, number: item.number, title: item.title })),
      decisions: concerned.flatMap((item) =>
        item.entries.filter((entry) => entry.number !== null).map((entry) => ({ id: entry.id, number: entry.number!, text: entry.text })),
      ),
      action_items: agenda
        .flatMap((item) => item.action_items)
        .filter((actionItem) => actionItem.action?.id === actionId)
        .map((actionItem) => ({
          id: actionItem.id,
          kind: actionItem.kind,
          title: actionItem.title,
          due_date: actionItem.due_date,
          responsable_name: actionItem.responsable?.name ?? null,
        })),
      followed_up: followUp.lines.some((line) => line.action_id === actionId),
    };
  });
}

// CODIRI

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

/** The latest CODIRI (latest version), if any. */
export function lastCodiri(store: Store): MeetingFields | undefined {
  const row = cached(
    store,
    `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE ${SHOWN_SQL} AND m.type = 'codiri' AND ${LATEST_SQL} ORDER BY m.date DESC, m.start_time DESC, m.id LIMIT 1`,
  ).get() as RawRow | undefined;
  return row && parseLists(row);
}
