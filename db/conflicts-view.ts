// The Conflits view (SYNC.md "Nothing lost"): every field in conflict with what a person
// needs to choose — which row it is, who wrote each version, on which poste and when — and
// the choice itself, written as one change that supersedes every live version.
import { listConflicts } from './conflicts';
import { UserError, ValidationError } from './errors';
import { validatePatch } from './entities/rows';
import { parseHlc } from './hlc';
import { SEED_ORIGIN } from './project';
import { fieldSchema, isEntityName, type EntityName } from './schema';
import { cached } from './statements';
import type { Store } from './store';
import { replicaLabel } from './sync/exchange';
import type { ConflictView } from './types';

/** The fields whose value is the id of another row, and that row's table. */
const REFERENCES: Record<string, EntityName> = {
  person_id: 'person',
  author_id: 'person',
  partner_id: 'partner',
  chantier_id: 'chantier',
  action_id: 'action',
};

export function listConflictViews(store: Store): ConflictView[] {
  return listConflicts(store)
    .filter((conflict) => isEntityName(conflict.entity))
    .map((conflict) => {
      const entity = conflict.entity as EntityName;
      const { label, actionId } = describeRow(store, entity, conflict.row_id);
      return {
        entity,
        rowId: conflict.row_id,
        field: conflict.field,
        rowLabel: label,
        actionId,
        versions: conflict.versions.map((version, index) => {
          const value = conflict.field === 'deleted' ? version.value !== false : version.value;
          const reference = REFERENCES[conflict.field];
          return {
            origin: version.origin,
            seq: version.seq,
            hlc: version.hlc,
            date: new Date(parseHlc(version.hlc).ms).toISOString(),
            author: authorName(store, version.origin),
            replica: version.origin === SEED_ORIGIN ? 'données initiales du projet' : replicaLabel(store, version.origin),
            value,
            valueLabel: reference && typeof value === 'string' ? rowName(store, reference, value) : null,
            // liveVersions answers the latest clock first, then the highest origin: the one shown.
            shown: index === 0,
          };
        }),
      };
    });
}

/**
 * Settles a conflict with the value a person chose (one of the versions, or a merged value):
 * a change that supersedes every live version, so the choice applies everywhere. For the
 * field `deleted`, true confirms the delete and false keeps the row.
 */
export function resolveConflict(store: Store, entity: string, rowId: string, field: string, value: unknown): void {
  if (!isEntityName(entity)) throw new UserError('not-found', `Type de donnée inconnu : ${entity}.`);
  const known = store.db.prepare('SELECT 1 FROM changes WHERE entity = ? AND row_id = ? LIMIT 1').pluck().get(entity, rowId);
  if (!known) throw new UserError('not-found', `La ligne ${rowId} est introuvable.`);
  if (field === 'deleted') {
    if (typeof value !== 'boolean') throw new ValidationError('Choisissez de supprimer ou de garder la ligne.', field);
    store.write([{ entity, rowId, field, value }]);
    return;
  }
  if (!fieldSchema(entity, field)) throw new ValidationError(`Champ inconnu : ${field}.`, field);
  const parsed = validatePatch(entity, { [field]: value }) as Record<string, unknown>;
  store.write([{ entity, rowId, field, value: field in parsed ? parsed[field] : null }]);
}

function authorName(store: Store, origin: string): string | null {
  return (
    (cached(store, 'SELECT pe.name FROM replica r JOIN person pe ON pe.id = r.person_id WHERE r.id = ?').pluck().get(origin) as
      | string
      | undefined) ?? null
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
      return String(row.name);
    default:
      return null;
  }
}

const frenchDay = (iso: unknown) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : String(iso);
};

function describeRow(store: Store, entity: EntityName, id: string): { label: string; actionId: string | null } {
  const row = cached(store, `SELECT * FROM ${entity} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return { label: id, actionId: null };
  const action = (actionId: unknown) => rowName(store, 'action', String(actionId)) ?? String(actionId);
  switch (entity) {
    case 'action':
      return { label: `Action « ${String(row.title)} »`, actionId: id };
    case 'note':
      return { label: `Note du ${frenchDay(row.date)} de l'action « ${action(row.action_id)} »`, actionId: String(row.action_id) };
    case 'step':
      return { label: `Étape « ${String(row.label)} » de l'action « ${action(row.action_id)} »`, actionId: String(row.action_id) };
    case 'link':
      return { label: `Lien « ${String(row.label ?? row.url)} » de l'action « ${action(row.action_id)} »`, actionId: String(row.action_id) };
    case 'pilot': {
      const partner = rowName(store, 'partner', String(row.partner_id)) ?? String(row.partner_id);
      const owner = String(row.owner_id);
      const isAction = cached(store, 'SELECT 1 FROM action WHERE id = ?').pluck().get(owner) === 1;
      const ownerName = isAction ? `l'action « ${action(owner)} »` : (rowName(store, 'chantier', owner) ?? owner);
      return { label: `Pilote ${partner} de ${ownerName}`, actionId: isAction ? owner : null };
    }
    case 'chantier':
      return { label: rowName(store, 'chantier', id) ?? id, actionId: null };
    case 'person':
      return { label: `Personne « ${String(row.name)} »`, actionId: null };
    case 'partner':
      return { label: `Partenaire « ${String(row.name)} »`, actionId: null };
    case 'project':
      return { label: `Projet « ${String(row.name)} »`, actionId: null };
    case 'replica':
      return { label: `Poste « ${replicaLabel(store, id)} »`, actionId: null };
  }
}
