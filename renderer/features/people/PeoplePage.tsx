import { ActionIcon, Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import { personName } from '../../../common/vocabulary';
import type { Partner, Person } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { PageHeader } from '../../shared/PageHeader';
import { partnerOptions } from '../../shared/people';
import { useSessionState } from '../../shared/useSessionState';
import { PersonFormModal } from './PersonFormModal';

type Dialog = { kind: 'edit'; person?: Person } | { kind: 'delete'; person: Person } | null;

/** The collaborators of every partner, one table per Département. */
export function PeoplePage() {
  const { partners } = useAppState();
  const { data: people, error } = useApiData('listPeople');
  const [partnerFilter, setPartnerFilter] = useSessionState<string | null>('people.partner', null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = partners.filter((partner) => !partnerFilter || partner.id === partnerFilter);

  return (
    <>
      <PageHeader title="Personnes">
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'edit' })}>
          Ajouter une personne
        </Button>
      </PageHeader>
      <Select
        label={fieldLabel('person', 'partner_id')}
        placeholder="Tous"
        data={partnerOptions(partners)}
        value={partnerFilter}
        onChange={setPartnerFilter}
        clearable
        w={320}
        mb="lg"
      />
      {error && <Alert color="red">{error.message}</Alert>}
      <Stack gap="xl">
        {people &&
          shown.map((partner) => (
            <PartnerPeople
              key={partner.id}
              partner={partner}
              people={people.filter((person) => person.partner_id === partner.id)}
              onEdit={(person) => setDialog({ kind: 'edit', person })}
              onDelete={(person) => setDialog({ kind: 'delete', person })}
            />
          ))}
      </Stack>
      <PersonFormModal opened={dialog?.kind === 'edit'} person={dialog?.person} partnerId={partnerFilter ?? undefined} onClose={() => setDialog(null)} />
      <DeletePersonModal person={dialog?.kind === 'delete' ? dialog.person : undefined} onClose={() => setDialog(null)} />
    </>
  );
}

interface PartnerPeopleProps {
  partner: Partner;
  people: Person[];
  onEdit: (person: Person) => void;
  onDelete: (person: Person) => void;
}

function PartnerPeople({ partner, people, onEdit, onDelete }: PartnerPeopleProps) {
  const { me } = useAppState();
  const headingId = `personnes-${partner.id}`;
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {partner.name} ({people.length})
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">Aucune personne enregistrée pour ce partenaire.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          {/* Fixed widths: the tables of the Départements line up one under the other. */}
          <Table highlightOnHover verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{fieldLabel('person', 'name')}</Table.Th>
                <Table.Th w="32%">{fieldLabel('person', 'function')}</Table.Th>
                <Table.Th>{fieldLabel('person', 'email')}</Table.Th>
                <Table.Th w={100}>Pilotages</Table.Th>
                <Table.Th w={96}>
                  <VisuallyHidden>Modifier ou supprimer</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {personName(person)}
                      {person.id === me.id && (
                        <Badge size="sm" variant="default">
                          Vous
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{person.function ?? '—'}</Table.Td>
                  <Table.Td>{person.email ?? '—'}</Table.Td>
                  <Table.Td>{person.pilot_count}</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Modifier ${person.name}`} onClick={() => onEdit(person)}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`Supprimer ${person.name}`} onClick={() => onDelete(person)}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

/** Refused by the API while the person pilots something: its sentence is shown here. */
function DeletePersonModal({ person, onClose }: { person?: Person; onClose: () => void }) {
  const [error, setError] = useState<string>();

  function close() {
    setError(undefined);
    onClose();
  }

  async function remove() {
    if (!person) return;
    const result = await send('deletePerson', person.id);
    if (result.ok) close();
    else setError(result.error.message);
  }

  return (
    <Modal opened={!!person} onClose={close} title="Supprimer cette personne ?">
      <Stack>
        <Text>{person?.name} ne figurera plus dans la liste des personnes.</Text>
        {error && (
          <Alert color="red" role="alert" title="Suppression impossible">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Annuler
          </Button>
          <Button color="red.9" onClick={() => void remove()} disabled={!!error}>
            Supprimer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
