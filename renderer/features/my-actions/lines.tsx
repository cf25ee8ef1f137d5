// What « Mes actions » and the header's reminders say of a line, in the same words.
import { Badge } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { MyActionLine } from '../../../preload/contract';
import { href } from '../../app/navigation';

/** The fiche of the action; for an action à mener not yet an action, its réunion. */
export function lineHref(line: MyActionLine): string {
  if (line.action_id) return href({ page: 'action', id: line.action_id });
  const [meeting] = line.meetings;
  return meeting ? href({ page: 'meeting', id: meeting.id }) : href({ page: 'my-actions' });
}

/** « en retard de 3 jours ». */
export const lateText = (days: number) => `en retard de ${days} jour${days > 1 ? 's' : ''}`;

/** « Pilote », « Responsable », « Pilote et responsable ». */
export function roleText(line: MyActionLine): string {
  const text = line.roles.map((role) => (role === 'pilote' ? 'pilote' : 'responsable')).join(' et ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The late badge of a line: « En retard de 10 jours ». */
export function DaysLateBadge({ days }: { days: number }) {
  const text = lateText(days);
  return (
    <Badge color="var(--entente-late)" c="var(--entente-late-text)" variant="filled" radius="sm" leftSection={<IconClockExclamation size={12} aria-hidden />}>
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </Badge>
  );
}
