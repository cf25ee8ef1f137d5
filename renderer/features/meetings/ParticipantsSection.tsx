import { Button, Group, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ParticipantView } from '../../../preload/contract';
import { attendanceLabel, type Attendance } from '../../../common/vocabulary';
import { partnerWord } from '../../../common/partners';
import { useAppState } from '../../app/AppContext';
import { call, send } from '../../api';
import { RemoveButton } from '../../shared/RemoveButton';
import { useTypedText } from '../../shared/useTypedText';
import { useWidth } from '../../shared/useWidth';
import { attendanceOptions } from './labels';
import type { MeetingProps } from './MeetingPage';
import { useDraft } from '../../shared/useDraft';

/** Below this width, the fonction and the organisme go under the name. */
const FULL_TABLE_WIDTH = 820;

/** Who was there: people of the project or guests, each present, excusé, représenté (by whom) or absent. */
export function ParticipantsSection({ meeting, people }: MeetingProps) {
  const { partners } = useAppState();
  const disabled = meeting.read_only;
  const present = new Set(meeting.participants.map((participant) => participant.person_id));
  const candidates = people.filter((person) => !present.has(person.id)).map((person) => ({ value: person.id, label: person.name }));
  const [measured, width] = useWidth<HTMLDivElement>();
  const compact = width < FULL_TABLE_WIDTH;

  return (
    <>
      {meeting.participants.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun participant pour le moment.
        </Text>
      ) : (
        <Table.ScrollContainer ref={measured} minWidth={compact ? 0 : FULL_TABLE_WIDTH}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{fieldLabel('participant', 'name')}</Table.Th>
                {!compact && <Table.Th>{fieldLabel('participant', 'function')}</Table.Th>}
                {!compact && <Table.Th>{partnerWord(partners)} ou organisme</Table.Th>}
                <Table.Th w={170}>{fieldLabel('participant', 'attendance')}</Table.Th>
                <Table.Th w={220}>{fieldLabel('participant', 'represented_by')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>Retirer</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.participants.map((participant) => (
                <ParticipantRow key={participant.id} participant={participant} disabled={disabled} compact={compact} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!disabled && (
        <Group align="flex-end" gap="xl">
          <Select
            label="Ajouter une personne de la coopération"
            placeholder="Choisir une personne"
            data={candidates}
            value={null}
            onChange={(personId) => personId && void call('addParticipant', meeting.id, { person_id: personId })}
            searchable
            nothingFoundMessage="Aucune personne"
            w={300}
          />
          <GuestForm meetingId={meeting.id} />
        </Group>
      )}
    </>
  );
}

function ParticipantRow({ participant, disabled, compact }: { participant: ParticipantView; disabled: boolean; compact: boolean }) {
  const representedBy = useTypedText(participant.represented_by ?? '');
  // « Représenté » is saved with its representative: until a name is typed, only shown here.
  const [choosingRepresentative, setChoosingRepresentative] = useState(false);
  const update = (patch: { attendance?: Attendance; represented_by?: string | null }) => call('updateParticipant', participant.id, patch);
  const represented = participant.attendance === 'represente' || choosingRepresentative;

  function chooseAttendance(value: Attendance) {
    const name = representedBy.value.trim();
    setChoosingRepresentative(value === 'represente' && !name);
    if (value !== 'represente') void update({ attendance: value });
    else if (name) void update({ attendance: value, represented_by: name });
  }

  async function saveRepresentative() {
    const name = representedBy.take();
    if (name === null) return;
    const result = await update({ attendance: 'represente', represented_by: name || null });
    if (result.ok) setChoosingRepresentative(false);
  }

  return (
    <Table.Tr>
      <Table.Td>
        {participant.name}
        {compact && (participant.function || participant.organisation) && (
          <Text size="xs" c="dimmed">
            {[participant.function, participant.organisation].filter(Boolean).join(', ')}
          </Text>
        )}
      </Table.Td>
      {!compact && <Table.Td>{participant.function ?? '—'}</Table.Td>}
      {!compact && <Table.Td>{participant.organisation ?? '—'}</Table.Td>}
      <Table.Td>
        <Select
          aria-label={`${fieldLabel('participant', 'attendance')} de ${participant.name}`}
          data={attendanceOptions(participant.civility)}
          value={choosingRepresentative ? 'represente' : participant.attendance}
          onChange={(value) => value && chooseAttendance(value as Attendance)}
          allowDeselect={false}
          disabled={disabled}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        {represented ? (
          <TextInput
            aria-label={`${participant.name} est ${attendanceLabel('represente', participant.civility)} par`}
            value={representedBy.value}
            onChange={(event) => representedBy.onChange(event.currentTarget.value)}
            onBlur={() => void saveRepresentative()}
            onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
            disabled={disabled}
            size="xs"
            placeholder="Nom et fonction"
            // A long « Nom, fonction » ends with « … » in the column (renderer/app/theme.ts): whole on hover.
            title={representedBy.value || undefined}
            autoFocus={choosingRepresentative}
          />
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {!disabled && (
          <RemoveButton
            label={`Retirer ${participant.name}`}
            remove={() => send('deleteParticipant', participant.id)}
            undo={{ label: `Retrait de ${participant.name}`, revert: () => send('restoreDeleted', 'participant', participant.id) }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** A guest: not a person of the project (an elected official, a partner organisation…). */
function GuestForm({ meetingId }: { meetingId: string }) {
  const [name, setName] = useDraft(`guest:${meetingId}:name`);
  const [fonction, setFonction] = useDraft(`guest:${meetingId}:function`);
  const [organisation, setOrganisation] = useDraft(`guest:${meetingId}:organisation`);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send('addParticipant', meetingId, { name: name.trim(), function: fonction.trim() || null, organisation: organisation.trim() || null });
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setName('');
    setFonction('');
    setOrganisation('');
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Ajouter une personne invitée">
      <Group align="flex-start" gap="xs">
        <TextInput label="Personne invitée : nom" value={name} onChange={(event) => setName(event.currentTarget.value)} error={error} w={200} />
        <TextInput label={fieldLabel('participant', 'function')} value={fonction} onChange={(event) => setFonction(event.currentTarget.value)} w={180} />
        <TextInput
          label={fieldLabel('participant', 'organisation')}
          value={organisation}
          onChange={(event) => setOrganisation(event.currentTarget.value)}
          w={180}
        />
        <Button type="submit" variant="default" mt={25} leftSection={<IconUserPlus size={16} aria-hidden />}>
          Ajouter la personne invitée
        </Button>
      </Group>
    </form>
  );
}
