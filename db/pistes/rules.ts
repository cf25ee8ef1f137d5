// The rules of the method that reads and writes share: a piste's reference and shown
// statut, its means, the partners' disagreement, the quadrant of the matrice.
import { DISAGREEMENT_THRESHOLD, QUADRANT_THRESHOLD, type PisteStatus, type PisteStoredStatus, type Quadrant } from '../../common/vocabulary';
import { ValidationError } from '../errors';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { Disagreement, PartnerMeans, ScoreMeans } from './types';

export const pisteReference = (number: number) => `P${number}`;

/**
 * The statut shown. Only the comité's decisions are stored: « évaluée » is read from the
 * scores, because they arrive from every partner's laptops in any order and no single
 * laptop could know when to write it (two writing it would also make a needless conflict);
 * « devenue action » is read from the action, so that a deleted action shows the piste
 * retained again, waiting for its action.
 */
export function pisteStatus(stored: PisteStoredStatus, everyPartnerScored: boolean, actionAlive: boolean): PisteStatus {
  if (stored === 'retenue' && actionAlive) return 'devenue_action';
  if (stored === 'proposee' && everyPartnerScored) return 'evaluee';
  return stored;
}

/** Mean of the partners' means: each partner weighs the same, however many evaluators it sent. */
export function together(byPartner: PartnerMeans[]): ScoreMeans {
  const mean = (values: (number | null)[]) => {
    const given = values.filter((value): value is number => value !== null);
    return given.length === 0 ? null : given.reduce((sum, value) => sum + value, 0) / given.length;
  };
  return {
    plus_value: mean(byPartner.map((partner) => partner.plus_value)),
    faisabilite: mean(byPartner.map((partner) => partner.faisabilite)),
    evaluators: byPartner.reduce((sum, partner) => sum + partner.evaluators, 0),
  };
}

/**
 * At or above a threshold, as arithmetic says: means of means of whole marks are fractions
 * that floating point misses by a hair (19/6 − 5/3 gives 1.4999999999999998, shown « 1,5 »).
 */
function reaches(value: number, threshold: number): boolean {
  return value >= threshold - 1e-9;
}

export function disagreement(byPartner: PartnerMeans[]): Disagreement {
  const gap = (values: (number | null)[]) => {
    const given = values.filter((value): value is number => value !== null);
    return given.length < 2 ? null : Math.max(...given) - Math.min(...given);
  };
  const plusValue = gap(byPartner.map((partner) => partner.plus_value));
  const faisabilite = gap(byPartner.map((partner) => partner.faisabilite));
  return {
    plus_value: plusValue,
    faisabilite,
    flagged: reaches(plusValue ?? 0, DISAGREEMENT_THRESHOLD) || reaches(faisabilite ?? 0, DISAGREEMENT_THRESHOLD),
  };
}

/** A mean at the threshold counts as high: the benefit of the doubt goes to the piste. */
export function quadrantOf(plusValue: number, faisabilite: number): Quadrant {
  const valuable = reaches(plusValue, QUADRANT_THRESHOLD);
  const feasible = reaches(faisabilite, QUADRANT_THRESHOLD);
  if (valuable) return feasible ? 'a_lancer_vite' : 'projets_structurants';
  return feasible ? 'a_approfondir' : 'a_ecarter';
}

/** The next piste number, as this laptop knows it (deleted pistes keep theirs: a number is never given twice here). */
export function nextPisteNumber(store: Store): number {
  return ((cached(store, 'SELECT MAX(number) FROM piste').pluck().get() as number | null) ?? 0) + 1;
}

/** A piste arbitrated for good (retenue or écartée) no longer changes its scores or its existence. */
/** A décision `e` still in the minutes: neither it nor its point deleted (deleting a meeting deletes its entries). */
export const DECISION_IN_MINUTES = 'e.deleted = 0 AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.id = e.agenda_item_id AND i.deleted = 0)';

/** The meeting whose minutes hold the piste's décision, if any is still there. */
export function decisionMeeting(store: Store, decisionEntryId: string | null): string | null {
  if (!decisionEntryId) return null;
  return (
    (cached(store, `SELECT e.meeting_id FROM entry e WHERE e.id = ? AND ${DECISION_IN_MINUTES}`).pluck().get(decisionEntryId) as string | undefined) ?? null
  );
}

/** For a piste `p`: its décision `e` while in the minutes, and its action `a`. */
export const PISTE_DECISION_JOINS = `LEFT JOIN entry e ON e.id = p.decision_entry_id AND ${DECISION_IN_MINUTES} LEFT JOIN action a ON a.id = p.action_id`;

/**
 * The comité's décision on a piste, while it stands (over PISTE_DECISION_JOINS): a décision
 * deleted from draft minutes (or its point, or its meeting) gives the piste back to the
 * comité, and restoring it brings the arbitrage back; but a piste that became an action stays
 * retained while the action lives, whatever became of the décision (deleted on one laptop
 * while another edited the action, or the action restored): arbitrated again, it would
 * become a second action. Read, not written, as the statut shown is.
 */
export const STANDING_STATUS = `CASE WHEN p.decision_entry_id IS NOT NULL AND e.id IS NULL AND NOT (p.status = 'retenue' AND COALESCE(a.deleted = 0, 0)) THEN 'proposee' ELSE p.status END`;

export function standingStatus(store: Store, pisteId: string): PisteStoredStatus {
  return cached(store, `SELECT ${STANDING_STATUS} FROM piste p ${PISTE_DECISION_JOINS} WHERE p.id = ?`).pluck().get(pisteId) as PisteStoredStatus;
}

export function requireOpenPiste(store: Store, piste: { id: string; number: number }, doing: string): void {
  const status = standingStatus(store, piste.id);
  if (status === 'retenue' || status === 'ecartee') {
    throw new ValidationError(
      `La piste ${pisteReference(piste.number)} a déjà été ${status === 'retenue' ? 'retenue' : 'écartée'} par le comité : ${doing}.`,
      'status',
    );
  }
}
