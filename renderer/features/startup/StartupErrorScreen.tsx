import { Alert, Button, Container, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { frenchTypography } from '../../../common/french';
import type { ApiError, BackupInfo } from '../../../preload/contract';
import { call } from '../../api';
import { formatBytes, formatDateTime } from '../../shared/format';

/** The database cannot be opened: say why and, for a damaged file, offer the backups. */
export function StartupErrorScreen({ error, backups, dataDir }: { error: ApiError; backups: BackupInfo[]; dataDir?: string }) {
  const [restoring, setRestoring] = useState<string>();
  const corrupt = error.code === 'corrupt-database';

  async function startOver() {
    setRestoring('');
    await call('startOver');
    setRestoring(undefined);
  }

  async function restore(name: string) {
    setRestoring(name);
    await call('restoreBackup', name);
    setRestoring(undefined);
  }

  return (
    <Container size="md" py={48} component="main">
      <Stack gap="lg">
        <Title order={1} size="h2">
          Entente ne peut pas ouvrir les données
        </Title>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Ouverture impossible">
          <Text>{frenchTypography(error.message)}</Text>
        </Alert>
        {corrupt && (
          <>
            <Text>
              Le fichier endommagé sera mis de côté dans le dossier de données, sans être effacé&#x202f;: il reste disponible pour une analyse.
              {backups.length > 0 && ' Choisissez une sauvegarde à restaurer.'}
            </Text>
            {backups.length === 0 ? (
              <Text>Aucune sauvegarde n'est disponible.</Text>
            ) : (
              <Table striped highlightOnHover>
                <Table.Caption>Sauvegardes disponibles, de la plus récente à la plus ancienne</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Sauvegarde</Table.Th>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Taille</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Restauration</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {backups.map((backup) => (
                    <Table.Tr key={backup.file}>
                      <Table.Td>{backup.name}</Table.Td>
                      <Table.Td>{formatDateTime(backup.created_at)}</Table.Td>
                      <Table.Td>{formatBytes(backup.bytes)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          loading={restoring === backup.name}
                          disabled={restoring !== undefined}
                          onClick={() => void restore(backup.name)}
                          aria-label={`Restaurer cette sauvegarde\u202f: ${backup.name}`}
                        >
                          Restaurer cette sauvegarde
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text>
              Sans sauvegarde utilisable, Entente peut aussi repartir d'un dossier vierge&#x202f;: le fichier endommagé est gardé de côté, et ce que les autres
              ordinateurs détiennent reviendra à la prochaine synchronisation.
            </Text>
            <Button variant="default" disabled={restoring !== undefined} onClick={() => void startOver()} style={{ alignSelf: 'flex-start' }}>
              Repartir d'un dossier vierge
            </Button>
          </>
        )}
        {dataDir && (
          <Text size="sm" c="dimmed">
            Dossier de données&#x202f;: {dataDir}
          </Text>
        )}
      </Stack>
    </Container>
  );
}
