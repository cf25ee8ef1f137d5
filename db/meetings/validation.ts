// The life of a compte rendu: brouillon → envoyé pour validation (to the other partners)
// → validé, by a person or by silence once the project's delay has passed; then
// read-only, corrected by an amendment (a new version; the old one stays readable).
//
// Validating writes, as changes, everything the minutes decided: new actions à mener
// become tracked actions, follow-ups update theirs, the participants' names and the
// suivi des actions are frozen. Every id written there is derived from the minutes'
// rows, and a tacit validation's date from the sending date, or from the last correction
// after it: two laptops holding the same minutes validate them by silence with the same
// rows and the same values, not two of each.
import { localDate } from '../../common/calendar';
import { frenchDate } from '../../common/french';
import { ACTION_STATUS_LABELS } from '../../common/vocabulary';
import { isUserError, ValidationError } from '../errors';
import { actionItemRows, followUpId, meetingVersions, originalRowId, requireMeeting, seriesId, type MeetingFields } from './rows';
import { meetingFollowUp } from './reads';
import { correctedOn, tacitValidationDay, validationProblems, validationSilenceDays } from './rules';
import { ENTITIES, isoDate, type EntityName } from '../store/schema';
import { cached } from '../store/statements';
import type { Edit, Store } from '../store/store';
import type { TacitValidationResult } from './types';
import { participantId, READ_ONLY_MESSAGE } from './writes';
import { pilotId } from '../actions/pilots';
import { getRow, rowEdits, validatePatch } from '../store/rows';

function checkDay(day: string, field: string, label: string): string {
  const result = isoDate(label).safeParse(day);
  if (!result.success) throw new ValidationError(result.error.issues[0].message, field);
  return result.data;
}

/** Minutes are sent or validated once the meeting has taken place: not before its day. */
function refuseBeforeMeeting(meeting: MeetingFields, day: string, field: string, what: 'envoyé pour validation' | 'validé'): void {
  if (meeting.date && day < meeting.date) {
    throw new ValidationError(`Le compte rendu ne peut être ${what} qu'une fois la réunion tenue (le ${frenchDate(meeting.date)}).`, field);
  }
}

function refuseProblems(store: Store, meetingId: string): void {
  const [problem] = validationProblems(store, meetingId);
  if (problem) throw new ValidationError(problem.message, problem.field);
}

/** Sends the minutes to the other partners for validation; silence validates them after the project's delay. */
export function sendForValidation(store: Store, meetingId: string, day = localDate()): void {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.validation_status === 'valide') throw new ValidationError(READ_ONLY_MESSAGE, 'validation_status');
  if (meeting.validation_status === 'envoye') throw new ValidationError('Ce compte rendu a déjà été envoyé pour validation.', 'validation_status');
  const sentOn = checkDay(day, 'sent_on', "La date d'envoi");
  refuseBeforeMeeting(meeting, sentOn, 'sent_on', 'envoyé pour validation');
  refuseProblems(store, meetingId);
  store.write(rowEdits('meeting', meetingId, { validation_status: 'envoye', sent_on: sentOn }));
}

/** Takes sent minutes back as a draft (the other partner asked for changes); the delay starts again at the next sending. */
export function returnToDraft(store: Store, meetingId: string): void {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.validation_status === 'valide') throw new ValidationError(READ_ONLY_MESSAGE, 'validation_status');
  if (meeting.validation_status === 'brouillon') return;
  store.write(rowEdits('meeting', meetingId, { validation_status: 'brouillon', sent_on: null }));
}

/** Validation by a person of another partner than the one holding the secretariat. */
export function validateMinutes(store: Store, meetingId: string, validation: { validatedBy: string; day?: string }): void {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.validation_status === 'valide') throw new ValidationError('Ce compte rendu est déjà validé.', 'validation_status');
  if (meeting.validation_status === 'brouillon') {
    throw new ValidationError("Ce compte rendu n'a pas encore été envoyé pour validation.", 'validation_status');
  }
  const person = getRow(store, 'person', validation.validatedBy);
  if (!person) throw new ValidationError(`Personne inconnue : ${validation.validatedBy}.`, 'validated_by_id');
  const secretariat = meeting.secretariat_partner_id ? getRow(store, 'partner', meeting.secretariat_partner_id) : undefined;
  if (secretariat && person.partner_id === secretariat.id) {
    throw new ValidationError(
      `${person.name} fait partie du partenaire qui a rédigé le compte rendu (${secretariat.short_name}) : la validation revient à un autre partenaire.`,
      'validated_by_id',
    );
  }
  const day = checkDay(validation.day ?? localDate(), 'validated_on', 'La date de validation');
  refuseBeforeMeeting(meeting, day, 'validated_on', 'validé');
  if (meeting.sent_on && day < meeting.sent_on) throw new ValidationError("La date de validation ne peut pas précéder la date d'envoi.", 'validated_on');
  validate(store, meeting, day, person.id);
}

/**
 * Validates by silence every compte rendu sent, or last corrected, at least the project's
 * delay ago (on the day the delay ended). For the app to call at start and daily; calling it again changes
 * nothing. Minutes that cannot be validated (an action à mener changed since, without a
 * responsable…) are left as they are, and listed.
 */
export function applyTacitValidations(store: Store, day = localDate()): TacitValidationResult {
  const silenceDays = validationSilenceDays(store);
  const sent = cached(
    store,
    "SELECT id, sent_on FROM meeting WHERE validation_status = 'envoye' AND sent_on IS NOT NULL AND deleted = 0 ORDER BY date, id",
  ).all() as {
    id: string;
    sent_on: string;
  }[];
  const result: TacitValidationResult = { validated: [], blocked: [] };
  for (const { id, sent_on } of sent) {
    const due = tacitValidationDay(sent_on, correctedOn(store, id, sent_on), silenceDays);
    if (due > day) continue;
    try {
      validate(store, requireMeeting(store, id), due, null);
      result.validated.push(id);
    } catch (error) {
      if (!isUserError(error)) throw error;
      result.blocked.push({ meeting_id: id, message: error.message });
    }
  }
  return result;
}

/**
 * What validating the minutes will do, in sentences shown before the user confirms: the
 * actions à mener that become tracked actions, the statuts and échéances the follow-ups
 * change (the same rules as validate below).
 */
export function validationEffects(store: Store, meetingId: string): string[] {
  const effects: string[] = [];
  const items = actionItemRows(store, meetingId);
  const created = items.filter((item) => item.kind === 'nouvelle' && !item.action_id);
  if (created.length > 0) {
    effects.push(
      `${created.length} action${created.length > 1 ? 's' : ''} ajoutée${created.length > 1 ? 's' : ''} au suivi : ${created.map((item) => `« ${item.title} »`).join(', ')}`,
    );
  }
  for (const item of items) {
    if (item.kind !== 'suivi' || !item.action_id) continue;
    const action = getRow(store, 'action', item.action_id);
    if (!action) continue;
    if (item.status && item.status !== action.status) {
      effects.push(`statut de « ${action.title} » : ${ACTION_STATUS_LABELS[action.status ?? 'a_venir']} → ${ACTION_STATUS_LABELS[item.status]}`);
    }
    if (item.due_date && item.due_date !== action.end_date) {
      const how = !action.end_date ? 'fixée' : item.due_date > action.end_date ? 'reportée' : 'avancée';
      effects.push(`échéance de « ${action.title} » ${how} au ${frenchDate(item.due_date)}`);
    }
  }
  return effects;
}

/** The id of the action a new action à mener becomes: its own, so that every laptop creates the same one. */
const trackedActionId = (actionItemId: string) => actionItemId;

function validate(store: Store, meeting: MeetingFields, day: string, validatedBy: string | null): void {
  store.transaction(() => {
    refuseProblems(store, meeting.id);
    const edits: Edit[] = [];
    // Actions à mener: new ones become tracked actions, with their responsable as pilote; follow-ups update theirs.
    for (const item of actionItemRows(store, meeting.id)) {
      if (item.kind === 'nouvelle' && !item.action_id) {
        const actionId = trackedActionId(item.id);
        const responsable = getRow(store, 'person', item.responsable_id!)!;
        const action = validatePatch('action', {
          chantier_id: item.chantier_id,
          title: item.title,
          description: null,
          status: item.status ?? 'a_venir',
          priority: 'moyenne',
          finalites: [],
          cooperation_form: null,
          start_date: null,
          end_date: item.due_date,
          progress: 0,
        });
        edits.push(...rowEdits('action', actionId, action));
        edits.push(
          ...rowEdits('pilot', pilotId(actionId, responsable.partner_id), {
            owner_id: actionId,
            partner_id: responsable.partner_id,
            person_id: responsable.id,
            services: null,
          }),
        );
        edits.push(...rowEdits('action_item', item.id, { action_id: actionId }));
      } else if (item.kind === 'suivi') {
        const update: Record<string, unknown> = {};
        if (item.status) update.status = item.status;
        if (item.due_date) update.end_date = item.due_date;
        edits.push(...rowEdits('action', item.action_id!, update));
      }
    }
    // The participants as they were that day.
    const participants = cached(
      store,
      `SELECT p.id, p.name, p.function, p.organisation, pe.name AS person_name, pe.function AS person_function, pa.name AS partner_name
       FROM participant p JOIN person pe ON pe.id = p.person_id LEFT JOIN partner pa ON pa.id = pe.partner_id
       WHERE p.meeting_id = ? AND p.deleted = 0`,
    ).all(meeting.id) as {
      id: string;
      name: string | null;
      function: string | null;
      organisation: string | null;
      person_name: string;
      person_function: string | null;
      partner_name: string | null;
    }[];
    for (const participant of participants) {
      edits.push(
        ...rowEdits('participant', participant.id, {
          name: participant.name ?? participant.person_name,
          function: participant.function ?? participant.person_function,
          organisation: participant.organisation ?? participant.partner_name,
        }),
      );
    }
    // The suivi des actions as it stands that day.
    for (const line of meetingFollowUp(store, meeting.id, day).lines) {
      const id = followUpId(meeting.id, line.action_item_id);
      edits.push(
        ...rowEdits('follow_up', id, {
          meeting_id: meeting.id,
          action_item_id: line.action_item_id,
          action_id: line.action_id,
          title: line.title,
          responsable_id: line.responsable?.id ?? null,
          due_date: line.due_date,
          status: line.status,
          progress: line.progress,
        }),
        { entity: 'follow_up', rowId: id, field: 'deleted', value: false },
      );
    }
    edits.push(...rowEdits('meeting', meeting.id, { validation_status: 'valide', validated_on: day, validated_by_id: validatedBy }));
    // Last: what this poste held, and with it this write up to here (reads.ts, unseenByValidation).
    edits.push({ entity: 'meeting', rowId: meeting.id, field: 'validated_seen', value: store.log.versionVector() });
    store.write(edits);
  });
}

// Amendments

/** The last part of a row id: what a copy's id is made from. */
/** A row's fields as its table holds them, ready to write again. */
function fieldsOf(entity: EntityName, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(ENTITIES[entity]).map((field) => [field, row[field] ?? null]));
}

/**
 * Amends validated minutes: a new version (a draft) holding a copy of everything, the
 * old one staying as it was. The new version and its rows have ids derived from the
 * old ones, so that two laptops amending the same minutes make one new version.
 * Returns the new version's id.
 */
export function amendMinutes(store: Store, meetingId: string, reason: string | null): string {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.validation_status !== 'valide') {
    throw new ValidationError(
      'Seul un compte rendu validé se corrige par une version modificative : celui-ci peut encore être modifié directement.',
      'validation_status',
    );
  }
  const newer = meetingVersions(store, meetingId).find((version) => version.version > meeting.version);
  if (newer) throw new ValidationError(`Une version modificative de ce compte rendu existe déjà (version ${newer.version}).`, 'version');
  const { amendment_reason } = validatePatch('meeting', { amendment_reason: reason?.trim() ? reason : null });
  const newId = `${seriesId(meetingId)}~${meeting.version + 1}`;
  const edits: Edit[] = [];
  // The rows are written whole, and restored if an earlier amendment made then deleted them.
  const copy = (entity: EntityName, id: string, fields: Record<string, unknown>) =>
    edits.push(...rowEdits(entity, id, fields), { entity, rowId: id, field: 'deleted', value: false });

  copy('meeting', newId, {
    ...fieldsOf('meeting', meeting),
    validation_status: 'brouillon',
    sent_on: null,
    validated_on: null,
    validated_by_id: null,
    validated_seen: null,
    version: meeting.version + 1,
    previous_version_id: meetingId,
    amendment_reason,
  });
  const rows = (entity: EntityName) =>
    cached(store, `SELECT * FROM ${entity} WHERE meeting_id = ? AND deleted = 0`).all(meetingId) as ({ id: string } & Record<string, unknown>)[];
  for (const participant of rows('participant')) {
    const id = participant.person_id ? participantId(newId, String(participant.person_id)) : `${newId}:${originalRowId(participant.id)}`;
    copy('participant', id, { ...fieldsOf('participant', participant), meeting_id: newId });
  }
  const itemIds = new Map<string, string>();
  for (const item of rows('agenda_item')) {
    itemIds.set(item.id, `${newId}:${originalRowId(item.id)}`);
    copy('agenda_item', itemIds.get(item.id)!, { ...fieldsOf('agenda_item', item), meeting_id: newId });
  }
  // Entries and actions à mener of a deleted item stay behind with it.
  for (const entity of ['entry', 'action_item'] as const) {
    for (const row of rows(entity)) {
      const itemId = itemIds.get(String(row.agenda_item_id));
      if (itemId) copy(entity, `${newId}:${originalRowId(row.id)}`, { ...fieldsOf(entity, row), meeting_id: newId, agenda_item_id: itemId });
    }
  }
  // Comments on the suivi; its lines are taken again, then frozen at the new validation.
  for (const line of rows('follow_up')) {
    if (line.comment !== null)
      copy('follow_up', followUpId(newId, String(line.action_item_id)), { meeting_id: newId, action_item_id: line.action_item_id, comment: line.comment });
  }
  store.write(edits);
  return newId;
}
