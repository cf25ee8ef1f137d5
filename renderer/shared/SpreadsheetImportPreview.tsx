import { Alert, List, ScrollArea, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { frenchTypography } from '../../common/french';

// The parts every spreadsheet import shows before anything is written (plan d'actions, pistes):
// the mapping of the file's columns, its errors or warnings, and each line as it will be created.

/** Beyond this, the table says how many more lines there are: the errors list names them all the same. */
const SHOWN_LINES = 200;
const SHOWN_MESSAGES = 30;
const IGNORED = '';

interface ColumnMappingProps<F extends string> {
  headers: string[];
  /** The field of each header, by position; null: not imported. */
  mapping: (F | null)[];
  /** The fields a column can fill, in French. */
  fields: { field: F; label: string }[];
  onChange: (header: string, field: F | null) => void;
}

/** « Correspondance des colonnes »: one select a column of the file, « Ne pas importer » first. */
export function ColumnMapping<F extends string>({ headers, mapping, fields, onChange }: ColumnMappingProps<F>) {
  const options = [{ value: IGNORED, label: 'Ne pas importer' }, ...fields.map(({ field, label }) => ({ value: field, label }))];
  return (
    <>
      <Title order={2} size="h5">
        Correspondance des colonnes
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {headers.map((header, index) => (
          <Select
            key={`${index}:${header}`}
            label={header || `Colonne ${index + 1}`}
            data={options}
            value={mapping[index] ?? IGNORED}
            onChange={(value) => onChange(header, value ? (value as F) : null)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </SimpleGrid>
    </>
  );
}

interface MessagesAlertProps {
  color: 'red' | 'yellow';
  title: string;
  messages: string[];
}

/** The first messages of an import as a list, then how many more; red ones are announced to screen readers. */
export function ImportMessages({ color, title, messages }: MessagesAlertProps) {
  return (
    <Alert color={color} title={title} role={color === 'red' ? 'alert' : undefined}>
      <List size="sm" spacing={2}>
        {messages.slice(0, SHOWN_MESSAGES).map((message) => (
          <List.Item key={message}>{frenchTypography(message)}</List.Item>
        ))}
      </List>
      {messages.length > SHOWN_MESSAGES && <Text size="sm">… et {messages.length - SHOWN_MESSAGES} autre(s).</Text>}
    </Alert>
  );
}

/** The errors that forbid the import, or else `ready` (the caller's « N prêtes à importer »). */
export function ImportErrors({ errors, ready }: { errors: string[]; ready: ReactNode }) {
  if (errors.length === 0) return <>{ready}</>;
  const title = `${errors.length} erreur${errors.length > 1 ? 's' : ''}\u202f: rien ne peut être importé`;
  return <ImportMessages color="red" title={title} messages={errors} />;
}

interface PreviewTableProps<R> {
  /** Every column's header, « Ligne » first, the messages' last. */
  columns: string[];
  rows: R[];
  rowKey: (row: R) => string;
  /** A refused line is shown in red. */
  refused: (row: R) => boolean;
  /** The cells of every column but the last. */
  cells: (row: R) => ReactNode;
  /** The line's errors and remarks, each still prefixed with its line. */
  messages: (row: R) => string[];
}

/** « Aperçu : N lignes »: each line of the file as it will be created, with its errors. */
export function ImportPreviewTable<R>({ columns, rows, rowKey, refused, cells, messages }: PreviewTableProps<R>) {
  const count = rows.length;
  return (
    <>
      <Title order={2} size="h5">
        Aperçu&#x202f;: {count} ligne{count > 1 ? 's' : ''}
      </Title>
      <ScrollArea.Autosize mah={360}>
        <Table striped stickyHeader aria-label="Aperçu de l'import">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN_LINES).map((row) => (
              <Table.Tr key={rowKey(row)} c={refused(row) ? 'red' : undefined}>
                {cells(row)}
                <Table.Td>
                  {messages(row).map((message) => (
                    // The line is already in the first column.
                    <div key={message}>{frenchTypography(message.replace(/^(?:Feuille « .* », ligne|Ligne) \d+ : /, ''))}</div>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {count > SHOWN_LINES && (
        <Text size="sm" c="dimmed">
          … et {count - SHOWN_LINES} ligne(s) de plus, importées de même.
        </Text>
      )}
    </>
  );
}
