import { describe, expect, test } from 'vitest';
import { createAction } from '../../db/actions/writes';
import { addParty, deleteParty } from '../../db/actions/parties';
import { getAction, queryActions } from '../../db/actions/reads';
import { actionBudget, chantierBudget } from '../../db/budget/reads';
import { addBudgetLine, addFunding, updateFunding } from '../../db/budget/writes';
import { actionIndicators, chantierIndicators } from '../../db/indicators/reads';
import { addIndicatorValue, createIndicator, linkIndicator, unlinkIndicator } from '../../db/indicators/writes';
import { dump } from '../../db/project/dump';
import { insertRow, validatePatch } from '../../db/store/rows';
import type { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { newReplica, tempDir } from './helpers';

const PASSPHRASE = 'jardin-lampe-rocher-cabane';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);

describe('indicateurs', () => {
  test("un indicateur du chantier, suivi par deux actions, ses valeurs datées, l'écart à la cible", () => {
    const claire = newReplica('Claire Martin', '37');
    const other = createAction(claire, { chantier_id: 'c4', title: 'Bourse commune des mobilités' });
    const id = createIndicator(claire, { chantier_id: 'c4', name: 'Agents en mobilité', unit: 'agents', target_value: 40, target_date: '2027-12-31' });
    linkIndicator(claire, id, 'a4-1');
    linkIndicator(claire, id, other);
    addIndicatorValue(claire, id, { date: '2027-03-31', value: 12, comment: 'Premier trimestre' });
    addIndicatorValue(claire, id, { date: '2027-01-31', value: 5 });
    addIndicatorValue(claire, id, { date: '2027-06-30', value: 21.5 });

    const [indicator] = actionIndicators(claire, 'a4-1');
    expect(indicator).toMatchObject({ name: 'Agents en mobilité', unit: 'agents', target_value: 40, gap: 18.5, shared_with: [{ id: other }] });
    expect(indicator.values.map((value) => [value.date, value.value])).toEqual([
      ['2027-01-31', 5],
      ['2027-03-31', 12],
      ['2027-06-30', 21.5],
    ]);
    expect(indicator.latest).toMatchObject({ value: 21.5, author_name: 'Claire Martin' });
    expect(chantierIndicators(claire, 'c4').map((i) => i.id)).toEqual([id]);
    // The Actions table's optional column: the latest value and the gap to the target.
    expect(queryActions(claire, { chantier_ids: ['c4'] }).find((row) => row.id === 'a4-1')?.indicator).toEqual({
      name: 'Agents en mobilité',
      unit: 'agents',
      target_value: 40,
      latest: 21.5,
      latest_date: '2027-06-30',
      gap: 18.5,
    });

    // An action of another chantier cannot follow it; unlinked, linked again: the same row.
    expect(() => linkIndicator(claire, id, 'a1-1')).toThrow("Un indicateur se partage entre les actions d'un même chantier");
    unlinkIndicator(claire, id, other);
    expect(actionIndicators(claire, other)).toEqual([]);
    expect(linkIndicator(claire, id, other)).toBe(`${id}:${other}`);
    expect(actionIndicators(claire, other)).toHaveLength(1);

    expect(() => addIndicatorValue(claire, id, { date: '2027-02-30', value: 1 })).toThrow('date impossible');
    expect(() => createIndicator(claire, { chantier_id: 'c4', name: '  ' })).toThrow("Le nom de l'indicateur ne peut pas être vide.");
  });

  test('deux valeurs du même jour : la dernière saisie est la plus récente, quel que soit son identifiant', () => {
    const clock = { now: Date.UTC(2027, 2, 1) };
    const claire = newReplica('Claire Martin', '37', tempDir(), () => clock.now);
    const id = createIndicator(claire, { chantier_id: 'c4', name: 'Agents en mobilité', target_value: 40 });
    linkIndicator(claire, id, 'a4-1');
    const value = (amount: number) => validatePatch('indicator_value', { indicator_id: id, date: '2027-03-31', value: amount, author_id: null, comment: null });
    // The first entered has the greater id: the order of ids would take it for the latest.
    insertRow(claire, 'indicator_value', value(12), 'zzzzzzzzzzzz');
    clock.now += 60_000;
    insertRow(claire, 'indicator_value', value(15), '000000000000');
    const [indicator] = actionIndicators(claire, 'a4-1');
    expect(indicator.values.map((entry) => entry.value)).toEqual([12, 15]);
    expect(indicator.latest?.value).toBe(15);
    expect(queryActions(claire, { chantier_ids: ['c4'] }).find((row) => row.id === 'a4-1')?.indicator?.latest).toBe(15);
  });

  test('deux postes saisissent des valeurs, échangent leurs fichiers et voient la même série', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const id = createIndicator(claire, { chantier_id: 'c2', name: 'Marchés passés en commun', target_value: 10 });
    linkIndicator(claire, id, 'a2-1');
    send(claire, nadia);
    addIndicatorValue(nadia, id, { date: '2027-02-01', value: 2 });
    addIndicatorValue(claire, id, { date: '2027-03-01', value: 3 });
    send(nadia, claire);
    send(claire, nadia);
    expect(dump(nadia)).toBe(dump(claire));
    expect(actionIndicators(nadia, 'a2-1')[0].values.map((value) => [value.value, value.author_name])).toEqual([
      [2, 'Nadia Benali'],
      [3, 'Claire Martin'],
    ]);
  });
});

describe('budget et financeurs', () => {
  test('par année et par partenaire, HT et TTC jamais additionnés ; financeurs ; totaux du chantier', () => {
    const claire = newReplica('Claire Martin', '37');
    addBudgetLine(claire, 'a4-1', { year: 2027, partner_id: 'd37', planned: 12000, spent: 4500.5, tax_basis: 'ttc' });
    addBudgetLine(claire, 'a4-1', { year: 2027, partner_id: 'd41', planned: 8000, spent: null, tax_basis: 'ttc' });
    addBudgetLine(claire, 'a4-1', { year: 2028, partner_id: 'd37', planned: 1000, tax_basis: 'ht' });
    const other = createAction(claire, { chantier_id: 'c4', title: 'Forum emploi commun' });
    addBudgetLine(claire, other, { year: 2027, partner_id: 'd41', planned: 2000.1, spent: 0.2, tax_basis: 'ttc' });
    const region = addFunding(claire, 'a4-1', { funder_type: 'region', funder_name: 'Région Centre-Val de Loire', amount: 5000 });
    addFunding(claire, other, { funder_type: 'europe', amount: 3000, status: 'obtenu' });
    updateFunding(claire, region, { status: 'obtenu' });

    const budget = actionBudget(claire, 'a4-1');
    expect(budget.lines.map((line) => [line.year, line.partner_name, line.planned, line.spent, line.tax_basis])).toEqual([
      [2027, 'Indre-et-Loire', 12000, 4500.5, 'ttc'],
      [2027, 'Loir-et-Cher', 8000, null, 'ttc'],
      [2028, 'Indre-et-Loire', 1000, null, 'ht'],
    ]);
    expect(budget.totals).toEqual([
      { tax_basis: 'ht', planned: 1000, spent: 0 },
      { tax_basis: 'ttc', planned: 20000, spent: 4500.5 },
    ]);
    expect(budget.funding_totals).toEqual([{ funder_type: 'region', status: 'obtenu', amount: 5000 }]);

    const chantier = chantierBudget(claire, 'c4');
    expect(chantier.actions).toBe(2);
    expect(chantier.totals).toEqual([
      { tax_basis: 'ht', planned: 1000, spent: 0 },
      { tax_basis: 'ttc', planned: 22000.1, spent: 4500.7 },
    ]);
    expect(chantier.by_partner.find((total) => total.partner_id === 'd41' && total.tax_basis === 'ttc')).toMatchObject({ planned: 10000.1, spent: 0.2 });
    expect(chantier.funding_totals).toEqual([
      { funder_type: 'europe', status: 'obtenu', amount: 3000 },
      { funder_type: 'region', status: 'obtenu', amount: 5000 },
    ]);

    expect(() => addBudgetLine(claire, 'a4-1', { year: 2027, partner_id: 'd37', planned: -5 })).toThrow('Le montant prévu ne peut pas être négatif.');
    expect(() => addBudgetLine(claire, 'a4-1', { year: 2027, partner_id: 'd37', planned: 10.005 })).toThrow('au centime près');
    // Above 2^27 euros, value * 100 is not exact: to the cent all the same.
    for (const planned of [134217943.05, 606817940.94]) expect(() => addBudgetLine(claire, 'a4-1', { year: 2028, partner_id: 'd37', planned })).not.toThrow();
    expect(() => addBudgetLine(claire, 'a4-1', { year: 2027, partner_id: 'd99' })).toThrow('Partenaire inconnu');
  });
});

test('élus référents et partenaires extérieurs sur la fiche', () => {
  const claire = newReplica('Claire Martin', '37');
  const elu = addParty(claire, 'a4-1', { kind: 'elu', name: 'Anne Leroy', role: 'Vice-présidente chargée des ressources humaines' });
  addParty(claire, 'a4-1', { kind: 'partenaire', name: 'Jean Morel', organisation: 'Centre de gestion 41' });
  expect(getAction(claire, 'a4-1').parties.map((party) => [party.kind, party.name, party.organisation])).toEqual([
    ['elu', 'Anne Leroy', null],
    ['partenaire', 'Jean Morel', 'Centre de gestion 41'],
  ]);
  deleteParty(claire, elu);
  expect(getAction(claire, 'a4-1').parties).toHaveLength(1);
});
