// The list of actions with its filters (one SQL statement) and sort, and one action's page.
import { refusal } from '../errors';
import { ENTITIES } from '../store/schema';
import { toMatchQuery } from '../store/search';
import type { Store } from '../store/store';
import type { ActionDetail, ActionPage, ActionQuery, ActionRow, ActionSortKey, Link, Note, Party, Step } from './types';
import { ACTION_STATUSES, PRIORITIES } from '../../common/vocabulary';
import { cached } from '../store/statements';
import { valueOrderSql } from '../indicators/reads';
import { actionReferences, referenceOf } from './references';
import { byPartnerPosition, COUNTED_PROGRESS_SQL, HAS_PILOT_SQL, LATE_SQL, pilotsSql, today, whereIn } from '../store/sql';

/** A CASE giving each code its rank in the vocabulary's order (NULL for none). */
const rankSql = (column: string, values: readonly string[]) => `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} END`;

/** The reference is not a column: its sort is done afterwards (references.ts). */
const SORT_SQL: Record<Exclude<ActionSortKey, 'reference'>, string> = {
  chantier: 'c.number',
  title: 'a.title_key',
  status: rankSql('a.status', ACTION_STATUSES),
  priority: rankSql('a.priority', PRIORITIES),
  start_date: 'a.start_date',
  end_date: 'a.end_date',
  progress: COUNTED_PROGRESS_SQL,
};

/** By the chosen key, empty values last in both directions, then by chantier, title and id. */
function orderSql(sort: NonNullable<ActionQuery['sort']>): string {
  if (sort.by === 'reference') return 'a.id';
  const primary = SORT_SQL[sort.by];
  return `(${primary}) IS NULL, ${primary} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, c.number, a.title_key, a.id`;
}

// The whole list is built as one JSON text by SQLite: turning 10 000 rows into JS objects
// value by value costs several times more than one JSON.parse.
/** The first indicator the action follows (by name): its latest value and the gap to its target, for the table's optional column. */
const INDICATOR_SQL = `(
  SELECT json_object('name', i.name, 'unit', i.unit, 'target_value', i.target_value, 'latest', v.value, 'latest_date', v.date,
    'gap', iif(v.value IS NULL OR i.target_value IS NULL, NULL, i.target_value - v.value))
  FROM indicator_link l JOIN indicator i ON i.id = l.indicator_id AND i.deleted = 0
  LEFT JOIN indicator_value v ON v.rid = (SELECT v2.rid FROM indicator_value v2 WHERE v2.indicator_id = i.id AND v2.deleted = 0 ORDER BY ${valueOrderSql('v2', 'DESC')} LIMIT 1)
  WHERE l.action_id = a.id AND l.deleted = 0 ORDER BY i.name LIMIT 1)`;

const ROW_JSON = `json_object(
    'id', a.id, 'chantier_id', a.chantier_id, 'chantier_number', c.number, 'chantier_title', c.title, 'title', a.title,
    'status', a.status, 'priority', a.priority, 'start_date', a.start_date, 'end_date', a.end_date,
    'progress', ${COUNTED_PROGRESS_SQL}, 'late', json(iif(${LATE_SQL}, 'true', 'false')), 'pilots', ${pilotsSql('a.id')},
    'indicator', json(${INDICATOR_SQL}), 'to_arbitrate', json(iif(a.to_arbitrate, 'true', 'false')))`;

/** The WHERE clause of a query and its parameters. Filters combine with AND; an empty list filters nothing. */
function filterSql(query: ActionQuery, day?: string): { where: string; params: Record<string, unknown> } {
  const where = ['a.deleted = 0'];
  const params: Record<string, unknown> = { today: today(day) };
  whereIn({ where, params }, 'a.chantier_id', 'chantierIds', query.chantier_ids);
  whereIn({ where, params }, "coalesce(a.status, 'none')", 'statuses', query.statuses);
  whereIn({ where, params }, 'a.priority', 'priorities', query.priorities);
  if (query.pilot_person_id) {
    where.push('EXISTS (SELECT 1 FROM pilot p WHERE p.owner_id = a.id AND p.deleted = 0 AND p.person_id = @pilotPersonId)');
    params.pilotPersonId = query.pilot_person_id;
  }
  if (query.partner_id) {
    where.push('EXISTS (SELECT 1 FROM pilot p WHERE p.owner_id = a.id AND p.deleted = 0 AND p.partner_id = @partnerId AND p.person_id IS NOT NULL)');
    params.partnerId = query.partner_id;
  }
  if (query.late !== undefined) where.push(query.late ? LATE_SQL : `NOT ${LATE_SQL}`);
  if (query.without_pilot !== undefined) where.push(query.without_pilot ? `NOT ${HAS_PILOT_SQL}` : HAS_PILOT_SQL);
  if (query.to_arbitrate !== undefined) where.push(query.to_arbitrate ? 'a.to_arbitrate = 1' : 'coalesce(a.to_arbitrate, 0) = 0');
  const match = query.search ? toMatchQuery(query.search) : null;
  if (match) {
    where.push('a.rid IN (SELECT rowid FROM action_search WHERE action_search MATCH @match)');
    params.match = match;
  }
  return { where: where.join(' AND '), params };
}

const FROM = 'FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0';

const DEFAULT_SORT = { by: 'reference', direction: 'asc' } as const;

/** The ids of a query's actions, in the order of its sort (read from the action_list index, or by reference). */
function orderedIds(store: Store, query: ActionQuery, day?: string): string[] {
  const { where, params } = filterSql(query, day);
  const sort = query.sort ?? DEFAULT_SORT;
  const ids = cached(store, `SELECT a.id ${FROM} WHERE ${where} ORDER BY ${orderSql(sort)}`)
    .pluck()
    .all(params) as string[];
  if (sort.by !== 'reference') return ids;
  const references = actionReferences(store);
  const sign = sort.direction === 'desc' ? -1 : 1;
  return ids.sort((x, y) => sign * (references.get(x)!.order - references.get(y)!.order));
}

/** Full rows of these actions, in this order. */
function rowsOf(store: Store, ids: string[], day?: string): ActionRow[] {
  const rows = JSON.parse(
    cached(store, `SELECT json_group_array(${ROW_JSON}) ${FROM} WHERE a.id IN (SELECT value FROM json_each(@ids))`)
      .pluck()
      .get({ ids: JSON.stringify(ids), today: today(day) }) as string,
  ) as ActionRow[];
  const position = new Map(ids.map((id, index) => [id, index]));
  const sortPilots = byPartnerPosition(store);
  const references = actionReferences(store);
  for (const row of rows) {
    sortPilots(row.pilots);
    row.reference = references.get(row.id)!.reference;
  }
  return rows.sort((x, y) => position.get(x.id)! - position.get(y.id)!);
}

/** Every action of a query, as full rows, sorted (the CLI, a chantier's page). */
export function queryActions(store: Store, query: ActionQuery, day?: string): ActionRow[] {
  return rowsOf(store, orderedIds(store, query, day), day);
}

/** The order of the last query, per store: scrolling asks for other pages of the same order. */
const lastOrder = new WeakMap<Store, { key: string; revision: number; ids: string[] }>();

/** One page of a query, for a virtualised table, and how many actions match. */
export function queryActionPage(store: Store, query: ActionQuery, page: { offset: number; limit: number }, day?: string): ActionPage {
  const key = JSON.stringify([query, today(day)]);
  let order = lastOrder.get(store);
  if (!order || order.key !== key || order.revision !== store.revision) {
    order = { key, revision: store.revision, ids: orderedIds(store, query, day) };
    lastOrder.set(store, order);
  }
  return { total: order.ids.length, offset: page.offset, rows: rowsOf(store, order.ids.slice(page.offset, page.offset + page.limit), day) };
}

const ACTION_FIELDS = Object.keys(ENTITIES.action)
  .map((field) => `a.${field}`)
  .join(', ');

export function getAction(store: Store, id: string, day?: string): ActionDetail {
  const row = cached(
    store,
    `SELECT a.id, ${ACTION_FIELDS}, ${LATE_SQL} AS late, ${pilotsSql('a.id')} AS pilots
     FROM action a WHERE a.id = @id AND a.deleted = 0`,
  ).get({ id, today: today(day) }) as
    | (Omit<ActionDetail, 'late' | 'pilots' | 'finalites' | 'to_arbitrate' | 'reference'> & {
        late: number;
        pilots: string;
        finalites: string | null;
        to_arbitrate: number | null;
      })
    | undefined;
  if (!row) throw refusal('not-found', 'action', id);
  const steps = cached(store, 'SELECT id, label, done, position FROM step WHERE action_id = ? AND deleted = 0 ORDER BY position, id').all(id) as (Omit<
    Step,
    'done'
  > & { done: number })[];
  // Authors are named even once deleted: a note keeps who wrote it.
  const notes = cached(
    store,
    `SELECT n.id, n.date, n.author_id, pe.name AS author_name, n.text
     FROM note n LEFT JOIN person pe ON pe.id = n.author_id
     WHERE n.action_id = ? AND n.deleted = 0 ORDER BY n.date DESC, n.id`,
  ).all(id) as Note[];
  const links = cached(store, 'SELECT id, label, url FROM link WHERE action_id = ? AND deleted = 0 ORDER BY sort_key(label), url, id').all(id) as Link[];
  const parties = cached(
    store,
    'SELECT id, action_id, kind, name, organisation, role FROM action_party WHERE action_id = ? AND deleted = 0 ORDER BY kind, sort_key(name), id',
  ).all(id) as Party[];
  return {
    ...row,
    reference: referenceOf(store, id),
    to_arbitrate: row.to_arbitrate === null ? null : row.to_arbitrate === 1,
    finalites: row.finalites ? JSON.parse(row.finalites) : [],
    late: row.late === 1,
    pilots: byPartnerPosition(store)(JSON.parse(row.pilots)),
    steps: steps.map((step) => ({ ...step, done: step.done === 1 })),
    notes,
    links,
    parties,
  };
}
