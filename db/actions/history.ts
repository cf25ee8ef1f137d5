// The Historique of a fiche action, read from the change log (docs/sync.md, « Le journal
// des modifications »): every change of the action row and of the rows that belong to it
// (its pilotes, étapes, notes, liens…), newest first, with who wrote it on which poste,
// when, and the value(s) it replaced — found in the log by the (origin, seq) it supersedes,
// several of them for a conflict settled by that change.
import { fieldWords } from '../../common/fields';
import { frenchDate } from '../../common/french';
import { refusal } from '../errors';
import { SEED_ORIGIN } from '../project/setup';
import { isDeleteMark, type VersionRef } from '../store/changelog';
import { parseHlc } from '../store/hlc';
import { isEntityName } from '../store/schema';
import { replicaLabel } from '../sync/labels';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { ActionHistory, ActionHistoryEntry, HistoryAuthor, HistoryChangeKind, HistoryField, HistoryPrevious } from './types';

/** What the log holds of one change, as read here. */
interface LoggedChange {
  origin: string;
  seq: number;
  hlc: string;
  entity: string;
  row_id: string;
  field: string;
  value: string;
  /** JSON text of the versions replaced, [[origin, seq], …]. */
  supersedes: string;
}

/** Long free text, that a screen shortens. */
const LONG_TEXT_FIELDS = new Set(['description', 'text', 'comment', 'notes']);

type Row = Record<string, unknown>;

/**
 * The rows that belong to an action, by the field naming their owner, and how a screen
 * names one of them. Entities this version does not know (or whose table a migration has
 * not made yet) are left out.
 */
const OWNED: { entity: string; owner: string; describe: (store: Store, row: Row) => string }[] = [
  { entity: 'pilot', owner: 'owner_id', describe: (store, row) => `Pilotage ${partnerName(store, row.partner_id) ?? String(row.partner_id ?? '')}`.trim() },
  { entity: 'step', owner: 'action_id', describe: (_store, row) => `Étape « ${String(row.label ?? '…')} »` },
  { entity: 'note', owner: 'action_id', describe: (_store, row) => (row.date ? `Note du ${frenchDate(String(row.date))}` : 'Note') },
  { entity: 'link', owner: 'action_id', describe: (_store, row) => `Lien « ${String(row.label ?? row.url ?? '…')} »` },
  {
    entity: 'budget_line',
    owner: 'action_id',
    describe: (store, row) => `Budget ${String(row.year ?? '')} ${partnerName(store, row.partner_id) ?? ''}`.trim(),
  },
  { entity: 'funding', owner: 'action_id', describe: (_store, row) => `Financement${row.funder_name ? ` « ${String(row.funder_name)} »` : ''}` },
  { entity: 'action_party', owner: 'action_id', describe: (_store, row) => `« ${String(row.name ?? '…')} »` },
  {
    entity: 'indicator_link',
    owner: 'action_id',
    describe: (store, row) => `Indicateur « ${rowText(store, 'SELECT name FROM indicator WHERE id = ?', row.indicator_id) ?? String(row.indicator_id)} »`,
  },
];

/** Filter labels where a field's own label would not say whose field it is. */
const FILTER_LABELS: Record<string, string> = {
  'step.done': 'Étape faite',
  'step.position': 'Ordre des étapes',
  'pilot.person_id': 'Pilote',
  'pilot.services': 'Services pilotes',
  deleted: "Suppression de l'action",
  'step.deleted': "Suppression d'une étape",
  'note.deleted': "Suppression d'une note",
  'link.deleted': "Suppression d'un lien",
  'pilot.deleted': "Suppression d'un pilote",
  'budget_line.year': 'Année du budget',
  'budget_line.partner_id': 'Partenaire du budget',
  'budget_line.deleted': "Suppression d'une ligne de budget",
  'funding.amount': 'Montant du financement (€)',
  'funding.deleted': "Suppression d'un financement",
  'action_party.kind': "Rôle de l'élu ou du partenaire",
  'action_party.name': "Nom de l'élu ou du partenaire",
  'action_party.organisation': "Organisme de l'élu ou du partenaire",
  'action_party.role': "Fonction de l'élu ou du partenaire",
  'action_party.deleted': "Suppression d'un élu ou d'un partenaire",
  'indicator_link.indicator_id': 'Indicateur suivi',
  'indicator_link.deleted': "Suivi d'un indicateur",
};

/** Order of the entities in the filter's list: the action's own fields first. */
const ENTITY_ORDER = ['action', ...OWNED.map((owned) => owned.entity)];

/** Fields whose value names another row. */
const PERSON_FIELDS = new Set(['person_id', 'author_id']);

/**
 * An action's history, newest first; `field` keeps one field (its filter key:
 * `status` for the action's own fields, `note.text` for the others). `fields` lists every
 * field the whole history holds, for a filter.
 */
export function getActionHistory(store: Store, actionId: string, field?: string | null): ActionHistory {
  if (cached(store, 'SELECT 1 FROM action WHERE id = ?').pluck().get(actionId) !== 1) throw refusal('not-found', 'action', actionId);
  const rows = ownedRows(store, actionId);
  const keys = new Set(rows.map((row) => `${row.entity}\u0000${row.id}`));
  // No index of the log by row: one pass over it, for the action and all its rows at once.
  const logged = (
    cached(
      store,
      `SELECT origin, seq, hlc, entity, row_id, field, value, supersedes FROM changes
       WHERE row_id IN (SELECT value FROM json_each(?)) ORDER BY hlc DESC, origin DESC, seq DESC`,
    ).all(JSON.stringify([...new Set(rows.map((row) => row.id))])) as LoggedChange[]
  ).filter((change) => keys.has(`${change.entity}\u0000${change.row_id}`) && isEntityName(change.entity));

  const byVersion = new Map(logged.map((change) => [versionKey(change.origin, change.seq), change]));
  const created = creations(logged);
  const conflicts = liveConflicts(store, rows);
  const authors = new Map<string, HistoryAuthor>();
  const author = (origin: string) => {
    let known = authors.get(origin);
    if (!known) authors.set(origin, (known = describeAuthor(store, origin)));
    return known;
  };
  const rowLabels = new Map(rows.map((row) => [`${row.entity}\u0000${row.id}`, row.label]));

  const entries: ActionHistoryEntry[] = [];
  for (const change of logged) {
    const previous = replaces(change).map(([origin, seq]): HistoryPrevious => {
      const found = byVersion.get(versionKey(origin, seq)) ?? findChange(store, origin, seq);
      if (!found) return { origin, seq, author: author(origin).label, value: null, text: null, known: false };
      const value = JSON.parse(found.value) as unknown;
      return { origin, seq, author: author(origin).label, value, text: valueText(store, change.entity, change.field, value), known: true };
    });
    const value = JSON.parse(change.value) as unknown;
    const kind = kindOf(change, value, previous, created);
    // A row's creation names what it was given; its owner, its place and empty fields say nothing.
    if (kind === 'created' && isSilentAtCreation(change, value)) continue;
    const key = filterKey(change.entity, change.field);
    const words = fieldWords(change.entity, change.field);
    entries.push({
      origin: change.origin,
      seq: change.seq,
      hlc: change.hlc,
      at: change.origin === SEED_ORIGIN ? null : new Date(parseHlc(change.hlc).ms).toISOString(),
      author: author(change.origin),
      this_laptop: change.origin === store.replicaId,
      entity: change.entity,
      row_id: change.row_id,
      row_label: change.entity === 'action' ? null : (rowLabels.get(`${change.entity}\u0000${change.row_id}`) ?? null),
      field: change.field,
      field_key: key,
      field_label: FILTER_LABELS[key] ?? words?.label ?? change.field,
      kind,
      before: distinctValues(previous),
      after: { value, text: valueText(store, change.entity, change.field, value) },
      long_text: words?.text === true && LONG_TEXT_FIELDS.has(change.field),
      in_conflict: conflicts.has(versionKey(change.origin, change.seq)),
    });
  }

  const fields = new Map<string, HistoryField>();
  for (const entry of entries) if (!fields.has(entry.field_key)) fields.set(entry.field_key, { key: entry.field_key, label: entry.field_label });
  return {
    action_id: actionId,
    fields: [...fields.values()].sort(byEntityThenLabel),
    entries: field ? entries.filter((entry) => entry.field_key === field) : entries,
  };
}

/** The filter key of a field: the action's own fields by name, the others prefixed by their entity. */
export function filterKey(entity: string, field: string): string {
  return entity === 'action' ? field : `${entity}.${field}`;
}

const replaces = (change: LoggedChange) => JSON.parse(change.supersedes) as VersionRef[];

const versionKey = (origin: string, seq: number) => `${origin}\u0000${seq}`;

function byEntityThenLabel(a: HistoryField, b: HistoryField): number {
  const entity = (key: string) => (key.includes('.') ? ENTITY_ORDER.indexOf(key.slice(0, key.indexOf('.'))) : 0);
  return entity(a.key) - entity(b.key) || a.label.localeCompare(b.label, 'fr');
}

interface OwnedRow {
  entity: string;
  id: string;
  label: string;
}

/** The action itself and every row that belongs to it, deleted ones included (their history stays). */
function ownedRows(store: Store, actionId: string): OwnedRow[] {
  const rows: OwnedRow[] = [{ entity: 'action', id: actionId, label: '' }];
  for (const owned of OWNED) {
    if (!isEntityName(owned.entity) || !hasTable(store, owned.entity)) continue;
    for (const row of cached(store, `SELECT * FROM ${owned.entity} WHERE ${owned.owner} = ?`).all(actionId) as Row[]) {
      rows.push({ entity: owned.entity, id: String(row.id), label: owned.describe(store, row) });
    }
  }
  return rows;
}

function hasTable(store: Store, name: string): boolean {
  return cached(store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
}

function findChange(store: Store, origin: string, seq: number): LoggedChange | undefined {
  return cached(store, 'SELECT origin, seq, hlc, entity, row_id, field, value, supersedes FROM changes WHERE origin = ? AND seq = ?').get(origin, seq) as
    LoggedChange | undefined;
}

/**
 * The changes that made each row: from the row's first change (by clock), the changes of
 * that poste that followed it without a gap and replaced nothing — one write of the whole
 * row. A field first set later (no version to replace either) is not a creation.
 */
function creations(logged: LoggedChange[]): Set<string> {
  const byRow = new Map<string, LoggedChange[]>();
  for (const change of logged) {
    const key = `${change.entity}\u0000${change.row_id}`;
    const same = byRow.get(key);
    if (same) same.push(change);
    else byRow.set(key, [change]);
  }
  const created = new Set<string>();
  for (const changes of byRow.values()) {
    // `logged` is newest first: the row's first change is its last one here.
    const first = changes[changes.length - 1];
    const ofOrigin = changes.filter((change) => change.origin === first.origin && replaces(change).length === 0).sort((a, b) => a.seq - b.seq);
    let seq = first.seq - 1;
    for (const change of ofOrigin) {
      if (change.seq < first.seq) continue;
      if (change.seq !== seq + 1) break;
      created.add(versionKey(change.origin, change.seq));
      seq = change.seq;
    }
  }
  return created;
}

function kindOf(change: LoggedChange, value: unknown, previous: HistoryPrevious[], created: Set<string>): HistoryChangeKind {
  if (change.field === 'deleted') return isDeleteMark(value) ? 'deleted' : 'restored';
  if (previous.length === 0) return created.has(versionKey(change.origin, change.seq)) ? 'created' : 'set';
  return new Set(previous.map((version) => JSON.stringify(version.value))).size > 1 ? 'merged' : 'changed';
}

function isSilentAtCreation(change: LoggedChange, value: unknown): boolean {
  if (OWNED.some((owned) => owned.entity === change.entity && owned.owner === change.field)) return true;
  if (change.entity === 'pilot' && change.field === 'partner_id') return true;
  if (change.entity === 'step' && change.field === 'position') return true;
  // A note is written by the person of the poste that wrote it: the entry already says who.
  if (change.entity === 'note' && change.field === 'author_id') return true;
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The versions replaced, one per value: two postes that wrote the same value are one old value. */
function distinctValues(previous: HistoryPrevious[]): HistoryPrevious[] {
  const seen = new Set<string>();
  return previous.filter((version) => {
    const key = version.known ? JSON.stringify(version.value) : `?${version.origin}:${version.seq}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The versions of the action's fields, and of its rows' fields, in conflict now (several live values). */
function liveConflicts(store: Store, rows: OwnedRow[]): Set<string> {
  const found = new Set<string>();
  for (const row of rows) {
    const fields = cached(store, 'SELECT field FROM conflict_fields WHERE entity = ? AND row_id = ?').pluck().all(row.entity, row.id) as string[];
    for (const field of fields) {
      for (const version of store.log.liveVersions(row.entity, row.id, field)) found.add(versionKey(version.origin, version.seq));
    }
  }
  return found;
}

/** Who wrote a change: the person of the poste and their Département, the poste's own name. */
function describeAuthor(store: Store, origin: string): HistoryAuthor {
  if (origin === SEED_ORIGIN) return { origin, label: 'Données de départ', person_name: null, partner_name: null, laptop: null };
  const row = cached(
    store,
    `SELECT pe.name AS person_name, pa.short_name AS partner_name, r.label AS laptop FROM replica r
     LEFT JOIN person pe ON pe.id = r.person_id LEFT JOIN partner pa ON pa.id = r.partner_id WHERE r.id = ?`,
  ).get(origin) as { person_name: string | null; partner_name: string | null; laptop: string | null } | undefined;
  if (!row?.person_name)
    return { origin, label: replicaLabel(store, origin), person_name: null, partner_name: row?.partner_name ?? null, laptop: row?.laptop ?? null };
  return {
    origin,
    label: row.partner_name ? `${row.person_name} (${row.partner_name})` : row.person_name,
    person_name: row.person_name,
    partner_name: row.partner_name,
    laptop: row.laptop,
  };
}

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
/** Amounts in euros, as the budget writes them (« 4 500,50 »); their label says « (€) ». */
const euroFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const EURO_FIELDS = new Set(['budget_line.planned', 'budget_line.spent', 'funding.amount']);

/** A value in French: a code by its label, a date in words, a reference by its row's name; null for no value. */
export function valueText(store: Store, entity: string, field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (field === 'deleted') return isDeleteMark(value) ? 'supprimé' : 'rétabli';
  const codes = fieldWords(entity, field)?.codes;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return value.map((item) => (codes && typeof item === 'string' ? (codes[item] ?? item) : String(item))).join(', ');
  }
  if (codes && typeof value === 'string') return codes[value] ?? value;
  if (typeof value === 'boolean') return entity === 'step' && field === 'done' ? (value ? 'faite' : 'à faire') : value ? 'oui' : 'non';
  if (typeof value === 'number') {
    if (field === 'progress') return `${value} %`;
    if (EURO_FIELDS.has(`${entity}.${field}`)) return euroFormat.format(value);
    return field === 'year' ? String(value) : numberFormat.format(value);
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  if (PERSON_FIELDS.has(field)) return rowText(store, 'SELECT name FROM person WHERE id = ?', value) ?? value;
  if (field === 'partner_id') return partnerName(store, value) ?? value;
  if (field === 'chantier_id') {
    const chantier = cached(store, 'SELECT number, title FROM chantier WHERE id = ?').get(value) as { number: number; title: string } | undefined;
    return chantier ? `Chantier ${chantier.number} · ${chantier.title}` : value;
  }
  if (field === 'action_id') return rowText(store, 'SELECT title FROM action WHERE id = ?', value) ?? value;
  if (field === 'indicator_id' && hasTable(store, 'indicator')) return rowText(store, 'SELECT name FROM indicator WHERE id = ?', value) ?? value;
  if (/date/.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return frenchDate(value);
  return value;
}

function partnerName(store: Store, id: unknown): string | null {
  return rowText(store, 'SELECT short_name FROM partner WHERE id = ?', id);
}

function rowText(store: Store, sql: string, id: unknown): string | null {
  if (typeof id !== 'string') return null;
  return (cached(store, sql).pluck().get(id) as string | null | undefined) ?? null;
}
