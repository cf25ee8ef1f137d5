// A duration typed the way people write it (« 1 h 30 », « 1h30 », « 90 », « 45 min »), and a
// time of day (« 9 h 30 »); frenchDuration and frenchTime (french.ts) write them back.

export type ParsedDuration = { minutes: number | null; error?: undefined } | { minutes?: undefined; error: string };

const HOURS = /^(\d{1,2})\s*(?:h|heures?)\s*(?:(\d{1,2})\s*(?:min|mn|minutes?)?)?$/;
const MINUTES = /^(\d{1,4})\s*(?:min|mn|minutes?)?$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** Minutes from what was typed; an empty text gives null (no duration), anything else unreadable a French message. */
export function parseDuration(text: string): ParsedDuration {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (typed === '') return { minutes: null };
  const hours = HOURS.exec(typed) ?? CLOCK.exec(typed);
  if (hours) {
    const minutes = Number(hours[2] ?? 0);
    if (minutes >= 60) return { error: `Après les heures, les minutes vont de 0 à 59\u202f: «\u00a0${text.trim()}\u00a0».` };
    return { minutes: Number(hours[1]) * 60 + minutes };
  }
  const minutes = MINUTES.exec(typed);
  if (minutes) return { minutes: Number(minutes[1]) };
  return {
    error: `Durée illisible\u202f: «\u00a0${text.trim()}\u00a0». Écrivez par exemple «\u00a01 h 30\u00a0», «\u00a045 min\u00a0» ou «\u00a090\u00a0» (en minutes).`,
  };
}

export type ParsedTime = { time: string | null; error?: undefined } | { time?: undefined; error: string };

const TIME = /^(\d{1,2})\s*(?:h|:)\s*(\d{2})?$/;
const HOURS_ONLY = /^(\d{1,2})$/;
const DIGITS = /^(\d{1,2})(\d{2})$/;

/** A time of day typed as people write it (« 9 h 30 », « 9h30 », « 09:30 », « 14 h », « 930 »), as HH:MM; empty, null. */
export function parseTimeOfDay(text: string): ParsedTime {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (typed === '') return { time: null };
  const parts = TIME.exec(typed) ?? HOURS_ONLY.exec(typed) ?? DIGITS.exec(typed);
  const hours = Number(parts?.[1]);
  const minutes = Number(parts?.[2] ?? 0);
  if (!parts || hours > 23 || minutes > 59) {
    return { error: `Heure illisible\u202f: «\u00a0${text.trim()}\u00a0». Écrivez par exemple «\u00a09\u00a0h\u00a030\u00a0» ou «\u00a014\u00a0h\u00a0».` };
  }
  return { time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}
