// The pistes with their scores and decisions as an Excel workbook: a sheet « Pistes » (one
// line per piste: its means together and per partner, the gap between partners, its
// quadrant, the comité's decision) and a sheet « Évaluations » (one line per evaluator).
import { FINALITE_LABELS, PISTE_STATUS_LABELS, QUADRANT_LABELS } from '../../common/vocabulary';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../exports/sheet';
import { listDecisions } from '../meetings/decisions';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { listPistes } from './reads';
import { pisteReference } from './rules';
import type { PisteRow } from './types';

export const PISTES_WORKBOOK_TITLE = 'Pistes de coopération';

/** A mean to two decimals, or an empty cell before any score. */
const mean = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

interface ScoreLine {
  number: number;
  title: string;
  evaluator: string;
  partner: string;
  plus_value: number | null;
  faisabilite: number | null;
  comment: string | null;
}

const SCORE_COLUMNS: SheetColumn<ScoreLine>[] = [
  { header: 'Piste', width: 10, value: (line) => pisteReference(line.number) },
  { header: 'Intitulé', width: 40, wrap: true, value: (line) => line.title },
  { header: 'Évaluateur', width: 24, value: (line) => line.evaluator },
  { header: 'Partenaire', width: 16, value: (line) => line.partner },
  { header: 'Plus-value', width: 12, value: (line) => line.plus_value },
  { header: 'Faisabilité', width: 12, value: (line) => line.faisabilite },
  { header: 'Commentaire', width: 50, wrap: true, value: (line) => line.comment },
];

export async function pistesWorkbook(store: Store, options: { created?: Date } = {}): Promise<Buffer> {
  const pistes = listPistes(store);
  const partners = cached(store, 'SELECT id, short_name FROM partner WHERE deleted = 0 ORDER BY position, id').all() as { id: string; short_name: string }[];
  const references = new Map(listDecisions(store).map((decision) => [decision.id, decision.reference]));
  const meansOf = (piste: PisteRow, partnerId: string) => piste.by_partner.find((candidate) => candidate.partner_id === partnerId);
  const columns: SheetColumn<PisteRow>[] = [
    { header: 'Référence', width: 10, value: (piste) => piste.reference },
    { header: 'Intitulé', width: 40, wrap: true, value: (piste) => piste.title },
    { header: 'Description', width: 50, wrap: true, value: (piste) => piste.description },
    { header: 'Proposée par', width: 16, value: (piste) => piste.proposed_by.short_name },
    { header: 'Direction ou service', width: 24, wrap: true, value: (piste) => piste.proposed_by.service },
    { header: 'Personne', width: 20, value: (piste) => piste.proposed_by.person },
    { header: 'Finalités', width: 28, wrap: true, value: (piste) => piste.finalites.map((finalite) => FINALITE_LABELS[finalite]).join('\n') || null },
    { header: 'Chantier', width: 24, wrap: true, value: (piste) => (piste.chantier ? `${piste.chantier.number}. ${piste.chantier.title}` : null) },
    { header: 'Statut', width: 16, value: (piste) => PISTE_STATUS_LABELS[piste.status] },
    { header: 'Motif', width: 30, wrap: true, value: (piste) => piste.status_reason },
    { header: 'Plus-value (moyenne)', width: 12, value: (piste) => mean(piste.together.plus_value) },
    { header: 'Faisabilité (moyenne)', width: 12, value: (piste) => mean(piste.together.faisabilite) },
    ...partners.flatMap((partner): SheetColumn<PisteRow>[] => [
      { header: `Plus-value ${partner.short_name}`, width: 12, value: (piste) => mean(meansOf(piste, partner.id)?.plus_value ?? null) },
      { header: `Faisabilité ${partner.short_name}`, width: 12, value: (piste) => mean(meansOf(piste, partner.id)?.faisabilite ?? null) },
    ]),
    {
      header: 'Écart entre partenaires',
      width: 12,
      value: (piste) =>
        piste.disagreement.plus_value === null && piste.disagreement.faisabilite === null
          ? null
          : mean(Math.max(piste.disagreement.plus_value ?? 0, piste.disagreement.faisabilite ?? 0)),
    },
    { header: 'Quadrant', width: 22, value: (piste) => (piste.quadrant ? QUADRANT_LABELS[piste.quadrant] : null) },
    { header: 'Décision', width: 60, wrap: true, value: (piste) => piste.decision?.text ?? null },
    { header: 'Référence de la décision', width: 22, value: (piste) => (piste.decision ? (references.get(piste.decision.entry_id) ?? null) : null) },
  ];
  const workbook = newWorkbook(PISTES_WORKBOOK_TITLE, undefined, options.created);
  addTableSheet(workbook, 'Pistes', columns, pistes);
  const lines = cached(
    store,
    `SELECT p.number, p.title, COALESCE(pe.name, s.evaluator_person_id) AS evaluator, COALESCE(pa.short_name, s.partner_id) AS partner,
       s.plus_value, s.faisabilite, s.comment
     FROM piste_score s JOIN piste p ON p.id = s.piste_id AND p.deleted = 0
     LEFT JOIN person pe ON pe.id = s.evaluator_person_id LEFT JOIN partner pa ON pa.id = s.partner_id
     WHERE s.deleted = 0 ORDER BY p.number, p.id, pa.position, sort_key(evaluator), s.id`,
  ).all() as ScoreLine[];
  addTableSheet(workbook, 'Évaluations', SCORE_COLUMNS, lines);
  return workbookBytes(workbook);
}
