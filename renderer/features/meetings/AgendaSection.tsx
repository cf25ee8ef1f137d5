import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { parseDuration } from '../../../common/duration';
import { fieldLabel } from '../../../common/fields';
import { formatDuration, formatTime } from '../../shared/format';
import { send } from '../../api';
import { AgendaItemCard, MinutesItemCard } from './AgendaItemCard';
import { DURATION_HINT } from './DurationField';
import type { MeetingProps } from './MeetingPage';
import { useDraft } from '../../shared/useDraft';

/** Préparer: the ordre du jour, its points in order, and how long it lasts against the meeting. */
export function AgendaSection(props: MeetingProps) {
  const { meeting } = props;
  const { timing } = meeting;
  return (
    <>
      <Text size="sm">
        {meeting.agenda.length === 0
          ? "L'ordre du jour est vide."
          : `${meeting.agenda.length} point${meeting.agenda.length > 1 ? 's' : ''}, ${
              timing.planned_minutes === 0
                ? 'sans durée renseignée.'
                : `${formatDuration(timing.planned_minutes)} prévues sur ${formatDuration(timing.meeting_minutes)} (fin prévue à ${formatTime(timing.planned_end_time)}).`
            }`}
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

/** Compte rendu: under each point what was said, decided and given to do. */
export function MinutesSection(props: MeetingProps) {
  const { meeting } = props;
  if (meeting.agenda.length === 0)
    return (
      <Text size="sm" c="dimmed">
        L&apos;ordre du jour est vide&#x202f;: ajoutez ses points dans l&apos;onglet «&#x202f;Préparer&#x202f;».
      </Text>
    );
  return (
    <Stack gap="md">
      {meeting.agenda.map((item) => (
        <MinutesItemCard key={item.id} {...props} item={item} />
      ))}
    </Stack>
  );
}

function NewAgendaItemForm({ meetingId }: { meetingId: string }) {
  const [title, setTitle] = useDraft(`agenda-item:${meetingId}:title`);
  const [duration, setDuration] = useDraft(`agenda-item:${meetingId}:duration`);
  const [presenter, setPresenter] = useDraft(`agenda-item:${meetingId}:presenter`);
  const [errors, setErrors] = useState<{ title?: string; duration?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseDuration(duration);
    if (parsed.error) return setErrors({ duration: parsed.error });
    const result = await send('addAgendaItem', meetingId, {
      title: title.trim(),
      duration_minutes: parsed.minutes ?? null,
      presenter: presenter.trim() || null,
    });
    if (!result.ok) return setErrors(result.error.field === 'duration_minutes' ? { duration: result.error.message } : { title: result.error.message });
    setErrors({});
    setTitle('');
    setDuration('');
    setPresenter('');
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Ajouter un point à l'ordre du jour">
      <Group align="flex-start" gap="xs">
        <TextInput
          label="Nouveau point : intitulé"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          style={{ flex: 1 }}
          miw={260}
        />
        <TextInput label={fieldLabel('agenda_item', 'presenter')} value={presenter} onChange={(event) => setPresenter(event.currentTarget.value)} w={200} />
        <TextInput
          label={fieldLabel('agenda_item', 'duration_minutes')}
          placeholder={DURATION_HINT}
          value={duration}
          onChange={(event) => setDuration(event.currentTarget.value)}
          error={errors.duration}
          w={220}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} aria-hidden />}>
          Ajouter le point
        </Button>
      </Group>
    </form>
  );
}
