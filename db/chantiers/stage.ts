// When a chantier reached its partnership stage, read from the change log: the dashboard
// and the dossier du CODIRI both print it.
import { localDate } from '../../common/calendar';
import { SEED_ORIGIN } from '../project/setup';
import { parseHlc } from '../store/hlc';
import { cached } from '../store/statements';
import type { Store } from '../store/store';

/** The day a change was written, in local time. */
export const dayOf = (hlc: string) => localDate(new Date(parseHlc(hlc).ms));

/**
 * The day the chantier's stage was last set by a user; null when it is the project's starting value.
 * The log's latest change of a field is always among its live versions (a change superseding
 * it would be later still), and live_versions is indexed by field where the log is not: the
 * dashboard of a large project asks this for every chantier.
 */
export function stageSince(store: Store, chantierId: string): string | null {
  const last = cached(
    store,
    `SELECT l.origin, c.hlc FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq
     WHERE l.entity = 'chantier' AND l.row_id = ? AND l.field = 'stage' ORDER BY c.hlc DESC, l.origin DESC LIMIT 1`,
  ).get(chantierId) as { origin: string; hlc: string } | undefined;
  return last && last.origin !== SEED_ORIGIN ? dayOf(last.hlc) : null;
}
