// Chantiers and the dashboard as db/ answers them.
import type { Stage } from '../../common/vocabulary';
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

export interface Dashboard {
  /** The day "en retard" was computed for, YYYY-MM-DD. */
  today: string;
  chantiers: ChantierSummary[];
  totals: { actions: number; late: number; without_pilot: number; by_status: StatusCounts };
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
