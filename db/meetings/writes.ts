// Réunions and what their compte rendu holds: participants, ordre du jour, informations
// and décisions, actions à mener, comments on the suivi of the previous minutes.
// Everything here refuses to touch validated minutes (an amendment corrects them:
// validation.ts). Lists that two people may add to at the same time are rows, not arrays.
import { attendanceLabel, ONE_CHANTIER_MESSAGE, type Civility } from '../../common/vocabulary';
import { existsInParis, minutesBetween, minutesOfDay } from '../../common/calendar';
import { frenchDate, frenchTime } from '../../common/french';
import { ValidationError } from '../errors';
import { referenceOf } from '../actions/references';
import { newId } from '../store/ids';
import { actionItemProblems, nextSecretariat } from './rules';
import { followUpId, lastCodiri, requireMeeting, type MeetingFields } from './rows';
import { meetingFollowUp } from './reads';
import { clockTime, type EntityFields, type EntityName } from '../store/schema';
import { cached } from '../store/statements';
import type { Edit, Store } from '../store/store';
import type {
  ActionItemInput,
  ActionItemPatch,
  AgendaItemInput,
  AgendaItemPatch,
  EntryInput,
  MeetingInput,
  MeetingPatch,
  ParticipantInput,
  ParticipantPatch,
} from './types';
import { deleteRow, getRow, insertRow, requireRow, restoreRow, rowEdits, updateRow, validatePatch } from '../store/rows';

export const READ_ONLY_MESSAGE = 'Ce compte rendu est validé : il ne peut plus être modifié. Pour le corriger, créez une version modificative.';

/** The meeting, if its minutes may still be edited. */
export function editableMeeting(store: Store, meetingId: string): MeetingFields {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.validation_status === 'valide') throw new ValidationError(READ_ONLY_MESSAGE, 'validation_status');
  return meeting;
}

/** A reference to a visible row, refused with a French message naming the field. */
function checkRef(store: Store, entity: EntityName, id: string | null | undefined, field: string, message: string): void {
  if (id && !getRow(store, entity, id)) throw new ValidationError(message, field);
}

/** An optional text, trimmed; left blank, it is no text. */
const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);

/** Only the keys a caller may set: the rest (statut, versions…) belong to the workflow. */
function pick<T extends object>(input: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.filter((key) => input[key] !== undefined).map((key) => [key, input[key]])) as Partial<T>;
}

// Réunions

const MEETING_KEYS = [
  'type',
  'title',
  'date',
  'start_time',
  'duration_minutes',
  'place',
  'chantier_ids',
  'president_id',
  'secretary_id',
  'secretariat_partner_id',
  'diffusion',
  'next_meeting_date',
] as const;

/** « 2 h 30 n'existe pas le 28 mars 2027 : … » (common/calendar.ts, existsInParis). */
const nonexistentTime = (time: string, date: string) =>
  `${frenchTime(time)} n'existe pas le ${frenchDate(date)} : cette nuit-là, on passe de 2 h à 3 h (heure d'été). Choisissez une autre heure.`;

/** The duration given, or the one an end time of the same day gives. */
function durationOf(date: string | undefined, startTime: string | undefined, input: { duration_minutes?: number; end_time?: string }): number | undefined {
  if (input.end_time === undefined) return input.duration_minutes;
  const end = clockTime("L'heure de fin").safeParse(input.end_time);
  if (!end.success) throw new ValidationError(end.error.issues[0].message, 'end_time');
  if (startTime === undefined) return undefined;
  if (date !== undefined && !existsInParis(date, end.data)) throw new ValidationError(nonexistentTime(end.data, date), 'end_time');
  const minutes = date === undefined ? minutesOfDay(end.data) - minutesOfDay(startTime) : minutesBetween(date, startTime, end.data);
  if (minutes <= 0) throw new ValidationError("L'heure de fin doit suivre l'heure de début.", 'end_time');
  return minutes;
}

/** Checks a meeting's fields together: chantiers known, people known, one chantier for a réunion de travail. */
function checkMeeting(store: Store, fields: Partial<MeetingFields>, current?: MeetingFields): void {
  const known = new Set(current?.chantier_ids ?? []);
  for (const chantierId of fields.chantier_ids ?? []) {
    // A chantier deleted since it was chosen stays listed; a new one must exist.
    if (!known.has(chantierId)) checkRef(store, 'chantier', chantierId, 'chantier_ids', `Chantier inconnu : ${chantierId}.`);
  }
  const type = fields.type ?? current?.type;
  const chantiers = fields.chantier_ids ?? current?.chantier_ids ?? [];
  if (type === 'reunion_travail' && chantiers.length !== 1) {
    throw new ValidationError(ONE_CHANTIER_MESSAGE, 'chantier_ids');
  }
  const date = fields.date ?? current?.date;
  const start = fields.start_time ?? current?.start_time;
  if ((fields.date !== undefined || fields.start_time !== undefined) && date && start && !existsInParis(date, start)) {
    throw new ValidationError(nonexistentTime(start, date), 'start_time');
  }
  const next = fields.next_meeting_date === undefined ? current?.next_meeting_date : fields.next_meeting_date;
  if ((fields.next_meeting_date !== undefined || fields.date !== undefined) && date && next && next <= date) {
    throw new ValidationError(
      `La prochaine réunion (le ${frenchDate(next)}) doit venir après celle-ci (le ${frenchDate(date)}).`,
      fields.next_meeting_date !== undefined ? 'next_meeting_date' : 'date',
    );
  }
  checkRef(store, 'person', fields.president_id, 'president_id', `Personne inconnue : ${fields.president_id}.`);
  checkRef(store, 'person', fields.secretary_id, 'secretary_id', `Personne inconnue : ${fields.secretary_id}.`);
  checkRef(store, 'partner', fields.secretariat_partner_id, 'secretariat_partner_id', `Partenaire inconnu : ${fields.secretariat_partner_id}.`);
}

function meetingPatch(input: MeetingPatch): Record<string, unknown> {
  const given = pick(input, MEETING_KEYS) as Record<string, unknown>;
  for (const key of ['title', 'place'] as const) if (key in given) given[key] = blankToNull(input[key]);
  // Anything but a list is left to the schema, which refuses it in French.
  if (Array.isArray(input.chantier_ids)) given.chantier_ids = [...new Set(input.chantier_ids)];
  if (Array.isArray(input.diffusion)) given.diffusion = input.diffusion.filter((line) => typeof line !== 'string' || line.trim() !== '');
  return given;
}

export function createMeeting(store: Store, input: MeetingInput): string {
  const given = meetingPatch(input);
  // The place written even empty: giving it later moves the event in calendars (calendar.ts).
  const checked = validatePatch('meeting', { chantier_ids: [], diffusion: [], place: null, ...given, validation_status: 'brouillon', version: 1 });
  const duration = durationOf(checked.date, checked.start_time, input);
  // Without a start time, insertRow names that field as missing.
  if (duration === undefined && checked.start_time !== undefined) {
    throw new ValidationError('Indiquez la durée de la réunion ou son heure de fin.', 'duration_minutes');
  }
  const fields = {
    ...checked,
    ...(duration === undefined ? {} : validatePatch('meeting', { duration_minutes: duration })),
    secretariat_partner_id: input.secretariat_partner_id === undefined ? defaultSecretariat(store, input.type) : checked.secretariat_partner_id,
  };
  checkMeeting(store, fields);
  return insertRow(store, 'meeting', fields);
}

/** For a CODIRI, the partner whose turn it is; otherwise the partner of the person using this laptop. */
function defaultSecretariat(store: Store, type: MeetingFields['type']): string | null {
  if (type === 'codiri') return nextSecretariat(store, lastCodiri(store)?.secretariat_partner_id ?? null)?.id ?? null;
  const me = store.personId ? getRow(store, 'person', store.personId) : undefined;
  return me?.partner_id ?? null;
}

export function updateMeeting(store: Store, id: string, patch: MeetingPatch): void {
  const current = editableMeeting(store, id);
  const fields = validatePatch('meeting', meetingPatch(patch));
  const duration = durationOf(fields.date ?? current.date, fields.start_time ?? current.start_time, patch);
  if (duration !== undefined) Object.assign(fields, validatePatch('meeting', { duration_minutes: duration }));
  checkMeeting(store, fields, current);
  updateRow(store, 'meeting', id, fields);
}

/** The children of a meeting, hidden with it (an amendment made again must not find them). */
const CHILDREN: EntityName[] = ['participant', 'agenda_item', 'entry', 'action_item', 'follow_up'];

/**
 * A décision that made a piste an action stays in the minutes while that action does:
 * deleted, it would give the comité back a piste already on its way (db/pistes/rules.ts,
 * standingStatus). Other décisions of arbitrage go, and their pistes come back to the comité.
 */
function keepDecisionsOfActions(store: Store, scope: 'id' | 'agenda_item_id' | 'meeting_id', id: string): void {
  const made = cached(
    store,
    `SELECT p.number AS piste, a.id AS action_id FROM entry e
       JOIN piste p ON p.decision_entry_id = e.id AND p.deleted = 0 AND p.status = 'retenue'
       JOIN action a ON a.id = p.action_id AND a.deleted = 0
     WHERE e.${scope} = ? AND e.deleted = 0 ORDER BY p.number LIMIT 1`,
  ).get(id) as { piste: number; action_id: string } | undefined;
  if (!made) return;
  throw new ValidationError(
    `La décision qui a retenu la piste P${made.piste} en a fait l'action ${referenceOf(store, made.action_id)} : elle reste au compte rendu tant que cette action existe. Si la piste n'est plus retenue, supprimez d'abord l'action.`,
    'decision',
  );
}

export function deleteMeeting(store: Store, id: string): void {
  editableMeeting(store, id);
  keepDecisionsOfActions(store, 'meeting_id', id);
  const edits: Edit[] = [{ entity: 'meeting', rowId: id, field: 'deleted', value: true }];
  for (const entity of CHILDREN) {
    const ids = cached(store, `SELECT id FROM ${entity} WHERE meeting_id = ? AND deleted = 0`).pluck().all(id) as string[];
    edits.push(...ids.map((rowId) => ({ entity, rowId, field: 'deleted', value: true })));
  }
  store.write(edits);
}

// Participants

/** A person's row in a meeting: two laptops adding the same person write the same row. */
export const participantId = (meetingId: string, personId: string) => `${meetingId}:${personId}`;

/** `civility` agrees the sentence: « représentée » for Mme, « représenté » otherwise. */
function checkAttendance(fields: Partial<EntityFields<'participant'>>, name: string, civility: Civility | null = null): void {
  if (fields.attendance === 'represente' && !fields.represented_by?.trim()) {
    throw new ValidationError(`Indiquez par qui ${name} est ${attendanceLabel('represente', civility)}.`, 'represented_by');
  }
}

export function addParticipant(store: Store, meetingId: string, input: ParticipantInput): string {
  editableMeeting(store, meetingId);
  const fields = validatePatch('participant', {
    meeting_id: meetingId,
    attendance: input.attendance ?? 'present',
    represented_by: blankToNull(input.represented_by) ?? null,
    function: blankToNull(input.function) ?? null,
    organisation: blankToNull(input.organisation) ?? null,
  });
  if (input.person_id) {
    const person = getRow(store, 'person', input.person_id);
    if (!person) throw new ValidationError(`Personne inconnue : ${input.person_id}.`, 'person_id');
    const id = participantId(meetingId, person.id);
    if (getRow(store, 'participant', id)) throw new ValidationError(`${person.name} figure déjà parmi les participants.`, 'person_id');
    checkAttendance(fields, person.name, person.civility);
    // A row deleted earlier comes back, as the same participant.
    store.write([
      ...rowEdits('participant', id, { ...fields, person_id: person.id, name: null }),
      { entity: 'participant', rowId: id, field: 'deleted', value: false },
    ]);
    return id;
  }
  const name = input.name?.trim();
  if (!name) throw new ValidationError("Le nom de l'invité ne peut pas être vide.", 'name');
  checkAttendance(fields, name);
  return insertRow(store, 'participant', { ...fields, ...validatePatch('participant', { name }), person_id: null });
}

export function updateParticipant(store: Store, id: string, patch: ParticipantPatch): void {
  const current = requireRow(store, 'participant', id);
  editableMeeting(store, current.meeting_id);
  const given = pick(patch, ['name', 'function', 'organisation', 'attendance', 'represented_by']) as Record<string, unknown>;
  for (const key of ['function', 'organisation', 'represented_by'] as const) if (key in given) given[key] = blankToNull(patch[key]);
  if ('name' in given) {
    if (!current.person_id && !patch.name?.trim()) throw new ValidationError("Le nom de l'invité ne peut pas être vide.", 'name');
    given.name = blankToNull(patch.name);
  }
  const fields = validatePatch('participant', given);
  const merged = { ...current, ...fields };
  const person = current.person_id ? getRow(store, 'person', current.person_id) : undefined;
  checkAttendance(merged, merged.name ?? person?.name ?? 'ce participant', person?.civility ?? null);
  updateRow(store, 'participant', id, fields);
}

export function deleteParticipant(store: Store, id: string): void {
  editableMeeting(store, requireRow(store, 'participant', id).meeting_id);
  deleteRow(store, 'participant', id);
}

// Ordered rows: agenda items, entries, actions à mener

type Ordered = 'agenda_item' | 'entry' | 'action_item';

function nextPosition(store: Store, entity: Ordered, parentField: string, parentId: string): number {
  const last = cached(store, `SELECT max(position) FROM ${entity} WHERE ${parentField} = ? AND deleted = 0`).pluck().get(parentId) as number | null;
  return (last ?? 0) + 1;
}

/** Swaps a row with its neighbour; the rows are renumbered in their new order (only changed positions are written). */
function moveRow(store: Store, entity: Ordered, parentField: 'meeting_id' | 'agenda_item_id', id: string, direction: 'up' | 'down'): void {
  const row = requireRow(store, entity, id) as { meeting_id: string } & Record<string, unknown>;
  editableMeeting(store, row.meeting_id);
  const ids = cached(store, `SELECT id FROM ${entity} WHERE ${parentField} = ? AND deleted = 0 ORDER BY position, id`)
    .pluck()
    .all(row[parentField]) as string[];
  const from = ids.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  store.write(ids.map((rowId, index) => ({ entity, rowId, field: 'position', value: index + 1 })));
}

// Ordre du jour

function checkAgendaLinks(store: Store, fields: Partial<EntityFields<'agenda_item'>>): void {
  checkRef(store, 'chantier', fields.chantier_id, 'chantier_id', `Chantier inconnu : ${fields.chantier_id}.`);
  checkRef(store, 'action', fields.action_id, 'action_id', `Action inconnue : ${fields.action_id}.`);
}

function agendaPatch(input: AgendaItemPatch): Record<string, unknown> {
  const given = pick(input, ['title', 'presenter', 'duration_minutes', 'chantier_id', 'action_id', 'notes', 'to_arbitrate']) as Record<string, unknown>;
  for (const key of ['presenter', 'notes', 'chantier_id', 'action_id'] as const) if (key in given) given[key] = blankToNull(input[key]);
  return given;
}

export function addAgendaItem(store: Store, meetingId: string, input: AgendaItemInput): string {
  editableMeeting(store, meetingId);
  const fields = validatePatch('agenda_item', {
    ...agendaPatch(input),
    meeting_id: meetingId,
    position: nextPosition(store, 'agenda_item', 'meeting_id', meetingId),
  });
  checkAgendaLinks(store, fields);
  const chantierId = fields.chantier_id ?? (fields.action_id ? getRow(store, 'action', fields.action_id)!.chantier_id : null);
  return insertRow(store, 'agenda_item', { ...fields, chantier_id: chantierId });
}

export function updateAgendaItem(store: Store, id: string, patch: AgendaItemPatch): void {
  editableMeeting(store, requireRow(store, 'agenda_item', id).meeting_id);
  const fields = validatePatch('agenda_item', agendaPatch(patch));
  checkAgendaLinks(store, fields);
  updateRow(store, 'agenda_item', id, fields);
}

export function moveAgendaItem(store: Store, id: string, direction: 'up' | 'down'): void {
  moveRow(store, 'agenda_item', 'meeting_id', id, direction);
}

/** Its informations, décisions and actions à mener are hidden with it, and come back with it. */
export function deleteAgendaItem(store: Store, id: string): void {
  editableMeeting(store, requireRow(store, 'agenda_item', id).meeting_id);
  keepDecisionsOfActions(store, 'agenda_item_id', id);
  deleteRow(store, 'agenda_item', id);
}

// Informations and décisions

export function addEntry(store: Store, agendaItemId: string, input: EntryInput): string {
  const item = requireRow(store, 'agenda_item', agendaItemId);
  editableMeeting(store, item.meeting_id);
  const fields = validatePatch('entry', {
    kind: input.kind,
    text: input.text,
    meeting_id: item.meeting_id,
    agenda_item_id: agendaItemId,
    position: nextPosition(store, 'entry', 'agenda_item_id', agendaItemId),
  });
  return insertRow(store, 'entry', fields);
}

export function updateEntry(store: Store, id: string, patch: Partial<EntryInput>): void {
  editableMeeting(store, requireRow(store, 'entry', id).meeting_id);
  updateRow(store, 'entry', id, validatePatch('entry', pick(patch, ['kind', 'text'])));
}

export function moveEntry(store: Store, id: string, direction: 'up' | 'down'): void {
  moveRow(store, 'entry', 'agenda_item_id', id, direction);
}

export function deleteEntry(store: Store, id: string): void {
  editableMeeting(store, requireRow(store, 'entry', id).meeting_id);
  keepDecisionsOfActions(store, 'id', id);
  deleteRow(store, 'entry', id);
}

// Actions à mener

/** Refuses an action à mener saved as complete that still lacks something for validation. */
function checkComplete(store: Store, item: EntityFields<'action_item'> & { id: string }): void {
  const [problem] = actionItemProblems(store, item);
  if (problem) throw new ValidationError(problem.message, problem.field);
}

function checkActionItemRefs(store: Store, fields: Partial<EntityFields<'action_item'>>): void {
  checkRef(store, 'action', fields.action_id, 'action_id', `Action inconnue : ${fields.action_id}.`);
  checkRef(store, 'person', fields.responsable_id, 'responsable_id', `Personne inconnue : ${fields.responsable_id}.`);
  checkRef(store, 'chantier', fields.chantier_id, 'chantier_id', `Chantier inconnu : ${fields.chantier_id}.`);
}

/**
 * An action à mener under an item. It may be saved while incomplete (typed during the
 * meeting); `complete: true` (the user's final save) refuses it without a responsable,
 * a chantier for a new action, or an action to follow up — as validation will.
 */
export function addActionItem(store: Store, agendaItemId: string, input: ActionItemInput, options: { complete?: boolean } = {}): string {
  const item = requireRow(store, 'agenda_item', agendaItemId);
  const meeting = editableMeeting(store, item.meeting_id);
  const given = pick(input, ['kind', 'title', 'responsable_id', 'due_date', 'chantier_id', 'status', 'action_id']) as Record<string, unknown>;
  if (input.kind === 'suivi') {
    if (!input.action_id) throw new ValidationError("Choisissez l'action existante à suivre.", 'action_id');
    const action = getRow(store, 'action', input.action_id);
    if (!action) throw new ValidationError(`Action inconnue : ${input.action_id}.`, 'action_id');
    given.title = input.title?.trim() ? input.title : action.title;
    given.chantier_id = action.chantier_id;
  } else {
    // A new action gets its id when the minutes are validated.
    delete given.action_id;
    given.chantier_id = input.chantier_id || item.chantier_id || (meeting.chantier_ids.length === 1 ? meeting.chantier_ids[0] : null);
  }
  const fields = validatePatch('action_item', {
    responsable_id: null,
    due_date: null,
    status: null,
    ...given,
    meeting_id: item.meeting_id,
    agenda_item_id: agendaItemId,
    position: nextPosition(store, 'action_item', 'agenda_item_id', agendaItemId),
  });
  checkActionItemRefs(store, fields);
  const id = newId();
  if (options.complete) checkComplete(store, { ...(fields as EntityFields<'action_item'>), id });
  return insertRow(store, 'action_item', fields, id);
}

export function updateActionItem(store: Store, id: string, patch: ActionItemPatch, options: { complete?: boolean } = {}): void {
  const current = requireRow(store, 'action_item', id);
  editableMeeting(store, current.meeting_id);
  const keys =
    current.kind === 'suivi'
      ? (['title', 'responsable_id', 'due_date', 'status', 'action_id'] as const)
      : (['title', 'responsable_id', 'due_date', 'status', 'chantier_id'] as const);
  const given = pick(patch, keys) as Record<string, unknown>;
  if (current.kind === 'suivi' && given.action_id === null) throw new ValidationError("Choisissez l'action existante à suivre.", 'action_id');
  const checked = validatePatch('action_item', given);
  checkActionItemRefs(store, checked);
  // A follow-up belongs to the chantier of the action it follows.
  const fields = current.kind === 'suivi' && checked.action_id ? { ...checked, chantier_id: getRow(store, 'action', checked.action_id)!.chantier_id } : checked;
  if (options.complete) checkComplete(store, { ...current, ...fields });
  updateRow(store, 'action_item', id, fields);
}

export function moveActionItem(store: Store, id: string, direction: 'up' | 'down'): void {
  moveRow(store, 'action_item', 'agenda_item_id', id, direction);
}

export function deleteActionItem(store: Store, id: string): void {
  editableMeeting(store, requireRow(store, 'action_item', id).meeting_id);
  deleteRow(store, 'action_item', id);
}

// Undoing a delete

/** The rows of the minutes the page's delete buttons remove: each delete may be undone. */
export const RESTORABLE_MEETING_ROWS = ['participant', 'agenda_item', 'entry', 'action_item'] as const;
export type RestorableMeetingRow = (typeof RESTORABLE_MEETING_ROWS)[number];

/** Brings a deleted row of the minutes back, unless they were validated meanwhile (on another poste, say). */
export function restoreMeetingRow(store: Store, entity: RestorableMeetingRow, id: string): void {
  const meetingId = cached(store, `SELECT meeting_id FROM ${entity} WHERE id = ?`).pluck().get(id) as string | null | undefined;
  if (meetingId) editableMeeting(store, meetingId);
  restoreRow(store, entity, id);
}

// Suivi des actions du précédent compte rendu

/** A comment on a line of the suivi (null clears it). */
export function setFollowUpComment(store: Store, meetingId: string, actionItemId: string, comment: string | null): void {
  editableMeeting(store, meetingId);
  if (!meetingFollowUp(store, meetingId).lines.some((line) => line.action_item_id === actionItemId)) {
    throw new ValidationError('Cette action ne fait pas partie du suivi des actions du précédent compte rendu.', 'action_item_id');
  }
  const fields = validatePatch('follow_up', { meeting_id: meetingId, action_item_id: actionItemId, comment: blankToNull(comment) ?? null });
  const id = followUpId(meetingId, actionItemId);
  store.write([...rowEdits('follow_up', id, fields), { entity: 'follow_up', rowId: id, field: 'deleted', value: false }]);
}

// Settings

/** The project's delay after which minutes sent for validation are validated by silence; null: the default (15 days). */
export function setValidationSilenceDays(store: Store, days: number | null): void {
  updateRow(store, 'project', store.requireReplica().projectId, validatePatch('project', { validation_silence_days: days }));
}
