import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { fieldLabel } from '../../../common/fields';
import type { Dashboard } from '../../../preload/contract';
import { STAGE_LABELS } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { formatDate, numberFormat } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ProgressValue } from '../../shared/ProgressValue';
import { LateBadge } from '../../shared/StatusBadge';
import { StatusCounts } from '../../shared/StatusCounts';
import { ProgressChart } from './ProgressChart';

export function DashboardPage() {
  const { data, error } = useApiData('getDashboard');
  return (
    <>
      <PageHeader title="Tableau de bord" />
      {error && <Alert color="red">{error.message}</Alert>}
      {data && (
        <Stack gap="xl">
          <Totals dashboard={data} />
          <ProgressChart chantiers={data.chantiers} />
          <ChantiersTable dashboard={data} />
        </Stack>
      )}
    </>
  );
}

function Totals({ dashboard }: { dashboard: Dashboard }) {
  const { totals } = dashboard;
  const figures = [
    { label: 'Actions', value: totals.actions },
    { label: 'En cours', value: totals.by_status.en_cours },
    { label: 'Réalisées', value: totals.by_status.realise },
    { label: 'En retard', value: totals.late },
    { label: 'Sans pilote', value: totals.without_pilot },
  ];
  return (
    <section aria-labelledby="totaux">
      <Title order={2} size="h4" id="totaux" mb="xs">
        Totaux au {formatDate(dashboard.today)}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {figures.map((figure) => (
          <Paper key={figure.label} withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              {figure.label}
            </Text>
            <Text fz={28} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {numberFormat.format(figure.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

function ChantiersTable({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section aria-labelledby="par-chantier">
      <Title order={2} size="h4" id="par-chantier" mb="xs">
        Par chantier
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>N°</Table.Th>
              <Table.Th>Chantier</Table.Th>
              <Table.Th>{fieldLabel('chantier', 'stage')}</Table.Th>
              <Table.Th>Actions par statut</Table.Th>
              <Table.Th>Avancement</Table.Th>
              <Table.Th>En retard</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.chantiers.map((chantier) => (
              <Table.Tr key={chantier.id}>
                <Table.Td fw={700}>{chantier.number}</Table.Td>
                <Table.Td>
                  <Anchor href={href({ page: 'chantier', id: chantier.id })}>{chantier.title}</Anchor>
                </Table.Td>
                <Table.Td>{STAGE_LABELS[chantier.stage]}</Table.Td>
                <Table.Td>
                  <StatusCounts counts={chantier.counts.by_status} />
                </Table.Td>
                <Table.Td>
                  <ProgressValue value={chantier.progress} />
                </Table.Td>
                <Table.Td>
                  {chantier.counts.late > 0 ? (
                    <LateBadge count={chantier.counts.late} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      Aucune
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
