// The dashboard: every chantier's summary and the project's totals.
import type { Store } from '../store';
import type { Dashboard } from '../types';
import { actionGroups, chantierSummaries, emptyStatusCounts } from './chantiers';
import { today } from './sql';

export function getDashboard(store: Store, day?: string): Dashboard {
  const date = today(day);
  const groups = actionGroups(store, date);
  const totals = { actions: 0, late: 0, withoutPilot: 0, byStatus: emptyStatusCounts() };
  for (const group of groups) {
    totals.actions += group.total;
    totals.late += group.late;
    totals.withoutPilot += group.without_pilot;
    totals.byStatus[group.status] += group.total;
  }
  return { today: date, chantiers: chantierSummaries(store, groups), totals };
}
