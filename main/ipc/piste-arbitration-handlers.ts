// The arbitrage of the pistes in a comité's meeting and the piste on the action's fiche:
// thin calls into db/pistes (agenda.ts, arbitration.ts, reads.ts), with their arguments' schemas.
import { z } from 'zod';
import { putOnAgenda, takeOffAgenda } from '../../db/pistes/agenda';
import { arbitrate } from '../../db/pistes/arbitration';
import { pisteOriginOfAction, pistesOnAgenda, pistesToArbitrate } from '../../db/pistes/reads';
import { ENTITIES } from '../../db/store/schema';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type PisteArbitrationMethods =
  'listPistesOnAgenda' | 'listPistesToArbitrate' | 'putPisteOnAgenda' | 'takePisteOffAgenda' | 'arbitratePiste' | 'getPisteOfAction';

const id = z.string().min(1).max(200);
const reason = ENTITIES.piste.status_reason;

/** ArbitrationDecision (db/pistes/types.ts): retained into a chantier or a new one, à approfondir, écartée. */
const decision = z.union([
  z.object({ kind: z.literal('retenue'), chantier_id: id }).strict(),
  z.object({ kind: z.literal('retenue'), new_chantier_title: ENTITIES.chantier.title }).strict(),
  z.object({ kind: z.literal('a_approfondir'), reason: reason.optional() }).strict(),
  z.object({ kind: z.literal('ecartee'), reason: z.string().max(2000) }).strict(),
]);

export const pisteArbitrationArgsSchemas = {
  listPistesOnAgenda: z.tuple([id]),
  listPistesToArbitrate: z.tuple([id]),
  putPisteOnAgenda: z.tuple([id, id]),
  takePisteOffAgenda: z.tuple([id, id]),
  arbitratePiste: z.tuple([id, id, decision]),
  getPisteOfAction: z.tuple([id]),
};

export function createPisteArbitrationHandlers(session: Session): Pick<Handlers, PisteArbitrationMethods> {
  const store = () => session.requireStore();
  return {
    listPistesOnAgenda: (meetingId) => pistesOnAgenda(store(), meetingId),
    listPistesToArbitrate: (meetingId) => pistesToArbitrate(store(), meetingId),
    putPisteOnAgenda: (pisteId, meetingId) => putOnAgenda(store(), pisteId, meetingId),
    takePisteOffAgenda: (pisteId, meetingId) => takeOffAgenda(store(), pisteId, meetingId),
    arbitratePiste: (pisteId, meetingId, chosen) => arbitrate(store(), pisteId, meetingId, chosen),
    getPisteOfAction: (actionId) => pisteOriginOfAction(store(), actionId),
  };
}
