// What an import changed, action by action, in readable lines (the import summary):
// « Statut : En cours → Bloqué, par Marc Petit ». The value before is read from the derived
// row before the changes are applied, the value after from it afterwards: so a change that
// a later local edit already superseded says nothing, and a field that went into conflict
// says so rather than claiming a value.
import { fieldWords, type FieldWords } from '../../common/fields';
import { frenchDate } from '../../common/french';
import type { Change } from '../store/changelog';
import { BOOLEAN_FIELDS, JSON_FIELDS } from '../store/schema';
import { referenceOf } from '../actions/references';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { replicaPerson } from './labels';

/** One action touched by an import, and what changed in it. */
export interface ActionChanges {
  action_id: string;
  /** « 4.2 », as the action is known after the import, or when read (withReferences); '' until then. */
  reference: string;
  title: string;
  lines: string[];
}

export interface ImportChanges {
  actions: ActionChanges[];
  /** Lines left out beyond the cap (the actions not followed count one line each). */
  more: number;
}

/** The actions' references as they are now, for changes recorded without them (a shared folder's files). */
export function withReferences(store: Store, changes: ImportChanges): ImportChanges {
  if (changes.actions.every((action) => action.reference !== '')) return changes;
  return { ...changes, actions: changes.actions.map((action) => ({ ...action, reference: action.reference || referenceOf(store, action.action_id) })) };
}

/** Enough to read in a summary; beyond it, « et N autres ». */
export const MAX_LINES = 200;

/** The action's fields told, in the fiche's order; its number in its chantier follows from a move. */
const TOLD_FIELDS = [
  'title',
  'chantier_id',
  'status',
  'priority',
  'start_date',
  'end_date',
  'progress',
  'to_arbitrate',
  'cooperation_form',
  'finalites',
  'description',
];

type Row = Record<string, unknown>;

interface Followed {
  before: Row | undefined;
  conflictsBefore: Set<string>;
}

/**
 * Reads, before an import, the actions its changes touch (their own fields, their notes):
 * answers, once the changes are applied, the lines of what changed. At most MAX_LINES
 * actions are followed: the others are only counted. `newNotes`: the notes of these changes
 * that the tables did not hold yet (the import reads them for its summary). `named`: each
 * action with its reference (every reference computed again, once per file).
 */
export function followActions(store: Store, incoming: Change[], newNotes: Set<string>, named = true): (applied: Change[]) => ImportChanges {
  const noteAction = new Map<string, string>();
  const order: string[] = [];
  const seen = new Set<string>();
  const touch = (actionId: string) => {
    if (seen.has(actionId)) return;
    seen.add(actionId);
    order.push(actionId);
  };
  const storedNote = cached(store, 'SELECT action_id FROM note WHERE id = ?').pluck();
  for (const change of incoming) {
    if (change.entity === 'note' && change.field === 'action_id') noteAction.set(change.rowId, JSON.parse(change.value) as string);
  }
  for (const change of incoming) {
    if (change.entity === 'action') touch(change.rowId);
    else if (change.entity === 'note') {
      const actionId = noteAction.get(change.rowId) ?? (storedNote.get(change.rowId) as string | undefined);
      if (actionId) {
        noteAction.set(change.rowId, actionId);
        touch(actionId);
      }
    }
  }
  const followed = new Map<string, Followed>();
  for (const actionId of order.slice(0, MAX_LINES))
    followed.set(actionId, { before: actionRow(store, actionId), conflictsBefore: conflictsOf(store, actionId) });

  return (applied) => {
    const fieldsOf = new Map<string, Map<string, Change>>();
    const notesOf = new Map<string, Change[]>();
    for (const change of applied) {
      if (change.entity === 'action' && followed.has(change.rowId)) {
        const fields = fieldsOf.get(change.rowId) ?? fieldsOf.set(change.rowId, new Map()).get(change.rowId)!;
        fields.set(change.field, change);
      } else if (change.entity === 'note') {
        const actionId = noteAction.get(change.rowId);
        if (!actionId || !followed.has(actionId)) continue;
        const notes = notesOf.get(actionId);
        if (notes) notes.push(change);
        else notesOf.set(actionId, [change]);
      }
    }
    const actions: ActionChanges[] = [];
    let lines = 0;
    let more = order.length - followed.size;
    for (const [actionId, { before, conflictsBefore }] of followed) {
      const after = actionRow(store, actionId);
      if (!after) continue;
      const told = [
        ...actionLines(store, actionId, before, after, fieldsOf.get(actionId) ?? new Map(), conflictsBefore),
        ...noteLines(store, notesOf.get(actionId) ?? [], newNotes),
      ];
      if (told.length === 0) continue;
      const room = Math.max(0, MAX_LINES - lines);
      more += Math.max(0, told.length - room);
      if (room === 0) continue;
      actions.push({ action_id: actionId, reference: named ? referenceOf(store, actionId) : '', title: String(after.title), lines: told.slice(0, room) });
      lines += Math.min(room, told.length);
    }
    return { actions, more };
  };
}

/** Several imports' changes as one list (a shared-folder round reads several files), under the same cap. */
export function mergeChanges(all: ImportChanges[]): ImportChanges {
  const byAction = new Map<string, ActionChanges>();
  let more = 0;
  for (const changes of all) {
    more += changes.more;
    for (const action of changes.actions) {
      const known = byAction.get(action.action_id);
      if (known) byAction.set(action.action_id, { ...action, lines: [...known.lines, ...action.lines] });
      else byAction.set(action.action_id, action);
    }
  }
  const actions: ActionChanges[] = [];
  let lines = 0;
  for (const action of byAction.values()) {
    const room = Math.max(0, MAX_LINES - lines);
    more += Math.max(0, action.lines.length - room);
    if (room === 0) continue;
    actions.push({ ...action, lines: action.lines.slice(0, room) });
    lines += Math.min(room, action.lines.length);
  }
  return { actions, more };
}

function actionRow(store: Store, id: string): Row | undefined {
  return cached(store, 'SELECT * FROM action WHERE id = ?').get(id) as Row | undefined;
}

function conflictsOf(store: Store, id: string): Set<string> {
  return new Set(cached(store, "SELECT field FROM conflict_fields WHERE entity = 'action' AND row_id = ?").pluck().all(id) as string[]);
}

/** « par Marc Petit », or nothing when the ordinateur's person is not known here. */
function by(store: Store, origin: string): string {
  const person = replicaPerson(store, origin);
  return person ? `, par ${person}` : '';
}

function actionLines(
  store: Store,
  actionId: string,
  before: Row | undefined,
  after: Row,
  changed: Map<string, Change>,
  conflictsBefore: Set<string>,
): string[] {
  const deletedNow = Number(after.deleted) === 1;
  const deletedBefore = before ? Number(before.deleted) === 1 : false;
  if (!before || (deletedBefore && !deletedNow && !changed.has('deleted'))) {
    // A new action: its creation is one line, its fields are its fiche.
    if (deletedNow) return [];
    const creation = changed.get('title') ?? [...changed.values()][0];
    return [`Nouvelle action${creation ? by(store, creation.origin) : ''}`];
  }
  if (changed.has('deleted') && deletedNow !== deletedBefore) {
    return [`${deletedNow ? 'Action supprimée' : 'Action rétablie'}${by(store, changed.get('deleted')!.origin)}`];
  }
  const conflictsAfter = conflictsOf(store, actionId);
  const lines: string[] = [];
  for (const field of TOLD_FIELDS) {
    const change = changed.get(field);
    if (!change) continue;
    const words = fieldWords('action', field)!;
    if (conflictsAfter.has(field) && !conflictsBefore.has(field)) {
      const versions = store.log
        .liveVersions('action', actionId, field)
        .map((version) => `${shown(store, field, words, JSON.parse(version.value))}${by(store, version.origin).replace(/^, par /, ' par ')}`);
      lines.push(`${words.label} : deux versions concurrentes (${versions.join(' ; ')}), à choisir dans l'écran Conflits`);
      continue;
    }
    if (sameValue(before[field], after[field])) continue;
    if (words.text && field === 'description') {
      lines.push(`${words.label} modifiée${by(store, change.origin)}`);
      continue;
    }
    const winner = store.log.liveVersions('action', actionId, field)[0];
    lines.push(
      `${words.label} : ${shown(store, field, words, fromColumn(field, before[field]))} → ${shown(store, field, words, fromColumn(field, after[field]))}${by(store, winner?.origin ?? change.origin)}`,
    );
  }
  return lines;
}

function noteLines(store: Store, changes: Change[], newNotes: Set<string>): string[] {
  const lines: string[] = [];
  const told = new Set<string>();
  const fieldsOf = new Map<string, Set<string>>();
  for (const change of changes) (fieldsOf.get(change.rowId) ?? fieldsOf.set(change.rowId, new Set()).get(change.rowId)!).add(change.field);
  for (const change of changes) {
    if (told.has(change.rowId)) continue;
    const note = cached(store, 'SELECT date, text, deleted FROM note WHERE id = ?').get(change.rowId) as
      { date: string | null; text: string | null; deleted: number } | undefined;
    if (!note) continue;
    told.add(change.rowId);
    const dated = note.date ? ` du ${frenchDate(note.date)}` : '';
    if (newNotes.has(change.rowId)) {
      if (note.deleted) continue;
      lines.push(`Note de suivi${dated} ajoutée${by(store, change.origin)} : « ${excerpt(note.text ?? '')} »`);
    } else if (note.deleted && fieldsOf.get(change.rowId)!.has('deleted')) {
      lines.push(`Note de suivi${dated} supprimée${by(store, change.origin)}`);
    } else if (fieldsOf.get(change.rowId)!.has('text')) {
      lines.push(`Note de suivi${dated} modifiée${by(store, change.origin)}`);
    }
  }
  return lines;
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** A derived column back to its value. */
function fromColumn(field: string, column: unknown): unknown {
  if (column === null || column === undefined) return null;
  if (JSON_FIELDS.has(field)) return JSON.parse(String(column)) as unknown;
  if (BOOLEAN_FIELDS.has(field) || field === 'to_arbitrate') return Boolean(column);
  return column;
}

/** A value in the words of the fiche: labels for codes, French dates, a chantier by its name. */
function shown(store: Store, field: string, words: FieldWords, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (Array.isArray(value)) return value.length === 0 ? '(aucune)' : value.map((item) => words.codes?.[String(item)] ?? String(item)).join(', ');
  if (words.codes) return words.codes[String(value)] ?? String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'chantier_id') {
    const chantier = cached(store, 'SELECT number, title FROM chantier WHERE id = ?').get(value) as { number: number; title: string } | undefined;
    return chantier ? `chantier ${chantier.number} « ${chantier.title} »` : 'un chantier encore inconnu ici';
  }
  if (field.endsWith('_date') && /^\d{4}-\d{2}-\d{2}$/.test(String(value))) return frenchDate(String(value));
  if (field === 'progress') return `${String(value)} %`;
  if (field === 'title') return `« ${String(value)} »`;
  return String(value);
}
