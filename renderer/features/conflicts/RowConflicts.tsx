import { Alert, Anchor, Badge, List, Text } from '@mantine/core';
import { IconArrowsSplit2 } from '@tabler/icons-react';
import type { ConflictView } from '../../../preload/contract';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { conflictFieldLabel } from './labels';

type ConflictOwner = { actionId: string } | { meetingId: string } | { chantierId: string };

function belongsTo(conflict: ConflictView, owner: ConflictOwner): boolean {
  if ('actionId' in owner) return conflict.action_id === owner.actionId;
  if ('meetingId' in owner) return conflict.meeting_id === owner.meetingId;
  // A chantier's own fields, and its pilotes (id `${chantier}:${partner}`).
  return (
    (conflict.entity === 'chantier' && conflict.row_id === owner.chantierId) ||
    (conflict.entity === 'pilot' && conflict.row_id.startsWith(`${owner.chantierId}:`))
  );
}

/**
 * The conflicts of one action (its own fields, its notes, étapes, liens and pilotes), of
 * one réunion (its fields, participants, points, entries and actions à mener) or of one
 * chantier (its fields and pilotes).
 */
export function useConflictsOf(owner: ConflictOwner): ConflictView[] {
  const { data } = useApiData('listConflicts');
  return (data ?? []).filter((conflict) => belongsTo(conflict, owner));
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
        {conflicts.length === 1 ? 'Ce champ a été modifié' : 'Ces champs ont été modifiés'} sur deux ordinateurs à la fois&#x202f;; l'écran montre la version la
        plus récente en attendant un choix&#x202f;:
      </Text>
      <List size="sm" my="xs">
        {conflicts.map((conflict) => (
          <List.Item key={`${conflict.entity}:${conflict.row_id}:${conflict.field}`}>
            {conflictFieldLabel(conflict.entity, conflict.field)}
            {['action', 'meeting', 'chantier'].includes(conflict.entity) ? '' : ` — ${conflict.row_label}`}
          </List.Item>
        ))}
      </List>
      <Anchor href={href({ page: 'conflicts' })} size="sm" fw={600} underline="always" c="var(--mantine-color-text)">
        Résoudre dans la vue Conflits
      </Anchor>
    </Alert>
  );
}
