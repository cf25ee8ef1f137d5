// The counts behind the key figures (figures.ts): meetings held over a period by type, and
// the chantiers and actions as they stand on a day. The Tableau de bord, `entente figures`
// and the dossier du CODIRI (which prints the Tableau de bord) all read them from here.
import { ACTION_STATUS_LABELS, ACTION_STATUSES, MEETING_TYPES, type ActionStatus, type MeetingType } from '../../common/vocabulary';
import { LATEST_SQL, SHOWN_SQL } from '../meetings/rows';
import { LATE_SQL, openSql } from '../store/sql';
import { cached } from '../store/statements';
import type { Store } from '../store/store';

export interface PeriodCounts {
  meetings: { type: MeetingType; count: number }[];
  chantiers: number;
  actions: number;
  /** Every statut, those without action included; « Sans statut » (`none`) only when some action has none. */
  by_status: { status: ActionStatus | 'none'; label: string; count: number }[];
  late: number;
  to_arbitrate: number;
}

/**
 * The meetings held (shown, latest version of their minutes) from `from` (inclusive; every
 * one without it) to `day` included, by type; the chantiers and the actions on `day`.
 */
export function periodCounts(store: Store, from: string | null, day: string): PeriodCounts {
  const held = new Map(
    cached(
      store,
      `SELECT m.type, count(*) AS count FROM meeting m
       WHERE ${SHOWN_SQL} AND ${LATEST_SQL} AND (@from IS NULL OR m.date >= @from) AND m.date <= @today GROUP BY m.type`,
    )
      .raw()
      .all({ from, today: day }) as [MeetingType, number][],
  );
  const actions = cached(
    store,
    `SELECT coalesce(a.status, 'none') AS status, count(*) AS count, sum(${LATE_SQL}) AS late, sum(a.to_arbitrate = 1 AND ${openSql('a')}) AS to_arbitrate
     FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0 WHERE a.deleted = 0 GROUP BY coalesce(a.status, 'none')`,
  ).all({ today: day }) as { status: ActionStatus | 'none'; count: number; late: number; to_arbitrate: number }[];
  const count = (status: ActionStatus | 'none') => actions.find((group) => group.status === status)?.count ?? 0;
  return {
    meetings: MEETING_TYPES.map((type) => ({ type, count: held.get(type) ?? 0 })),
    chantiers: cached(store, 'SELECT count(*) FROM chantier WHERE deleted = 0').pluck().get() as number,
    actions: actions.reduce((sum, group) => sum + group.count, 0),
    by_status: [...ACTION_STATUSES, ...(count('none') > 0 ? (['none'] as const) : [])].map((status) => ({
      status,
      label: status === 'none' ? 'Sans statut' : ACTION_STATUS_LABELS[status],
      count: count(status),
    })),
    late: actions.reduce((sum, group) => sum + group.late, 0),
    to_arbitrate: actions.reduce((sum, group) => sum + group.to_arbitrate, 0),
  };
}
