// The rows a row's deletion takes with it from the screens: a note goes with its action, a
// décision with its point, a point with its meeting; a pilote naming a person keeps that
// person named. A delete that had not seen an edit of such a row (one added or changed
// elsewhere meanwhile) does not hide the row, as for an edit of the row itself
// (store/changelog.ts, docs/sync.md « Conflits »).
import type { EntityName } from './schema';

export interface Dependence {
  /** The dependent row's table, and its field that holds the id of the row it depends on. */
  entity: EntityName;
  field: string;
  /** The tables that id may be in. */
  on: EntityName[];
}

export const DEPENDENCES: Dependence[] = [
  { entity: 'step', field: 'action_id', on: ['action'] },
  { entity: 'note', field: 'action_id', on: ['action'] },
  { entity: 'link', field: 'action_id', on: ['action'] },
  { entity: 'budget_line', field: 'action_id', on: ['action'] },
  { entity: 'funding', field: 'action_id', on: ['action'] },
  { entity: 'action_party', field: 'action_id', on: ['action'] },
  { entity: 'indicator_link', field: 'action_id', on: ['action'] },
  { entity: 'indicator_link', field: 'indicator_id', on: ['indicator'] },
  { entity: 'indicator_value', field: 'indicator_id', on: ['indicator'] },
  { entity: 'pilot', field: 'owner_id', on: ['action', 'chantier'] },
  { entity: 'pilot', field: 'person_id', on: ['person'] },
  { entity: 'attachment', field: 'owner_id', on: ['action', 'meeting'] },
  { entity: 'participant', field: 'meeting_id', on: ['meeting'] },
  { entity: 'participant', field: 'person_id', on: ['person'] },
  { entity: 'agenda_item', field: 'meeting_id', on: ['meeting'] },
  { entity: 'entry', field: 'agenda_item_id', on: ['agenda_item'] },
  { entity: 'action_item', field: 'agenda_item_id', on: ['agenda_item'] },
  { entity: 'action_item', field: 'responsable_id', on: ['person'] },
  { entity: 'follow_up', field: 'meeting_id', on: ['meeting'] },
  { entity: 'follow_up', field: 'responsable_id', on: ['person'] },
  { entity: 'piste_score', field: 'piste_id', on: ['piste'] },
];

/** By the table depended on. */
export const DEPENDENTS_OF = new Map<EntityName, Dependence[]>();
/** By the dependent table. */
export const DEPENDENCES_OF = new Map<EntityName, Dependence[]>();
for (const dependence of DEPENDENCES) {
  for (const entity of dependence.on) DEPENDENTS_OF.set(entity, [...(DEPENDENTS_OF.get(entity) ?? []), dependence]);
  DEPENDENCES_OF.set(dependence.entity, [...(DEPENDENCES_OF.get(dependence.entity) ?? []), dependence]);
}
