// Dates, times and durations written the French way, for the screens and the printed documents.
import { localDate, weekday } from './calendar';

const pad = (value: number) => String(value).padStart(2, '0');

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The text with its first letter in capitals: « L'ordinateur de … » at the start of a sentence. */
const countFormat = new Intl.NumberFormat('fr-FR');
/** « 3 014 »: a count with its thousands apart, as French writes it. */
export const frenchCount = (count: number) => countFormat.format(count);

export const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** « de Claire Martin », « d'Anne Roux », « d'Hélène Petit »: de, elided before a vowel or an h. */
export const de = (name: string) => (/^[aeiouyhàâäéèêëîïôöùûüÿæœ]/iu.test(name) ? `d'${name}` : `de ${name}`);

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

/** The day of an instant, in local time (not UTC's: an edit at 0 h 30 in Paris is of that day): « 4 décembre 2026 ». */
export function frenchDay(instant: Date | string): string {
  return frenchDate(localDate(typeof instant === 'string' ? new Date(instant) : instant));
}

/** An instant in local time: « 14 mars 2027 à 14 h 05 », « 1er avril 2027 à 9 h ». */
export function frenchDateTime(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return `${frenchDate(localDate(date))} à ${frenchTime(`${pad(date.getHours())}:${pad(date.getMinutes())}`)}`;
}

const NBSP = '\u00a0';
/** The espace fine insécable, before « ; ! ? ». */
const NARROW_NBSP = '\u202f';

/**
 * French typography, the one function for it (the printed documents, Word, e-mails), since
 * a plain space lets a line break anywhere: a non-breaking space
 * before « : » and inside « », a narrow one before « ; ! ? », none breaking « 14 h 30 »,
 * « 45 min », « 60 % », « 40 000 € » or « n° 2 ». Only spaces already there are changed.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(\d) h(?!\p{L})(?: (\d{2})(?!\d))?/gu, (_, hours: string, minutes: string | undefined) => `${hours}${NBSP}h${minutes ? `${NBSP}${minutes}` : ''}`)
    .replace(/(\d) (min|%|€)(?!\p{L})/gu, `$1${NBSP}$2`)
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NARROW_NBSP}`)
    .replace(/n° (?=\d)/g, `n°${NBSP}`)
    .replace(/ +:/g, `${NBSP}:`)
    .replace(/ +([;!?])/g, `${NARROW_NBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`);
}
