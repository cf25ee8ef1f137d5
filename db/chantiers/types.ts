// Chantiers and the dashboard as db/ answers them.
import type { ActionStatus, MeetingType, Stage } from '../../common/vocabulary';
import type { KeyFigures } from './figures';
import type { StatusCounts, PilotRef, ActionRow } from '../actions/types';

export interface ChantierSummary {
  id: string;
  number: number;
  title: string;
  description: string | null;
  stage: Stage;
  pilots: PilotRef[];
  counts: { total: number; late: number; by_status: StatusCounts };
  /** Mean avancement of its actions, 0-100. */
  progress: number;
}

/** The cooperation's actions counted together. */
export interface DashboardTotals {
  actions: number;
  late: number;
  without_pilot: number;
  by_status: StatusCounts;
}

export interface ChantierDetail extends ChantierSummary {
  actions: ActionRow[];
}

export interface ChantierInput {
  number: number;
  title: string;
  description: string | null;
  stage: Stage;
}

export interface ChantierRef {
  id: string;
  number: number;
  title: string;
}

/** A chantier on the Tableau de bord de la coopération: with the day it reached its stage. */
export interface DashboardChantier extends ChantierSummary {
  /** YYYY-MM-DD; null when the stage is the project's starting value. */
  stage_since: string | null;
}

export interface UpcomingDeadline {
  id: string;
  /** « 4.2 ». */
  reference: string;
  title: string;
  status: ActionStatus | null;
  end_date: string;
  chantier_number: number;
}

export interface UpcomingMeeting {
  id: string;
  type: MeetingType;
  /** « CODIRI du 15 mars 2027 », or its own title. */
  title: string;
  /** The title it was given; null when it is named by its type and date. */
  own_title: string | null;
  date: string;
  start_time: string;
}

export interface UnfollowedDecision {
  id: string;
  /** « CODIRI 2027-1 D2 ». */
  reference: string;
  text: string;
  date: string;
  meeting_id: string;
  /** « CODIRI du 5 novembre 2026 »: what the reference stands for, on paper. */
  meeting_title: string;
  /** Its minutes are not validated yet. */
  draft: boolean;
}

/** The key figures' period the dashboard offers: since the start, this year, since the last CODIRI held. */
export type DashboardPeriod = 'all' | 'year' | 'since-codiri';

/** The Tableau de bord de la coopération (db/chantiers/dashboard.ts). */
export interface CooperationDashboard {
  /** The day "en retard" was computed for, YYYY-MM-DD. */
  today: string;
  figures: KeyFigures;
  totals: DashboardTotals;
  chantiers: DashboardChantier[];
  /** Actions not closed due within the next 30 days. */
  deadlines: UpcomingDeadline[];
  meetings: UpcomingMeeting[];
  /** Every meeting, past or to come (the latest version of each). */
  meeting_count: number;
  /** Every décision of the minutes (their latest version), followed up or not. */
  decision_count: number;
  unfollowed_decisions: UnfollowedDecision[];
}
