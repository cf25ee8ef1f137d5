// The .ics files read back by a real iCalendar parser (ical.js), not by the generator's code.
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { escapeText, foldLine } from '../../db/meetings/ics';
import { meetingIcs, upcomingMeetingsIcs } from '../../db/meetings/calendar';
import { addAgendaItem, createMeeting, updateMeeting } from '../../db/meetings/writes';
import { amendMinutes, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { createPerson } from '../../db/people/writes';
import type { Store } from '../../db/store/store';
import { newReplica } from './helpers';

const NOW = new Date(Date.UTC(2027, 1, 1, 8, 0, 0));

function events(ics: string): InstanceType<typeof ICAL.Event>[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

const utc = (time: InstanceType<typeof ICAL.Time>) => time.toJSDate().toISOString();

function codiriWithAgenda(store: Store): string {
  const id = createMeeting(store, {
    type: 'codiri',
    title: 'CODIRI de printemps, bilan; perspectives',
    date: '2027-03-15',
    start_time: '09:30',
    duration_minutes: 150,
    place: 'Salle 1, bâtiment B; 2e étage \\ aile nord\nAccueil au rez-de-chaussée',
    chantier_ids: ['c4', 'c8'],
  });
  addAgendaItem(store, id, {
    title: 'Point d’étape de la formation commune à la gestion de projet, des séminaires et du réseau des formateurs internes',
    presenter: 'Marc Petit',
    duration_minutes: 60,
  });
  addAgendaItem(store, id, { title: 'Approlys : posture commune', duration_minutes: 45 });
  return id;
}

describe('fichier .ics d’une réunion', () => {
  test('heures de Paris (UTC+1 en hiver), échappement, ordre du jour, fuseau décrit dans le fichier', () => {
    const store = newReplica();
    const id = codiriWithAgenda(store);
    const ics = meetingIcs(store, id, NOW);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const timezone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(timezone.getFirstPropertyValue('tzid')).toBe('Europe/Paris');

    const [event] = events(ics);
    expect(events(ics)).toHaveLength(1);
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(utc(event.startDate)).toBe('2027-03-15T08:30:00.000Z');
    expect(utc(event.endDate)).toBe('2027-03-15T11:00:00.000Z');
    expect(event.summary).toBe('CODIRI – CODIRI de printemps, bilan; perspectives');
    expect(event.location).toBe('Salle 1, bâtiment B; 2e étage \\ aile nord\nAccueil au rez-de-chaussée');
    expect(event.description).toBe(
      [
        'Coopération Indre-et-Loire – Loir-et-Cher',
        // In French typography: no-break spaces before « : », « ; » and inside durations.
        'Chantiers\u00a0: 4 · Les ressources humaines\u202f; 8 · Les achats',
        '',
        'Ordre du jour\u00a0:',
        '1. Point d’étape de la formation commune à la gestion de projet, des séminaires et du réseau des formateurs internes (Marc Petit, 1\u00a0h)',
        '2. Approlys\u00a0: posture commune (45\u00a0min)',
      ].join('\n'),
    );
    expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2027-02-01T08:00:00Z');
    expect(event.component.getFirstPropertyValue('categories')).toBe('CODIRI');
  });

  test('en juillet, UTC+2', () => {
    const store = newReplica();
    const id = createMeeting(store, { type: 'reunion_travail', date: '2027-07-05', start_time: '14:00', end_time: '15:45', chantier_ids: ['c4'] });
    const [event] = events(meetingIcs(store, id, NOW));
    expect(utc(event.startDate)).toBe('2027-07-05T12:00:00.000Z');
    expect(utc(event.endDate)).toBe('2027-07-05T13:45:00.000Z');
    expect(event.summary).toBe('Réunion de travail – chantier 4 · Les ressources humaines');
    expect(event.location).toBeNull();
  });

  test("la nuit où l'heure change : 5 heures à partir de 23 h durent 5 heures dans le calendrier", () => {
    const store = newReplica();
    for (const [date, start, end] of [
      ['2027-03-27', '2027-03-27T22:00:00.000Z', '2027-03-28T03:00:00.000Z'],
      ['2027-10-30', '2027-10-30T21:00:00.000Z', '2027-10-31T02:00:00.000Z'],
    ]) {
      const id = createMeeting(store, { type: 'atelier', title: 'Veille hivernale', date, start_time: '23:00', duration_minutes: 300, chantier_ids: ['c4'] });
      const [event] = events(meetingIcs(store, id, NOW));
      expect([utc(event.startDate), utc(event.endDate)]).toEqual([start, end]);
    }
    // An end time the clock skips is refused, as a start time is.
    expect(() =>
      createMeeting(store, { type: 'atelier', title: 'Veille', date: '2027-03-28', start_time: '01:00', end_time: '02:30', chantier_ids: ['c4'] }),
    ).toThrow("2 h 30 n'existe pas le 28 mars 2027 : cette nuit-là, on passe de 2 h à 3 h (heure d'été).");
    // Given by its end time, from 1 h to 4 h the night summer time starts: two hours.
    const night = createMeeting(store, { type: 'atelier', title: 'Veille', date: '2027-03-28', start_time: '01:00', end_time: '04:00', chantier_ids: ['c4'] });
    const [event] = events(meetingIcs(store, night, NOW));
    expect([utc(event.startDate), utc(event.endDate)]).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T02:00:00.000Z']);
  });

  test('lignes CRLF de 75 octets au plus, repliées sans couper un caractère', () => {
    const store = newReplica();
    const ics = meetingIcs(store, codiriWithAgenda(store), NOW);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/Paris:20270315T093000\r\n');
    expect(ics).toContain('\r\nDTEND;TZID=Europe/Paris:20270315T120000\r\n');

    // A line of two-byte and four-byte characters: folded between characters, unfolded whole.
    const long = `SUMMARY:${'é'.repeat(50)}🎉${'à'.repeat(40)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  test('UID stable ; SEQUENCE qui croît quand l’horaire change ; la version modificative est le même événement', () => {
    const store = newReplica();
    const marc = createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
    const id = codiriWithAgenda(store);
    const [first] = events(meetingIcs(store, id, NOW));
    expect(first.component.getFirstPropertyValue('sequence')).toBe(0);
    updateMeeting(store, id, { title: 'CODIRI de printemps' });
    expect(events(meetingIcs(store, id, NOW))[0].component.getFirstPropertyValue('sequence')).toBe(0);
    updateMeeting(store, id, { start_time: '10:00' });
    const [moved] = events(meetingIcs(store, id, NOW));
    expect(moved.uid).toBe(first.uid);
    expect(moved.component.getFirstPropertyValue('sequence')).toBe(1);
    expect(utc(moved.startDate)).toBe('2027-03-15T09:00:00.000Z');

    sendForValidation(store, id, '2027-03-16');
    validateMinutes(store, id, { validatedBy: marc, day: '2027-03-17' });
    const amended = amendMinutes(store, id, null);
    const [again] = events(meetingIcs(store, amended, NOW));
    expect(again.uid).toBe(first.uid);
    expect(again.component.getFirstPropertyValue('sequence')).toBe(1);

    // A place given for the first time after the creation moves the event too.
    const unplaced = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2027-04-12', start_time: '14:00', duration_minutes: 90 });
    expect(events(meetingIcs(store, unplaced, NOW))[0].component.getFirstPropertyValue('sequence')).toBe(0);
    updateMeeting(store, unplaced, { place: 'Blois' });
    expect(events(meetingIcs(store, unplaced, NOW))[0].component.getFirstPropertyValue('sequence')).toBe(1);
  });
});

describe('fichier .ics des réunions à venir', () => {
  test('toutes les réunions à venir, une fois chacune ; pas les passées', () => {
    const store = newReplica();
    const past = createMeeting(store, { type: 'codiri', date: '2027-01-11', start_time: '09:00', duration_minutes: 120 });
    const today = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2027-02-01', start_time: '14:00', duration_minutes: 90 });
    const summer = createMeeting(store, { type: 'comite_pilotage', date: '2027-07-05', start_time: '09:30', duration_minutes: 60 });
    const autumn = codiriWithAgenda(store);
    updateMeeting(store, autumn, { date: '2027-10-11' });
    const ics = upcomingMeetingsIcs(store, { day: '2027-02-01', now: NOW });
    const read = events(ics);
    const uid = (id: string) => events(meetingIcs(store, id, NOW))[0].uid;
    expect(read.map((event) => event.uid)).toEqual([uid(today), uid(summer), uid(autumn)]);
    expect(read.map((event) => event.uid)).not.toContain(uid(past));
    expect(read.map((event) => [event.summary, utc(event.startDate)])).toEqual([
      ['Atelier interdépartemental – Atelier achats', '2027-02-01T13:00:00.000Z'],
      ['Comité de pilotage', '2027-07-05T07:30:00.000Z'],
      ['CODIRI – CODIRI de printemps, bilan; perspectives', '2027-10-11T07:30:00.000Z'],
    ]);
    expect(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vtimezone')).toHaveLength(1);
  });
});
