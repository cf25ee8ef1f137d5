import { describe, expect, it } from 'vitest';
import { parseDuration, parseTimeOfDay } from '../../common/duration';
import { frenchDuration } from '../../common/french';

describe('une durée tapée', () => {
  it.each([
    ['1 h 30', 90],
    ['1h30', 90],
    ['1H30', 90],
    ['1 h 30 min', 90],
    ['2 h', 120],
    ['2h', 120],
    ['2 heures', 120],
    ['1 h 05', 65],
    ['1:30', 90],
    ['90', 90],
    ['45 min', 45],
    ['45min', 45],
    ['45 minutes', 45],
    ['  20 mn ', 20],
    ['0', 0],
  ])('« %s » fait %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ minutes });
  });

  it('vide, elle ne donne aucune durée', () => {
    expect(parseDuration('   ')).toEqual({ minutes: null });
  });

  it.each(['une heure', '1,5 h', '1 h 30 h', '-30', 'h30', '30 s'])('« %s » est refusée par une phrase qui donne des exemples', (text) => {
    expect(parseDuration(text).error).toBe(
      `Durée illisible\u202f: «\u00a0${text.trim()}\u00a0». Écrivez par exemple «\u00a01 h 30\u00a0», «\u00a045 min\u00a0» ou «\u00a090\u00a0» (en minutes).`,
    );
  });

  it('refuse des minutes au-delà de 59 après les heures', () => {
    expect(parseDuration('1 h 75').error).toBe('Après les heures, les minutes vont de 0 à 59\u202f: «\u00a01 h 75\u00a0».');
    expect(parseDuration('1:60').error).toMatch(/de 0 à 59/);
  });

  it('relit ce que frenchDuration écrit', () => {
    for (const minutes of [5, 45, 60, 90, 150, 605]) expect(parseDuration(frenchDuration(minutes))).toEqual({ minutes });
  });
});

describe('une heure tapée', () => {
  it.each([
    ['9 h 30', '09:30'],
    ['9h30', '09:30'],
    ['9H30', '09:30'],
    ['09:30', '09:30'],
    ['9:05', '09:05'],
    ['14 h', '14:00'],
    ['14h', '14:00'],
    ['14', '14:00'],
    ['930', '09:30'],
    ['1430', '14:30'],
    ['0 h', '00:00'],
    [' 23 h 59 ', '23:59'],
  ])('« %s » est %s', (text, time) => {
    expect(parseTimeOfDay(text)).toEqual({ time });
  });

  it('vide, elle ne donne aucune heure', () => {
    expect(parseTimeOfDay('  ')).toEqual({ time: null });
  });

  it.each(['24 h', '9 h 60', 'neuf heures', '9 h 3', '12345', '-9', 'h30'])('« %s » est refusée par une phrase qui donne des exemples', (text) => {
    expect(parseTimeOfDay(text).error).toMatch(
      /^Heure illisible\u202f: «\u00a0.+\u00a0»\. Écrivez par exemple «\u00a09\u00a0h\u00a030\u00a0» ou «\u00a014\u00a0h\u00a0»\.$/,
    );
  });
});
