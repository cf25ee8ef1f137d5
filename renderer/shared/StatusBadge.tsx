import { Badge } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { STATUS_STYLE, statusLabel, type StatusKey } from './status';

export function StatusBadge({ status }: { status: StatusKey | null }) {
  const style = STATUS_STYLE[status ?? 'none'];
  return (
    <Badge color={style.color} c={style.text} variant="filled" radius="sm">
      {statusLabel(status)}
    </Badge>
  );
}

/**
 * The derived « En retard » flag (end date passed, neither Réalisé nor Abandonné); with a
 * count, how many actions of a chantier are late: « 2 en retard ».
 */
export function LateBadge({ count }: { count?: number }) {
  return (
    <Badge color="orange.8" c="black" variant="filled" radius="sm" leftSection={<IconClockExclamation size={12} aria-hidden />}>
      {count === undefined ? 'En retard' : `${count} en retard`}
    </Badge>
  );
}
