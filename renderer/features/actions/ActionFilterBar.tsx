import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { fieldLabel } from '../../../common/fields';
import type { ChantierSummary, Person } from '../../../preload/contract';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../../../common/vocabulary';
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

/** Search and filters of the actions table; a filter left empty lets everything through. */
export function ActionFilterBar({ filters, onChange, chantiers, people }: Props) {
  const { partners } = useAppState();
  const set = <K extends keyof ActionFilters>(key: K, value: ActionFilters[K]) => onChange({ ...filters, [key]: value });
  const partnerCode = new Map(partners.map((partner) => [partner.id, partner.code]));
  const personOptions = [...people]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((person) => ({ value: person.id, label: `${person.name} (${partnerCode.get(person.partner_id) ?? '?'})` }));
  const allLabel = (values: unknown[], label = 'Tous') => (values.length ? undefined : label);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Rechercher"
        type="search"
        placeholder="Titre, description, notes…"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filters.search}
        onChange={(event) => set('search', event.currentTarget.value)}
        w={280}
      />
      <MultiSelect
        label={fieldLabel('action', 'chantier_id')}
        placeholder={allLabel(filters.chantierIds)}
        data={chantiers.map((c) => ({ value: c.id, label: `${c.number}. ${c.title}` }))}
        value={filters.chantierIds}
        onChange={(value) => set('chantierIds', value)}
        clearable
        searchable
        nothingFoundMessage="Aucun chantier"
        w={220}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
      />
      <MultiSelect
        label={fieldLabel('action', 'status')}
        placeholder={allLabel(filters.statuses)}
        data={STATUS_FILTER_OPTIONS}
        value={filters.statuses}
        onChange={(value) => set('statuses', value as StatusKey[])}
        clearable
        w={200}
      />
      <MultiSelect
        label={fieldLabel('action', 'priority')}
        placeholder={allLabel(filters.priorities, 'Toutes')}
        data={PRIORITY_OPTIONS}
        value={filters.priorities}
        onChange={(value) => set('priorities', value as Priority[])}
        clearable
        w={170}
      />
      <Select
        label={fieldLabel('pilot', 'person_id')}
        placeholder="Tous"
        data={personOptions}
        value={filters.pilotPersonId}
        onChange={(value) => set('pilotPersonId', value)}
        clearable
        searchable
        nothingFoundMessage="Personne ne correspond"
        w={200}
      />
      <Select
        label={fieldLabel('pilot', 'partner_id')}
        placeholder="Tous"
        data={partnerOptions(partners)}
        value={filters.partnerId}
        onChange={(value) => set('partnerId', value)}
        clearable
        w={240}
      />
      <Group gap="md" wrap="nowrap" h={36}>
        <Checkbox label="En retard" checked={filters.late} onChange={(e) => set('late', e.currentTarget.checked)} />
        <Checkbox label="Sans pilote" checked={filters.withoutPilot} onChange={(e) => set('withoutPilot', e.currentTarget.checked)} />
      </Group>
      <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS)}>
        Effacer les filtres
      </Button>
    </Group>
  );
}
