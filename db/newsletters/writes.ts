// Every change of a lettre d'info. A draft is edited freely; once published, a lettre is
// kept as it went out: every write refuses it (read-only, synced, counted).
import { localDate } from '../../common/calendar';
import { refusal, ValidationError } from '../errors';
import { newId } from '../store/ids';
import { deleteRow, insertRow, updateRow, validatePatch } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { draftNewsletter } from './draft';
import { getNewsletter } from './reads';
import type { NewsletterItem, NewsletterItemPatch, NewsletterPatch, NewsletterRow } from './types';

/** The lettre, if it is still a draft. */
function requireDraft(store: Store, id: string, doing: string): NewsletterRow {
  const newsletter = getNewsletter(store, id);
  if (newsletter.published_on) {
    throw new ValidationError(`La lettre n° ${newsletter.number} a été publiée : ${doing}.`, 'published_on');
  }
  return newsletter;
}

/** Blank optional texts are no text. */
const optional = (text: string | null | undefined) => (text === undefined ? undefined : text?.trim() || null);

/**
 * « Nouvelle lettre »: the draft proposed from the period since the last lettre, written.
 * One draft at a time: its number is the next one, and a second would take the same.
 */
export function createNewsletter(store: Store, day?: string): string {
  return store.transaction(() => {
    const open = cached(store, 'SELECT number FROM newsletter WHERE deleted = 0 AND published_on IS NULL ORDER BY number LIMIT 1').pluck().get() as
      number | undefined;
    if (open !== undefined) {
      throw new ValidationError(`La lettre n° ${open} est en préparation : publiez-la ou supprimez-la avant d'en commencer une autre.`, 'number');
    }
    const draft = draftNewsletter(store, day);
    const fields = validatePatch('newsletter', {
      ...draft,
      editorial: null,
      items: draft.items.map((item) => ({ id: newId(8), ...item })),
      published_on: null,
      published_by_id: null,
    });
    return insertRow(store, 'newsletter', fields);
  });
}

export function updateNewsletter(store: Store, id: string, patch: NewsletterPatch): void {
  const newsletter = requireDraft(store, id, 'elle ne peut plus être modifiée');
  const fields = validatePatch('newsletter', {
    title: patch.title,
    period_start: patch.period_start,
    period_end: patch.period_end,
    editorial: optional(patch.editorial),
  });
  const start = fields.period_start === undefined ? newsletter.period_start : fields.period_start;
  const end = fields.period_end ?? newsletter.period_end;
  if (start && start > end) throw new ValidationError('La période commence après sa fin : vérifiez ses dates.', 'period_start');
  updateRow(store, 'newsletter', id, fields);
}

/** Writes the whole list of articles, checked by the schema. */
function writeItems(store: Store, id: string, items: NewsletterItem[]): void {
  updateRow(store, 'newsletter', id, validatePatch('newsletter', { items }));
}

function itemIndex(newsletter: NewsletterRow, itemId: string): number {
  const index = newsletter.items.findIndex((item) => item.id === itemId);
  if (index < 0) throw new ValidationError("Cet article n'est plus dans la lettre : il a sans doute été retiré.", 'items');
  return index;
}

/** Rewrites an article's title or text. */
export function editNewsletterItem(store: Store, id: string, itemId: string, patch: NewsletterItemPatch): void {
  const newsletter = requireDraft(store, id, 'ses articles ne se modifient plus');
  const index = itemIndex(newsletter, itemId);
  const items = [...newsletter.items];
  items[index] = {
    ...items[index],
    ...(patch.title === undefined ? {} : { title: patch.title.trim() }),
    ...(patch.body === undefined ? {} : { body: optional(patch.body) ?? null }),
  };
  writeItems(store, id, items);
}

/** Moves an article one place up or down; at either end it stays. */
export function moveNewsletterItem(store: Store, id: string, itemId: string, direction: 'up' | 'down'): void {
  const newsletter = requireDraft(store, id, 'ses articles ne se déplacent plus');
  const index = itemIndex(newsletter, itemId);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= newsletter.items.length) return;
  const items = [...newsletter.items];
  [items[index], items[target]] = [items[target], items[index]];
  writeItems(store, id, items);
}

export function removeNewsletterItem(store: Store, id: string, itemId: string): void {
  const newsletter = requireDraft(store, id, 'ses articles ne se retirent plus');
  const index = itemIndex(newsletter, itemId);
  writeItems(
    store,
    id,
    newsletter.items.filter((_, at) => at !== index),
  );
}

/** « Ajouter un article »: a free text at the end, to write; answers its id. */
export function addNewsletterItem(store: Store, id: string): string {
  const newsletter = requireDraft(store, id, "elle ne reçoit plus d'article");
  const item: NewsletterItem = { id: newId(8), kind: 'texte', title: 'Nouvel article', body: null, source_id: null };
  writeItems(store, id, [...newsletter.items, item]);
  return item.id;
}

/** Only a draft is deleted: a published lettre went out and stays in the record. */
export function deleteNewsletter(store: Store, id: string): void {
  requireDraft(store, id, 'elle reste dans les archives et ne se supprime pas');
  deleteRow(store, 'newsletter', id);
}

/** Publishes the lettre on `day`, in the name of the person who uses this poste; from then on it is read-only. */
export function publishNewsletter(store: Store, id: string, day = localDate()): void {
  const newsletter = requireDraft(store, id, 'elle ne se publie pas deux fois');
  const personId = store.personId;
  if (!personId) throw refusal('no-identity');
  if (newsletter.items.length === 0 && !newsletter.editorial) {
    throw new ValidationError("La lettre est vide : écrivez l'éditorial ou gardez au moins un article avant de la publier.", 'items');
  }
  updateRow(store, 'newsletter', id, validatePatch('newsletter', { published_on: day, published_by_id: personId }));
}
