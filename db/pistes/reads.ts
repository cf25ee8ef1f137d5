// Every read of the pistes: the list with its filters, one piste and its scores, the
// matrice, the ranking within each finalité, the piste an action came from.
import { FINALITE_LABELS, FINALITES, type Finalite, type MeetingType, type PisteStoredStatus } from '../../common/vocabulary';
import { referenceOf } from '../actions/references';
import { decisionNumbers, meetingTitle } from '../meetings/rows';
import { requireRow } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { disagreement, PISTE_DECISION_JOINS, pisteReference, pisteStatus, quadrantOf, STANDING_STATUS, together } from './rules';
import type {
  AgendaPiste,
  EvaluatorScore,
  MatrixPoint,
  PartnerMeans,
  PisteDetail,
  PisteFilter,
  PisteLine,
  PisteOrigin,
  PisteRow,
  PisteScore,
  RankedGroup,
} from './types';

interface PisteJoined {
  id: string;
  number: number;
  title: string;
  description: string | null;
  proposed_by_partner_id: string;
  partner_code: string | null;
  partner_short_name: string | null;
  proposed_by_service: string | null;
  proposed_by_person: string | null;
  atelier_id: string | null;
  atelier_type: MeetingType | null;
  atelier_title: string | null;
  atelier_date: string | null;
  finalites: string;
  chantier_id: string | null;
  chantier_number: number | null;
  chantier_title: string | null;
  status: PisteStoredStatus;
  status_reason: string | null;
  action_id: string | null;
  action_alive: number;
  entry_id: string | null;
  entry_meeting_id: string | null;
  entry_text: string | null;
}

const PISTE_SQL = `
  SELECT p.id, p.number, p.title, p.description, p.proposed_by_partner_id, pa.code AS partner_code, pa.short_name AS partner_short_name,
    p.proposed_by_service, p.proposed_by_person,
    m.id AS atelier_id, m.type AS atelier_type, m.title AS atelier_title, m.date AS atelier_date,
    p.finalites, c.id AS chantier_id, c.number AS chantier_number, c.title AS chantier_title,
    ${STANDING_STATUS} AS status, CASE WHEN ${STANDING_STATUS} = p.status THEN p.status_reason END AS status_reason,
    p.action_id, COALESCE(a.deleted = 0, 0) AS action_alive,
    e.id AS entry_id, e.meeting_id AS entry_meeting_id, e.text AS entry_text
  FROM piste p
  LEFT JOIN partner pa ON pa.id = p.proposed_by_partner_id
  LEFT JOIN meeting m ON m.id = p.atelier_meeting_id AND m.deleted = 0
  LEFT JOIN chantier c ON c.id = p.chantier_id AND c.deleted = 0
  ${PISTE_DECISION_JOINS}
  WHERE p.deleted = 0`;

interface MeansRow {
  piste_id: string;
  partner_id: string;
  plus_value: number | null;
  faisabilite: number | null;
  evaluators: number;
  complete: number;
}

/** Each piste's means per partner, in one pass over the scores (1,000 pistes × 10 evaluators stay quick). */
function meansByPiste(store: Store): Map<string, MeansRow[]> {
  const rows = cached(
    store,
    `SELECT piste_id, partner_id, AVG(plus_value) AS plus_value, AVG(faisabilite) AS faisabilite,
       SUM(plus_value IS NOT NULL OR faisabilite IS NOT NULL) AS evaluators,
       SUM(plus_value IS NOT NULL AND faisabilite IS NOT NULL) AS complete
     FROM piste_score WHERE deleted = 0 GROUP BY piste_id, partner_id`,
  ).all() as MeansRow[];
  const byPiste = new Map<string, MeansRow[]>();
  for (const row of rows) {
    const list = byPiste.get(row.piste_id);
    if (list) list.push(row);
    else byPiste.set(row.piste_id, [row]);
  }
  return byPiste;
}

interface Partners {
  list: { id: string; code: string; short_name: string }[];
}

function partners(store: Store): Partners {
  return { list: cached(store, 'SELECT id, code, short_name FROM partner WHERE deleted = 0 ORDER BY position, id').all() as Partners['list'] };
}

function toRow(row: PisteJoined, means: MeansRow[], known: Partners, decisionNumber: (meetingId: string, entryId: string) => number | null): PisteRow {
  const byPartner: PartnerMeans[] = known.list
    .map((partner) => {
      const found = means.find((mean) => mean.partner_id === partner.id);
      return {
        partner_id: partner.id,
        partner_code: partner.code,
        partner_short_name: partner.short_name,
        plus_value: found?.plus_value ?? null,
        faisabilite: found?.faisabilite ?? null,
        evaluators: found?.evaluators ?? 0,
      };
    })
    .filter((partner) => partner.evaluators > 0);
  const everyPartnerScored = known.list.length > 0 && known.list.every((partner) => means.some((mean) => mean.partner_id === partner.id && mean.complete > 0));
  const all = together(byPartner);
  return {
    id: row.id,
    number: row.number,
    reference: pisteReference(row.number),
    title: row.title,
    description: row.description,
    proposed_by: {
      partner_id: row.proposed_by_partner_id,
      code: row.partner_code ?? row.proposed_by_partner_id,
      short_name: row.partner_short_name ?? row.proposed_by_partner_id,
      service: row.proposed_by_service,
      person: row.proposed_by_person,
    },
    atelier:
      row.atelier_id && row.atelier_type && row.atelier_date
        ? { id: row.atelier_id, date: row.atelier_date, title: meetingTitle({ type: row.atelier_type, title: row.atelier_title, date: row.atelier_date }) }
        : null,
    finalites: JSON.parse(row.finalites) as Finalite[],
    chantier: row.chantier_id && row.chantier_number !== null ? { id: row.chantier_id, number: row.chantier_number, title: row.chantier_title ?? '' } : null,
    status: pisteStatus(row.status, everyPartnerScored, row.action_alive === 1),
    stored_status: row.status,
    status_reason: row.status_reason,
    action_id: row.action_id,
    decision:
      row.entry_id && row.entry_meeting_id && row.entry_text !== null
        ? { entry_id: row.entry_id, meeting_id: row.entry_meeting_id, number: decisionNumber(row.entry_meeting_id, row.entry_id), text: row.entry_text }
        : null,
    by_partner: byPartner,
    together: all,
    disagreement: disagreement(byPartner),
    quadrant: all.plus_value !== null && all.faisabilite !== null ? quadrantOf(all.plus_value, all.faisabilite) : null,
  };
}

/** A décision's number in its meeting's minutes, each meeting numbered once per read. */
function decisionNumberer(store: Store): (meetingId: string, entryId: string) => number | null {
  const byMeeting = new Map<string, Map<string, number>>();
  return (meetingId, entryId) => {
    let numbers = byMeeting.get(meetingId);
    if (!numbers) byMeeting.set(meetingId, (numbers = decisionNumbers(store, meetingId)));
    return numbers.get(entryId) ?? null;
  };
}

function readPistes(store: Store, where = '', params: unknown[] = []): PisteRow[] {
  const rows = cached(store, `${PISTE_SQL}${where} ORDER BY p.number, p.id`).all(...params) as PisteJoined[];
  const means = meansByPiste(store);
  const known = partners(store);
  const number = decisionNumberer(store);
  return rows.map((row) => toRow(row, means.get(row.id) ?? [], known, number));
}

/** The pistes in number order, filtered; the statut filter applies to the statut shown. */
export function listPistes(store: Store, filter: PisteFilter = {}): PisteRow[] {
  return readPistes(store).filter(
    (piste) =>
      (!filter.finalite || piste.finalites.includes(filter.finalite)) &&
      (!filter.partner_id || piste.proposed_by.partner_id === filter.partner_id) &&
      (!filter.status || piste.status === filter.status) &&
      (!filter.chantier_id || piste.chantier?.id === filter.chantier_id),
  );
}

/** The list's lines, filtered as `listPistes`: only what a row shows and sorts on. */
export function listPisteLines(store: Store, filter: PisteFilter = {}): PisteLine[] {
  return listPistes(store, filter).map((piste) => ({
    id: piste.id,
    number: piste.number,
    reference: piste.reference,
    title: piste.title,
    proposed_by: { short_name: piste.proposed_by.short_name, service: piste.proposed_by.service },
    finalites: piste.finalites,
    status: piste.status,
    together: { plus_value: piste.together.plus_value, faisabilite: piste.together.faisabilite },
    disagreement: piste.disagreement.flagged
      ? piste.by_partner.map(({ partner_short_name, plus_value, faisabilite }) => ({ partner_short_name, plus_value, faisabilite }))
      : null,
  }));
}

export function getPiste(store: Store, id: string): PisteDetail {
  requireRow(store, 'piste', id);
  const [piste] = readPistes(store, ' AND p.id = ?', [id]);
  const scores = cached(
    store,
    `SELECT s.id, s.evaluator_person_id, COALESCE(pe.name, s.evaluator_person_id) AS evaluator_name, s.partner_id, s.plus_value, s.faisabilite, s.comment
     FROM piste_score s LEFT JOIN person pe ON pe.id = s.evaluator_person_id
     LEFT JOIN partner pa ON pa.id = s.partner_id
     WHERE s.piste_id = ? AND s.deleted = 0 ORDER BY pa.position, sort_key(evaluator_name), s.id`,
  ).all(id) as PisteScore[];
  return { ...piste, scores };
}

/** One evaluator's scores of the pistes still shown, for the scoring screen and its progress. */
export function scoresOfEvaluator(store: Store, personId: string): EvaluatorScore[] {
  return cached(
    store,
    `SELECT s.piste_id, s.plus_value, s.faisabilite, s.comment FROM piste_score s JOIN piste p ON p.id = s.piste_id AND p.deleted = 0
     WHERE s.evaluator_person_id = ? AND s.deleted = 0 ORDER BY p.number, p.id`,
  ).all(personId) as EvaluatorScore[];
}

/** A piste by its id or its reference « P12 » (as people and the command line name it); undefined if none. */
export function findPisteId(store: Store, idOrReference: string): string | undefined {
  const match = /^p\s*(\d+)$/i.exec(idOrReference.trim());
  if (!match) return cached(store, 'SELECT id FROM piste WHERE id = ? AND deleted = 0').pluck().get(idOrReference) as string | undefined;
  return cached(store, 'SELECT id FROM piste WHERE number = ? AND deleted = 0 ORDER BY id LIMIT 1').pluck().get(Number(match[1])) as string | undefined;
}

/** The piste an action came from (its arbitrage retained it), for the action's fiche. */
export function pisteOfAction(store: Store, actionId: string): PisteRow | null {
  const [piste] = readPistes(store, ' AND p.action_id = ?', [actionId]);
  return piste ?? null;
}

/** One point per piste scored on both axes: the matrice plus-value × faisabilité. */
export function pisteMatrix(store: Store, filter: PisteFilter = {}): MatrixPoint[] {
  return matrixOf(listPistes(store, filter));
}

/** The matrice of pistes already read: a screen showing both the matrice and the pistes reads them once. */
export function matrixOf(pistes: PisteRow[]): MatrixPoint[] {
  return pistes.flatMap((piste) =>
    piste.quadrant === null || piste.together.plus_value === null || piste.together.faisabilite === null
      ? []
      : [
          {
            piste_id: piste.id,
            reference: piste.reference,
            title: piste.title,
            plus_value: piste.together.plus_value,
            faisabilite: piste.together.faisabilite,
            quadrant: piste.quadrant,
            partner_id: piste.proposed_by.partner_id,
            partner_code: piste.proposed_by.code,
            status: piste.status,
            disagreement: piste.disagreement.flagged,
          },
        ],
  );
}

const product = (piste: PisteRow) =>
  piste.together.plus_value === null || piste.together.faisabilite === null ? null : piste.together.plus_value * piste.together.faisabilite;

/**
 * The pistes of each finalité (in the vocabulary's order, then those without one), best
 * first: by plus-value × faisabilité, then by plus-value (at equal product, what the
 * cooperation brings wins), then by number; unscored pistes last.
 */
export function rankedByFinalite(store: Store, filter: PisteFilter = {}): RankedGroup[] {
  return rankedOf(listPistes(store, filter));
}

/** The ranking of pistes already read (the synthèse reads them once for the ranking and the matrice). */
export function rankedOf(pistes: PisteRow[]): RankedGroup[] {
  const groups: { finalite: Finalite | null; label: string }[] = [
    ...FINALITES.map((finalite) => ({ finalite, label: FINALITE_LABELS[finalite] })),
    { finalite: null, label: 'Sans finalité' },
  ];
  return groups.flatMap(({ finalite, label }) => {
    const members = pistes.filter((piste) => (finalite === null ? piste.finalites.length === 0 : piste.finalites.includes(finalite)));
    if (members.length === 0) return [];
    const ranked = members
      .map((piste) => ({ piste, product: product(piste) }))
      .sort(
        (a, b) =>
          (b.product ?? -1) - (a.product ?? -1) ||
          (b.piste.together.plus_value ?? -1) - (a.piste.together.plus_value ?? -1) ||
          a.piste.number - b.piste.number ||
          a.piste.id.localeCompare(b.piste.id),
      );
    return [{ finalite, label, pistes: ranked.map(({ piste, product: value }, index) => ({ ...piste, rank: index + 1, product: value })) }];
  });
}

/**
 * The pistes on a comité's ordre du jour, with those it arbitrated (a piste arbitrated
 * without being put on it first is there too), in number order.
 */
export function pistesOnAgenda(store: Store, meetingId: string): AgendaPiste[] {
  requireRow(store, 'meeting', meetingId);
  return readPistes(store, ' AND (p.agenda_meeting_id = ? OR e.meeting_id = ?)', [meetingId, meetingId]).map((piste) => ({
    ...piste,
    decided_here: piste.decision?.meeting_id === meetingId,
    action_reference: piste.action_id && piste.status === 'devenue_action' ? referenceOf(store, piste.action_id) : null,
  }));
}

/** The piste an action came from and the meeting whose décision retained it, for the action's fiche. */
export function pisteOriginOfAction(store: Store, actionId: string): PisteOrigin | null {
  const piste = pisteOfAction(store, actionId);
  if (!piste) return null;
  const meeting = piste.decision
    ? (cached(store, 'SELECT id, type, title, date FROM meeting WHERE id = ? AND deleted = 0').get(piste.decision.meeting_id) as
        { id: string; type: MeetingType; title: string | null; date: string } | undefined)
    : undefined;
  return { ...piste, decision_meeting: meeting ? { id: meeting.id, type: meeting.type, date: meeting.date, title: meetingTitle(meeting) } : null };
}

/**
 * The pistes a comité may put on its ordre du jour: évaluées or à approfondir, not on it
 * yet, nor awaiting another comité's décision (agenda.ts refuses those).
 */
export function pistesToArbitrate(store: Store, meetingId: string): PisteRow[] {
  return readPistes(
    store,
    ` AND ${STANDING_STATUS} IN ('proposee', 'a_approfondir') AND (p.agenda_meeting_id IS NULL OR (p.agenda_meeting_id <> ? AND (
        e.meeting_id = p.agenda_meeting_id
        OR NOT EXISTS (SELECT 1 FROM meeting am WHERE am.id = p.agenda_meeting_id AND am.deleted = 0 AND am.validation_status <> 'valide'))))`,
    [meetingId],
  ).filter((piste) => piste.status === 'evaluee' || piste.status === 'a_approfondir');
}
