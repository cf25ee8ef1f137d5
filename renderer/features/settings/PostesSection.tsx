import { Badge, Button, Code, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { partnerWord } from '../../../common/partners';
import { useAppState } from '../../app/AppContext';
import { Disclosure } from '../../shared/Disclosure';
import type { ReplicaStatus } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { formatDateTime, numberFormat } from '../../shared/format';

/**
 * The ordinateurs of the project (what the code calls replicas), and revoking a lost or
 * departed one. Their ids and key fingerprints (to compare by phone with the one an
 * ordinateur's Synchronisation screen shows) wait in « Détails techniques », for the administrator.
 */
export function PostesSection() {
  const { data: status } = useApiData('getSyncStatus');
  const [revoking, setRevoking] = useState<ReplicaStatus | null>(null);
  const [error, setError] = useState<string>();
  const { partners } = useAppState();
  if (!status) return null;

  async function revoke(computer: ReplicaStatus) {
    const result = await send('revokePoste', computer.id);
    if (!result.ok) return setError(result.error.message);
    setRevoking(null);
    notifications.show({
      color: 'teal',
      title: 'Ordinateur révoqué',
      message: 'Ce qu’il écrirait désormais sera refusé par chaque ordinateur qui recevra la révocation.',
    });
  }

  const name = (computer: ReplicaStatus) => `${computer.person_name ?? 'Ordinateur inconnu'}${computer.label ? ` — ${computer.label}` : ''}`;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Chaque ordinateur signe ce qu'il écrit avec sa propre clé. Révoquez un ordinateur perdu, volé ou rendu&#x202f;: les mises à jour qu'il écrirait après la
        dernière reçue ici seront refusées par tous les autres&#x202f;; ce qu'il a écrit avant reste.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ordinateur</Table.Th>
              <Table.Th>{partnerWord(partners)}</Table.Th>
              <Table.Th>Dernière mise à jour</Table.Th>
              <Table.Th>Révocation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.replicas.map((computer) => (
              <Table.Tr key={computer.id}>
                <Table.Td>
                  {name(computer)}{' '}
                  {computer.is_this_laptop && (
                    <Badge variant="light" size="sm">
                      cet ordinateur
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{computer.partner_name ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{computer.last_change_at ? formatDateTime(computer.last_change_at) : '—'}</Table.Td>
                <Table.Td>
                  {computer.revoked ? (
                    <Text size="sm" c="red">
                      Révoqué par {computer.revoked.by} le {formatDateTime(computer.revoked.at)}
                    </Text>
                  ) : (
                    !computer.is_this_laptop && (
                      <Button size="xs" variant="default" color="red" onClick={() => setRevoking(computer)}>
                        Révoquer…
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TechnicalDetails replicas={status.replicas} name={name} />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} size="lg" title="Révoquer cet ordinateur ?">
        {revoking && (
          <Stack gap="sm">
            <Text size="sm">
              L'ordinateur de {name(revoking)} ({revoking.partner_name ?? 'partenaire inconnu'})&#x202f;:
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>ce qu'il a écrit et que cet ordinateur-ci a déjà reçu est conservé, partout&#x202f;;</List.Item>
              <List.Item>
                le reste (ce qu'il a écrit sans que cet ordinateur-ci l'ait encore reçu, et tout ce qu'il écrira) restera sans effet sur chaque ordinateur qui
                recevra cette révocation, y compris sur ceux qui l'avaient déjà reçu&#x202f;;
              </List.Item>
              <List.Item>la révocation est définitive&#x202f;: pour revenir, il devra rejoindre la coopération par une nouvelle invitation.</List.Item>
            </List>
            {error && (
              <Text size="sm" c="red">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                Annuler
              </Button>
              <Button color="red" onClick={() => void revoke(revoking)}>
                Révoquer l'ordinateur
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** Which of a revoked ordinateur's updates the others refuse. */
function revocationCell(revoked: ReplicaStatus['revoked']): string {
  if (!revoked) return '—';
  return revoked.after === 0 ? 'toutes refusées' : `refusées au-delà de la ${numberFormat.format(revoked.after)}\u1d49`;
}

/** For the administrator: each ordinateur's identifier, its key's fingerprint, how many of its updates are held here. */
function TechnicalDetails({ replicas, name }: { replicas: ReplicaStatus[]; name: (computer: ReplicaStatus) => string }) {
  return (
    <Disclosure title="Détails techniques">
      <Text size="sm" c="dimmed" my="xs">
        Pour vérifier un ordinateur, comparez par téléphone l'empreinte de sa clé avec celle que son écran Synchronisation affiche.
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ordinateur</Table.Th>
              <Table.Th>Identifiant</Table.Th>
              <Table.Th>Empreinte de la clé</Table.Th>
              <Table.Th ta="right">Mises à jour reçues</Table.Th>
              <Table.Th>Révocation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {replicas.map((computer) => (
              <Table.Tr key={computer.id}>
                <Table.Td>{name(computer)}</Table.Td>
                <Table.Td>
                  <Code>{computer.id}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {computer.fingerprint ?? 'aucune (version antérieure à 0.3)'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{numberFormat.format(computer.changes)}</Table.Td>
                <Table.Td>{revocationCell(computer.revoked)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Disclosure>
  );
}
