// The arbitrage of a piste by a comité de pilotage or a CODIRI: each decision is a numbered
// décision of that meeting's minutes, under the point « Arbitrage des pistes »; a retained
// piste becomes an action of its chantier (an existing one, or one created for it).
import { createAction } from '../actions/writes';
import { createChantier } from '../chantiers/writes';
import { ValidationError } from '../errors';
import { decisionNumbers } from '../meetings/rows';
import { addAgendaItem, addEntry, editableMeeting } from '../meetings/writes';
import { cached } from '../store/statements';
import { getRow, requireRow, updateRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import { meetingTypeLabels } from '../../common/partners';
import type { MeetingType } from '../../common/vocabulary';
import { listPartners } from '../people/reads';
import { decisionMeeting, pisteReference, requireOpenPiste } from './rules';
import type { ArbitrationDecision, ArbitrationResult } from './types';

export const ARBITRATION_ITEM_TITLE = 'Arbitrage des pistes';

/** The meetings that arbitrate pistes. */
export const ARBITRATING: readonly MeetingType[] = ['comite_pilotage', 'codiri'];

/** The meeting, if it may arbitrate pistes: a comité de pilotage or a CODIRI whose minutes are not validated. */
export function arbitratingMeeting(store: Store, meetingId: string): void {
  const meeting = requireRow(store, 'meeting', meetingId);
  if (!ARBITRATING.includes(meeting.type)) {
    throw new ValidationError(
      `Une piste s'arbitre en comité de pilotage ou en CODIRI ; cette réunion est : ${meetingTypeLabels(listPartners(store))[meeting.type].toLowerCase()}.`,
      'meeting_id',
    );
  }
  editableMeeting(store, meetingId);
}

/** The point « Arbitrage des pistes » of the meeting, made (à arbitrer) the first time. */
export function arbitrationItem(store: Store, meetingId: string): string {
  const existing = cached(store, 'SELECT id FROM agenda_item WHERE meeting_id = ? AND title = ? AND deleted = 0 ORDER BY position, id LIMIT 1')
    .pluck()
    .get(meetingId, ARBITRATION_ITEM_TITLE) as string | undefined;
  return existing ?? addAgendaItem(store, meetingId, { title: ARBITRATION_ITEM_TITLE, to_arbitrate: true });
}

function chantierFor(store: Store, decision: Extract<ArbitrationDecision, { kind: 'retenue' }>): { id: string; number: number; title: string } {
  if (decision.chantier_id !== undefined) {
    const chantier = getRow(store, 'chantier', decision.chantier_id);
    if (!chantier) throw new ValidationError(`Chantier inconnu : ${decision.chantier_id}.`, 'chantier_id');
    return chantier;
  }
  const title = decision.new_chantier_title.trim();
  if (!title) throw new ValidationError('Donnez un intitulé au nouveau chantier.', 'chantier_id');
  const number = ((cached(store, 'SELECT MAX(number) FROM chantier WHERE deleted = 0').pluck().get() as number | null) ?? 0) + 1;
  const id = createChantier(store, { number, title, description: null, stage: 'decouverte' });
  return { id, number, title };
}

/**
 * Arbitrates a piste in a meeting's minutes, in one transaction (agenda.ts puts it on the
 * meeting's ordre du jour beforehand). Refused for a meeting that
 * is neither a comité de pilotage nor a CODIRI, for validated minutes (an amendment
 * corrects them), and for a piste already retained or écartée; a piste « à approfondir »
 * comes back before a later comité.
 */
export function arbitrate(store: Store, pisteId: string, meetingId: string, decision: ArbitrationDecision): ArbitrationResult {
  return store.transaction(() => {
    // The row as stored: its finalités are JSON text (schema.ts JSON_FIELDS).
    const piste = requireRow(store, 'piste', pisteId);
    arbitratingMeeting(store, meetingId);
    requireOpenPiste(store, piste, 'elle ne peut plus être arbitrée');
    // One décision per piste in one compte rendu: a second would contradict the first.
    if (decisionMeeting(store, piste.decision_entry_id) === meetingId) {
      throw new ValidationError(
        `La piste ${pisteReference(piste.number)} a déjà sa décision dans ce compte rendu (décision n° ${decisionNumbers(store, meetingId).get(piste.decision_entry_id!)}) : modifiez-la ou supprimez-la d'abord.`,
        'status',
      );
    }
    const reason = decision.kind === 'retenue' ? null : decision.reason?.trim() || null;
    if (decision.kind === 'ecartee' && !reason)
      throw new ValidationError(`Donnez la raison pour laquelle la piste ${pisteReference(piste.number)} est écartée.`, 'status_reason');

    const named = `Piste ${pisteReference(piste.number)} « ${piste.title} »`;
    let text: string;
    let actionId: string | null = null;
    let chantierId = piste.chantier_id;
    if (decision.kind === 'retenue') {
      const chantier = chantierFor(store, decision);
      chantierId = chantier.id;
      actionId = createAction(store, {
        chantier_id: chantier.id,
        title: piste.title,
        description: piste.description,
        finalites: JSON.parse(piste.finalites as unknown as string) as typeof piste.finalites,
      });
      const number = getRow(store, 'action', actionId)!.number;
      text = `${named} : retenue ; elle devient l'action ${chantier.number}.${number} du chantier ${chantier.number} « ${chantier.title} ».`;
    } else if (decision.kind === 'a_approfondir') {
      text = `${named} : à approfondir${reason ? ` (${reason})` : ''} ; elle reviendra devant le comité.`;
    } else {
      text = `${named} : écartée (${reason}).`;
    }

    const entryId = addEntry(store, arbitrationItem(store, meetingId), { kind: 'decision', text });
    updateRow(
      store,
      'piste',
      pisteId,
      // A piste arbitrated without being put on the ordre du jour first is on it now.
      validatePatch('piste', {
        status: decision.kind,
        status_reason: reason,
        decision_entry_id: entryId,
        action_id: actionId,
        chantier_id: chantierId,
        agenda_meeting_id: meetingId,
      }),
    );
    return {
      entry_id: entryId,
      decision_number: decisionNumbers(store, meetingId).get(entryId)!,
      action_id: actionId,
      chantier_id: decision.kind === 'retenue' ? chantierId : null,
    };
  });
}
