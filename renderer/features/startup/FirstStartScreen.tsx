import { Button, Container, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppState } from '../../../preload/contract';
import { send } from '../../api';
import { navigate } from '../../app/navigation';
import { partnerOptions } from '../../shared/people';

type FirstStart = Extract<AppState, { status: 'first-start' }>;

/** Who uses this laptop: asked once, then the app opens on the Tableau de bord. */
export function FirstStartScreen({ state }: { state: FirstStart }) {
  const [name, setName] = useState('');
  const [fonction, setFonction] = useState('');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string; partnerId?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      name: name.trim() ? undefined : 'Indiquez votre nom.',
      partnerId: partnerId ? undefined : 'Choisissez votre Département.',
    };
    setErrors(missing);
    if (missing.name || missing.partnerId || !partnerId) return;
    setBusy(true);
    navigate({ page: 'dashboard' });
    const result = await send('completeFirstStart', { name: name.trim(), function: fonction.trim() || null, partnerId });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field === 'name' ? 'name' : result.error.field?.startsWith('partner') ? 'partnerId' : 'form';
      setErrors({ [field]: result.error.message });
    }
  }

  return (
    <Container size={520} py={64} component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                Bienvenue dans Entente
              </Title>
              <Text c="dimmed" mt="xs">
                {state.projectName}
              </Text>
            </div>
            <Text>
              Qui utilise cet ordinateur ? Ces informations signent vos notes de suivi et vos modifications
              auprès de l'autre Département.
            </Text>
            <TextInput
              label="Nom"
              required
              autoFocus
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label="Fonction"
              description="Par exemple : cheffe de projet, pilote de chantier"
              value={fonction}
              onChange={(event) => setFonction(event.currentTarget.value)}
            />
            <Select
              label="Département"
              required
              data={partnerOptions(state.partners)}
              value={partnerId}
              onChange={setPartnerId}
              error={errors.partnerId}
              placeholder="Choisir"
            />
            {errors.form && (
              <Text c="var(--mantine-color-error)" role="alert">
                {errors.form}
              </Text>
            )}
            <Button type="submit" loading={busy}>
              Commencer
            </Button>
            <Text size="xs" c="dimmed">
              Données enregistrées dans : {state.dataDir}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
