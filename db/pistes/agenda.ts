// The pistes a comité de pilotage or a CODIRI will arbitrate: put on its ordre du jour
// (under the point « Arbitrage des pistes », made then) before the meeting, taken off
// while still undecided. The décision itself is arbitration.ts.
import { ValidationError } from '../errors';
import { deleteAgendaItem, editableMeeting } from '../meetings/writes';
import { meetingTitle } from '../meetings/rows';
import { getRow, requireRow, updateRow, validatePatch } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { ARBITRATION_ITEM_TITLE, arbitratingMeeting, arbitrationItem } from './arbitration';
import { decisionMeeting, pisteReference, requireOpenPiste } from './rules';

/**
 * Puts a piste on the meeting's ordre du jour. Refused for a meeting that does not
 * arbitrate or whose minutes are validated, for a piste already retained or écartée, and
 * for a piste awaiting another comité's décision (taken off that one first); a piste left
 * undecided by a validated compte rendu comes to the next comité.
 */
export function putOnAgenda(store: Store, pisteId: string, meetingId: string): void {
  store.transaction(() => {
    const piste = requireRow(store, 'piste', pisteId);
    arbitratingMeeting(store, meetingId);
    requireOpenPiste(store, piste, 'elle ne revient plus devant un comité');
    if (piste.agenda_meeting_id === meetingId) return;
    const other = piste.agenda_meeting_id ? getRow(store, 'meeting', piste.agenda_meeting_id) : undefined;
    if (other && other.validation_status !== 'valide' && decisionMeeting(store, piste.decision_entry_id) !== other.id) {
      throw new ValidationError(
        `La piste ${pisteReference(piste.number)} est déjà à l'ordre du jour de la réunion « ${meetingTitle(other)} » : retirez-la d'abord de cet ordre du jour.`,
        'agenda_meeting_id',
      );
    }
    arbitrationItem(store, meetingId);
    updateRow(store, 'piste', pisteId, validatePatch('piste', { agenda_meeting_id: meetingId }));
  });
}

/**
 * Takes an undecided piste off the meeting's ordre du jour; the point « Arbitrage des
 * pistes » goes with the last piste, unless someone wrote in it.
 */
export function takeOffAgenda(store: Store, pisteId: string, meetingId: string): void {
  store.transaction(() => {
    const piste = requireRow(store, 'piste', pisteId);
    const reference = pisteReference(piste.number);
    if (piste.agenda_meeting_id !== meetingId) {
      throw new ValidationError(`La piste ${reference} n'est pas à l'ordre du jour de cette réunion.`, 'agenda_meeting_id');
    }
    editableMeeting(store, meetingId);
    if (decisionMeeting(store, piste.decision_entry_id) === meetingId) {
      throw new ValidationError(`La piste ${reference} a été arbitrée dans cette réunion : sa décision reste au compte rendu.`, 'agenda_meeting_id');
    }
    updateRow(store, 'piste', pisteId, validatePatch('piste', { agenda_meeting_id: null }));
    const others = cached(store, 'SELECT count(*) FROM piste WHERE agenda_meeting_id = ? AND deleted = 0').pluck().get(meetingId) as number;
    if (others > 0) return;
    const untouched = cached(
      store,
      `SELECT i.id FROM agenda_item i WHERE i.meeting_id = ? AND i.title = ? AND i.deleted = 0
         AND i.presenter IS NULL AND i.notes IS NULL AND i.duration_minutes IS NULL
         AND NOT EXISTS (SELECT 1 FROM entry e WHERE e.agenda_item_id = i.id AND e.deleted = 0)
         AND NOT EXISTS (SELECT 1 FROM action_item a WHERE a.agenda_item_id = i.id AND a.deleted = 0)`,
    )
      .pluck()
      .all(meetingId, ARBITRATION_ITEM_TITLE) as string[];
    for (const id of untouched) deleteAgendaItem(store, id);
  });
}
