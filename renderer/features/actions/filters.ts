import type { ActionQuery, ActionSortKey } from '../../../preload/contract';
import type { Priority } from '../../../common/vocabulary';
import type { StatusKey } from '../../shared/status';

/** What the filter bar holds; turned into an ActionQuery for the API. */
export interface ActionFilters {
  search: string;
  chantierIds: string[];
  statuses: StatusKey[];
  priorities: Priority[];
  pilotPersonId: string | null;
  partnerId: string | null;
  late: boolean;
  withoutPilot: boolean;
}

export type ActionSort = { by: ActionSortKey; direction: 'asc' | 'desc' };

export const NO_FILTERS: ActionFilters = {
  search: '',
  chantierIds: [],
  statuses: [],
  priorities: [],
  pilotPersonId: null,
  partnerId: null,
  late: false,
  withoutPilot: false,
};

export const DEFAULT_SORT: ActionSort = { by: 'reference', direction: 'asc' };

export function toQuery(filters: ActionFilters, sort: ActionSort): ActionQuery {
  return {
    search: filters.search.trim() || undefined,
    chantier_ids: filters.chantierIds.length ? filters.chantierIds : undefined,
    statuses: filters.statuses.length ? filters.statuses : undefined,
    priorities: filters.priorities.length ? filters.priorities : undefined,
    pilot_person_id: filters.pilotPersonId ?? undefined,
    partner_id: filters.partnerId ?? undefined,
    late: filters.late || undefined,
    without_pilot: filters.withoutPilot || undefined,
    sort,
  };
}

export function hasFilters(filters: ActionFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}
