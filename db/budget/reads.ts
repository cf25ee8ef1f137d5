// An action's budget and funders, with their totals; a chantier's totals over its actions.
// Amounts stated HT and TTC are summed apart: adding them would mean nothing.
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { ActionBudget, BudgetLine, BudgetTotal, ChantierBudget, Funding, FundingTotal } from './types';

/** Sums to the cent: amounts are stored as euros with two decimals. */
const cents = (value: number) => Math.round(value * 100) / 100;

function fundingTotals(store: Store, where: string, id: string): FundingTotal[] {
  return (
    cached(
      store,
      `SELECT f.funder_type, f.status, sum(f.amount) AS amount FROM funding f JOIN action a ON a.id = f.action_id
       WHERE ${where} AND f.deleted = 0 AND a.deleted = 0 GROUP BY f.funder_type, f.status ORDER BY f.funder_type, f.status`,
    ).all(id) as FundingTotal[]
  ).map((total) => ({ ...total, amount: cents(total.amount) }));
}

function budgetTotals(rows: { tax_basis: BudgetTotal['tax_basis']; planned: number | null; spent: number | null }[]): BudgetTotal[] {
  const totals = new Map<BudgetTotal['tax_basis'], BudgetTotal>();
  for (const row of rows) {
    const total = totals.get(row.tax_basis) ?? { tax_basis: row.tax_basis, planned: 0, spent: 0 };
    total.planned = cents(total.planned + (row.planned ?? 0));
    total.spent = cents(total.spent + (row.spent ?? 0));
    totals.set(row.tax_basis, total);
  }
  return [...totals.values()].sort((a, b) => a.tax_basis.localeCompare(b.tax_basis));
}

export function actionBudget(store: Store, actionId: string): ActionBudget {
  const lines = cached(
    store,
    `SELECT b.id, b.action_id, b.year, b.partner_id, pa.short_name AS partner_name, b.planned, b.spent, b.tax_basis
     FROM budget_line b LEFT JOIN partner pa ON pa.id = b.partner_id
     WHERE b.action_id = ? AND b.deleted = 0 ORDER BY b.year, pa.position, b.id`,
  ).all(actionId) as BudgetLine[];
  const fundings = cached(
    store,
    'SELECT id, action_id, funder_type, funder_name, amount, status FROM funding WHERE action_id = ? AND deleted = 0 ORDER BY funder_type, id',
  ).all(actionId) as Funding[];
  return { lines, fundings, totals: budgetTotals(lines), funding_totals: fundingTotals(store, 'a.id = ?', actionId) };
}

export function chantierBudget(store: Store, chantierId: string): ChantierBudget {
  const lines = cached(
    store,
    `SELECT b.partner_id, pa.short_name AS partner_name, pa.position, b.tax_basis, b.planned, b.spent, b.action_id
     FROM budget_line b JOIN action a ON a.id = b.action_id LEFT JOIN partner pa ON pa.id = b.partner_id
     WHERE a.chantier_id = ? AND a.deleted = 0 AND b.deleted = 0 ORDER BY pa.position, b.partner_id`,
  ).all(chantierId) as (BudgetLine & { position: number })[];
  const byPartner = new Map<string, ChantierBudget['by_partner'][number]>();
  for (const line of lines) {
    const key = `${line.partner_id} ${line.tax_basis}`;
    const total = byPartner.get(key) ?? { partner_id: line.partner_id, partner_name: line.partner_name, tax_basis: line.tax_basis, planned: 0, spent: 0 };
    total.planned = cents(total.planned + (line.planned ?? 0));
    total.spent = cents(total.spent + (line.spent ?? 0));
    byPartner.set(key, total);
  }
  const actions = cached(
    store,
    `SELECT count(DISTINCT a.id) FROM action a WHERE a.chantier_id = ? AND a.deleted = 0 AND (
       EXISTS (SELECT 1 FROM budget_line b WHERE b.action_id = a.id AND b.deleted = 0) OR EXISTS (SELECT 1 FROM funding f WHERE f.action_id = a.id AND f.deleted = 0))`,
  )
    .pluck()
    .get(chantierId) as number;
  return { by_partner: [...byPartner.values()], totals: budgetTotals(lines), funding_totals: fundingTotals(store, 'a.chantier_id = ?', chantierId), actions };
}
