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

export type ActionSortKey = 'chantier' | 'title' | 'status' | 'priority' | 'start_date' | 'end_date' | 'progress';

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
  search?: string;
  sort?: { by: ActionSortKey; direction: 'asc' | 'desc' };
}

export interface ActionRow {
  id: string;
  chantier_id: string;
  chantier_number: number;
  title: string;
  status: ActionStatus | null;
  priority: Priority | null;
  start_date: string | null;
  end_date: string | null;
  progress: number;
  late: boolean;
  pilots: PilotRef[];
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

export interface ActionDetail extends ActionFields {
  id: string;
  late: boolean;
  pilots: PilotRef[];
  steps: Step[];
  notes: Note[];
  links: Link[];
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
