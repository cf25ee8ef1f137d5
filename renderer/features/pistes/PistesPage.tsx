import { Alert, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { PisteFilter, PisteImportField, PisteImportPreview } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { ChantierFilter, ClearFiltersButton, FilterBar, FilterSelect } from '../../shared/FilterBar';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import { FINALITE_OPTIONS, PISTE_STATUS_OPTIONS, pistesCount } from './labels';
import { NewPisteModal } from './NewPisteModal';
import { PisteImportModal } from './PisteImportModal';
import { PistesTable, sortPistes, type PisteSort } from './PistesTable';
import { PistesViews } from './PistesViews';

const NO_FILTER: PisteFilter = {};

/** The pistes of the cooperation: filters, the list with their means and the partners' disagreements, import and export. */
export function PistesPage() {
  const { partners } = useAppState();
  const [filter, setFilter] = useSessionState<PisteFilter>('pistes-filtres', NO_FILTER);
  const { data: chantiers } = useApiData('listChantiers');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<{ fileName: string; preview: PisteImportPreview; fields: { field: PisteImportField; label: string }[] } | null>(
    null,
  );
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  /** A filter's value and change on one key of the filter, the key dropped when the filter is emptied. */
  const field = <K extends keyof PisteFilter>(key: K) => ({
    value: filter[key] ?? null,
    onChange: (value: string | null) => {
      const next = { ...filter };
      if (value) next[key] = value as PisteFilter[K];
      else delete next[key];
      setFilter(next);
    },
  });

  async function chooseImport() {
    setBusy('import');
    const result = await call('choosePisteImport');
    setBusy(null);
    if (result.ok && result.value) setImporting({ fileName: result.value.file_name, preview: result.value.preview, fields: result.value.fields });
  }

  async function exportXlsx() {
    setBusy('export');
    const result = await call('exportPistes');
    setBusy(null);
    if (!result.ok || !result.value) return;
    notifications.show({
      color: 'teal',
      title: 'Pistes enregistrées',
      message: `${result.value.file} (${pistesCount(result.value.rows)}, leurs évaluations et décisions)\u202f: à ouvrir avec Excel ou LibreOffice.`,
      autoClose: 8000,
    });
  }

  return (
    <>
      <PageHeader title="Pistes">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Nouvelle piste
        </Button>
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={chooseImport} loading={busy === 'import'}>
          Importer des pistes…
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          onClick={exportXlsx}
          loading={busy === 'export'}
          disabled={busy !== null}
        >
          Exporter en Excel (.xlsx)…
        </Button>
      </PageHeader>
      <PistesViews current="pistes" />
      <FilterBar mb="md" label="Filtres des pistes">
        <FilterSelect label="Finalité" all="Toutes" data={FINALITE_OPTIONS} {...field('finalite')} w={210} listWidth={340} />
        <FilterSelect
          label="Proposée par"
          all="Tous les partenaires"
          data={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
          {...field('partner_id')}
          w={210}
        />
        <FilterSelect label="Statut" all="Tous" data={PISTE_STATUS_OPTIONS} {...field('status')} w={150} />
        <ChantierFilter chantiers={chantiers} {...field('chantier_id')} w={210} />
        <ClearFiltersButton disabled={Object.keys(filter).length === 0} onClick={() => setFilter(NO_FILTER)} />
      </FilterBar>
      <PistesList filter={filter} />
      <NewPisteModal opened={creating} onClose={() => setCreating(false)} />
      {importing && <PisteImportModal fileName={importing.fileName} initial={importing.preview} fields={importing.fields} onClose={() => setImporting(null)} />}
    </>
  );
}

/**
 * The count and the table, apart from the page: the answer of 1 000 pistes renders them alone,
 * not the filters' four selects again.
 */
function PistesList({ filter }: { filter: PisteFilter }) {
  const [sort, setSort] = useSessionState<PisteSort>('pistes-tri', { by: 'reference', direction: 'asc' });
  const { data: pistes, error } = useApiData('listPisteLines', filter);
  const sorted = useMemo(() => (pistes ? sortPistes(pistes, sort) : undefined), [pistes, sort]);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!sorted) return null;
  return (
    <>
      <Text size="sm" fw={600} mb="xs" role="status" aria-live="polite">
        {pistesCount(sorted.length)}
        <Text span size="sm" fw={400} c="dimmed">
          {' '}
          · moyennes des partenaires, de 1 à 4
        </Text>
      </Text>
      {sorted.length > 0 ? (
        <PistesTable pistes={sorted} sort={sort} onSort={setSort} />
      ) : (
        <Text c="dimmed">
          {Object.keys(filter).length > 0
            ? 'Aucune piste ne répond à ces filtres.'
            : "Aucune piste pour l'instant. Créez-en une, ou importez celles d'un atelier depuis un classeur Excel ou un fichier CSV."}
        </Text>
      )}
    </>
  );
}
