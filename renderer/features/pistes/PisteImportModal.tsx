import { Alert, Select, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FINALITE_LABELS } from '../../../common/vocabulary';
import type { PisteImportField, PisteImportOptions, PisteImportPreview } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { SpreadsheetImportModal, useSpreadsheetImport } from '../../shared/SpreadsheetImportModal';
import { ColumnMapping, ImportErrors, ImportPreviewTable } from '../../shared/SpreadsheetImportPreview';
import { atelierLabel, pistesCount } from './labels';

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
  const { preview, busy, error, refresh, importAll } = useSpreadsheetImport(initial);
  const [atelier, setAtelier] = useState<string | null>(null);
  const mapping = Object.fromEntries(preview.headers.map((header, index) => [header, preview.mapping[index] ?? null]));
  const options = (changes: Partial<PisteImportOptions> = {}): PisteImportOptions => ({ mapping, atelier_meeting_id: atelier, ...changes });

  const confirm = () =>
    importAll(
      () => send('importPistes', options()),
      (ids) => {
        const count = ids.length;
        notifications.show({ color: 'teal', title: 'Pistes importées', message: `${pistesCount(count)} créée${count > 1 ? 's' : ''}.`, autoClose: 8000 });
        onClose();
      },
    );

  const count = preview.rows.length;
  const importable = preview.problems.length === 0 && count > 0;
  const partnerName = (id: string) => partners.find((partner) => partner.id === id)?.short_name ?? '—';

  return (
    <SpreadsheetImportModal
      title={`Importer des pistes\u202f: ${fileName}`}
      each="une piste"
      busy={busy}
      error={error}
      importLabel={importable ? `Importer ${pistesCount(count)}` : null}
      onImport={() => void confirm()}
      onClose={onClose}
    >
      <Select
        label="Atelier d'où viennent les pistes"
        placeholder="Aucun atelier"
        data={(ateliers ?? []).map((meeting) => ({ value: meeting.id, label: atelierLabel(meeting) }))}
        value={atelier}
        onChange={(value) => {
          setAtelier(value);
          void refresh(send('previewPisteImport', options({ atelier_meeting_id: value })));
        }}
        clearable
        maw={480}
        comboboxProps={{ withinPortal: true }}
      />
      <ColumnMapping
        headers={preview.headers}
        mapping={preview.headers.map((_, index) => preview.mapping[index] ?? null)}
        fields={fields}
        onChange={(header, field) => void refresh(send('previewPisteImport', options({ mapping: { ...mapping, [header]: field } })))}
      />
      <ImportErrors
        errors={preview.problems}
        ready={
          count > 0 && (
            <Alert color="teal" title={`${pistesCount(count)} prête${count > 1 ? 's' : ''} à importer`}>
              Elles seront numérotées à la suite des pistes existantes.
            </Alert>
          )
        }
      />
      <ImportPreviewTable
        columns={['Ligne', 'Intitulé', 'Proposée par', 'Direction ou service', 'Finalités', 'Erreurs']}
        rows={preview.rows}
        rowKey={({ line }) => String(line)}
        refused={({ errors }) => errors.length > 0}
        messages={({ errors }) => errors}
        cells={({ line, piste }) => (
          <>
            <Table.Td>{line}</Table.Td>
            <Table.Td>{piste?.title ?? '—'}</Table.Td>
            <Table.Td>{piste ? partnerName(piste.proposed_by_partner_id) : '—'}</Table.Td>
            <Table.Td>{piste?.proposed_by_service ?? '—'}</Table.Td>
            <Table.Td>{piste?.finalites?.map((finalite) => FINALITE_LABELS[finalite]).join(', ') || '—'}</Table.Td>
          </>
        )}
      />
    </SpreadsheetImportModal>
  );
}
