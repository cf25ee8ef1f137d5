import { Button, Container, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { otherPartners, partnerNoun, partnerWord } from '../../../common/partners';
import type { AppState } from '../../../preload/contract';
import { send, useApiData } from '../../api';
import { navigate } from '../../app/navigation';
import { partnerOptions } from '../../shared/people';
import { JoinProjectForm } from './JoinProjectForm';
import { NewCooperationForm } from './NewCooperationForm';

type FirstStart = Extract<AppState, { status: 'first-start' }>;

type Choice = 'new' | 'join' | 'cooperation';

/**
 * Asked once: the first ordinateur of the default project, joining a project from an
 * invitation, or the first ordinateur of a new cooperation; then the app opens on the
 * Tableau de bord.
 */
export function FirstStartScreen({ state }: { state: FirstStart }) {
  // An invitation double-clicked in the file manager opens on « Rejoindre une coopération ».
  const { data: opened, error } = useApiData('getOpenedFile');
  const [choice, setChoice] = useState<Choice | null>(null);
  if (opened === undefined && !error) return null;
  const invitation = opened?.kind === 'invitation';
  const tab = choice ?? (invitation ? 'join' : 'new');
  return (
    // The partners of a new cooperation are typed in rows: they need the width.
    <Container size={tab === 'cooperation' ? 900 : 760} py={64} component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack gap="md">
          <Title order={1} size="h2">
            Bienvenue dans Entente
          </Title>
          <Tabs value={tab} onChange={(value) => setChoice(value as Choice)} keepMounted={false}>
            <Tabs.List grow mb="md">
              <Tabs.Tab value="new">Démarrer la coopération</Tabs.Tab>
              <Tabs.Tab value="join">Rejoindre une coopération</Tabs.Tab>
              <Tabs.Tab value="cooperation">Créer une autre coopération</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="new">
              <NewProjectForm state={state} />
            </Tabs.Panel>
            <Tabs.Panel value="join">
              <JoinProjectForm openedInvitation={invitation} />
            </Tabs.Panel>
            <Tabs.Panel value="cooperation">
              <NewCooperationForm />
            </Tabs.Panel>
          </Tabs>
          <Text size="xs" c="dimmed">
            Données enregistrées dans&#x202f;: {state.data_dir}
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}

/** The first ordinateur of the default project: who uses this laptop. */
function NewProjectForm({ state }: { state: FirstStart }) {
  const [name, setName] = useState('');
  const [fonction, setFonction] = useState('');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string; partnerId?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      name: name.trim() ? undefined : 'Indiquez votre nom.',
      partnerId: partnerId ? undefined : `Choisissez votre ${partnerNoun(state.partners)}.`,
    };
    setErrors(missing);
    if (missing.name || missing.partnerId || !partnerId) return;
    setBusy(true);
    navigate({ page: 'dashboard' });
    const result = await send('completeFirstStart', { name: name.trim(), function: fonction.trim() || null, partner_id: partnerId });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field === 'name' ? 'name' : result.error.field?.startsWith('partner') ? 'partnerId' : 'form';
      setErrors({ [field]: result.error.message });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* What this tab starts, and what to do instead when a colleague started it already. */}
        <Text c="dimmed">
          {state.project_name}, ses partenaires et ses chantiers, prêts à l'emploi sur ce premier ordinateur. Si un collègue l'utilise déjà, ouvrez plutôt son
          invitation (onglet «&#x202f;Rejoindre une coopération&#x202f;»).
        </Text>
        <Text>
          Qui utilise cet ordinateur&#x202f;? Ces informations signent vos notes de suivi et vos mises à jour pour {otherPartners(state.partners).the}.
        </Text>
        <TextInput
          label={fieldLabel('person', 'name')}
          required
          autoFocus
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={fieldLabel('person', 'function')}
          description="Par exemple : cheffe de projet, pilote de chantier"
          value={fonction}
          onChange={(event) => setFonction(event.currentTarget.value)}
        />
        <Select
          label={partnerWord(state.partners)}
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
      </Stack>
    </form>
  );
}
