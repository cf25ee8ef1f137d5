// The lettre as printed and previewed: its Markdown parsed once here (markdown.ts), the
// partners with their logos for the title band, the project's name.
import { frenchDate, frenchTypography } from '../../common/french';
import { NEWSLETTER_ITEM_KIND_LABELS } from '../../common/vocabulary';
import { printedPartners } from '../meetings/document';
import { getProject } from '../project/reads';
import type { Store } from '../store/store';
import { parseMarkdown } from './markdown';
import { getNewsletter } from './reads';
import type { NewsletterDocument, NewsletterItem } from './types';

/** The kind printed above an article: none for a free text, nor when the title says it already (« Chiffres clés »). */
export function printedKind(item: NewsletterItem): string | null {
  const label = NEWSLETTER_ITEM_KIND_LABELS[item.kind];
  return item.kind === 'texte' || label === item.title ? null : label;
}

export function newsletterDocument(store: Store, id: string): NewsletterDocument {
  const newsletter = getNewsletter(store, id);
  return {
    newsletter: { ...newsletter, title: frenchTypography(newsletter.title) },
    project_name: getProject(store).name,
    partners: printedPartners(store).printed,
    date_label: newsletter.published_on ? `Publiée le ${frenchDate(newsletter.published_on)}` : 'Brouillon, non publiée',
    editorial: parseMarkdown(newsletter.editorial),
    items: newsletter.items.map((item) => ({ ...item, title: frenchTypography(item.title), kind_label: printedKind(item), blocks: parseMarkdown(item.body) })),
  };
}
