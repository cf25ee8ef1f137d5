// An action's reference « 4.2 »: its chantier's number, then its own number in the chantier
// (docs/domain.md, « La référence d'une action »). The number is stored (schema 5), but two
// cases are settled when read, the same way on every laptop holding the same changes:
// - actions created before schema 5 have none: they take the first numbers of their
//   chantier, in the order they joined it (the clock of their chantier_id);
// - two laptops creating an action in the same chantier between two syncs give the same
//   number: the first to take it keeps « 4.3 », the next one shows « 4.3 bis », « 4.3 ter »…
import { compareText } from '../store/collation';
import { cached } from '../store/statements';
import type { Store } from '../store/store';

/** The Latin ordinals of a repeated number, as French numbering uses them. */
const REPEATS = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'decies'];

export interface ActionReference {
  /** « 4.2 », « 4.3 bis ». */
  reference: string;
  /** Its rank when actions are sorted by reference (chantier, number, repeat). */
  order: number;
}

interface NumberedRow {
  id: string;
  chantier_id: string;
  chantier_number: number;
  number: number | null;
  deleted: number;
}

interface Clock {
  row_id: string;
  hlc: string;
  origin: string;
  seq: number;
}

/** The clock at which each of these actions wrote this field (the earliest live version if in conflict), as one sortable text. */
function clocks(store: Store, field: 'number' | 'chantier_id', ids: string[]): Map<string, string> {
  const rows = cached(
    store,
    `SELECT l.row_id, c.hlc, l.origin, l.seq FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
     WHERE l.entity = 'action' AND l.field = @field AND l.row_id IN (SELECT value FROM json_each(@ids))`,
  ).all({ field, ids: JSON.stringify(ids) }) as Clock[];
  const byRow = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.hlc} ${row.origin} ${String(row.seq).padStart(12, '0')}`;
    const known = byRow.get(row.row_id);
    if (known === undefined || key < known) byRow.set(row.row_id, key);
  }
  return byRow;
}

function compute(store: Store): Map<string, ActionReference> {
  const rows = cached(
    store,
    'SELECT a.id, a.chantier_id, c.number AS chantier_number, a.number, a.deleted FROM action a JOIN chantier c ON c.id = a.chantier_id',
  ).all() as NumberedRow[];

  // Actions without a number take 1, 2… in their chantier, deleted ones included so that a
  // deletion does not renumber the others.
  const unnumbered = rows.filter((row) => row.number === null);
  const joined = clocks(
    store,
    'chantier_id',
    unnumbered.map((row) => row.id),
  );
  const clockOf = (row: NumberedRow, clock: Map<string, string>) => clock.get(row.id) ?? '';
  unnumbered.sort((x, y) => compareText(x.chantier_id, y.chantier_id) || compareText(clockOf(x, joined), clockOf(y, joined)) || compareText(x.id, y.id));
  const effective = new Map<string, number>();
  let previous: string | null = null;
  let rank = 0;
  for (const row of unnumbered) {
    rank = row.chantier_id === previous ? rank + 1 : 1;
    previous = row.chantier_id;
    effective.set(row.id, rank);
  }

  // Shown actions sharing a number: the first to have taken it keeps it.
  const shown = rows.filter((row) => row.deleted === 0);
  const groups = new Map<string, NumberedRow[]>();
  for (const row of shown) {
    const key = `${row.chantier_id} ${row.number ?? effective.get(row.id)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const shared = [...groups.values()].filter((group) => group.length > 1).flat();
  const took = clocks(
    store,
    'number',
    shared.filter((row) => row.number !== null).map((row) => row.id),
  );
  const takenAt = (row: NumberedRow) => (row.number === null ? clockOf(row, joined) : clockOf(row, took));
  const repeat = new Map<string, number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((x, y) => compareText(takenAt(x), takenAt(y)) || compareText(x.id, y.id));
    group.forEach((row, index) => repeat.set(row.id, index));
  }

  const numberOf = (row: NumberedRow) => row.number ?? effective.get(row.id)!;
  shown.sort(
    (x, y) =>
      x.chantier_number - y.chantier_number ||
      compareText(x.chantier_id, y.chantier_id) ||
      numberOf(x) - numberOf(y) ||
      (repeat.get(x.id) ?? 0) - (repeat.get(y.id) ?? 0),
  );
  return new Map(
    shown.map((row, order) => {
      const index = repeat.get(row.id) ?? 0;
      const suffix = index === 0 ? '' : ` ${REPEATS[index - 1] ?? `(${index + 1})`}`;
      return [row.id, { reference: `${row.chantier_number}.${numberOf(row)}${suffix}`, order }];
    }),
  );
}

/** Computed once per state of the store: every screen listing actions asks for it. */
const computed = new WeakMap<Store, { revision: number; references: Map<string, ActionReference> }>();

/** The reference of every shown action, by id. */
export function actionReferences(store: Store): Map<string, ActionReference> {
  let known = computed.get(store);
  if (!known || known.revision !== store.revision) {
    known = { revision: store.revision, references: compute(store) };
    computed.set(store, known);
  }
  return known.references;
}

/** An action's reference; '' for one deleted or whose chantier is unknown. */
export function referenceOf(store: Store, actionId: string): string {
  return actionReferences(store).get(actionId)?.reference ?? '';
}

/**
 * The next number in a chantier, as this laptop knows it: after the numbers given and after
 * those the actions without one take when read.
 */
export function nextActionNumber(store: Store, chantierId: string): number {
  const row = cached(store, 'SELECT max(number) AS last, count(*) - count(number) AS unnumbered FROM action WHERE chantier_id = ?').get(chantierId) as {
    last: number | null;
    unnumbered: number;
  };
  return Math.max(row.last ?? 0, row.unnumbered) + 1;
}
