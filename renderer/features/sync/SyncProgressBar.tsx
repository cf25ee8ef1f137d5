import { Progress, Stack, Text } from '@mantine/core';
import type { SyncProgress } from '../../../preload/contract';
import { numberFormat } from '../../shared/format';

const LABELS: Record<SyncProgress['kind'], string> = {
  import: 'Import en cours',
  export: 'Export en cours',
  folder: 'Synchronisation avec le dossier partagé',
  invite: "Création de l'invitation",
};

/** The job under way in main: the app stays usable meanwhile. */
export function SyncProgressBar({ progress }: { progress: SyncProgress | null }) {
  if (!progress) return null;
  const measured = progress.total > 0;
  const percent = measured ? Math.round((progress.done / progress.total) * 100) : 100;
  const { format } = numberFormat;
  const folder = progress.kind === 'folder';
  // A folder round counts the files it reads; an import, the changes it applies.
  const detail = !measured
    ? folder
      ? 'lecture du dossier…'
      : 'lecture et vérification du fichier…'
    : folder
      ? `fichier ${format(progress.done + 1)} sur ${format(progress.total)}`
      : `${format(progress.done)} mises à jour sur ${format(progress.total)}`;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">
        {LABELS[progress.kind]}&#x202f;: {detail}
      </Text>
      <Progress value={percent} animated={!measured} striped={!measured} aria-label={LABELS[progress.kind]} />
    </Stack>
  );
}
