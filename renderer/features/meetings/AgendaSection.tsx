import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { send } from '../../api';
import { AgendaItemCard } from './AgendaItemCard';
import { frenchDuration, frenchTime } from '../../../common/french';
import type { MeetingProps } from './MeetingPage';

/** The ordre du jour, and under each point what was said, decided and given to do. */
export function AgendaSection(props: MeetingProps) {
  const { meeting } = props;
  const { timing } = meeting;
  return (
    <>
      <Text size="sm">
        {meeting.agenda.length === 0
          ? "L'ordre du jour est vide."
          : `${meeting.agenda.length} point${meeting.agenda.length > 1 ? 's' : ''}, ${frenchDuration(timing.planned_minutes)} prévues sur ${frenchDuration(timing.meeting_minutes)} (fin prévue à ${frenchTime(timing.planned_end_time)}).`}
      </Text>
      {timing.warning && (
        <Alert color="orange" title="Ordre du jour trop long" role="alert">
          {timing.warning}
        </Alert>
      )}
      <Stack gap="md">
        {meeting.agenda.map((item, index) => (
          <AgendaItemCard key={item.id} {...props} item={item} first={index === 0} last={index === meeting.agenda.length - 1} />
        ))}
      </Stack>
      {!meeting.read_only && <NewAgendaItemForm meetingId={meeting.id} />}
    </>
  );
}

function NewAgendaItemForm({ meetingId }: { meetingId: string }) {
  const [title, setTitle] = useState('');
  const [duration, setDuration] = useState<number | string>('');
  const [presenter, setPresenter] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send('addAgendaItem', meetingId, {
      title: title.trim(),
      duration_minutes: typeof duration === 'number' ? duration : null,
      presenter: presenter.trim() || null,
    });
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setTitle('');
    setDuration('');
    setPresenter('');
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Ajouter un point à l'ordre du jour">
      <Group align="flex-start" gap="xs">
        <TextInput
          label="Nouveau point : intitulé"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={error}
          style={{ flex: 1 }}
          miw={260}
        />
        <TextInput label={fieldLabel('agenda_item', 'presenter')} value={presenter} onChange={(event) => setPresenter(event.currentTarget.value)} w={200} />
        <NumberInput
          label={fieldLabel('agenda_item', 'duration_minutes')}
          suffix=" min"
          min={0}
          step={5}
          allowDecimal={false}
          value={duration}
          onChange={setDuration}
          w={140}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} aria-hidden />}>
          Ajouter le point
        </Button>
      </Group>
    </form>
  );
}
