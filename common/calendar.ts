// Calendar arithmetic on the texts the change log stores: dates YYYY-MM-DD and times of
// day HH:MM, in the wall time of the place of the meeting (no time zone involved).

const pad = (value: number) => String(value).padStart(2, '0');

function toUtc(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

const fromUtc = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export function addDays(date: string, days: number): string {
  const result = toUtc(date);
  result.setUTCDate(result.getUTCDate() + days);
  return fromUtc(result);
}

/** The same day `months` later, or the last day of that month (31 août + 6 mois = 28 ou 29 février). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return fromUtc(first);
}

/** 0 for Sunday to 6 for Saturday. */
export const weekday = (date: string) => toUtc(date).getUTCDay();

const PARIS_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Whether a time of day exists on a clock of metropolitan France: not between 2 h and 3 h the
 * night summer time starts (a calendar would move the meeting). Paris is UTC+1 or UTC+2: the
 * time exists if one of those offsets gives it back.
 */
export function existsInParis(date: string, time: string): boolean {
  return parisInstant(date, time) !== undefined;
}

/** What a clock of metropolitan France shows at an instant: « 2027-03-28T05:00 ». */
function parisClock(instant: number): string {
  const parts = Object.fromEntries(PARIS_CLOCK.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a clock of metropolitan France shows this date and time (the first, the night it shows 2 h to 3 h twice); undefined if it never does. */
function parisInstant(date: string, time: string): number | undefined {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return [2, 1].map((hours) => asUtc - hours * 3_600_000).find((instant) => parisClock(instant) === `${date}T${time}`);
}

/** Easter Sunday of a Gregorian year (the anonymous algorithm, as Meeus gives it). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The jours fériés of metropolitan France (Code du travail, L3133-1): fixed, or set by Easter. */
export function publicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  return new Set([
    ...['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((day) => `${year}-${day}`),
    // Lundi de Pâques, Ascension, lundi de Pentecôte.
    ...[1, 39, 50].map((days) => addDays(easter, days)),
  ]);
}

/** The date itself on a working day; else the next one, after a week-end and the jours fériés (a Saturday 8 mai: Monday 10). */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6 || publicHolidays(Number(day.slice(0, 4))).has(day)) day = addDays(day, 1);
  return day;
}

/** Minutes since midnight of an HH:MM time. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Minutes from a time of a day to a later one of the same day, on a clock of metropolitan
 * France: from 1 h to 4 h is two hours the night summer time starts, four the night it ends.
 */
export function minutesBetween(date: string, from: string, to: string): number {
  const [start, end] = [parisInstant(date, from), parisInstant(date, to)];
  return start !== undefined && end !== undefined ? (end - start) / 60_000 : minutesOfDay(to) - minutesOfDay(from);
}

/**
 * The date and time `minutes` after a date and time on a clock of metropolitan France: a
 * meeting may end after midnight, or after the clock changed (from 23 h, 5 hours end at 5 h
 * the night summer time starts, at 3 h the night it ends), as a calendar will show it.
 */
export function addMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const start = parisInstant(date, time);
  if (start !== undefined) {
    const [endDate, endTime] = parisClock(start + minutes * 60_000).split('T');
    return { date: endDate, time: endTime };
  }
  // A time the clock skips (refused for a meeting, checkMeeting): counted as it is written.
  const total = minutesOfDay(time) + minutes;
  const days = Math.floor(total / (24 * 60));
  const rest = total - days * 24 * 60;
  return { date: addDays(date, days), time: `${pad(Math.floor(rest / 60))}:${pad(rest % 60)}` };
}

// "Today" is the user's day, not UTC's.

/** YYYY-MM-DD in local time. */
export function localDate(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYYMMDD-HHmmss in local time, for file names. */
export function localTimestamp(date = new Date()): string {
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` + `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}
