import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { frenchTypography } from '../../../common/french';
import type { ImportSummary } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { formatDateTime, numberFormat } from '../../shared/format';
import { ofReplica } from './describe';
import { ImportSummaryModal } from './ImportSummaryModal';

/**
 * An exchange file double-clicked in the file manager: what it holds first (from whom, when,
 * how many mises à jour), then imported only if the user says so.
 */
export function OpenedFileModal() {
  const { data: opened } = useApiData('getOpenedFile');
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = opened && opened.kind !== 'invitation' ? opened : null;

  async function importFile() {
    setBusy(true);
    const result = await call('importOpenedFile', shown!.id);
    setBusy(false);
    if (result.ok) setSummary(result.value);
  }
  const dismiss = () => shown && void call('dismissOpenedFile', shown.id);

  return (
    <>
      <Modal opened={shown !== null} onClose={dismiss} title="Fichier d'échange reçu" size="lg">
        {shown?.kind === 'exchange' && (
          <Stack gap="sm">
            <Text>
              Le fichier «&#x202f;{shown.preview.file_name}&#x202f;» indique venir{' '}
              {shown.preview.sender_label ? ofReplica(shown.preview.sender_label) : "d'un ordinateur que celui-ci ne connaît pas encore"} et avoir été écrit le{' '}
              {formatDateTime(shown.preview.created_at)}. Il contient {shown.preview.full ? "tout l'historique de la coopération, soit " : ''}
              {numberFormat.format(shown.preview.changes)} {shown.preview.changes > 1 ? 'mises à jour' : 'mise à jour'}.
            </Text>
            <Text size="sm" c="dimmed">
              L'import vérifie le fichier avec la phrase de passe de la coopération, puis ajoute à cet ordinateur ce qu'il n'a pas encore&#x202f;; ce qu'il a
              déjà ne change pas.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss} disabled={busy}>
                Ne pas importer
              </Button>
              <Button onClick={() => void importFile()} loading={busy} data-autofocus>
                Importer
              </Button>
            </Group>
          </Stack>
        )}
        {shown?.kind === 'refused' && (
          <Stack gap="sm">
            <Alert color="red" title={`«\u202f${shown.file_name}\u202f» ne peut pas être importé`}>
              {frenchTypography(shown.message)}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={dismiss} data-autofocus>
                Fermer
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ImportSummaryModal summary={summary} onClose={() => setSummary(null)} />
    </>
  );
}
