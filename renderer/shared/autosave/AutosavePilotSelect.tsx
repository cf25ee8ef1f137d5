import { Text, type ComboboxItem, type SelectProps } from '@mantine/core';
import type { ApiResult, Person } from '../../../preload/contract';
import { AutosaveSelect } from './AutosaveFields';

interface Props {
  label: string;
  people: Person[];
  /** Only this partner's people can pilot on its behalf. */
  partnerId: string;
  value: string | null;
  save: (personId: string | null) => Promise<ApiResult<unknown>>;
}

type PersonItem = ComboboxItem & { fonction: string | null };

/** The list shows each person's function; the field itself shows the name only, so it fits. */
const renderPerson: SelectProps['renderOption'] = ({ option }) => (
  <div>
    <Text size="sm">{option.label}</Text>
    {(option as PersonItem).fonction && (
      <Text size="xs" c="dimmed">
        {(option as PersonItem).fonction}
      </Text>
    )}
  </div>
);

/** The pilote of one partner: a person of that partner, or none (« Sans pilote »). */
export function AutosavePilotSelect({ label, people, partnerId, value, save }: Props) {
  const options: PersonItem[] = people
    .filter((person) => person.partner_id === partnerId)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((person) => ({ value: person.id, label: person.name, fonction: person.function }));
  return <AutosaveSelect label={label} data={options} value={value} save={save} clearable placeholder="Sans pilote" renderOption={renderPerson} />;
}
