// Indicateurs as the fiche action shows them: each with its series, its latest value and
// the gap to its target; and a chantier's indicators, to follow one from another action.
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { IndicatorValue, IndicatorView } from './types';

const INDICATOR_COLUMNS = 'i.id, i.chantier_id, i.name, i.unit, i.target_value, i.target_date';

/**
 * The order of an indicator's values (aliased `value`): by date, then, for two of the same date,
 * as they were entered — the clock of the change that made the row (its indicator_id, written once).
 */
export const valueOrderSql = (value: string, direction: 'ASC' | 'DESC') => `${value}.date ${direction},
  (SELECT min(made.hlc) FROM live_versions version JOIN changes made ON made.origin = version.origin AND made.seq = version.seq
   WHERE version.entity = 'indicator_value' AND version.row_id = ${value}.id AND version.field = 'indicator_id') ${direction}, ${value}.id ${direction}`;

function view(store: Store, row: Omit<IndicatorView, 'values' | 'latest' | 'gap' | 'shared_with'>, actionId: string | null): IndicatorView {
  const values = cached(
    store,
    `SELECT v.id, v.date, v.value, v.author_id, pe.name AS author_name, v.comment
     FROM indicator_value v LEFT JOIN person pe ON pe.id = v.author_id
     WHERE v.indicator_id = ? AND v.deleted = 0 ORDER BY ${valueOrderSql('v', 'ASC')}`,
  ).all(row.id) as IndicatorValue[];
  const latest = values.at(-1) ?? null;
  const sharedWith = cached(
    store,
    `SELECT a.id, a.title FROM indicator_link l JOIN action a ON a.id = l.action_id
     WHERE l.indicator_id = ? AND l.deleted = 0 AND a.deleted = 0 AND a.id IS NOT ? ORDER BY sort_key(a.title), a.id`,
  ).all(row.id, actionId) as { id: string; title: string }[];
  return {
    ...row,
    values,
    latest,
    gap: latest && row.target_value !== null ? row.target_value - latest.value : null,
    shared_with: sharedWith,
  };
}

/** The indicators an action follows. */
export function actionIndicators(store: Store, actionId: string): IndicatorView[] {
  const rows = cached(
    store,
    `SELECT ${INDICATOR_COLUMNS} FROM indicator_link l JOIN indicator i ON i.id = l.indicator_id
     WHERE l.action_id = ? AND l.deleted = 0 AND i.deleted = 0 ORDER BY sort_key(i.name), i.id`,
  ).all(actionId) as Omit<IndicatorView, 'values' | 'latest' | 'gap' | 'shared_with'>[];
  return rows.map((row) => view(store, row, actionId));
}

/** A chantier's indicators, for an action to follow one of them too. */
export function chantierIndicators(store: Store, chantierId: string): IndicatorView[] {
  const rows = cached(store, `SELECT ${INDICATOR_COLUMNS} FROM indicator i WHERE i.chantier_id = ? AND i.deleted = 0 ORDER BY sort_key(i.name), i.id`).all(
    chantierId,
  ) as Omit<IndicatorView, 'values' | 'latest' | 'gap' | 'shared_with'>[];
  return rows.map((row) => view(store, row, null));
}
