import { BarChart } from '@mantine/charts';
import { Paper, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ChantierSummary } from '../../../preload/contract';
import { STATUS_KEYS, statusFill, statusLabel } from '../../shared/status';

/** Actions of each chantier stacked by statut; the sentence below is its text alternative. */
export function ProgressChart({ chantiers }: { chantiers: ChantierSummary[] }) {
  const data = chantiers.map((chantier) => ({ chantier: `Chantier ${chantier.number}`, ...chantier.counts.by_status }));
  const series = STATUS_KEYS.filter((key) => chantiers.some((c) => c.counts.by_status[key] > 0)).map((key) => ({
    name: key,
    label: statusLabel(key),
    color: statusFill(key),
  }));
  return (
    <section aria-labelledby="graphique">
      <Title order={2} size="h4" id="graphique" mb="xs">
        Actions par statut et par chantier
      </Title>
      <Paper withBorder p="md" radius="md">
        <figure style={{ margin: 0 }}>
          <div aria-hidden>
            <BarChart
              h={280}
              data={data}
              dataKey="chantier"
              type="stacked"
              series={series}
              withLegend
              legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
              tickLine="y"
              yAxisProps={{ allowDecimals: false }}
              tooltipAnimationDuration={0}
              accessibilityLayer={false}
            />
          </div>
          <Text component="figcaption" size="sm" c="dimmed" mt="sm">
            Les chiffres détaillés figurent dans le tableau «&#x202f;Par chantier&#x202f;» ci-dessous.
            <VisuallyHidden>{describe(chantiers)}</VisuallyHidden>
          </Text>
        </figure>
      </Paper>
    </section>
  );
}

/** « Chantier 1 : 2 actions (1 En cours, 1 À venir) ; … » */
function describe(chantiers: ChantierSummary[]): string {
  return chantiers
    .map((chantier) => {
      const parts = STATUS_KEYS.filter((key) => chantier.counts.by_status[key] > 0).map((key) => `${chantier.counts.by_status[key]} ${statusLabel(key)}`);
      const total = `${chantier.counts.total} action${chantier.counts.total > 1 ? 's' : ''}`;
      return `Chantier ${chantier.number}\u202f: ${total}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    })
    .join(' ; ')
    .concat('.');
}
