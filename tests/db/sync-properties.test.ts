// Property: replicas that edit concurrently and exchange files in any order, duplicated,
// relayed or through a shared folder, converge to the same bytes, and keep every
// concurrent version (docs/sync.md §1, §2). The expected conflicts come from an independent
// model of who knew what: each replica's knowledge is a set of changes, grown by the
// snapshot a file carried; a change supersedes the changes of its field its author knew.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { listConflicts } from '../../db/conflicts/versions';
import { dump } from '../../db/project/dump';
import { addNote, createAction, deleteAction, updateAction } from '../../db/actions/writes';
import { syncFolder } from '../../db/sync/folder';
import { attach } from '../../db/attachments/store';
import { addBudgetLine } from '../../db/budget/writes';
import { addIndicatorValue, createIndicator } from '../../db/indicators/writes';
import { exportFile, importFile } from '../../db/sync/exchange';
import type { Store } from '../../db/store/store';
import { ACTION_STATUSES } from '../../common/vocabulary';
import { newReplica, shuffled, tempDir } from './helpers';

// scrypt at N=2^15 costs ~125 ms here, and each run moves dozens of files: the key
// derivation is made cheap (N=2^10) for this file only; everything else (AES-GCM, Brotli,
// the format checks) is the real code. The real cost is exercised by sync-crash.test.ts.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const scryptSync = ((password: string, salt: Buffer, keylen: number, options: Record<string, unknown>) =>
    actual.scryptSync(password, salt, keylen, { ...options, N: 1024 })) as typeof actual.scryptSync;
  return { ...actual, default: { ...actual, scryptSync }, scryptSync };
});

const PASSPHRASE = 'propriétés 37-41';
const REPLICAS = 4;
const FIELDS = ['status', 'progress', 'title'] as const;
type Field = (typeof FIELDS)[number];

const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const fieldValue = (field: Field) =>
  field === 'status'
    ? fc.constantFrom(...ACTION_STATUSES)
    : field === 'progress'
      ? fc.constantFrom(0, 10, 50, 100)
      : fc.constantFrom('Atelier commun', 'Séminaire', 'Visite de terrain');
const fieldEdit = fc.constantFrom(...FIELDS).chain((field) => fieldValue(field).map((value) => ({ field, value: value as string | number })));

const operation = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), r: replica, title: fc.constantFrom('Bourse des mobilités', 'Forum emploi') }),
  fc.record({ kind: fc.constant('edit' as const), r: replica, pick: fc.nat(), edit: fieldEdit }),
  fc.record({
    kind: fc.constant('concurrent' as const),
    r1: replica,
    r2: replica,
    pick: fc.nat(),
    field: fc.constantFrom(...FIELDS),
    a: fc.nat(),
    b: fc.nat(),
  }),
  fc.record({ kind: fc.constant('deleteEdit' as const), r1: replica, r2: replica, pick: fc.nat(), edit: fieldEdit }),
  fc.record({ kind: fc.constant('note' as const), r: replica, pick: fc.nat(), text: fc.constantFrom('Compte rendu', 'À relancer') }),
  fc.record({ kind: fc.constant('send' as const), from: replica, to: replica, forPeer: fc.boolean(), twice: fc.boolean() }),
  fc.record({ kind: fc.constant('relay' as const), from: replica, via: replica, to: replica }),
  fc.record({ kind: fc.constant('pool' as const), from: replica, to: replica, forPeer: fc.boolean() }),
  fc.record({ kind: fc.constant('flush' as const), seed: fc.nat(), duplicate: fc.boolean() }),
  fc.record({ kind: fc.constant('folder' as const), r: replica }),
  fc.record({ kind: fc.constant('measure' as const), r: replica, value: fc.constantFrom(3, 12.5, 40) }),
  fc.record({ kind: fc.constant('budget' as const), r: replica, pick: fc.nat(), planned: fc.constantFrom(1000, 2500.5) }),
  fc.record({ kind: fc.constant('attach' as const), r: replica, pick: fc.nat(), document: fc.constantFrom('convention', 'note de cadrage') }),
);

interface Write {
  key: string;
  entity: string;
  rowId: string;
  field: string;
  value: string;
  /** The changes of the same field its author knew. */
  seen: Set<string>;
  /** For a delete: everything its author knew. */
  knew?: Set<string>;
}

const id = (origin: string, seq: number) => `${origin}:${seq}`;

/** The rows of this model that go with an action, by the field naming it. */
const GOES_WITH: Record<string, string> = { note: 'action_id', budget_line: 'action_id', attachment: 'owner_id' };

class World {
  readonly stores: Store[];
  readonly writes = new Map<string, Write>();
  readonly byKey = new Map<string, string[]>();
  readonly knowledge: Set<string>[];
  private readonly lastSeq: number[];
  readonly folder = tempDir();
  /** Snapshots of the knowledge each shared-folder file carried. */
  readonly folderFiles: { writer: number; snapshot: Set<string> }[] = [];
  pool: { bytes: Buffer; to: number; snapshot: Set<string> }[] = [];

  constructor() {
    const names: [string, string][] = [
      ['Claire Martin', '37'],
      ['Nadia Benali', '41'],
      ['Marc Lefèvre', '41'],
      ['Julie Roux', '37'],
    ];
    this.stores = names.slice(0, REPLICAS).map(([name, partner]) => newReplica(name, partner));
    this.knowledge = this.stores.map(() => new Set<string>());
    this.lastSeq = this.stores.map(() => 0);
    this.stores.forEach((store, r) => {
      for (const change of store.log.changes()) {
        const ref = id(change.origin, change.seq);
        if (!this.writes.has(ref)) this.register(ref, change, new Set(change.supersedes.map(([o, s]) => id(o, s))));
        this.knowledge[r].add(ref);
      }
      this.lastSeq[r] = Number(store.localState('seq') ?? 0);
    });
  }

  private register(ref: string, change: { entity: string; rowId: string; field: string; value: string }, seen: Set<string>, knew?: Set<string>): void {
    const key = `${change.entity}|${change.rowId}|${change.field}`;
    this.writes.set(ref, { key, entity: change.entity, rowId: change.rowId, field: change.field, value: change.value, seen, knew });
    const refs = this.byKey.get(key) ?? [];
    refs.push(ref);
    this.byKey.set(key, refs);
  }

  /** Records the changes replica r just wrote, with what r knew when writing them. */
  recordLocal(r: number): void {
    const store = this.stores[r];
    const rows = store.db
      .prepare('SELECT seq, entity, row_id AS rowId, field, value FROM changes WHERE origin = ? AND seq > ? ORDER BY seq')
      .all(store.replicaId, this.lastSeq[r]) as { seq: number; entity: string; rowId: string; field: string; value: string }[];
    for (const row of rows) {
      const ref = id(store.replicaId!, row.seq);
      const key = `${row.entity}|${row.rowId}|${row.field}`;
      const seen = new Set((this.byKey.get(key) ?? []).filter((known) => this.knowledge[r].has(known)));
      this.register(ref, row, seen, row.field === 'deleted' ? new Set(this.knowledge[r]) : undefined);
      this.knowledge[r].add(ref);
      this.lastSeq[r] = row.seq;
    }
  }

  visibleActions(r: number): string[] {
    return this.stores[r].db.prepare('SELECT id FROM action WHERE deleted = 0 ORDER BY id').pluck().all() as string[];
  }

  exportFor(from: number, to: number, forPeer: boolean): { bytes: Buffer; snapshot: Set<string> } {
    const forReplica = forPeer ? this.stores[to].replicaId : undefined;
    return { bytes: exportFile(this.stores[from], { secret: PASSPHRASE, forReplica }).bytes, snapshot: new Set(this.knowledge[from]) };
  }

  deliver(file: { bytes: Buffer; snapshot: Set<string> }, to: number, twice = false): void {
    importFile(this.stores[to], file.bytes, PASSPHRASE);
    for (const ref of file.snapshot) this.knowledge[to].add(ref);
    if (twice) {
      const before = dump(this.stores[to]);
      expect(importFile(this.stores[to], file.bytes, PASSPHRASE).applied).toBe(0);
      expect(dump(this.stores[to])).toBe(before);
    }
  }

  send(from: number, to: number, forPeer = false, twice = false): void {
    if (from === to) return;
    this.deliver(this.exportFor(from, to, forPeer), to, twice);
  }

  syncFolder(r: number): void {
    const result = syncFolder(this.stores[r], this.folder, PASSPHRASE);
    expect(result.postponed).toEqual([]);
    for (const file of this.folderFiles) if (file.writer !== r) for (const ref of file.snapshot) this.knowledge[r].add(ref);
    if (result.written) this.folderFiles.push({ writer: r, snapshot: new Set(this.knowledge[r]) });
  }

  /** The live versions by the model: the writes of a field no other write of it had seen. */
  live(key: string): string[] {
    const refs = this.byKey.get(key) ?? [];
    return refs.filter((ref) => !refs.some((other) => other !== ref && this.writes.get(other)!.seen.has(ref))).sort();
  }

  /**
   * A row with live deletes stays visible unless every live edit of it, and of the rows that
   * go with it (an action's notes, budget lines and documents), was known to one of them.
   */
  visible(entity: string, rowId: string): boolean {
    const deletes = this.live(`${entity}|${rowId}|deleted`).map((ref) => this.writes.get(ref)!);
    if (deletes.length === 0) return true;
    const rows = [`${entity}|${rowId}|`];
    for (const [key, refs] of this.byKey) {
      const [dependent, dependentId, field] = key.split('|');
      if (GOES_WITH[dependent] === field && refs.some((ref) => this.writes.get(ref)!.value === JSON.stringify(rowId)))
        rows.push(`${dependent}|${dependentId}|`);
    }
    const edits = [...this.byKey.keys()].filter((key) => rows.some((row) => key.startsWith(row)) && !key.endsWith('|deleted')).flatMap((key) => this.live(key));
    return !edits.every((edit) => deletes.some((del) => del.knew!.has(edit)));
  }

  expectedConflicts(): { entity: string; row_id: string; field: string; versions: string[] }[] {
    const result = [];
    for (const key of this.byKey.keys()) {
      const [entity, rowId, field] = key.split('|');
      const live = this.live(key);
      const values = new Set(live.map((ref) => this.writes.get(ref)!.value));
      if (field === 'deleted' ? live.length > 0 && this.visible(entity, rowId) : values.size > 1) {
        result.push({ entity, row_id: rowId, field, versions: live });
      }
    }
    return result.sort((a, b) => `${a.entity}|${a.row_id}|${a.field}`.localeCompare(`${b.entity}|${b.row_id}|${b.field}`));
  }
}

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function run(world: World, op: Operation): void {
  const pickIn = (ids: string[], pick: number) => (ids.length > 0 ? ids[pick % ids.length] : undefined);
  switch (op.kind) {
    case 'create':
      createAction(world.stores[op.r], { chantier_id: 'c4', title: op.title });
      world.recordLocal(op.r);
      break;
    case 'edit': {
      const action = pickIn(world.visibleActions(op.r), op.pick);
      if (!action) return;
      updateAction(world.stores[op.r], action, { [op.edit.field]: op.edit.value });
      world.recordLocal(op.r);
      break;
    }
    case 'concurrent': {
      // The same field of the same action, edited on two replicas before they exchange anything.
      if (op.r1 === op.r2) return;
      const both = world.visibleActions(op.r1).filter((action) => world.visibleActions(op.r2).includes(action));
      const action = pickIn(both, op.pick);
      if (!action) return;
      const values =
        op.field === 'status' ? [...ACTION_STATUSES] : op.field === 'progress' ? [0, 10, 50, 100] : ['Atelier commun', 'Séminaire', 'Visite de terrain'];
      updateAction(world.stores[op.r1], action, { [op.field]: values[op.a % values.length] });
      world.recordLocal(op.r1);
      updateAction(world.stores[op.r2], action, { [op.field]: values[op.b % values.length] });
      world.recordLocal(op.r2);
      break;
    }
    case 'deleteEdit': {
      if (op.r1 === op.r2) return;
      const both = world.visibleActions(op.r1).filter((action) => world.visibleActions(op.r2).includes(action));
      const action = pickIn(both, op.pick);
      if (!action) return;
      deleteAction(world.stores[op.r1], action);
      world.recordLocal(op.r1);
      updateAction(world.stores[op.r2], action, { [op.edit.field]: op.edit.value });
      world.recordLocal(op.r2);
      break;
    }
    case 'note': {
      const action = pickIn(world.visibleActions(op.r), op.pick);
      if (!action) return;
      addNote(world.stores[op.r], action, { text: op.text, date: '2026-11-20' });
      world.recordLocal(op.r);
      break;
    }
    case 'send':
      world.send(op.from, op.to, op.forPeer, op.twice);
      break;
    case 'relay':
      // A change made in 37 reaches 41 through a third replica, which relays what it learnt.
      if (op.from === op.via || op.via === op.to) return;
      world.send(op.from, op.via, true);
      world.send(op.via, op.to);
      break;
    case 'pool':
      if (op.from !== op.to) world.pool.push({ ...world.exportFor(op.from, op.to, op.forPeer), to: op.to });
      break;
    case 'flush': {
      const files = shuffled(op.duplicate ? [...world.pool, ...world.pool] : world.pool, op.seed + 1);
      world.pool = [];
      for (const file of files) world.deliver(file, file.to);
      break;
    }
    case 'folder':
      world.syncFolder(op.r);
      break;
    case 'measure': {
      // An indicator of chantier 4 followed by a4-1, made by the first replica that measures.
      const store = world.stores[op.r];
      const known = store.db.prepare('SELECT id FROM indicator WHERE deleted = 0 ORDER BY id LIMIT 1').pluck().get() as string | undefined;
      const indicator = known ?? createIndicator(store, { chantier_id: 'c4', name: 'Agents en mobilité' });
      addIndicatorValue(store, indicator, { date: '2027-03-31', value: op.value });
      world.recordLocal(op.r);
      break;
    }
    case 'attach': {
      // The same document attached on several postes is kept once everywhere.
      const action = pickIn(world.visibleActions(op.r), op.pick);
      if (!action) return;
      attach(world.stores[op.r], action, `${op.document}.pdf`, Buffer.from(`%PDF ${op.document}`));
      world.recordLocal(op.r);
      break;
    }
    case 'budget': {
      const action = pickIn(world.visibleActions(op.r), op.pick);
      if (!action) return;
      addBudgetLine(world.stores[op.r], action, { year: 2027, partner_id: 'd37', planned: op.planned, tax_basis: 'ttc' });
      world.recordLocal(op.r);
      break;
    }
  }
}

describe('propriétés de la synchronisation', () => {
  test('quatre postes, modifications concurrentes, livraisons dans le désordre : même état partout, aucune version perdue', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 10, maxLength: 40 }), fc.nat(), (ops, seed) => {
        const world = new World();
        for (const op of ops) run(world, op);
        // Leftover files first (late, shuffled), then everything to everyone: all gather at
        // replica 0 (one through the shared folder), then replica 0 sends to all.
        for (const file of shuffled(world.pool, seed + 1)) world.deliver(file, file.to);
        world.pool = [];
        world.syncFolder(1);
        world.syncFolder(0);
        for (let r = 2; r < REPLICAS; r++) world.send(r, 0, seed % 2 === 0);
        for (let r = 1; r < REPLICAS; r++) world.send(0, r, (seed + r) % 2 === 0);

        // The model agrees that everyone now knows everything.
        for (const known of world.knowledge) expect(known.size).toBe(world.writes.size);

        const dumps = world.stores.map(dump);
        for (const text of dumps.slice(1)) expect(text).toBe(dumps[0]);
        // Every document's bytes reached every poste, once per content, whatever the route (file or folder).
        for (const store of world.stores) {
          expect(store.db.prepare('SELECT count(*) FROM attachment a WHERE NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = a.sha256)').pluck().get()).toBe(0);
          expect(store.db.prepare('SELECT count(*) FROM blob').pluck().get()).toBe(
            store.db.prepare('SELECT count(DISTINCT sha256) FROM attachment').pluck().get(),
          );
        }

        const expected = world.expectedConflicts();
        for (const store of world.stores) {
          const actual = listConflicts(store).map((conflict) => ({
            entity: conflict.entity,
            row_id: conflict.row_id,
            field: conflict.field,
            versions: conflict.versions.map((version) => id(version.origin, version.seq)).sort(),
          }));
          expect(actual).toEqual(expected);
          const visible = [...world.byKey.keys()]
            .filter((key) => key.startsWith('action|') && key.endsWith('|title'))
            .map((key) => key.split('|')[1])
            .filter((rowId) => world.visible('action', rowId))
            .sort();
          expect([...world.visibleActions(world.stores.indexOf(store))].sort()).toEqual(visible);
        }
      }),
      { numRuns: 20, seed: 20261126, endOnFailure: true },
    );
  }, 120_000);
});
