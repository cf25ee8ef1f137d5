import { describe, expect, test } from 'vitest';
import { createAction } from '../../db/actions/writes';
import { cooperationDashboard, upcomingDeadlines, upcomingMeetings } from '../../db/chantiers/dashboard';
import { updateChantier } from '../../db/chantiers/writes';
import { createMeeting } from '../../db/meetings/writes';
import { arbitrate } from '../../db/pistes/arbitration';
import { createPiste } from '../../db/pistes/writes';
import { cast, codiri, invalid } from './meeting-fixtures';
import { newReplica, tempDir } from './helpers';

/** Local noon of a day: the store's wall clock in these tests. */
const noon = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).getTime();
};

const DAY = '2027-05-01';

describe('tableau de bord de la coopération', () => {
  test('les échéances des 30 prochains jours : actions non closes, bornes comprises, la plus proche en premier', () => {
    const store = newReplica();
    const open = (title: string, end_date: string, status: 'en_cours' | 'realise' | 'abandonne' | 'a_venir' = 'en_cours') =>
      createAction(store, { chantier_id: 'c4', title, status, end_date });
    open('Dernier jour', '2027-05-31');
    open('Aujourd’hui', DAY, 'a_venir');
    open('Hier', '2027-04-30');
    open('Trop loin', '2027-06-01');
    open('Déjà réalisée', '2027-05-10', 'realise');
    open('Abandonnée', '2027-05-10', 'abandonne');
    const ours = upcomingDeadlines(store, DAY).filter((deadline) =>
      ['Dernier jour', 'Aujourd’hui', 'Hier', 'Trop loin', 'Déjà réalisée', 'Abandonnée'].includes(deadline.title),
    );
    expect(ours.map((deadline) => deadline.title)).toEqual(['Aujourd’hui', 'Dernier jour']);
    for (const deadline of ours) expect(deadline.reference).toMatch(/^4\.\d+$/);
    // Every action listed falls within the 30 days and is open, the seed's ones included.
    for (const deadline of upcomingDeadlines(store, DAY)) {
      expect(deadline.end_date >= DAY && deadline.end_date <= '2027-05-31').toBe(true);
      expect(['realise', 'abandonne']).not.toContain(deadline.status);
    }
  });

  test('les prochaines réunions, datées d’aujourd’hui ou après, la plus proche en premier', () => {
    const store = newReplica();
    const meeting = (type: 'atelier' | 'codiri', date: string) => createMeeting(store, { type, date, start_time: '14:00', duration_minutes: 60, place: null });
    meeting('atelier', '2027-04-30');
    meeting('codiri', '2027-06-15');
    meeting('atelier', DAY);
    expect(upcomingMeetings(store, DAY).map((found) => [found.date, found.title])).toEqual([
      [DAY, 'Atelier du 1er mai 2027'],
      ['2027-06-15', 'CODIRI du 15 juin 2027'],
    ]);
  });

  test('le stade de chaque chantier avec le jour où il a été atteint', () => {
    const clock = { now: noon('2026-09-01') };
    const store = newReplica('Claire Martin', '37', tempDir(), () => clock.now);
    clock.now = noon('2026-11-05');
    updateChantier(store, 'c4', { stage: 'parole_commune' });
    const chantiers = cooperationDashboard(store, { kind: 'all' }, DAY).chantiers;
    expect(chantiers.find((chantier) => chantier.id === 'c4')).toMatchObject({ stage: 'parole_commune', stage_since: '2026-11-05' });
    // The project's starting stage was reached on no day Entente knows.
    expect(chantiers.find((chantier) => chantier.id === 'c1')?.stage_since).toBeNull();
  });

  test('les chiffres selon la période, les décisions non suivies', () => {
    const store = newReplica();
    const people = cast(store);
    codiri(store, people);
    createMeeting(store, { type: 'atelier', date: '2026-11-05', start_time: '14:00', duration_minutes: 120, place: null });
    const value = (period: 'all' | 'year' | 'since-codiri', key: string) =>
      cooperationDashboard(store, { kind: period }, DAY).figures.figures.find((figure) => figure.key === key)?.value;
    expect(value('all', 'reunions.atelier')).toBe(1);
    expect(value('year', 'reunions.atelier')).toBe(0);
    expect(value('all', 'reunions.codiri')).toBe(1);
    expect(value('since-codiri', 'reunions.codiri')).toBe(0);
    expect(cooperationDashboard(store, { kind: 'since-codiri' }, DAY).figures.period).toBe('depuis le CODIRI du 15 mars 2027');
    // On the CODIRI's own day: since the one before (none here), the day's CODIRI counted.
    const onTheDay = cooperationDashboard(store, { kind: 'since-codiri' }, '2027-03-15').figures;
    expect(onTheDay).toMatchObject({ from: null, period: "depuis le début de la coopération (aucun CODIRI tenu avant aujourd'hui)" });
    expect(onTheDay.figures.find((figure) => figure.key === 'reunions.codiri')?.value).toBe(1);
    expect(invalid(() => cooperationDashboard(store, { kind: 'since', date: '2027-03-16' }, '2027-03-15')).message).toBe(
      "Le 16 mars 2027 n'est pas encore passé : choisissez une date jusqu'à aujourd'hui.",
    );
    // The décision on Approlys is followed by an action (a8-1); the séminaire's action is made only when the minutes are validated.
    expect(cooperationDashboard(store, { kind: 'all' }, DAY).unfollowed_decisions.map((decision) => decision.text)).toEqual([
      'Le séminaire des cadres aura lieu en juin, à Blois.',
    ]);
  });

  test("les réunions comptées, passées comprises : une coopération qui en a une n'est plus « vide »", () => {
    const store = newReplica();
    expect(cooperationDashboard(store, { kind: 'all' }, DAY).meeting_count).toBe(0);
    createMeeting(store, { type: 'atelier', date: '2026-11-05', start_time: '14:00', duration_minutes: 120, place: null });
    const dashboard = cooperationDashboard(store, { kind: 'all' }, DAY);
    expect(dashboard.meetings).toEqual([]);
    expect(dashboard.meeting_count).toBe(1);
  });

  test('les pistes identifiées et retenues', () => {
    const store = newReplica();
    const value = (key: string) => cooperationDashboard(store, { kind: 'all' }, DAY).figures.figures.find((figure) => figure.key === key)?.value;
    const before = { identified: value('pistes')!, retained: value('pistes.retenues')! };
    const comite = createMeeting(store, { type: 'comite_pilotage', date: '2027-04-20', start_time: '10:00', duration_minutes: 90, place: null });
    const first = createPiste(store, { title: 'Un annuaire commun des experts', proposed_by_partner_id: 'd37' });
    const second = createPiste(store, { title: 'Des achats groupés de fournitures', proposed_by_partner_id: 'd41' });
    createPiste(store, { title: 'Un séminaire annuel', proposed_by_partner_id: 'd41' });
    arbitrate(store, first, comite, { kind: 'retenue', chantier_id: 'c4' });
    arbitrate(store, second, comite, { kind: 'ecartee', reason: 'Déjà fait par Approlys.' });
    expect(value('pistes')).toBe(before.identified + 3);
    expect(value('pistes.retenues')).toBe(before.retained + 1);
  });
});
