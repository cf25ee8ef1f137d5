import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import { STAGE_LABELS } from '../../../common/vocabulary';
import { useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href } from '../../app/navigation';
import { PageHeader } from '../../shared/PageHeader';
import { PilotHeader, PilotName } from '../../shared/PilotName';
import { LateBadge } from '../../shared/StatusBadge';
import { StatusCounts } from '../../shared/StatusCounts';
import { NewChantierModal } from './NewChantierModal';

export function ChantiersPage() {
  const { partners } = useAppState();
  const { data: chantiers, error } = useApiData('listChantiers');
  const [creating, setCreating] = useState(false);
  const nextNumber = Math.max(0, ...(chantiers ?? []).map((chantier) => chantier.number)) + 1;
  return (
    <>
      <PageHeader title="Chantiers">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Nouveau chantier
        </Button>
      </PageHeader>
      <NewChantierModal opened={creating} onClose={() => setCreating(false)} nextNumber={nextNumber} />
      {error && <Alert color="red">{error.message}</Alert>}
      {chantiers && (
        // Every column in a window of 900 pixels (the navigation then a rail of icons); a scroll bar below.
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>N°</Table.Th>
                <Table.Th>{fieldLabel('chantier', 'title')}</Table.Th>
                <Table.Th>{fieldLabel('chantier', 'stage')}</Table.Th>
                {partners.map((partner) => (
                  <PilotHeader key={partner.id} partner={partner} />
                ))}
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chantiers.map((chantier) => (
                <Table.Tr key={chantier.id}>
                  <Table.Td fw={700}>{chantier.number}</Table.Td>
                  <Table.Td>
                    <Anchor href={href({ page: 'chantier', id: chantier.id })}>{chantier.title}</Anchor>
                  </Table.Td>
                  <Table.Td>{STAGE_LABELS[chantier.stage]}</Table.Td>
                  {partners.map((partner) => (
                    <Table.Td key={partner.id}>
                      <PilotName pilots={chantier.pilots} partnerId={partner.id} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Group gap="xs" mb={4}>
                      <Text size="sm">
                        {chantier.counts.total} action{chantier.counts.total > 1 ? 's' : ''}
                      </Text>
                      {chantier.counts.late > 0 && <LateBadge count={chantier.counts.late} />}
                    </Group>
                    <StatusCounts counts={chantier.counts.by_status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
