import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ACTION_STATUS_LABELS } from '../../../common/vocabulary';
import type { ImportField, ImportMapping, ImportPreview } from '../../../preload/contract';
import { send } from '../../api';
import { formatDate } from '../../shared/format';
import { ColumnMapping, ImportErrors, ImportMessages, ImportPreviewTable } from '../../shared/SpreadsheetImportPreview';

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;

interface Props {
  fileName: string;
  initial: ImportPreview;
  onClose: () => void;
}

/**
 * « Importer un plan d'actions » once the file is chosen: the mapping of its columns
 * (proposed from their headers, each changeable), every line as it will be created with its
 * errors, and Confirmer, possible only when no line is refused. Nothing is written before.
 */
export function ImportPlanModal({ fileName, initial, onClose }: Props) {
  const [preview, setPreview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function remap(header: string, field: ImportField | null) {
    const mapping: ImportMapping = { ...preview.mapping, [header]: field };
    const result = await send('previewActionsImport', mapping);
    if (result.ok) {
      setPreview(result.value);
      setError(undefined);
    } else setError(result.error.message);
  }

  async function confirm() {
    setBusy(true);
    const result = await send('applyActionsImport', preview.mapping);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const people = result.value.people_created;
    notifications.show({
      color: 'teal',
      title: "Plan d'actions importé",
      message: `${plural(result.value.action_ids.length, 'action')} créée${result.value.action_ids.length > 1 ? 's' : ''}${people ? `, ${plural(people, 'personne')} ajoutée${people > 1 ? 's' : ''} aux Personnes` : ''}.`,
      autoClose: 8000,
    });
    onClose();
  }

  const count = preview.lines.length;

  return (
    <Modal opened onClose={onClose} title={`Importer un plan d'actions\u202f: ${fileName}`} size="90%">
      <Stack gap="md">
        <Text size="sm">
          Chaque ligne du fichier deviendra une action. Rien n'est enregistré avant «&#x202f;Importer&#x202f;»&#x202f;; si une seule ligne est refusée, rien
          n'est importé&#x202f;: corrigez le fichier (puis choisissez-le de nouveau) ou la correspondance des colonnes.
        </Text>
        <ColumnMapping
          headers={preview.headers}
          mapping={preview.headers.map((header) => preview.mapping[header] ?? null)}
          fields={preview.fields}
          onChange={(header, field) => void remap(header, field)}
        />
        {preview.skipped_sheets.length > 0 && (
          <Text size="sm" c="dimmed">
            Feuilles sans colonne de titre, laissées de côté&#x202f;: {preview.skipped_sheets.join(', ')}.
          </Text>
        )}
        <ImportErrors
          errors={preview.errors}
          ready={
            count > 0 && (
              <Alert color="teal" title={`${plural(count, 'action')} prête${count > 1 ? 's' : ''} à importer`}>
                {preview.new_people.length > 0
                  ? `Pilotes inconnus du projet, ajoutés aux Personnes avec les actions\u202f: ${preview.new_people.map((person) => `${person.name} (${person.partner})`).join(', ')}.`
                  : 'Les pilotes nommés sont déjà dans les Personnes du projet.'}
              </Alert>
            )
          }
        />
        {preview.warnings.length > 0 && (
          <ImportMessages color="yellow" title={`À vérifier\u202f: ${plural(preview.warnings.length, 'ligne')}`} messages={preview.warnings} />
        )}
        <ImportPreviewTable
          columns={['Ligne', 'Chantier', 'Titre', 'Statut', 'Échéance', 'Avancement', 'Pilotes', 'Erreurs ou remarques']}
          rows={preview.lines}
          rowKey={({ sheet, line }) => `${sheet ?? ''}:${line}`}
          refused={({ errors }) => errors.length > 0}
          messages={({ errors, warnings }) => [...errors, ...warnings]}
          cells={({ sheet, line, action, errors }) => (
            <>
              <Table.Td>{sheet ? `${sheet}, ${line}` : line}</Table.Td>
              <Table.Td>{action.chantier ? action.chantier.number : '—'}</Table.Td>
              <Table.Td>{action.title || '—'}</Table.Td>
              {/* No statut in the file: À venir, as for a new action; a refused one is said in Erreurs. */}
              <Table.Td>{action.status ? ACTION_STATUS_LABELS[action.status] : errors.length ? '—' : 'À venir'}</Table.Td>
              <Table.Td>{formatDate(action.end_date)}</Table.Td>
              <Table.Td>{action.progress === null ? '—' : `${action.progress} %`}</Table.Td>
              <Table.Td>{Object.values(action.pilots).join(', ') || '—'}</Table.Td>
            </>
          )}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!preview.importable}>
            {preview.importable ? `Importer ${plural(count, 'action')}` : 'Importer'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
