// Actions as db/ answers them: the table's rows, the fiche, and their inputs.
import type { ActionStatus, Priority } from '../../common/vocabulary';
import type { EntityFields } from '../store/schema';

export type StatusCounts = Record<ActionStatus | 'none', number>;

export interface PilotRef {
  partner_id: string;
  person_id: string | null;
  person_name: string | null;
  services: string | null;
}

export type ActionSortKey = 'reference' | 'chantier' | 'title' | 'status' | 'priority' | 'start_date' | 'end_date' | 'progress';

export interface ActionQuery {
  chantier_ids?: string[];
  /** 'none' selects actions without a statut. */
  statuses?: (ActionStatus | 'none')[];
  priorities?: Priority[];
  pilot_person_id?: string;
  /** Actions with a pilote of this partner. */
  partner_id?: string;
  late?: boolean;
  without_pilot?: boolean;
  /** Actions marked « À arbitrer au prochain comité » (or not). */
  to_arbitrate?: boolean;
  search?: string;
  sort?: { by: ActionSortKey; direction: 'asc' | 'desc' };
}

export interface ActionRow {
  id: string;
  chantier_id: string;
  chantier_number: number;
  chantier_title: string;
  /** « 4.2 »: the chantier's number and the action's (db/actions/references.ts). */
  reference: string;
  title: string;
  status: ActionStatus | null;
  priority: Priority | null;
  start_date: string | null;
  end_date: string | null;
  /** As lists and tableaux de bord count it: 100 for a « Réalisé » action (the fiche shows what was typed). */
  progress: number;
  late: boolean;
  pilots: PilotRef[];
  /** The first indicator it follows, for the table's optional column. */
  indicator: IndicatorSummary | null;
  /** To be arbitrated at the next comité. */
  to_arbitrate: boolean;
}

export interface IndicatorSummary {
  name: string;
  unit: string | null;
  target_value: number | null;
  latest: number | null;
  latest_date: string | null;
  gap: number | null;
}

/** A window of a query's rows, for a virtualised table, and how many rows match in all. */
export interface ActionPage {
  total: number;
  offset: number;
  rows: ActionRow[];
}

export type ActionFields = EntityFields<'action'>;

export type ActionPatch = Partial<ActionFields>;

export interface Step {
  id: string;
  label: string;
  done: boolean;
  position: number;
}

export interface Note {
  id: string;
  date: string;
  author_id: string | null;
  author_name: string | null;
  text: string;
}

export interface Link {
  id: string;
  label: string | null;
  url: string;
}

/** An élu référent or a partenaire extérieur of the action. */
export interface Party extends EntityFields<'action_party'> {
  id: string;
}

export type PartyPatch = Partial<Omit<EntityFields<'action_party'>, 'action_id'>>;

export interface ActionDetail extends ActionFields {
  id: string;
  /** « 4.2 » (db/actions/references.ts). */
  reference: string;
  late: boolean;
  pilots: PilotRef[];
  steps: Step[];
  notes: Note[];
  links: Link[];
  parties: Party[];
}

export interface NewAction extends Partial<ActionFields> {
  chantier_id: string;
  title: string;
}

export interface TrackedActionRef {
  id: string;
  title: string;
  chantier_id: string;
  status: ActionStatus | null;
  progress: number;
  start_date: string | null;
  end_date: string | null;
  late: boolean;
  deleted: boolean;
}

/** How the person using this laptop is concerned by a line of « Mes actions ». */
export type MyActionRole = 'pilote' | 'responsable';

/** A meeting that named the person responsable of an action à mener (db/actions/mine.ts). */
export interface MyActionMeeting {
  id: string;
  /** Its own title, or its type and date (« CODIRI du 15 mars 2027 »). */
  title: string;
  date: string;
}

/**
 * A line of « Mes actions »: an action the person pilots or is responsable for in a
 * compte rendu, or an action à mener that no validation has turned into an action yet.
 */
export interface MyActionLine {
  /** The action; null for an action à mener not yet an action. */
  action_id: string | null;
  /** The action à mener not yet an action; null for an action. */
  action_item_id: string | null;
  /** The action's reference « 4.2 »; null for an action à mener not yet an action. */
  reference: string | null;
  chantier: { id: string; number: number; title: string } | null;
  title: string;
  /** For an action à mener, the statut the action will take (À venir by default). */
  status: ActionStatus | null;
  /** The échéance: the action's end date, or the one the action à mener gives. */
  end_date: string | null;
  /** Null for an action à mener not yet an action. */
  progress: number | null;
  late: boolean;
  /** Days since the échéance when late, 0 otherwise. */
  days_late: number;
  /** Pilote first when both. */
  roles: MyActionRole[];
  /** The meetings that named the person responsable, latest first; for an action à mener, its own. */
  meetings: MyActionMeeting[];
}

export interface MyActions {
  /** The day « en retard » was computed for, YYYY-MM-DD. */
  today: string;
  /** Late first (longest late first), then by échéance, lines without one last. */
  lines: MyActionLine[];
}

/** What to remind the person of: the late lines of « Mes actions », and those due in the next days. */
export interface Reminders {
  today: string;
  /** Échéance from today to REMINDER_DAYS later, soonest first. */
  due_soon: MyActionLine[];
  late: MyActionLine[];
}

/** The header's reminders and this laptop's notification setting (Paramètres › Rappels). */
export interface ReminderStatus extends Reminders {
  /** « 2 actions en retard, 3 échéances dans les 7 jours »; null when there is nothing to remind. */
  summary: string | null;
  /** Whether the user allowed a system notification on this laptop. */
  notifications: boolean;
  /** Whether the system can show one (said by main). */
  notifications_supported: boolean;
}

// The Historique of a fiche action (db/actions/history.ts).

/** Who wrote a change: the person of the poste that wrote it, or the default dataset. */
export interface HistoryAuthor {
  /** The poste's id, or 'seed' for the default dataset. */
  origin: string;
  /** « Claire Martin (Indre-et-Loire) », « Données de départ », or « poste k3j9x2m4p8qa » for a poste unknown here. */
  label: string;
  person_name: string | null;
  /** The Département's short name. */
  partner_name: string | null;
  /** The poste's own name (« Portable DRH »), if it has one. */
  laptop: string | null;
}

/** A value of a field, and the same in French. */
export interface HistoryValue {
  /** As the change log holds it (parsed); for `deleted`, a delete mark { vv } or false. */
  value: unknown;
  /** « En cours », « 14 mars 2027 », « 40 % », a person's name…; null for no value. */
  text: string | null;
}

/** A version a change replaced, found in the log by its (origin, seq). */
export interface HistoryPrevious extends HistoryValue {
  origin: string;
  seq: number;
  /** Who wrote it (HistoryAuthor.label). */
  author: string;
  /** False when this poste never received it (a gap): its value is unknown. */
  known: boolean;
}

/**
 * created: written with its row; set: a field's first value on an existing row; changed:
 * one value replaced; merged: a conflict settled (several values replaced); deleted, restored: the row.
 */
export type HistoryChangeKind = 'created' | 'set' | 'changed' | 'merged' | 'deleted' | 'restored';

export interface ActionHistoryEntry {
  origin: string;
  seq: number;
  hlc: string;
  /** When it was written, ISO, from its clock; null for the default dataset. */
  at: string | null;
  author: HistoryAuthor;
  /** Written on this laptop. */
  this_laptop: boolean;
  /** The action, or a row of it: pilot, step, note, link… */
  entity: string;
  row_id: string;
  /** The row when it is not the action itself: « Étape « … » », « Note du 20 novembre 2026 », « Pilotage Loir-et-Cher ». */
  row_label: string | null;
  field: string;
  /** The filter's key: the field for the action's own (`status`), `entity.field` for its rows' (`note.text`). */
  field_key: string;
  field_label: string;
  kind: HistoryChangeKind;
  /** The values replaced, one per distinct value: none for a creation, several for a conflict settled. */
  before: HistoryPrevious[];
  after: HistoryValue;
  /** Free text that may be long (a description, a note): shortened on screen. */
  long_text: boolean;
  /** One of the live versions of a field in conflict now. */
  in_conflict: boolean;
}

/** A field present in an action's history, for the filter. */
export interface HistoryField {
  key: string;
  label: string;
}

export interface ActionHistory {
  action_id: string;
  /** Every field the whole history holds, whatever the filter. */
  fields: HistoryField[];
  /** Newest first. */
  entries: ActionHistoryEntry[];
}
