import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { PARTY_KIND_LABELS, PARTY_KINDS, type PartyKind } from '../../../common/vocabulary';
import type { ActionDetail } from '../../../preload/contract';
import { send } from '../../api';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { RemoveButton } from '../../shared/RemoveButton';

const KIND_OPTIONS = PARTY_KINDS.map((value) => ({ value, label: PARTY_KIND_LABELS[value] }));

/** Élus référents and partenaires extérieurs, beside the pilotes. */
export function PartiesEditor({ action }: { action: ActionDetail }) {
  return (
    <Stack gap="xs">
      {action.parties.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun élu référent ni partenaire extérieur pour le moment.
        </Text>
      )}
      {action.parties.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {action.parties.map((party) => (
            <Group component="li" key={party.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">
                <strong>{party.name}</strong>
                {party.role ? `, ${party.role}` : ''}
                {party.organisation ? ` (${party.organisation})` : ''} — {PARTY_KIND_LABELS[party.kind]}
              </Text>
              <RemoveButton
                label={`Retirer ${party.name}`}
                remove={() => send('deleteParty', party.id)}
                undo={{ label: `${party.name} retiré de la fiche`, revert: () => send('restoreDeleted', 'action_party', party.id) }}
              />
            </Group>
          ))}
        </Stack>
      )}
      <NewPartyForm actionId={action.id} />
    </Stack>
  );
}

function NewPartyForm({ actionId }: { actionId: string }) {
  const { run } = useFormSaver();
  const [kind, setKind] = useState<PartyKind>('elu');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(
      () => send('addParty', actionId, { kind, name, role: role.trim() || null, organisation: organisation.trim() || null }),
      (id) => ({ label: 'Ajouté à la fiche', revert: () => send('deleteParty', id) }),
    );
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setName('');
    setRole('');
    setOrganisation('');
  }

  return (
    <form onSubmit={submit}>
      <Group grow align="flex-start">
        <Select
          label={fieldLabel('action_party', 'kind')}
          data={KIND_OPTIONS}
          value={kind}
          onChange={(value) => setKind((value ?? 'elu') as PartyKind)}
          allowDeselect={false}
        />
        <TextInput label={fieldLabel('action_party', 'name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={error} />
      </Group>
      <Group grow align="flex-start" mt="xs">
        <TextInput
          label={fieldLabel('action_party', 'role')}
          placeholder="Vice-présidente, directeur…"
          value={role}
          onChange={(event) => setRole(event.currentTarget.value)}
        />
        <TextInput label={fieldLabel('action_party', 'organisation')} value={organisation} onChange={(event) => setOrganisation(event.currentTarget.value)} />
      </Group>
      <Group justify="flex-end" mt="xs">
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
          Ajouter
        </Button>
      </Group>
    </form>
  );
}
