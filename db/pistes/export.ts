// The pistes with their scores and decisions as an Excel workbook: a sheet « Pistes » (one
// line per piste: its means together and per partner, the gap between partners, its
// quadrant, the comité's decision) and a sheet « Évaluations » (one line per evaluator).
import { Workbook, type Worksheet } from 'exceljs';
import { FINALITE_LABELS, PISTE_STATUS_LABELS, QUADRANT_LABELS } from '../../common/vocabulary';
import { listDecisions } from '../meetings/decisions';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { listPistes } from './reads';
import { pisteReference } from './rules';

export const PISTES_WORKBOOK_TITLE = 'Pistes de coopération';

/** A mean to two decimals, or an empty cell before any score. */
const mean = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function header(sheet: Worksheet, titles: { title: string; width: number }[]): void {
  sheet.columns = titles.map((column, index) => ({ key: String(index), width: column.width, style: { alignment: { vertical: 'top', wrapText: true } } }));
  const row = sheet.getRow(1);
  titles.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.value = column.title;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  });
  row.commit();
}

export async function pistesWorkbook(store: Store, options: { created?: Date } = {}): Promise<Buffer> {
  const pistes = listPistes(store);
  const partners = cached(store, 'SELECT id, short_name FROM partner WHERE deleted = 0 ORDER BY position, id').all() as { id: string; short_name: string }[];
  const references = new Map(listDecisions(store).map((decision) => [decision.id, decision.reference]));
  const workbook = new Workbook();
  workbook.title = PISTES_WORKBOOK_TITLE;
  workbook.creator = 'Entente';
  workbook.created = options.created ?? new Date();

  const frozen = { views: [{ state: 'frozen' as const, xSplit: 0, ySplit: 1 }] };
  const sheet = workbook.addWorksheet('Pistes', frozen);
  header(sheet, [
    { title: 'Référence', width: 10 },
    { title: 'Intitulé', width: 40 },
    { title: 'Description', width: 50 },
    { title: 'Proposée par', width: 16 },
    { title: 'Direction ou service', width: 24 },
    { title: 'Personne', width: 20 },
    { title: 'Finalités', width: 28 },
    { title: 'Chantier', width: 24 },
    { title: 'Statut', width: 16 },
    { title: 'Motif', width: 30 },
    { title: 'Plus-value (moyenne)', width: 12 },
    { title: 'Faisabilité (moyenne)', width: 12 },
    ...partners.flatMap((partner) => [
      { title: `Plus-value ${partner.short_name}`, width: 12 },
      { title: `Faisabilité ${partner.short_name}`, width: 12 },
    ]),
    { title: 'Écart entre partenaires', width: 12 },
    { title: 'Quadrant', width: 22 },
    { title: 'Décision', width: 60 },
    { title: 'Référence de la décision', width: 22 },
  ]);
  pistes.forEach((piste, index) => {
    const row = sheet.getRow(index + 2);
    const gap = Math.max(piste.disagreement.plus_value ?? 0, piste.disagreement.faisabilite ?? 0);
    row.values = [
      piste.reference,
      piste.title,
      piste.description,
      piste.proposed_by.short_name,
      piste.proposed_by.service,
      piste.proposed_by.person,
      piste.finalites.map((finalite) => FINALITE_LABELS[finalite]).join('\n') || null,
      piste.chantier ? `${piste.chantier.number}. ${piste.chantier.title}` : null,
      PISTE_STATUS_LABELS[piste.status],
      piste.status_reason,
      mean(piste.together.plus_value),
      mean(piste.together.faisabilite),
      ...partners.flatMap((partner) => {
        const means = piste.by_partner.find((candidate) => candidate.partner_id === partner.id);
        return [mean(means?.plus_value ?? null), mean(means?.faisabilite ?? null)];
      }),
      piste.disagreement.plus_value === null && piste.disagreement.faisabilite === null ? null : mean(gap),
      piste.quadrant ? QUADRANT_LABELS[piste.quadrant] : null,
      piste.decision?.text ?? null,
      piste.decision ? (references.get(piste.decision.entry_id) ?? null) : null,
    ];
    row.commit();
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, pistes.length + 1), column: sheet.columns.length } };

  const scores = workbook.addWorksheet('Évaluations', frozen);
  header(scores, [
    { title: 'Piste', width: 10 },
    { title: 'Intitulé', width: 40 },
    { title: 'Évaluateur', width: 24 },
    { title: 'Partenaire', width: 16 },
    { title: 'Plus-value', width: 12 },
    { title: 'Faisabilité', width: 12 },
    { title: 'Commentaire', width: 50 },
  ]);
  const lines = cached(
    store,
    `SELECT p.number, p.title, COALESCE(pe.name, s.evaluator_person_id) AS evaluator, COALESCE(pa.short_name, s.partner_id) AS partner,
       s.plus_value, s.faisabilite, s.comment
     FROM piste_score s JOIN piste p ON p.id = s.piste_id AND p.deleted = 0
     LEFT JOIN person pe ON pe.id = s.evaluator_person_id LEFT JOIN partner pa ON pa.id = s.partner_id
     WHERE s.deleted = 0 ORDER BY p.number, p.id, pa.position, sort_key(evaluator), s.id`,
  ).all() as {
    number: number;
    title: string;
    evaluator: string;
    partner: string;
    plus_value: number | null;
    faisabilite: number | null;
    comment: string | null;
  }[];
  lines.forEach((line, index) => {
    const row = scores.getRow(index + 2);
    row.values = [pisteReference(line.number), line.title, line.evaluator, line.partner, line.plus_value, line.faisabilite, line.comment];
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
