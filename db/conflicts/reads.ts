// The Conflits view (docs/sync.md §2): every field in conflict with what a person
// needs to choose — which row it is, the value before, who wrote each version, on which ordinateur and when — and
// the choice itself, written as one change that supersedes every live version.
import { fieldWords } from '../../common/fields';
import { frenchDate } from '../../common/french';
import { meetingTypeLabels } from '../../common/partners';
import { listConflicts, type ConflictVersion } from './versions';
import { parseHlc } from '../store/hlc';
import { SEED_ORIGIN } from '../project/setup';
import { meetingTitle } from '../meetings/rows';
import { listPartners } from '../people/reads';
import type { UnseenRow } from '../store/changelog';
import { isEntityName, type EntityName } from '../store/schema';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { replicaLabel } from '../sync/labels';
import type { ConflictVersionView, ConflictView, UnseenEditView } from './types';

/** A row a sync gap has not brought yet: named so, never by its id. */
const UNKNOWN = '(élément pas encore reçu ici)';

/** The fields whose value is the id of another row, and that row's table. */
const REFERENCES: Record<string, EntityName> = {
  person_id: 'person',
  author_id: 'person',
  president_id: 'person',
  secretary_id: 'person',
  validated_by_id: 'person',
  responsable_id: 'person',
  partner_id: 'partner',
  secretariat_partner_id: 'partner',
  chantier_id: 'chantier',
  action_id: 'action',
  meeting_id: 'meeting',
  previous_version_id: 'meeting',
  agenda_meeting_id: 'meeting',
  atelier_meeting_id: 'meeting',
  proposed_by_partner_id: 'partner',
  agenda_item_id: 'agenda_item',
  action_item_id: 'action_item',
};

/**
 * A version's value named for a person: a reference by its row's name, a list of chantiers by
 * theirs, a meeting's type as this cooperation names it (common/fields.ts has the default
 * project's words).
 */
function valueLabel(store: Store, entity: EntityName, field: string, value: unknown): string | null {
  if (entity === 'meeting' && field === 'type' && typeof value === 'string') {
    return (meetingTypeLabels(listPartners(store)) as Record<string, string>)[value] ?? null;
  }
  const reference = REFERENCES[field];
  if (reference && typeof value === 'string') return rowName(store, reference, value) ?? UNKNOWN;
  if (field === 'chantier_ids' && Array.isArray(value)) {
    return value.length === 0 ? 'Aucun chantier' : value.map((id) => rowName(store, 'chantier', String(id)) ?? UNKNOWN).join(', ');
  }
  return null;
}

export function listConflictViews(store: Store): ConflictView[] {
  return listConflicts(store)
    .filter((conflict) => isEntityName(conflict.entity))
    .map((conflict) => {
      const entity = conflict.entity as EntityName;
      const { label, actionId, meetingId } = describeRow(store, entity, conflict.row_id);
      return {
        entity,
        row_id: conflict.row_id,
        field: conflict.field,
        row_label: label,
        action_id: actionId,
        meeting_id: meetingId,
        versions: conflict.versions.map((version, index) => ({
          ...versionView(store, entity, conflict.field, version),
          // liveVersions answers the latest clock first, then the highest origin: the one shown.
          shown: index === 0,
        })),
        before: conflict.ancestor && versionView(store, entity, conflict.field, conflict.ancestor),
        unseen: conflict.field === 'deleted' ? unseenEditViews(store, entity, conflict.row_id, store.log.unseenByDelete(entity, conflict.row_id)) : [],
      };
    });
}

function versionView(store: Store, entity: EntityName, field: string, version: ConflictVersion): Omit<ConflictVersionView, 'shown'> {
  const value = field === 'deleted' ? version.value !== false : version.value;
  return {
    origin: version.origin,
    seq: version.seq,
    hlc: version.hlc,
    date: new Date(parseHlc(version.hlc).ms).toISOString(),
    author: authorName(store, version.origin),
    replica: version.origin === SEED_ORIGIN ? 'les données initiales de la coopération' : replicaLabel(store, version.origin),
    value,
    value_label: valueLabel(store, entity, field, value),
  };
}

/** What a delete or a validation of a row had not seen, row by row (the row itself, or rows that go with it). */
export function unseenEditViews(store: Store, entity: EntityName, rowId: string, rows: UnseenRow[]): UnseenEditView[] {
  return rows.map((row) => {
    const unseen = row.versions.filter((version) => !version.seen);
    const latest = unseen.reduce((a, b) => (b.hlc > a.hlc ? b : a));
    const itself = row.entity === entity && row.rowId === rowId;
    const added = !itself && unseen.length === row.versions.length;
    return {
      row_label: itself ? null : describeRow(store, row.entity, row.rowId).label,
      added,
      fields: added ? [] : [...new Set(unseen.map((version) => fieldWords(row.entity, version.field)?.label ?? version.field))],
      refs: unseen.map((version): [string, number] => [version.origin, version.seq]),
      author: authorName(store, latest.origin),
      replica: latest.origin === SEED_ORIGIN ? 'les données initiales de la coopération' : replicaLabel(store, latest.origin),
      date: new Date(parseHlc(latest.hlc).ms).toISOString(),
    };
  });
}

function authorName(store: Store, origin: string): string | null {
  return (
    (cached(store, 'SELECT pe.name FROM replica r JOIN person pe ON pe.id = r.person_id WHERE r.id = ?').pluck().get(origin) as string | undefined) ?? null
  );
}

/** A row's name in its table, deleted or not. */
function rowName(store: Store, entity: EntityName, id: string): string | null {
  const row = cached(store, `SELECT * FROM ${entity} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  switch (entity) {
    case 'chantier':
      return `Chantier ${String(row.number)} · ${String(row.title)}`;
    case 'action':
      return String(row.title);
    case 'partner':
    case 'person':
    case 'project':
    case 'indicator':
      return String(row.name);
    case 'meeting':
      // A row a sync gap left without its type or date is named by what it has.
      return row.type && row.date ? meetingTitle(row as Parameters<typeof meetingTitle>[0]) : String(row.title ?? UNKNOWN);
    case 'agenda_item':
    case 'action_item':
      return String(row.title);
    default:
      return null;
  }
}

const excerpt = (text: unknown) => {
  const value = String(text);
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
};

/** « 1er décembre 2026 », as the fiche writes a note's day. */
const frenchDay = (iso: unknown) => (/^\d{4}-\d{2}-\d{2}$/.test(String(iso)) ? frenchDate(String(iso)) : String(iso));

type RowDescription = { label: string; actionId: string | null; meetingId: string | null };

function describeRow(store: Store, entity: EntityName, id: string): RowDescription {
  const row = cached(store, `SELECT * FROM ${entity} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return { label: UNKNOWN, actionId: null, meetingId: null };
  const action = (actionId: unknown) => rowName(store, 'action', String(actionId)) ?? UNKNOWN;
  const described = (label: string, actionId: string | null = null): RowDescription => ({ label, actionId, meetingId: null });
  const ofMeeting = (label: string): RowDescription => {
    const meeting = rowName(store, 'meeting', String(row.meeting_id)) ?? UNKNOWN;
    return { label: `${label} de la réunion « ${meeting} »`, actionId: null, meetingId: String(row.meeting_id) };
  };
  switch (entity) {
    case 'action':
      return described(`Action « ${String(row.title)} »`, id);
    case 'note':
      return described(`Note du ${frenchDay(row.date)} de l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'step':
      return described(`Étape « ${String(row.label)} » de l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'link':
      return described(`Lien « ${String(row.label ?? row.url)} » de l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'pilot': {
      const partner = rowName(store, 'partner', String(row.partner_id)) ?? UNKNOWN;
      const owner = String(row.owner_id);
      const isAction = cached(store, 'SELECT 1 FROM action WHERE id = ?').pluck().get(owner) === 1;
      const ownerName = isAction ? `l'action « ${action(owner)} »` : (rowName(store, 'chantier', owner) ?? UNKNOWN);
      return described(`Pilote ${partner} de ${ownerName}`, isAction ? owner : null);
    }
    case 'chantier':
      return described(rowName(store, 'chantier', id) ?? UNKNOWN);
    case 'person':
      return described(`Personne « ${String(row.name)} »`);
    case 'partner':
      return described(`Partenaire « ${String(row.name)} »`);
    case 'project':
      return described(`Coopération « ${String(row.name)} »`);
    case 'replica': {
      const replica = replicaLabel(store, id);
      return described(`${replica.charAt(0).toUpperCase()}${replica.slice(1)}`);
    }
    case 'meeting': {
      const version = Number(row.version) > 1 ? ` (version ${String(row.version)})` : '';
      return { label: `Réunion « ${rowName(store, 'meeting', id)} »${version}`, actionId: null, meetingId: id };
    }
    case 'participant': {
      const name = row.name ?? (row.person_id ? rowName(store, 'person', String(row.person_id)) : null) ?? UNKNOWN;
      return ofMeeting(`Participant « ${String(name)} »`);
    }
    case 'agenda_item':
      return ofMeeting(`Point « ${String(row.title)} » de l'ordre du jour`);
    case 'entry': {
      const kind = row.kind === 'decision' ? 'Décision' : 'Information';
      const item = rowName(store, 'agenda_item', String(row.agenda_item_id)) ?? UNKNOWN;
      return ofMeeting(`${kind} « ${excerpt(row.text)} » du point « ${item} »`);
    }
    case 'action_item':
      return ofMeeting(`Action à mener « ${String(row.title)} »`);
    case 'follow_up': {
      const item = rowName(store, 'action_item', String(row.action_item_id)) ?? UNKNOWN;
      return ofMeeting(`Suivi de l'action « ${item} »`);
    }
    case 'indicator':
      return described(`Indicateur « ${String(row.name)} »`);
    case 'indicator_link':
      return described(`Suivi de l'indicateur par l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'indicator_value': {
      const indicator = rowName(store, 'indicator', String(row.indicator_id)) ?? UNKNOWN;
      return described(`Valeur du ${frenchDay(row.date)} de l'indicateur « ${indicator} »`);
    }
    case 'budget_line':
      return described(`Budget ${String(row.year)} de l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'funding':
      return described(`Financement de l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'action_party':
      return described(`« ${String(row.name)} », de l'action « ${action(row.action_id)} »`, String(row.action_id));
    case 'attachment':
      return described(`Document « ${String(row.name)} »`);
    case 'piste':
      return described(`Piste P${String(row.number)} « ${String(row.title)} »`);
    case 'piste_score': {
      const piste = cached(store, 'SELECT number, title FROM piste WHERE id = ?').get(String(row.piste_id)) as { number: number; title: string } | undefined;
      const evaluator = rowName(store, 'person', String(row.evaluator_person_id)) ?? String(row.evaluator_person_id);
      return described(`Évaluation de la piste ${piste ? `P${piste.number} « ${piste.title} »` : String(row.piste_id)} par ${evaluator}`);
    }
    case 'newsletter':
      return described(`Lettre d'info n°\u00a0${String(row.number)} « ${String(row.title)} »`);
  }
}
