import { Badge, Table, Text } from '@mantine/core';
import { partnerWord } from '../../../common/partners';
import type { ReplicaStatus } from '../../../preload/contract';
import { formatDateTime, numberFormat } from '../../shared/format';
import { useAppState } from '../../app/AppContext';

/** Every ordinateur whose updates this one holds: who, which Département, how far it is known (ids: Paramètres › Ordinateurs › Détails techniques); columns named as there. */
export function ReplicasTable({ replicas }: { replicas: ReplicaStatus[] }) {
  const { partners } = useAppState();
  if (replicas.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucun ordinateur connu pour le moment.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ordinateur</Table.Th>
            <Table.Th>{partnerWord(partners)}</Table.Th>
            <Table.Th ta="right">Mises à jour</Table.Th>
            <Table.Th>Dernière mise à jour</Table.Th>
            <Table.Th>Dernier fichier reçu</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {replicas.map((replica) => (
            <Table.Tr key={replica.id}>
              <Table.Td>
                {replica.person_name ?? 'Ordinateur inconnu'}
                {replica.label ? ` — ${replica.label}` : ''}{' '}
                {replica.is_this_laptop && (
                  <Badge variant="light" size="sm">
                    cet ordinateur
                  </Badge>
                )}
                {replica.revoked && (
                  <Badge color="red" variant="light" size="sm">
                    révoqué
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{replica.partner_name ?? '—'}</Table.Td>
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
