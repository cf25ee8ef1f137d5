import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { SYNC_CLEARED_UNDO, useFormSaver } from './FormSaver';

const STATUS_TEXT = {
  idle: { text: 'Enregistrement automatique', icon: IconCheck, color: 'dimmed' },
  saving: { text: 'Enregistrement…', icon: IconLoader2, color: 'dimmed' },
  saved: { text: 'Enregistré', icon: IconCheck, color: undefined },
  error: { text: 'Non enregistré\u202f: voir le champ en erreur', icon: IconAlertTriangle, color: 'var(--mantine-color-error)' },
} as const;

/** « Enregistré » and the undo button, side by side at the top of an editable page. */
export function SaveStatus() {
  const { status, lastEdit, undoneBySync, undo } = useFormSaver();
  const { text, icon: Icon, color } = STATUS_TEXT[status];
  return (
    <Group gap="sm" justify="flex-end">
      <Group gap={4} wrap="nowrap" role="status" aria-live="polite">
        <Icon size={16} aria-hidden />
        <Text size="sm" c={color}>
          {text}
        </Text>
      </Group>
      <Tooltip
        label={lastEdit ? `Revenir sur\u202f: ${lastEdit.label} (Ctrl+Z)` : undoneBySync ? SYNC_CLEARED_UNDO : 'Aucune modification à annuler'}
        multiline={!lastEdit && undoneBySync}
        w={!lastEdit && undoneBySync ? 320 : undefined}
      >
        <Button variant="default" size="xs" leftSection={<IconArrowBackUp size={16} aria-hidden />} disabled={!lastEdit} onClick={() => void undo()}>
          Annuler la dernière modification
        </Button>
      </Tooltip>
    </Group>
  );
}
