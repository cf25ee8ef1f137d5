import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiData } from '../../api';
import { numberFormat } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { useSessionState } from '../../shared/useSessionState';
import { ActionFilterBar } from './ActionFilterBar';
import { ActionsTable } from './ActionsTable';
import { DEFAULT_SORT, NO_FILTERS, toQuery, type ActionFilters, type ActionSort } from './filters';
import { NewActionModal } from './NewActionModal';

/** Height left to the page under the app header (56 px) and the main padding. */
const PAGE_HEIGHT = 'calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))';

export function ActionsPage() {
  const [filters, setFilters] = useSessionState<ActionFilters>('actions.filters', NO_FILTERS);
  const [sort, setSort] = useSessionState<ActionSort>('actions.sort', DEFAULT_SORT);
  const [creating, setCreating] = useState(false);
  const [search] = useDebouncedValue(filters.search, 200);
  const { data: rows, error } = useApiData('queryActions', toQuery({ ...filters, search }, sort));
  const { data: chantiers } = useApiData('listChantiers');
  const { data: people } = useApiData('listPeople');

  return (
    <Stack gap="sm" h={PAGE_HEIGHT} mih={480}>
      <PageHeader title="Actions">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Nouvelle action
        </Button>
      </PageHeader>
      <Group align="flex-end" gap="md" mt={-8}>
        <TextInput
          label="Rechercher"
          type="search"
          placeholder="Titre, description, notes…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filters.search}
          onChange={(event) => setFilters({ ...filters, search: event.currentTarget.value })}
          w={360}
        />
        <Text size="sm" role="status" aria-live="polite" pb={8}>
          {rows ? `${numberFormat.format(rows.length)} action${rows.length > 1 ? 's' : ''}` : 'Chargement…'}
        </Text>
      </Group>
      <ActionFilterBar filters={filters} onChange={setFilters} chantiers={chantiers ?? []} people={people ?? []} />
      {error && <Alert color="red">{error.message}</Alert>}
      {rows && rows.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          Aucune action ne correspond à ces critères.
        </Text>
      ) : (
        <ActionsTable rows={rows ?? []} sort={sort} onSort={setSort} />
      )}
      <NewActionModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
