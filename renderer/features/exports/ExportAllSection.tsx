import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderDown } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportFormat } from '../../../preload/contract';
import { call } from '../../api';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'folder', label: 'Un dossier' },
  { value: 'zip', label: 'Une archive .zip' },
];

/** Paramètres › Données: « Exporter tout », the whole project in a folder (or a .zip archive of it) that needs no Entente to be read. */
export function ExportAllSection() {
  const [format, setFormat] = useState<ExportFormat>('folder');
  const [busy, setBusy] = useState(false);

  async function exportAll() {
    setBusy(true);
    const result = await call('exportAllData', format);
    setBusy(false);
    if (!result.ok || !result.value) return;
    const { target, files, documents_missing: missing } = result.value;
    notifications.show({
      color: 'teal',
      title: result.value.format === 'zip' ? 'Coopération exportée dans une archive' : 'Coopération exportée',
      message: `${target}\u202f: ${files.length} fichiers, décrits dans LISEZMOI.txt.${
        missing ? ` ${missing} document(s) pas encore reçu(s) par cet ordinateur n'ont pas pu être copiés.` : ''
      }`,
      autoClose: 10_000,
    });
  }

  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5">
        Exporter tout
      </Title>
      <Text size="sm" maw={720}>
        Toutes les données de la coopération dans un dossier lisible sans Entente&#x202f;: un fichier CSV par type de données (actions, réunions, personnes,
        budget…) à ouvrir avec Excel ou LibreOffice, un fichier entente.json, les documents joints et un fichier LISEZMOI.txt qui explique chaque fichier et
        chaque colonne. L&apos;archive .zip contient les mêmes fichiers, en un seul fichier à envoyer ou à archiver.
      </Text>
      <Group gap="sm">
        <SegmentedControl aria-label="Forme de l'export" value={format} onChange={(value) => setFormat(value as ExportFormat)} data={FORMATS} />
        <Button variant="default" leftSection={<IconFolderDown size={16} aria-hidden />} loading={busy} onClick={() => void exportAll()}>
          Exporter tout…
        </Button>
      </Group>
    </Stack>
  );
}
