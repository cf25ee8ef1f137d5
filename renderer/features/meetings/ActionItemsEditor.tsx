import { ActionIcon, Anchor, Button, Group, Stack, Table, Text, ThemeIcon, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import { frenchTypography } from '../../../common/french';
import type { ActionItemView, AgendaItemView } from '../../../preload/contract';
import { ACTION_ITEM_KIND_LABELS } from '../../../common/vocabulary';
import { call, send } from '../../api';
import { href } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { RemoveButton } from '../../shared/RemoveButton';
import { statusLabel } from '../../shared/status';
import { ActionItemModal } from './ActionItemModal';
import type { MeetingProps } from './MeetingPage';

/** Actions à mener of a point: a new action, or an existing one followed up; tracked once the minutes are validated. */
export function ActionItemsEditor({ meeting, people, chantiers, item }: Pick<MeetingProps, 'meeting' | 'people' | 'chantiers'> & { item: AgendaItemView }) {
  const disabled = meeting.read_only;
  const [editing, setEditing] = useState<ActionItemView | 'new' | null>(null);
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Actions à mener
      </Text>
      {item.action_items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune pour ce point.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>{fieldLabel('action_item', 'responsable_id')}</Table.Th>
                <Table.Th>{fieldLabel('action_item', 'due_date')}</Table.Th>
                <Table.Th>{fieldLabel('action_item', 'status')}</Table.Th>
                <Table.Th w={140}>
                  <VisuallyHidden>Modifier</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.action_items.map((actionItem, index) => (
                <Table.Tr key={actionItem.id}>
                  <Table.Td>
                    {actionItem.action && !actionItem.action.deleted ? (
                      <Anchor href={href({ page: 'action', id: actionItem.action.id })}>{actionItem.title}</Anchor>
                    ) : (
                      actionItem.title
                    )}
                    <Text size="xs" c="dimmed">
                      {ACTION_ITEM_KIND_LABELS[actionItem.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td>{actionItem.responsable?.name ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(actionItem.due_date)}</Table.Td>
                  <Table.Td>{actionItem.status ? statusLabel(actionItem.status) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      {actionItem.problems.length > 0 && (
                        <Tooltip label={frenchTypography(actionItem.problems.map((problem) => problem.message).join(' '))} multiline w={260}>
                          <ThemeIcon
                            variant="transparent"
                            color="orange.9"
                            aria-label={`À compléter\u202f: ${frenchTypography(actionItem.problems.map((problem) => problem.message).join(' '))}`}
                            role="img"
                          >
                            <IconAlertTriangle size={18} aria-hidden />
                          </ThemeIcon>
                        </Tooltip>
                      )}
                      {!disabled && (
                        <>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Monter\u202f: ${actionItem.title}`}
                            disabled={index === 0}
                            onClick={() => void call('moveActionItem', actionItem.id, 'up')}
                          >
                            <IconArrowUp size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Descendre\u202f: ${actionItem.title}`}
                            disabled={index === item.action_items.length - 1}
                            onClick={() => void call('moveActionItem', actionItem.id, 'down')}
                          >
                            <IconArrowDown size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Modifier\u202f: ${actionItem.title}`} onClick={() => setEditing(actionItem)}>
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                          <RemoveButton
                            label={`Supprimer\u202f: ${actionItem.title}`}
                            remove={() => send('deleteActionItem', actionItem.id)}
                            undo={{ label: 'Action à mener supprimée', revert: () => send('restoreDeleted', 'action_item', actionItem.id) }}
                          />
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!disabled && (
        <div>
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
            Ajouter une action à mener au point {item.number}
          </Button>
        </div>
      )}
      <ActionItemModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        agendaItem={item}
        actionItem={editing === 'new' ? null : editing}
        people={people}
        chantiers={chantiers}
        defaultChantierId={item.chantier?.id ?? (meeting.chantier_ids.length === 1 ? meeting.chantier_ids[0] : null)}
      />
    </Stack>
  );
}
