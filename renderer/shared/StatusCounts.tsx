import { Badge, Group, Text } from '@mantine/core';
import type { StatusCounts as Counts } from '../../preload/contract';
import { STATUS_KEYS, statusCount, statusFill, statusText } from './status';

/** Small coloured badges « 2 en cours », one per status present: lower case after a number, as « 1 en retard ». */
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
        <Badge key={key} color={statusFill(key)} c={statusText(key)} variant="filled" radius="sm" size="sm">
          {statusCount(key, counts[key])}
        </Badge>
      ))}
    </Group>
  );
}
