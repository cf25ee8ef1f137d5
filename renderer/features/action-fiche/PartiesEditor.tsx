import { Select, Stack, Text, TextInput } from '@mantine/core';
import { FieldRow } from '../../shared/FieldRow';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import { PARTY_KIND_LABELS, PARTY_KINDS, partyKindLabel, type PartyKind } from '../../../common/vocabulary';
import type { ActionDetail } from '../../../preload/contract';
import { send } from '../../api';
import { EntryList, RemovableEntry } from './Entries';
import { NewEntryForm, useNewEntry } from './NewEntryForm';

const KIND_OPTIONS = PARTY_KINDS.map((value) => ({ value, label: PARTY_KIND_LABELS[value] }));

/** Élus référents and partenaires extérieurs, beside the pilotes. */
export function PartiesEditor({ action }: { action: ActionDetail }) {
  return (
    <Stack gap="xs">
      <EntryList empty="Aucun élu référent ni partenaire extérieur pour le moment.">
        {action.parties.map((party) => (
          <RemovableEntry
            key={party.id}
            remove={{
              label: `Retirer ${party.name}`,
              remove: () => send('deleteParty', party.id),
              undo: { label: `${party.name} retiré de la fiche`, revert: () => send('restoreDeleted', 'action_party', party.id) },
            }}
          >
            <Text size="sm">
              <strong>{party.name}</strong>
              {party.role ? `, ${party.role}` : ''}
              {party.organisation ? ` (${party.organisation})` : ''} — {partyKindLabel(party)}
            </Text>
          </RemovableEntry>
        ))}
      </EntryList>
      <NewPartyForm actionId={action.id} />
    </Stack>
  );
}

function NewPartyForm({ actionId }: { actionId: string }) {
  const [kind, setKind] = useState<PartyKind>('elu');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const { errors, submit, busy } = useNewEntry({
    fields: ['name'],
    add: () => send('addParty', actionId, { kind, name, role: role.trim() || null, organisation: organisation.trim() || null }),
    undo: (id) => ({ label: 'Ajouté à la fiche', revert: () => send('deleteParty', id) }),
    clear: () => {
      setName('');
      setRole('');
      setOrganisation('');
    },
  });

  return (
    <NewEntryForm submit={submit} busy={busy} label="Ajouter">
      <FieldRow>
        <Select
          label={fieldLabel('action_party', 'kind')}
          data={KIND_OPTIONS}
          value={kind}
          onChange={(value) => setKind((value ?? 'elu') as PartyKind)}
          allowDeselect={false}
        />
        <TextInput label={fieldLabel('action_party', 'name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} />
      </FieldRow>
      <FieldRow mt="xs">
        <TextInput
          label={fieldLabel('action_party', 'role')}
          placeholder="Vice-présidente, directeur…"
          value={role}
          onChange={(event) => setRole(event.currentTarget.value)}
        />
        <TextInput label={fieldLabel('action_party', 'organisation')} value={organisation} onChange={(event) => setOrganisation(event.currentTarget.value)} />
      </FieldRow>
    </NewEntryForm>
  );
}
