// How the pistes' screens write a mean, a partner's means and the vocabulary's choices.
import { FINALITE_LABELS, FINALITES, PISTE_STATUS_LABELS, PISTE_STATUSES } from '../../../common/vocabulary';
import type { MeetingRow, PartnerMeansShown } from '../../../preload/contract';
import { formatDate } from '../../shared/format';

const meanFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** « 2,5 », or a dash before any score. */
export const formatMean = (value: number | null) => (value === null ? '—' : meanFormat.format(value));

/** « Indre-et-Loire : plus-value 3,5, faisabilité 2,0 ; » then « Loir-et-Cher : … » on its own line, for the disagreement's tooltip. */
export function partnerMeansText(means: PartnerMeansShown[]): string {
  return means
    .map((partner) => `${partner.partner_short_name}\u202f: plus-value ${formatMean(partner.plus_value)}, faisabilité ${formatMean(partner.faisabilite)}`)
    .join('\u202f;\n');
}

export const FINALITE_OPTIONS = FINALITES.map((value) => ({ value, label: FINALITE_LABELS[value] }));
export const PISTE_STATUS_OPTIONS = PISTE_STATUSES.map((value) => ({ value, label: PISTE_STATUS_LABELS[value] }));

export const pistesCount = (count: number) => `${count} piste${count > 1 ? 's' : ''}`;

/** An atelier in a choice: its title, with its date unless the title already says it (« Atelier du 12 mars 2027 »). */
export const atelierLabel = (meeting: Pick<MeetingRow, 'title' | 'date'>) =>
  meeting.title.includes(meeting.date.slice(0, 4)) ? meeting.title : `${meeting.title} (${formatDate(meeting.date)})`;
