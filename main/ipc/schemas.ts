// One zod schema per API method: the arguments main accepts from the renderer. Entity
// fields reuse db/store/schema.ts, so the checks and French messages are those of the store.
import { z } from 'zod';
import type { ApiMethod, EntenteApi } from '../../preload/contract';
import { clockTime, ENTITIES, ENTITY_NAMES, isoDate } from '../../db/store/schema';
import { ACTION_IMPORT_FIELDS } from '../../db/exports/actions';
import { MAX_PLAIN_BYTES } from '../../db/sync/format';
import { pisteArbitrationArgsSchemas } from './piste-arbitration-handlers';
import { pisteArgsSchemas, pisteFilter } from './piste-schemas';
import { ACTION_STATUSES, MEETING_TYPES, MINUTES_LAYOUTS, MINUTES_STATUSES, PARTNER_KINDS, PRIORITIES, STAGES } from '../../common/vocabulary';

const id = z.string().min(1).max(200);
/** A value chosen for a field in conflict: what a field holds (a text, a number, a yes/no, a list, an object of lists), bounded; its field's own rule is checked in db/. */
const conflictValue = z.unknown().refine((value) => {
  try {
    const json = JSON.stringify(value);
    return json !== undefined && json.length <= 100_000;
  } catch {
    // Structured clone carries what JSON cannot: a cycle, a BigInt.
    return false;
  }
}, 'Valeur trop longue ou impossible à enregistrer.');
const none = z.tuple([]);
const passphrase = z.string({ error: 'La phrase de passe est attendue.' }).min(1, 'Indiquez la phrase de passe de la coopération.').max(1000);
const actionFields = z.object(ENTITIES.action);
const personFields = z.object(ENTITIES.person);
const indicatorFields = z.object(ENTITIES.indicator);
const budgetLineFields = z.object(ENTITIES.budget_line);
const fundingFields = z.object(ENTITIES.funding);
const partyFields = z.object(ENTITIES.action_party);
const partnerInput = z.object({
  code: ENTITIES.partner.code,
  name: ENTITIES.partner.name,
  short_name: ENTITIES.partner.short_name,
  kind: ENTITIES.partner.kind.optional(),
});
const chantierInput = z.object({
  number: ENTITIES.chantier.number,
  title: ENTITIES.chantier.title,
  description: ENTITIES.chantier.description,
  stage: z.enum(STAGES),
});
const actionQuery = z
  .object({
    chantier_ids: z.array(id).max(1000),
    statuses: z.array(z.enum([...ACTION_STATUSES, 'none'])),
    priorities: z.array(z.enum(PRIORITIES)),
    pilot_person_id: id,
    partner_id: id,
    late: z.boolean(),
    without_pilot: z.boolean(),
    to_arbitrate: z.boolean(),
    search: z.string().max(500),
    sort: z.object({
      by: z.enum(['reference', 'chantier', 'title', 'status', 'priority', 'start_date', 'end_date', 'progress']),
      direction: z.enum(['asc', 'desc']),
    }),
  })
  .partial()
  .strict();

/** A spreadsheet's header → the action's field it goes to, or null to leave the column out. */
const importMapping = z.record(
  z.string().max(500),
  z.union([z.enum(ACTION_IMPORT_FIELDS), z.templateLiteral(['pilot:', z.string().min(1).max(200)])]).nullable(),
);

const M = ENTITIES.meeting;
const meetingInput = z.object({
  type: M.type,
  date: M.date,
  start_time: M.start_time,
  duration_minutes: M.duration_minutes,
  end_time: clockTime("L'heure de fin"),
  title: M.title,
  place: M.place,
  chantier_ids: M.chantier_ids,
  president_id: M.president_id,
  secretary_id: M.secretary_id,
  secretariat_partner_id: M.secretariat_partner_id,
  diffusion: M.diffusion,
  next_meeting_date: M.next_meeting_date,
});
const decisionQuery = z
  .object({
    types: z.array(z.enum(MEETING_TYPES)),
    chantier_id: id,
    from: isoDate('La date de début'),
    to: isoDate('La date de fin'),
    followed: z.boolean(),
    search: z.string().max(500),
  })
  .partial()
  .strict();
const P = ENTITIES.participant;
const participantFields = { name: P.name, function: P.function, organisation: P.organisation, attendance: P.attendance, represented_by: P.represented_by };
const A = ENTITIES.agenda_item;
const agendaItemInput = z.object({
  title: A.title,
  presenter: A.presenter,
  duration_minutes: A.duration_minutes,
  chantier_id: A.chantier_id,
  action_id: A.action_id,
  notes: A.notes,
  to_arbitrate: A.to_arbitrate,
});
const entryInput = z.object({ kind: ENTITIES.entry.kind, text: ENTITIES.entry.text });
const I = ENTITIES.action_item;
const actionItemFields = {
  action_id: I.action_id,
  title: I.title,
  responsable_id: I.responsable_id,
  due_date: I.due_date,
  chantier_id: I.chantier_id,
  status: I.status,
};
const direction = z.enum(['up', 'down']);

type ArgsSchemas = { [K in ApiMethod]: z.ZodType<Parameters<EntenteApi[K]>> };

export const argsSchemas = {
  getAppState: none,
  completeFirstStart: z.tuple([z.object({ name: ENTITIES.person.name, function: ENTITIES.person.function, partner_id: id }).strict()]),
  // Loose bounds only: db/project/new-project.ts checks each line and names it in its message.
  createCooperation: z.tuple([
    z
      .object({
        name: z.string().max(1000),
        partners: z
          .array(z.object({ kind: z.enum(PARTNER_KINDS), name: z.string().max(1000), short_name: z.string().max(1000), code: z.string().max(1000) }).strict())
          .max(20),
        chantiers: z.array(z.string().max(1000)).max(200),
      })
      .strict(),
    z.object({ name: ENTITIES.person.name, function: ENTITIES.person.function, partner_code: z.string().max(1000) }).strict(),
  ]),
  restoreBackup: z.tuple([
    z
      .string()
      .regex(/^entente-[\d-]+\.sqlite$/, 'Sauvegarde inconnue.')
      .max(100),
  ]),
  startOver: none,
  listCooperations: none,
  openCooperation: z.tuple([z.string().min(1, 'Choisissez une coopération.').max(4000)]),
  createCooperationFolder: none,
  forgetCooperation: z.tuple([z.string().min(1, 'Choisissez une coopération.').max(4000)]),
  getDashboard: z.tuple([z.enum(['all', 'year', 'since-codiri'], 'Période inconnue.')]),

  listChantiers: none,
  getChantier: z.tuple([id]),
  createChantier: z.tuple([chantierInput.strict()]),
  updateChantier: z.tuple([id, chantierInput.partial().strict()]),
  setChantierPilot: z.tuple([id, id, id.nullable()]),

  queryActions: z.tuple([actionQuery, z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict()]),
  getAction: z.tuple([id]),
  getActionHistory: z.tuple([id, z.string().max(100).nullable().optional()]),
  createAction: z.tuple([actionFields.partial().required({ chantier_id: true, title: true }).strict()]),
  updateAction: z.tuple([id, actionFields.partial().strict()]),
  deleteAction: z.tuple([id]),
  setActionPilot: z.tuple([id, id, z.object({ person_id: id.nullable(), services: ENTITIES.pilot.services }).partial().strict()]),
  addStep: z.tuple([id, ENTITIES.step.label]),
  updateStep: z.tuple([id, z.object({ label: ENTITIES.step.label, done: z.boolean() }).partial().strict()]),
  moveStep: z.tuple([id, z.enum(['up', 'down'])]),
  deleteStep: z.tuple([id]),
  addNote: z.tuple([id, z.object({ text: ENTITIES.note.text, date: ENTITIES.note.date.optional() }).strict()]),
  updateNote: z.tuple([id, z.object({ text: ENTITIES.note.text, date: ENTITIES.note.date }).partial().strict()]),
  deleteNote: z.tuple([id]),
  addLink: z.tuple([id, z.object({ label: ENTITIES.link.label, url: ENTITIES.link.url }).strict()]),
  deleteLink: z.tuple([id]),
  restoreDeleted: z.tuple([
    z.enum([
      'action',
      'step',
      'note',
      'link',
      'indicator_value',
      'budget_line',
      'funding',
      'action_party',
      'indicator_link',
      'attachment',
      'participant',
      'agenda_item',
      'entry',
      'action_item',
    ]),
    id,
  ]),
  listAttachments: z.tuple([id]),
  attachDocument: z.tuple([id]),
  openAttachment: z.tuple([id]),
  detachDocument: z.tuple([id]),
  getActionIndicators: z.tuple([id]),
  getChantierIndicators: z.tuple([id]),
  createIndicator: z.tuple([id, indicatorFields.omit({ chantier_id: true }).partial().required({ name: true }).strict()]),
  updateIndicator: z.tuple([id, indicatorFields.omit({ chantier_id: true }).partial().strict()]),
  linkIndicator: z.tuple([id, id]),
  unlinkIndicator: z.tuple([id, id]),
  addIndicatorValue: z.tuple([
    id,
    z.object({ date: ENTITIES.indicator_value.date, value: ENTITIES.indicator_value.value, comment: ENTITIES.indicator_value.comment.optional() }).strict(),
  ]),
  deleteIndicatorValue: z.tuple([id]),
  getActionBudget: z.tuple([id]),
  getChantierBudget: z.tuple([id]),
  addBudgetLine: z.tuple([id, budgetLineFields.omit({ action_id: true }).partial().required({ year: true, partner_id: true }).strict()]),
  updateBudgetLine: z.tuple([id, budgetLineFields.omit({ action_id: true }).partial().strict()]),
  deleteBudgetLine: z.tuple([id]),
  addFunding: z.tuple([id, fundingFields.omit({ action_id: true }).partial().required({ funder_type: true, amount: true }).strict()]),
  updateFunding: z.tuple([id, fundingFields.omit({ action_id: true }).partial().strict()]),
  deleteFunding: z.tuple([id]),
  addParty: z.tuple([id, partyFields.omit({ action_id: true }).partial().required({ kind: true, name: true }).strict()]),
  deleteParty: z.tuple([id]),
  getMyActions: none,
  getReminders: none,
  setReminderNotifications: z.tuple([z.boolean()]),

  listPeople: none,
  createPerson: z.tuple([personFields.strict()]),
  updatePerson: z.tuple([id, personFields.partial().strict()]),
  deletePerson: z.tuple([id]),

  createPartner: z.tuple([partnerInput.strict()]),
  updatePartner: z.tuple([id, partnerInput.partial().strict()]),
  listPartnerLogos: none,
  choosePartnerLogo: z.tuple([id]),
  removePartnerLogo: z.tuple([id]),
  updateProjectName: z.tuple([ENTITIES.project.name]),

  listConflicts: none,
  resolveConflict: z.tuple([
    z.enum(ENTITY_NAMES),
    id,
    z.string().min(1).max(100),
    conflictValue,
    z
      .array(z.tuple([id, z.number().int().positive()]))
      .min(1)
      .max(100),
  ]),

  getSettings: none,
  backupNow: none,
  openDataFolder: none,
  openLink: z.tuple([z.string().min(1).max(2000)]),

  listMeetings: z.tuple([
    z
      .object({
        types: z.array(z.enum(MEETING_TYPES)),
        chantier_id: id,
        when: z.enum(['upcoming', 'past']),
        statuses: z.array(z.enum(MINUTES_STATUSES)),
        all_versions: z.boolean(),
      })
      .partial()
      .strict(),
  ]),
  getMeeting: z.tuple([id]),
  listAgendaLinks: none,
  createMeeting: z.tuple([meetingInput.partial().required({ type: true, date: true, start_time: true }).strict()]),
  updateMeeting: z.tuple([id, meetingInput.partial().strict()]),
  deleteMeeting: z.tuple([id]),
  getCodiriProposal: z.tuple([id.nullable()]),
  addParticipant: z.tuple([
    id,
    z
      .object({ person_id: P.person_id, ...participantFields })
      .partial()
      .strict(),
  ]),
  updateParticipant: z.tuple([id, z.object(participantFields).partial().strict()]),
  deleteParticipant: z.tuple([id]),
  addAgendaItem: z.tuple([id, agendaItemInput.partial().required({ title: true }).strict()]),
  updateAgendaItem: z.tuple([id, agendaItemInput.partial().strict()]),
  moveAgendaItem: z.tuple([id, direction]),
  deleteAgendaItem: z.tuple([id]),
  addEntry: z.tuple([id, entryInput.strict()]),
  updateEntry: z.tuple([id, entryInput.partial().strict()]),
  moveEntry: z.tuple([id, direction]),
  deleteEntry: z.tuple([id]),
  addActionItem: z.tuple([
    id,
    z
      .object({ kind: I.kind, ...actionItemFields })
      .partial()
      .required({ kind: true })
      .strict(),
  ]),
  updateActionItem: z.tuple([id, z.object(actionItemFields).partial().strict()]),
  moveActionItem: z.tuple([id, direction]),
  deleteActionItem: z.tuple([id]),
  setFollowUpComment: z.tuple([id, id, ENTITIES.follow_up.comment]),
  sendForValidation: z.tuple([id]),
  getValidationEffects: z.tuple([id]),
  repeatMeeting: z.tuple([id, z.object({ date: ENTITIES.meeting.date.optional(), next: z.boolean() }).strict()]),
  getNextMeetingDate: z.tuple([id]),
  returnToDraft: z.tuple([id]),
  validateMinutes: z.tuple([id]),
  amendMinutes: z.tuple([id, ENTITIES.meeting.amendment_reason]),
  setValidationSilenceDays: z.tuple([ENTITIES.project.validation_silence_days.unwrap()]),
  meetingsOfAction: z.tuple([id]),
  ...pisteArbitrationArgsSchemas,
  listDecisions: z.tuple([decisionQuery]),
  saveDecisionsXlsx: z.tuple([decisionQuery]),

  saveActionsSpreadsheet: z.tuple([actionQuery, z.enum(['xlsx', 'csv', 'plan'])]),
  chooseActionsImport: none,
  previewActionsImport: z.tuple([importMapping]),
  applyActionsImport: z.tuple([importMapping]),
  exportAllData: z.tuple([z.enum(['folder', 'zip'], 'Format inconnu.')]),
  ...pisteArgsSchemas,

  getMinutesDocument: z.tuple([id, z.enum(MINUTES_LAYOUTS)]),
  getCodiriDossier: z.tuple([id]),
  listNewsletters: none,
  getNewsletter: z.tuple([id]),
  getNewsletterDocument: z.tuple([id]),
  createNewsletter: none,
  updateNewsletter: z.tuple([
    id,
    z
      .object({
        title: ENTITIES.newsletter.title,
        period_start: ENTITIES.newsletter.period_start,
        period_end: ENTITIES.newsletter.period_end,
        editorial: ENTITIES.newsletter.editorial,
      })
      .partial()
      .strict(),
  ]),
  editNewsletterItem: z.tuple([
    id,
    id,
    z
      .object({ title: z.string().max(300), body: z.string().max(20000).nullable() })
      .partial()
      .strict(),
  ]),
  moveNewsletterItem: z.tuple([id, id, direction]),
  removeNewsletterItem: z.tuple([id, id]),
  addNewsletterItem: z.tuple([id]),
  deleteNewsletter: z.tuple([id]),
  publishNewsletter: z.tuple([id]),
  saveNewsletterAsPdf: z.tuple([id]),
  saveNewsletterEmail: z.tuple([id]),
  printCurrentPage: none,
  saveCurrentPageAsPdf: z.tuple([id, z.enum([...MINUTES_LAYOUTS, 'dossier_codiri', 'convocation', 'emargement'])]),
  openPreparedEmail: z.tuple([z.string().min(1).max(4096)]),
  getPrintedHeadings: z.tuple([id, z.enum([...MINUTES_LAYOUTS, 'dossier_codiri', 'convocation', 'emargement'])]),
  saveActionFicheAsPdf: z.tuple([id]),
  saveDashboardAsPdf: none,
  getPisteMatrix: z.tuple([pisteFilter]),
  getPistesSynthesis: z.tuple([pisteFilter]),
  savePistesSynthesisAsPdf: none,
  saveValidationEmail: z.tuple([id]),
  saveMinutesDocx: z.tuple([id, z.enum(MINUTES_LAYOUTS)]),
  getConvocationDocument: z.tuple([id]),
  getAttendanceSheet: z.tuple([id]),
  saveConvocationEmail: z.tuple([id]),
  exportMeetingIcs: z.tuple([id]),
  exportUpcomingMeetingsIcs: none,

  getSyncStatus: none,
  setSyncPassphrase: z.tuple([passphrase]),
  changeSyncPassphrase: z.tuple([passphrase, passphrase]),
  checkSyncPassphraseAdoption: z.tuple([passphrase]),
  adoptSyncPassphrase: z.tuple([passphrase]),
  dismissPassphraseNotes: none,
  answerPlainTextKeychain: z.tuple([z.boolean()]),
  revokePoste: z.tuple([id]),
  confirmPosteKey: z.tuple([id, z.string().max(200)]),
  nameThisComputer: z.tuple([ENTITIES.replica.label]),
  listPosteNotices: none,
  // A poste's id comes from files, of any length.
  markPostesSeen: z.tuple([z.array(z.string().min(1).max(100_000)).max(10_000)]),
  exportSyncFile: z.tuple([
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('replica'), id }).strict(),
      z.object({ kind: z.literal('partner'), id }).strict(),
      z.object({ kind: z.literal('full') }).strict(),
    ]),
  ]),
  importSyncFile: none,
  // A dropped file: at most 1 GiB, the format's own bound on a decompressed body.
  importSyncData: z.tuple([z.instanceof(Uint8Array).refine((bytes) => bytes.length <= MAX_PLAIN_BYTES, 'Fichier trop volumineux.')]),
  chooseSharedFolder: none,
  forgetSharedFolder: none,
  syncSharedFolderNow: none,
  createInvitation: none,
  chooseInvitation: none,
  previewInvitation: z.tuple([passphrase]),
  getOpenedFile: none,
  importOpenedFile: z.tuple([z.number().int()]),
  dismissOpenedFile: z.tuple([z.number().int()]),
  takeOpenedInvitation: none,
  joinProject: z.tuple([
    passphrase,
    z
      .object({ name: ENTITIES.person.name, function: ENTITIES.person.function, partner_id: id, person_id: id.nullable(), label: ENTITIES.replica.label })
      .strict(),
  ]),
} satisfies ArgsSchemas;
