import { Badge } from '@mantine/core';
import type { MinutesStatus } from '../../../common/vocabulary';
import { MINUTES_STATUS_STYLE } from './labels';

export function MinutesStatusBadge({ status }: { status: MinutesStatus }) {
  const style = MINUTES_STATUS_STYLE[status];
  return (
    <Badge color={style.color} c={style.text} variant="filled" radius="sm">
      {style.label}
    </Badge>
  );
}
