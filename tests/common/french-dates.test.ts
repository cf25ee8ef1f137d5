// Dates printed from an instant are those of the laptop's clock, not UTC's: in Paris, an
// edit made at 0 h 30 is of that day, as the dossier CODIRI and the screens say.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { frenchDateTime, frenchDay } from '../../common/french';

let zone: string | undefined;
beforeEach(() => {
  zone = process.env.TZ;
  process.env.TZ = 'Europe/Paris';
});
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

test("le jour d'un instant est celui de l'heure locale", () => {
  // 23 h 42 UTC on 3 December is 0 h 42 on 4 December in Paris (winter time).
  expect(frenchDay('2026-12-03T23:42:00.000Z')).toBe('4 décembre 2026');
  expect(frenchDateTime('2026-12-03T23:42:00.000Z')).toBe('4 décembre 2026 à 0 h 42');
  // Summer time: 22 h UTC on 31 May is 0 h on 1 June.
  expect(frenchDay(new Date('2027-05-31T22:00:00.000Z'))).toBe('1er juin 2027');
  expect(frenchDay('2027-05-31T21:59:00.000Z')).toBe('31 mai 2027');
});
