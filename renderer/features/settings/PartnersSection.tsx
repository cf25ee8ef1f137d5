import { Alert, Button, Fieldset, Group, Image, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPhoto, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { kindOf, shortNameOf } from '../../../common/partners';
import { PARTNER_KIND_LABELS, PARTNER_KINDS, type PartnerKind } from '../../../common/vocabulary';
import type { Partner, PartnerInput, PartnerLogo } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';

const KIND_OPTIONS = PARTNER_KINDS.map((kind) => ({ value: kind, label: PARTNER_KIND_LABELS[kind] }));

/** The partners of the cooperation (Départements, EPCI, communes…): renamed in place, added in a dialog. */
export function PartnersSection() {
  const { partners } = useAppState();
  const [adding, { open, close }] = useDisclosure();
  const { data: logos } = useApiData('listPartnerLogos');
  return (
    <>
      {partners.map((partner, index) => (
        <Fieldset key={partner.id} legend={`Partenaire ${index + 1}`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AutosaveSelect
              label={fieldLabel('partner', 'kind')}
              data={KIND_OPTIONS}
              // The default project's partners have none: their names say it, until one is chosen here.
              placeholder={partner.kind ? undefined : `${PARTNER_KIND_LABELS[kindOf(partner.name)]} (d'après son nom)`}
              value={partner.kind}
              save={(kind) => send('updatePartner', partner.id, { kind: kind as PartnerKind | null })}
            />
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
          {logos && <LogoField partner={partner} logo={logos.find((logo) => logo.partner_id === partner.id)} />}
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

/** The partner's logo, printed at the top of the documents: shown, chosen, removed. Kept in the project, it reaches the other postes. */
function LogoField({ partner, logo }: { partner: Partner; logo?: PartnerLogo }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => ReturnType<typeof send>) {
    setError(undefined);
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  }

  return (
    <Stack gap="xs" mt="md">
      <Text size="sm" fw={500} id={`logo-${partner.id}`}>
        Logo
      </Text>
      <Group align="center" gap="md">
        {/* White behind a logo, as on the printed page; the theme's surface while there is none. */}
        <Paper withBorder p="xs" bg={logo ? 'white' : undefined} w={180} h={72} style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {logo ? (
            <Image src={logo.data_url} alt={`Logo du partenaire ${partner.short_name}`} fit="contain" mah={56} maw={160} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              Aucun logo
            </Text>
          )}
        </Paper>
        <Stack gap={6}>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPhoto size={14} aria-hidden />}
              loading={busy}
              onClick={() => void run(() => send('choosePartnerLogo', partner.id))}
              aria-describedby={`logo-${partner.id}`}
            >
              {logo ? 'Changer le logo…' : 'Choisir un logo…'}
            </Button>
            {logo && (
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<IconTrash size={14} aria-hidden />}
                disabled={busy}
                onClick={() => void run(() => send('removePartnerLogo', partner.id))}
                aria-label={`Retirer le logo du partenaire ${partner.short_name}`}
              >
                Retirer
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {logo ? `${logo.name}\u202f: imprimé` : 'PNG, JPEG ou SVG, 1 Mo au plus. Imprimé'} en tête des comptes rendus, relevés, convocations et feuilles
            d'émargement.
          </Text>
        </Stack>
      </Group>
      {error && (
        <Alert color="red" role="alert" title="Logo non enregistré">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

function NewPartnerForm({ onClose }: { onClose: () => void }) {
  const [input, setInput] = useState<PartnerInput>({ code: '', name: '', short_name: '', kind: null });
  const [errors, setErrors] = useState<Partial<Record<keyof PartnerInput, string>>>({});
  const set = (key: keyof PartnerInput, value: string | null) => setInput({ ...input, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send('createPartner', {
      code: input.code.trim(),
      name: input.name.trim(),
      short_name: input.short_name.trim() || shortNameOf(input.name),
      kind: input.kind ?? kindOf(input.name),
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
          description="Par exemple : 36"
          required
          data-autofocus
          value={input.code}
          error={errors.code}
          onChange={(e) => set('code', e.currentTarget.value)}
        />
        <TextInput
          label={fieldLabel('partner', 'name')}
          description="Par exemple : Département de l'Indre"
          required
          value={input.name}
          error={errors.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <TextInput
          label={fieldLabel('partner', 'short_name')}
          description="Par exemple : Indre ; sans lui, déduit du nom"
          value={input.short_name}
          error={errors.short_name}
          onChange={(e) => set('short_name', e.currentTarget.value)}
        />
        <Select
          label={fieldLabel('partner', 'kind')}
          description="Sans choix, déduit du nom"
          data={KIND_OPTIONS}
          value={input.kind ?? null}
          error={errors.kind}
          onChange={(kind) => set('kind', kind)}
          placeholder="Choisir"
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
