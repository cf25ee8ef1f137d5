import { Alert, Anchor, Box, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconListCheck, IconNotes } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { AgendaLinkChantier, ChantierSummary, MeetingDetail, Person } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { href, navigate, type MeetingStep } from '../../app/navigation';
import { DeleteButton } from '../../shared/DeleteButton';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { formatDate, formatDuration, formatTime, todayIso } from '../../shared/format';
import { useSessionState } from '../../shared/useSessionState';
import { PageHeader } from '../../shared/PageHeader';
import { SectionCard } from '../../shared/SectionCard';
import { ConflictBadge, ConflictsAlert, useConflictsOf } from '../conflicts/RowConflicts';
import { MinutesPrintMenu } from '../minutes-print/MinutesPrintMenu';
import { AgendaSection, MinutesSection } from './AgendaSection';
import { DocumentsSection } from '../documents/DocumentsSection';
import { RepeatMeetingMenu } from './RepeatMeetingMenu';
import { FollowUpSection } from './FollowUpSection';
import { MeetingFieldsSection } from './MeetingFieldsSection';
import { MinutesStatusBadge } from './MinutesStatusBadge';
import { ParticipantsSection } from './ParticipantsSection';
import { PistesArbitration } from './PistesArbitration';
import { ValidationSection } from './ValidationSection';
import { useMeetingTypeLabels } from './labels';
import classes from './MeetingPage.module.css';
import { LoadError } from '../../shared/LoadError';

/** A réunion in two steps: Préparer (its fields, participants, ordre du jour) and Compte rendu (what each point gave, the suivi, the validation). */
export function MeetingPage({ id, step }: { id: string; step?: MeetingStep }) {
  const { data: meeting, error } = useApiData('getMeeting', id);
  const { data: people, error: peopleError } = useApiData('listPeople');
  const { data: chantiers, error: chantiersError } = useApiData('listChantiers');
  const { data: links, error: linksError } = useApiData('listAgendaLinks');
  if (error)
    return (
      <Alert color="red" title="Réunion introuvable">
        {error.message}
      </Alert>
    );
  const failed = peopleError ?? chantiersError ?? linksError;
  if (failed) return <LoadError error={failed} />;
  if (!meeting || !people || !chantiers || !links) return null;
  return (
    <FormSaverProvider>
      <Meeting meeting={meeting} people={people} chantiers={chantiers} links={links} linkedStep={step} />
    </FormSaverProvider>
  );
}

export interface MeetingProps {
  meeting: MeetingDetail;
  people: Person[];
  chantiers: ChantierSummary[];
  /** What a point may be linked to. */
  links: AgendaLinkChantier[];
}

/**
 * The step shown: the one a link names (#/reunions/ID/compte-rendu), else the one chosen
 * last on this meeting during the session, else Préparer before the meeting's day and
 * Compte rendu from that day on.
 */
function useMeetingStep(meeting: MeetingDetail, linked: MeetingStep | undefined) {
  const [chosen, setChosen] = useSessionState<MeetingStep | null>(`reunion.${meeting.id}.etape`, linked ?? null);
  // The step a link opened is the one to come back to.
  useEffect(() => {
    if (linked) setChosen(linked);
  }, [linked, setChosen]);
  const step = linked ?? chosen ?? (meeting.date > todayIso() ? 'preparer' : 'compte-rendu');
  function choose(next: MeetingStep) {
    setChosen(next);
    // The address keeps naming the step shown, without a history entry per tab.
    if (linked) window.location.replace(href({ page: 'meeting', id: meeting.id, step: next }));
  }
  return [step, choose] as const;
}

function Meeting({ linkedStep, ...props }: MeetingProps & { linkedStep?: MeetingStep }) {
  const { meeting } = props;
  const [step, setStep] = useMeetingStep(meeting, linkedStep);
  const conflicts = useConflictsOf({ meetingId: meeting.id });
  const meetingTypeLabels = useMeetingTypeLabels();
  // The header and the alerts as wide as the steps: the buttons above their right edge.
  return (
    <Box maw={1100}>
      <PageHeader title={meeting.title} small>
        {!meeting.read_only && <SaveStatus />}
        <RepeatMeetingMenu meetingId={meeting.id} />
        <MinutesPrintMenu meetingId={meeting.id} meetingType={meeting.type} />
      </PageHeader>
      <Group gap="sm" mt={-12} mb="lg">
        <Text size="sm">
          {meetingTypeLabels[meeting.type]} · {formatDate(meeting.date)} à {formatTime(meeting.start_time)} ({formatDuration(meeting.duration_minutes)})
          {meeting.place ? ` · ${meeting.place}` : ''}
        </Text>
        <MinutesStatusBadge status={meeting.validation_status} unseenEdits={meeting.validation_unseen_count} />
        {meeting.version > 1 && <Text size="sm">Version {meeting.version}</Text>}
        {conflicts.length > 0 && <ConflictBadge />}
      </Group>
      {conflicts.length > 0 && <ConflictsAlert conflicts={conflicts} />}
      {meeting.superseded_by && (
        <Alert color="yellow" mb="lg" title="Version remplacée">
          Ce compte rendu a été modifié par une version plus récente&#x202f;:{' '}
          <Anchor href={href({ page: 'meeting', id: meeting.superseded_by.id })} underline="always" fw={600} c="var(--mantine-color-text)">
            version {meeting.superseded_by.version}
          </Anchor>
          .
        </Alert>
      )}
      {meeting.read_only && !meeting.superseded_by && (
        <Alert color="teal" mb="lg" title="Compte rendu validé">
          Il ne peut plus être modifié. Pour le corriger, créez une version modificative (section Validation)&#x202f;: celle-ci reste lisible.
          {meeting.validation_unseen.length > 0 &&
            " Attention\u202f: un ordinateur qui n'avait pas encore reçu la validation l'a modifié, et la validation ne couvre pas ces modifications (détail dans la section Validation, à l'étape Compte rendu)."}
        </Alert>
      )}
      {/* One step mounted at a time: the other's fields are neither in the tab order nor found twice by name. */}
      <Tabs
        value={step}
        onChange={(next) => next && setStep(next as MeetingStep)}
        keepMounted={false}
        className={meeting.read_only ? classes.validated : undefined}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="preparer" leftSection={<IconListCheck size={16} aria-hidden />}>
            Préparer
          </Tabs.Tab>
          <Tabs.Tab value="compte-rendu" leftSection={<IconNotes size={16} aria-hidden />}>
            Compte rendu
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="preparer">
          <Stack gap="lg">
            <SectionCard title="Réunion">
              <MeetingFieldsSection {...props} />
            </SectionCard>
            <SectionCard title="Participants">
              <ParticipantsSection {...props} />
            </SectionCard>
            <SectionCard title="Ordre du jour">
              <AgendaSection {...props} />
            </SectionCard>
            <PistesArbitration {...props} step="preparer" />
            <SectionCard title="Documents à lire">
              <DocumentsSection ownerId={meeting.id} />
            </SectionCard>
            {!meeting.read_only && <DeleteMeetingButton meeting={meeting} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="compte-rendu">
          <Stack gap="lg">
            <SectionCard title="Compte rendu par point">
              <MinutesSection {...props} />
            </SectionCard>
            <PistesArbitration {...props} step="compte-rendu" />
            <SectionCard title="Suivi des actions du précédent compte rendu">
              <FollowUpSection meeting={meeting} />
            </SectionCard>
            <SectionCard title="Validation">
              <ValidationSection meeting={meeting} />
            </SectionCard>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

/** A réunion created by mistake, or cancelled: deleted with what it holds. Validated minutes are kept (a version modificative corrects them). */
function DeleteMeetingButton({ meeting }: { meeting: MeetingDetail }) {
  async function remove() {
    const result = await call('deleteMeeting', meeting.id);
    if (result.ok) navigate({ page: 'meetings' });
    return result.ok;
  }
  return (
    <DeleteButton label="Supprimer la réunion" title={'Supprimer cette réunion\u202f?'} remove={remove}>
      La réunion «&#x202f;{meeting.title}&#x202f;» sera supprimée avec ses participants, son ordre du jour et son compte rendu.
      {meeting.validation_status === 'envoye' && ' Son compte rendu a été envoyé pour validation\u202f: prévenez les partenaires qui le valident.'}
    </DeleteButton>
  );
}
