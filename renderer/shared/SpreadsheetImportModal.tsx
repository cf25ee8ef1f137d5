import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiResult } from '../../preload/contract';

/**
 * A spreadsheet import once its file is read: the preview shown (replaced by each new one
 * main answers), then the import itself; either's refusal is kept to be shown.
 */
export function useSpreadsheetImport<P>(initial: P) {
  const [preview, setPreview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function refresh(answer: Promise<ApiResult<P>>) {
    const result = await answer;
    if (result.ok) {
      setPreview(result.value);
      setError(undefined);
    } else setError(result.error.message);
  }

  async function importAll<T>(save: () => Promise<ApiResult<T>>, done: (value: T) => void) {
    setBusy(true);
    const result = await save();
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    done(result.value);
  }

  return { preview, busy, error, refresh, importAll };
}

interface Props {
  /** The dialog's title, the file's name included. */
  title: string;
  /** What each line of the file becomes: « une piste ». */
  each: string;
  busy: boolean;
  error: string | undefined;
  /** « Importer 12 pistes » when nothing is refused; else null, and « Importer » cannot be pressed. */
  importLabel: string | null;
  onImport: () => void;
  onClose: () => void;
  /** The import's own parts: its mapping of the columns, its errors, its preview. */
  children: ReactNode;
}

/** The dialog of a spreadsheet import (plan d'actions, pistes): nothing is written before « Importer ». */
export function SpreadsheetImportModal({ title, each, busy, error, importLabel, onImport, onClose, children }: Props) {
  // Earlier notices (« Actions enregistrées ») would cover « Importer »; the dialog shows its own errors.
  useEffect(() => notifications.clean(), []);
  return (
    <Modal opened onClose={onClose} title={title} size="90%">
      <Stack gap="md">
        <Text size="sm">{`Chaque ligne du fichier deviendra ${each}. Rien n'est enregistré avant «\u202fImporter\u202f»\u202f; si une seule ligne est refusée, rien n'est importé\u202f: corrigez le fichier (puis choisissez-le de nouveau) ou la correspondance des colonnes.`}</Text>
        {children}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={onImport} loading={busy} disabled={importLabel === null}>
            {importLabel ?? 'Importer'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
