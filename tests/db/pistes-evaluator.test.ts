import { expect, test } from 'vitest';
import { createPerson } from '../../db/people/writes';
import { scoresOfEvaluator } from '../../db/pistes/reads';
import { createPiste, deletePiste, scorePiste } from '../../db/pistes/writes';
import { newReplica } from './helpers';

test("les notes d'un évaluateur : les siennes seulement, dans l'ordre des pistes, sans celles des pistes supprimées", () => {
  const store = newReplica();
  const claire = createPerson(store, { name: 'Claire Martin', function: null, partner_id: 'd37', email: null });
  const marc = createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
  const [p1, p2, p3] = ['Achats groupés de sel', "Échanges entre équipes d'insertion", 'Covoiturage'].map((title) =>
    createPiste(store, { title, proposed_by_partner_id: 'd37' }),
  );
  scorePiste(store, p2, { evaluator_person_id: claire, plus_value: 3 });
  scorePiste(store, p1, { evaluator_person_id: claire, plus_value: 4, faisabilite: 2, comment: 'Dès cet hiver.' });
  scorePiste(store, p3, { evaluator_person_id: claire, faisabilite: 1 });
  scorePiste(store, p1, { evaluator_person_id: marc, plus_value: 1, faisabilite: 1 });
  deletePiste(store, p3);
  expect(scoresOfEvaluator(store, claire)).toEqual([
    { piste_id: p1, plus_value: 4, faisabilite: 2, comment: 'Dès cet hiver.' },
    { piste_id: p2, plus_value: 3, faisabilite: null, comment: null },
  ]);
  expect(scoresOfEvaluator(store, marc)).toEqual([{ piste_id: p1, plus_value: 1, faisabilite: 1, comment: null }]);
});
