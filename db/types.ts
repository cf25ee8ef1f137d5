// The shapes db/ answers in: rows of the derived tables as the screens and the CLI read them.
// Field names are those of the change log (snake_case).
import type { EntityFields, EntityName } from './schema';

export type { EntityName } from './schema';
import type {
  ActionItemKind,
  ActionStatus,
  Attendance,
  EntryKind,
  MeetingType,
  MinutesLayout,
  MinutesStatus,
  Priority,
  Stage,
} from './vocabulary';

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
  /** Days after which minutes sent for validation are validated by silence. */
  validationSilenceDays: number;
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
  /** The réunion the row belongs to (itself, or one of its participants, points, entries, actions à mener), if any. */
  meetingId: string | null;
}

// Réunions and comptes rendus (entities/meetings.ts, entities/minutes.ts, queries/meetings.ts).

export interface MeetingInput {
  type: MeetingType;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM. */
  start_time: string;
  /** Give either a duration (minutes, > 0) or an end time (HH:MM, after the start). */
  duration_minutes?: number;
  end_time?: string;
  /** A title of its own (an atelier's theme); without one the meeting is named by its type and date. */
  title?: string | null;
  place?: string | null;
  /** A réunion de travail concerns exactly one chantier. */
  chantier_ids?: string[];
  president_id?: string | null;
  secretary_id?: string | null;
  /** Default: for a CODIRI the partner whose turn it is (nextCodiriProposal), otherwise this laptop's user's partner. */
  secretariat_partner_id?: string | null;
  diffusion?: string[];
  next_meeting_date?: string | null;
}

export type MeetingPatch = Partial<MeetingInput>;

/** A person of the project (person_id), or a guest (name, function, organisation). */
export interface ParticipantInput {
  person_id?: string | null;
  name?: string | null;
  function?: string | null;
  organisation?: string | null;
  /** Default: present. */
  attendance?: Attendance;
  /** Required when attendance is 'represente'. */
  represented_by?: string | null;
}

export type ParticipantPatch = Partial<Omit<ParticipantInput, 'person_id'>>;

export interface AgendaItemInput {
  title: string;
  presenter?: string | null;
  duration_minutes?: number | null;
  chantier_id?: string | null;
  /** Its chantier becomes the item's when chantier_id is not given. */
  action_id?: string | null;
  notes?: string | null;
}

export type AgendaItemPatch = Partial<AgendaItemInput>;

export interface EntryInput {
  kind: EntryKind;
  text: string;
}

export interface ActionItemInput {
  kind: ActionItemKind;
  /** For 'suivi': the action followed up (required). */
  action_id?: string | null;
  /** Required for 'nouvelle'; for 'suivi', the action's title by default. */
  title?: string;
  responsable_id?: string | null;
  due_date?: string | null;
  /** For 'nouvelle': default the item's chantier, or the meeting's only chantier. */
  chantier_id?: string | null;
  /** The statut the action takes at validation. */
  status?: ActionStatus | null;
}

export type ActionItemPatch = Partial<Omit<ActionItemInput, 'kind'>>;

/** What keeps minutes from being sent or validated, or an action à mener from being complete. */
export interface ValidationProblem {
  /** The row at fault (an action à mener…). */
  rowId: string;
  field: string;
  message: string;
}

export interface PersonRef {
  id: string;
  name: string;
  function: string | null;
  partner_id: string;
  partner_short_name: string | null;
}

export interface ChantierRef {
  id: string;
  number: number;
  title: string;
}

export interface MeetingRef {
  id: string;
  type: MeetingType;
  /** Its own title, or its type and date ("CODIRI du 15 mars 2027"). */
  title: string;
  date: string;
  version: number;
  validation_status: MinutesStatus;
}

export interface MeetingRow extends MeetingRef {
  start_time: string;
  duration_minutes: number;
  /** HH:MM; end_date differs from date when the meeting ends after midnight. */
  end_time: string;
  end_date: string;
  place: string | null;
  chantier_ids: string[];
  previous_version_id: string | null;
  sent_on: string | null;
  validated_on: string | null;
  /** For minutes sent for validation: the day silence validates them. */
  tacit_validation_on: string | null;
  participant_count: number;
  decision_count: number;
  action_item_count: number;
  /** False for a version an amendment replaced. */
  latest: boolean;
}

export interface MeetingQuery {
  types?: MeetingType[];
  /** Meetings concerning this chantier. */
  chantierId?: string;
  /** From today on (soonest first), or before today (latest first); default every date, latest first. */
  when?: 'upcoming' | 'past';
  statuses?: MinutesStatus[];
  /** Also the versions an amendment replaced. */
  allVersions?: boolean;
}

export interface ParticipantView {
  id: string;
  /** Null for a guest. */
  person_id: string | null;
  name: string;
  function: string | null;
  /** The partner's name for a person, the guest's organisation otherwise. */
  organisation: string | null;
  /** The person's partner; null for a guest. */
  partner_id: string | null;
  attendance: Attendance;
  represented_by: string | null;
}

export interface EntryView {
  id: string;
  kind: EntryKind;
  text: string;
  position: number;
  /** A décision's number in the minutes (1, 2… across the items, in agenda order); null for an information. */
  number: number | null;
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

export interface ActionItemView {
  id: string;
  agenda_item_id: string;
  kind: ActionItemKind;
  title: string;
  position: number;
  /** The action followed up, or the one created at validation. */
  action: TrackedActionRef | null;
  responsable: PersonRef | null;
  due_date: string | null;
  chantier_id: string | null;
  status: ActionStatus | null;
  /** What must be filled in before the minutes can be validated. */
  problems: ValidationProblem[];
}

export interface AgendaItemView {
  id: string;
  /** 1, 2… in agenda order. */
  number: number;
  position: number;
  title: string;
  presenter: string | null;
  duration_minutes: number | null;
  /** Planned start, HH:MM, from the meeting's start and the durations of the items before. */
  planned_start: string;
  chantier: ChantierRef | null;
  action: { id: string; title: string } | null;
  notes: string | null;
  entries: EntryView[];
  action_items: ActionItemView[];
}

export interface AgendaTiming {
  meeting_minutes: number;
  planned_minutes: number;
  items_without_duration: number;
  exceeds: boolean;
  over_by_minutes: number;
  meeting_end_time: string;
  planned_end_time: string;
  /** The French warning to show when the ordre du jour exceeds the meeting, else null. */
  warning: string | null;
}

export interface FollowUpLine {
  /** The action à mener of the previous minutes. */
  action_item_id: string;
  action_id: string | null;
  title: string;
  responsable: PersonRef | null;
  /** The action's échéance (its end date), or the one the previous minutes gave. */
  due_date: string | null;
  status: ActionStatus | null;
  progress: number | null;
  late: boolean;
  comment: string | null;
  /** No tracked action yet: the previous minutes are not validated. */
  pending: boolean;
}

export interface FollowUp {
  previous: MeetingRef | null;
  /** Frozen when these minutes were validated; live (current statuts) before. */
  frozen: boolean;
  lines: FollowUpLine[];
}

export interface CodiriProposal {
  /** About six months after the last CODIRI (its "prochaine réunion" if it named one), on a weekday; null before the first CODIRI. */
  date: string | null;
  /** The CODIRI it follows, if any. */
  after: MeetingRef | null;
  /** The partner holding the secretariat this time: the next one, by position, after the last CODIRI's. */
  secretariat_partner_id: string | null;
  secretariat_partner_name: string | null;
}

export interface MeetingDetail extends MeetingRow {
  /** Its own title, if any (MeetingRef.title names it in every case). */
  own_title: string | null;
  chantiers: ChantierRef[];
  president: PersonRef | null;
  secretary: PersonRef | null;
  secretariat: Partner | null;
  validated_by: PersonRef | null;
  diffusion: string[];
  next_meeting_date: string | null;
  amendment_reason: string | null;
  participants: ParticipantView[];
  agenda: AgendaItemView[];
  timing: AgendaTiming;
  follow_up: FollowUp;
  /** Every version of these minutes, oldest first, this one included. */
  versions: MeetingRef[];
  /** The amendment that replaced this version, if any. */
  superseded_by: MeetingRef | null;
  /** Validated minutes refuse every edit. */
  read_only: boolean;
  /** The project's delay of tacit validation, in days. */
  silence_days: number;
  /** What keeps these minutes from being sent or validated. */
  problems: ValidationProblem[];
}

/** A meeting that concerns an action: an item linked to it, an action à mener on it, a line of its suivi. */
export interface ActionMeeting {
  meeting: MeetingRow;
  agenda_items: { id: string; number: number; title: string }[];
  /** The décisions of those items, numbered as in the minutes. */
  decisions: { id: string; number: number; text: string }[];
  action_items: { id: string; kind: ActionItemKind; title: string; due_date: string | null; responsable_name: string | null }[];
  /** Its suivi des actions du précédent compte rendu lists the action. */
  followed_up: boolean;
}

export interface TacitValidationResult {
  /** Minutes validated by silence now. */
  validated: string[];
  /** Minutes whose delay has passed but that cannot be validated yet, and why. */
  blocked: { meetingId: string; message: string }[];
}

/** One meeting as an iCalendar event (calendar/ics.ts). */
export interface CalendarEvent {
  /** Stable across edits and amendments of the minutes. */
  uid: string;
  /** Grows when the date, time, duration or place changes. */
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  categories: string[];
  date: string;
  start_time: string;
  duration_minutes: number;
}

// The printed compte rendu (minutes-document.ts): everything ordered, numbered and labelled.

export interface MinutesPerson {
  name: string;
  function: string | null;
  organisation: string | null;
  /** For a participant représenté·e: by whom. */
  represented_by: string | null;
}

export interface MinutesActionItem {
  /** 1, 2… across the minutes, in agenda order. */
  number: number;
  item_number: number;
  kind: ActionItemKind;
  kind_label: string;
  title: string;
  /** "Claire Martin (Indre-et-Loire)". */
  responsable: string | null;
  due_date: string | null;
  /** "15/06/2027". */
  due_date_label: string | null;
  chantier_label: string | null;
  /** For a follow-up: the statut the action takes. */
  status_label: string | null;
  /** The tracked action (once the minutes are validated, for a new one). */
  action_id: string | null;
}

export interface MinutesDocument {
  layout: MinutesLayout;
  /** "Compte rendu" or "Relevé de décisions". */
  layout_label: string;
  /** "Compte rendu — CODIRI du 15 mars 2027", or with the meeting's own title. */
  heading: string;
  project_name: string;
  /** Every partner, by position (both Départements). */
  partners: { id: string; code: string; name: string; short_name: string }[];
  /** "Département d'Indre-et-Loire – Département de Loir-et-Cher". */
  organisations: string;
  meeting: {
    id: string;
    type: MeetingType;
    type_label: string;
    title: string;
    date: string;
    /** "lundi 15 mars 2027". */
    date_label: string;
    start_time: string;
    end_time: string;
    /** "de 9 h 30 à 12 h". */
    time_label: string;
    /** "2 h 30". */
    duration_label: string;
    place: string | null;
    chantiers: { number: number; title: string; label: string }[];
  };
  president: MinutesPerson | null;
  secretary: MinutesPerson | null;
  /** The partner holding the secretariat, by name. */
  secretariat: string | null;
  version: {
    number: number;
    /** "Version 2, modifiant le compte rendu validé le 4 avril 2027" (null for a first version). */
    label: string | null;
    amendment_reason: string | null;
    previous_id: string | null;
  };
  validation: {
    status: MinutesStatus;
    status_label: string;
    /** Where the minutes stand, as a sentence for the foot of the page. */
    sentence: string;
    /** Not validated yet: print as a draft ("Projet"). */
    draft: boolean;
    validated_on: string | null;
    validated_by: string | null;
    tacit: boolean;
  };
  attendance: {
    /** Présents, Excusés, Représentés, Absents (empty ones left out); each by partner in position order, then guests by organisation, then "Autres participants". */
    sections: { attendance: Attendance; label: string; count: number; groups: { label: string; people: MinutesPerson[] }[] }[];
    counts: Record<Attendance, number>;
  };
  /** The ordre du jour. */
  agenda: { number: number; title: string; presenter: string | null; duration_label: string | null; start_label: string; chantier_label: string | null }[];
  timing: AgendaTiming;
  /** Per item of the ordre du jour; a relevé de décisions leaves out notes (null) and informations ([]). */
  items: {
    number: number;
    title: string;
    presenter: string | null;
    chantier_label: string | null;
    action_label: string | null;
    notes: string | null;
    informations: string[];
    decisions: { number: number; text: string }[];
    actions: MinutesActionItem[];
  }[];
  /** Every décision, in order, with its item. */
  decisions: { number: number; text: string; item_number: number; item_title: string }[];
  /** Every action à mener, in order. */
  actions: MinutesActionItem[];
  follow_up: {
    /** "CODIRI du 15 septembre 2026", or null without a previous meeting. */
    previous_label: string | null;
    lines: {
      title: string;
      responsable: string | null;
      due_date_label: string | null;
      status_label: string;
      progress_label: string | null;
      late: boolean;
      comment: string | null;
    }[];
  };
  next_meeting: { date: string; label: string } | null;
  diffusion: string[];
}

/** The file the CODIRI reads: its minutes (or agenda) and where every chantier stands. */
export interface CodiriDossier {
  minutes: MinutesDocument;
  /** The day statuses and "en retard" are counted for. */
  today: string;
  chantiers: {
    id: string;
    number: number;
    title: string;
    stage: Stage;
    stage_label: string;
    /** 0-100. */
    progress: number;
    actions: number;
    late: number;
    /** Counts by statut label ("En cours": 3…), statuts without action left out. */
    by_status: { status: ActionStatus | 'none'; label: string; count: number }[];
    /** "Indre-et-Loire : Claire Martin". */
    pilots: string[];
  }[];
  totals: { actions: number; late: number; withoutPilot: number; progress: number };
  /** The next CODIRI: date and secretariat. */
  next: CodiriProposal;
}
