// Budget et financeurs of an action, and their totals per chantier (euros).
import type { FunderType, FundingStatus, TaxBasis } from '../../common/vocabulary';
import type { EntityFields } from '../store/schema';

export type BudgetLineFields = EntityFields<'budget_line'>;
export type BudgetLinePatch = Partial<Omit<BudgetLineFields, 'action_id'>>;
export type FundingFields = EntityFields<'funding'>;
export type FundingPatch = Partial<Omit<FundingFields, 'action_id'>>;

export interface BudgetLine extends BudgetLineFields {
  id: string;
  partner_name: string;
}

export interface Funding extends FundingFields {
  id: string;
}

/** Sums of the lines stated on one basis (HT and TTC are never added together). */
export interface BudgetTotal {
  tax_basis: TaxBasis;
  planned: number;
  spent: number;
}

export interface FundingTotal {
  funder_type: FunderType;
  status: FundingStatus;
  amount: number;
}

export interface ActionBudget {
  lines: BudgetLine[];
  fundings: Funding[];
  totals: BudgetTotal[];
  funding_totals: FundingTotal[];
}

export interface ChantierBudget {
  /** By partner and basis. */
  by_partner: (BudgetTotal & { partner_id: string; partner_name: string })[];
  totals: BudgetTotal[];
  funding_totals: FundingTotal[];
  /** Actions with a budget line or a funding. */
  actions: number;
}
