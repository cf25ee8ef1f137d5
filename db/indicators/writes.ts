// Indicateurs: made for a chantier, followed by one or more of its actions, filled with
// dated values by whoever measures them. Every write is a change that syncs.
import { refusal } from '../errors';
import { deleteRow, insertRow, requireRow, restoreRow, updateRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import type { IndicatorPatch, NewIndicator, NewIndicatorValue } from './types';

export function createIndicator(store: Store, input: NewIndicator): string {
  requireRow(store, 'chantier', input.chantier_id, 'unknown-reference');
  const fields = validatePatch('indicator', { unit: null, target_value: null, target_date: null, ...input });
  return insertRow(store, 'indicator', fields);
}

export function updateIndicator(store: Store, id: string, patch: IndicatorPatch): void {
  updateRow(store, 'indicator', id, validatePatch('indicator', patch));
}

const linkId = (indicatorId: string, actionId: string) => `${indicatorId}:${actionId}`;

/** An action follows an indicator of its own chantier; linked again after an unlink, the same row comes back. */
export function linkIndicator(store: Store, indicatorId: string, actionId: string): string {
  const indicator = requireRow(store, 'indicator', indicatorId, 'unknown-reference');
  const action = requireRow(store, 'action', actionId);
  if (action.chantier_id !== indicator.chantier_id) throw refusal('indicator-other-chantier');
  const id = linkId(indicatorId, actionId);
  const existing = store.db.prepare('SELECT deleted FROM indicator_link WHERE id = ?').pluck().get(id) as number | undefined;
  if (existing === 1) restoreRow(store, 'indicator_link', id);
  else if (existing === undefined) insertRow(store, 'indicator_link', validatePatch('indicator_link', { indicator_id: indicatorId, action_id: actionId }), id);
  return id;
}

export function unlinkIndicator(store: Store, indicatorId: string, actionId: string): void {
  deleteRow(store, 'indicator_link', linkId(indicatorId, actionId));
}

/** A measured value, signed by the person using this laptop. */
export function addIndicatorValue(store: Store, indicatorId: string, input: NewIndicatorValue): string {
  requireRow(store, 'indicator', indicatorId);
  const fields = validatePatch('indicator_value', {
    indicator_id: indicatorId,
    date: input.date,
    value: input.value,
    comment: input.comment?.trim() || null,
    author_id: store.personId ?? null,
  });
  return insertRow(store, 'indicator_value', fields);
}

export function deleteIndicatorValue(store: Store, id: string): void {
  deleteRow(store, 'indicator_value', id);
}
