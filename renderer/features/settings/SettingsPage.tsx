import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { send } from '../../api';
import { useAppState } from '../../app/AppContext';
import { AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import { PageHeader } from '../../shared/PageHeader';
import { partnerOptions } from '../../shared/people';
import { DataSection } from './DataSection';
import { PartnersSection } from './PartnersSection';

export function SettingsPage() {
  return (
    <FormSaverProvider>
      <Settings />
    </FormSaverProvider>
  );
}

function Settings() {
  useUndoShortcut();
  const { project, me, partners } = useAppState();
  return (
    <>
      <PageHeader title="Paramètres">
        <SaveStatus />
      </PageHeader>
      <Stack gap="lg" maw={900}>
        <SettingsSection title="Projet" id="parametres-projet">
          <AutosaveText
            label="Nom du projet"
            required
            value={project.name}
            save={(name) => send('updateProjectName', name ?? '')}
          />
        </SettingsSection>

        <SettingsSection title="Partenaires" id="parametres-partenaires">
          <PartnersSection />
        </SettingsSection>

        <SettingsSection title="Utilisateur de cet ordinateur" id="parametres-utilisateur">
          <AutosaveText label="Votre nom" required value={me.name} save={(name) => send('updatePerson', me.id, { name: name ?? '' })} />
          <AutosaveText
            label="Votre fonction"
            value={me.function}
            save={(fonction) => send('updatePerson', me.id, { function: fonction })}
          />
          <AutosaveSelect
            label="Votre Département"
            data={partnerOptions(partners)}
            value={me.partner_id}
            save={(partnerId) => send('updatePerson', me.id, { partner_id: partnerId ?? me.partner_id })}
          />
        </SettingsSection>

        <SettingsSection title="Données" id="parametres-donnees">
          <DataSection />
        </SettingsSection>
      </Stack>
    </>
  );
}

function SettingsSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
