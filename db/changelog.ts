// The change log (SYNC.md): every write is a change, and the tables the screens read are
// derived from the log in the same transaction. Local edits and received changes go
// through the same applyChange, so replaying the log in any order rebuilds the same tables.
//
// A field's live versions are its changes that no other change supersedes. One live
// version: that is the value. Several with different values: a conflict, every version
// kept; the table shows a deterministic winner (latest clock, then origin) until a user
// writes a value, which supersedes them all.
//
// Deleting a row writes the field `deleted` with the version vector the deleting replica
// had; a live edit of that row it had not seen, or a concurrent restore, keeps the row
// visible, as a conflict.
import type Database from 'better-sqlite3';
import { UserError } from './errors';
import { BOOLEAN_FIELDS, fieldSchema, JSON_FIELDS, isEntityName, type EntityName } from './schema';

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

/** How a field's JSON value is stored in its derived column. */
function toColumn(field: string, json: string): unknown {
  const value = JSON.parse(json) as unknown;
  if (JSON_FIELDS.has(field)) return value === null ? null : JSON.stringify(value);
  if (BOOLEAN_FIELDS.has(field)) return value ? 1 : 0;
  return value;
}

/** Prepared statements, made once per connection. */
export class ChangeLog {
  private readonly statements;
  private readonly upserts = new Map<string, Database.Statement>();
  /** The rows each `entity.field` changed in this transaction, for the data derived beyond their table (search index). */
  readonly touched = new Map<string, Set<string>>();

  constructor(readonly db: Database.Database) {
    this.statements = {
      insertChange: db.prepare(
        'INSERT OR IGNORE INTO changes (origin, seq, hlc, entity, row_id, field, value, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      markSuperseded: db.prepare('INSERT OR IGNORE INTO superseded (origin, seq) VALUES (?, ?)'),
      dropLive: db.prepare('DELETE FROM live_versions WHERE origin = ? AND seq = ?'),
      isSuperseded: db.prepare('SELECT 1 FROM superseded WHERE origin = ? AND seq = ?').pluck(),
      insertLive: db.prepare(
        'INSERT INTO live_versions (origin, seq, entity, row_id, field, hlc, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      liveOfField: db.prepare(
        'SELECT origin, seq, hlc, value FROM live_versions WHERE entity = ? AND row_id = ? AND field = ? ORDER BY hlc DESC, origin DESC',
      ),
      liveOfRow: db.prepare("SELECT origin, seq FROM live_versions WHERE entity = ? AND row_id = ? AND field <> 'deleted'"),
      vvOf: db.prepare('SELECT seq FROM version_vector WHERE origin = ?').pluck(),
      setVv: db.prepare('INSERT OR REPLACE INTO version_vector (origin, seq) VALUES (?, ?)'),
      hasChange: db.prepare('SELECT 1 FROM changes WHERE origin = ? AND seq = ?').pluck(),
      known: db.prepare('SELECT hlc, entity, row_id, field, value FROM changes WHERE origin = ? AND seq = ?'),
      addConflict: db.prepare('INSERT OR IGNORE INTO conflict_fields (entity, row_id, field) VALUES (?, ?, ?)'),
      dropConflict: db.prepare('DELETE FROM conflict_fields WHERE entity = ? AND row_id = ? AND field = ?'),
    };
  }

  /** Applies one change; false if the log already held it (idempotence). */
  applyChange(change: Change): boolean {
    const s = this.statements;
    const supersedes = JSON.stringify(change.supersedes);
    const inserted = s.insertChange.run(
      change.origin, change.seq, change.hlc, change.entity, change.rowId, change.field, change.value, supersedes,
    ).changes;
    if (inserted === 0) {
      this.checkSameAsKnown(change);
      return false;
    }
    this.advanceVersionVector(change.origin);
    // An entity or a field of a newer schema: kept in the log (and relayed), shown nowhere.
    if (!isEntityName(change.entity) || (change.field !== 'deleted' && !fieldSchema(change.entity, change.field))) return true;
    for (const [origin, seq] of change.supersedes) {
      s.markSuperseded.run(origin, seq);
      s.dropLive.run(origin, seq);
    }
    if (!s.isSuperseded.get(change.origin, change.seq)) {
      s.insertLive.run(change.origin, change.seq, change.entity, change.rowId, change.field, change.hlc, change.value);
    }
    this.refreshField(change.entity, change.rowId, change.field);
    const key = `${change.entity}.${change.field}`;
    let rows = this.touched.get(key);
    if (!rows) this.touched.set(key, (rows = new Set()));
    rows.add(change.rowId);
    return true;
  }

  /**
   * A change already in the log must arrive identical: two different changes under one
   * (origin, seq) mean a copied data folder, and keeping either silently would lose the other.
   */
  private checkSameAsKnown(change: Change): void {
    const known = this.statements.known.get(change.origin, change.seq) as { hlc: string; entity: string; row_id: string; field: string; value: string };
    if (known.hlc === change.hlc && known.entity === change.entity && known.row_id === change.rowId && known.field === change.field && known.value === change.value) return;
    throw new UserError(
      'cloned-replica',
      `Le poste ${change.origin} a écrit deux modifications différentes sous le numéro ${change.seq} : son dossier de données a été copié sur un autre ordinateur. ` +
        "Rien n'a été importé. Gardez une seule des deux copies ; l'autre ordinateur doit rejoindre le projet par une invitation.",
    );
  }

  liveVersions(entity: string, rowId: string, field: string): LiveVersion[] {
    return this.statements.liveOfField.all(entity, rowId, field) as LiveVersion[];
  }

  private refreshField(entity: EntityName, rowId: string, field: string): void {
    if (field !== 'deleted') {
      const live = this.liveVersions(entity, rowId, field);
      if (live[0]) this.upsert(entity, field).run(rowId, toColumn(field, live[0].value));
      this.markConflict(entity, rowId, field, new Set(live.map((version) => version.value)).size > 1);
    }
    const deletions = this.liveVersions(entity, rowId, 'deleted');
    if (deletions.length > 0 || field === 'deleted') {
      const hidden = this.isHidden(entity, rowId, deletions);
      this.upsert(entity, 'deleted').run(rowId, hidden ? 1 : 0);
      // A live delete on a row still shown: deleted here, edited or restored elsewhere.
      this.markConflict(entity, rowId, 'deleted', !hidden && deletions.some((deletion) => isDeleteMark(JSON.parse(deletion.value))));
    }
  }

  /** The table of conflicts is derived too, so that listing them costs nothing. */
  private markConflict(entity: EntityName, rowId: string, field: string, inConflict: boolean): void {
    (inConflict ? this.statements.addConflict : this.statements.dropConflict).run(entity, rowId, field);
  }

  /**
   * Hidden when every live `deleted` version is a delete, and every live edit of the row
   * was seen by one of them. A concurrent restore or edit keeps the row visible, whatever
   * the clocks say: in doubt nothing disappears, and the row shows as in conflict.
   */
  private isHidden(entity: EntityName, rowId: string, deletions: LiveVersion[]): boolean {
    const marks = deletions.map((deletion) => JSON.parse(deletion.value) as unknown);
    if (marks.length === 0 || !marks.every(isDeleteMark)) return false;
    const edits = this.statements.liveOfRow.all(entity, rowId) as { origin: string; seq: number }[];
    return edits.every((edit) => marks.some((mark) => edit.seq <= (mark.vv[edit.origin] ?? 0)));
  }

  private upsert(entity: EntityName, column: string): Database.Statement {
    const key = `${entity}.${column}`;
    let statement = this.upserts.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO ${entity} (id, ${column}) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET ${column} = excluded.${column}`,
      );
      this.upserts.set(key, statement);
    }
    return statement;
  }

  /** The version vector holds, per origin, the highest seq below which nothing is missing. */
  private advanceVersionVector(origin: string): void {
    let seq = (this.statements.vvOf.get(origin) as number | undefined) ?? 0;
    const start = seq;
    while (this.statements.hasChange.get(origin, seq + 1)) seq++;
    if (seq !== start) this.statements.setVv.run(origin, seq);
  }

  /** Every change of the log, by origin then seq (read lazily: the log can be large). */
  *changes(): IterableIterator<Change> {
    const rows = this.db
      .prepare('SELECT origin, seq, hlc, entity, row_id AS rowId, field, value, supersedes FROM changes ORDER BY origin, seq')
      .iterate() as IterableIterator<Omit<Change, 'supersedes'> & { supersedes: string }>;
    for (const row of rows) yield { ...row, supersedes: JSON.parse(row.supersedes) as VersionRef[] };
  }

  versionVector(): Record<string, number> {
    const rows = this.db.prepare('SELECT origin, seq FROM version_vector').all() as { origin: string; seq: number }[];
    return Object.fromEntries(rows.map((row) => [row.origin, row.seq]));
  }
}
