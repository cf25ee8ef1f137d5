import { describe, expect, test } from 'vitest';
import { getAction } from '../../db/actions/reads';
import { listConflicts } from '../../db/conflicts/versions';
import { listDecisions } from '../../db/meetings/decisions';
import { sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { createMeeting, deleteAgendaItem, deleteEntry, deleteMeeting, restoreMeetingRow } from '../../db/meetings/writes';
import { deleteAction } from '../../db/actions/writes';
import { restoreRow } from '../../db/store/rows';
import { dump } from '../../db/project/dump';
import { arbitrate } from '../../db/pistes/arbitration';
import { findPisteId, getPiste, listPisteLines, listPistes, pisteMatrix, pisteOfAction, rankedByFinalite } from '../../db/pistes/reads';
import { createPiste, deletePiste, scorePiste, updatePiste } from '../../db/pistes/writes';
import { disagreement, quadrantOf } from '../../db/pistes/rules';
import type { PartnerMeans } from '../../db/pistes/types';
import type { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { newReplica } from './helpers';
import { cast, invalid } from './meeting-fixtures';

const PASSPHRASE = 'Loire 2026 coopération';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE }).bytes, PASSPHRASE);

const piste = (store: Store, title: string, partner = 'd37', finalites: ('innovation' | 'economies_echelle')[] = []) =>
  createPiste(store, { title, proposed_by_partner_id: partner, finalites });

function comite(store: Store, type: 'comite_pilotage' | 'codiri' | 'atelier' = 'comite_pilotage'): string {
  return createMeeting(store, { type, date: '2027-04-02', start_time: '14:00', duration_minutes: 120, chantier_ids: [] });
}

describe('pistes : saisie et numérotation', () => {
  test('une piste reçoit P1, P2… ; un intitulé vide, un partenaire inconnu, une réunion qui n’est pas un atelier sont refusés en français', () => {
    const store = newReplica();
    const first = piste(store, 'Plateforme commune de covoiturage');
    const second = piste(store, 'Achats groupés de sel de déneigement', 'd41');
    expect(listPistes(store).map((row) => [row.reference, row.title, row.proposed_by.code, row.status])).toEqual([
      ['P1', 'Plateforme commune de covoiturage', '37', 'proposee'],
      ['P2', 'Achats groupés de sel de déneigement', '41', 'proposee'],
    ]);
    expect(findPisteId(store, 'p2')).toBe(second);
    expect(invalid(() => createPiste(store, { title: '  ', proposed_by_partner_id: 'd37' })).message).toBe("L'intitulé de la piste ne peut pas être vide.");
    expect(invalid(() => createPiste(store, { title: 'X', proposed_by_partner_id: 'd99' })).message).toBe('Partenaire inconnu : d99.');
    const codiri = comite(store, 'codiri');
    expect(invalid(() => updatePiste(store, first, { atelier_meeting_id: codiri })).message).toMatch(/n'est pas un atelier/);
    const atelier = comite(store, 'atelier');
    updatePiste(store, first, { atelier_meeting_id: atelier, proposed_by_service: 'Direction des routes' });
    expect(getPiste(store, first).atelier?.id).toBe(atelier);
    // A deleted piste keeps its number: the next one is P3.
    deletePiste(store, second);
    const third = piste(store, 'Troisième');
    expect(getPiste(store, third).reference).toBe('P3');
  });
});

describe('évaluation croisée', () => {
  test('une note par évaluateur ; moyennes par partenaire et ensemble ; « évaluée » quand chaque partenaire a noté ; désaccord signalé', () => {
    const store = newReplica();
    const people = cast(store);
    const id = piste(store, 'Observatoire partagé des mobilités');
    scorePiste(store, id, { evaluator_person_id: people.me, plus_value: 4, faisabilite: 2 });
    scorePiste(store, id, { evaluator_person_id: people.anne, plus_value: 3, faisabilite: 2, comment: 'Utile' });
    expect(getPiste(store, id).status).toBe('proposee');
    scorePiste(store, id, { evaluator_person_id: people.marc, plus_value: 1, faisabilite: 3 });
    // Scoring again edits the evaluator's own row.
    scorePiste(store, id, { evaluator_person_id: people.me, faisabilite: 3 });
    const read = getPiste(store, id);
    expect(read.scores).toHaveLength(3);
    expect(read.status).toBe('evaluee');
    expect(read.by_partner.map((p) => [p.partner_code, p.plus_value, p.faisabilite, p.evaluators])).toEqual([
      ['37', 3.5, 2.5, 2],
      ['41', 1, 3, 1],
    ]);
    expect(read.together).toEqual({ plus_value: 2.25, faisabilite: 2.75, evaluators: 3 });
    expect(read.disagreement).toEqual({ plus_value: 2.5, faisabilite: 0.5, flagged: true });
    // Exactly 1,5 apart as arithmetic says, though floating point misses it by a hair.
    expect(
      disagreement([
        { plus_value: 5 / 3, faisabilite: 2 },
        { plus_value: 19 / 6, faisabilite: 2 },
      ] as PartnerMeans[]).flagged,
    ).toBe(true);
    expect(
      disagreement([
        { plus_value: 1, faisabilite: 2 },
        { plus_value: 2.4, faisabilite: 3.4 },
      ] as PartnerMeans[]).flagged,
    ).toBe(false);
    // Three partners' means 2, 11/3 and 11/6: together 2,5, high on its axis.
    expect(quadrantOf((2 + 11 / 3 + 11 / 6) / 3, 3)).toBe('a_lancer_vite');
    expect(invalid(() => scorePiste(store, id, { evaluator_person_id: people.paul, plus_value: 5 })).message).toBe('La plus-value est notée de 1 à 4.');
    expect(invalid(() => scorePiste(store, id, { evaluator_person_id: 'inconnu', plus_value: 2 })).message).toBe('Évaluateur inconnu : inconnu.');
  });

  test('la liste : chaque ligne ce qu’elle montre, filtrée comme les pistes ; les moyennes de chaque partenaire seulement en désaccord', () => {
    const store = newReplica();
    const people = cast(store);
    const apart = piste(store, 'Observatoire partagé des mobilités', 'd37', ['innovation']);
    const close = piste(store, 'Achats groupés de sel de déneigement', 'd41');
    updatePiste(store, close, { proposed_by_service: 'Direction des routes' });
    scorePiste(store, apart, { evaluator_person_id: people.me, plus_value: 4, faisabilite: 3 });
    scorePiste(store, apart, { evaluator_person_id: people.marc, plus_value: 1, faisabilite: 3 });
    scorePiste(store, close, { evaluator_person_id: people.me, plus_value: 3, faisabilite: 2 });
    scorePiste(store, close, { evaluator_person_id: people.marc, plus_value: 3, faisabilite: 3 });
    expect(listPisteLines(store)).toEqual([
      {
        id: apart,
        number: 1,
        reference: 'P1',
        title: 'Observatoire partagé des mobilités',
        proposed_by: { short_name: 'Indre-et-Loire', service: null },
        finalites: ['innovation'],
        status: 'evaluee',
        together: { plus_value: 2.5, faisabilite: 3 },
        disagreement: [
          { partner_short_name: 'Indre-et-Loire', plus_value: 4, faisabilite: 3 },
          { partner_short_name: 'Loir-et-Cher', plus_value: 1, faisabilite: 3 },
        ],
      },
      {
        id: close,
        number: 2,
        reference: 'P2',
        title: 'Achats groupés de sel de déneigement',
        proposed_by: { short_name: 'Loir-et-Cher', service: 'Direction des routes' },
        finalites: [],
        status: 'evaluee',
        together: { plus_value: 3, faisabilite: 2.5 },
        disagreement: null,
      },
    ]);
    expect(listPisteLines(store, { finalite: 'innovation' }).map((line) => line.id)).toEqual([apart]);
  });

  test('matrice : quadrants au seuil de 2,5 ; classement par finalité selon plus-value × faisabilité, puis plus-value', () => {
    const store = newReplica();
    const people = cast(store);
    const scored = (title: string, pv: number, f: number, partner = 'd37') => {
      const id = piste(store, title, partner, ['innovation']);
      scorePiste(store, id, { evaluator_person_id: people.me, plus_value: pv, faisabilite: f });
      scorePiste(store, id, { evaluator_person_id: people.marc, plus_value: pv, faisabilite: f });
      return id;
    };
    scored('Vite', 4, 3);
    scored('Structurant', 3, 2, 'd41');
    scored('Approfondir', 2, 3);
    scored('Écarter', 2, 2);
    scored('Pile au seuil', 3, 2);
    const matrix = pisteMatrix(store);
    expect(matrix.map((point) => [point.title, point.quadrant, point.partner_code])).toEqual([
      ['Vite', 'a_lancer_vite', '37'],
      ['Structurant', 'projets_structurants', '41'],
      ['Approfondir', 'a_approfondir', '37'],
      ['Écarter', 'a_ecarter', '37'],
      ['Pile au seuil', 'projets_structurants', '37'],
    ]);
    // A mean exactly at 2,5 is high.
    const edge = piste(store, 'Seuil', 'd37', ['economies_echelle']);
    scorePiste(store, edge, { evaluator_person_id: people.me, plus_value: 2, faisabilite: 3 });
    scorePiste(store, edge, { evaluator_person_id: people.marc, plus_value: 3, faisabilite: 2 });
    expect(pisteMatrix(store, { finalite: 'economies_echelle' })[0]).toMatchObject({ plus_value: 2.5, faisabilite: 2.5, quadrant: 'a_lancer_vite' });
    piste(store, 'Pas encore notée', 'd41', ['innovation']);
    const innovation = rankedByFinalite(store).find((group) => group.finalite === 'innovation')!;
    // Structurant (3×2=6) and Approfondir (2×3=6) tie on the product: the higher plus-value first.
    expect(innovation.pistes.map((row) => [row.rank, row.title, row.product])).toEqual([
      [1, 'Vite', 12],
      [2, 'Structurant', 6],
      [3, 'Pile au seuil', 6],
      [4, 'Approfondir', 6],
      [5, 'Écarter', 4],
      [6, 'Pas encore notée', null],
    ]);
    expect(listPistes(store, { partner_id: 'd41' }).map((row) => row.title)).toEqual(['Structurant', 'Pas encore notée']);
    expect(listPistes(store, { status: 'proposee' }).map((row) => row.title)).toEqual(['Pas encore notée']);
  });
});

describe('arbitrage', () => {
  test('retenue dans le chantier 4 : décision numérotée du compte rendu, action créée, liens dans les deux sens', () => {
    const store = newReplica();
    const id = piste(store, 'Bourse commune des stages', 'd41', ['innovation']);
    const meeting = comite(store);
    const result = arbitrate(store, id, meeting, { kind: 'retenue', chantier_id: 'c4' });
    expect(result.decision_number).toBe(1);
    const read = getPiste(store, id);
    expect(read).toMatchObject({ status: 'devenue_action', stored_status: 'retenue', action_id: result.action_id, chantier: { id: 'c4', number: 4 } });
    expect(read.decision).toMatchObject({ entry_id: result.entry_id, meeting_id: meeting, number: 1 });
    const action = getAction(store, result.action_id!);
    expect(action).toMatchObject({ title: 'Bourse commune des stages', chantier_id: 'c4', finalites: ['innovation'] });
    expect(pisteOfAction(store, action.id)?.id).toBe(id);
    const decision = listDecisions(store).find((row) => row.id === result.entry_id)!;
    expect(decision.agenda_item.title).toBe('Arbitrage des pistes');
    expect(decision.text).toMatch(/^Piste P1 « Bourse commune des stages » : retenue ; elle devient l'action 4\.\d+ du chantier 4/);

    const second = piste(store, 'Guichet unique');
    const third = piste(store, 'Fusion des laboratoires');
    expect(arbitrate(store, second, meeting, { kind: 'a_approfondir' }).decision_number).toBe(2);
    expect(invalid(() => arbitrate(store, third, meeting, { kind: 'ecartee', reason: ' ' })).message).toBe(
      'Donnez la raison pour laquelle la piste P3 est écartée.',
    );
    arbitrate(store, third, meeting, { kind: 'ecartee', reason: 'statuts incompatibles' });
    expect(getPiste(store, third)).toMatchObject({ status: 'ecartee', status_reason: 'statuts incompatibles', decision: { number: 3 } });
    // One agenda item for every arbitrage of the meeting.
    expect(
      new Set(
        listDecisions(store)
          .filter((row) => row.meeting.id === meeting)
          .map((row) => row.agenda_item.title),
      ),
    ).toEqual(new Set(['Arbitrage des pistes']));
    expect(invalid(() => arbitrate(store, third, meeting, { kind: 'a_approfondir' })).message).toMatch(/a déjà été écartée/);
  });

  test("une décision supprimée du compte rendu rend la piste au comité ; celle qui a fait une action reste tant que l'action existe", () => {
    const store = newReplica();
    const retained = piste(store, 'Bourse commune des stages');
    const dismissed = piste(store, 'Fusion des laboratoires');
    const meeting = comite(store);
    const made = arbitrate(store, retained, meeting, { kind: 'retenue', chantier_id: 'c4' });
    const { entry_id: dismissal } = arbitrate(store, dismissed, meeting, { kind: 'ecartee', reason: 'statuts incompatibles' });

    // An écartée piste whose décision is deleted is to be arbitrated again by the comité whose ordre du jour it is on.
    deleteEntry(store, dismissal);
    expect(getPiste(store, dismissed)).toMatchObject({ status: 'proposee', status_reason: null, decision: null });
    arbitrate(store, dismissed, meeting, { kind: 'a_approfondir' });
    expect(getPiste(store, dismissed)).toMatchObject({ status: 'a_approfondir', decision: { number: 2 } });
    // The old décision restored (« Rétablir ») does not undo the later one: the piste's latest décision stands.
    restoreMeetingRow(store, 'entry', dismissal);
    expect(getPiste(store, dismissed).status).toBe('a_approfondir');

    // The décision that made an action stays while the action does, whatever is deleted around it.
    const reference = getAction(store, made.action_id!).reference;
    const kept = `La décision qui a retenu la piste P1 en a fait l'action ${reference} : elle reste au compte rendu tant que cette action existe. Si la piste n'est plus retenue, supprimez d'abord l'action.`;
    expect(invalid(() => deleteEntry(store, made.entry_id)).message).toBe(kept);
    const item = listDecisions(store).find((row) => row.id === made.entry_id)!.agenda_item.id;
    expect(invalid(() => deleteAgendaItem(store, item)).message).toBe(kept);
    expect(invalid(() => deleteMeeting(store, meeting)).message).toBe(kept);
    expect(getPiste(store, retained).status).toBe('devenue_action');
    deleteAction(store, made.action_id!);
    deleteMeeting(store, meeting);
    expect(getPiste(store, retained)).toMatchObject({ status: 'proposee', decision: null });
    // Its action restored (or kept alive by an edit made elsewhere): retained again, never a second action.
    restoreRow(store, 'action', made.action_id!);
    expect(getPiste(store, retained).status).toBe('devenue_action');
    expect(invalid(() => arbitrate(store, retained, comite(store), { kind: 'retenue', chantier_id: 'c4' })).message).toMatch(/a déjà été retenue/);
    deleteAction(store, made.action_id!);
    expect(() => deletePiste(store, retained)).not.toThrow();

    // The point « Arbitrage des pistes » deleted: its décisions go with it, their pistes back to the comité.
    const other = comite(store);
    const { entry_id: later } = arbitrate(store, dismissed, other, { kind: 'ecartee', reason: 'hors compétence' });
    const point = listDecisions(store).find((row) => row.id === later)!.agenda_item.id;
    deleteAgendaItem(store, point);
    expect(getPiste(store, dismissed)).toMatchObject({ status: 'proposee', decision: null });
  });

  test('retenue dans un nouveau chantier ; refus hors comité ou CODIRI et sur un compte rendu validé', () => {
    const store = newReplica();
    const people = cast(store);
    const id = piste(store, 'Centre de ressources numériques');
    const atelier = comite(store, 'atelier');
    expect(invalid(() => arbitrate(store, id, atelier, { kind: 'a_approfondir' })).message).toBe(
      "Une piste s'arbitre en comité de pilotage ou en CODIRI ; cette réunion est : atelier interdépartemental.",
    );
    const codiri = comite(store, 'codiri');
    const result = arbitrate(store, id, codiri, { kind: 'retenue', new_chantier_title: 'Numérique partagé' });
    expect(getPiste(store, id).chantier).toMatchObject({ id: result.chantier_id, number: 10, title: 'Numérique partagé' });
    sendForValidation(store, codiri, '2027-04-03');
    validateMinutes(store, codiri, { validatedBy: people.marc, day: '2027-04-05' });
    const other = piste(store, 'Autre piste');
    expect(invalid(() => arbitrate(store, other, codiri, { kind: 'a_approfondir' })).message).toMatch(/compte rendu est validé/);
    expect(getPiste(store, other).decision).toBeNull();
  });
});

describe('synchronisation', () => {
  test('deux évaluateurs notent la même piste en même temps : pas de conflit, les deux notes sont là', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const id = piste(a, 'Mutualisation des formations');
    send(a, b);
    scorePiste(a, id, { evaluator_person_id: a.personId!, plus_value: 4, faisabilite: 3 });
    scorePiste(b, id, { evaluator_person_id: b.personId!, plus_value: 2, faisabilite: 3 });
    send(a, b);
    send(b, a);
    expect(dump(a)).toBe(dump(b));
    expect(listConflicts(a)).toEqual([]);
    expect(getPiste(a, id)).toMatchObject({ status: 'evaluee', together: { plus_value: 3, faisabilite: 3 } });
  });

  test('le même intitulé modifié sur deux postes est un conflit visible dans Conflits', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const id = piste(a, 'Mutualisation des formations');
    send(a, b);
    updatePiste(a, id, { title: 'Formations communes' });
    updatePiste(b, id, { title: 'École commune des agents' });
    send(a, b);
    send(b, a);
    const conflicts = listConflicts(a);
    expect(conflicts.map((conflict) => [conflict.entity, conflict.row_id, conflict.field])).toEqual([['piste', id, 'title']]);
    expect(conflicts[0].versions.map((version) => version.value).sort()).toEqual(['Formations communes', 'École commune des agents']);
  });
});
