import { Alert, Button, Group, List, Modal, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ACTION_STATUS_LABELS } from '../../../common/vocabulary';
import type { ImportField, ImportMapping, ImportPreview } from '../../../preload/contract';
import { send } from '../../api';
import { formatDate } from '../../shared/format';

/** Beyond this, the table says how many more lines there are: the errors list names them all the same. */
const SHOWN_LINES = 200;
const SHOWN_ERRORS = 30;
const IGNORED = '';

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

  async function remap(header: string, value: string | null) {
    const mapping: ImportMapping = { ...preview.mapping, [header]: value ? (value as ImportField) : null };
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

  const fieldOptions = [{ value: IGNORED, label: 'Ne pas importer' }, ...preview.fields.map(({ field, label }) => ({ value: field, label }))];
  const count = preview.lines.length;

  return (
    <Modal opened onClose={onClose} title={`Importer un plan d'actions\u202f: ${fileName}`} size="90%">
      <Stack gap="md">
        <Text size="sm">
          Chaque ligne du fichier deviendra une action. Rien n'est enregistré avant «&#x202f;Importer&#x202f;»&#x202f;; si une seule ligne est refusée, rien
          n'est importé&#x202f;: corrigez le fichier (puis choisissez-le de nouveau) ou la correspondance des colonnes.
        </Text>
        <Title order={2} size="h5">
          Correspondance des colonnes
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          {preview.headers.map((header) => (
            <Select
              key={header}
              label={header}
              data={fieldOptions}
              value={preview.mapping[header] ?? IGNORED}
              onChange={(value) => void remap(header, value)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
        {preview.skipped_sheets.length > 0 && (
          <Text size="sm" c="dimmed">
            Feuilles sans colonne de titre, laissées de côté&#x202f;: {preview.skipped_sheets.join(', ')}.
          </Text>
        )}
        {preview.errors.length > 0 ? (
          <Alert color="red" title={`${plural(preview.errors.length, 'erreur')}\u202f: rien ne peut être importé`} role="alert">
            <List size="sm" spacing={2}>
              {preview.errors.slice(0, SHOWN_ERRORS).map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
            {preview.errors.length > SHOWN_ERRORS && <Text size="sm">… et {preview.errors.length - SHOWN_ERRORS} autre(s).</Text>}
          </Alert>
        ) : (
          count > 0 && (
            <Alert color="teal" title={`${plural(count, 'action')} prête${count > 1 ? 's' : ''} à importer`}>
              {preview.new_people.length > 0
                ? `Pilotes inconnus du projet, ajoutés aux Personnes avec les actions\u202f: ${preview.new_people.map((person) => `${person.name} (${person.partner})`).join(', ')}.`
                : 'Les pilotes nommés sont déjà dans les Personnes du projet.'}
            </Alert>
          )
        )}
        {preview.warnings.length > 0 && (
          <Alert color="yellow" title={`À vérifier\u202f: ${plural(preview.warnings.length, 'ligne')}`}>
            <List size="sm" spacing={2}>
              {preview.warnings.slice(0, SHOWN_ERRORS).map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
            {preview.warnings.length > SHOWN_ERRORS && <Text size="sm">… et {preview.warnings.length - SHOWN_ERRORS} autre(s).</Text>}
          </Alert>
        )}
        <Title order={2} size="h5">
          Aperçu&#x202f;: {plural(count, 'ligne')}
        </Title>
        <ScrollArea.Autosize mah={360}>
          <Table striped stickyHeader aria-label="Aperçu de l'import">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ligne</Table.Th>
                <Table.Th>Chantier</Table.Th>
                <Table.Th>Titre</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>Échéance</Table.Th>
                <Table.Th>Avancement</Table.Th>
                <Table.Th>Pilotes</Table.Th>
                <Table.Th>Erreurs ou remarques</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.lines.slice(0, SHOWN_LINES).map(({ sheet, line, action, errors, warnings }) => (
                <Table.Tr key={`${sheet ?? ''}:${line}`} c={errors.length ? 'red' : undefined}>
                  <Table.Td>{sheet ? `${sheet}, ${line}` : line}</Table.Td>
                  <Table.Td>{action.chantier ? action.chantier.number : '—'}</Table.Td>
                  <Table.Td>{action.title || '—'}</Table.Td>
                  {/* No statut in the file: À venir, as for a new action; a refused one is said in Erreurs. */}
                  <Table.Td>{action.status ? ACTION_STATUS_LABELS[action.status] : errors.length ? '—' : 'À venir'}</Table.Td>
                  <Table.Td>{formatDate(action.end_date)}</Table.Td>
                  <Table.Td>{action.progress === null ? '—' : `${action.progress} %`}</Table.Td>
                  <Table.Td>{Object.values(action.pilots).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {[...errors, ...warnings].map((message) => (
                      <div key={message}>{message.replace(/^(?:Feuille « .* », ligne|Ligne) \d+ : /, '')}</div>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {count > SHOWN_LINES && (
          <Text size="sm" c="dimmed">
            … et {count - SHOWN_LINES} ligne(s) de plus, importées de même.
          </Text>
        )}
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
