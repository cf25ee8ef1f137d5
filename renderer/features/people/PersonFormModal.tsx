import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { CIVILITIES, CIVILITY_LABELS, type Civility } from '../../../common/vocabulary';
import type { Person, PersonInput } from '../../../preload/contract';
import { send } from '../../api';
import { useAppState } from '../../app/AppContext';
import { partnerOptions } from '../../shared/people';
import { FormActions } from '../../shared/FormActions';

interface Props {
  /** The person to edit; undefined to add one. */
  person?: Person;
  opened: boolean;
  onClose: () => void;
  /** Département pre-selected for a new person. */
  partnerId?: string;
}

export function PersonFormModal({ person, opened, onClose, partnerId }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={person ? 'Modifier la personne' : 'Ajouter une personne'}>
      {opened && <PersonForm person={person} onClose={onClose} partnerId={partnerId} />}
    </Modal>
  );
}

type Errors = Partial<Record<keyof PersonInput | 'form', string>>;

function PersonForm({ person, onClose, partnerId }: Omit<Props, 'opened'>) {
  const { partners } = useAppState();
  const [input, setInput] = useState<PersonInput>({
    name: person?.name ?? '',
    function: person?.function ?? '',
    partner_id: person?.partner_id ?? partnerId ?? partners[0]?.id ?? '',
    email: person?.email ?? '',
    civility: person?.civility ?? null,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PersonInput>(key: K, value: PersonInput[K]) => setInput({ ...input, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!input.name.trim()) return setErrors({ name: 'Le nom ne peut pas être vide.' });
    const clean: PersonInput = {
      name: input.name.trim(),
      function: input.function?.trim() || null,
      partner_id: input.partner_id,
      email: input.email?.trim() || null,
      civility: input.civility ?? null,
    };
    setBusy(true);
    const result = person ? await send('updatePerson', person.id, clean) : await send('createPerson', clean);
    setBusy(false);
    if (result.ok) return onClose();
    const field = result.error.field as keyof PersonInput | undefined;
    setErrors({ [field && field in clean ? field : 'form']: result.error.message });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group align="flex-start" wrap="nowrap">
          {/* Mme or M. in the printed documents, and the agreement of « présente », « représenté ». */}
          <Select
            label={fieldLabel('person', 'civility')}
            w={150}
            placeholder="Non précisée"
            data={CIVILITIES.map((code) => ({ value: code, label: CIVILITY_LABELS[code] }))}
            value={input.civility ?? null}
            error={errors.civility}
            onChange={(value) => set('civility', (value as Civility | null) ?? null)}
            clearable
          />
          <TextInput
            label={fieldLabel('person', 'name')}
            required
            data-autofocus
            flex={1}
            value={input.name}
            error={errors.name}
            onChange={(e) => set('name', e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={fieldLabel('person', 'function')}
          value={input.function ?? ''}
          error={errors.function}
          onChange={(e) => set('function', e.currentTarget.value)}
        />
        <Select
          label={fieldLabel('person', 'partner_id')}
          required
          data={partnerOptions(partners)}
          value={input.partner_id}
          error={errors.partner_id}
          onChange={(value) => value && set('partner_id', value)}
          allowDeselect={false}
        />
        <TextInput
          label={fieldLabel('person', 'email')}
          type="email"
          value={input.email ?? ''}
          error={errors.email ?? errors.form}
          onChange={(e) => set('email', e.currentTarget.value)}
        />
        <FormActions submitLabel="Enregistrer" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
