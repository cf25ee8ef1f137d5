// The Réunions vocabulary as the screens show it.
import { useMemo } from 'react';
import { meetingTypeLabels } from '../../../common/partners';
import {
  ATTENDANCES,
  attendanceLabel,
  MEETING_TYPES,
  MINUTES_STATUS_LABELS,
  type Civility,
  type MeetingType,
  type MinutesStatus,
} from '../../../common/vocabulary';
import { useAppState } from '../../app/AppContext';

/** The meeting types' names in this cooperation (« Atelier interdépartemental » between Départements). */
export function useMeetingTypeLabels(): Record<MeetingType, string> {
  const { partners } = useAppState();
  return useMemo(() => meetingTypeLabels(partners), [partners]);
}

/** The meeting types as a Select's choices. */
export function useMeetingTypeOptions(): { value: MeetingType; label: string }[] {
  const labels = useMeetingTypeLabels();
  return useMemo(() => MEETING_TYPES.map((value) => ({ value, label: labels[value] })), [labels]);
}

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
