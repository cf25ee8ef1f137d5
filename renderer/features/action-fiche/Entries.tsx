import { Group, Stack, Table, Text, VisuallyHidden, type MantineSpacing } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { RemoveButton } from '../../shared/RemoveButton';

/** « Aucun … pour le moment. », where one of the fiche's lists has nothing yet. */
export function NoEntries({ children, mt }: { children: ReactNode; mt?: MantineSpacing }) {
  return (
    <Text c="dimmed" size="sm" mt={mt}>
      {children}
    </Text>
  );
}

/** A list of the fiche (steps, links, élus…), each entry an `li`; unstyled, read as a list. */
export function EntryList({ empty, ordered, label, children }: { empty: string; ordered?: boolean; label?: string; children: ReactNode[] }) {
  if (children.length === 0) return <NoEntries>{empty}</NoEntries>;
  return (
    <Stack gap={4} component={ordered ? 'ol' : 'ul'} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={label}>
      {children}
    </Stack>
  );
}

/** An entry of an EntryList, its delete button at the end of the line. */
export function RemovableEntry({ children, remove }: { children: ReactNode; remove: ComponentProps<typeof RemoveButton> }) {
  return (
    <Group component="li" justify="space-between" wrap="nowrap" gap="xs">
      {children}
      <RemoveButton {...remove} />
    </Group>
  );
}

interface Column {
  title: string;
  numeric?: boolean;
}

interface EntryTableProps<T> {
  /** The table's accessible name. */
  label: string;
  empty: string;
  columns: Column[];
  entries: T[];
  /** An entry's cells, but the last. */
  cells: (entry: T) => ReactNode;
  /** The last cell: the entry's delete button. */
  remove: (entry: T) => ComponentProps<typeof RemoveButton>;
  mt?: MantineSpacing;
}

/** A table of the fiche (budget lines, funders, measured values), each row ending with its delete button. */
export function EntryTable<T extends { id: string }>({ label, empty, columns, entries, cells, remove, mt }: EntryTableProps<T>) {
  if (entries.length === 0) return <NoEntries mt={mt}>{empty}</NoEntries>;
  return (
    <Table mt={mt} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.title} ta={column.numeric ? 'right' : undefined}>
              {column.title}
            </Table.Th>
          ))}
          <Table.Th>
            <VisuallyHidden>Supprimer</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            {cells(entry)}
            <Table.Td>
              <RemoveButton {...remove(entry)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
