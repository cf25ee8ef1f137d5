import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import type { CooperationDashboard } from '../../../preload/contract';
import { href, type Route } from '../../app/navigation';

/** A cooperation with nothing in it yet: its dashboard is all zeros, so it says where to begin. */
export function isNewCooperation(dashboard: CooperationDashboard): boolean {
  return dashboard.totals.actions === 0 && dashboard.meeting_count === 0;
}

const STEPS: { route: Route; screen: string; text: string }[] = [
  { route: { page: 'people' }, screen: 'Personnes', text: 'Ajoutez les personnes de chaque partenaire\u202f: pilotes, participants aux réunions.' },
  { route: { page: 'actions' }, screen: 'Actions', text: 'Créez les actions de chaque chantier, avec leurs pilotes et leurs échéances.' },
  { route: { page: 'meetings' }, screen: 'Réunions', text: 'Planifiez la première réunion et préparez son ordre du jour.' },
  {
    route: { page: 'settings' },
    screen: 'Paramètres',
    text: 'Invitez les ordinateurs des autres partenaires à rejoindre la coopération («\u00a0Inviter un nouvel ordinateur\u00a0»).',
  },
];

/** The first steps, each with the screen where it is done; gone once the first action or meeting exists. */
export function GettingStarted() {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pour-commencer">
      <Title order={2} size="h4" id="pour-commencer" mb="xs">
        Pour commencer
      </Title>
      <List type="ordered" spacing="xs">
        {STEPS.map((step) => (
          <List.Item key={step.screen}>
            {step.text} <Anchor href={href(step.route)}>{`Ouvrir l'écran ${step.screen}`}</Anchor>
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed" mt="sm">
        Ce cadre disparaît dès que la première action ou la première réunion est créée.
      </Text>
    </Paper>
  );
}
