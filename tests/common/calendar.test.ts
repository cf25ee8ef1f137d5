// The next working day proposed for a meeting: after a week-end and the jours fériés of metropolitan France.
import { expect, test } from 'vitest';
import { addMinutes, existsInParis, minutesBetween, nextWorkingDay, publicHolidays } from '../../common/calendar';

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

test("la fin d'une réunion, comme l'horloge la montrera : après minuit, et les nuits où l'heure change", () => {
  expect(addMinutes('2027-03-15', '14:30', 150)).toEqual({ date: '2027-03-15', time: '17:00' });
  expect(addMinutes('2027-06-15', '22:00', 180)).toEqual({ date: '2027-06-16', time: '01:00' });
  // 5 hours from 23 h: 5 h the night summer time starts (2 h becomes 3 h), 3 h the night it ends (3 h becomes 2 h).
  expect(addMinutes('2027-03-27', '23:00', 300)).toEqual({ date: '2027-03-28', time: '05:00' });
  expect(addMinutes('2027-10-30', '23:00', 300)).toEqual({ date: '2027-10-31', time: '03:00' });
  // 2 h 30 exists twice in October: the first, in summer time, 90 minutes before 3 h in winter time.
  expect(addMinutes('2027-10-31', '02:30', 90)).toEqual({ date: '2027-10-31', time: '03:00' });
  // A time the clock skips, never a meeting's (refused): counted as written.
  expect(addMinutes('2027-03-28', '02:30', 60)).toEqual({ date: '2027-03-28', time: '03:30' });
  // From an end time of the same day: from 1 h to 4 h, two hours in March, four in October.
  expect(minutesBetween('2027-03-15', '09:30', '12:00')).toBe(150);
  expect(minutesBetween('2027-03-28', '01:00', '04:00')).toBe(120);
  expect(minutesBetween('2027-10-31', '01:00', '04:00')).toBe(240);
});
