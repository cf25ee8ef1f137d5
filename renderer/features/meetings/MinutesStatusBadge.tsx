import { Badge, Group } from '@mantine/core';
import type { MinutesStatus } from '../../../common/vocabulary';
import { MINUTES_STATUS_STYLE } from './labels';

/** The minutes' status; for validated minutes edited meanwhile by a poste that did not know it, a second badge says so. */
export function MinutesStatusBadge({ status, unseenEdits = 0 }: { status: MinutesStatus; unseenEdits?: number }) {
  const style = MINUTES_STATUS_STYLE[status];
  const badge = (
    <Badge color={style.color} c={style.text} variant="filled" radius="sm">
      {style.label}
    </Badge>
  );
  if (status !== 'valide' || unseenEdits === 0) return badge;
  return (
    <Group gap={4} wrap="wrap">
      {badge}
      <Badge color="orange.8" c="black" variant="filled" radius="sm">
        Modifications non validées
      </Badge>
    </Group>
  );
}
