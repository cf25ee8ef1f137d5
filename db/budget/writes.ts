// Budget lines (what a partner plans and spends on an action in a year) and funders.
import { deleteRow, insertRow, requireRow, updateRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import type { BudgetLinePatch, FundingPatch } from './types';

export function addBudgetLine(store: Store, actionId: string, input: BudgetLinePatch & { year: number; partner_id: string }): string {
  requireRow(store, 'action', actionId);
  requireRow(store, 'partner', input.partner_id, 'unknown-reference');
  const fields = validatePatch('budget_line', { planned: null, spent: null, tax_basis: 'ttc', ...input, action_id: actionId });
  return insertRow(store, 'budget_line', fields);
}

export function updateBudgetLine(store: Store, id: string, patch: BudgetLinePatch): void {
  if (patch.partner_id) requireRow(store, 'partner', patch.partner_id, 'unknown-reference');
  updateRow(store, 'budget_line', id, validatePatch('budget_line', patch));
}

export function deleteBudgetLine(store: Store, id: string): void {
  deleteRow(store, 'budget_line', id);
}

export function addFunding(store: Store, actionId: string, input: FundingPatch & { funder_type: FundingPatch['funder_type']; amount: number }): string {
  requireRow(store, 'action', actionId);
  const fields = validatePatch('funding', { funder_name: null, status: 'demande', ...input, action_id: actionId });
  return insertRow(store, 'funding', fields);
}

export function updateFunding(store: Store, id: string, patch: FundingPatch): void {
  updateRow(store, 'funding', id, validatePatch('funding', patch));
}

export function deleteFunding(store: Store, id: string): void {
  deleteRow(store, 'funding', id);
}
