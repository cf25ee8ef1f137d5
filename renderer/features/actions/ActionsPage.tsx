import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiData } from '../../api';
import { numberFormat } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import { ActionFilterBar } from './ActionFilterBar';
import { ActionsTable } from './ActionsTable';
import { DEFAULT_SORT, NO_FILTERS, toQuery, type ActionFilters, type ActionSort } from './filters';
import { NewActionModal } from './NewActionModal';
import { useActionPages } from './useActionPages';

/** Height left to the page under the app header (56 px) and the main padding. */
const PAGE_HEIGHT = 'calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))';

export function ActionsPage() {
  const [filters, setFilters] = useSessionState<ActionFilters>('actions.filters', NO_FILTERS);
  const [sort, setSort] = useSessionState<ActionSort>('actions.sort', DEFAULT_SORT);
  const [creating, setCreating] = useState(false);
  // The search box answers while typing, the query waits for a pause of 200 ms.
  const [search] = useDebouncedValue(filters.search, 200);
  const query = toQuery({ ...filters, search }, sort);
  const pages = useActionPages(query);
  const { total, error } = pages;
  const { data: chantiers } = useApiData('listChantiers');
  const { data: people } = useApiData('listPeople');

  return (
    <Stack gap="sm" h={PAGE_HEIGHT} mih={520}>
      <PageHeader title="Actions">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Nouvelle action
        </Button>
      </PageHeader>
      <ActionFilterBar filters={filters} onChange={setFilters} chantiers={chantiers ?? []} people={people ?? []} />
      <Group justify="space-between">
        <Text size="sm" fw={600} role="status" aria-live="polite">
          {total === undefined ? 'Chargement…' : `${numberFormat.format(total)} action${total > 1 ? 's' : ''}`}
        </Text>
        <Text size="xs" c="dimmed">
          Entrée ouvre la fiche de l'action ; flèches haut et bas pour changer de ligne.
        </Text>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {total === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          Aucune action ne correspond à ces critères.
        </Text>
      ) : (
        <ActionsTable pages={pages} queryKey={JSON.stringify(query)} sort={sort} onSort={setSort} />
      )}
      <NewActionModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
