import { Alert, Anchor, Badge, List, Text } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import type { ConflictView } from '../../../preload/contract';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { fieldLabel } from './labels';

/**
 * The conflicts of one action (its own fields, its notes, étapes, liens and pilotes) or of
 * one réunion (its fields, participants, points, entries and actions à mener).
 */
export function useConflictsOf(owner: { actionId: string } | { meetingId: string }): ConflictView[] {
  const { data } = useApiData('listConflicts');
  return (data ?? []).filter((conflict) => ('actionId' in owner ? conflict.actionId === owner.actionId : conflict.meetingId === owner.meetingId));
}

export function ConflictBadge() {
  return (
    <Badge color="orange.8" c="black" variant="filled" radius="sm" leftSection={<IconArrowsSplit2 size={12} aria-hidden />}>
      Conflit
    </Badge>
  );
}

/** The fields in conflict, and the way to the Conflits view. */
export function ConflictsAlert({ conflicts }: { conflicts: ConflictView[] }) {
  return (
    <Alert
      color="orange"
      variant="light"
      title="Valeurs concurrentes"
      mb="lg"
      role="region"
      aria-label="Valeurs concurrentes"
      icon={<IconArrowsSplit2 aria-hidden />}
    >
      <Text size="sm">
        {conflicts.length === 1 ? 'Ce champ a été modifié' : 'Ces champs ont été modifiés'} sur deux postes à la fois ; la
        l'écran montre la version la plus récente en attendant un choix :
      </Text>
      <List size="sm" my="xs">
        {conflicts.map((conflict) => (
          <List.Item key={`${conflict.entity}:${conflict.rowId}:${conflict.field}`}>
            {fieldLabel(conflict.entity, conflict.field)}
            {conflict.entity === 'action' || conflict.entity === 'meeting' ? '' : ` — ${conflict.rowLabel}`}
          </List.Item>
        ))}
      </List>
      <Anchor href={href({ page: 'conflicts' })} size="sm" fw={600} underline="always" c="var(--mantine-color-text)">
        Résoudre dans la vue Conflits
      </Anchor>
    </Alert>
  );
}
