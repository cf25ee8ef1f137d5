import { Alert, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ACTION_STATUS_LABELS } from '../../../common/vocabulary';
import type { ImportField, ImportPreview } from '../../../preload/contract';
import { send } from '../../api';
import { formatDate } from '../../shared/format';
import { SpreadsheetImportModal, useSpreadsheetImport } from '../../shared/SpreadsheetImportModal';
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
  const { preview, busy, error, refresh, importAll } = useSpreadsheetImport(initial);

  const remap = (header: string, field: ImportField | null) => refresh(send('previewActionsImport', { ...preview.mapping, [header]: field }));

  const confirm = () =>
    importAll(
      () => send('applyActionsImport', preview.mapping),
      ({ action_ids, people_created: people }) => {
        notifications.show({
          color: 'teal',
          title: "Plan d'actions importé",
          message: `${plural(action_ids.length, 'action')} créée${action_ids.length > 1 ? 's' : ''}${people ? `, ${plural(people, 'personne')} ajoutée${people > 1 ? 's' : ''} aux Personnes` : ''}.`,
          autoClose: 8000,
        });
        onClose();
      },
    );

  const count = preview.lines.length;

  return (
    <SpreadsheetImportModal
      title={`Importer un plan d'actions\u202f: ${fileName}`}
      each="une action"
      busy={busy}
      error={error}
      importLabel={preview.importable ? `Importer ${plural(count, 'action')}` : null}
      onImport={() => void confirm()}
      onClose={onClose}
    >
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
                ? `Pilotes inconnus de la coopération, ajoutés aux Personnes avec les actions\u202f: ${preview.new_people.map((person) => `${person.name} (${person.partner})`).join(', ')}.`
                : 'Les pilotes nommés sont déjà dans les Personnes de la coopération.'}
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
            <Table.Td>{action.progress === null ? '—' : `${action.progress}\u00a0%`}</Table.Td>
            <Table.Td>{Object.values(action.pilots).join(', ') || '—'}</Table.Td>
          </>
        )}
      />
    </SpreadsheetImportModal>
  );
}
