// Réunions as calendar events, and the .ics files the app saves for Outlook or Thunderbird.
import { getProject } from '../project/reads';
import { frenchDuration, frenchTypography } from '../../common/french';
import { getMeeting, listMeetings } from './reads';
import { seriesId } from './rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { CalendarEvent } from './types';
import { meetingTypeLabels } from '../../common/partners';
import { listPartners } from '../people/reads';
import { icsCalendar } from './ics';

/** Changes to these fields move the event: calendars take the one with the higher SEQUENCE. */
const SCHEDULE_FIELDS = ['date', 'start_time', 'duration_minutes', 'place'];

/**
 * Per meeting row, how many times its schedule was changed after being first set (one pass
 * over the log). Every schedule field is written at creation, a place left empty too
 * (createMeeting): a place given later counts as a change.
 */
function scheduleEdits(store: Store): Map<string, number> {
  const rows = cached(
    store,
    `SELECT row_id, count(*) - count(DISTINCT field) AS edits FROM changes
     WHERE entity = 'meeting' AND field IN (${SCHEDULE_FIELDS.map((field) => `'${field}'`).join(', ')}) GROUP BY row_id`,
  ).all() as { row_id: string; edits: number }[];
  return new Map(rows.map((row) => [row.row_id, row.edits]));
}

function calendarEvent(store: Store, meetingId: string, edits: Map<string, number>, projectName: string): CalendarEvent {
  const meeting = getMeeting(store, meetingId);
  const typeLabel = meetingTypeLabels(listPartners(store))[meeting.type];
  const chantiers = meeting.chantiers.map((chantier) => `${chantier.number} · ${chantier.title}`);
  const series = seriesId(meeting.id);
  const summary = meeting.own_title
    ? `${typeLabel} – ${meeting.own_title}`
    : meeting.type === 'reunion_travail' && chantiers.length === 1
      ? `${typeLabel} – chantier ${chantiers[0]}`
      : typeLabel;
  const agenda = meeting.agenda.map((item) => {
    const details = [item.presenter, item.duration_minutes ? frenchDuration(item.duration_minutes) : null].filter(Boolean);
    return `${item.number}. ${item.title}${details.length ? ` (${details.join(', ')})` : ''}`;
  });
  const description = frenchTypography(
    [projectName, ...(chantiers.length ? [`Chantiers : ${chantiers.join(' ; ')}`] : []), ...(agenda.length ? ['', 'Ordre du jour :', ...agenda] : [])].join(
      '\n',
    ),
  );
  return {
    uid: `${series}@entente-${store.projectId ?? 'projet'}`,
    // Every version of the minutes is the same event: their edits add up.
    sequence: meeting.versions.reduce((sum, version) => sum + (edits.get(version.id) ?? 0), 0),
    summary,
    description,
    location: meeting.place,
    categories: [typeLabel],
    date: meeting.date,
    start_time: meeting.start_time,
    duration_minutes: meeting.duration_minutes,
  };
}

/** One meeting as an .ics file. */
export function meetingIcs(store: Store, meetingId: string, now = new Date()): string {
  const project = getProject(store).name;
  return icsCalendar([calendarEvent(store, meetingId, scheduleEdits(store), project)], now, project);
}

/** Every upcoming meeting (from `day`, today by default) as one .ics file. */
export function upcomingMeetingsIcs(store: Store, options: { day?: string; now?: Date } = {}): string {
  const project = getProject(store).name;
  const edits = scheduleEdits(store);
  const events = listMeetings(store, { when: 'upcoming' }, options.day).map((meeting) => calendarEvent(store, meeting.id, edits, project));
  return icsCalendar(events, options.now ?? new Date(), `${project} – réunions à venir`);
}
