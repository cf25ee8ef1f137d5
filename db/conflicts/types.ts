// The Conflits view's shapes.
import type { EntityName } from '../store/schema';

/** One live version of a field in conflict, as the Conflits view shows it. */
export interface ConflictVersionView {
  origin: string;
  seq: number;
  hlc: string;
  /** When it was written, ISO (from the version's clock). */
  date: string;
  /** The person using the replica that wrote it, when known here. */
  author: string | null;
  /** "l'ordinateur de Claire Martin (Indre-et-Loire)" (db/sync/labels.ts). */
  replica: string;
  /** The value; for the field `deleted`, true (a delete) or false (kept). */
  value: unknown;
  /** For a reference (a person, a partner, a chantier…): its name. */
  value_label: string | null;
  /** The version the screens show until someone chooses (latest clock, then origin). */
  shown: boolean;
}

/** A field with several live versions of different values, or a delete concurrent with an edit. */
export interface ConflictView {
  entity: EntityName;
  row_id: string;
  field: string;
  /** What the row is: an action's title, a note's action and date, a person's name… */
  row_label: string;
  /** The action the row belongs to (itself, its note, étape, lien or pilote), if any. */
  action_id: string | null;
  versions: ConflictVersionView[];
  /** The value both concurrent edits replaced (their common ancestor); null when the field had none before them. */
  before: Omit<ConflictVersionView, 'shown'> | null;
  /** The réunion the row belongs to (itself, or one of its participants, points, entries, actions à mener), if any. */
  meeting_id: string | null;
  /** For the field `deleted`: what the delete had not seen, which keeps the row shown. */
  unseen: UnseenEditView[];
}

/**
 * A row edited (or added) without the knowledge of a delete or a validation: the row itself,
 * or one that goes with it (a note of the action, a décision of the minutes…).
 */
export interface UnseenEditView {
  /** What that row is (describeRow); null for the row deleted or validated itself. */
  row_label: string | null;
  /** Added without its knowledge (none of its versions seen); else the fields edited. */
  added: boolean;
  fields: string[];
  /** Those edits, as [origin, seq]: sent back with a choice, which is refused if others arrived meanwhile. */
  refs: [origin: string, seq: number][];
  /** The latest of those edits: who, on which ordinateur, when (ISO). */
  author: string | null;
  replica: string;
  date: string;
}
