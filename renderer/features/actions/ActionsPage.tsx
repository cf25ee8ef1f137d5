import { Alert, Button, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ActionQuery } from '../../../preload/contract';
import { useApiData } from '../../api';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import { numberFormat } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import { ActionsSpreadsheetMenu } from '../exports/ActionsSpreadsheetMenu';
import { ActionFilterBar } from './ActionFilterBar';
import { ActionsBoard } from './ActionsBoard';
import { ActionsTable } from './ActionsTable';
import { DEFAULT_SORT, NO_FILTERS, toQuery, type ActionFilters, type ActionSort } from './filters';
import { NewActionModal } from './NewActionModal';
import { useActionPages } from './useActionPages';
import { useActionsView, type ActionsView } from './useActionsView';

/** Height left to the page under the app header (56 px) and the main padding. */
const PAGE_HEIGHT = 'calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))';

const VIEWS = [
  { value: 'table', label: 'Tableau' },
  { value: 'board', label: 'Colonnes par statut' },
];

/** The Actions screen; a move between the columns is undone like a fiche's edit. */
export function ActionsPage() {
  return (
    <FormSaverProvider>
      <Actions />
    </FormSaverProvider>
  );
}

function Actions() {
  const [filters, setFilters] = useSessionState<ActionFilters>('actions.filters', NO_FILTERS);
  const [sort, setSort] = useSessionState<ActionSort>('actions.sort', DEFAULT_SORT);
  const [view, setView] = useActionsView();
  const [creating, setCreating] = useState(false);
  // The search box answers while typing, the query waits for a pause of 200 ms.
  const [search] = useDebouncedValue(filters.search, 200);
  const query = toQuery({ ...filters, search }, sort);
  const { data: chantiers } = useApiData('listChantiers');
  const { data: people } = useApiData('listPeople');

  const switcher = (
    <SegmentedControl aria-label="Affichage des actions" size="xs" value={view} onChange={(value) => setView(value as ActionsView)} data={VIEWS} />
  );

  return (
    <Stack gap="sm" h={PAGE_HEIGHT} mih={520}>
      <PageHeader title="Actions">
        {view === 'board' && <SaveStatus />}
        <ActionsSpreadsheetMenu query={query} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Nouvelle action
        </Button>
      </PageHeader>
      <ActionFilterBar filters={filters} onChange={setFilters} chantiers={chantiers ?? []} people={people ?? []} />
      {view === 'board' ? (
        <>
          <UndoShortcut />
          <ActionsBoard
            query={query}
            header={(total) => (
              <CountLine total={total} switcher={switcher}>
                Glisser une carte, ou Ctrl+← et Ctrl+→, ou «&#x202f;Déplacer&#x202f;»&#x202f;; les flèches passent d'une carte à l'autre.
              </CountLine>
            )}
          />
        </>
      ) : (
        <TableView query={query} sort={sort} onSort={setSort} switcher={switcher} />
      )}
      <NewActionModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** Ctrl+Z undoes the last move of a card, while the columns are shown. */
function UndoShortcut() {
  useUndoShortcut();
  return null;
}

interface TableViewProps {
  query: ActionQuery;
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
  switcher: ReactNode;
}

function TableView({ query, sort, onSort, switcher }: TableViewProps) {
  const pages = useActionPages(query);
  const { total, error } = pages;
  const [withIndicator, setWithIndicator] = useSessionState('actions.indicator', false);
  const indicatorSwitch = (
    <Switch
      size="xs"
      label="Colonne indicateur"
      checked={withIndicator}
      onChange={(event) => setWithIndicator(event.currentTarget.checked)}
      style={{ whiteSpace: 'nowrap' }}
    />
  );
  return (
    <>
      <CountLine
        total={total}
        switcher={
          <>
            {indicatorSwitch}
            {switcher}
          </>
        }
      >
        Entrée ouvre la fiche de l'action&#x202f;; flèches haut et bas pour changer de ligne.
      </CountLine>
      {error && <Alert color="red">{error.message}</Alert>}
      {total === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          Aucune action ne correspond à ces critères.
        </Text>
      ) : (
        <ActionsTable pages={pages} queryKey={JSON.stringify(query)} sort={sort} onSort={onSort} withIndicator={withIndicator} />
      )}
    </>
  );
}

/** « 15 actions », the keys of the view, and the switch between table and columns. */
function CountLine({ total, switcher, children }: { total: number | undefined; switcher: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" fw={600} role="status" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
        {total === undefined ? 'Chargement…' : `${numberFormat.format(total)} action${total > 1 ? 's' : ''}`}
      </Text>
      <Group gap="md" wrap="nowrap">
        <Text size="xs" c="dimmed" ta="right">
          {children}
        </Text>
        {/* The hint wraps; the switches never shrink into each other. */}
        <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
          {switcher}
        </Group>
      </Group>
    </Group>
  );
}
