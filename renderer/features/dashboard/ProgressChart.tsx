import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import type { YAxisTickContentProps } from 'recharts';
import type { ChantierSummary } from '../../../preload/contract';
import { STATUS_KEYS, statusFill, statusLabel } from '../../shared/status';

/** Characters of a line of the axis, two lines a chantier. */
const AXIS_CHARACTERS = 40;

/**
 * « 4 · Les ressources humaines » on one or two lines, cut at a space, the second ending with
 * « … » if the name is longer: a number alone sends the reader to another table.
 */
function axisLines(name: string): string[] {
  const lines: string[] = [];
  let rest = name;
  while (rest.length > 0 && lines.length < 2) {
    if (rest.length <= AXIS_CHARACTERS) {
      lines.push(rest);
      rest = '';
      break;
    }
    const space = rest.lastIndexOf(' ', AXIS_CHARACTERS);
    const cut = space > 0 ? space : AXIS_CHARACTERS;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) lines[1] = `${lines[1].slice(0, AXIS_CHARACTERS - 1).trimEnd()}…`;
  return lines;
}

/** A chantier's name beside its bar, as Mantine draws the axis (12 px, 10 px from it), on two lines when long. */
function ChantierTick({ x, y, payload }: YAxisTickContentProps) {
  const lines = axisLines(String(payload.value));
  return (
    <text x={x} y={y} transform="translate(-10, 0)" textAnchor="end" fontSize={12} fill="currentColor">
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index > 0 ? '1.2em' : lines.length > 1 ? '-0.25em' : '0.35em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Each chantier's actions as one horizontal bar stacked by statut. Its table equivalent is
 * always in the page: hidden from the eye but read by screen readers, shown with « Voir en tableau ».
 */
export function ProgressChart({ chantiers }: { chantiers: ChantierSummary[] }) {
  const [asTable, setAsTable] = useState(false);
  const data = chantiers.map((chantier) => ({ chantier: `${chantier.number} · ${chantier.title}`, ...chantier.counts.by_status }));
  const keys = STATUS_KEYS.filter((key) => chantiers.some((c) => c.counts.by_status[key] > 0));
  const series = keys.map((key) => ({ name: key, label: statusLabel(key), color: statusFill(key) }));
  const table = <StatusTable chantiers={chantiers} keys={keys} />;
  // No action at all yet (a new cooperation): empty axes would say nothing.
  const empty = keys.length === 0;
  return (
    <section aria-labelledby="graphique">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="graphique">
          Actions par statut et par chantier
        </Title>
        {!empty && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconTable size={14} aria-hidden />}
            onClick={() => setAsTable((shown) => !shown)}
            aria-pressed={asTable}
          >
            {asTable ? 'Voir le graphique' : 'Voir en tableau'}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        {empty ? (
          <Text size="sm">Aucune action pour le moment&#x202f;: créez-en depuis l&apos;écran Actions.</Text>
        ) : asTable ? (
          table
        ) : (
          <figure style={{ margin: 0 }}>
            <div aria-hidden data-testid="graphique-statuts">
              <BarChart
                h={Math.max(160, 40 * chantiers.length + 60)}
                data={data}
                dataKey="chantier"
                type="stacked"
                orientation="vertical"
                series={series}
                withLegend
                legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
                tickLine="x"
                xAxisProps={{ allowDecimals: false, domain: [0, 'dataMax'] }}
                yAxisProps={{ width: 280, tick: ChantierTick }}
                tooltipAnimationDuration={0}
                accessibilityLayer={false}
              />
            </div>
            <Text component="figcaption" size="sm" c="dimmed" mt="sm">
              Nombre d&apos;actions de chaque chantier, par statut.
            </Text>
            <VisuallyHidden>{table}</VisuallyHidden>
          </figure>
        )}
      </Paper>
    </section>
  );
}

/** The chart's figures: one row per chantier, one column per statut present; no scroll container, which would need the keyboard's focus. */
function StatusTable({ chantiers, keys }: { chantiers: ChantierSummary[]; keys: typeof STATUS_KEYS }) {
  return (
    <Table striped withTableBorder aria-label="Actions par statut et par chantier">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Chantier</Table.Th>
          {keys.map((key) => (
            <Table.Th key={key} scope="col" ta="right">
              {statusLabel(key)}
            </Table.Th>
          ))}
          <Table.Th scope="col" ta="right">
            Total
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {chantiers.map((chantier) => (
          <Table.Tr key={chantier.id}>
            <Table.Th scope="row" fw={500}>
              {chantier.number} · {chantier.title}
            </Table.Th>
            {keys.map((key) => (
              <Table.Td key={key} ta="right">
                {chantier.counts.by_status[key]}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700}>
              {chantier.counts.total}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
