import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ChantierBudget } from './ChantierBudget';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ChantierDetail, ChantierInput, Person } from '../../../preload/contract';
import { PRIORITY_LABELS, STAGE_LABELS, STAGES, type Stage } from '../../../common/vocabulary';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { AutosavePilotSelect } from '../../shared/autosave/AutosavePilotSelect';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { ProgressValue } from '../../shared/ProgressValue';
import { ArbitrationBadge, LateBadge, StatusBadge } from '../../shared/StatusBadge';
import { PilotHeader, PilotName } from '../../shared/PilotName';
import { useWidth } from '../../shared/useWidth';
import { NewActionModal } from '../actions/NewActionModal';
import { ConflictBadge, ConflictsAlert, useConflictsOf } from '../conflicts/RowConflicts';

const STAGE_OPTIONS = STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }));

export function ChantierPage({ id }: { id: string }) {
  const { data: chantier, error } = useApiData('getChantier', id);
  const { data: people, error: peopleError } = useApiData('listPeople');
  const failed = error ?? peopleError;
  if (failed) return <Alert color="red">{failed.message}</Alert>;
  if (!chantier || !people) return null;
  return (
    <FormSaverProvider>
      <ChantierView chantier={chantier} people={people} />
    </FormSaverProvider>
  );
}

function ChantierView({ chantier, people }: { chantier: ChantierDetail; people: Person[] }) {
  const { partners } = useAppState();
  const [creating, setCreating] = useState(false);
  useUndoShortcut();
  const update = (patch: Partial<ChantierInput>) => send('updateChantier', chantier.id, patch);
  const conflicts = useConflictsOf({ chantierId: chantier.id });

  return (
    <>
      <PageHeader title={`Chantier ${chantier.number} · ${chantier.title}`} small>
        {conflicts.length > 0 && <ConflictBadge />}
        <SaveStatus />
      </PageHeader>
      {conflicts.length > 0 && <ConflictsAlert conflicts={conflicts} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Stack>
              <AutosaveText label={fieldLabel('chantier', 'title')} required value={chantier.title} save={(title) => update({ title: title ?? '' })} />
              <AutosaveText
                label={fieldLabel('chantier', 'description')}
                multiline
                value={chantier.description}
                save={(description) => update({ description })}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Stack>
              <AutosaveSelect
                label={fieldLabel('chantier', 'stage')}
                data={STAGE_OPTIONS}
                value={chantier.stage}
                save={(stage) => update({ stage: stage as Stage })}
              />
              {partners.map((partner) => (
                <AutosavePilotSelect
                  key={partner.id}
                  label={`${fieldLabel('pilot', 'person_id')} ${partner.short_name}`}
                  people={people}
                  partnerId={partner.id}
                  value={chantier.pilots.find((pilot) => pilot.partner_id === partner.id)?.person_id ?? null}
                  save={(personId) => send('setChantierPilot', chantier.id, partner.id, personId)}
                />
              ))}
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Avancement moyen des actions
                </Text>
                <ProgressValue value={chantier.progress} />
              </div>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      <section aria-labelledby="actions-du-chantier">
        <Group justify="space-between" mt="xl" mb="sm">
          <Title order={2} size="h3" id="actions-du-chantier">
            Actions du chantier ({chantier.actions.length})
          </Title>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            Nouvelle action
          </Button>
        </Group>
        <ChantierActions chantier={chantier} />
      </section>
      <ChantierBudget chantierId={chantier.id} />
      <NewActionModal opened={creating} onClose={() => setCreating(false)} chantierId={chantier.id} />
    </>
  );
}

/** Below this width, the priorité goes under the statut and the pilotes share one column. */
const FULL_TABLE_WIDTH = 800;

function ChantierActions({ chantier }: { chantier: ChantierDetail }) {
  const { partners } = useAppState();
  const [measured, width] = useWidth<HTMLDivElement>();
  const compact = width < FULL_TABLE_WIDTH;
  if (chantier.actions.length === 0) return <Text c="dimmed">Aucune action dans ce chantier pour le moment.</Text>;
  return (
    <Table.ScrollContainer ref={measured} minWidth={compact ? 0 : FULL_TABLE_WIDTH}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>Réf.</Table.Th>
            <Table.Th>{fieldLabel('action', 'title')}</Table.Th>
            <Table.Th>{fieldLabel('action', 'status')}</Table.Th>
            {!compact && <Table.Th>{fieldLabel('action', 'priority')}</Table.Th>}
            {compact ? <Table.Th>Pilotes</Table.Th> : partners.map((partner) => <PilotHeader key={partner.id} partner={partner} />)}
            <Table.Th>Échéance</Table.Th>
            <Table.Th>{fieldLabel('action', 'progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chantier.actions.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Td fw={700}>{action.reference}</Table.Td>
              <Table.Td>
                <Anchor href={href({ page: 'action', id: action.id })}>{action.title}</Anchor>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StatusBadge status={action.status} />
                  {action.late && <LateBadge />}
                  {action.to_arbitrate && <ArbitrationBadge />}
                  {compact && action.priority && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      Priorité {PRIORITY_LABELS[action.priority].toLowerCase()}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              {!compact && <Table.Td>{action.priority ? PRIORITY_LABELS[action.priority] : '—'}</Table.Td>}
              {compact ? (
                <Table.Td>
                  <Stack gap={2}>
                    {partners.map((partner) => (
                      <Group key={partner.id} gap={6} wrap="nowrap" title={`${fieldLabel('pilot', 'person_id')} ${partner.name}`}>
                        <Text size="sm" c="dimmed" fw={700}>
                          {partner.code}
                        </Text>
                        <PilotName pilots={action.pilots} partnerId={partner.id} />
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
              ) : (
                partners.map((partner) => (
                  <Table.Td key={partner.id}>
                    <PilotName pilots={action.pilots} partnerId={partner.id} />
                  </Table.Td>
                ))
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(action.end_date)}</Table.Td>
              <Table.Td>
                <ProgressValue value={action.progress} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
