// The reminders as a system notification: the échéances of the next 7 days and the late
// actions of this laptop's person, at start and every hour, only if the user allowed it in
// Paramètres › Rappels, and at most once a day for the same content (db/actions/reminders.ts).
// The notification is the system's own: nothing leaves the laptop.
import { app, Notification } from 'electron';
import { reminderStatus, setReminderNotifications, takeReminderNotification } from '../db/actions/reminders';
import type { ReminderStatus } from '../preload/contract';
import type { Session } from './session';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The id Windows shows the notifications under, and lets the user silence them by: the
 * installer gives the Start menu shortcut electron-builder.yml's appId, and a notification
 * must carry the same id to be the app's (else it shows as « electron.app.Entente »).
 */
export const WINDOWS_APP_ID = 'fr.cooperation.entente';

/** Shows the reminders' notification if one is due now. */
export function notifyReminders(session: Session): void {
  if (!Notification.isSupported()) return;
  let store;
  try {
    store = session.requireStore();
  } catch {
    return; // first start, or a damaged file: nobody to remind yet
  }
  try {
    const content = takeReminderNotification(store);
    if (content) new Notification({ title: content.title, body: content.body }).show();
  } catch (error) {
    console.error('Rappel des échéances impossible', error);
  }
}

/** At start, then every hour, once the sync job under way, if any, has ended (noting the reminder writes). */
export function startReminders(session: Session, idle: () => Promise<void>): void {
  if (process.platform === 'win32') app.setAppUserModelId(WINDOWS_APP_ID);
  notifyReminders(session);
  setInterval(() => void idle().then(() => notifyReminders(session)), HOUR_MS).unref();
}

/** The header's reminders, this laptop's setting and whether the system can notify. */
export function getReminders(session: Session): ReminderStatus {
  return { ...reminderStatus(session.requireStore()), notifications_supported: Notification.isSupported() };
}

/** Allowed, the notification comes at once if something is due: the user sees what they chose. */
export function allowReminderNotifications(session: Session, enabled: boolean): void {
  setReminderNotifications(session.requireStore(), enabled);
  if (enabled) notifyReminders(session);
}
