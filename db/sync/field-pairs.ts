// Format 5 names each (entity, field) pair of a change by its number in this table, frozen
// with the format (docs/sync.md, « Les noms des champs ») : the shared data's fields at
// schema 10, entity by entity. A pair outside it (a field a later schema adds) travels as
// text in the file. Never reorder or edit it: files would be misread between versions.
// prettier-ignore
const TABLE: [entity: string, fields: string[]][] = [
  ['project', ['name', 'validation_silence_days', 'deleted']],
  ['partner', ['code', 'name', 'short_name', 'position', 'kind', 'deleted']],
  ['person', ['name', 'function', 'partner_id', 'email', 'civility', 'deleted']],
  ['chantier', ['number', 'title', 'description', 'stage', 'deleted']],
  ['action', ['chantier_id', 'title', 'description', 'status', 'priority', 'finalites', 'cooperation_form', 'start_date', 'end_date', 'progress', 'number', 'to_arbitrate', 'deleted']],
  ['pilot', ['owner_id', 'partner_id', 'person_id', 'services', 'deleted']],
  ['step', ['action_id', 'label', 'done', 'position', 'deleted']],
  ['note', ['action_id', 'date', 'author_id', 'text', 'deleted']],
  ['link', ['action_id', 'label', 'url', 'deleted']],
  ['meeting', ['type', 'title', 'date', 'start_time', 'duration_minutes', 'place', 'chantier_ids', 'president_id', 'secretary_id', 'secretariat_partner_id', 'diffusion', 'next_meeting_date', 'validation_status', 'sent_on', 'validated_on', 'validated_by_id', 'validated_seen', 'version', 'previous_version_id', 'amendment_reason', 'deleted']],
  ['participant', ['meeting_id', 'person_id', 'name', 'function', 'organisation', 'attendance', 'represented_by', 'deleted']],
  ['agenda_item', ['meeting_id', 'position', 'title', 'presenter', 'duration_minutes', 'chantier_id', 'action_id', 'notes', 'to_arbitrate', 'deleted']],
  ['entry', ['meeting_id', 'agenda_item_id', 'kind', 'text', 'position', 'deleted']],
  ['action_item', ['meeting_id', 'agenda_item_id', 'position', 'kind', 'action_id', 'title', 'responsable_id', 'due_date', 'chantier_id', 'status', 'deleted']],
  ['follow_up', ['meeting_id', 'action_item_id', 'action_id', 'title', 'responsable_id', 'due_date', 'status', 'progress', 'comment', 'deleted']],
  ['indicator', ['chantier_id', 'name', 'unit', 'target_value', 'target_date', 'deleted']],
  ['indicator_link', ['indicator_id', 'action_id', 'deleted']],
  ['indicator_value', ['indicator_id', 'date', 'value', 'author_id', 'comment', 'deleted']],
  ['budget_line', ['action_id', 'year', 'partner_id', 'planned', 'spent', 'tax_basis', 'deleted']],
  ['funding', ['action_id', 'funder_type', 'funder_name', 'amount', 'status', 'deleted']],
  ['action_party', ['action_id', 'kind', 'name', 'organisation', 'role', 'deleted']],
  ['attachment', ['owner_id', 'name', 'size', 'sha256', 'added_by', 'added_on', 'deleted']],
  ['piste', ['number', 'title', 'description', 'proposed_by_partner_id', 'proposed_by_service', 'proposed_by_person', 'atelier_meeting_id', 'finalites', 'chantier_id', 'status', 'status_reason', 'action_id', 'decision_entry_id', 'agenda_meeting_id', 'deleted']],
  ['piste_score', ['piste_id', 'evaluator_person_id', 'partner_id', 'plus_value', 'faisabilite', 'comment', 'deleted']],
  ['newsletter', ['number', 'title', 'period_start', 'period_end', 'editorial', 'items', 'published_on', 'published_by_id', 'deleted']],
  ['replica', ['person_id', 'partner_id', 'label', 'created_at', 'public_key', 'revoked_after', 'deleted']],
];

/** The table's pairs, in order: pair i is FIELD_PAIRS[i]. */
export const FIELD_PAIRS: readonly (readonly [entity: string, field: string])[] = TABLE.flatMap(([entity, fields]) =>
  fields.map((field) => [entity, field] as const),
);

const numbers = new Map(FIELD_PAIRS.map(([entity, field], i) => [`${entity}\0${field}`, i]));

/** The pair's number in the table, if it is there. */
export const fieldPairNumber = (entity: string, field: string): number | undefined => numbers.get(`${entity}\0${field}`);
