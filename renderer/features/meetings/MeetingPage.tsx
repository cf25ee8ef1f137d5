import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import type { ChantierSummary, MeetingDetail, Person } from '../../../preload/contract';
import { MEETING_TYPE_LABELS } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { SectionCard } from '../../shared/SectionCard';
import { ConflictBadge, ConflictsAlert, useConflictsOf } from '../conflicts/RowConflicts';
import { MinutesPrintMenu } from '../minutes-print/MinutesPrintMenu';
import { AgendaSection } from './AgendaSection';
import { DocumentsSection } from '../documents/DocumentsSection';
import { RepeatMeetingMenu } from './RepeatMeetingMenu';
import { FollowUpSection } from './FollowUpSection';
import { frenchDuration, frenchTime } from '../../../common/french';
import { MeetingFieldsSection } from './MeetingFieldsSection';
import { MinutesStatusBadge } from './MinutesStatusBadge';
import { ParticipantsSection } from './ParticipantsSection';
import { ValidationSection } from './ValidationSection';

/** A réunion and its compte rendu, from the ordre du jour to the validated minutes. */
export function MeetingPage({ id }: { id: string }) {
  const { data: meeting, error } = useApiData('getMeeting', id);
  const { data: people } = useApiData('listPeople');
  const { data: chantiers } = useApiData('listChantiers');
  if (error)
    return (
      <Alert color="red" title="Réunion introuvable">
        {error.message}
      </Alert>
    );
  if (!meeting || !people || !chantiers) return null;
  return (
    <FormSaverProvider>
      <Meeting meeting={meeting} people={people} chantiers={chantiers} />
    </FormSaverProvider>
  );
}

export interface MeetingProps {
  meeting: MeetingDetail;
  people: Person[];
  chantiers: ChantierSummary[];
}

function Meeting(props: MeetingProps) {
  const { meeting } = props;
  const conflicts = useConflictsOf({ meetingId: meeting.id });
  return (
    <>
      <PageHeader title={meeting.title} small>
        <SaveStatus />
        <RepeatMeetingMenu meetingId={meeting.id} />
        <MinutesPrintMenu meetingId={meeting.id} meetingType={meeting.type} />
      </PageHeader>
      <Group gap="sm" mt={-12} mb="lg">
        <Text size="sm">
          {MEETING_TYPE_LABELS[meeting.type]} · {formatDate(meeting.date)}, {frenchTime(meeting.start_time)} ({frenchDuration(meeting.duration_minutes)})
          {meeting.place ? ` · ${meeting.place}` : ''}
        </Text>
        <MinutesStatusBadge status={meeting.validation_status} />
        {meeting.version > 1 && <Text size="sm">Version {meeting.version}</Text>}
        {conflicts.length > 0 && <ConflictBadge />}
      </Group>
      {conflicts.length > 0 && <ConflictsAlert conflicts={conflicts} />}
      {meeting.superseded_by && (
        <Alert color="yellow" mb="lg" title="Version remplacée">
          Ce compte rendu a été modifié par une version plus récente :{' '}
          <Anchor href={href({ page: 'meeting', id: meeting.superseded_by.id })} underline="always" fw={600} c="var(--mantine-color-text)">
            version {meeting.superseded_by.version}
          </Anchor>
          .
        </Alert>
      )}
      {meeting.read_only && !meeting.superseded_by && (
        <Alert color="teal" mb="lg" title="Compte rendu validé">
          Il ne peut plus être modifié. Pour le corriger, créez une version modificative (section Validation) : celle-ci reste lisible.
        </Alert>
      )}
      <Stack gap="lg" maw={1100}>
        <SectionCard title="Réunion">
          <MeetingFieldsSection {...props} />
        </SectionCard>
        <SectionCard title="Participants">
          <ParticipantsSection {...props} />
        </SectionCard>
        <SectionCard title="Ordre du jour et compte rendu">
          <AgendaSection {...props} />
        </SectionCard>
        <SectionCard title="Suivi des actions du précédent compte rendu">
          <FollowUpSection meeting={meeting} />
        </SectionCard>
        <SectionCard title="Documents">
          <DocumentsSection ownerId={meeting.id} />
        </SectionCard>
        <SectionCard title="Validation">
          <ValidationSection meeting={meeting} />
        </SectionCard>
      </Stack>
    </>
  );
}
