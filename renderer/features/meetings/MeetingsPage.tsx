import { Alert, Anchor, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { MeetingQuery } from '../../../preload/contract';
import type { MeetingType } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { formatDate, formatTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import { useWidth } from '../../shared/useWidth';
import { UpcomingMeetingsIcsButton } from '../minutes-print/MinutesPrintMenu';
import { useMeetingTypeOptions } from './labels';
import { MinutesStatusBadge } from './MinutesStatusBadge';
import { NewMeetingModal } from './NewMeetingModal';

type When = 'upcoming' | 'past' | 'all';

/** CODIRI, comités de pilotage, ateliers and réunions de travail, with where their minutes stand. */
/** Below this width, the lieu goes under the réunion's title. */
const FULL_TABLE_WIDTH = 860;

export function MeetingsPage() {
  const [when, setWhen] = useSessionState<When>('reunions-quand', 'upcoming');
  const [type, setType] = useSessionState<MeetingType | null>('reunions-type', null);
  const [creating, setCreating] = useState(false);
  const meetingTypeOptions = useMeetingTypeOptions();
  const query: MeetingQuery = { ...(when === 'all' ? {} : { when }), ...(type ? { types: [type] } : {}) };
  const { data: meetings, error } = useApiData('listMeetings', query);
  const { data: chantiers } = useApiData('listChantiers');
  const chantierNumber = new Map(chantiers?.map((chantier) => [chantier.id, chantier.number]));
  const [measured, width] = useWidth<HTMLDivElement>();
  const compact = width < FULL_TABLE_WIDTH;

  return (
    <>
      <PageHeader title="Réunions">
        <UpcomingMeetingsIcsButton />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Nouvelle réunion
        </Button>
      </PageHeader>
      <Group mb="md" align="flex-end">
        <SegmentedControl
          aria-label="Période"
          value={when}
          onChange={(value) => setWhen(value as When)}
          data={[
            { value: 'upcoming', label: 'À venir' },
            { value: 'past', label: 'Passées' },
            { value: 'all', label: 'Toutes' },
          ]}
        />
        <Select
          label="Type"
          placeholder="Tous les types"
          data={meetingTypeOptions}
          value={type}
          onChange={(value) => setType(value as MeetingType | null)}
          clearable
          w={260}
        />
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {meetings && meetings.length === 0 && <Text c="dimmed">{when === 'upcoming' ? 'Aucune réunion à venir.' : 'Aucune réunion.'}</Text>}
      {meetings && meetings.length > 0 && (
        <Table.ScrollContainer ref={measured} minWidth={compact ? 0 : FULL_TABLE_WIDTH}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{fieldLabel('meeting', 'date')}</Table.Th>
                <Table.Th>Réunion</Table.Th>
                {!compact && <Table.Th>{fieldLabel('meeting', 'place')}</Table.Th>}
                <Table.Th>Chantiers concernés</Table.Th>
                <Table.Th ta="right">Participants</Table.Th>
                <Table.Th ta="right">Décisions</Table.Th>
                <Table.Th>Compte rendu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.map((meeting) => (
                <Table.Tr key={meeting.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(meeting.date)} à {formatTime(meeting.start_time)}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={href({ page: 'meeting', id: meeting.id })}>{meeting.title}</Anchor>
                    {meeting.version > 1 && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        (version {meeting.version})
                      </Text>
                    )}
                    {compact && meeting.place && (
                      <Text size="sm" c="dimmed">
                        {meeting.place}
                      </Text>
                    )}
                  </Table.Td>
                  {!compact && <Table.Td>{meeting.place ?? '—'}</Table.Td>}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{chantierNumbers(meeting.chantier_ids.map((id) => chantierNumber.get(id)))}</Table.Td>
                  <Table.Td ta="right">{meeting.participant_count}</Table.Td>
                  <Table.Td ta="right">{meeting.decision_count}</Table.Td>
                  <Table.Td>
                    <MinutesStatusBadge status={meeting.validation_status} unseenEdits={meeting.validation_unseen_count} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NewMeetingModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** « n° 4 », « n° 4 et 7 », « n° 2, 4 et 7 »: numbers, not a count beside the counts of participants and décisions. */
function chantierNumbers(numbers: (number | undefined)[]): string {
  const known = numbers.filter((number): number is number => number !== undefined);
  if (known.length === 0) return '—';
  const last = known.pop();
  return `n°\u00a0${known.length > 0 ? `${known.join(', ')} et ${last}` : last}`;
}
