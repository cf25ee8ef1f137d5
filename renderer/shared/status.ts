// Colours of the statuses, shared by badges, bars and charts. Each pair keeps the text at
// 4.5:1 or more on its background, in light and dark themes alike (filled colours).
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../common/vocabulary';

export type StatusKey = ActionStatus | 'none';

export const STATUS_KEYS: readonly StatusKey[] = [...ACTION_STATUSES, 'none'];

export const STATUS_STYLE: Record<StatusKey, { color: string; text: 'white' | 'black' }> = {
  a_venir: { color: 'gray.7', text: 'white' },
  en_cours: { color: 'blue.8', text: 'white' },
  realise: { color: 'teal.9', text: 'white' },
  en_pause: { color: 'yellow.5', text: 'black' },
  abandonne: { color: 'grape.9', text: 'white' },
  bloque: { color: 'red.9', text: 'white' },
  none: { color: 'gray.3', text: 'black' },
};

const NO_STATUS_LABEL = 'Sans statut';

export function statusLabel(status: StatusKey | null): string {
  return !status || status === 'none' ? NO_STATUS_LABEL : ACTION_STATUS_LABELS[status];
}

/** Options of a status select; '' stands for « Sans statut ». */
export const STATUS_OPTIONS = [{ value: '', label: NO_STATUS_LABEL }, ...ACTION_STATUSES.map((value) => ({ value, label: ACTION_STATUS_LABELS[value] }))];
