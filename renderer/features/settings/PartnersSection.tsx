import { Button, Fieldset, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { PartnerInput } from '../../../preload/contract';
import { send } from '../../api';
import { useAppState } from '../../app/AppContext';
import { AutosaveText } from '../../shared/autosave/AutosaveFields';

/** The partners (Départements) of the cooperation: renamed in place, added in a dialog. */
export function PartnersSection() {
  const { partners } = useAppState();
  const [adding, { open, close }] = useDisclosure();
  return (
    <>
      {partners.map((partner, index) => (
        <Fieldset key={partner.id} legend={`Partenaire ${index + 1}`}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <AutosaveText
              label={fieldLabel('partner', 'code')}
              required
              value={partner.code}
              save={(code) => send('updatePartner', partner.id, { code: code ?? '' })}
            />
            <AutosaveText
              label={fieldLabel('partner', 'name')}
              required
              value={partner.name}
              save={(name) => send('updatePartner', partner.id, { name: name ?? '' })}
            />
            <AutosaveText
              label={fieldLabel('partner', 'short_name')}
              required
              value={partner.short_name}
              save={(short) => send('updatePartner', partner.id, { short_name: short ?? '' })}
            />
          </SimpleGrid>
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          Ajouter un partenaire
        </Button>
      </Group>
      <Modal opened={adding} onClose={close} title="Ajouter un partenaire">
        {adding && <NewPartnerForm onClose={close} />}
      </Modal>
    </>
  );
}

function NewPartnerForm({ onClose }: { onClose: () => void }) {
  const [input, setInput] = useState<PartnerInput>({ code: '', name: '', short_name: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof PartnerInput, string>>>({});
  const set = (key: keyof PartnerInput, value: string) => setInput({ ...input, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send('createPartner', {
      code: input.code.trim(),
      name: input.name.trim(),
      short_name: input.short_name.trim() || input.name.trim(),
    });
    if (result.ok) return onClose();
    const field = (result.error.field ?? 'name') as keyof PartnerInput;
    setErrors({ [field in input ? field : 'name']: result.error.message });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={fieldLabel('partner', 'code')}
          description="Par exemple : 36"
          required
          data-autofocus
          value={input.code}
          error={errors.code}
          onChange={(e) => set('code', e.currentTarget.value)}
        />
        <TextInput
          label={fieldLabel('partner', 'name')}
          description="Par exemple : Département de l'Indre"
          required
          value={input.name}
          error={errors.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <TextInput
          label={fieldLabel('partner', 'short_name')}
          description="Par exemple : Indre"
          value={input.short_name}
          error={errors.short_name}
          onChange={(e) => set('short_name', e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button type="submit">Ajouter</Button>
        </Group>
      </Stack>
    </form>
  );
}
