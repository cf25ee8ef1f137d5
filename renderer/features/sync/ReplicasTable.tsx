import { Badge, Table, Text } from '@mantine/core';
import { partnerWord } from '../../../common/partners';
import type { ReplicaStatus } from '../../../preload/contract';
import { formatDateTime, numberFormat } from '../../shared/format';
import { useAppState } from '../../app/AppContext';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** What its last file said it held of this ordinateur's updates (its registration apart, SyncSummary.tsx). */
function receivedOfMine(replica: ReplicaStatus, mine: number): string {
  const received = replica.received_of_this_laptop;
  // Nothing written here yet: whether it knows this ordinateur is said above the table (SyncSummary).
  if (received === null || mine === 0) return '—';
  return received.updates >= mine ? 'toutes' : `${numberFormat.format(received.updates)} sur ${numberFormat.format(mine)}`;
}

/** Every ordinateur whose updates this one holds: who, which Département, how far it is known (ids: Paramètres › Ordinateurs › Détails techniques); columns named as there. */
export function ReplicasTable({ replicas }: { replicas: ReplicaStatus[] }) {
  const { partners } = useAppState();
  const own = replicas.find((replica) => replica.is_this_laptop);
  const mine = own ? own.changes - own.registration_changes : 0;
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
            <Table.Th>Vos mises à jour reçues</Table.Th>
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
              <Table.Td style={NO_WRAP}>{replica.partner_name ?? '—'}</Table.Td>
              <Table.Td ta="right">{numberFormat.format(replica.changes - replica.registration_changes)}</Table.Td>
              <Table.Td style={NO_WRAP}>{replica.last_change_at ? formatDateTime(replica.last_change_at) : '—'}</Table.Td>
              <Table.Td style={NO_WRAP}>{replica.is_this_laptop ? '—' : replica.last_file_at ? formatDateTime(replica.last_file_at) : 'jamais'}</Table.Td>
              <Table.Td style={NO_WRAP}>{receivedOfMine(replica, mine)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
