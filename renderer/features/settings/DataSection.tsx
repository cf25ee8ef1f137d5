import { Alert, Button, Code, Group, Table, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconFolderOpen } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { call, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { formatBytes, formatDateTime } from '../../shared/format';
import { ExportAllSection } from '../exports/ExportAllSection';

/** Where the data lives on this laptop, and its backups. */
export function DataSection() {
  const { app_version: appVersion } = useAppState();
  const { data: settings, error } = useApiData('getSettings');
  const [saving, setSaving] = useState(false);

  async function backupNow() {
    setSaving(true);
    const result = await call('backupNow');
    setSaving(false);
    if (result.ok) notifications.show({ color: 'teal', title: 'Sauvegarde effectuée', message: result.value.name });
  }

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!settings) return null;
  return (
    <>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
        <Text component="dt" fw={600} size="sm">
          Dossier
        </Text>
        <Text component="dd" size="sm" m={0}>
          <Code>{settings.data_dir}</Code>
        </Text>
        <Text component="dt" fw={600} size="sm">
          Fichier
        </Text>
        <Text component="dd" size="sm" m={0}>
          <Code>{settings.database_file}</Code>
        </Text>
        <Text component="dt" fw={600} size="sm">
          Taille
        </Text>
        <Text component="dd" size="sm" m={0}>
          {formatBytes(settings.database_bytes)}
        </Text>
        <Text component="dt" fw={600} size="sm">
          Version d'Entente
        </Text>
        <Text component="dd" size="sm" m={0}>
          {appVersion}
        </Text>
      </dl>
      <Group>
        <Button variant="default" leftSection={<IconFolderOpen size={16} aria-hidden />} onClick={() => void call('openDataFolder')}>
          Ouvrir le dossier
        </Button>
        <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={saving} onClick={() => void backupNow()}>
          Sauvegarder maintenant
        </Button>
      </Group>
      <ExportAllSection />
      <Title order={3} size="h5" mt="sm">
        Sauvegardes
      </Title>
      <Text size="sm" c="dimmed">
        Entente en fait une par jour et garde les plus récentes, dans le dossier de données. Si la base est un jour abîmée, Entente le dit au démarrage et
        propose d'en restaurer une.
      </Text>
      {settings.backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune sauvegarde pour le moment.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sauvegarde</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Taille</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settings.backups.map((backup) => (
                <Table.Tr key={backup.file}>
                  <Table.Td>{backup.name}</Table.Td>
                  <Table.Td>{formatDateTime(backup.created_at)}</Table.Td>
                  <Table.Td>{formatBytes(backup.bytes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
