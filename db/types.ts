// The shapes db/ answers in: rows of the derived tables as the screens and the CLI read them.
// Field names are those of the change log (snake_case).
import type { EntityFields, EntityName } from './schema';

export type { EntityName } from './schema';
import type { ActionStatus, Priority, Stage } from './vocabulary';

export interface Partner {
  id: string;
  code: string;
  name: string;
  short_name: string;
  position: number;
}

export interface Person {
  id: string;
  name: string;
  function: string | null;
  partner_id: string;
  email: string | null;
  /** Actions and chantiers this person pilots. */
  pilot_count: number;
}

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  bytes: number;
}

export interface IdentityInput {
  name: string;
  function: string | null;
  partnerId: string;
}

export type StatusCounts = Record<ActionStatus | 'none', number>;

export interface PilotRef {
  partner_id: string;
  person_id: string | null;
  person_name: string | null;
  services: string | null;
}

export interface ChantierSummary {
  id: string;
  number: number;
  title: string;
  description: string | null;
  stage: Stage;
  pilots: PilotRef[];
  counts: { total: number; late: number; byStatus: StatusCounts };
  /** Mean avancement of its actions, 0-100. */
  progress: number;
}

export interface Dashboard {
  /** The day "en retard" was computed for, YYYY-MM-DD. */
  today: string;
  chantiers: ChantierSummary[];
  totals: { actions: number; late: number; withoutPilot: number; byStatus: StatusCounts };
}

export type ActionSortKey = 'chantier' | 'title' | 'status' | 'priority' | 'start_date' | 'end_date' | 'progress';

export interface ActionQuery {
  chantierIds?: string[];
  /** 'none' selects actions without a statut. */
  statuses?: (ActionStatus | 'none')[];
  priorities?: Priority[];
  pilotPersonId?: string;
  /** Actions with a pilote of this partner. */
  partnerId?: string;
  late?: boolean;
  withoutPilot?: boolean;
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

export interface ChantierDetail extends ChantierSummary {
  actions: ActionRow[];
}

export interface NewAction extends Partial<ActionFields> {
  chantier_id: string;
  title: string;
}

export interface PersonInput {
  name: string;
  function: string | null;
  partner_id: string;
  email: string | null;
}

export interface PartnerInput {
  code: string;
  name: string;
  short_name: string;
}

export interface ChantierInput {
  number: number;
  title: string;
  description: string | null;
  stage: Stage;
}

export interface Settings {
  dataDir: string;
  databaseFile: string;
  databaseBytes: number;
  backups: BackupInfo[];
}


/** One live version of a field in conflict, as the Conflits view shows it. */
export interface ConflictVersionView {
  origin: string;
  seq: number;
  hlc: string;
  /** When it was written, ISO (from the version's clock). */
  date: string;
  /** The person using the replica that wrote it, when known here. */
  author: string | null;
  /** "poste de Claire Martin (Indre-et-Loire)". */
  replica: string;
  /** The value; for the field `deleted`, true (a delete) or false (kept). */
  value: unknown;
  /** For a reference (a person, a partner, a chantier…): its name. */
  valueLabel: string | null;
  /** The version the screens show until someone chooses (latest clock, then origin). */
  shown: boolean;
}

/** A field with several live versions of different values, or a delete concurrent with an edit. */
export interface ConflictView {
  entity: EntityName;
  rowId: string;
  field: string;
  /** What the row is: an action's title, a note's action and date, a person's name… */
  rowLabel: string;
  /** The action the row belongs to (itself, its note, étape, lien or pilote), if any. */
  actionId: string | null;
  versions: ConflictVersionView[];
}
