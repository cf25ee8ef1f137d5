import { Table, Text } from '@mantine/core';
import type { JournalEntry } from '../../../preload/contract';
import { formatDateTime } from '../../shared/format';
import { journalTitle } from './describe';

export function JournalTable({ entries }: { entries: JournalEntry[] }) {
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune synchronisation pour le moment.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560} mah={360}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>Date</Table.Th>
            <Table.Th>Opération</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td c={entry.kind === 'error' ? 'var(--mantine-color-error)' : undefined}>{journalTitle(entry)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
