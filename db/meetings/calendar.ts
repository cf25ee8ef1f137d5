// Réunions as calendar events, and the .ics files the app saves for Outlook or Thunderbird.
import { getProject } from '../project/reads';
import { frenchDuration } from '../../common/french';
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
 * Per meeting row, how many times its schedule was changed after its creation (one pass over
 * the log): a place first given later moves the event too. The creation's changes are one
 * write, under one millisecond of its clock.
 */
function scheduleEdits(store: Store): Map<string, number> {
  const rows = cached(
    store,
    `WITH created AS (SELECT row_id, substr(min(hlc), 1, 13) AS at FROM changes WHERE entity = 'meeting' GROUP BY row_id)
     SELECT c.row_id, count(*) AS edits FROM changes c JOIN created ON created.row_id = c.row_id
     WHERE c.entity = 'meeting' AND c.field IN (${SCHEDULE_FIELDS.map((field) => `'${field}'`).join(', ')}) AND substr(c.hlc, 1, 13) <> created.at
     GROUP BY c.row_id`,
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
  const description = [
    projectName,
    ...(chantiers.length ? [`Chantiers : ${chantiers.join(' ; ')}`] : []),
    ...(agenda.length ? ['', 'Ordre du jour :', ...agenda] : []),
  ].join('\n');
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
