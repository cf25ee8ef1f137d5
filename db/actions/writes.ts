// Actions and what hangs from them: étapes, notes, liens.
// Deleting an action leaves its children as they are: they are hidden with it, and come
// back with it if a concurrent edit keeps it (a delete/edit conflict).
import { localDate } from '../../common/calendar';
import { ValidationError } from '../errors';
import { newId } from '../store/ids';
import type { Edit, Store } from '../store/store';
import type { ActionPatch, NewAction } from './types';
import { nextActionNumber } from './references';
import { deleteRow, insertRow, newRowEdits, requireRow, updateRow, validatePatch } from '../store/rows';

const ACTION_DEFAULTS: ActionPatch = {
  description: null,
  status: 'a_venir',
  priority: 'moyenne',
  finalites: [],
  cooperation_form: null,
  start_date: null,
  end_date: null,
  progress: 0,
};

function requireChantier(store: Store, chantierId: string): void {
  requireRow(store, 'chantier', chantierId, 'unknown-reference');
}

function checkDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) {
    throw new ValidationError("L'échéance ne peut pas précéder la date de début.", 'end_date');
  }
}

/**
 * The edits that create an action, checked: for a caller creating many actions at once
 * (the import), which numbers them in their chantier itself and writes them together.
 */
export function newActionEdits(store: Store, input: NewAction, number?: number): { id: string; edits: Edit[] } {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const fields = validatePatch('action', { ...ACTION_DEFAULTS, ...given });
  if (fields.chantier_id) requireChantier(store, fields.chantier_id);
  checkDates(fields.start_date, fields.end_date);
  const id = newId();
  return { id, edits: newRowEdits('action', { ...fields, number: fields.chantier_id ? (number ?? nextActionNumber(store, fields.chantier_id)) : null }, id) };
}

export function createAction(store: Store, input: NewAction): string {
  const { id, edits } = newActionEdits(store, input);
  store.write(edits);
  return id;
}

export function updateAction(store: Store, id: string, patch: ActionPatch): void {
  const current = requireRow(store, 'action', id);
  const checked = validatePatch('action', patch);
  if (checked.chantier_id !== undefined) requireChantier(store, checked.chantier_id);
  // An action moved to another chantier takes the next number there.
  const moved = checked.chantier_id !== undefined && checked.chantier_id !== current.chantier_id;
  const fields = moved ? { ...checked, number: nextActionNumber(store, checked.chantier_id!) } : checked;
  // Only a patch that touches a date is checked: older data stays editable.
  if (fields.start_date !== undefined || fields.end_date !== undefined) {
    checkDates(fields.start_date === undefined ? current.start_date : fields.start_date, fields.end_date === undefined ? current.end_date : fields.end_date);
  }
  updateRow(store, 'action', id, fields);
}

export function deleteAction(store: Store, id: string): void {
  deleteRow(store, 'action', id);
}

// Étapes

export function addStep(store: Store, actionId: string, label: string): string {
  requireRow(store, 'action', actionId);
  const last = store.db.prepare('SELECT max(position) FROM step WHERE action_id = ? AND deleted = 0').pluck().get(actionId) as number | null;
  return insertRow(store, 'step', validatePatch('step', { action_id: actionId, label, done: false, position: (last ?? 0) + 1 }));
}

export function updateStep(store: Store, id: string, patch: { label?: string; done?: boolean }): void {
  updateRow(store, 'step', id, validatePatch('step', { label: patch.label, done: patch.done }));
}

/**
 * Swaps a step with its neighbour. The action's steps are renumbered in their new order,
 * which writes only the positions that change (two, unless concurrent additions tied).
 */
export function moveStep(store: Store, id: string, direction: 'up' | 'down'): void {
  const step = requireRow(store, 'step', id);
  const ids = store.db.prepare('SELECT id FROM step WHERE action_id = ? AND deleted = 0 ORDER BY position, id').pluck().all(step.action_id) as string[];
  const from = ids.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  store.write(ids.map((stepId, index) => ({ entity: 'step', rowId: stepId, field: 'position', value: index + 1 })));
}

export function deleteStep(store: Store, id: string): void {
  deleteRow(store, 'step', id);
}

// Notes

export function addNote(store: Store, actionId: string, note: { text: string; date?: string }): string {
  requireRow(store, 'action', actionId);
  const fields = validatePatch('note', {
    action_id: actionId,
    text: note.text,
    date: note.date ?? localDate(),
    author_id: store.personId ?? null,
  });
  return insertRow(store, 'note', fields);
}

export function updateNote(store: Store, id: string, patch: { text?: string; date?: string }): void {
  updateRow(store, 'note', id, validatePatch('note', { text: patch.text, date: patch.date }));
}

export function deleteNote(store: Store, id: string): void {
  deleteRow(store, 'note', id);
}

// Liens

export function addLink(store: Store, actionId: string, link: { label: string | null; url: string }): string {
  requireRow(store, 'action', actionId);
  const fields = validatePatch('link', { action_id: actionId, label: link.label?.trim() || null, url: link.url });
  return insertRow(store, 'link', fields);
}

export function deleteLink(store: Store, id: string): void {
  deleteRow(store, 'link', id);
}
