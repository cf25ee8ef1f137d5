// Which revocations count (db/store/revocations.ts): from the set of revocations in the log
// only, in any order, never by clocks.
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { revocationBounds } from '../../db/store/revocations';
import { shuffled } from './helpers';

/** [author, its number, poste revoked, after which of its changes]. */
type Revocation = [string, number, string, number];

/** The bounds a log holding these revocations derives, the same whatever order they were written in. */
function bounds(revocations: Revocation[], registered = ['A', 'B', 'C', 'S', 'X']): Record<string, number> {
  const results = [0, 1, 2].map((seed) => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE changes (origin TEXT, seq INTEGER, entity TEXT, row_id TEXT, field TEXT, value TEXT)');
    const insert = db.prepare('INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?)');
    // Each poste wrote its own replica row when it joined.
    for (const poste of registered) insert.run(poste, 0, 'replica', poste, 'person_id', '"p"');
    for (const [origin, seq, target, after] of shuffled(revocations, seed)) insert.run(origin, seq, 'replica', target, 'revoked_after', String(after));
    const result = Object.fromEntries([...revocationBounds(db)].sort());
    db.close();
    return result;
  });
  for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  return results[0];
}

test('une révocation écrite après la borne de son auteur ne compte pas', () => {
  // A revokes S after 10; S, already past 10, then revokes A.
  expect(
    bounds([
      ['A', 5, 'S', 10],
      ['S', 12, 'A', 6],
    ]),
  ).toEqual({ S: 10 });
});

test('deux postes qui se révoquent sans le savoir sont révoqués tous les deux, et trois en cycle aussi', () => {
  expect(
    bounds([
      ['A', 5, 'S', 10],
      ['S', 12, 'A', 0],
    ]),
  ).toEqual({ A: 0, S: 10 });
  expect(
    bounds([
      ['A', 5, 'B', 1],
      ['B', 5, 'C', 1],
      ['C', 5, 'A', 1],
    ]),
  ).toEqual({ A: 1, B: 1, C: 1 });
});

test("un cycle déjà rompu de l'extérieur ne compte pas comme un cycle", () => {
  // X revokes C first: C's revocation of A does not count, so A revoked B in time, and B's revocation of C does not count.
  expect(
    bounds([
      ['X', 9, 'C', 3],
      ['A', 5, 'B', 1],
      ['B', 5, 'C', 0],
      ['C', 5, 'A', 1],
    ]),
  ).toEqual({ B: 1, C: 3 });
});

test("une origine inventée dans le fichier d'un autre ne révoque personne", () => {
  expect(
    bounds([
      ['A', 5, 'S', 10],
      ['Z', 1, 'A', 0],
    ]),
  ).toEqual({ S: 10 });
});
