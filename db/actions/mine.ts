// « Mes actions » and the reminders: what the person using this laptop has to carry out.
// That is every open action they pilot (a pilot row naming them) and every action à mener
// of a compte rendu naming them responsable: the action it follows up or became, or, until
// the minutes are validated, the action à mener itself, on a line of its own. Réalisé and
// Abandonné are done with, on an action as on an action à mener: they are left out.
import { addDays, localDate } from '../../common/calendar';
import type { ActionStatus, MeetingType } from '../../common/vocabulary';
import { LATEST_SQL, meetingTitle, SHOWN_SQL } from '../meetings/rows';
import { isLate } from '../meetings/rules';
import { LATE_SQL, openSql } from '../store/sql';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { sortKey } from '../store/collation';
import { actionReferences } from './references';
import type { MyActionLine, MyActionMeeting, MyActions, Reminders } from './types';

/** The reminders look this many days ahead. */
export const REMINDER_DAYS = 7;

interface ActionRow {
  id: string;
  title: string;
  status: ActionStatus | null;
  end_date: string | null;
  progress: number;
  late: number;
  chantier_id: string;
  chantier_number: number;
  chantier_title: string;
  piloted: number;
}

interface ItemRow {
  id: string;
  action_id: string | null;
  title: string;
  status: ActionStatus | null;
  due_date: string | null;
  chantier_id: string | null;
  chantier_number: number | null;
  chantier_title: string | null;
  meeting_id: string;
  meeting_type: MeetingType;
  meeting_title: string | null;
  meeting_date: string;
}

/**
 * The actions à mener naming the person responsable that still mean something to do: in
 * the latest version of shown minutes, under an item still there, not marked done.
 */
const ITEMS_SQL = `
  SELECT x.id, x.action_id, x.title, x.status, x.due_date, x.chantier_id, c.number AS chantier_number, c.title AS chantier_title,
         m.id AS meeting_id, m.type AS meeting_type, m.title AS meeting_title, m.date AS meeting_date
  FROM action_item x
  JOIN agenda_item ai ON ai.id = x.agenda_item_id AND ai.deleted = 0
  JOIN meeting m ON m.id = x.meeting_id
  LEFT JOIN chantier c ON c.id = x.chantier_id AND c.deleted = 0
  WHERE x.deleted = 0 AND x.responsable_id = @person AND ${openSql('x')} AND ${SHOWN_SQL} AND ${LATEST_SQL}
  ORDER BY m.date DESC, m.start_time DESC, m.id, ai.position, x.position, x.id`;

/** Open actions the person pilots or that these actions à mener name, with whether the person pilots them. */
const ACTIONS_SQL = `
  SELECT a.id, a.title, a.status, a.end_date, a.progress, ${LATE_SQL} AS late,
         c.id AS chantier_id, c.number AS chantier_number, c.title AS chantier_title,
         EXISTS (SELECT 1 FROM pilot p WHERE p.owner_id = a.id AND p.deleted = 0 AND p.person_id = @person) AS piloted
  FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0
  WHERE a.deleted = 0 AND ${openSql('a')}
    AND (a.id IN (SELECT owner_id FROM pilot WHERE person_id = @person AND deleted = 0) OR a.id IN (SELECT value FROM json_each(@named)))`;

/** Whole days from `from` to `to` (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [year, month, day] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const meetingOf = (item: ItemRow): MyActionMeeting => ({
  id: item.meeting_id,
  title: meetingTitle({ type: item.meeting_type, title: item.meeting_title, date: item.meeting_date }),
  date: item.meeting_date,
});

/** Late first, longest late first; then by échéance, soonest first, none last; then chantier and title. */
function compareLines(x: MyActionLine, y: MyActionLine): number {
  if (x.late !== y.late) return x.late ? -1 : 1;
  if (x.end_date !== y.end_date) {
    if (x.end_date === null) return 1;
    if (y.end_date === null) return -1;
    return x.end_date < y.end_date ? -1 : 1;
  }
  const chantier = (x.chantier?.number ?? Number.MAX_SAFE_INTEGER) - (y.chantier?.number ?? Number.MAX_SAFE_INTEGER);
  if (chantier !== 0) return chantier;
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const key = (line: MyActionLine) => line.action_id ?? line.action_item_id ?? '';
  return order(sortKey(x.title), sortKey(y.title)) || order(key(x), key(y));
}

/** What the person using this laptop pilots or is responsable for, on `day` (default today). */
export function myActions(store: Store, day = localDate()): MyActions {
  const person = store.personId;
  if (!person) return { today: day, lines: [] };
  const items = cached(store, ITEMS_SQL).all({ person }) as ItemRow[];

  // The meetings naming the person responsable of each action, latest first, once each.
  const meetingsByAction = new Map<string, MyActionMeeting[]>();
  for (const item of items) {
    if (!item.action_id) continue;
    const meetings = meetingsByAction.get(item.action_id) ?? [];
    if (!meetings.some((meeting) => meeting.id === item.meeting_id)) meetings.push(meetingOf(item));
    meetingsByAction.set(item.action_id, meetings);
  }

  const actions = cached(store, ACTIONS_SQL).all({ person, today: day, named: JSON.stringify([...meetingsByAction.keys()]) }) as ActionRow[];
  const references = actionReferences(store);
  const lines: MyActionLine[] = actions.map((action) => {
    const meetings = meetingsByAction.get(action.id) ?? [];
    return {
      action_id: action.id,
      action_item_id: null,
      reference: references.get(action.id)?.reference ?? null,
      chantier: { id: action.chantier_id, number: action.chantier_number, title: action.chantier_title },
      title: action.title,
      status: action.status,
      end_date: action.end_date,
      progress: action.progress,
      late: action.late === 1,
      days_late: action.late === 1 && action.end_date ? daysBetween(action.end_date, day) : 0,
      roles: [...(action.piloted === 1 ? (['pilote'] as const) : []), ...(meetings.length > 0 ? (['responsable'] as const) : [])],
      meetings,
    };
  });

  // Actions à mener not yet actions: their own line, with their meeting.
  for (const item of items) {
    if (item.action_id) continue;
    const status = item.status ?? 'a_venir';
    const late = isLate(item.due_date, status, day);
    lines.push({
      action_id: null,
      action_item_id: item.id,
      reference: null,
      chantier: item.chantier_id && item.chantier_number !== null ? { id: item.chantier_id, number: item.chantier_number, title: item.chantier_title! } : null,
      title: item.title,
      status,
      end_date: item.due_date,
      progress: null,
      late,
      days_late: late && item.due_date ? daysBetween(item.due_date, day) : 0,
      roles: ['responsable'],
      meetings: [meetingOf(item)],
    });
  }
  return { today: day, lines: lines.sort(compareLines) };
}

/** The late lines of « Mes actions », and those whose échéance falls in the next REMINDER_DAYS days (today included). */
export function reminders(store: Store, today = localDate()): Reminders {
  const { lines } = myActions(store, today);
  const horizon = addDays(today, REMINDER_DAYS);
  return {
    today,
    late: lines.filter((line) => line.late),
    due_soon: lines.filter((line) => !line.late && line.end_date !== null && line.end_date >= today && line.end_date <= horizon),
  };
}
