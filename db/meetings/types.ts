// Réunions and comptes rendus as db/ answers them (writes.ts, validation.ts, reads.ts).
import type { Authorship } from '../sync/proof';
import type { UnseenEditView } from '../conflicts/types';
import type { ActionItemKind, ActionStatus, Attendance, Civility, EntryKind, MeetingType, MinutesStatus } from '../../common/vocabulary';
import type { Partner, PersonRef } from '../people/types';
import type { TrackedActionRef } from '../actions/types';
import type { ChantierRef } from '../chantiers/types';

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
  /** The point asks the meeting for a decision (the dossier CODIRI's « décisions attendues »). */
  to_arbitrate?: boolean | null;
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
  row_id: string;
  field: string;
  message: string;
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
  /** For minutes sent for validation: the day they were last corrected after their sending, if they were. */
  corrected_on: string | null;
  /** For minutes sent for validation: the day silence validates them (the delay runs from the last correction). */
  tacit_validation_on: string | null;
  participant_count: number;
  decision_count: number;
  action_item_count: number;
  /** False for a version an amendment replaced. */
  latest: boolean;
  /** Validated minutes: how many of their rows were edited where the validation was not yet known (0 otherwise). */
  validation_unseen_count: number;
}

export interface MeetingQuery {
  types?: MeetingType[];
  /** Meetings concerning this chantier. */
  chantier_id?: string;
  /** From today on (soonest first), or before today (latest first); default every date, latest first. */
  when?: 'upcoming' | 'past';
  statuses?: MinutesStatus[];
  /** Also the versions an amendment replaced. */
  all_versions?: boolean;
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
  /** The person's civilité, which the attendance agrees with; null for a guest or without one. */
  civility: Civility | null;
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
  to_arbitrate: boolean;
  entries: EntryView[];
  action_items: ActionItemView[];
}

/** A chantier a point may be linked to, with its actions (agendaLinks). */
export interface AgendaLinkChantier extends ChantierRef {
  /** In the order of their reference (« 4.2 », db/actions/references.ts). */
  actions: { id: string; title: string; reference: string }[];
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
  /** The poste that recorded the validation, and whether its signature holds. */
  validation_proof: Authorship | null;
  /** Edits of validated minutes made elsewhere without the validation's knowledge (meanwhile, by a poste that did not know it yet). */
  validation_unseen: UnseenEditView[];
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
  blocked: { meeting_id: string; message: string }[];
}

/** One meeting as an iCalendar event (ics.ts). */
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

/** The register of décisions' filters (decisions.ts); a filter left out lets everything through. */
export interface DecisionQuery {
  types?: MeetingType[];
  /** The décisions concerning this chantier: their point's chantier, or the meeting's when the point names none. */
  chantier_id?: string;
  /** YYYY-MM-DD, the meeting's date, both bounds included. */
  from?: string;
  to?: string;
  /** Only the décisions followed up (true), or only the others (false). */
  followed?: boolean;
  /** Words each found in the décision, its reference, its meeting's title or its point's title (case and accents ignored). */
  search?: string;
}

/** One décision of the register: the latest version of its minutes, with its stable reference. */
export interface DecisionRow {
  /** The entry's id in the latest version of the minutes. */
  id: string;
  /** « CODIRI 2027-1 D2 » (decisions.ts says what may change it). */
  reference: string;
  /** Its number in the minutes: 1, 2… across the items, in agenda order. */
  number: number;
  text: string;
  meeting: {
    id: string;
    type: MeetingType;
    /** « CODIRI du 15 mars 2027 », or its own title. */
    title: string;
    version: number;
    /** Its rank among the meetings of its type in its year, by date. */
    rank: number;
  };
  /** The meeting's date, YYYY-MM-DD, and as French says it: « 15 mars 2027 ». */
  date: string;
  date_label: string;
  agenda_item: { id: string; number: number; title: string };
  /** Its point's chantier, or the meeting's chantiers when the point names none. */
  chantiers: ChantierRef[];
  minutes_status: MinutesStatus;
  /** Minutes not validated yet: the décision is only a projet. */
  draft: boolean;
  /** Its point has an action à mener linked to an existing action. */
  followed: boolean;
  /** Those actions. */
  follow_up_actions: { id: string; title: string }[];
}
