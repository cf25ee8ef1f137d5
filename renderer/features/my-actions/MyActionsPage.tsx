import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import type { MyActionLine } from '../../../preload/contract';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ProgressValue } from '../../shared/ProgressValue';
import { StatusBadge } from '../../shared/StatusBadge';
import { useWidth } from '../../shared/useWidth';
import { DaysLateBadge, lineHref, roleText } from './lines';

/** What the person using this laptop pilots or is responsable for: late first, then by échéance. */
/** Below this width, the chantier goes above the action's title. */
const FULL_TABLE_WIDTH = 900;

export function MyActionsPage() {
  const { data, error } = useApiData('getMyActions');
  const [measured, width] = useWidth<HTMLDivElement>();
  const compact = width < FULL_TABLE_WIDTH;
  const late = data?.lines.filter((line) => line.late).length ?? 0;
  return (
    <>
      <PageHeader title="Mes actions" />
      <Text c="dimmed" mb="md" maw={760}>
        Les actions que vous pilotez et celles dont un compte rendu vous nomme responsable, en retard d'abord, puis par échéance. Les actions réalisées ou
        abandonnées n'y figurent pas.
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      {data && data.lines.length === 0 && (
        <Alert color="gray" title="Aucune action pour vous">
          Vous ne pilotez aucune action en cours et aucun compte rendu ne vous a confié d'action à mener. Les pilotes se désignent sur la fiche de chaque
          action.
        </Alert>
      )}
      {data && data.lines.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" role="status">
            Au {formatDate(data.today)}&#x202f;: {data.lines.length} action{data.lines.length > 1 ? 's' : ''}
            {late > 0 ? `, dont ${late} en retard` : ''}
          </Text>
          <Table.ScrollContainer ref={measured} minWidth={compact ? 0 : FULL_TABLE_WIDTH}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Mes actions">
              <Table.Thead>
                <Table.Tr>
                  {!compact && <Table.Th w="22%">Chantier</Table.Th>}
                  <Table.Th>Action</Table.Th>
                  <Table.Th w={120}>Statut</Table.Th>
                  <Table.Th w={190}>Échéance</Table.Th>
                  <Table.Th w={120}>Avancement</Table.Th>
                  <Table.Th w="17%">En tant que</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.lines.map((line) => (
                  <LineRow key={line.action_id ?? line.action_item_id} line={line} compact={compact} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}

function LineRow({ line, compact }: { line: MyActionLine; compact: boolean }) {
  const chantier = line.chantier ? (
    <Text size={compact ? 'xs' : 'sm'} c={compact ? 'dimmed' : undefined} lineClamp={2}>
      <Text span fw={700} inherit>
        {line.chantier.number}.
      </Text>{' '}
      {line.chantier.title}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
  return (
    <Table.Tr>
      {!compact && <Table.Td>{chantier}</Table.Td>}
      <Table.Td>
        {compact && line.chantier && chantier}
        <Anchor href={lineHref(line)} fw={600} size="sm">
          {line.reference && `${line.reference} `}
          {line.title}
        </Anchor>
        {!line.action_id && (
          <Text size="xs" c="dimmed">
            Action à mener&#x202f;: l'action sera créée à la validation du compte rendu
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={line.status} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(line.end_date)}
          </Text>
          {line.late && <DaysLateBadge days={line.days_late} />}
        </Stack>
      </Table.Td>
      <Table.Td>
        {line.progress === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <ProgressValue value={line.progress} />
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{roleText(line)}</Text>
        {line.meetings.map((meeting) => (
          <Anchor key={meeting.id} href={href({ page: 'meeting', id: meeting.id })} size="xs" display="block">
            {meeting.title}
          </Anchor>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}
