// The filters above a list (actions, décisions, pistes, the matrice): one shape for the bar
// and its fields, so that each page writes only which filters it has.
import { Button, Group, MultiSelect, Select, TextInput, type GroupProps, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { ChantierSummary } from '../../preload/contract';
import classes from './FilterBar.module.css';

/** The row of filters, aligned on their inputs; `label` names it as a search landmark. */
export function FilterBar({ label, children, ...props }: GroupProps & { label?: string }) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role={label ? 'search' : undefined} aria-label={label} {...props}>
      {children}
    </Group>
  );
}

/** A list opening under its field, wider than it, for long labels. */
const wideList = (width: number) => ({ width, position: 'bottom-start' as const });

interface FilterChoiceProps {
  /** What the empty filter says: everything goes through (« Tous », « Toutes les finalités »). */
  all: string;
  /** The open list's width when its labels are longer than the field. */
  listWidth?: number;
}

/** A filter on one value, emptied by its cross. */
export function FilterSelect({ all, listWidth, ...props }: SelectProps & FilterChoiceProps) {
  return <Select placeholder={all} classNames={{ input: classes.allInput }} clearable comboboxProps={listWidth ? wideList(listWidth) : undefined} {...props} />;
}

/** A filter on several values; « Tous » only while none is chosen, not after the chosen ones. */
export function FilterMultiSelect({ all, listWidth, ...props }: MultiSelectProps & FilterChoiceProps) {
  return (
    <MultiSelect
      placeholder={props.value?.length ? undefined : all}
      classNames={{ input: classes.allInput }}
      clearable
      comboboxProps={listWidth ? wideList(listWidth) : undefined}
      {...props}
    />
  );
}

/** The chantiers as every chantier filter offers them: « 3. Titre », found by typing. */
export const chantierChoices = (chantiers: ChantierSummary[] | undefined) => ({
  data: (chantiers ?? []).map((chantier) => ({ value: chantier.id, label: `${chantier.number}. ${chantier.title}` })),
  searchable: true,
  nothingFoundMessage: 'Aucun chantier',
  listWidth: 420,
});

interface ChantierFilterProps {
  chantiers: ChantierSummary[] | undefined;
  value: string | null;
  onChange: (value: string | null) => void;
  w: number;
}

/** One chantier, or all of them. */
export function ChantierFilter({ chantiers, value, onChange, w }: ChantierFilterProps) {
  return <FilterSelect label="Chantier" all="Tous les chantiers" {...chantierChoices(chantiers)} value={value} onChange={onChange} w={w} />;
}

interface SearchFilterProps {
  /** Where the words are looked for (« Titre, description, notes… »). */
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  w: number;
}

/** The words to look for. */
export function SearchFilter({ placeholder, value, onChange, w }: SearchFilterProps) {
  return (
    <TextInput
      label="Rechercher"
      type="search"
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={w}
    />
  );
}

/** Back to the whole list; disabled while nothing is filtered. */
export function ClearFiltersButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  return (
    <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} disabled={disabled} onClick={onClick}>
      Effacer les filtres
    </Button>
  );
}
