import { Badge, Button, Code, Group, List, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { partnerWord } from '../../../common/partners';
import { capitalized, de } from '../../../common/french';
import { useAppState } from '../../app/AppContext';
import { Disclosure } from '../../shared/Disclosure';
import { FormActions } from '../../shared/FormActions';
import type { ReplicaStatus } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { formatDate, formatDateTime, numberFormat } from '../../shared/format';
import { PosteNoticesAlert } from '../sync/PosteNoticesAlert';

/**
 * The ordinateurs of the project (what the code calls replicas): confirming one's key by the
 * fingerprint its user reads by phone, and revoking a lost or departed one. Their ids and
 * fingerprints wait in « Détails techniques », for the administrator.
 */
export function PostesSection({ scrollIntoView = false }: { scrollIntoView?: boolean }) {
  const { data: status } = useApiData('getSyncStatus');
  const top = useRef<HTMLDivElement>(null);
  const loaded = status !== undefined;
  // Opened from a link to this section: shown once its list is there, the card's title just below the app's header.
  useEffect(() => {
    const section = top.current?.closest('section');
    if (!scrollIntoView || !loaded || !section) return;
    section.style.scrollMarginTop = 'calc(var(--app-shell-header-offset, 0px) + var(--mantine-spacing-md))';
    section.scrollIntoView({ block: 'start' });
  }, [scrollIntoView, loaded]);
  const [revoking, setRevoking] = useState<ReplicaStatus | null>(null);
  const [confirming, setConfirming] = useState<ReplicaStatus | null>(null);
  const [naming, setNaming] = useState<ReplicaStatus | null>(null);
  const [error, setError] = useState<string>();
  const { partners, revoked_by: revokedHere } = useAppState();
  if (!status) return null;

  // The next ordinateur's dialog starts without this one's refusal.
  function closeRevoking() {
    setRevoking(null);
    setError(undefined);
  }
  async function revoke(computer: ReplicaStatus) {
    const result = await send('revokePoste', computer.id);
    if (!result.ok) return setError(result.error.message);
    closeRevoking();
    notifications.show({
      color: 'teal',
      title: 'Ordinateur révoqué',
      // What to do next: the revocation counts only where it arrives; a thief may still hold the passphrase.
      message:
        "Ce qu'il écrirait désormais sera refusé par chaque ordinateur qui recevra la révocation\u202f: synchronisez maintenant pour qu'elle leur parvienne. Après un vol, changez aussi la phrase de passe, le jour même, sur tous les ordinateurs.",
    });
  }

  // A person's lost laptop and its replacement bear the same name: their arrival tells them apart.
  const joined = (at: string) => `arrivé dans la coopération le ${formatDate(at)}`;
  const name = (computer: ReplicaStatus) => `${computer.person_name ?? 'Ordinateur inconnu'}${computer.label ? ` — ${computer.label}` : ''}`;
  // « L'ordinateur de Claire Martin », or one that never said who uses it, by its id.
  const theComputer = (computer: ReplicaStatus) =>
    computer.person_name ? `l'ordinateur ${de(name(computer))}` : `l'ordinateur ${computer.id} (qui ne dit pas à qui il est)`;
  return (
    <Stack gap="sm" ref={top}>
      <PosteNoticesAlert linkToPostes={false} />
      <Text size="sm">Chaque ordinateur signe ce qu'il écrit avec sa propre clé.</Text>
      <List size="sm" spacing={4}>
        <List.Item>
          Confirmer la clé d'un ordinateur&#x202f;: son utilisateur vous lit au téléphone l'empreinte affichée sur son écran Synchronisation. Sa signature
          prouve alors que ce qui arrive de lui (la validation d'un compte rendu, par exemple) vient bien de son ordinateur.
        </List.Item>
        <List.Item>
          Révoquer un ordinateur perdu, volé ou restitué&#x202f;: ce que cet ordinateur-ci en a déjà reçu est conservé, le reste sera sans effet partout où la
          révocation arrivera. Pour un collègue qui part, importez d'abord son dernier fichier&#x202f;; puis synchronisez, pour que la révocation parte vers les
          autres.
        </List.Item>
      </List>
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ordinateur</Table.Th>
              <Table.Th>{partnerWord(partners)}</Table.Th>
              <Table.Th>Dernière mise à jour</Table.Th>
              <Table.Th>Clé</Table.Th>
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
                  {computer.is_this_laptop && !computer.revoked && (
                    <Button size="compact-xs" variant="subtle" ml={4} onClick={() => setNaming(computer)}>
                      {computer.label ? 'Renommer…' : 'Nommer…'}
                    </Button>
                  )}
                  {computer.joined_at && (
                    <Text size="xs" c="dimmed">
                      {joined(computer.joined_at)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{computer.partner_name ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{computer.last_change_at ? formatDateTime(computer.last_change_at) : '—'}</Table.Td>
                <Table.Td>
                  <KeyCell computer={computer} onConfirm={() => setConfirming(computer)} />
                </Table.Td>
                <Table.Td>
                  {computer.revoked ? (
                    <Text size="sm" c="red">
                      Révoqué le {formatDateTime(computer.revoked.at)} par {computer.revoked.by_this_laptop ? 'cet ordinateur' : computer.revoked.by}
                    </Text>
                  ) : (
                    // A revoked laptop revokes no one: its revocation would count nowhere else.
                    !computer.is_this_laptop &&
                    !revokedHere && (
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
      <ConfirmKeyModal computer={confirming} theComputer={theComputer} onClose={() => setConfirming(null)} />
      <NameComputerModal computer={naming} onClose={() => setNaming(null)} />
      <Modal opened={revoking !== null} onClose={closeRevoking} size="lg" title="Révoquer cet ordinateur ?">
        {revoking && (
          <Stack gap="sm">
            <Text size="sm">
              {capitalized(theComputer(revoking))}
              {revoking.partner_name ? ` (${revoking.partner_name})` : ''}
              {revoking.joined_at ? `, ${joined(revoking.joined_at)}` : ''}
              {revoking.last_change_at ? `, dernière mise à jour le ${formatDateTime(revoking.last_change_at)}` : ''}&#x202f;:
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>ce qu'il a écrit et que cet ordinateur-ci a déjà reçu est conservé, partout&#x202f;;</List.Item>
              <List.Item>
                tout le reste (ce que cet ordinateur-ci n'a pas encore reçu de lui, et tout ce qu'il écrira) sera sans effet partout où la révocation arrivera,
                même sur les ordinateurs où ces modifications sont déjà arrivées&#x202f;;
              </List.Item>
              <List.Item>la révocation est définitive&#x202f;: pour revenir, il devra rejoindre la coopération par une nouvelle invitation.</List.Item>
            </List>
            {error && (
              <Text size="sm" c="red">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeRevoking}>
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

/** Whether this laptop's user confirmed the ordinateur's key, or a button to do so. */
function KeyCell({ computer, onConfirm }: { computer: ReplicaStatus; onConfirm: () => void }) {
  if (computer.is_this_laptop) return <Text size="sm">celle de cet ordinateur</Text>;
  if (computer.revoked) return <Text size="sm">— (ordinateur révoqué)</Text>;
  if (!computer.fingerprint) return <Text size="sm">pas encore de clé</Text>;
  if (computer.key_confirmed_at) return <Text size="sm">confirmée le {formatDate(computer.key_confirmed_at)}</Text>;
  return (
    <Button size="xs" variant="default" onClick={onConfirm}>
      Confirmer la clé…
    </Button>
  );
}

/**
 * The fingerprint is typed as the ordinateur's user reads it by phone, and matched here:
 * shown for a mere click, it would be confirmed without being compared.
 */
function ConfirmKeyModal({
  computer,
  theComputer,
  onClose,
}: {
  computer: ReplicaStatus | null;
  theComputer: (computer: ReplicaStatus) => string;
  onClose: () => void;
}) {
  const [heard, setHeard] = useState('');
  const [error, setError] = useState<string>();
  function close() {
    setHeard('');
    setError(undefined);
    onClose();
  }
  async function confirm(target: ReplicaStatus) {
    const result = await send('confirmPosteKey', target.id, heard);
    if (!result.ok) return setError(result.error.message);
    close();
    notifications.show({
      color: 'teal',
      title: 'Clé confirmée',
      message: `La clé ${de(theComputer(target))} est désormais confirmée sur cet ordinateur.`,
    });
  }
  const person = computer?.person_name ?? 'la personne qui utilise cet ordinateur';
  return (
    <Modal opened={computer !== null} onClose={close} size="lg" title={computer ? `Confirmer la clé ${de(theComputer(computer))}` : ''}>
      {computer && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm(computer);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              Appelez {person} ({computer.partner_name ?? 'partenaire inconnu'}) à un numéro que vous connaissez déjà. Faites-lui lire l'empreinte affichée sur
              son écran Synchronisation, à la ligne «&#xa0;Empreinte de la clé de cet ordinateur&#xa0;», et saisissez-la (espaces et majuscules indifférents).
              Si elle correspond, ce qui arrive de son ordinateur vient bien de lui.
            </Text>
            <TextInput
              label={`Empreinte lue par ${person}`}
              placeholder="ex. 3F2A 9C1B 0D4E 77A1"
              value={heard}
              onChange={(event) => {
                setHeard(event.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-autofocus
              required
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Annuler
              </Button>
              <Button type="submit" disabled={heard.trim() === ''}>
                Confirmer la clé
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** This ordinateur's name, which tells a person's laptops apart on every poste (the join form asks it first). */
function NameComputerModal({ computer, onClose }: { computer: ReplicaStatus | null; onClose: () => void }) {
  return (
    <Modal opened={computer !== null} onClose={onClose} title="Nom de cet ordinateur">
      {computer && <NameComputerForm current={computer.label} onDone={onClose} />}
    </Modal>
  );
}

function NameComputerForm({ current, onDone }: { current: string | null; onDone: () => void }) {
  const [label, setLabel] = useState(current ?? '');
  const [error, setError] = useState<string>();
  async function save() {
    const named = label.trim();
    const result = await send('nameThisComputer', named || null);
    if (!result.ok) return setError(result.error.message);
    onDone();
    notifications.show({
      color: 'teal',
      title: named ? 'Ordinateur renommé' : "Nom de l'ordinateur retiré",
      message: 'Les autres ordinateurs le verront après la prochaine synchronisation.',
    });
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Nom de cet ordinateur"
          description={
            'Facultatif\u202f: pour le distinguer de vos autres ordinateurs, par exemple «\u202fPortable DRH\u202f». Laissez vide pour lui retirer son nom.'
          }
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          maxLength={200}
          data-autofocus
        />
        <FormActions submitLabel="Enregistrer" onCancel={onDone} />
      </Stack>
    </form>
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
