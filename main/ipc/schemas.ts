// One zod schema per API method: the arguments main accepts from the renderer. Entity
// fields reuse db/schema.ts, so the checks and French messages are those of the store.
import { z } from 'zod';
import type { ApiMethod, EntenteApi } from '../../preload/contract';
import { ENTITIES, ENTITY_NAMES } from '../../db/schema';
import { ACTION_STATUSES, PRIORITIES, STAGES } from '../../db/vocabulary';

const id = z.string().min(1).max(200);
const none = z.tuple([]);
const passphrase = z.string({ error: 'La phrase de passe est attendue.' }).min(1, 'Indiquez la phrase de passe du projet.').max(1000);
const actionFields = z.object(ENTITIES.action);
const personFields = z.object(ENTITIES.person);
const partnerInput = z.object({ code: ENTITIES.partner.code, name: ENTITIES.partner.name, short_name: ENTITIES.partner.short_name });
const chantierInput = z.object({
  number: ENTITIES.chantier.number,
  title: ENTITIES.chantier.title,
  description: ENTITIES.chantier.description,
  stage: z.enum(STAGES),
});
const actionQuery = z
  .object({
    chantierIds: z.array(id).max(1000),
    statuses: z.array(z.enum([...ACTION_STATUSES, 'none'])),
    priorities: z.array(z.enum(PRIORITIES)),
    pilotPersonId: id,
    partnerId: id,
    late: z.boolean(),
    withoutPilot: z.boolean(),
    search: z.string().max(500),
    sort: z.object({
      by: z.enum(['chantier', 'title', 'status', 'priority', 'start_date', 'end_date', 'progress']),
      direction: z.enum(['asc', 'desc']),
    }),
  })
  .partial()
  .strict();

type ArgsSchemas = { [K in ApiMethod]: z.ZodType<Parameters<EntenteApi[K]>> };

export const argsSchemas = {
  getAppState: none,
  completeFirstStart: z.tuple([
    z.object({ name: ENTITIES.person.name, function: ENTITIES.person.function, partnerId: id }).strict(),
  ]),
  restoreBackup: z.tuple([z.string().min(1).max(4000)]),
  startOver: none,
  getDashboard: none,

  listChantiers: none,
  getChantier: z.tuple([id]),
  createChantier: z.tuple([chantierInput.strict()]),
  updateChantier: z.tuple([id, chantierInput.partial().strict()]),
  setChantierPilot: z.tuple([id, id, id.nullable()]),

  queryActions: z.tuple([actionQuery, z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict()]),
  getAction: z.tuple([id]),
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
  restoreDeleted: z.tuple([z.enum(['action', 'step', 'note', 'link']), id]),

  listPeople: none,
  createPerson: z.tuple([personFields.strict()]),
  updatePerson: z.tuple([id, personFields.partial().strict()]),
  deletePerson: z.tuple([id]),

  listPartners: none,
  createPartner: z.tuple([partnerInput.strict()]),
  updatePartner: z.tuple([id, partnerInput.partial().strict()]),
  updateProjectName: z.tuple([ENTITIES.project.name]),

  listConflicts: none,
  resolveConflict: z.tuple([z.enum(ENTITY_NAMES), id, z.string().min(1).max(100), z.unknown()]),

  getSettings: none,
  backupNow: none,
  openDataFolder: none,

  getSyncStatus: none,
  setSyncPassphrase: z.tuple([passphrase]),
  exportSyncFile: z.tuple([
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('replica'), id }).strict(),
      z.object({ kind: z.literal('partner'), id }).strict(),
      z.object({ kind: z.literal('full') }).strict(),
    ]),
  ]),
  importSyncFile: none,
  // A dropped file: at most 1 GiB, the format's own bound on a decompressed body.
  importSyncData: z.tuple([z.instanceof(Uint8Array).refine((bytes) => bytes.length <= 1 << 30, 'Fichier trop volumineux.')]),
  chooseSharedFolder: none,
  forgetSharedFolder: none,
  syncSharedFolderNow: none,
  createInvitation: none,
  chooseInvitation: none,
  previewInvitation: z.tuple([passphrase]),
  joinProject: z.tuple([
    passphrase,
    z.object({ name: ENTITIES.person.name, function: ENTITIES.person.function, partnerId: id, personId: id.nullable() }).strict(),
  ]),
} satisfies ArgsSchemas;
