// The pistes on a comité's ordre du jour: put on, taken off, read with their scores, arbitrated
// there; and across laptops: the décisions replicate, concurrent scores are no conflict,
// the same field edited twice is one, named in Conflits.
import { beforeAll, describe, expect, test } from 'vitest';
import { getAction } from '../../db/actions/reads';
import { listConflictViews } from '../../db/conflicts/reads';
import { convocationDocument, convocationText } from '../../db/meetings/convocation';
import { codiriDossier } from '../../db/meetings/dossier';
import { getMeeting, meetingsOfAction } from '../../db/meetings/reads';
import { sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { addEntry, createMeeting } from '../../db/meetings/writes';
import { listPartners } from '../../db/people/reads';
import { dump } from '../../db/project/dump';
import { putOnAgenda, takeOffAgenda } from '../../db/pistes/agenda';
import { arbitrate } from '../../db/pistes/arbitration';
import { getPiste, pisteOriginOfAction, pistesOnAgenda, pistesToArbitrate } from '../../db/pistes/reads';
import { createPiste, deletePiste, scorePiste, updatePiste } from '../../db/pistes/writes';
import type { Store } from '../../db/store/store';
import { buildCli, cliOutput, newCooperation, newReplica, runCli, sendAll, tempDir } from './helpers';
import { cast, invalid } from './meeting-fixtures';

const meeting = (store: Store, type: 'comite_pilotage' | 'codiri' | 'atelier' = 'comite_pilotage', date = '2027-03-12') =>
  createMeeting(store, { type, date, start_time: '14:00', duration_minutes: 120, chantier_ids: [] });

const piste = (store: Store, title: string, partner = 'd37') => createPiste(store, { title, proposed_by_partner_id: partner });

const points = (store: Store, meetingId: string) => getMeeting(store, meetingId).agenda.map((item) => [item.title, item.to_arbitrate]);

describe("pistes à l'ordre du jour d'un comité", () => {
  test('inscrite avec ses notes et son quadrant sous le point « Arbitrage des pistes », puis retirée ; le point part avec la dernière', () => {
    const store = newReplica();
    const people = cast(store);
    const first = piste(store, 'Bourse commune des stages');
    const second = piste(store, 'Guichet unique', 'd41');
    scorePiste(store, first, { evaluator_person_id: people.me, plus_value: 4, faisabilite: 3 });
    scorePiste(store, first, { evaluator_person_id: people.marc, plus_value: 2, faisabilite: 3 });
    const comite = meeting(store);
    expect(pistesOnAgenda(store, comite)).toEqual([]);
    // Only the évaluées and those à approfondir are proposed to the comité.
    expect(pistesToArbitrate(store, comite).map((row) => row.reference)).toEqual(['P1']);

    putOnAgenda(store, first, comite);
    putOnAgenda(store, second, comite);
    putOnAgenda(store, first, comite);
    expect(points(store, comite)).toEqual([['Arbitrage des pistes', true]]);
    expect(pistesToArbitrate(store, comite)).toEqual([]);
    // The convocation lists them under its ordre du jour, in its PDF and its courriel.
    const convocation = convocationDocument(store, comite);
    expect(convocation.pistes).toEqual([
      { reference: 'P1', title: 'Bourse commune des stages', proposed_by: 'Indre-et-Loire' },
      { reference: 'P2', title: 'Guichet unique', proposed_by: 'Loir-et-Cher' },
    ]);
    expect(convocationText(convocation, null)).toContain(
      "2 pistes soumises à l'arbitrage\u00a0:\n- P1 «\u00a0Bourse commune des stages\u00a0» (Indre-et-Loire)\n- P2 «\u00a0Guichet unique\u00a0» (Loir-et-Cher)\n",
    );
    const listed = pistesOnAgenda(store, comite);
    expect(listed.map((row) => [row.reference, row.status, row.decided_here, row.action_reference])).toEqual([
      ['P1', 'evaluee', false, null],
      ['P2', 'proposee', false, null],
    ]);
    expect(listed[0]).toMatchObject({
      together: { plus_value: 3, faisabilite: 3 },
      disagreement: { plus_value: 2, flagged: true },
      quadrant: 'a_lancer_vite',
    });
    expect(listed[0].by_partner.map((partner) => [partner.partner_code, partner.plus_value])).toEqual([
      ['37', 4],
      ['41', 2],
    ]);

    takeOffAgenda(store, second, comite);
    expect(pistesOnAgenda(store, comite).map((row) => row.reference)).toEqual(['P1']);
    expect(points(store, comite)).toEqual([['Arbitrage des pistes', true]]);
    takeOffAgenda(store, first, comite);
    expect(points(store, comite)).toEqual([]);
    expect(invalid(() => takeOffAgenda(store, first, comite)).message).toBe("La piste P1 n'est pas à l'ordre du jour de cette réunion.");

    // A point someone wrote in stays.
    putOnAgenda(store, first, comite);
    addEntry(store, getMeeting(store, comite).agenda[0].id, { kind: 'information', text: 'Présentation par la DRH.' });
    takeOffAgenda(store, first, comite);
    expect(points(store, comite)).toEqual([['Arbitrage des pistes', true]]);

    // Deleted while on the ordre du jour: taken off with it, its empty point too.
    const later = meeting(store, 'codiri', '2027-06-01');
    putOnAgenda(store, second, later);
    deletePiste(store, second);
    expect(points(store, later)).toEqual([]);
  });

  test('un atelier n’arbitre pas : « atelier de coopération » dans une coopération qui n’est pas entre Départements', () => {
    const store = newCooperation();
    const id = piste(store, 'Navette estivale Chenonceaux – Bléré', listPartners(store)[0].id);
    expect(invalid(() => putOnAgenda(store, id, meeting(store, 'atelier'))).message).toBe(
      "Une piste s'arbitre en comité de pilotage ou en CODIRI ; cette réunion est : atelier de coopération.",
    );
  });

  test('refus en français : réunion qui n’arbitre pas, compte rendu validé, piste écartée, piste attendue par un autre comité, piste déjà arbitrée ici', () => {
    const store = newReplica();
    const people = cast(store);
    const id = piste(store, 'Centre de ressources numériques');
    expect(invalid(() => putOnAgenda(store, id, meeting(store, 'atelier'))).message).toBe(
      "Une piste s'arbitre en comité de pilotage ou en CODIRI ; cette réunion est : atelier interdépartemental.",
    );
    const codiri = meeting(store, 'codiri', '2027-03-15');
    putOnAgenda(store, id, codiri);
    const comite = meeting(store);
    expect(invalid(() => putOnAgenda(store, id, comite)).message).toBe(
      "La piste P1 est déjà à l'ordre du jour de la réunion « CODIRI du 15 mars 2027 » : retirez-la d'abord de cet ordre du jour.",
    );
    arbitrate(store, id, codiri, { kind: 'a_approfondir', reason: 'chiffrer le coût' });
    expect(invalid(() => takeOffAgenda(store, id, codiri)).message).toBe('La piste P1 a été arbitrée dans cette réunion : sa décision reste au compte rendu.');
    // A second décision in the same compte rendu would contradict the first.
    expect(invalid(() => arbitrate(store, id, codiri, { kind: 'ecartee', reason: 'trop cher' })).message).toBe(
      "La piste P1 a déjà sa décision dans ce compte rendu (décision n° 1) : modifiez-la ou supprimez-la d'abord.",
    );
    expect(pistesToArbitrate(store, codiri)).toEqual([]);
    expect(pistesToArbitrate(store, comite).map((row) => [row.reference, row.status])).toEqual([['P1', 'a_approfondir']]);
    // À approfondir: it comes back before the next comité, the first keeping its décision.
    putOnAgenda(store, id, comite);
    expect(pistesOnAgenda(store, comite).map((row) => [row.reference, row.status, row.decided_here])).toEqual([['P1', 'a_approfondir', false]]);
    expect(pistesOnAgenda(store, codiri).map((row) => [row.reference, row.decided_here])).toEqual([['P1', true]]);
    arbitrate(store, id, comite, { kind: 'ecartee', reason: 'coût trop élevé' });
    expect(invalid(() => putOnAgenda(store, id, meeting(store, 'codiri', '2027-06-01'))).message).toBe(
      'La piste P1 a déjà été écartée par le comité : elle ne revient plus devant un comité.',
    );

    const other = piste(store, 'Autre piste');
    sendForValidation(store, codiri, '2027-03-16');
    validateMinutes(store, codiri, { validatedBy: people.marc, day: '2027-03-20' });
    expect(invalid(() => putOnAgenda(store, other, codiri)).message).toMatch(/compte rendu est validé/);
  });

  test('arbitrée sans avoir été inscrite : elle rejoint l’ordre du jour ; le dossier du CODIRI l’attend ; la fiche de l’action donne la piste et la réunion', () => {
    const store = newReplica();
    const id = piste(store, 'Bourse commune des stages', 'd41');
    const waiting = piste(store, 'Guichet unique');
    const comite = meeting(store, 'codiri');
    putOnAgenda(store, waiting, comite);
    expect(codiriDossier(store, comite, '2027-03-01').decisions.map((row) => [row.kind, row.reference, row.title, row.by])).toEqual([
      ['point', 'Point 1', 'Arbitrage des pistes', null],
      ['piste', 'Piste P2', 'Guichet unique', 'Indre-et-Loire'],
    ]);

    const result = arbitrate(store, id, comite, { kind: 'retenue', chantier_id: 'c4' });
    const action = getAction(store, result.action_id!);
    expect(pistesOnAgenda(store, comite).map((row) => [row.reference, row.decided_here, row.action_reference])).toEqual([
      ['P1', true, `4.${action.number}`],
      ['P2', false, null],
    ]);
    expect(getPiste(store, id).decision?.number).toBe(1);
    expect(pisteOriginOfAction(store, action.id)).toMatchObject({
      id,
      reference: 'P1',
      decision: { number: 1, meeting_id: comite },
      decision_meeting: { id: comite, type: 'codiri', date: '2027-03-12', title: 'CODIRI du 12 mars 2027' },
    });
    expect(pisteOriginOfAction(store, 'a1-1')).toBeNull();
    // A piste decided here no longer awaits a décision in the dossier.
    expect(codiriDossier(store, comite, '2027-03-01').decisions.map((row) => row.reference)).toEqual(['Point 1', 'Piste P2']);

    // « Réunions et décisions » of the action: the comité, and of its shared point only the décision on this piste.
    arbitrate(store, waiting, comite, { kind: 'ecartee', reason: 'déjà fait ailleurs' });
    expect(meetingsOfAction(store, action.id)).toMatchObject([
      {
        meeting: { id: comite },
        agenda_items: [{ number: 1, title: 'Arbitrage des pistes' }],
        decisions: [{ number: 1, text: expect.stringMatching(/^Piste P1 « Bourse commune des stages » : retenue/) as unknown }],
      },
    ]);
    expect(meetingsOfAction(store, action.id)[0].decisions).toHaveLength(1);
  });
});

describe('arbitrage et synchronisation', () => {
  test('les décisions passent sur le second poste : compte rendu, statut, action, ordre du jour', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const ids = ['Bourse commune des stages', 'Guichet unique', 'Fusion des laboratoires'].map((title) => piste(a, title));
    const comite = meeting(a);
    for (const id of ids) putOnAgenda(a, id, comite);
    const retained = arbitrate(a, ids[0], comite, { kind: 'retenue', chantier_id: 'c4' });
    arbitrate(a, ids[1], comite, { kind: 'a_approfondir' });
    arbitrate(a, ids[2], comite, { kind: 'ecartee', reason: 'statuts incompatibles' });
    sendAll(a, b);
    sendAll(b, a);
    expect(dump(b)).toBe(dump(a));
    expect(pistesOnAgenda(b, comite)).toEqual(pistesOnAgenda(a, comite));
    expect(pistesOnAgenda(b, comite).map((row) => [row.status, row.decision?.number])).toEqual([
      ['devenue_action', 1],
      ['a_approfondir', 2],
      ['ecartee', 3],
    ]);
    expect(getAction(b, retained.action_id!).title).toBe('Bourse commune des stages');
    expect(getMeeting(b, comite).agenda[0].entries.map((entry) => entry.kind)).toEqual(['decision', 'decision', 'decision']);
  });

  test('deux évaluateurs notent pendant qu’on inscrit la piste : aucun conflit ; le même champ modifié sur deux postes est un conflit nommé', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const id = piste(a, 'Mutualisation des formations');
    const comite = meeting(a);
    sendAll(a, b);
    putOnAgenda(a, id, comite);
    scorePiste(a, id, { evaluator_person_id: a.personId!, plus_value: 4, faisabilite: 3 });
    scorePiste(b, id, { evaluator_person_id: b.personId!, plus_value: 2, faisabilite: 3 });
    sendAll(a, b);
    sendAll(b, a);
    expect(listConflictViews(a)).toEqual([]);
    expect(pistesOnAgenda(b, comite)[0]).toMatchObject({ status: 'evaluee', together: { plus_value: 3, faisabilite: 3 } });

    updatePiste(a, id, { description: 'Un catalogue commun.' });
    updatePiste(b, id, { description: 'Une école des agents.' });
    sendAll(a, b);
    sendAll(b, a);
    const conflicts = listConflictViews(b);
    expect(conflicts.map((conflict) => [conflict.entity, conflict.field, conflict.row_label])).toEqual([
      ['piste', 'description', 'Piste P1 « Mutualisation des formations »'],
    ]);
    expect(conflicts[0].versions.map((version) => version.value).sort()).toEqual(['Un catalogue commun.', 'Une école des agents.']);
  });

  test('la même piste inscrite en même temps à deux comités : un conflit qui nomme les deux réunions', () => {
    const a = newReplica('Claire Martin', '37');
    const b = newReplica('Nadia Benali', '41');
    const id = piste(a, 'Mutualisation des formations');
    const comite = meeting(a);
    const codiri = meeting(a, 'codiri', '2027-03-15');
    sendAll(a, b);
    putOnAgenda(a, id, comite);
    putOnAgenda(b, id, codiri);
    sendAll(a, b);
    sendAll(b, a);
    const [conflict] = listConflictViews(a);
    expect([conflict.entity, conflict.field, conflict.row_label]).toEqual(['piste', 'agenda_meeting_id', 'Piste P1 « Mutualisation des formations »']);
    expect(conflict.versions.map((version) => version.value_label).sort()).toEqual(['CODIRI du 15 mars 2027', 'Comité de pilotage du 12 mars 2027']);
  });
});

describe('entente piste agenda et decide', { timeout: 90_000 }, () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli('pistes-agenda-cli');
  }, 60_000);

  test('inscrire trois pistes, les arbitrer sans redonner la réunion ; la piste retenue donne la référence de son action', () => {
    const dir = tempDir();
    const ok = (...args: string[]) => cliOutput(cli, dir, ...args);
    ok('init', '--as', 'Claire Martin', '--partner', '37');
    for (const title of ['Bourse commune des stages', 'Guichet unique', 'Fusion des laboratoires']) ok('piste', 'add', title, '--partner', '41');
    const comite = ok('meeting', 'add', '--type', 'copil', '--date', '2027-03-12', '--time', '14:00').trim();
    expect(ok('piste', 'agenda', 'P1', '--meeting', comite)).toBe("P1 inscrite à l'ordre du jour : Comité de pilotage du 12 mars 2027\n");
    ok('piste', 'agenda', 'P2', '--meeting', comite);
    expect(ok('piste', 'agenda', 'P2', '--meeting', comite, '--remove')).toBe("P2 retirée de l'ordre du jour : Comité de pilotage du 12 mars 2027\n");
    ok('piste', 'agenda', 'P3', '--meeting', comite);

    expect(runCli(cli, dir, 'piste', 'decide', 'P2', 'a_approfondir').stderr).toBe(
      "La piste P2 n'est à l'ordre du jour d'aucun comité : donnez --meeting RÉUNION.\n",
    );
    expect(runCli(cli, dir, 'piste', 'decide', 'P1', 'retenue').stderr).toMatch(/donnez --chantier N ou --new-chantier/);
    expect(runCli(cli, dir, 'piste', 'decide', 'P3', 'ecartee').stderr).toMatch(/donnez --reason/);
    expect(runCli(cli, dir, 'piste', 'decide', 'P3', 'refusee').stderr).toMatch(/Décision inconnue : « refusee »/);
    expect(ok('piste', 'decide', 'P1', 'retenue', '--chantier', '4')).toMatch(/^Décision n° 1 ; action 4\.\d+ créée : \w+\n$/);
    expect(ok('piste', 'decide', 'P3', 'ecartee', '--reason', 'déjà fait par la Région')).toBe('Décision n° 2\n');
    expect(ok('piste', 'arbitrate', 'P2', 'a_approfondir', '--meeting', comite, '--reason', 'chiffrer')).toBe('Décision n° 3\n');
    expect(ok('decisions')).toContain('Piste P3 « Fusion des laboratoires » : écartée (déjà fait par la Région).');
  });
});
