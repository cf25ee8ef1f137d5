import { Badge, Group, Text } from '@mantine/core';
import type { StatusCounts as Counts } from '../../preload/contract';
import { STATUS_KEYS, STATUS_STYLE, statusLabel } from './status';

/** Small coloured badges « 2 En cours », one per status present. */
export function StatusCounts({ counts }: { counts: Counts }) {
  const present = STATUS_KEYS.filter((key) => counts[key] > 0);
  if (present.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune action
      </Text>
    );
  return (
    <Group gap={4}>
      {present.map((key) => (
        <Badge key={key} color={STATUS_STYLE[key].color} c={STATUS_STYLE[key].text} variant="filled" radius="sm" size="sm">
          {counts[key]} {statusLabel(key)}
        </Badge>
      ))}
    </Group>
  );
}
