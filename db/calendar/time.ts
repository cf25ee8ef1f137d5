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
const weekday = (date: string) => toUtc(date).getUTCDay();

/** The date itself on a weekday; the Monday after on a Saturday or Sunday. */
export function nextWorkingDay(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** Minutes since midnight of an HH:MM time. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The date and time `minutes` after a date and time: a meeting may end after midnight. */
export function addMinutes(date: string, time: string, minutes: number): { date: string; time: string } {
  const total = minutesOfDay(time) + minutes;
  const days = Math.floor(total / (24 * 60));
  const rest = total - days * 24 * 60;
  return { date: addDays(date, days), time: `${pad(Math.floor(rest / 60))}:${pad(rest % 60)}` };
}

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "lundi 1er mars 2027", as a compte rendu writes it. */
export function longFrenchDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${DAYS[weekday(date)]} ${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

/** "1er mars 2027". */
export function frenchDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

/** "01/03/2027". */
export function shortFrenchDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** "9 h 30", "14 h". */
export function frenchTime(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return minutes === 0 ? `${hours} h` : `${hours} h ${pad(minutes)}`;
}

/** "2 h 30", "45 min", "3 h". */
export function frenchDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${pad(rest)}`;
}
