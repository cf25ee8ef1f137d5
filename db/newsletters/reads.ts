// Every read of the lettres d'info: the list (latest first), one lettre, one by its number.
import { frenchDate } from '../../common/french';
import { refusal } from '../errors';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { NewsletterItem, NewsletterRow } from './types';

interface StoredNewsletter {
  id: string;
  number: number;
  title: string;
  period_start: string | null;
  period_end: string;
  editorial: string | null;
  items: string | null;
  published_on: string | null;
  published_by_id: string | null;
  published_by_name: string | null;
}

const NEWSLETTER_SQL = `SELECT n.id, n.number, n.title, n.period_start, n.period_end, n.editorial, n.items, n.published_on, n.published_by_id,
    p.name AS published_by_name
  FROM newsletter n LEFT JOIN person p ON p.id = n.published_by_id
  WHERE n.deleted = 0 AND n.number IS NOT NULL AND n.title IS NOT NULL AND n.period_end IS NOT NULL`;

/** « du 1er mars 2027 au 30 juin 2027 »; « le 30 juin 2027 » for a single day. */
export function periodLabel(start: string | null, end: string): string {
  if (!start) return `jusqu'au ${frenchDate(end)}`;
  // After « Période » (« Période du 5 décembre 2026 »).
  return start === end ? `du ${frenchDate(end)}` : `du ${frenchDate(start)} au ${frenchDate(end)}`;
}

function toRow(stored: StoredNewsletter): NewsletterRow {
  return {
    id: stored.id,
    number: stored.number,
    title: stored.title,
    period_start: stored.period_start,
    period_end: stored.period_end,
    period_label: periodLabel(stored.period_start, stored.period_end),
    editorial: stored.editorial,
    items: stored.items ? (JSON.parse(stored.items) as NewsletterItem[]) : [],
    published_on: stored.published_on,
    published_by: stored.published_by_id ? { id: stored.published_by_id, name: stored.published_by_name ?? stored.published_by_id } : null,
  };
}

/** Every lettre, the latest number first. */
export function listNewsletters(store: Store): NewsletterRow[] {
  return (cached(store, `${NEWSLETTER_SQL} ORDER BY n.number DESC, n.id`).all() as StoredNewsletter[]).map(toRow);
}

export function getNewsletter(store: Store, id: string): NewsletterRow {
  const stored = cached(store, `${NEWSLETTER_SQL} AND n.id = ?`).get(id) as StoredNewsletter | undefined;
  if (!stored) throw refusal('not-found', 'newsletter', id);
  return toRow(stored);
}

/** The lettre n° `number` (« 3 » or « n° 3 »), for the command line. */
export function newsletterByNumber(store: Store, number: string): NewsletterRow {
  const value = Number(number.replace(/^n°\s*/i, ''));
  const stored = Number.isInteger(value)
    ? (cached(store, `${NEWSLETTER_SQL} AND n.number = ? ORDER BY n.id LIMIT 1`).get(value) as StoredNewsletter | undefined)
    : undefined;
  if (!stored) throw refusal('not-found', 'newsletter', `n° ${number}`);
  return toRow(stored);
}
