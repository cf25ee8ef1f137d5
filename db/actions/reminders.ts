// The reminders of this laptop's person: their French summary, whether the user allowed a
// system notification, and which one is due now. Both settings live in local_state: they
// belong to this laptop, never replicated, and nothing of them leaves it.
import { localDate } from '../../common/calendar';
import type { Store } from '../store/store';
import { reminders, REMINDER_DAYS } from './mine';
import type { ReminderStatus, Reminders } from './types';

const ENABLED_KEY = 'reminder_notifications';
/** The notifications shown on the last day one was: { day, bodies }. */
const SHOWN_KEY = 'reminder_notifications_shown';

export const REMINDER_NOTIFICATION_TITLE = 'Entente : échéances';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** « 2 actions en retard, 3 échéances dans les 7 jours »; null when there is nothing to remind. */
export function reminderSummary(due: Pick<Reminders, 'late' | 'due_soon'>): string | null {
  const parts = [
    ...(due.late.length > 0 ? [count(due.late.length, 'action en retard', 'actions en retard')] : []),
    ...(due.due_soon.length > 0 ? [`${count(due.due_soon.length, 'échéance', 'échéances')} dans les ${REMINDER_DAYS} jours`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}

export function reminderNotificationsAllowed(store: Store): boolean {
  return store.localState(ENABLED_KEY) === 'true';
}

export function setReminderNotifications(store: Store, enabled: boolean): void {
  store.setLocalState(ENABLED_KEY, String(enabled));
}

/** The header's reminders and the setting; main adds whether the system can notify. */
export function reminderStatus(store: Store, today = localDate()): Omit<ReminderStatus, 'notifications_supported'> {
  const due = reminders(store, today);
  return { ...due, summary: reminderSummary(due), notifications: reminderNotificationsAllowed(store) };
}

/**
 * The system notification to show now, recorded as shown; null when the user did not allow
 * them, when there is nothing to remind, or when the same words were already shown today:
 * at most once a day for the same content, again when it changes.
 */
export function takeReminderNotification(store: Store, today = localDate()): { title: string; body: string } | null {
  if (!reminderNotificationsAllowed(store)) return null;
  const body = reminderSummary(reminders(store, today));
  if (!body) return null;
  const kept = store.localState(SHOWN_KEY);
  const shown = kept ? (JSON.parse(kept) as { day: string; bodies: string[] }) : undefined;
  const shownToday = shown?.day === today ? shown.bodies : [];
  if (shownToday.includes(body)) return null;
  store.setLocalState(SHOWN_KEY, JSON.stringify({ day: today, bodies: [...shownToday, body] }));
  return { title: REMINDER_NOTIFICATION_TITLE, body };
}
