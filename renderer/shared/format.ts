// The screens' short dates (« 26 nov. 2026 ») and amounts; long dates (« 26 novembre 2026 ») and
// hours come from common/french.ts, shared with the printed documents.
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import { frenchDuration, frenchTime, frenchTypography } from '../../common/french';
import { localDate } from '../../common/calendar';

/** « 26 nov. 2026 », and « 1er déc. 2026 » for the first of the month, as French writes it. */
const shortDate = (date: Date) => format(date, date.getDate() === 1 ? "d'er' MMM yyyy" : 'd MMM yyyy', { locale: fr });

/** "2026-11-26" → « 26 nov. 2026 »; an empty value → « — ». */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDate(date);
}

/** A timestamp → « 26 nov. 2026 à 14 h 05 », hours as the rest of the app writes them. */
export function formatDateTime(iso: string): string {
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? iso : frenchTypography(`${shortDate(date)} à ${frenchTime(format(date, 'HH:mm'))}`);
}

/** "14:30" → « 14 h 30 », with no-break spaces: never cut at the end of a line. */
export const formatTime = (time: string): string => frenchTypography(frenchTime(time));

/** 150 → « 2 h 30 », 45 → « 45 min », with no-break spaces. */
export const formatDuration = (minutes: number): string => frenchTypography(frenchDuration(minutes));

/** Today as YYYY-MM-DD, in local time (the API's date format). */
export const todayIso = (): string => localDate();

const byteFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** 1536 → « 1,5 Ko ». */
export function formatBytes(bytes: number): string {
  const units = ['octets', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${byteFormat.format(value)} ${units[unit]}`;
}

export const numberFormat = new Intl.NumberFormat('fr-FR');

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 12000.5 → « 12 000,50 € ». */
export function formatEuros(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : euroFormat.format(amount);
}

const measureFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A measured value with its unit: « 21,5 agents ». */
export function formatMeasure(value: number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined) return '—';
  return unit ? `${measureFormat.format(value)} ${unit}` : measureFormat.format(value);
}
