// SQL pieces shared by the queries.
import { localDate } from '../../common/calendar';
import { cached } from './statements';
import type { Store } from './store';
import type { PilotRef } from '../actions/types';
import { CLOSED_STATUSES } from '../../common/vocabulary';

export const today = (day?: string) => day ?? localDate();

/**
 * A filter `expression IN (values)` added to a query being built, when values are given: the
 * list is one JSON parameter, so that one prepared statement serves every length.
 */
export function whereIn(
  query: { where: string[]; params: Record<string, unknown> },
  expression: string,
  name: string,
  values: readonly string[] | undefined,
): void {
  if (!values?.length) return;
  query.where.push(`${expression} IN (SELECT value FROM json_each(@${name}))`);
  query.params[name] = JSON.stringify(values);
}

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Whether the row aliased `alias` (an action, an action à mener) is still open: neither réalisé nor abandonné. */
export const openSql = (alias: string) => `coalesce(${alias}.status, '') NOT IN (${list(CLOSED_STATUSES)})`;

/** "En retard" for the action aliased `a`, against the parameter @today; 0 or 1, never NULL (NOT must work). */
export const LATE_SQL = `(a.end_date IS NOT NULL AND a.end_date < @today AND ${openSql('a')})`;

/** The avancement of the action aliased `a` as lists and tableaux de bord count it: a « Réalisé » action is done, 100 %, whatever was typed. */
export const COUNTED_PROGRESS_SQL = "iif(a.status = 'realise', 100, coalesce(a.progress, 0))";

/** Whether the action aliased `a` has a pilote naming a person. */
export const HAS_PILOT_SQL =
  'EXISTS (SELECT 1 FROM pilot p JOIN person pe ON pe.id = p.person_id AND pe.deleted = 0 WHERE p.owner_id = a.id AND p.deleted = 0)';

/**
 * The pilotes of an owner (an SQL expression) as a JSON array of PilotRef. Unordered:
 * ordering in SQL costs a sort per row; byPartnerPosition orders them afterwards.
 */
export const pilotsSql = (owner: string) => `(
  SELECT json_group_array(json_object('partner_id', p.partner_id, 'person_id', p.person_id, 'person_name', pe.name, 'services', p.services))
  FROM pilot p LEFT JOIN person pe ON pe.id = p.person_id AND pe.deleted = 0
  WHERE p.owner_id = ${owner} AND p.deleted = 0)`;

/** A function ordering pilot lists (in place) as the partners are listed everywhere: by position. */
export function byPartnerPosition(store: Store): (pilots: PilotRef[]) => PilotRef[] {
  const positions = new Map(cached(store, 'SELECT id, position FROM partner').raw().all() as [string, number][]);
  const rank = (pilot: PilotRef) => positions.get(pilot.partner_id) ?? Number.MAX_SAFE_INTEGER;
  return (pilots) => (pilots.length < 2 ? pilots : pilots.sort((x, y) => rank(x) - rank(y) || (x.partner_id < y.partner_id ? -1 : 1)));
}
