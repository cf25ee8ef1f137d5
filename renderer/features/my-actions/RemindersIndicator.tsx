import { ActionIcon, Anchor, Divider, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { MyActionLine } from '../../../preload/contract';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { DaysLateBadge, lineHref } from './lines';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The header's quiet reminder: a bell with the number of late actions and échéances of the
 * next 7 days of this laptop's person, opening their list. Reloaded after every change of
 * data, and every hour (the day turns).
 */
export function RemindersIndicator() {
  const { data, reload } = useApiData('getReminders');
  const [opened, { toggle, close }] = useDisclosure(false);
  useEffect(() => {
    const timer = window.setInterval(reload, HOUR_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  if (!data) return null;
  const count = data.late.length + data.due_soon.length;
  const label = `Rappels\u202f: ${data.summary ?? 'aucune échéance proche'}`;

  return (
    <Indicator
      label={<span aria-hidden="true">{count}</span>}
      disabled={count === 0}
      color={data.late.length > 0 ? 'red.9' : 'blue.8'}
      size={18}
      offset={4}
      zIndex={1}
    >
      <Popover opened={opened} onDismiss={close} position="bottom-end" width={380} shadow="md" trapFocus returnFocus withArrow>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={label} title={label} onClick={toggle}>
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label="Rappels">
          <Stack gap="sm">
            <Text fw={700}>Rappels</Text>
            {count === 0 && (
              <Text size="sm" c="dimmed">
                Aucune action en retard, aucune échéance dans les 7 jours.
              </Text>
            )}
            <ScrollArea.Autosize mah={380} type="auto" offsetScrollbars>
              <Stack gap="md">
                <ReminderList title="En retard" lines={data.late} onOpen={close} />
                <ReminderList title="Dans les 7 jours" lines={data.due_soon} onOpen={close} />
              </Stack>
            </ScrollArea.Autosize>
            <Divider />
            <Anchor href={href({ page: 'my-actions' })} size="sm" onClick={close}>
              Voir toutes mes actions
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function ReminderList({ title, lines, onOpen }: { title: string; lines: MyActionLine[]; onOpen: () => void }) {
  if (lines.length === 0) return null;
  return (
    <section aria-label={title}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {lines.map((line) => (
          <li key={line.action_id ?? line.action_item_id}>
            <Anchor href={lineHref(line)} size="sm" onClick={onOpen} lineClamp={2}>
              {line.title}
            </Anchor>
            <Text size="xs" c="dimmed" component="div">
              {line.chantier ? `Chantier ${line.chantier.number} · ` : ''}échéance {formatDate(line.end_date)}
            </Text>
            {line.late && <DaysLateBadge days={line.days_late} />}
          </li>
        ))}
      </Stack>
    </section>
  );
}
