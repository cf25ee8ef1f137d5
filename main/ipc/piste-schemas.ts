// The zod schemas of the pistes' API methods, spread in schemas.ts: the piste's fields reuse
// db/store/schema.ts, so a refused value reads as the store would say it.
import { z } from 'zod';
import { FINALITES, PISTE_STATUSES } from '../../common/vocabulary';
import { IMPORT_FIELD_LABELS } from '../../db/pistes/import';
import type { PisteImportField } from '../../db/pistes/types';
import { ENTITIES } from '../../db/store/schema';

const id = z.string().min(1).max(200);
const none = z.tuple([]);
const P = ENTITIES.piste;
const S = ENTITIES.piste_score;
const IMPORT_FIELDS = Object.keys(IMPORT_FIELD_LABELS) as [PisteImportField, ...PisteImportField[]];

const pisteFields = z.object({
  title: P.title,
  description: P.description,
  proposed_by_partner_id: P.proposed_by_partner_id,
  proposed_by_service: P.proposed_by_service,
  proposed_by_person: P.proposed_by_person,
  atelier_meeting_id: P.atelier_meeting_id,
  finalites: P.finalites,
  chantier_id: P.chantier_id,
});
/** Also the matrice's and the synthèse's filter (schemas.ts). */
export const pisteFilter = z
  .object({ finalite: z.enum(FINALITES), partner_id: id, status: z.enum(PISTE_STATUSES), chantier_id: id })
  .partial()
  .strict();
const scoreInput = z
  .object({ evaluator_person_id: id, plus_value: S.plus_value.optional(), faisabilite: S.faisabilite.optional(), comment: S.comment.optional() })
  .strict();
/** A spreadsheet's header → the piste's field it fills, or null to leave the column out; and the atelier. */
const importOptions = z
  .object({ mapping: z.record(z.string().max(500), z.enum(IMPORT_FIELDS).nullable()), atelier_meeting_id: id.nullable() })
  .partial()
  .strict();

export const pisteArgsSchemas = {
  listPistes: z.tuple([pisteFilter]),
  listPisteLines: z.tuple([pisteFilter]),
  getPiste: z.tuple([id]),
  listEvaluatorScores: z.tuple([id]),
  createPiste: z.tuple([pisteFields.partial().required({ title: true, proposed_by_partner_id: true }).strict()]),
  updatePiste: z.tuple([id, pisteFields.partial().strict()]),
  deletePiste: z.tuple([id]),
  scorePiste: z.tuple([id, scoreInput]),
  choosePisteImport: none,
  previewPisteImport: z.tuple([importOptions]),
  importPistes: z.tuple([importOptions]),
  exportPistes: none,
};
