// An action's reference « 4.2 »: its chantier's number, then its own number in the chantier
// (docs/domain.md, « La référence d'une action »). The number is stored (schema 5), but two
// cases are settled when read, the same way on every laptop holding the same changes:
// - an action without one (created before schema 5, or by validated minutes, which every
//   laptop writes alike) takes the number after those of the actions that joined its
//   chantier before it (the clock of their chantier_id): the first ones of the chantier
//   before schema 5, the next one after;
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

/**
 * The numbers actions without one take: in each chantier, in the order its actions joined
 * it, the one after the highest number before them that no action holds as its own (a
 * number given is never pushed into « bis » by one read). Deleted ones count, so that a
 * deletion does not renumber the others. Also gives each chantier's highest number.
 */
function effectiveNumbers(store: Store, rows: NumberedRow[]): { effective: Map<string, number>; joined: Map<string, string>; highest: Map<string, number> } {
  const highest = new Map<string, number>();
  for (const row of rows) if (row.number !== null) highest.set(row.chantier_id, Math.max(highest.get(row.chantier_id) ?? 0, row.number));
  const effective = new Map<string, number>();
  const withUnnumbered = new Set(rows.filter((row) => row.number === null).map((row) => row.chantier_id));
  if (withUnnumbered.size === 0) return { effective, joined: new Map(), highest };
  const walked = rows.filter((row) => withUnnumbered.has(row.chantier_id));
  const given = new Set(walked.filter((row) => row.number !== null).map((row) => `${row.chantier_id} ${row.number}`));
  const joined = clocks(
    store,
    'chantier_id',
    walked.map((row) => row.id),
  );
  const joinedAt = (row: NumberedRow) => joined.get(row.id) ?? '';
  walked.sort((x, y) => compareText(x.chantier_id, y.chantier_id) || compareText(joinedAt(x), joinedAt(y)) || compareText(x.id, y.id));
  let previous: string | null = null;
  let last = 0;
  for (const row of walked) {
    if (row.chantier_id !== previous) last = 0;
    previous = row.chantier_id;
    if (row.number !== null) last = Math.max(last, row.number);
    else {
      do last++;
      while (given.has(`${row.chantier_id} ${last}`));
      effective.set(row.id, last);
    }
    highest.set(row.chantier_id, Math.max(highest.get(row.chantier_id) ?? 0, last));
  }
  return { effective, joined, highest };
}

const ACTIONS_SQL = 'SELECT a.id, a.chantier_id, c.number AS chantier_number, a.number, a.deleted FROM action a JOIN chantier c ON c.id = a.chantier_id';

function compute(store: Store): Map<string, ActionReference> {
  const rows = cached(store, ACTIONS_SQL).all() as NumberedRow[];
  const { effective, joined } = effectiveNumbers(store, rows);
  const clockOf = (row: NumberedRow, clock: Map<string, string>) => clock.get(row.id) ?? '';

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
 * those the actions without one take when read. Read afresh: several actions may be created
 * in one transaction.
 */
export function nextActionNumber(store: Store, chantierId: string): number {
  const rows = cached(store, `${ACTIONS_SQL} WHERE a.chantier_id = ?`).all(chantierId) as NumberedRow[];
  return (effectiveNumbers(store, rows).highest.get(chantierId) ?? 0) + 1;
}
