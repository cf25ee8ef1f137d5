import { Badge, Table, Text } from '@mantine/core';
import { fieldLabel } from '../../../common/fields';
import type { ReplicaStatus } from '../../../preload/contract';
import { formatDateTime, numberFormat } from '../../shared/format';

/** Every poste whose changes this one holds: who, which Département, how far it is known. */
export function ReplicasTable({ replicas }: { replicas: ReplicaStatus[] }) {
  if (replicas.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucun poste connu pour le moment.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Poste</Table.Th>
            <Table.Th>{fieldLabel('replica', 'partner_id')}</Table.Th>
            <Table.Th>Identifiant</Table.Th>
            <Table.Th ta="right">Modifications</Table.Th>
            <Table.Th>Dernière activité</Table.Th>
            <Table.Th>Dernier fichier reçu</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {replicas.map((replica) => (
            <Table.Tr key={replica.id}>
              <Table.Td>
                {replica.person_name ?? 'Poste inconnu'}
                {replica.label ? ` — ${replica.label}` : ''}{' '}
                {replica.is_this_laptop && (
                  <Badge variant="light" size="sm">
                    ce poste
                  </Badge>
                )}
                {replica.revoked && (
                  <Badge color="red" variant="light" size="sm">
                    révoqué
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{replica.partner_name ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {replica.id}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{numberFormat.format(replica.changes)}</Table.Td>
              <Table.Td>{replica.last_change_at ? formatDateTime(replica.last_change_at) : '—'}</Table.Td>
              <Table.Td>{replica.is_this_laptop ? '—' : replica.last_file_at ? formatDateTime(replica.last_file_at) : 'jamais'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
