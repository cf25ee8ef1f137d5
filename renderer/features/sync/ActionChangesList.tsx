import { Anchor, List, Stack, Text } from '@mantine/core';
import type { ImportSummary } from '../../../preload/contract';
import { href } from '../../app/navigation';
import { numberFormat } from '../../shared/format';
import { frenchTypography } from '../../../common/french';

/**
 * What an import (or a round with the shared folder) changed, action by action:
 * « Bourse commune de l'emploi » then « Statut : En cours → Bloqué, par Marc Petit »; each action a link to its fiche.
 */
export function ActionChangesList({ changes, onOpen }: { changes: ImportSummary['action_changes']; onOpen?: () => void }) {
  if (changes.actions.length === 0) return null;
  return (
    <section aria-label="Ce qui a changé, action par action">
      <Text fw={600} size="sm" mb={4}>
        Ce qui a changé, action par action
      </Text>
      <Stack gap="xs">
        {changes.actions.map((action) => (
          <div key={action.action_id}>
            <Anchor href={href({ page: 'action', id: action.action_id })} onClick={onOpen} size="sm" fw={600}>
              {action.reference} «&#x202f;{action.title}&#x202f;»
            </Anchor>
            <List size="sm" withPadding>
              {action.lines.map((line, index) => (
                <List.Item key={index}>{frenchTypography(line)}</List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
      {changes.more > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          … et {numberFormat.format(changes.more)} {changes.more > 1 ? 'autres mises à jour' : 'autre mise à jour'}, à voir dans les fiches.
        </Text>
      )}
    </section>
  );
}
