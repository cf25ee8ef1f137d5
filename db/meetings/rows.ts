// Réunions' rows as stored, for the rules, the screens and the printed minutes: a meeting
// and its items, entries and actions à mener in order, and the people, chantiers and actions they name.
import { frenchDate } from '../../common/french';
import { MEETING_TYPE_LABELS, type MeetingType } from '../../common/vocabulary';
import { refusal } from '../errors';
import { ENTITIES, type EntityFields } from '../store/schema';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { MeetingRef } from './types';
import type { ChantierRef } from '../chantiers/types';
import type { PersonRef } from '../people/types';
import type { TrackedActionRef } from '../actions/types';
import { LATE_SQL, today } from '../store/sql';

export type MeetingFields = EntityFields<'meeting'> & { id: string };

export type ActionItemFields = EntityFields<'action_item'> & { id: string };

/** Amendments of a meeting have the ids `${first}~2`, `${first}~3`…: the first version's id names the series. */
export const seriesId = (meetingId: string) => meetingId.replace(/~\d+$/, '');

export const MEETING_COLUMNS = ['id', ...Object.keys(ENTITIES.meeting)].map((field) => `m.${field}`).join(', ');

/**
 * A meeting the screens show: not deleted, and whole — a sync file missing some of its
 * changes (a gap) may bring a row without its date yet.
 */
export const SHOWN_SQL =
  'm.deleted = 0 AND m.type IS NOT NULL AND m.date IS NOT NULL AND m.start_time IS NOT NULL AND m.duration_minutes IS NOT NULL AND m.version IS NOT NULL';

/** Whether the meeting aliased `m` is the latest version of its minutes. */
export const LATEST_SQL = 'NOT EXISTS (SELECT 1 FROM meeting n WHERE n.previous_version_id = m.id AND n.deleted = 0)';

/** A visible meeting with its JSON lists parsed, or undefined. */
export function meetingFields(store: Store, id: string): MeetingFields | undefined {
  const row = cached(store, `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.id = ? AND ${SHOWN_SQL}`).get(id) as
    (Omit<MeetingFields, 'chantier_ids' | 'diffusion'> & { chantier_ids: string | null; diffusion: string | null }) | undefined;
  return row && parseLists(row);
}

export function parseLists<T extends { chantier_ids: string | null; diffusion: string | null }>(
  row: T,
): Omit<T, 'chantier_ids' | 'diffusion'> & { chantier_ids: string[]; diffusion: string[] } {
  return { ...row, chantier_ids: row.chantier_ids ? JSON.parse(row.chantier_ids) : [], diffusion: row.diffusion ? JSON.parse(row.diffusion) : [] };
}

export function requireMeeting(store: Store, id: string): MeetingFields {
  const meeting = meetingFields(store, id);
  if (!meeting) throw refusal('not-found', 'meeting', id);
  return meeting;
}

/** The agenda items of a meeting, in order. */
export function agendaRows(store: Store, meetingId: string): (EntityFields<'agenda_item'> & { id: string })[] {
  return cached(store, 'SELECT * FROM agenda_item WHERE meeting_id = ? AND deleted = 0 ORDER BY position, id').all(
    meetingId,
  ) as (EntityFields<'agenda_item'> & {
    id: string;
  })[];
}

/** The entries of a meeting's visible items, in agenda order then their own. */
export function entryRows(store: Store, meetingId: string): (EntityFields<'entry'> & { id: string })[] {
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

/** A row of a version modificative copies one of the version before, as `${version}:${original}` (validation.ts amendMinutes). */
export const originalRowId = (id: string) => id.slice(id.lastIndexOf(':') + 1);

/**
 * The number of each décision of a meeting: 1, 2… across the minutes, in agenda order. A
 * version modificative keeps the numbers of the décisions it copies, so that a reference
 * quoted since still names the same décision; those it adds come after the last, in agenda order.
 */
export function decisionNumbers(store: Store, meetingId: string): Map<string, number> {
  const previous = cached(store, 'SELECT previous_version_id FROM meeting WHERE id = ?').pluck().get(meetingId) as string | null | undefined;
  const kept = new Map<string, number>();
  if (previous) for (const [id, number] of decisionNumbers(store, previous)) kept.set(originalRowId(id), number);
  let last = Math.max(0, ...kept.values());
  const numbers = new Map<string, number>();
  for (const entry of entryRows(store, meetingId)) if (entry.kind === 'decision') numbers.set(entry.id, kept.get(originalRowId(entry.id)) ?? ++last);
  return numbers;
}

export function personRef(store: Store, id: string | null): PersonRef | null {
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

export function chantierRef(store: Store, id: string | null): ChantierRef | null {
  if (!id) return null;
  return (cached(store, 'SELECT id, number, title FROM chantier WHERE id = ?').get(id) as ChantierRef | undefined) ?? null;
}

export function trackedAction(store: Store, id: string | null, day?: string): TrackedActionRef | null {
  if (!id) return null;
  const row = cached(
    store,
    `SELECT a.id, a.title, a.chantier_id, a.status, a.progress, a.start_date, a.end_date, ${LATE_SQL} AS late, a.deleted
     FROM action a WHERE a.id = @id`,
  ).get({ id, today: today(day) }) as (Omit<TrackedActionRef, 'late' | 'deleted'> & { late: number; deleted: number }) | undefined;
  return row ? { ...row, late: row.late === 1, deleted: row.deleted === 1 } : null;
}

/** The first words of an untitled meeting's title: an atelier is « Atelier du … », whichever collectivités hold it. */
const UNTITLED: Record<MeetingType, string> = { ...MEETING_TYPE_LABELS, atelier: 'Atelier' };

export function meetingTitle(meeting: { type: MeetingFields['type']; title: string | null; date: string }): string {
  return meeting.title ?? `${UNTITLED[meeting.type]} du ${frenchDate(meeting.date)}`;
}

export function meetingRef(meeting: Pick<MeetingFields, 'id' | 'type' | 'title' | 'date' | 'version' | 'validation_status'>): MeetingRef {
  return {
    id: meeting.id,
    type: meeting.type,
    title: meetingTitle(meeting),
    date: meeting.date,
    version: meeting.version,
    validation_status: meeting.validation_status,
  };
}

export type RawRow = Omit<MeetingFields, 'chantier_ids' | 'diffusion'> & {
  chantier_ids: string | null;
  diffusion: string | null;
  participant_count: number;
  decision_count: number;
  action_item_count: number;
  latest: number;
};

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
        seriesId(candidate.id) !== seriesId(meeting.id) &&
        (meeting.type !== 'reunion_travail' || (chantier !== undefined && candidate.chantier_ids.includes(chantier))),
    );
  return previous ? meetingRef(previous) : null;
}

export const followUpId = (meetingId: string, actionItemId: string) => `${meetingId}:${actionItemId}`;

export type FollowUpRow = EntityFields<'follow_up'> & { id: string };

/** Every version of a meeting's minutes, oldest first. */
export function meetingVersions(store: Store, meetingId: string): MeetingRef[] {
  const series = seriesId(meetingId);
  const rows = cached(
    store,
    `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE (m.id = @series OR m.id LIKE @pattern) AND ${SHOWN_SQL} ORDER BY m.version, m.id`,
  ).all({
    series,
    pattern: `${series}~%`,
  }) as RawRow[];
  return rows.map((row) => meetingRef(parseLists(row)));
}

/** The latest CODIRI (latest version), if any. */
export function lastCodiri(store: Store): MeetingFields | undefined {
  const row = cached(
    store,
    `SELECT ${MEETING_COLUMNS} FROM meeting m WHERE ${SHOWN_SQL} AND m.type = 'codiri' AND ${LATEST_SQL} ORDER BY m.date DESC, m.start_time DESC, m.id LIMIT 1`,
  ).get() as RawRow | undefined;
  return row && parseLists(row);
}
