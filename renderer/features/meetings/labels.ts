// The Réunions vocabulary as the screens show it.
import {
  ATTENDANCES,
  attendanceLabel,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  MINUTES_STATUS_LABELS,
  type Civility,
  type MinutesStatus,
} from '../../../common/vocabulary';

export const MEETING_TYPE_OPTIONS = MEETING_TYPES.map((value) => ({ value, label: MEETING_TYPE_LABELS[value] }));
/** The attendance choices agreed with the participant's civilité: « Présente », « Excusé »… */
export const attendanceOptions = (civility: Civility | null) =>
  ATTENDANCES.map((value) => {
    const label = attendanceLabel(value, civility);
    return { value, label: label.charAt(0).toUpperCase() + label.slice(1) };
  });

/** Badge colours of the minutes' statuses, readable in both themes (filled). */
export const MINUTES_STATUS_STYLE: Record<MinutesStatus, { color: string; text: 'white' | 'black'; label: string }> = {
  brouillon: { color: 'gray.7', text: 'white', label: MINUTES_STATUS_LABELS.brouillon },
  envoye: { color: 'yellow.5', text: 'black', label: MINUTES_STATUS_LABELS.envoye },
  valide: { color: 'teal.9', text: 'white', label: MINUTES_STATUS_LABELS.valide },
};
