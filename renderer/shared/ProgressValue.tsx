import { Group, Progress, Text } from '@mantine/core';

/** An avancement 0-100 as a short bar and its figure; the bar is decoration. */
export function ProgressValue({ value }: { value: number }) {
  const rounded = Math.round(value);
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={rounded} w={56} size="sm" aria-hidden />
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {rounded}&nbsp;%
      </Text>
    </Group>
  );
}
