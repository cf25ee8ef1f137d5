import { Anchor, List, Stack, Text } from '@mantine/core';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { formatDate } from '../../shared/format';
import { frenchTypography } from '../../../common/french';

/** On a fiche action: the réunions that spoke of it, their décisions and the actions à mener given. */
export function ActionMeetings({ actionId }: { actionId: string }) {
  const { data: meetings } = useApiData('meetingsOfAction', actionId);
  if (!meetings) return null;
  if (meetings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune réunion n'a encore traité cette action.
      </Text>
    );
  return (
    <Stack gap="sm">
      {meetings.map(({ meeting, decisions, action_items, followed_up }) => (
        <div key={meeting.id}>
          {/* What the fiche cites is in the compte rendu: the link opens that step. */}
          <Anchor href={href({ page: 'meeting', id: meeting.id, step: 'compte-rendu' })} fw={600} size="sm">
            {meeting.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDate(meeting.date)}
            {followed_up ? ' · suivie au compte rendu' : ''}
          </Text>
          {(decisions.length > 0 || action_items.length > 0) && (
            <List size="sm" mt={4}>
              {decisions.map((decision) => (
                <List.Item key={decision.id}>
                  Décision n°&nbsp;{decision.number}&#x202f;: {frenchTypography(decision.text)}
                </List.Item>
              ))}
              {action_items.map((item) => {
                const details = [item.responsable_name, item.due_date && `échéance ${formatDate(item.due_date)}`].filter(Boolean).join(', ');
                return (
                  <List.Item key={item.id}>
                    À mener&#x202f;: {item.title}
                    {details && ` (${details})`}
                  </List.Item>
                );
              })}
            </List>
          )}
        </div>
      ))}
    </Stack>
  );
}
