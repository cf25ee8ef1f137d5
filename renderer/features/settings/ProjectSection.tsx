import { Accordion, Code, List, Stack, Text } from '@mantine/core';
import { fieldLabel } from '../../../common/fields';
import { kindOf } from '../../../common/partners';
import { PARTNER_KIND_LABELS } from '../../../common/vocabulary';
import { send } from '../../api';
import { useAppState } from '../../app/AppContext';
import { AutosaveText } from '../../shared/autosave/AutosaveFields';

/**
 * The cooperation this laptop follows: its name, its partners and their kinds, its id for
 * support, and how to follow another one (one project per data folder).
 */
export function ProjectSection() {
  const { project, partners, data_dir } = useAppState();
  return (
    <Stack gap="sm">
      <AutosaveText label={fieldLabel('project', 'name')} required value={project.name} save={(name) => send('updateProjectName', name ?? '')} />
      <Text size="sm" fw={500} id="project-partners">
        {partners.length} partenaires
      </Text>
      <List size="sm" spacing={4} aria-labelledby="project-partners">
        {partners.map((partner) => (
          <List.Item key={partner.id}>
            {partner.name} — {PARTNER_KIND_LABELS[partner.kind ?? kindOf(partner.name)]} (code {partner.code})
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        Pour suivre une autre coopération sur cet ordinateur, Entente doit être démarré avec un autre dossier de données&#x202f;: chaque dossier tient une seule
        coopération, et deux dossiers peuvent être ouverts côte à côte. Demandez à votre service informatique un raccourci qui démarre Entente avec la variable
        d'environnement ENTENTE_DATA_DIR désignant ce nouveau dossier&#x202f;; au premier démarrage, choisissez «&#x202f;Nouvelle coopération&#x202f;» ou
        «&#x202f;Rejoindre un projet&#x202f;».
      </Text>
      <Accordion variant="contained" chevronPosition="left">
        <Accordion.Item value="technique">
          <Accordion.Control>Détails techniques</Accordion.Control>
          <Accordion.Panel>
            <Stack gap={4}>
              <Text size="sm">
                Identifiant du projet&#x202f;: <Code>{project.id}</Code>
              </Text>
              <Text size="sm">
                Dossier de données&#x202f;: <Code>{data_dir}</Code>
              </Text>
              <Text size="xs" c="dimmed">
                Les fichiers d'échange et les invitations portent cet identifiant&#x202f;: ceux d'une autre coopération sont refusés.
              </Text>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
