import { Alert, Button, Group, List, Modal, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FINALITE_LABELS } from '../../../common/vocabulary';
import type { PisteImportField, PisteImportOptions, PisteImportPreview } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { atelierLabel, pistesCount } from './labels';

/** Beyond this, the table says how many more lines there are: the errors list names them all the same. */
const SHOWN_LINES = 200;
const SHOWN_ERRORS = 30;
const IGNORED = '';

interface Props {
  fileName: string;
  initial: PisteImportPreview;
  /** The fields a column can fill, in French. */
  fields: { field: PisteImportField; label: string }[];
  onClose: () => void;
}

/**
 * « Importer des pistes » once the file is chosen: the mapping of its columns (proposed from
 * their headers, each changeable), the atelier they came from, every line as it will be
 * created with its errors, and « Importer N pistes » only when no line is refused. Nothing
 * is written before.
 */
export function PisteImportModal({ fileName, initial, fields, onClose }: Props) {
  const { partners } = useAppState();
  const { data: ateliers } = useApiData('listMeetings', { types: ['atelier'] });
  const [preview, setPreview] = useState(initial);
  const [atelier, setAtelier] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const mapping = Object.fromEntries(preview.headers.map((header, index) => [header, preview.mapping[index] ?? null]));
  const options = (changes: Partial<PisteImportOptions> = {}): PisteImportOptions => ({ mapping, atelier_meeting_id: atelier, ...changes });

  async function refresh(next: PisteImportOptions) {
    const result = await send('previewPisteImport', next);
    if (result.ok) {
      setPreview(result.value);
      setError(undefined);
    } else setError(result.error.message);
  }

  async function confirm() {
    setBusy(true);
    const result = await send('importPistes', options());
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const count = result.value.length;
    notifications.show({ color: 'teal', title: 'Pistes importées', message: `${pistesCount(count)} créée${count > 1 ? 's' : ''}.`, autoClose: 8000 });
    onClose();
  }

  const fieldOptions = [{ value: IGNORED, label: 'Ne pas importer' }, ...fields.map(({ field, label }) => ({ value: field, label }))];
  const count = preview.rows.length;
  const importable = preview.problems.length === 0 && count > 0;
  const partnerName = (id: string) => partners.find((partner) => partner.id === id)?.short_name ?? '—';

  return (
    <Modal opened onClose={onClose} title={`Importer des pistes\u202f: ${fileName}`} size="90%">
      <Stack gap="md">
        <Text size="sm">
          Chaque ligne du fichier deviendra une piste. Rien n'est enregistré avant «&#x202f;Importer&#x202f;»&#x202f;; si une seule ligne est refusée, rien
          n'est importé&#x202f;: corrigez le fichier (puis choisissez-le de nouveau) ou la correspondance des colonnes.
        </Text>
        <Select
          label="Atelier d'où viennent les pistes"
          placeholder="Aucun atelier"
          data={(ateliers ?? []).map((meeting) => ({ value: meeting.id, label: atelierLabel(meeting) }))}
          value={atelier}
          onChange={(value) => {
            setAtelier(value);
            void refresh(options({ atelier_meeting_id: value }));
          }}
          clearable
          maw={480}
          comboboxProps={{ withinPortal: true }}
        />
        <Title order={2} size="h5">
          Correspondance des colonnes
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          {preview.headers.map((header, index) => (
            <Select
              key={`${index}:${header}`}
              label={header || `Colonne ${index + 1}`}
              data={fieldOptions}
              value={preview.mapping[index] ?? IGNORED}
              onChange={(value) => void refresh(options({ mapping: { ...mapping, [header]: value ? (value as PisteImportField) : null } }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
        {preview.problems.length > 0 ? (
          <Alert color="red" title={`${preview.problems.length} erreur${preview.problems.length > 1 ? 's' : ''}\u202f: rien ne peut être importé`} role="alert">
            <List size="sm" spacing={2}>
              {preview.problems.slice(0, SHOWN_ERRORS).map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
            {preview.problems.length > SHOWN_ERRORS && <Text size="sm">… et {preview.problems.length - SHOWN_ERRORS} autre(s).</Text>}
          </Alert>
        ) : (
          count > 0 && (
            <Alert color="teal" title={`${pistesCount(count)} prête${count > 1 ? 's' : ''} à importer`}>
              Elles seront numérotées à la suite des pistes existantes.
            </Alert>
          )
        )}
        <Title order={2} size="h5">
          Aperçu&#x202f;: {count} ligne{count > 1 ? 's' : ''}
        </Title>
        <ScrollArea.Autosize mah={360}>
          <Table striped stickyHeader aria-label="Aperçu de l'import">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ligne</Table.Th>
                <Table.Th>Intitulé</Table.Th>
                <Table.Th>Proposée par</Table.Th>
                <Table.Th>Direction ou service</Table.Th>
                <Table.Th>Finalités</Table.Th>
                <Table.Th>Erreurs</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.slice(0, SHOWN_LINES).map(({ line, piste, errors }) => (
                <Table.Tr key={line} c={errors.length ? 'red' : undefined}>
                  <Table.Td>{line}</Table.Td>
                  <Table.Td>{piste?.title ?? '—'}</Table.Td>
                  <Table.Td>{piste ? partnerName(piste.proposed_by_partner_id) : '—'}</Table.Td>
                  <Table.Td>{piste?.proposed_by_service ?? '—'}</Table.Td>
                  <Table.Td>{piste?.finalites?.map((finalite) => FINALITE_LABELS[finalite]).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {errors.map((message) => (
                      <div key={message}>{message.replace(/^Ligne \d+ : /, '')}</div>
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
          <Button onClick={() => void confirm()} loading={busy} disabled={!importable}>
            {importable ? `Importer ${pistesCount(count)}` : 'Importer'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
