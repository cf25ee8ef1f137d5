// Pistes and their évaluation croisée. The arbitrage, which sets the statut, the decision
// and the action, is arbitration.ts; a user's patch never touches those.
import { ValidationError } from '../errors';
import { deleteRow, getRow, insertRow, requireRow, updateRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import { takeOffAgenda } from './agenda';
import { decisionMeeting, nextPisteNumber, pisteReference, requireOpenPiste } from './rules';
import type { NewPiste, PistePatch, ScoreInput } from './types';

const EDITABLE_KEYS = [
  'title',
  'description',
  'proposed_by_partner_id',
  'proposed_by_service',
  'proposed_by_person',
  'atelier_meeting_id',
  'finalites',
  'chantier_id',
] as const satisfies readonly (keyof NewPiste)[];

/** Blank optional texts are no text; only the editable keys are kept. */
function editable(input: PistePatch): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of EDITABLE_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    fields[key] = typeof value === 'string' && key !== 'title' ? value.trim() || null : value;
  }
  return fields;
}

/** The references a piste holds, each refused with a French sentence naming the field. */
function checkReferences(store: Store, fields: PistePatch): void {
  if (fields.proposed_by_partner_id && !getRow(store, 'partner', fields.proposed_by_partner_id)) {
    throw new ValidationError(`Partenaire inconnu : ${fields.proposed_by_partner_id}.`, 'proposed_by_partner_id');
  }
  if (fields.chantier_id && !getRow(store, 'chantier', fields.chantier_id)) {
    throw new ValidationError(`Chantier inconnu : ${fields.chantier_id}.`, 'chantier_id');
  }
  if (fields.atelier_meeting_id) {
    const meeting = getRow(store, 'meeting', fields.atelier_meeting_id);
    if (!meeting) throw new ValidationError(`Réunion inconnue : ${fields.atelier_meeting_id}.`, 'atelier_meeting_id');
    if (meeting.type !== 'atelier') {
      throw new ValidationError("Une piste vient d'un atelier : la réunion choisie n'est pas un atelier.", 'atelier_meeting_id');
    }
  }
}

export function createPiste(store: Store, input: NewPiste): string {
  const fields = validatePatch('piste', {
    description: null,
    proposed_by_service: null,
    proposed_by_person: null,
    atelier_meeting_id: null,
    finalites: [],
    chantier_id: null,
    ...editable(input),
  });
  checkReferences(store, fields);
  return store.transaction(() =>
    insertRow(store, 'piste', {
      ...fields,
      number: nextPisteNumber(store),
      status: 'proposee',
      status_reason: null,
      action_id: null,
      decision_entry_id: null,
      agenda_meeting_id: null,
    }),
  );
}

export function updatePiste(store: Store, id: string, patch: PistePatch): void {
  requireRow(store, 'piste', id);
  const fields = validatePatch('piste', editable(patch));
  checkReferences(store, fields);
  updateRow(store, 'piste', id, fields);
}

/** Its scores are hidden with it, and come back with it. */
export function deletePiste(store: Store, id: string): void {
  store.transaction(() => {
    const piste = requireRow(store, 'piste', id);
    requireOpenPiste(store, piste, 'elle ne peut plus être supprimée');
    // Taken off the ordre du jour first: its point « Arbitrage des pistes », left empty, goes
    // too. Not from validated minutes, nor from those that hold its décision (à approfondir).
    const meeting = piste.agenda_meeting_id ? getRow(store, 'meeting', piste.agenda_meeting_id) : undefined;
    if (meeting && meeting.validation_status !== 'valide' && decisionMeeting(store, piste.decision_entry_id) !== meeting.id) {
      takeOffAgenda(store, id, meeting.id);
    }
    deleteRow(store, 'piste', id);
  });
}

export const scoreId = (pisteId: string, personId: string) => `${pisteId}:${personId}`;

/**
 * The evaluator's score of a piste, created on its first mark and edited afterwards: one row
 * per evaluator (schema.ts), so partners scoring the same piste at once never conflict.
 * Every partner scores every piste, its own included (the évaluation croisée).
 */
export function scorePiste(store: Store, pisteId: string, input: ScoreInput): string {
  const piste = requireRow(store, 'piste', pisteId);
  requireOpenPiste(store, piste, 'ses évaluations ne changent plus');
  const person = getRow(store, 'person', input.evaluator_person_id);
  if (!person) throw new ValidationError(`Évaluateur inconnu : ${input.evaluator_person_id}.`, 'evaluator_person_id');
  const marks = validatePatch('piste_score', {
    plus_value: input.plus_value,
    faisabilite: input.faisabilite,
    comment: input.comment === undefined ? undefined : input.comment?.trim() || null,
  });
  const id = scoreId(pisteId, person.id);
  if (getRow(store, 'piste_score', id)) {
    updateRow(store, 'piste_score', id, marks);
    return id;
  }
  if (marks.plus_value == null && marks.faisabilite == null) {
    throw new ValidationError(`Notez la plus-value ou la faisabilité de la piste ${pisteReference(piste.number)}.`, 'plus_value');
  }
  return insertRow(
    store,
    'piste_score',
    { piste_id: pisteId, evaluator_person_id: person.id, partner_id: person.partner_id, plus_value: null, faisabilite: null, comment: null, ...marks },
    id,
  );
}
