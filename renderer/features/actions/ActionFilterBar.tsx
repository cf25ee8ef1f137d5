import { Checkbox, Group } from '@mantine/core';
import { fieldLabel } from '../../../common/fields';
import type { ChantierSummary, Person } from '../../../preload/contract';
import { PRIORITIES, PRIORITY_LABELS } from '../../../common/vocabulary';
import { useAppState } from '../../app/AppContext';
import { chantierChoices, ClearFiltersButton, FilterBar, FilterMultiSelect, FilterSelect, SearchFilter } from '../../shared/FilterBar';
import { partnerOptions } from '../../shared/people';
import { STATUS_KEYS, statusLabel } from '../../shared/status';
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
  /** A multiple choice's values and change on one key of the filters. */
  const field = <K extends 'chantierIds' | 'statuses' | 'priorities'>(key: K) => ({
    value: filters[key],
    onChange: (value: string[]) => set(key, value as ActionFilters[K]),
  });
  const partnerCode = new Map(partners.map((partner) => [partner.id, partner.code]));
  const personOptions = [...people]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((person) => ({ value: person.id, label: `${person.name} (${partnerCode.get(person.partner_id) ?? '?'})` }));

  return (
    <FilterBar>
      <SearchFilter placeholder="Titre, description, notes…" value={filters.search} onChange={(value) => set('search', value)} w={280} />
      <FilterMultiSelect label={fieldLabel('action', 'chantier_id')} all="Tous" {...chantierChoices(chantiers)} {...field('chantierIds')} w={220} />
      <FilterMultiSelect label={fieldLabel('action', 'status')} all="Tous" data={STATUS_FILTER_OPTIONS} {...field('statuses')} w={200} />
      <FilterMultiSelect label={fieldLabel('action', 'priority')} all="Toutes" data={PRIORITY_OPTIONS} {...field('priorities')} w={170} />
      <FilterSelect
        label={fieldLabel('pilot', 'person_id')}
        all="Tous"
        data={personOptions}
        value={filters.pilotPersonId}
        onChange={(value) => set('pilotPersonId', value)}
        searchable
        nothingFoundMessage="Personne ne correspond"
        w={200}
      />
      <FilterSelect
        label={fieldLabel('pilot', 'partner_id')}
        all="Tous"
        data={partnerOptions(partners)}
        value={filters.partnerId}
        onChange={(value) => set('partnerId', value)}
        w={240}
      />
      <Group gap="md" wrap="nowrap" h={36}>
        <Checkbox label="En retard" checked={filters.late} onChange={(e) => set('late', e.currentTarget.checked)} />
        <Checkbox label="Sans pilote" checked={filters.withoutPilot} onChange={(e) => set('withoutPilot', e.currentTarget.checked)} />
      </Group>
      <ClearFiltersButton disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS)} />
    </FilterBar>
  );
}
