import { Alert, Anchor, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ConflictView } from '../../../preload/contract';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { PageHeader } from '../../shared/PageHeader';
import { ConflictCard, conflictKey, mergesUnderWay, type OnResolved } from './ConflictCard';

/** « Valeurs concurrentes »: every field edited on two ordinateurs without either seeing the other. */
export function ConflictsPage() {
  const { data: conflicts, error } = useApiData('listConflicts');
  const [resolved, setResolved] = useState('');
  const settledElsewhere = useMergesSettledElsewhere(conflicts);
  if (error)
    return (
      <Alert color="red" title="Conflits illisibles">
        {error.message}
      </Alert>
    );
  if (!conflicts) return null;
  const rows = groupByRow(conflicts);
  return (
    <>
      <PageHeader title="Conflits" />
      <Stack gap="lg">
        {conflicts.length > 0 && (
          <Text maw={820}>
            {conflicts.some((conflict) => conflict.field !== 'deleted') &&
              "Ces champs ont été modifiés sur deux ordinateurs sans que l'un ait vu la modification de l'autre. Pour chacun\u202f: la valeur d'avant, puis chaque version, avec qui l'a écrite et quand. Les fiches montrent la plus récente en attendant votre choix\u202f: gardez une version ou écrivez une valeur fusionnée. "}
            {conflicts.some((conflict) => conflict.field === 'deleted') &&
              "Un élément supprimé sur un ordinateur pendant qu'on le modifiait sur un autre reste visible, avec ce que la suppression n'avait pas vu\u202f: gardez-le ou confirmez la suppression. "}
            Votre choix s'applique à tous les ordinateurs.
          </Text>
        )}
        <Text role="status" size="sm" fw={600}>
          {resolved}
        </Text>
        {settledElsewhere.merges.map((merge) => (
          <Alert
            key={merge.key}
            color="orange"
            title="Conflit réglé sur un autre ordinateur pendant votre fusion"
            withCloseButton
            closeButtonLabel="Fermer"
            onClose={() => settledElsewhere.dismiss(merge.key)}
          >
            <Text size="sm" mb="xs">
              {merge.label}&#x202f;: votre valeur fusionnée n'a pas été enregistrée. La voici, pour la reprendre sur la fiche si besoin.
            </Text>
            <Textarea label="Votre valeur fusionnée" value={merge.text} readOnly autosize maxRows={10} />
          </Alert>
        ))}
        {rows.length === 0 ? (
          <Alert color="teal" title="Aucun conflit" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
            Toutes les valeurs concordent entre les ordinateurs.
          </Alert>
        ) : (
          rows.map((row) => <RowConflicts key={`${row[0].entity}:${row[0].row_id}`} conflicts={row} onResolved={setResolved} />)
        )}
      </Stack>
    </>
  );
}

/** The merges being typed whose conflict is gone (settled on another ordinateur): given back, not lost. */
function useMergesSettledElsewhere(conflicts: ConflictView[] | undefined) {
  const [, setDismissed] = useState(0);
  const open = new Set(conflicts?.map(conflictKey));
  const merges = conflicts ? [...mergesUnderWay].filter(([key]) => !open.has(key)).map(([key, merge]) => ({ key, ...merge })) : [];
  return {
    merges,
    dismiss: (key: string) => {
      mergesUnderWay.delete(key);
      setDismissed((count) => count + 1);
    },
  };
}

function groupByRow(conflicts: ConflictView[]): ConflictView[][] {
  const rows = new Map<string, ConflictView[]>();
  for (const conflict of conflicts) {
    const key = `${conflict.entity}:${conflict.row_id}`;
    rows.set(key, [...(rows.get(key) ?? []), conflict]);
  }
  return [...rows.values()];
}

function RowConflicts({ conflicts, onResolved }: { conflicts: ConflictView[]; onResolved: OnResolved }) {
  const headingId = useId();
  const [{ row_label: rowLabel, action_id: actionId, meeting_id: meetingId }] = conflicts;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {rowLabel}
        </Title>
        {actionId && (
          <Anchor href={href({ page: 'action', id: actionId })} size="sm">
            Ouvrir la fiche action
          </Anchor>
        )}
        {meetingId && (
          <Anchor href={href({ page: 'meeting', id: meetingId })} size="sm">
            Ouvrir la réunion
          </Anchor>
        )}
      </Group>
      <Stack gap="xl">
        {conflicts.map((conflict) => (
          <ConflictCard key={conflict.field} conflict={conflict} rowHeadingId={headingId} onResolved={onResolved} />
        ))}
      </Stack>
    </Paper>
  );
}
