import { Alert, Button, Code, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import { kindOf } from '../../../common/partners';
import { PARTNER_KIND_LABELS } from '../../../common/vocabulary';
import { call, send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { AutosaveText } from '../../shared/autosave/AutosaveFields';
import { Disclosure } from '../../shared/Disclosure';

/**
 * The cooperation this laptop follows: its name, its partners and their kinds, its id for
 * support; and the other cooperations of this computer (one per data folder), to open one
 * or start a new one.
 */
export function ProjectSection() {
  const { project, partners, data_dir } = useAppState();
  return (
    <Stack gap="sm">
      <AutosaveText label={fieldLabel('project', 'name')} required value={project.name} save={(name) => send('updateProjectName', name ?? '')} />
      <Text size="sm" fw={500} id="project-partners">
        {partners.length} partenaires
      </Text>
      <List size="sm" spacing={4} aria-labelledby="project-partners">
        {partners.map((partner) => {
          const kind = PARTNER_KIND_LABELS[partner.kind ?? kindOf(partner.name)];
          // « Département d'Indre-et-Loire » says its kind already.
          return (
            <List.Item key={partner.id}>
              {partner.name}
              {partner.name.startsWith(kind) ? '' : ` — ${kind}`} (code {partner.code})
            </List.Item>
          );
        })}
      </List>
      <Cooperations />
      <Disclosure title="Détails techniques">
        <Stack gap={4} mt="xs">
          <Text size="sm">
            Identifiant de la coopération&#x202f;: <Code>{project.id}</Code>
          </Text>
          <Text size="sm">
            Dossier de données&#x202f;: <Code>{data_dir}</Code>
          </Text>
          <Text size="xs" c="dimmed">
            Les fichiers d'échange et les invitations portent cet identifiant&#x202f;: ceux d'une autre coopération sont refusés.
          </Text>
        </Stack>
      </Disclosure>
    </Stack>
  );
}

/** What « Ouvrir », « Nouvelle coopération… » or « Retirer » asks for, until confirmed. */
type Reopening = { kind: 'open'; dataDir: string; name: string } | { kind: 'new' } | { kind: 'forget'; dataDir: string; name: string };

const MODAL_TITLES: Record<Reopening['kind'], string> = {
  open: 'Ouvrir une autre coopération',
  new: 'Nouvelle coopération',
  forget: 'Retirer de la liste',
};

/** The cooperations of this computer: Entente reopens on another one, after a confirmation. */
function Cooperations() {
  const { data: cooperations, error, reload } = useApiData('listCooperations');
  const [asked, setAsked] = useState<Reopening>();
  const [closing, setClosing] = useState(false);
  const confirm = async () => {
    if (!asked) return;
    setClosing(true);
    if (asked.kind === 'forget') {
      await send('forgetCooperation', asked.dataDir);
      setClosing(false);
      setAsked(undefined);
      reload();
      return;
    }
    const result = asked.kind === 'open' ? await call('openCooperation', asked.dataDir) : await call('createCooperationFolder');
    // Entente closes on success: the button stays busy until then.
    if (!result.ok) setClosing(false);
  };
  const cancel = () => {
    if (!closing) setAsked(undefined);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="cooperations-title">
        Coopérations de cet ordinateur
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      {cooperations && (
        <Table aria-labelledby="cooperations-title" verticalSpacing={4}>
          <Table.Tbody>
            {cooperations.map((cooperation) => {
              const name = cooperation.name ?? 'Nouvelle coopération, pas encore créée';
              return (
                <Table.Tr key={cooperation.dataDir}>
                  <Table.Td>
                    <Text size="sm">{name}</Text>
                    <Text size="xs" c="dimmed">
                      {cooperation.dataDir}
                      {cooperation.missing && ' — dossier introuvable (déplacé, supprimé ou sur un disque débranché)'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {cooperation.open ? (
                      <Text size="sm" c="dimmed">
                        ouverte
                      </Text>
                    ) : (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={`Ouvrir ${name}`}
                          disabled={cooperation.missing}
                          onClick={() => setAsked({ kind: 'open', dataDir: cooperation.dataDir, name })}
                        >
                          Ouvrir
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Retirer ${name} de la liste`}
                          onClick={() => setAsked({ kind: 'forget', dataDir: cooperation.dataDir, name })}
                        >
                          Retirer
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button size="xs" variant="default" onClick={() => setAsked({ kind: 'new' })}>
          Nouvelle coopération…
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Chaque coopération a son propre dossier de données. Une nouvelle coopération s'ouvre comme au premier démarrage&#x202f;: créez-la ou rejoignez une
        coopération existante avec son invitation.
      </Text>
      <Modal opened={asked !== undefined} onClose={cancel} title={asked ? MODAL_TITLES[asked.kind] : ''}>
        <Stack>
          <Text size="sm">
            {asked?.kind === 'forget'
              ? `«\u202f${asked.name}\u202f» ne sera plus proposée ici. Son dossier de données reste sur l'ordinateur, intact\u202f: ${asked.dataDir}.`
              : `${
                  asked?.kind === 'open'
                    ? `Entente va se fermer et rouvrir sur «\u202f${asked.name}\u202f».`
                    : 'Entente va se fermer et rouvrir sur un nouveau dossier de données, vide, où vous créerez la nouvelle coopération ou en rejoindrez une.'
                } Vos saisies sont déjà enregistrées.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} disabled={closing}>
              Annuler
            </Button>
            <Button onClick={() => void confirm()} loading={closing} color={asked?.kind === 'forget' ? 'red' : undefined}>
              {asked?.kind === 'forget' ? 'Retirer de la liste' : 'Fermer et rouvrir'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
