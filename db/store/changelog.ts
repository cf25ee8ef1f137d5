// The change log (docs/sync.md §1, §2): every write is a change, and the tables the screens read are
// derived from the log in the same transaction. Local edits and received changes go
// through the same apply, so replaying the log in any order rebuilds the same tables.
//
// A field's live versions are its changes that no other change supersedes. One live
// version: that is the value. Several with different values: a conflict, every version
// kept; the table shows a deterministic winner (latest clock, then origin) until a user
// writes a value, which supersedes them all.
//
// Deleting a row writes the field `deleted` with the version vector the deleting replica
// had; a live edit of that row it had not seen, or of a row that goes with it (a note of a
// deleted action: store/dependents.ts), or a concurrent restore, keeps the row visible, as
// a conflict.
import type Database from 'better-sqlite3';
import { refusal } from '../errors';
import { DEPENDENCES_OF, DEPENDENTS_OF } from './dependents';
import type { RevocationBounds } from './revocations';
import { BOOKKEEPING_FIELDS, BOOLEAN_FIELDS, fieldSchema, JSON_FIELDS, isEntityName, type EntityName } from './schema';

export type VersionRef = [origin: string, seq: number];

export interface Change {
  origin: string;
  seq: number;
  hlc: string;
  entity: string;
  rowId: string;
  field: string;
  /** JSON text of the value. */
  value: string;
  /** The versions of this field this change replaces, as seen by its author. */
  supersedes: VersionRef[];
  /** Its origin's hash chain at this change, where the log keeps it (store/chain.ts: one change in CHAIN_KEPT_EVERY); null or absent elsewhere. */
  chain?: string | null;
}

export interface DeleteMark {
  vv: Record<string, number>;
}

interface LiveVersion {
  origin: string;
  seq: number;
  hlc: string;
  value: string;
}

export function isDeleteMark(value: unknown): value is DeleteMark {
  return typeof value === 'object' && value !== null && 'vv' in value;
}

/** The order of liveOfField: latest clock first, then origin (as SQLite compares these ASCII texts). */
function latestFirst(a: LiveVersion, b: LiveVersion): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? 1 : -1;
  return a.origin < b.origin ? 1 : a.origin > b.origin ? -1 : 0;
}

/** What an apply changed, kept across its chunks. */
interface Batch {
  /** The rows changed, in order of first change, found by entity then id. */
  rows: ChangedRow[];
  rowsByEntity: Map<string, Map<string, ChangedRow>>;
  /** Versions made live by a chunk and superseded by a later one. */
  dropped: Versions;
  /** Every change the batch wrote to the log. */
  written: Versions;
  /** The rows named by superseded versions of the fields that say which row a row goes with. */
  left: RowRef[];
}

/** A row, by its table and id. */
export interface RowRef {
  entity: EntityName;
  rowId: string;
}

/** A live version of a field of a given row. */
export type RowVersion = LiveVersion & RowRef & { field: string };

/** A row with live versions something had not seen (a delete, a validation), each version marked. */
export interface UnseenRow extends RowRef {
  versions: (RowVersion & { seen: boolean })[];
}

/** These versions grouped by row, each marked by `seen`: the rows with at least one not seen. */
function unseenRows(versions: RowVersion[], seen: (version: RowVersion) => boolean): UnseenRow[] {
  const rows = new Map<string, UnseenRow>();
  for (const version of versions) {
    const key = `${version.entity}\u0000${version.rowId}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { entity: version.entity, rowId: version.rowId, versions: [] }));
    row.versions.push({ ...version, seen: seen(version) });
  }
  return [...rows.values()].filter((row) => row.versions.some((version) => !version.seen));
}

interface ChangedRow {
  entity: EntityName;
  rowId: string;
  /** The fields changed. */
  fields: Set<string>;
  /** The live versions added. */
  added: Change[];
  /**
   * The versions its changes replaced that the batch had not written then: if one of them is
   * not the batch's once every chunk is in, the row is surely not new.
   */
  replaced: VersionRef[];
}

function groupByField(versions: (LiveVersion & { field: string })[]): Map<string, LiveVersion[]> {
  const byField = new Map<string, LiveVersion[]>();
  for (const version of versions) {
    const same = byField.get(version.field);
    if (same) same.push(version);
    else byField.set(version.field, [version]);
  }
  for (const same of byField.values()) if (same.length > 1) same.sort(latestFirst);
  return byField;
}

/**
 * A row's derived columns for the given fields, from all its live versions by field (each
 * latest first), and whether each of them is in conflict; `dependents` gives the live
 * versions of the rows that go with it, read only if a delete is to hide it (none given:
 * they are weighed once the batch is derived, by refreshDeletedAbove).
 */
function derive(
  byField: Map<string, LiveVersion[]>,
  fields: Set<string>,
  dependents: () => LiveVersion[] = () => [],
): { columns: string[]; values: unknown[]; conflicts: Map<string, boolean> } {
  const columns: string[] = [];
  const values: unknown[] = [];
  const conflicts = new Map<string, boolean>();
  for (const field of fields) {
    if (field === 'deleted') continue;
    const live = byField.get(field) ?? [];
    if (live[0]) {
      columns.push(field);
      values.push(toColumn(field, live[0].value));
    }
    conflicts.set(field, live.length > 1 && !BOOKKEEPING_FIELDS.has(field) && new Set(live.map((version) => version.value)).size > 1);
  }
  const deletions = byField.get('deleted') ?? [];
  if (deletions.length > 0 || fields.has('deleted')) {
    const hidden = isHidden(deletions, byField, dependents);
    columns.push('deleted');
    values.push(hidden ? 1 : 0);
    // A live delete on a row still shown: deleted here, edited or restored elsewhere.
    conflicts.set('deleted', !hidden && deletions.some((deletion) => isDeleteMark(JSON.parse(deletion.value))));
  }
  return { columns, values, conflicts };
}

/**
 * Hidden when every live `deleted` version is a delete, and every live edit of the row, and
 * of the rows that go with it, was seen by one of them. A concurrent restore or edit keeps
 * the row visible, whatever the clocks say: in doubt nothing disappears, and the row shows
 * as in conflict.
 */
function isHidden(deletions: LiveVersion[], byField: Map<string, LiveVersion[]>, dependents: () => LiveVersion[]): boolean {
  const marks = deletions.map((deletion) => JSON.parse(deletion.value) as unknown);
  if (marks.length === 0 || !marks.every(isDeleteMark)) return false;
  const seen = (edit: LiveVersion) => marks.some((mark) => edit.seq <= (mark.vv[edit.origin] ?? 0));
  for (const [field, edits] of byField) {
    if (field === 'deleted') continue;
    if (!edits.every(seen)) return false;
  }
  return dependents().every(seen);
}

/** How a field's JSON value is stored in its derived column. */
function toColumn(field: string, json: string): unknown {
  const value = JSON.parse(json) as unknown;
  if (JSON_FIELDS.has(field)) return value === null ? null : JSON.stringify(value);
  if (BOOLEAN_FIELDS.has(field)) return value ? 1 : 0;
  return value;
}

/**
 * Changes written to the log together: a version superseded within its chunk never enters
 * live_versions. Bounded so that a caller consuming a long iterable (a progress report)
 * still sees it move.
 */
const CHUNK = 20_000;

/** Beyond this many runs of an origin, its seqs are kept in a set. */
const MAX_RUNS = 8;

/** An origin's seqs: runs of consecutive integers [from, to], as they mostly come, or a set. */
interface Seqs {
  runs: [from: number, to: number][];
  set?: Set<number>;
  lowest: number;
  highest: number;
}

/**
 * Sets of versions, by origin then seq. Seqs mostly come in runs, kept as such: a set of
 * 100,000 numbers grows and rehashes for as long as a file is applied.
 */
class Versions {
  private readonly byOrigin = new Map<string, Seqs>();

  add(origin: string, seq: number): void {
    const seqs = this.byOrigin.get(origin);
    if (!seqs) {
      this.byOrigin.set(
        origin,
        Number.isInteger(seq) ? { runs: [[seq, seq]], lowest: seq, highest: seq } : { runs: [], set: new Set([seq]), lowest: seq, highest: seq },
      );
      return;
    }
    if (seq < seqs.lowest) seqs.lowest = seq;
    if (seq > seqs.highest) seqs.highest = seq;
    const last = seqs.runs[seqs.runs.length - 1];
    if (seqs.set) seqs.set.add(seq);
    else if (last && seq === last[1] + 1) last[1] = seq;
    else if (has(seqs, seq)) return;
    else if (Number.isInteger(seq) && seqs.runs.length < MAX_RUNS) seqs.runs.push([seq, seq]);
    else {
      seqs.set = new Set([seq]);
      for (const [from, to] of seqs.runs) for (let n = from; n <= to; n++) seqs.set.add(n);
      seqs.runs = [];
    }
  }

  has(origin: string, seq: number): boolean {
    const seqs = this.byOrigin.get(origin);
    return seqs !== undefined && has(seqs, seq);
  }

  /** Each origin, with its lowest and highest seq. */
  *bounds(): IterableIterator<[origin: string, lowest: number, highest: number]> {
    for (const [origin, seqs] of this.byOrigin) yield [origin, seqs.lowest, seqs.highest];
  }
}

function has(seqs: Seqs, seq: number): boolean {
  if (seqs.set) return seqs.set.has(seq);
  for (const [from, to] of seqs.runs) if (seq >= from && seq <= to) return true;
  return false;
}

/**
 * Changes as runs of consecutive integer seqs of one origin, as files list them: the log
 * holds no other seq of that origin from `from` to `to` than theirs (its key is (origin, seq)).
 */
function consecutiveRuns(changes: Change[]): { origin: string; from: number; to: number }[] {
  const runs: { origin: string; from: number; to: number }[] = [];
  let last: { origin: string; from: number; to: number } | undefined;
  for (const { origin, seq } of changes) {
    if (!Number.isInteger(seq)) continue;
    if (last && last.origin === origin && last.to === seq - 1) last.to = seq;
    else runs.push((last = { origin, from: seq, to: seq }));
  }
  return runs;
}

/** A change of an entity and a field this version knows; the others are kept in the log (and relayed), shown nowhere. */
function isShown(change: Change): boolean {
  return isEntityName(change.entity) && (change.field === 'deleted' || fieldSchema(change.entity, change.field) !== undefined);
}

/** The rows named by these JSON values of a field that says which row a row goes with (store/dependents.ts). */
function namedBy(entity: string, field: string, values: string[]): RowRef[] {
  const dependence = DEPENDENCES_OF.get(entity as EntityName)?.find((candidate) => candidate.field === field);
  if (!dependence) return [];
  return values.flatMap((json) => {
    const id = JSON.parse(json) as unknown;
    return typeof id === 'string' && id !== '' ? dependence.on.map((table) => ({ entity: table, rowId: id })) : [];
  });
}

/** Up to this many changed fields, a row's live versions are read field by field rather than whole. */
const FIELDS_READ_ONE_BY_ONE = 3;

/** Rows written by one statement: one call into SQLite for many rows, rather than one per row. */
const BATCH_ROWS = 200;
const CHANGE_COLUMNS = ['origin', 'seq', 'hlc', 'entity', 'row_id', 'field', 'value', 'supersedes', 'chain'];
const LIVE_COLUMNS = ['entity', 'row_id', 'field', 'origin', 'seq'];
const SUPERSEDED_COLUMNS = ['origin', 'seq'];

interface Inserter {
  add(...values: unknown[]): void;
  /** Writes the rows added so far. */
  flush(): void;
}

/** The log of one connection: writes changes, derives the tables from their live versions, and answers what is live. */
export class ChangeLog {
  private readonly statements;
  /** Revoked origins and the last of their changes that counts (store/revocations.ts); this replica's own always count here. */
  revoked: RevocationBounds = new Map();
  ownOrigin: string | undefined;
  private readonly rowStatements = new Map<string, Database.Statement>();
  private readonly insertStatements = new Map<string, Database.Statement>();
  /** The rows each `entity.field` changed in this transaction, for the data derived beyond their table (search index). */
  readonly touched = new Map<string, Set<string>>();

  constructor(readonly db: Database.Database) {
    this.statements = {
      heldIn: db.prepare('SELECT seq FROM changes WHERE origin = ? AND seq BETWEEN ? AND ?').pluck(),
      heldAt: db.prepare('SELECT 1 FROM changes WHERE origin = ? AND seq = ?').pluck(),
      dropLive: db.prepare('DELETE FROM live_versions WHERE entity = ? AND row_id = ? AND field = ? AND origin = ? AND seq = ?'),
      supersededIn: db.prepare('SELECT seq FROM superseded WHERE origin = ? AND seq BETWEEN ? AND ?').pluck(),
      dropMark: db.prepare('DELETE FROM superseded WHERE origin = ? AND seq = ?'),
      // In the table's key order: each page of its b-tree is then visited once per run, not once per row.
      // The run's versions already superseded are named by a JSON list of their seqs.
      copyLive: db.prepare(
        `INSERT INTO live_versions (entity, row_id, field, origin, seq)
         SELECT entity, row_id, field, origin, seq FROM changes
         WHERE origin = ? AND seq BETWEEN ? AND ? AND typeof(seq) = 'integer' AND seq NOT IN (SELECT value FROM json_each(?))
         ORDER BY entity, row_id, field, origin, seq`,
      ),
      liveOfField: db.prepare(
        `SELECT l.origin, l.seq, c.hlc, c.value FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
         WHERE l.entity = ? AND l.row_id = ? AND l.field = ? ORDER BY c.hlc DESC, l.origin DESC`,
      ),
      liveOfRow: db.prepare(
        `SELECT l.field, l.origin, l.seq, c.hlc, c.value FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
         WHERE l.entity = ? AND l.row_id = ?`,
      ),
      liveOfFieldUnordered: db.prepare(
        `SELECT l.field, l.origin, l.seq, c.hlc, c.value FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
         WHERE l.entity = ? AND l.row_id = ? AND l.field = ?`,
      ),
      vvOf: db.prepare('SELECT seq FROM version_vector WHERE origin = ?').pluck(),
      setVv: db.prepare('INSERT OR REPLACE INTO version_vector (origin, seq) VALUES (?, ?)'),
      seqsAfter: db.prepare('SELECT seq FROM changes WHERE origin = ? AND seq > ? ORDER BY seq').pluck(),
      known: db.prepare('SELECT hlc, entity, row_id, field, value FROM changes WHERE origin = ? AND seq = ?'),
      versionKey: db.prepare('SELECT entity, row_id, field, value FROM changes WHERE origin = ? AND seq = ?'),
      conflictsOfRow: db.prepare('SELECT field FROM conflict_fields WHERE entity = ? AND row_id = ?').pluck(),
      addConflict: db.prepare('INSERT OR IGNORE INTO conflict_fields (entity, row_id, field) VALUES (?, ?, ?)'),
      dropConflict: db.prepare('DELETE FROM conflict_fields WHERE entity = ? AND row_id = ? AND field = ?'),
    };
  }

  /** Applies one change; false if the log already held it (idempotence). */
  applyChange(change: Change): boolean {
    return this.apply([change]).length === 1;
  }

  /**
   * Applies changes in their order; returns those the log did not hold yet. The result is
   * the same as applying them one by one: live versions, superseded versions, derived rows
   * and conflicts depend only on which changes the log holds, not on their order. So the
   * log is written by chunks, and each derived row changed is refreshed once, at the end.
   */
  apply(changes: Iterable<Change>): Change[] {
    const fresh: Change[] = [];
    const batch: Batch = { rows: [], rowsByEntity: new Map(), dropped: new Versions(), written: new Versions(), left: [] };
    let chunk: Change[] = [];
    for (const change of changes) {
      chunk.push(change);
      if (chunk.length === CHUNK) {
        this.applyChunk(chunk, fresh, batch);
        chunk = [];
      }
    }
    if (chunk.length > 0) this.applyChunk(chunk, fresh, batch);
    // The rows the changed ones go with, and went with, may be hidden or shown by them now.
    // A row that changes which row it goes with: the one it left may be hidden again.
    this.refreshDeletedAbove([...batch.left, ...batch.rows.flatMap((row) => this.refreshRow(row, batch))]);
    return fresh;
  }

  private applyChunk(chunk: Change[], fresh: Change[], batch: Batch): void {
    const s = this.statements;
    const inserted = new Versions();
    const shown: Change[] = [];
    const held = this.heldAmong(chunk);
    const log = this.inserter('changes', CHANGE_COLUMNS);
    for (const change of chunk) {
      if (held.has(change.origin, change.seq) || inserted.has(change.origin, change.seq)) {
        // Held already, or twice in this chunk: compared with the log, once what precedes it is written.
        log.flush();
        this.checkSameAsKnown(change);
        continue;
      }
      log.add(
        change.origin,
        change.seq,
        change.hlc,
        change.entity,
        change.rowId,
        change.field,
        change.value,
        change.supersedes.length === 0 ? '[]' : JSON.stringify(change.supersedes),
        change.chain ?? null,
      );
      fresh.push(change);
      inserted.add(change.origin, change.seq);
      batch.written.add(change.origin, change.seq);
      if (isShown(change) && !this.isRevoked(change)) shown.push(change);
    }
    log.flush();
    for (const [origin] of inserted.bounds()) this.advanceVersionVector(origin, inserted);

    // Versions of this chunk are not live yet: superseding one needs no delete. A version not
    // in the log yet is marked, so that it arrives superseded (out-of-order delivery).
    const superseded = new Versions();
    const marks = this.inserter('superseded', SUPERSEDED_COLUMNS);
    for (const change of shown) {
      for (const [origin, seq] of change.supersedes) {
        if (inserted.has(origin, seq)) {
          superseded.add(origin, seq);
          continue;
        }
        // live_versions is keyed by what it is read by: the superseded version's key is in the log.
        const version = s.versionKey.get(origin, seq) as { entity: string; row_id: string; field: string; value: string } | undefined;
        if (version) {
          s.dropLive.run(version.entity, version.row_id, version.field, origin, seq);
          batch.left.push(...namedBy(version.entity, version.field, [version.value]));
        } else marks.add(origin, seq);
        batch.dropped.add(origin, seq);
      }
    }
    marks.flush();
    // The new versions but those already superseded: by this chunk, or marked before they arrived (then no longer marked).
    this.takeMarks(inserted, superseded);
    // Copied by SQLite from the log just written, run by run of consecutive seqs (the runs of
    // shown changes: none held before, none without effect), rather than bound again from here.
    for (const run of consecutiveRuns(shown)) {
      const excluded: number[] = [];
      for (let seq = run.from; seq <= run.to; seq++) if (superseded.has(run.origin, seq)) excluded.push(seq);
      s.copyLive.run(run.origin, run.from, run.to, JSON.stringify(excluded));
    }
    // A seq that is not an integer is in no run.
    const liveRows = this.inserter('live_versions', LIVE_COLUMNS);
    for (const change of shown) {
      if (!Number.isInteger(change.seq) && !superseded.has(change.origin, change.seq)) {
        liveRows.add(change.entity, change.rowId, change.field, change.origin, change.seq);
      }
    }
    liveRows.flush();
    const { rows, rowsByEntity } = batch;
    const touchedByEntity = new Map<string, Map<string, Set<string>>>();
    for (const change of shown) {
      const live = !superseded.has(change.origin, change.seq);
      let byId = rowsByEntity.get(change.entity);
      if (!byId) rowsByEntity.set(change.entity, (byId = new Map()));
      let row = byId.get(change.rowId);
      if (!row) {
        byId.set(change.rowId, (row = { entity: change.entity as EntityName, rowId: change.rowId, fields: new Set(), added: [], replaced: [] }));
        rows.push(row);
      }
      row.fields.add(change.field);
      for (const version of change.supersedes) if (!batch.written.has(...version)) row.replaced.push(version);
      if (live) row.added.push(change);

      let touchedByField = touchedByEntity.get(change.entity);
      if (!touchedByField) touchedByEntity.set(change.entity, (touchedByField = new Map()));
      let touched = touchedByField.get(change.field);
      if (!touched) {
        const key = `${change.entity}.${change.field}`;
        touched = this.touched.get(key);
        if (!touched) this.touched.set(key, (touched = new Set()));
        touchedByField.set(change.field, touched);
      }
      touched.add(change.rowId);
    }
  }

  /** Which of these changes the log holds already: a range read per run of consecutive seqs, a lookup for a seq that is not an integer. */
  private heldAmong(chunk: Change[]): Versions {
    const held = new Versions();
    for (const run of consecutiveRuns(chunk)) {
      for (const seq of this.statements.heldIn.all(run.origin, run.from, run.to) as number[]) held.add(run.origin, seq);
    }
    for (const change of chunk) {
      if (!Number.isInteger(change.seq) && this.statements.heldAt.get(change.origin, change.seq) !== undefined) held.add(change.origin, change.seq);
    }
    return held;
  }

  /** Rows of `table` gathered and written BATCH_ROWS at a time (a version superseded twice is marked once). */
  private inserter(table: 'changes' | 'live_versions' | 'superseded', columns: string[]): Inserter {
    const values: unknown[] = [];
    const flush = () => {
      if (values.length === 0) return;
      const rows = values.length / columns.length;
      const key = `${table} ${rows}`;
      let statement = this.insertStatements.get(key);
      if (!statement) {
        const row = `(?${', ?'.repeat(columns.length - 1)})`;
        const verb = table === 'superseded' ? 'INSERT OR IGNORE' : 'INSERT';
        statement = this.db.prepare(`${verb} INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(rows).fill(row).join(', ')}`);
        this.insertStatements.set(key, statement);
      }
      statement.run(values);
      values.length = 0;
    };
    return {
      add: (...row) => {
        for (const value of row) values.push(value);
        if (values.length === BATCH_ROWS * columns.length) flush();
      },
      flush,
    };
  }

  /** A change of a revoked poste after its revocation: kept in the log, without effect. */
  isRevoked(change: Change): boolean {
    const bound = this.revoked.get(change.origin);
    return bound !== undefined && change.seq > bound && change.origin !== this.ownOrigin;
  }

  /**
   * A change already in the log must arrive identical: two different changes under one
   * (origin, seq) mean a copied data folder, and keeping either silently would lose the other.
   */
  private checkSameAsKnown(change: Change): void {
    const known = this.statements.known.get(change.origin, change.seq) as { hlc: string; entity: string; row_id: string; field: string; value: string };
    if (
      known.hlc === change.hlc &&
      known.entity === change.entity &&
      known.row_id === change.rowId &&
      known.field === change.field &&
      known.value === change.value
    )
      return;
    throw refusal('diverging-replica', change.origin, change.seq);
  }

  liveVersions(entity: string, rowId: string, field: string): LiveVersion[] {
    return this.statements.liveOfField.all(entity, rowId, field) as LiveVersion[];
  }

  /**
   * Adds to `superseded` those of these versions, just written to the log, that a change
   * received before them superseded (out-of-order delivery), and drops their marks: the
   * table marks only versions not in the log. One range read per origin: a chunk's versions
   * of an origin are usually consecutive.
   */
  private takeMarks(versions: Versions, superseded: Versions): void {
    for (const [origin, from, to] of versions.bounds()) {
      for (const seq of this.statements.supersededIn.all(origin, from, to) as number[]) {
        if (!versions.has(origin, seq)) continue;
        superseded.add(origin, seq);
        this.statements.dropMark.run(origin, seq);
      }
    }
  }

  /**
   * Derives the changed fields of a row from its live versions: the value shown (the latest
   * live version), whether it is in conflict, and whether the row is hidden by a delete.
   * Returns the rows to look at once the batch is derived (refreshDeletedAbove): those it
   * goes with (store/dependents.ts), before and after, and itself if rows may go with it.
   */
  private refreshRow(row: ChangedRow, { written, dropped }: Batch): RowRef[] {
    const { entity, rowId, fields } = row;
    // Rows that go with this one may be in this batch, not derived yet: a delete that its own
    // fields leave hiding it is weighed against them once the batch is derived, once.
    const hasDependents = DEPENDENTS_OF.has(entity);
    const self = hasDependents ? [{ entity, rowId }] : [];
    // A row created by this batch (fields written, none replaced but by the batch itself) has
    // all its live versions in hand, those the batch added and did not supersede: if the
    // INSERT goes in, the row was new, and there was nothing else to read. Every row with a
    // live version exists in its table, so a wrong guess costs one probe.
    if (row.replaced.every((version) => written.has(...version))) {
      const derived = derive(groupByField(row.added.filter((version) => !dropped.has(version.origin, version.seq))), fields);
      if (derived.columns.length > 0 && this.insertRow(entity, derived.columns).run(rowId, ...derived.values).changes === 1) {
        for (const [field, inConflict] of derived.conflicts) if (inConflict) this.statements.addConflict.run(entity, rowId, field);
        return [...self, ...this.dependedOn(entity, rowId, derived)];
      }
    }
    const derived = derive(this.liveOfChanged(entity, rowId, fields), fields);
    if (derived.columns.length > 0) this.upsert(entity, derived.columns).run(rowId, ...derived.values);
    this.markConflicts(entity, rowId, derived.conflicts);
    return [...self, ...this.dependedOn(entity, rowId, derived)];
  }

  /**
   * The live versions derive needs for these changed fields of a row, by field. A status
   * changed on an action with fifteen fields reads one field and `deleted`, not the row;
   * the whole row only if a delete is in play, which weighs every field's edits.
   */
  private liveOfChanged(entity: EntityName, rowId: string, fields: Set<string>): Map<string, LiveVersion[]> {
    const read = (field: string) => this.statements.liveOfFieldUnordered.all(entity, rowId, field) as (LiveVersion & { field: string })[];
    if (fields.size <= FIELDS_READ_ONE_BY_ONE && !fields.has('deleted')) {
      const deletions = read('deleted');
      if (deletions.length === 0) return groupByField([...fields].flatMap(read));
    }
    return groupByField(this.statements.liveOfRow.all(entity, rowId) as (LiveVersion & { field: string })[]);
  }

  /**
   * The rows this one goes with (store/dependents.ts): as just derived, or as its table says;
   * a field in conflict names every row its live versions name.
   */
  private dependedOn(entity: EntityName, rowId: string, derived?: { columns: string[]; values: unknown[]; conflicts: Map<string, boolean> }): RowRef[] {
    const dependences = DEPENDENCES_OF.get(entity);
    if (!dependences) return [];
    let row: Record<string, unknown> | undefined;
    if (derived && dependences.every(({ field }) => derived.columns.includes(field))) {
      row = Object.fromEntries(dependences.map(({ field }) => [field, derived.values[derived.columns.indexOf(field)]]));
    } else {
      row = this.readStatement(`SELECT ${dependences.map(({ field }) => field).join(', ')} FROM ${entity} WHERE id = ?`).get(rowId) as
        Record<string, unknown> | undefined;
    }
    if (!row) return [];
    let conflicts: string[] | undefined;
    return dependences.flatMap(({ field }) => {
      const known = derived?.conflicts.get(field);
      const inConflict = known ?? (conflicts ??= this.statements.conflictsOfRow.all(entity, rowId) as string[]).includes(field);
      const values = inConflict ? this.liveVersions(entity, rowId, field).map((version) => version.value) : [JSON.stringify(row[field] ?? null)];
      return namedBy(entity, field, values);
    });
  }

  /** The rows that go with this one, and theirs in turn (store/dependents.ts), as the derived tables say. */
  dependentRows(entity: EntityName, rowId: string, visited = new Set<string>()): RowRef[] {
    const rows: RowRef[] = [];
    for (const dependence of DEPENDENTS_OF.get(entity) ?? []) {
      const named = JSON.stringify(rowId);
      // A field in conflict names this row if any of its live versions does.
      const inConflict = (
        this.readStatement('SELECT row_id FROM conflict_fields WHERE entity = ? AND field = ?').pluck().all(dependence.entity, dependence.field) as string[]
      ).filter((id) => this.liveVersions(dependence.entity, id, dependence.field).some((version) => version.value === named));
      const ids = new Set([
        ...(this.readStatement(`SELECT id FROM ${dependence.entity} WHERE ${dependence.field} = ?`).pluck().all(rowId) as string[]),
        ...inConflict,
      ]);
      for (const id of ids) {
        const key = `${dependence.entity}\u0000${id}`;
        if (visited.has(key)) continue;
        visited.add(key);
        rows.push({ entity: dependence.entity, rowId: id }, ...this.dependentRows(dependence.entity, id, visited));
      }
    }
    return rows;
  }

  /**
   * The live versions of the rows that go with this one. Their deletes count only with
   * `deletes`: a delete of the row they go with takes them the same way.
   */
  private dependentVersions(entity: EntityName, rowId: string, deletes = false): RowVersion[] {
    return this.dependentRows(entity, rowId).flatMap((row) =>
      (this.statements.liveOfRow.all(row.entity, row.rowId) as (LiveVersion & { field: string })[])
        .filter((version) => deletes || version.field !== 'deleted' || !isDeleteMark(JSON.parse(version.value)))
        .map((version) => ({ ...version, ...row })),
    );
  }

  /**
   * Why a live delete does not hide a row: the rows (itself, or rows that go with it) with
   * live edits that no live delete of it had seen, each version marked seen or not.
   */
  unseenByDelete(entity: EntityName, rowId: string): UnseenRow[] {
    const marks = this.liveVersions(entity, rowId, 'deleted').flatMap((version) => {
      const value = JSON.parse(version.value) as unknown;
      return isDeleteMark(value) ? [value] : [];
    });
    if (marks.length === 0) return [];
    const own = (this.statements.liveOfRow.all(entity, rowId) as (LiveVersion & { field: string })[]).filter((version) => version.field !== 'deleted');
    return unseenRows([...own.map((version) => ({ ...version, entity, rowId })), ...this.dependentVersions(entity, rowId)], (version) =>
      marks.some((mark) => version.seq <= (mark.vv[version.origin] ?? 0)),
    );
  }

  /** The rows (this one, and those that go with it, deletes included) with a live version that `seen` says was not seen. */
  unseenBy(entity: EntityName, rowId: string, seen: (version: RowVersion) => boolean): UnseenRow[] {
    const own = this.statements.liveOfRow.all(entity, rowId) as (LiveVersion & { field: string })[];
    return unseenRows([...own.map((version) => ({ ...version, entity, rowId })), ...this.dependentVersions(entity, rowId, true)], seen);
  }

  /**
   * When rows that go with others change, the rows they go with, up the chain, are derived
   * again if a delete hides them or is in conflict on them: what hides them has changed.
   * The rows given are derived again too, on the same condition.
   */
  refreshDeletedAbove(rows: RowRef[]): void {
    const visited = new Set<string>();
    const queue = [...rows];
    for (let row = queue.pop(); row; row = queue.pop()) {
      const key = `${row.entity}\u0000${row.rowId}`;
      if (visited.has(key)) continue;
      visited.add(key);
      const { entity, rowId } = row;
      const deletedOrInConflict = this.readStatement(
        `SELECT deleted OR EXISTS (SELECT 1 FROM conflict_fields WHERE entity = '${entity}' AND row_id = ? AND field = 'deleted') FROM ${entity} WHERE id = ?`,
      )
        .pluck()
        .get(rowId, rowId);
      if (deletedOrInConflict === 1) {
        const deleted = new Set(['deleted']);
        const derived = derive(groupByField(this.statements.liveOfRow.all(entity, rowId) as (LiveVersion & { field: string })[]), deleted, () =>
          this.dependentVersions(entity, rowId),
        );
        this.upsert(entity, derived.columns).run(rowId, ...derived.values);
        this.markConflicts(entity, rowId, derived.conflicts);
        this.touch(entity, 'deleted', rowId);
      }
      queue.push(...this.dependedOn(entity, rowId));
    }
  }

  /** Records that a derived field changed, for the data derived beyond its table (search index). */
  private touch(entity: EntityName, field: string, rowId: string): void {
    const key = `${entity}.${field}`;
    let rows = this.touched.get(key);
    if (!rows) this.touched.set(key, (rows = new Set()));
    rows.add(rowId);
  }

  /** A read of a derived table, prepared once per connection. */
  private readStatement(sql: string): Database.Statement {
    let statement = this.rowStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.rowStatements.set(sql, statement);
    }
    return statement;
  }

  /** The table of conflicts is derived too, so that listing them costs nothing; only what changes is written. */
  private markConflicts(entity: EntityName, rowId: string, conflicts: Map<string, boolean>): void {
    const current = new Set(this.statements.conflictsOfRow.all(entity, rowId) as string[]);
    for (const [field, inConflict] of conflicts) {
      if (inConflict && !current.has(field)) this.statements.addConflict.run(entity, rowId, field);
      else if (!inConflict && current.has(field)) this.statements.dropConflict.run(entity, rowId, field);
    }
  }

  /** INSERT ... ON CONFLICT DO UPDATE of some columns of a derived table. */
  private upsert(entity: EntityName, columns: string[]): Database.Statement {
    return this.rowStatement('upsert', entity, columns);
  }

  /** INSERT of a new row of a derived table, which does nothing if the row exists. */
  private insertRow(entity: EntityName, columns: string[]): Database.Statement {
    return this.rowStatement('insert', entity, columns);
  }

  /** Prepared once per entity and set of columns. */
  private rowStatement(kind: 'insert' | 'upsert', entity: EntityName, columns: string[]): Database.Statement {
    const key = `${kind} ${entity}.${columns.join(',')}`;
    let statement = this.rowStatements.get(key);
    if (!statement) {
      // Bounded: the sets of columns written together are few in practice, but not by construction.
      if (this.rowStatements.size >= 1000) this.rowStatements.clear();
      const onConflict = kind === 'insert' ? 'DO NOTHING' : `DO UPDATE SET ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}`;
      statement = this.db.prepare(`INSERT INTO ${entity} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)}) ON CONFLICT (id) ${onConflict}`);
      this.rowStatements.set(key, statement);
    }
    return statement;
  }

  /**
   * The version vector holds, per origin, the highest seq below which nothing is missing.
   * The seqs just inserted are in the log: followed in memory first, then the log, up to
   * its first gap.
   */
  private advanceVersionVector(origin: string, inserted: Versions): void {
    const start = (this.statements.vvOf.get(origin) as number | undefined) ?? 0;
    let seq = start;
    while (inserted.has(origin, seq + 1)) seq++;
    for (const next of this.statements.seqsAfter.iterate(origin, seq) as IterableIterator<number>) {
      if (next !== seq + 1) break;
      seq = next;
    }
    if (seq !== start) this.statements.setVv.run(origin, seq);
  }

  /** Every change of the log, by origin then seq (read lazily: the log can be large). */
  *changes(): IterableIterator<Change> {
    const rows = this.db
      .prepare('SELECT origin, seq, hlc, entity, row_id AS rowId, field, value, supersedes, chain FROM changes ORDER BY origin, seq')
      .iterate() as IterableIterator<Omit<Change, 'supersedes'> & { supersedes: string }>;
    for (const row of rows) yield { ...row, supersedes: JSON.parse(row.supersedes) as VersionRef[] };
  }

  versionVector(): Record<string, number> {
    const rows = this.db.prepare('SELECT origin, seq FROM version_vector').all() as { origin: string; seq: number }[];
    return Object.fromEntries(rows.map((row) => [row.origin, row.seq]));
  }
}
