// The next working day proposed for a meeting: after a week-end and the jours fériés of metropolitan France.
import { expect, test } from 'vitest';
import { existsInParis, nextWorkingDay, publicHolidays } from '../../common/calendar';

test('les jours fériés de métropole : fixes, et ceux que Pâques fixe', () => {
  // Easter 2027 is 28 March, Easter 2028 is 16 April.
  expect([...publicHolidays(2027)].sort()).toEqual([
    '2027-01-01',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-08',
    '2027-05-17',
    '2027-07-14',
    '2027-08-15',
    '2027-11-01',
    '2027-11-11',
    '2027-12-25',
  ]);
  expect(publicHolidays(2028)).toContain('2028-04-17');
  expect(publicHolidays(2028)).toContain('2028-05-25');
});

test('le jour ouvré suivant saute le week-end et les jours fériés', () => {
  expect(nextWorkingDay('2027-03-03')).toBe('2027-03-03');
  expect(nextWorkingDay('2027-02-27')).toBe('2027-03-01');
  // Lundi de Pâques, Ascension, 14 juillet, 1er novembre.
  expect(nextWorkingDay('2027-03-28')).toBe('2027-03-30');
  expect(nextWorkingDay('2027-05-06')).toBe('2027-05-07');
  expect(nextWorkingDay('2027-07-14')).toBe('2027-07-15');
  expect(nextWorkingDay('2027-11-01')).toBe('2027-11-02');
  // 1er mai 2026 is a Friday: Monday 4 May. Christmas 2027 on a Saturday, then the Sunday: Monday 27.
  expect(nextWorkingDay('2026-05-01')).toBe('2026-05-04');
  expect(nextWorkingDay('2027-12-25')).toBe('2027-12-27');
});

test("l'heure qui n'existe pas la nuit du passage à l'heure d'été, et celle qui existe deux fois à l'automne", () => {
  expect(existsInParis('2027-03-28', '02:30')).toBe(false);
  expect(existsInParis('2027-03-28', '02:00')).toBe(false);
  expect(existsInParis('2027-03-28', '01:59')).toBe(true);
  expect(existsInParis('2027-03-28', '03:00')).toBe(true);
  expect(existsInParis('2027-10-31', '02:30')).toBe(true);
  expect(existsInParis('2027-06-15', '14:00')).toBe(true);
  expect(existsInParis('2027-01-04', '00:00')).toBe(true);
});
