import { Alert, Anchor, AppShell, Badge, Burger, Group, Indicator, NavLink, Text, Tooltip, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconArrowsExchange,
  IconArrowsSplit2,
  IconBulb,
  IconCalendarEvent,
  IconChecklist,
  IconGavel,
  IconLayoutDashboard,
  IconNews,
  IconSettings,
  IconStack2,
  IconUserCheck,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { ActionFichePage } from '../features/action-fiche/ActionFichePage';
import { ActionsPage } from '../features/actions/ActionsPage';
import { useApiData } from '../api';
import { ChantierPage } from '../features/chantiers/ChantierPage';
import { ChantiersPage } from '../features/chantiers/ChantiersPage';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DashboardPrintPage } from '../features/dashboard/DashboardPrintPage';
import { MatrixPage } from '../features/pistes/MatrixPage';
import { SynthesisPrintPage } from '../features/pistes/SynthesisPrintPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { FileDropImport } from '../features/sync/FileDropImport';
import { OpenedFileModal } from '../features/sync/OpenedFileModal';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { DecisionsPage } from '../features/decisions/DecisionsPage';
import { NewsletterPage } from '../features/newsletters/NewsletterPage';
import { NewsletterPrintPage } from '../features/newsletters/NewsletterPrintPage';
import { NewslettersPage } from '../features/newsletters/NewslettersPage';
import { MinutesPrintPage } from '../features/minutes-print/MinutesPrintPage';
import { FichePrintPage } from '../features/fiche-print/FichePrintPage';
import { MyActionsPage } from '../features/my-actions/MyActionsPage';
import { RemindersIndicator } from '../features/my-actions/RemindersIndicator';
import { SyncPage } from '../features/sync/SyncPage';
import { PistePage } from '../features/pistes/PistePage';
import { PistesPage } from '../features/pistes/PistesPage';
import { ScoringPage } from '../features/pistes/ScoringPage';
import { capitalized } from '../../common/french';
import { useAppState } from './AppContext';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { ErrorBoundary } from './ErrorBoundary';
import { href, useRoute, type Route } from './navigation';

interface NavItem {
  label: string;
  route: Route;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  /** Pages that light up this entry (a chantier page belongs to « Chantiers »). */
  pages: Route['page'][];
}

const NAV: NavItem[] = [
  { label: 'Tableau de bord', route: { page: 'dashboard' }, icon: IconLayoutDashboard, pages: ['dashboard', 'dashboard-print'] },
  { label: 'Mes actions', route: { page: 'my-actions' }, icon: IconUserCheck, pages: ['my-actions'] },
  { label: 'Chantiers', route: { page: 'chantiers' }, icon: IconStack2, pages: ['chantiers', 'chantier'] },
  { label: 'Actions', route: { page: 'actions' }, icon: IconChecklist, pages: ['actions', 'action', 'action-print'] },
  { label: 'Pistes', route: { page: 'pistes' }, icon: IconBulb, pages: ['pistes', 'piste', 'pistes-scoring', 'pistes-matrix', 'pistes-synthesis'] },
  { label: 'Réunions', route: { page: 'meetings' }, icon: IconCalendarEvent, pages: ['meetings', 'meeting', 'minutes-print'] },
  { label: 'Décisions', route: { page: 'decisions' }, icon: IconGavel, pages: ['decisions'] },
  { label: "Lettres d'info", route: { page: 'newsletters' }, icon: IconNews, pages: ['newsletters', 'newsletter', 'newsletter-print'] },
  { label: 'Personnes', route: { page: 'people' }, icon: IconUsers, pages: ['people'] },
  { label: 'Conflits', route: { page: 'conflicts' }, icon: IconArrowsSplit2, pages: ['conflicts'] },
  { label: 'Synchronisation', route: { page: 'sync' }, icon: IconArrowsExchange, pages: ['sync'] },
  { label: 'Paramètres', route: { page: 'settings' }, icon: IconSettings, pages: ['settings'] },
];

/** Pages that are a document to print: no banner over them (nor over Synchronisation, which says it at length). */
const PRINTED_PAGES = new Set<Route['page']>(['dashboard-print', 'action-print', 'minutes-print', 'pistes-synthesis', 'newsletter-print']);

export function Shell() {
  const { project, me, revoked_by: revokedBy } = useAppState();
  const route = useRoute();
  const [opened, { toggle, close }] = useDisclosure();
  // What waits for the user, counted beside its screen: conflicts to resolve, ordinateurs to check.
  const waiting: Partial<Record<Route['page'], { count: number; what: string }>> = {
    conflicts: { count: useApiData('listConflicts').data?.length ?? 0, what: 'à résoudre' },
    sync: { count: useApiData('listPosteNotices').data?.length ?? 0, what: 'à vérifier' },
  };
  // A window between a phone's width and a laptop's (half a large screen): the navigation as a rail of icons, named by tooltips.
  const { breakpoints } = useMantineTheme();
  const rail = useMediaQuery(`(min-width: ${breakpoints.sm}) and (max-width: calc(${breakpoints.lg} - 0.1px))`) ?? false;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: { base: 230, sm: 64, lg: 230 }, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Afficher la navigation" />
            <Text fw={700} size="lg">
              Entente
            </Text>
            <Text c="dimmed" truncate visibleFrom="xs">
              {project.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
              {me.name}
            </Text>
            <RemindersIndicator />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Navigation principale">
        {NAV.map((item) => {
          const active = item.pages.includes(route.page);
          const { count, what } = waiting[item.route.page] ?? { count: 0, what: '' };
          const link = (
            <NavLink
              key={item.label}
              href={href(item.route)}
              label={rail ? undefined : item.label}
              aria-label={rail ? (count > 0 ? `${item.label} (${count} ${what})` : item.label) : undefined}
              leftSection={
                <Indicator disabled={!rail || count === 0} label={count} size={16} color="orange.8" c="black">
                  <item.icon size={20} aria-hidden />
                </Indicator>
              }
              rightSection={
                !rail && count > 0 ? (
                  <Badge color="orange.8" c="black" variant="filled" radius="sm" size="sm" px={6}>
                    {count}
                    <VisuallyHidden> {what}</VisuallyHidden>
                  </Badge>
                ) : undefined
              }
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
              variant="filled"
            />
          );
          return rail ? (
            <Tooltip key={item.label} label={item.label} position="right" withArrow openDelay={400}>
              {link}
            </Tooltip>
          ) : (
            link
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main>
        {revokedBy && !PRINTED_PAGES.has(route.page) && route.page !== 'sync' && (
          // On every screen: work typed on a revoked ordinateur would otherwise seem to count.
          <Alert color="red" mb="md" title="Cet ordinateur a été révoqué">
            {capitalized(revokedBy)} l'a révoqué&#x202f;: ce que vous y écrivez ne parviendra plus aux autres ordinateurs.{' '}
            <Anchor href={href({ page: 'sync' })}>Comment revenir dans la coopération</Anchor>
          </Alert>
        )}
        <ErrorBoundary subject="Cette page" resetKey={href(route)}>
          <CurrentPage route={route} />
        </ErrorBoundary>
      </AppShell.Main>
      <FileDropImport />
      <OpenedFileModal />
    </AppShell>
  );
}

function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'dashboard-print':
      return <DashboardPrintPage period={route.period} />;
    case 'my-actions':
      return <MyActionsPage />;
    case 'chantiers':
      return <ChantiersPage />;
    case 'chantier':
      return <ChantierPage key={route.id} id={route.id} />;
    case 'actions':
      return <ActionsPage />;
    case 'action':
      return <ActionFichePage key={route.id} id={route.id} />;
    case 'people':
      return <PeoplePage />;
    case 'conflicts':
      return <ConflictsPage />;
    case 'meetings':
      return <MeetingsPage />;
    case 'meeting':
      return <MeetingPage key={route.id} id={route.id} step={route.step} />;
    case 'decisions':
      return <DecisionsPage />;
    case 'newsletters':
      return <NewslettersPage />;
    case 'newsletter':
      return <NewsletterPage key={route.id} id={route.id} />;
    case 'newsletter-print':
      return <NewsletterPrintPage key={route.id} id={route.id} />;
    case 'minutes-print':
      return <MinutesPrintPage key={route.id} id={route.id} layout={route.layout} />;
    case 'action-print':
      return <FichePrintPage key={route.id} id={route.id} />;
    case 'pistes':
      return <PistesPage />;
    case 'piste':
      return <PistePage key={route.id} id={route.id} />;
    case 'pistes-scoring':
      return <ScoringPage />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage section={route.section} />;
    case 'pistes-matrix':
      return <MatrixPage />;
    case 'pistes-synthesis':
      return <SynthesisPrintPage />;
  }
}
