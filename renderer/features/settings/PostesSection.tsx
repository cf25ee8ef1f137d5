import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ReplicaStatus } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { formatDateTime, numberFormat } from '../../shared/format';

/**
 * The postes of the project, with the fingerprint of each one's key (to compare by phone
 * with the fingerprint its Synchronisation screen shows), and revoking a lost or departed one.
 */
export function PostesSection() {
  const { data: status } = useApiData('getSyncStatus');
  const [revoking, setRevoking] = useState<ReplicaStatus | null>(null);
  const [error, setError] = useState<string>();
  if (!status) return null;

  async function revoke(poste: ReplicaStatus) {
    const result = await send('revokePoste', poste.id);
    if (!result.ok) return setError(result.error.message);
    setRevoking(null);
    notifications.show({
      color: 'teal',
      title: 'Poste révoqué',
      message: `Les modifications de ce poste après la n° ${result.value.revoked_after} seront refusées par chaque poste qui recevra la révocation.`,
    });
  }

  const name = (poste: ReplicaStatus) => `${poste.person_name ?? 'Poste inconnu'}${poste.label ? ` — ${poste.label}` : ''}`;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Chaque poste signe ce qu'il écrit avec sa propre clé. Pour vérifier un poste, comparez par téléphone l'empreinte ci-dessous avec celle que son écran
        Synchronisation affiche. Révoquez un ordinateur perdu, volé ou rendu : les modifications qu'il écrirait après la dernière reçue ici seront refusées par
        tous les postes ; ce qu'il a écrit avant reste.
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Poste</Table.Th>
              <Table.Th>{fieldLabel('replica', 'partner_id')}</Table.Th>
              <Table.Th>Empreinte de la clé</Table.Th>
              <Table.Th>Dernière modification</Table.Th>
              <Table.Th>
                <VisuallyHidden>Révocation</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.replicas.map((poste) => (
              <Table.Tr key={poste.id}>
                <Table.Td>
                  {name(poste)}{' '}
                  {poste.is_this_laptop && (
                    <Badge variant="light" size="sm">
                      ce poste
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{poste.partner_name ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {poste.fingerprint ?? 'aucune (version antérieure à 0.3)'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {poste.last_change_at ? formatDateTime(poste.last_change_at) : '—'}
                  <Text size="xs" c="dimmed">
                    n° {numberFormat.format(poste.changes)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {poste.revoked ? (
                    <Text size="sm" c="red">
                      Révoqué par le {poste.revoked.by} le {formatDateTime(poste.revoked.at)} (après la n° {numberFormat.format(poste.revoked.after)})
                    </Text>
                  ) : (
                    !poste.is_this_laptop && (
                      <Button size="xs" variant="default" color="red" onClick={() => setRevoking(poste)}>
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
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Révoquer ce poste ?">
        {revoking && (
          <Stack gap="sm">
            <Text size="sm">
              Les modifications du poste de {name(revoking)} ({revoking.partner_name ?? 'partenaire inconnu'}) postérieures à la n°{' '}
              {numberFormat.format(revoking.changes)}, la dernière reçue ici, seront refusées par chaque poste qui recevra cette révocation, et retirées là où
              elles seraient déjà arrivées. Ce qu'il a écrit jusque-là reste. La révocation ne s'annule pas : pour revenir, cet ordinateur devra rejoindre le
              projet par une nouvelle invitation.
            </Text>
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
                Révoquer le poste
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
