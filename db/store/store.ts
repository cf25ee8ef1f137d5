// The store: one SQLite file, its change log, and this replica's identity and clock.
// Store.write is the one function every local edit goes through.
import type Database from 'better-sqlite3';
import { chainStart, keptChain, nextChain } from './chain';
import { ChangeLog, type Change } from './changelog';
import { openDatabase, type OpenOptions } from './connection';
import { refusal } from '../errors';
import { Clock, parseHlc } from './hlc';
import type { EntityName } from './schema';
import { rederiveAll } from './rebuild';
import { countingRevocationKeys, revocationBounds, revocationChanges, sameBounds, type RevocationChange } from './revocations';
import { SearchIndex } from './search';

export interface Edit {
  entity: EntityName;
  rowId: string;
  field: string;
  /** The new value; for the field `deleted`, true deletes the row and false restores it. */
  value: unknown;
}

export const ZERO_HLC = '0000000000000-0000';

/** 128 MiB of 16 KiB pages: a sync file of a few hundred thousand changes. */
const JOB_WAL_PAGES = 8192;

const isRevocation = (change: { entity: string; field: string }) => change.entity === 'replica' && change.field === 'revoked_after';

export class Store {
  readonly log: ChangeLog;
  /** Transactions that changed derived data (revision). */
  private changedTransactions = 0;
  private revocations: { all: RevocationChange[]; counting?: Set<string> } | undefined;
  private readonly search: SearchIndex;
  private readonly clock: Clock;
  private readonly getState: Database.Statement;
  private readonly setState: Database.Statement;
  private readonly chainStatements: Record<'kept' | 'anchor' | 'between', Database.Statement>;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    now: () => number,
  ) {
    this.log = new ChangeLog(db);
    this.search = new SearchIndex(db);
    this.getState = db.prepare('SELECT value FROM local_state WHERE key = ?').pluck();
    this.setState = db.prepare('INSERT OR REPLACE INTO local_state (key, value) VALUES (?, ?)');
    this.chainStatements = {
      kept: db.prepare('SELECT seq, chain FROM changes WHERE origin = ? AND seq <= ? AND chain IS NOT NULL ORDER BY seq DESC LIMIT 1'),
      anchor: db.prepare('SELECT seq, chain FROM chain_anchor WHERE origin = ? AND seq <= ? ORDER BY seq DESC LIMIT 1'),
      between: db.prepare(
        'SELECT seq, hlc, entity, row_id AS rowId, field, value, supersedes FROM changes WHERE origin = ? AND seq > ? AND seq <= ? ORDER BY seq',
      ),
    };
    this.clock = new Clock(parseHlc(this.localState('hlc') ?? ZERO_HLC), now);
    this.log.revoked = revocationBounds(db);
    this.log.ownOrigin = this.replicaId;
  }

  static open(file: string, options: OpenOptions & { now?: () => number } = {}): Store {
    return new Store(openDatabase(file, options), file, options.now ?? Date.now);
  }

  close(): void {
    this.db.close();
  }

  localState(key: string): string | undefined {
    return this.getState.get(key) as string | undefined;
  }

  setLocalState(key: string, value: string): void {
    this.setState.run(key, value);
  }

  /** This replica's id; undefined until the first start made one. */
  get replicaId(): string | undefined {
    return this.localState('replica_id');
  }

  get projectId(): string | undefined {
    return this.localState('project_id');
  }

  /** This replica's project and id; refused before the first start made them. */
  requireReplica(): { projectId: string; replicaId: string } {
    const { projectId, replicaId } = this;
    if (!projectId || !replicaId) throw refusal('no-project');
    return { projectId, replicaId };
  }

  /** The person using this laptop. */
  get personId(): string | undefined {
    return this.localState('person_id');
  }

  transaction<T>(work: () => T): T {
    const clock = this.clock.current();
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // Rolled back: a revocation it brought is no longer in the log, nor its bound, and the
      // clocks of the changes it received count for nothing (a refused file moves no clock).
      this.revocations = undefined;
      this.log.revoked = revocationBounds(this.db);
      this.clock.rewind(clock);
      throw error;
    }
  }

  /**
   * For a sync job's connection (main/sync/worker.ts): its commits no longer checkpoint the
   * write-ahead log, that is copy its pages into the database file and put both on disk
   * (about a tenth of a second after a file of 100,000 changes); the job calls checkpoint()
   * once it has answered. A log past JOB_WAL_PAGES (a shared-folder round of many files) is
   * still checkpointed by the commit that passes it.
   */
  deferCheckpoints(): void {
    this.db.pragma(`wal_autocheckpoint = ${JOB_WAL_PAGES}`);
  }

  /** Copies what the write-ahead log holds into the database file, as far as readers allow. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /**
   * Puts every commit so far on disk (synchronous = NORMAL leaves the last ones until the
   * log's next checkpoint). Called before a file carries changes away: after a power cut,
   * none of them is written again under the same number, which the other laptops would
   * refuse as a copied laptop's. One commit under FULL syncs the write-ahead log, and with
   * it every commit before; this one records when.
   */
  syncToDisk(): void {
    this.db.pragma('synchronous = FULL');
    try {
      this.setLocalState('synced_to_disk_at', new Date().toISOString());
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  /**
   * Writes edits as changes of this replica, each superseding the versions of its field
   * that are live now, and derives the tables in the same transaction. An edit that
   * leaves a field as it is writes nothing. Returns the number of changes written.
   * `newRows`: every edit is of a row made by this call (an import), whose fields have no
   * live version to look up.
   */
  write(edits: Edit[], { newRows = false }: { newRows?: boolean } = {}): number {
    const origin = this.requireReplica().replicaId;
    return this.transaction(() => {
      let seq = Number(this.localState('seq') ?? 0);
      let chain = seq === 0 ? chainStart(origin) : this.chainAt(origin, seq);
      // Applied together (each derived row refreshed once, not once per field); an edit of a
      // field already written by this call supersedes that pending change, as it would once applied.
      const pending: Change[] = [];
      const pendingByField = new Map<string, Change>();
      // A delete mark records the version vector: what this laptop held, and this call's own changes before it.
      let held: Record<string, number> | undefined;
      for (const edit of edits) {
        const deleting = edit.field === 'deleted' && edit.value === true;
        const key = `${edit.entity}\u0000${edit.rowId}\u0000${edit.field}`;
        const earlier = pendingByField.get(key);
        const live = earlier ? [earlier] : newRows ? [] : this.log.liveVersions(edit.entity, edit.rowId, edit.field);
        const value = deleting ? JSON.stringify({ vv: { ...(held ??= this.log.versionVector()), [origin]: seq } }) : JSON.stringify(edit.value ?? null);
        if (live.length === 1 && live[0].value === value) continue;
        if (live.length === 0 && edit.field === 'deleted' && edit.value === false) continue;
        const change: Change = {
          origin,
          seq: ++seq,
          hlc: this.clock.tick(),
          entity: edit.entity,
          rowId: edit.rowId,
          field: edit.field,
          value,
          supersedes: live.map((version) => [version.origin, version.seq]),
          chain: null,
        };
        if (chain !== null) change.chain = keptChain(change.seq, (chain = nextChain(chain, change)));
        pending.push(change);
        pendingByField.set(key, change);
      }
      if (pending.length > 0) {
        this.log.apply(pending);
        this.setLocalState('seq', String(seq));
        this.setLocalState('hlc', this.clock.current());
      }
      if (edits.some(isRevocation)) this.followRevocations();
      this.flushDerived();
      return pending.length;
    });
  }

  /**
   * An origin's chain at `seq`, from the nearest chain known at or before it — kept in the
   * log (store/chain.ts), announced before a run received after a gap (chain_anchor), or the
   * chain's start — through the changes held between. Null when a change between is missing.
   */
  chainAt(origin: string, seq: number): string | null {
    const { kept, anchor, between } = this.chainStatements;
    let from = (kept.get(origin, seq) as { seq: number; chain: string } | undefined) ?? { seq: 0, chain: chainStart(origin) };
    if (from.seq < seq) {
      const announced = anchor.get(origin, seq) as { seq: number; chain: string } | undefined;
      if (announced && announced.seq > from.seq) from = announced;
    }
    let chain = from.chain;
    let expected = from.seq + 1;
    for (const change of between.iterate(origin, from.seq, seq) as IterableIterator<Omit<Change, 'origin' | 'supersedes'> & { supersedes: string }>) {
      if (change.seq !== expected++) return null;
      chain = nextChain(chain, { ...change, supersedes: JSON.parse(change.supersedes) as Change['supersedes'] });
    }
    return expected === seq + 1 ? chain : null;
  }

  /** Applies changes without following their clocks (seed data, a replay of the log by `entente check`); returns how many were new. */
  applyChanges(changes: Iterable<Change>): number {
    return this.transaction(() => {
      const applied = this.log.apply(changes);
      if (applied.some(isRevocation)) this.followRevocations();
      this.flushDerived();
      return applied.length;
    });
  }

  /**
   * Applies changes written by other replicas and lets this replica's clock follow theirs,
   * except a clock more than a day ahead (docs/sync.md §6), which is counted, not followed.
   * Returns the changes that were new here.
   */
  receive(changes: Iterable<Change>): { applied: Change[]; farFuture: number } {
    return this.transaction(() => {
      const applied = this.log.apply(changes);
      if (applied.some(isRevocation)) this.followRevocations();
      let farFuture = 0;
      for (const change of applied) if (this.clock.receive(change.hlc)) farFuture++;
      this.setLocalState('hlc', this.clock.current());
      this.flushDerived();
      return { applied, farFuture };
    });
  }

  /** Every revocation in the log: read once, then again only after another arrives. */
  revocationChanges(): RevocationChange[] {
    return (this.revocations ??= { all: revocationChanges(this.db) }).all;
  }

  /** Those that count, as « origin:seq » (store/revocations.ts): as cached. */
  countingRevocations(): Set<string> {
    const revocations = (this.revocations ??= { all: revocationChanges(this.db) });
    return (revocations.counting ??= countingRevocationKeys(this.db));
  }

  /** A revocation arrived: if it changes which changes count, every table is derived again. */
  private followRevocations(): void {
    this.revocations = undefined;
    const bounds = revocationBounds(this.db);
    this.log.ownOrigin = this.replicaId ?? this.log.ownOrigin;
    if (sameBounds(bounds, this.log.revoked)) return;
    this.log.revoked = bounds;
    rederiveAll(this);
  }

  /** Grows with every transaction that changed something: lets queries cache their results. */
  get revision(): number {
    return this.changedTransactions;
  }

  private flushDerived(): void {
    if (this.log.touched.size > 0) this.changedTransactions++;
    this.search.refresh(this.log.touched);
    this.log.touched.clear();
  }
}
