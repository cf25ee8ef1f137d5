import { Box, Stack, Text } from '@mantine/core';
import { MAX_ATTACHMENT_MEGABYTES } from '../../../common/vocabulary';
import { partnerNoun } from '../../../common/partners';
import { send } from '../../api';
import { useAppState } from '../../app/AppContext';
import { AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { FormSaverProvider } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import type { SettingsSection } from '../../app/navigation';
import { PageHeader } from '../../shared/PageHeader';
import { SectionCard } from '../../shared/SectionCard';
import { partnerOptions } from '../../shared/people';
import { DataSection } from './DataSection';
import { InvitationSection } from './InvitationSection';
import { MinutesSettingsSection } from './MinutesSettingsSection';
import { PartnersSection } from './PartnersSection';
import { PostesSection } from './PostesSection';
import { ProjectSection } from './ProjectSection';
import { RemindersSection } from './RemindersSection';

/** `section`: the one a link opened the page at (the meeting page's « Paramètres › Ordinateurs »). */
export function SettingsPage({ section }: { section?: SettingsSection }) {
  return (
    <FormSaverProvider>
      <Settings section={section} />
    </FormSaverProvider>
  );
}

function Settings({ section }: { section?: SettingsSection }) {
  useUndoShortcut();
  const { me, partners } = useAppState();
  // The header as wide as the sections: the save status above their right edge.
  return (
    <Box maw={900}>
      <PageHeader title="Paramètres">
        <SaveStatus />
      </PageHeader>
      <Stack gap="lg">
        <SectionCard title="Coopérations">
          <ProjectSection />
        </SectionCard>

        <SectionCard title="Partenaires">
          <PartnersSection />
        </SectionCard>

        <SectionCard title="Utilisateur de cet ordinateur">
          <AutosaveText label="Votre nom" required value={me.name} save={(name) => send('updatePerson', me.id, { name: name ?? '' })} />
          <AutosaveText label="Votre fonction" value={me.function} save={(fonction) => send('updatePerson', me.id, { function: fonction })} />
          <AutosaveSelect
            label={`Votre ${partnerNoun(partners)}`}
            data={partnerOptions(partners)}
            value={me.partner_id}
            save={(partnerId) => send('updatePerson', me.id, { partner_id: partnerId ?? me.partner_id })}
          />
        </SectionCard>

        <SectionCard title="Rappels">
          <RemindersSection />
        </SectionCard>

        <SectionCard title="Documents joints">
          <Text size="sm">
            Un document joint à une action ou à une réunion fait {MAX_ATTACHMENT_MEGABYTES} Mo au plus&#x202f;: il est gardé une seule fois sur chaque
            ordinateur et voyage avec la synchronisation (dans le fichier d'échange, ou dans son propre fichier du dossier partagé). Au-delà, ajoutez plutôt un
            lien vers le fichier.
          </Text>
        </SectionCard>

        <SectionCard title="Comptes rendus">
          <MinutesSettingsSection />
        </SectionCard>

        <SectionCard title="Inviter un nouvel ordinateur">
          <InvitationSection />
        </SectionCard>

        <SectionCard title="Ordinateurs">
          <PostesSection scrollIntoView={section === 'ordinateurs'} />
        </SectionCard>

        <SectionCard title="Données">
          <DataSection />
        </SectionCard>
      </Stack>
    </Box>
  );
}
