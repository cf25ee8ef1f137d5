// The shapes the lettres d'info answer and take.
import type { NewsletterItemKind } from '../../common/vocabulary';
import type { PrintedPartner } from '../meetings/document-types';
import type { Block } from './markdown';

/** One article: proposed from a fact of the period (source_id) or written by hand. */
export interface NewsletterItem {
  /** Stable within the lettre: the editor acts on an article by it. */
  id: string;
  kind: NewsletterItemKind;
  title: string;
  /** Small Markdown (markdown.ts); null for a title alone. */
  body: string | null;
  /** The action, decision, meeting or piste it was proposed from. */
  source_id: string | null;
}

export interface NewsletterRow {
  id: string;
  number: number;
  title: string;
  period_start: string | null;
  period_end: string;
  /** « du 1er mars 2027 au 30 juin 2027 », or « jusqu'au 30 juin 2027 » without a start. */
  period_label: string;
  editorial: string | null;
  items: NewsletterItem[];
  /** Null while it is a draft (brouillon). */
  published_on: string | null;
  published_by: { id: string; name: string } | null;
}

/** What the editor changes; the number and the publication are not a user's patch. */
export interface NewsletterPatch {
  title?: string;
  period_start?: string | null;
  period_end?: string;
  editorial?: string | null;
}

/** An article's text, as the editor rewrites it. */
export interface NewsletterItemPatch {
  title?: string;
  body?: string | null;
}

/** What a new lettre proposes, before it is written (draft.ts). */
export interface NewsletterDraft {
  number: number;
  title: string;
  period_start: string | null;
  period_end: string;
  items: Omit<NewsletterItem, 'id'>[];
}

/** The lettre laid out: its texts parsed, the partners of the title band. */
export interface NewsletterDocument {
  newsletter: NewsletterRow;
  project_name: string;
  partners: PrintedPartner[];
  /** « Publiée le 3 novembre 2026 », or that it is a draft. */
  date_label: string;
  editorial: Block[];
  /** Each article with the kind printed above it (null: none) and its text parsed. */
  items: (NewsletterItem & { kind_label: string | null; blocks: Block[] })[];
}
