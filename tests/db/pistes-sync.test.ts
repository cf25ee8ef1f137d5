// Pistes across laptops: concurrent scores from several evaluators converge without conflict
// (a score is its evaluator's row), and a laptop of schema 5 that received pistes keeps
// them in its log until migration 6 derives them.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listConflicts } from '../../db/conflicts/versions';
import { dump } from '../../db/project/dump';
import { getPiste, listPistes } from '../../db/pistes/reads';
import { createPiste, scorePiste, updatePiste } from '../../db/pistes/writes';
import { ChangeLog } from '../../db/store/changelog';
import { liveVersionsByRow, migrate, SCHEMA_VERSION } from '../../db/store/migrations';
import { SearchIndex } from '../../db/store/search';
import { Store } from '../../db/store/store';
import { allChanges, newReplica, sendAll, tempDir, track } from './helpers';

const EVALUATORS: [string, string][] = [
  ['Claire Martin', '37'],
  ['Nadia Benali', '41'],
  ['Paul Bernard', '37'],
];
const PISTES = ['Covoiturage partagé', 'Achats groupés', 'Guichet unique'];

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('score' as const),
    r: fc.integer({ min: 0, max: EVALUATORS.length - 1 }),
    piste: fc.integer({ min: 0, max: PISTES.length - 1 }),
    plus_value: fc.integer({ min: 1, max: 4 }),
    faisabilite: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('send' as const), from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
);

describe('pistes et synchronisation', () => {
  test('propriété : des évaluateurs qui notent en même temps sur leurs postes convergent, sans conflit, chaque note gardée', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), (operations) => {
        const stores = EVALUATORS.map(([name, partner]) => newReplica(name, partner));
        const ids = PISTES.map((title, index) => createPiste(stores[0], { title, proposed_by_partner_id: index % 2 ? 'd41' : 'd37' }));
        for (const store of stores.slice(1)) sendAll(stores[0], store);
        const last = new Map<string, { plus_value: number; faisabilite: number }>();
        for (const op of operations) {
          if (op.kind === 'score') {
            const store = stores[op.r];
            scorePiste(store, ids[op.piste], { evaluator_person_id: store.personId!, plus_value: op.plus_value, faisabilite: op.faisabilite });
            last.set(`${ids[op.piste]}:${store.personId!}`, { plus_value: op.plus_value, faisabilite: op.faisabilite });
          } else if (op.from !== op.to) {
            sendAll(stores[op.from], stores[op.to]);
          }
        }
        for (const from of stores) for (const to of stores) if (from !== to) sendAll(from, to);
        const expected = dump(stores[0]);
        for (const store of stores) {
          expect(dump(store)).toBe(expected);
          expect(listConflicts(store)).toEqual([]);
        }
        for (const id of ids) {
          const scores = getPiste(stores[1], id).scores.map((score) => [score.id, score.plus_value, score.faisabilite]);
          const model = [...last].filter(([key]) => key.startsWith(`${id}:`)).map(([key, value]) => [key, value.plus_value, value.faisabilite]);
          expect(scores.sort()).toEqual(model.sort());
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  test('un poste du schéma 5 garde dans son journal les pistes reçues ; la migration 6 les dérive, notes et conflit compris', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const id = createPiste(a, { title: 'Mutualisation des formations', proposed_by_partner_id: 'd37', finalites: ['economies_echelle'] });
    sendAll(a, b);
    scorePiste(a, id, { evaluator_person_id: a.personId!, plus_value: 3, faisabilite: 4 });
    scorePiste(b, id, { evaluator_person_id: b.personId!, plus_value: 2, faisabilite: 4 });
    updatePiste(a, id, { title: 'Formations communes' });
    updatePiste(b, id, { title: 'École commune des agents' });
    sendAll(b, a);

    const file = join(tempDir(), 'entente.sqlite');
    const raw = new Database(file);
    migrate(raw, 5);
    // Today's ChangeLog stands for 0.4's below: it writes live versions of migration 8's shape.
    liveVersionsByRow(raw);
    raw.prepare("INSERT INTO local_state (key, value) VALUES ('project_id', ?)").run(a.projectId);
    const insert = raw.prepare('INSERT INTO changes (origin, seq, hlc, entity, row_id, field, value, supersedes, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const later = new Set(['piste', 'piste_score']);
    raw.transaction(() => {
      const log = new ChangeLog(raw);
      for (const change of allChanges(a)) {
        if (later.has(change.entity)) {
          insert.run(
            change.origin,
            change.seq,
            change.hlc,
            change.entity,
            change.rowId,
            change.field,
            change.value,
            JSON.stringify(change.supersedes),
            change.chain ?? null,
          );
        } else log.applyChange(change);
      }
      new SearchIndex(raw).refresh(log.touched);
    })();
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'piste'").pluck().get()).toBe(0);
    raw.close();

    const migrated = track(Store.open(file));
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(dump(migrated)).toBe(dump(a));
    expect(listPistes(migrated)).toEqual(listPistes(a));
    expect(listConflicts(migrated).map((conflict) => [conflict.entity, conflict.field])).toEqual([['piste', 'title']]);
  });
});
