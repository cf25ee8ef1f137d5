import { Badge } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { statusFill, statusLabel, statusText, type StatusKey } from './status';

export function StatusBadge({ status }: { status: StatusKey | null }) {
  const key = status ?? 'none';
  return (
    <Badge color={statusFill(key)} c={statusText(key)} variant="filled" radius="sm">
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
    <Badge color="var(--entente-late)" c="var(--entente-late-text)" variant="filled" radius="sm" leftSection={<IconClockExclamation size={12} aria-hidden />}>
      {count === undefined ? 'En retard' : `${count} en retard`}
    </Badge>
  );
}

/** « À arbitrer »: the action awaits a decision of the next comité. */
export function ArbitrationBadge({ size }: { size?: 'xs' | 'sm' }) {
  return (
    <Badge
      color="var(--entente-arbitration)"
      c="var(--entente-arbitration-text)"
      variant="filled"
      radius="sm"
      size={size}
      title="À arbitrer au prochain comité"
    >
      À arbitrer
    </Badge>
  );
}
