import { Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderDown } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api';

/** Paramètres › Données: « Exporter tout », the whole project in a folder that needs no Entente to be read. */
export function ExportAllSection() {
  const [busy, setBusy] = useState(false);

  async function exportAll() {
    setBusy(true);
    const result = await call('exportAllData');
    setBusy(false);
    if (!result.ok || !result.value) return;
    const missing = result.value.documents_missing;
    notifications.show({
      color: 'teal',
      title: 'Projet exporté',
      message: `${result.value.folder}\u202f: ${result.value.files.length} fichiers, décrits dans LISEZMOI.txt.${
        missing ? ` ${missing} document(s) pas encore reçu(s) par ce poste n'ont pas pu être copiés.` : ''
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
        Toutes les données du projet dans un dossier lisible sans Entente&#x202f;: un fichier CSV par type de données (actions, réunions, personnes, budget…) à
        ouvrir avec Excel ou LibreOffice, un fichier entente.json, les documents joints et un fichier LISEZMOI.txt qui explique chaque fichier et chaque
        colonne.
      </Text>
      <div>
        <Button variant="default" leftSection={<IconFolderDown size={16} aria-hidden />} loading={busy} onClick={() => void exportAll()}>
          Exporter tout…
        </Button>
      </div>
    </Stack>
  );
}
