// The .ics files of « Ajouter à l'agenda »: one meeting, or those to come.
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { meetingIcs, upcomingMeetingsIcs } from '../../db/meetings/calendar';
import { getMeeting } from '../../db/meetings/reads';
import { safeFileName, writeFileAtomically } from '../../db/files';
import { chooseCalendarFile } from '../dialogs';
import type { Session } from '../session';
import type { Handlers } from './handlers';

export function createCalendarHandlers(
  session: Session,
  window: () => BrowserWindow | undefined,
): Pick<Handlers, 'exportMeetingIcs' | 'exportUpcomingMeetingsIcs'> {
  const store = () => session.requireStore();

  /** Asks where, then writes the calendar as it stands once the file is chosen. */
  async function saveCalendar(defaultName: string, ics: () => string): Promise<{ file: string } | null> {
    const file = await chooseCalendarFile(window(), join(app.getPath('documents'), `${safeFileName(defaultName)}.ics`));
    if (!file) return null;
    writeFileAtomically(file, Buffer.from(ics(), 'utf8'));
    return { file };
  }

  return {
    exportMeetingIcs: (meetingId) => saveCalendar(getMeeting(store(), meetingId).title, () => meetingIcs(store(), meetingId)),
    exportUpcomingMeetingsIcs: () => saveCalendar('Réunions à venir', () => upcomingMeetingsIcs(store())),
  };
}
