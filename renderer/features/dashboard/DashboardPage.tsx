import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { CooperationDashboard, DashboardPeriod } from '../../../preload/contract';
import { STAGE_LABELS } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { href } from '../../app/navigation';
import { formatDate, formatTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ProgressValue } from '../../shared/ProgressValue';
import { LateBadge, StatusBadge } from '../../shared/StatusBadge';
import { GettingStarted, isNewCooperation } from './GettingStarted';
import { KeyFigures } from './KeyFigures';
import { PERIOD_OPTIONS } from './periods';
import { ProgressChart } from './ProgressChart';

export function DashboardPage() {
  const [period, setPeriod] = useState<DashboardPeriod>('all');
  const { data, error } = useApiData('getDashboard', period);
  return (
    <>
      <PageHeader title="Tableau de bord">
        <Button variant="default" component="a" href={href({ page: 'dashboard-print', period })} leftSection={<IconPrinter size={16} aria-hidden />}>
          Imprimer le tableau de bord
        </Button>
      </PageHeader>
      {error && <Alert color="red">{error.message}</Alert>}
      <SegmentedControl
        aria-label="Période des chiffres clés"
        mb="md"
        value={period}
        onChange={(value) => setPeriod(value as DashboardPeriod)}
        data={PERIOD_OPTIONS}
      />
      {data && (
        <Stack gap="xl">
          {isNewCooperation(data) && <GettingStarted />}
          <KeyFigures figures={data.figures} />
          <ProgressChart chantiers={data.chantiers} />
          <ChantiersTable dashboard={data} />
          <WhatComesNext dashboard={data} />
        </Stack>
      )}
    </>
  );
}

function ChantiersTable({ dashboard }: { dashboard: CooperationDashboard }) {
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
              <Table.Th>Actions</Table.Th>
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
                <Table.Td>
                  {STAGE_LABELS[chantier.stage]}
                  {chantier.stage_since && (
                    <Text size="xs" c="dimmed">
                      depuis le {formatDate(chantier.stage_since)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{chantier.counts.total}</Table.Td>
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

/** Échéances of the next 30 days, the next meetings, the décisions nobody follows up yet. */
function WhatComesNext({ dashboard }: { dashboard: CooperationDashboard }) {
  const { deadlines, meetings, unfollowed_decisions: decisions } = dashboard;
  return (
    <section aria-labelledby="a-venir">
      <Title order={2} size="h4" id="a-venir" mb="xs">
        À venir
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="echeances">
          <Title order={3} size="h5" id="echeances" mb="xs">
            Échéances des 30 prochains jours
          </Title>
          {deadlines.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucune action à terminer d&apos;ici 30 jours.
            </Text>
          ) : (
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {deadlines.map((deadline) => (
                <li key={deadline.id}>
                  <Group gap="xs" wrap="nowrap" align="baseline">
                    <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(deadline.end_date)}
                    </Text>
                    <Anchor size="sm" href={href({ page: 'action', id: deadline.id })}>
                      {deadline.reference} {deadline.title}
                    </Anchor>
                  </Group>
                  <StatusBadge status={deadline.status} />
                </li>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prochaines-reunions">
          <Title order={3} size="h5" id="prochaines-reunions" mb="xs">
            Prochaines réunions
          </Title>
          {meetings.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucune réunion prévue.
            </Text>
          ) : (
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {meetings.map((meeting) => (
                <li key={meeting.id}>
                  <Text size="sm" fw={700}>
                    {formatDate(meeting.date)} à {formatTime(meeting.start_time)}
                  </Text>
                  <Anchor size="sm" href={href({ page: 'meeting', id: meeting.id })}>
                    {meeting.title}
                  </Anchor>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decisions-non-suivies">
          <Title order={3} size="h5" id="decisions-non-suivies" mb="xs">
            Décisions sans action de suivi ({decisions.length})
          </Title>
          {decisions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {dashboard.decision_count === 0 ? 'Aucune décision.' : 'Toutes les décisions ont une action de suivi.'}
            </Text>
          ) : (
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {decisions.slice(0, 8).map((decision) => (
                <li key={decision.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {decision.reference}
                    </Text>
                    {decision.draft && (
                      <Badge size="xs" variant="outline" color="gray" title="Décision d'un compte rendu pas encore validé">
                        projet
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" lineClamp={2}>
                    {decision.text}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
          {decisions.length > 0 && (
            <Anchor size="sm" href={href({ page: 'decisions' })} mt="xs" display="inline-block">
              Voir le registre des décisions
            </Anchor>
          )}
        </Paper>
      </SimpleGrid>
    </section>
  );
}
