// Réunions as the screens read them: the list with its filters, one meeting with
// everything, the meetings and décisions concerning an action, the suivi des actions du
// précédent compte rendu.
import { authorshipOf, type Authorship } from '../sync/proof';
import { unseenEditViews } from '../conflicts/reads';
import type { UnseenRow } from '../store/changelog';
import { addMinutes } from '../../common/calendar';
import { sortKey } from '../store/collation';
import { refusal } from '../errors';
import { cached } from '../store/statements';
import { actionReferences } from '../actions/references';
import type { Store } from '../store/store';
import type {
  AgendaLinkChantier,
  ActionItemView,
  ActionMeeting,
  AgendaItemView,
  EntryView,
  FollowUp,
  FollowUpLine,
  MeetingDetail,
  MeetingQuery,
  MeetingRow,
  ParticipantView,
} from './types';
import type { ChantierRef } from '../chantiers/types';
import type { Partner } from '../people/types';
import { today, whereIn } from '../store/sql';
import {
  MEETING_COLUMNS,
  SHOWN_SQL,
  LATEST_SQL,
  meetingFields,
  parseLists,
  requireMeeting,
  agendaRows,
  entryRows,
  actionItemRows,
  decisionNumbers,
  personRef,
  chantierRef,
  trackedAction,
  meetingRef,
  type RawRow,
  previousMeeting,
  meetingVersions,
  type MeetingFields,
  followUpId,
  type FollowUpRow,
} from './rows';
import { validationSilenceDays, tacitValidationDay, correctedOn, actionItemProblems, timingOf, isLate } from './rules';

const ROW_SQL = `SELECT ${MEETING_COLUMNS},
    (SELECT count(*) FROM participant p WHERE p.meeting_id = m.id AND p.deleted = 0) AS participant_count,
    (SELECT count(*) FROM entry e JOIN agenda_item ai ON ai.id = e.agenda_item_id AND ai.deleted = 0
      WHERE e.meeting_id = m.id AND e.deleted = 0 AND e.kind = 'decision') AS decision_count,
    (SELECT count(*) FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id AND ai.deleted = 0
      WHERE x.meeting_id = m.id AND x.deleted = 0) AS action_item_count,
    ${LATEST_SQL} AS latest
  FROM meeting m`;

/**
 * The validated meetings with a live version (of theirs, of a row of theirs) that their
 * validation neither held nor wrote: a superset of those with edits it had not seen (a second
 * validation's mark may cover it), in one query rather than a walk of each one's rows. Rows
 * are tied to one meeting for good (meeting_id is never edited).
 */
const MAYBE_UNSEEN_SQL = `
  SELECT DISTINCT m.id FROM meeting m
  JOIN (SELECT id AS row_id, 'meeting' AS entity, id AS meeting_id FROM meeting
        UNION ALL SELECT id, 'participant', meeting_id FROM participant
        UNION ALL SELECT id, 'agenda_item', meeting_id FROM agenda_item
        UNION ALL SELECT id, 'entry', meeting_id FROM entry
        UNION ALL SELECT id, 'action_item', meeting_id FROM action_item
        UNION ALL SELECT id, 'follow_up', meeting_id FROM follow_up) r ON r.meeting_id = m.id
  JOIN live_versions l ON l.entity = r.entity AND l.row_id = r.row_id
  WHERE m.validation_status = 'valide' AND m.validated_seen IS NOT NULL
    AND l.seq > coalesce(json_extract(m.validated_seen, '$."' || l.origin || '"'), 0)
    AND NOT EXISTS (SELECT 1 FROM live_versions mark WHERE mark.entity = 'meeting' AND mark.row_id = m.id AND mark.field = 'validated_seen'
                    AND mark.origin = l.origin AND mark.seq >= l.seq)`;

/** The rows of validated minutes edited without the validation's knowledge: read only for the few meetings the query points at. */
function unseenRows(store: Store, meeting: { id: string; validation_status: string }, maybe?: Set<string>): UnseenRow[] {
  if (meeting.validation_status !== 'valide' || (maybe && !maybe.has(meeting.id))) return [];
  return unseenByValidation(store, meeting.id);
}

function toRow(store: Store, raw: RawRow, silenceDays: number, unseenCount: (meeting: { id: string; validation_status: string }) => number): MeetingRow {
  const meeting = parseLists(raw);
  const end = addMinutes(meeting.date, meeting.start_time, meeting.duration_minutes);
  const sent = meeting.validation_status === 'envoye' ? meeting.sent_on : null;
  const corrected = sent ? correctedOn(store, meeting.id, sent) : null;
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
    corrected_on: corrected,
    tacit_validation_on: sent ? tacitValidationDay(sent, corrected, silenceDays) : null,
    participant_count: raw.participant_count,
    decision_count: raw.decision_count,
    action_item_count: raw.action_item_count,
    latest: raw.latest === 1,
    validation_unseen_count: unseenCount(meeting),
  };
}

/** The meetings of a query, latest versions only unless asked. */
export function listMeetings(store: Store, query: MeetingQuery = {}, day?: string): MeetingRow[] {
  const where = [SHOWN_SQL];
  const params: Record<string, unknown> = { today: today(day) };
  whereIn({ where, params }, 'm.type', 'types', query.types);
  if (query.chantier_id) {
    where.push('EXISTS (SELECT 1 FROM json_each(m.chantier_ids) WHERE value = @chantierId)');
    params.chantierId = query.chantier_id;
  }
  whereIn({ where, params }, 'm.validation_status', 'statuses', query.statuses);
  if (query.when === 'upcoming') where.push('m.date >= @today');
  if (query.when === 'past') where.push('m.date < @today');
  if (!query.all_versions) where.push(LATEST_SQL);
  const direction = query.when === 'upcoming' ? 'ASC' : 'DESC';
  const rows = cached(store, `${ROW_SQL} WHERE ${where.join(' AND ')} ORDER BY m.date ${direction}, m.start_time ${direction}, m.version DESC, m.id`).all(
    params,
  ) as RawRow[];
  const silenceDays = validationSilenceDays(store);
  const maybeUnseen = new Set(cached(store, MAYBE_UNSEEN_SQL).pluck().all() as string[]);
  return rows.map((row) => toRow(store, row, silenceDays, (meeting) => unseenRows(store, meeting, maybeUnseen).length));
}

/** One meeting's row, and its rows edited without its validation's knowledge (read once, for the count and the page). */
function meetingRow(store: Store, id: string): { row: MeetingRow; unseen: UnseenRow[] } {
  const raw = cached(store, `${ROW_SQL} WHERE m.id = ? AND ${SHOWN_SQL}`).get(id) as RawRow | undefined;
  if (!raw) throw refusal('not-found', 'meeting', id);
  let unseen: UnseenRow[] = [];
  const row = toRow(store, raw, validationSilenceDays(store), (meeting) => (unseen = unseenRows(store, meeting)).length);
  return { row, unseen };
}

/** The lines as they stand now, from the previous meeting's actions à mener and the actions' current state. */
function liveFollowUpLines(store: Store, meetingId: string, previousId: string, day?: string): FollowUpLine[] {
  return actionItemRows(store, previousId).map((item) => {
    const action = trackedAction(store, item.action_id, day);
    const comment = cached(store, 'SELECT comment FROM follow_up WHERE id = ? AND deleted = 0').pluck().get(followUpId(meetingId, item.id)) as
      string | null | undefined;
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

function participantViews(store: Store, meetingId: string): ParticipantView[] {
  // A person's name, function and partner are read from Personnes until the minutes are
  // validated, which copies them into the row; a value written there overrides them.
  const rows = cached(
    store,
    `SELECT p.id, p.person_id, coalesce(p.name, pe.name) AS name,
       CASE WHEN p.person_id IS NULL THEN p.function ELSE coalesce(p.function, pe.function) END AS function,
       coalesce(p.organisation, pa.name) AS organisation, pe.partner_id, pe.civility, p.attendance, p.represented_by
     FROM participant p LEFT JOIN person pe ON pe.id = p.person_id LEFT JOIN partner pa ON pa.id = pe.partner_id
     WHERE p.meeting_id = ? AND p.deleted = 0`,
  ).all(meetingId) as ParticipantView[];
  return rows
    .map((row) => ({ ...row, name: row.name ?? '', partner_id: row.person_id ? row.partner_id : null, civility: row.person_id ? row.civility : null }))
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
      // Stored as 1/0 (or null, before it was ever set).
      to_arbitrate: Boolean(item.to_arbitrate),
      entries: entries
        .filter((entry) => entry.agenda_item_id === item.id)
        .map((entry): EntryView => ({ id: entry.id, kind: entry.kind, text: entry.text, position: entry.position, number: numbers.get(entry.id) ?? null })),
      action_items: actionItems
        .filter((actionItem) => actionItem.agenda_item_id === item.id)
        .map((actionItem): ActionItemView => ({
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
        })),
    };
  });
}

/** What a point of the ordre du jour may be linked to: every chantier, and its actions. */
export function agendaLinks(store: Store): AgendaLinkChantier[] {
  const chantiers = cached(store, 'SELECT id, number, title FROM chantier WHERE deleted = 0 ORDER BY number, id').all() as ChantierRef[];
  const references = actionReferences(store);
  const actions = (cached(store, 'SELECT id, chantier_id, title FROM action WHERE deleted = 0').all() as { id: string; chantier_id: string; title: string }[])
    .filter((action) => references.has(action.id))
    .sort((a, b) => references.get(a.id)!.order - references.get(b.id)!.order);
  return chantiers.map((chantier) => ({
    ...chantier,
    actions: actions.filter((action) => action.chantier_id === chantier.id).map(({ id, title }) => ({ id, title, reference: references.get(id)!.reference })),
  }));
}

/** Who recorded the validation: the poste of the live version of its status, and its proof. */
function validationProof(store: Store, meetingId: string): Authorship | null {
  const version = cached(
    store,
    `SELECT l.origin, l.seq FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
     WHERE l.entity = 'meeting' AND l.row_id = ? AND l.field = 'validation_status' ORDER BY c.hlc DESC LIMIT 1`,
  ).get(meetingId) as { origin: string; seq: number } | undefined;
  return version ? authorshipOf(store, version.origin, version.seq) : null;
}

/**
 * What the validation had not seen: edits of the minutes (the meeting, its participants,
 * points, décisions…) made elsewhere by a poste that did not know of it yet. A version was
 * seen if the validating poste held it, or is of the validation's own write (its poste's
 * changes up to the mark). A version that replaced one of that write was made knowing the
 * validation (a choice in Conflits), and a row added and deleted again meanwhile is not in
 * the minutes: neither is listed. Documents attached later are not part of the minutes.
 */
function unseenByValidation(store: Store, meetingId: string): UnseenRow[] {
  const marks = store.log.liveVersions('meeting', meetingId, 'validated_seen').flatMap((version) => {
    const held = JSON.parse(version.value) as Record<string, number> | null;
    return held ? [{ held, origin: version.origin, seq: version.seq }] : [];
  });
  if (marks.length === 0) return [];
  const ofValidation = ([origin, seq]: [string, number]) => marks.some((mark) => origin === mark.origin && seq > (mark.held[origin] ?? 0) && seq <= mark.seq);
  const supersedesOf = cached(store, 'SELECT supersedes FROM changes WHERE origin = ? AND seq = ?').pluck();
  const seen = (version: { origin: string; seq: number }) =>
    marks.some((mark) => version.seq <= (mark.held[version.origin] ?? 0)) ||
    ofValidation([version.origin, version.seq]) ||
    (JSON.parse(supersedesOf.get(version.origin, version.seq) as string) as [string, number][]).some(ofValidation);
  const hidden = (row: UnseenRow) => cached(store, `SELECT deleted FROM ${row.entity} WHERE id = ?`).pluck().get(row.rowId) === 1;
  return store.log
    .unseenBy('meeting', meetingId, seen)
    .filter((row) => row.entity !== 'attachment' && !(row.versions.every((version) => !version.seen) && hidden(row)));
}

/** A meeting with everything its page shows. */
export function getMeeting(store: Store, id: string, day?: string): MeetingDetail {
  const { row, unseen } = meetingRow(store, id);
  const meeting = requireMeeting(store, id);
  const agenda = agendaViews(store, meeting, day);
  const versions = meetingVersions(store, id);
  const secretariat = meeting.secretariat_partner_id
    ? ((cached(store, 'SELECT id, code, name, short_name, position FROM partner WHERE id = ?').get(meeting.secretariat_partner_id) as Partner | undefined) ??
      null)
    : null;
  return {
    ...row,
    own_title: meeting.title,
    chantiers: meeting.chantier_ids.map((chantierId) => chantierRef(store, chantierId)).filter((ref): ref is ChantierRef => ref !== null),
    president: personRef(store, meeting.president_id),
    secretary: personRef(store, meeting.secretary_id),
    secretariat,
    validated_by: personRef(store, meeting.validated_by_id),
    validation_proof: meeting.validation_status === 'valide' ? validationProof(store, id) : null,
    validation_unseen: unseen.length > 0 ? unseenEditViews(store, 'meeting', id, unseen) : [],
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

/**
 * The meetings that concern an action (latest versions), latest first: an item of the
 * ordre du jour linked to it, an action à mener on it, a line of the suivi, or the décision
 * that retained the piste it comes from (under the comité's shared item « Arbitrage des
 * pistes », of which only that décision concerns the action).
 */
export function meetingsOfAction(store: Store, actionId: string, day?: string): ActionMeeting[] {
  const ids = cached(
    store,
    `SELECT meeting_id FROM agenda_item WHERE action_id = @id AND deleted = 0
     UNION SELECT x.meeting_id FROM action_item x JOIN agenda_item ai ON ai.id = x.agenda_item_id AND ai.deleted = 0 WHERE x.action_id = @id AND x.deleted = 0
     UNION SELECT meeting_id FROM follow_up WHERE action_id = @id AND deleted = 0
     UNION SELECT e.meeting_id FROM piste p JOIN entry e ON e.id = p.decision_entry_id AND e.deleted = 0 WHERE p.action_id = @id AND p.deleted = 0`,
  )
    .pluck()
    .all({ id: actionId }) as string[];
  const pisteDecisions = new Set(
    cached(store, 'SELECT decision_entry_id FROM piste WHERE action_id = ? AND deleted = 0 AND decision_entry_id IS NOT NULL')
      .pluck()
      .all(actionId) as string[],
  );
  const relevant = new Set(ids);
  const rows = listMeetings(store, {}, day).filter((row) => relevant.has(row.id));
  return rows.map((row) => {
    const meeting = requireMeeting(store, row.id);
    const agenda = agendaViews(store, meeting, day);
    const linked = (item: (typeof agenda)[number]) =>
      item.action?.id === actionId || item.action_items.some((actionItem) => actionItem.action?.id === actionId);
    const concerned = agenda.filter((item) => linked(item) || item.entries.some((entry) => pisteDecisions.has(entry.id)));
    const followUp = meetingFollowUp(store, row.id, day);
    return {
      meeting: row,
      agenda_items: concerned.map((item) => ({ id: item.id, number: item.number, title: item.title })),
      decisions: concerned.flatMap((item) =>
        item.entries
          .filter((entry) => entry.number !== null && (linked(item) || pisteDecisions.has(entry.id)))
          .map((entry) => ({ id: entry.id, number: entry.number!, text: entry.text })),
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
