// The Tableau de bord de la coopération: the key figures over a period, every chantier with
// its actions by statut and the day it reached its stage, and what comes next (échéances of
// the next 30 days, the next meetings, the décisions nobody follows up yet).
import { addDays } from '../../common/calendar';
import type { MeetingType } from '../../common/vocabulary';
import { referenceOf } from '../actions/references';
import { listDecisions } from '../meetings/decisions';
import { LATEST_SQL, meetingTitle, SHOWN_SQL } from '../meetings/rows';
import { openSql, today } from '../store/sql';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { keyFigures, type FiguresPeriod } from './figures';
import { actionGroups, chantierSummaries, dashboardTotals } from './reads';
import { stageSince } from './stage';
import type { CooperationDashboard, UpcomingDeadline, UpcomingMeeting } from './types';

/** How far ahead « what comes next » looks, in days. */
export const DEADLINE_DAYS = 30;
/** The next meetings shown: enough to plan the coming weeks. */
const NEXT_MEETINGS = 5;

/** Actions not closed whose échéance falls from `day` to `day` + 30 days included, soonest first. */
export function upcomingDeadlines(store: Store, day?: string): UpcomingDeadline[] {
  const date = today(day);
  const rows = cached(
    store,
    `SELECT a.id, a.title, a.status, a.end_date, c.number AS chantier_number FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0
     WHERE a.deleted = 0 AND a.end_date BETWEEN @from AND @to AND ${openSql('a')}
     ORDER BY a.end_date, c.number, a.number IS NULL, a.number, a.title_key, a.id`,
  ).all({ from: date, to: addDays(date, DEADLINE_DAYS) }) as Omit<UpcomingDeadline, 'reference'>[];
  return rows.map((row) => ({ ...row, reference: referenceOf(store, row.id) }));
}

/** The meetings dated today or later (latest version of their minutes), soonest first. */
export function upcomingMeetings(store: Store, day?: string, limit = NEXT_MEETINGS): UpcomingMeeting[] {
  const rows = cached(
    store,
    `SELECT m.id, m.type, m.title, m.date, m.start_time FROM meeting m WHERE ${SHOWN_SQL} AND ${LATEST_SQL} AND m.date >= ?
     ORDER BY m.date, m.start_time, m.id LIMIT ?`,
  ).all(today(day), limit) as { id: string; type: MeetingType; title: string | null; date: string; start_time: string }[];
  return rows.map((row) => ({ id: row.id, type: row.type, date: row.date, start_time: row.start_time, title: meetingTitle(row), own_title: row.title }));
}

export function cooperationDashboard(store: Store, period: FiguresPeriod = { kind: 'all' }, day?: string): CooperationDashboard {
  const date = today(day);
  const groups = actionGroups(store, date);
  const all = listDecisions(store);
  const decisions = all.filter((decision) => !decision.followed);
  return {
    today: date,
    figures: keyFigures(store, period, date),
    totals: dashboardTotals(groups),
    chantiers: chantierSummaries(store, groups).map((chantier) => ({ ...chantier, stage_since: stageSince(store, chantier.id) })),
    deadlines: upcomingDeadlines(store, date),
    meetings: upcomingMeetings(store, date),
    meeting_count: cached(store, `SELECT count(*) FROM meeting m WHERE ${SHOWN_SQL} AND ${LATEST_SQL}`).pluck().get() as number,
    decision_count: all.length,
    unfollowed_decisions: oldestMeetingFirst(decisions).map((decision) => ({
      id: decision.id,
      reference: decision.reference,
      text: decision.text,
      date: decision.date,
      meeting_id: decision.meeting.id,
      meeting_title: decision.meeting.title,
      draft: decision.draft,
    })),
  };
}

/**
 * The oldest meeting's décisions first (the longest waiting come at the top), each meeting's
 * in their order (D1, D2…): listDecisions gives the latest meeting first, its décisions together.
 */
function oldestMeetingFirst<T extends { meeting: { id: string } }>(decisions: T[]): T[] {
  const byMeeting = new Map<string, T[]>();
  for (const decision of decisions) {
    const same = byMeeting.get(decision.meeting.id);
    if (same) same.push(decision);
    else byMeeting.set(decision.meeting.id, [decision]);
  }
  return [...byMeeting.values()].reverse().flat();
}
