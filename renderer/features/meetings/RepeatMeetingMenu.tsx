import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconChevronDown, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { call, useApiData } from '../../api';
import { navigate } from '../../app/navigation';
import { FrenchDateInput } from '../../shared/autosave/AutosaveFields';
import { formatDate } from '../../shared/format';

/**
 * « Créer la prochaine réunion » (the next CODIRI six months later, same participants and
 * ordre du jour) and « Copier la réunion… » on a date the user picks.
 */
export function RepeatMeetingMenu({ meetingId }: { meetingId: string }) {
  const { data: nextDate } = useApiData('getNextMeetingDate', meetingId);
  const [copying, setCopying] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<string>();

  async function repeat(options: { date?: string; next: boolean }) {
    const result = await call('repeatMeeting', meetingId, options);
    if (!result.ok) return setError(result.error.message);
    setCopying(false);
    navigate({ page: 'meeting', id: result.value });
  }

  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" size="xs" rightSection={<IconChevronDown size={14} aria-hidden />}>
            Réunion suivante
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => void repeat({ next: true })}>
            Créer la prochaine réunion{nextDate ? ` (le ${formatDate(nextDate)})` : ''}
          </Menu.Item>
          <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setCopying(true)}>
            Copier la réunion…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={copying} onClose={() => setCopying(false)} title="Copier la réunion">
        <Stack gap="sm">
          <Text size="sm">La copie reprend le type, l'heure, le lieu, les participants et les points de l'ordre du jour, sans le compte rendu.</Text>
          <FrenchDateInput label="Date de la nouvelle réunion" value={date} onChange={setDate} error={error} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCopying(false)}>
              Annuler
            </Button>
            <Button onClick={() => (date ? void repeat({ date, next: false }) : setError('Indiquez la date de la nouvelle réunion.'))}>Copier</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
