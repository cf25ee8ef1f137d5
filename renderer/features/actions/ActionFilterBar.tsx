import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ChantierSummary, Person } from '../../../preload/contract';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../../../db/vocabulary';
import { useAppState } from '../../app/AppContext';
import { partnerOptions } from '../../shared/people';
import { STATUS_KEYS, statusLabel, type StatusKey } from '../../shared/status';
import { hasFilters, NO_FILTERS, type ActionFilters } from './filters';

interface Props {
  filters: ActionFilters;
  onChange: (filters: ActionFilters) => void;
  chantiers: ChantierSummary[];
  people: Person[];
}

const STATUS_FILTER_OPTIONS = STATUS_KEYS.map((key) => ({ value: key, label: statusLabel(key) }));
const PRIORITY_OPTIONS = PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }));

export function ActionFilterBar({ filters, onChange, chantiers, people }: Props) {
  const { partners } = useAppState();
  const set = <K extends keyof ActionFilters>(key: K, value: ActionFilters[K]) => onChange({ ...filters, [key]: value });
  const partnerCode = new Map(partners.map((partner) => [partner.id, partner.code]));
  const personOptions = [...people]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((person) => ({ value: person.id, label: `${person.name} (${partnerCode.get(person.partner_id) ?? '?'})` }));

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SimpleGrid cols={{ base: 2, md: 3, xl: 5 }} spacing="sm" verticalSpacing="xs" style={{ flex: 1, minWidth: 320 }}>
        <MultiSelect
          label="Chantier"
          placeholder={filters.chantierIds.length ? undefined : 'Tous'}
          data={chantiers.map((c) => ({ value: c.id, label: `${c.number}. ${c.title}` }))}
          value={filters.chantierIds}
          onChange={(value) => set('chantierIds', value)}
          clearable
          searchable
          nothingFoundMessage="Aucun chantier"
        />
        <MultiSelect
          label="Statut"
          placeholder={filters.statuses.length ? undefined : 'Tous'}
          data={STATUS_FILTER_OPTIONS}
          value={filters.statuses}
          onChange={(value) => set('statuses', value as StatusKey[])}
          clearable
        />
        <MultiSelect
          label="Priorité"
          placeholder={filters.priorities.length ? undefined : 'Toutes'}
          data={PRIORITY_OPTIONS}
          value={filters.priorities}
          onChange={(value) => set('priorities', value as Priority[])}
          clearable
        />
        <Select
          label="Pilote"
          placeholder="Tous"
          data={personOptions}
          value={filters.pilotPersonId}
          onChange={(value) => set('pilotPersonId', value)}
          clearable
          searchable
          nothingFoundMessage="Personne ne correspond"
        />
        <Select
          label="Département"
          placeholder="Tous"
          data={partnerOptions(partners)}
          value={filters.partnerId}
          onChange={(value) => set('partnerId', value)}
          clearable
        />
      </SimpleGrid>
      <Group gap="md" wrap="nowrap" pb={6}>
        <Checkbox label="En retard" checked={filters.late} onChange={(e) => set('late', e.currentTarget.checked)} />
        <Checkbox
          label="Sans pilote"
          checked={filters.withoutPilot}
          onChange={(e) => set('withoutPilot', e.currentTarget.checked)}
        />
      </Group>
      <Button
        variant="subtle"
        leftSection={<IconFilterOff size={16} aria-hidden />}
        disabled={!hasFilters(filters)}
        onClick={() => onChange(NO_FILTERS)}
      >
        Effacer les filtres
      </Button>
    </Group>
  );
}
