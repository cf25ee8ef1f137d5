// Chantier summaries (the dashboard's cards) and one chantier's page.
import { refusal } from '../errors';
import type { Store } from '../store/store';
import type { ChantierDetail, ChantierSummary, DashboardTotals } from './types';
import type { StatusCounts } from '../actions/types';
import { ACTION_STATUSES } from '../../common/vocabulary';
import { queryActions } from '../actions/reads';
import { cached } from '../store/statements';
import { byPartnerPosition, COUNTED_PROGRESS_SQL, HAS_PILOT_SQL, LATE_SQL, pilotsSql, today } from '../store/sql';

export const emptyStatusCounts = (): StatusCounts => Object.fromEntries([...ACTION_STATUSES, 'none'].map((status) => [status, 0])) as StatusCounts;

export interface ActionGroup {
  chantier_id: string;
  status: keyof StatusCounts;
  total: number;
  late: number;
  progress: number;
  without_pilot: number;
}

/** Visible actions counted by chantier and status, in one pass over the table. A « Réalisé » action counts as done (100 %), whatever its avancement says. */
export function actionGroups(store: Store, day?: string): ActionGroup[] {
  return cached(
    store,
    `SELECT a.chantier_id, coalesce(a.status, 'none') AS status, count(*) AS total, sum(${LATE_SQL}) AS late,
       sum(${COUNTED_PROGRESS_SQL}) AS progress, sum(NOT ${HAS_PILOT_SQL}) AS without_pilot
     FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0
     WHERE a.deleted = 0 GROUP BY a.chantier_id, coalesce(a.status, 'none')`,
  ).all({ today: today(day) }) as ActionGroup[];
}

/** The summaries of every chantier by number, or of one; `groups` from actionGroups. */
export function chantierSummaries(store: Store, groups: ActionGroup[], id?: string): ChantierSummary[] {
  const rows = cached(
    store,
    `SELECT c.id, c.number, c.title, c.description, c.stage, ${pilotsSql('c.id')} AS pilots
     FROM chantier c WHERE c.deleted = 0 AND (@id IS NULL OR c.id = @id) ORDER BY c.number, c.id`,
  ).all({ id: id ?? null }) as (Omit<ChantierSummary, 'pilots' | 'counts' | 'progress'> & { pilots: string })[];
  const order = byPartnerPosition(store);
  return rows.map((row) => {
    const counts = { total: 0, late: 0, by_status: emptyStatusCounts() };
    let progress = 0;
    for (const group of groups) {
      if (group.chantier_id !== row.id) continue;
      counts.total += group.total;
      counts.late += group.late;
      counts.by_status[group.status] += group.total;
      progress += group.progress;
    }
    return { ...row, pilots: order(JSON.parse(row.pilots)), counts, progress: counts.total ? Math.round(progress / counts.total) : 0 };
  });
}

export function listChantiers(store: Store, day?: string): ChantierSummary[] {
  return chantierSummaries(store, actionGroups(store, day));
}

export function getChantier(store: Store, id: string, day?: string): ChantierDetail {
  const [summary] = chantierSummaries(store, actionGroups(store, day), id);
  if (!summary) throw refusal('not-found', 'chantier', id);
  return { ...summary, actions: queryActions(store, { chantier_ids: [id] }, day) };
}

/** The project's totals over every chantier; `groups` from actionGroups. */
export function dashboardTotals(groups: ActionGroup[]): DashboardTotals {
  const totals = { actions: 0, late: 0, without_pilot: 0, by_status: emptyStatusCounts() };
  for (const group of groups) {
    totals.actions += group.total;
    totals.late += group.late;
    totals.without_pilot += group.without_pilot;
    totals.by_status[group.status] += group.total;
  }
  return totals;
}
