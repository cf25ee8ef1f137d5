import { Anchor, Group, Table, Text, TextInput } from '@mantine/core';
import { useTypedText } from '../../shared/useTypedText';
import { fieldLabel } from '../../../common/fields';
import type { FollowUpLine, MeetingDetail } from '../../../preload/contract';
import { call } from '../../api';
import { href } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { LateBadge, StatusBadge } from '../../shared/StatusBadge';

/** The actions à mener of the previous meeting of the same type (or chantier), with where each stands now. */
export function FollowUpSection({ meeting }: { meeting: MeetingDetail }) {
  const { previous, lines, frozen } = meeting.follow_up;
  if (!previous)
    return (
      <Text size="sm" c="dimmed">
        Pas de réunion précédente du même type&#x202f;: rien à suivre.
      </Text>
    );
  return (
    <>
      <Text size="sm">
        Actions à mener du <Anchor href={href({ page: 'meeting', id: previous.id })}>{previous.title}</Anchor>
        {frozen ? ', dans leur état au jour de la validation de ce compte rendu.' : ', avec leur statut actuel.'}
      </Text>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          Ce compte rendu ne donnait aucune action à mener.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>{fieldLabel('follow_up', 'responsable_id')}</Table.Th>
                <Table.Th>{fieldLabel('follow_up', 'due_date')}</Table.Th>
                <Table.Th>{fieldLabel('follow_up', 'status')}</Table.Th>
                <Table.Th w={280}>{fieldLabel('follow_up', 'comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <FollowUpRow key={line.action_item_id} meetingId={meeting.id} line={line} disabled={meeting.read_only} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

function FollowUpRow({ meetingId, line, disabled }: { meetingId: string; line: FollowUpLine; disabled: boolean }) {
  const comment = useTypedText(line.comment ?? '');
  return (
    <Table.Tr>
      <Table.Td>
        {line.action_id ? <Anchor href={href({ page: 'action', id: line.action_id })}>{line.title}</Anchor> : line.title}
        {line.pending && (
          <Text size="xs" c="dimmed">
            Compte rendu précédent pas encore validé
          </Text>
        )}
      </Table.Td>
      <Table.Td>{line.responsable?.name ?? '—'}</Table.Td>
      <Table.Td>{formatDate(line.due_date)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <StatusBadge status={line.status} />
          {line.late && <LateBadge />}
          {line.progress !== null && <Text size="xs">{line.progress}&nbsp;%</Text>}
        </Group>
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${fieldLabel('follow_up', 'comment')} sur «\u202f${line.title}\u202f»`}
          value={comment.value}
          onChange={(event) => comment.onChange(event.currentTarget.value)}
          onBlur={() => {
            const text = comment.take();
            if (text !== null) void call('setFollowUpComment', meetingId, line.action_item_id, text || null);
          }}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
          disabled={disabled}
          size="xs"
        />
      </Table.Td>
    </Table.Tr>
  );
}
