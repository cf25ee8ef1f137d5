// A tiny hash router: the app is one page (app://entente/), so the screen lives in location.hash
// (#/actions/abc), which also gives the back and forward keys of Chromium for free.
import { useSyncExternalStore } from 'react';
import type { DashboardPeriod, PrintLayout } from '../../preload/contract';

export type Route =
  | { page: 'dashboard' }
  | { page: 'dashboard-print'; period: DashboardPeriod }
  | { page: 'my-actions' }
  | { page: 'chantiers' }
  | { page: 'chantier'; id: string }
  | { page: 'actions' }
  | { page: 'action'; id: string }
  | { page: 'action-print'; id: string }
  | { page: 'people' }
  | { page: 'conflicts' }
  | { page: 'sync' }
  | { page: 'meetings' }
  | { page: 'meeting'; id: string; step?: MeetingStep }
  | { page: 'decisions' }
  | { page: 'minutes-print'; id: string; layout: PrintLayout }
  | { page: 'pistes' }
  | { page: 'piste'; id: string }
  | { page: 'pistes-scoring' }
  | { page: 'pistes-matrix' }
  | { page: 'pistes-synthesis' }
  | { page: 'newsletters' }
  | { page: 'newsletter'; id: string }
  | { page: 'newsletter-print'; id: string }
  | { page: 'settings'; section?: SettingsSection };

/** A section of Paramètres a link may open at, #/parametres/ordinateurs. */
export type SettingsSection = 'ordinateurs';

/** The meeting page's two steps, #/reunions/ID/compte-rendu: a link may open either. */
export type MeetingStep = 'preparer' | 'compte-rendu';
const MEETING_STEPS: readonly string[] = ['preparer', 'compte-rendu'] satisfies MeetingStep[];

const SEGMENTS = {
  dashboard: 'tableau-de-bord',
  'my-actions': 'mes-actions',
  chantiers: 'chantiers',
  actions: 'actions',
  people: 'personnes',
  conflicts: 'conflits',
  sync: 'synchronisation',
  meetings: 'reunions',
  decisions: 'decisions',
  pistes: 'pistes',
  'pistes-scoring': 'pistes/evaluation',
  'pistes-matrix': 'pistes/matrice',
  'pistes-synthesis': 'pistes/synthese',
  newsletters: 'lettres',
  settings: 'parametres',
} as const;

/** The pistes' views under #/pistes/…: any other segment there is a piste's id. */
const PISTE_VIEWS: Record<string, Route> = {
  evaluation: { page: 'pistes-scoring' },
  matrice: { page: 'pistes-matrix' },
  synthese: { page: 'pistes-synthesis' },
};

/** #/tableau-de-bord/impression/cette-annee */
const PERIOD_SEGMENTS: Record<DashboardPeriod, string> = { all: 'depuis-le-debut', year: 'cette-annee', 'since-codiri': 'depuis-le-dernier-codiri' };

/** #/reunions/ID/impression/compte-rendu */
const PRINT_SEGMENTS: Record<PrintLayout, string> = {
  compte_rendu: 'compte-rendu',
  releve: 'releve',
  dossier_codiri: 'dossier-codiri',
  convocation: 'convocation',
  emargement: 'emargement',
};

export function href(route: Route): string {
  switch (route.page) {
    case 'chantier':
      return `#/chantiers/${encodeURIComponent(route.id)}`;
    case 'action':
      return `#/actions/${encodeURIComponent(route.id)}`;
    case 'action-print':
      return `#/actions/${encodeURIComponent(route.id)}/impression`;
    case 'meeting':
      return `#/reunions/${encodeURIComponent(route.id)}${route.step ? `/${route.step}` : ''}`;
    case 'dashboard-print':
      return `#/tableau-de-bord/impression/${PERIOD_SEGMENTS[route.period]}`;
    case 'minutes-print':
      return `#/reunions/${encodeURIComponent(route.id)}/impression/${PRINT_SEGMENTS[route.layout]}`;
    case 'piste':
      return `#/pistes/${encodeURIComponent(route.id)}`;
    case 'newsletter':
      return `#/lettres/${encodeURIComponent(route.id)}`;
    case 'newsletter-print':
      return `#/lettres/${encodeURIComponent(route.id)}/impression`;
    case 'settings':
      return `#/parametres${route.section ? `/${route.section}` : ''}`;
    default:
      return `#/${SEGMENTS[route.page]}`;
  }
}

function parseHash(hash: string): Route {
  const [segment, id, section, layout] = hash.replace(/^#\/?/, '').split('/');
  const printLayout = (Object.keys(PRINT_SEGMENTS) as PrintLayout[]).find((key) => section === 'impression' && PRINT_SEGMENTS[key] === layout);
  if (segment === 'reunions' && id && printLayout) return { page: 'minutes-print', id: decodeURIComponent(id), layout: printLayout };
  if (segment === 'tableau-de-bord' && id === 'impression') {
    const period = (Object.keys(PERIOD_SEGMENTS) as DashboardPeriod[]).find((key) => PERIOD_SEGMENTS[key] === section);
    return { page: 'dashboard-print', period: period ?? 'all' };
  }
  if (segment === 'chantiers') return id ? { page: 'chantier', id: decodeURIComponent(id) } : { page: 'chantiers' };
  if (segment === 'actions' && id && section === 'impression') return { page: 'action-print', id: decodeURIComponent(id) };
  if (segment === 'actions') return id ? { page: 'action', id: decodeURIComponent(id) } : { page: 'actions' };
  if (segment === 'mes-actions') return { page: 'my-actions' };
  if (segment === 'personnes') return { page: 'people' };
  if (segment === 'conflits') return { page: 'conflicts' };
  if (segment === 'synchronisation') return { page: 'sync' };
  if (segment === 'reunions' && id && MEETING_STEPS.includes(section)) return { page: 'meeting', id: decodeURIComponent(id), step: section as MeetingStep };
  if (segment === 'reunions') return id ? { page: 'meeting', id: decodeURIComponent(id) } : { page: 'meetings' };
  if (segment === 'parametres') return id === 'ordinateurs' ? { page: 'settings', section: id } : { page: 'settings' };
  if (segment === 'decisions') return { page: 'decisions' };
  if (segment === 'pistes') return id ? (PISTE_VIEWS[id] ?? { page: 'piste', id: decodeURIComponent(id) }) : { page: 'pistes' };
  if (segment === 'lettres' && id && section === 'impression') return { page: 'newsletter-print', id: decodeURIComponent(id) };
  if (segment === 'lettres') return id ? { page: 'newsletter', id: decodeURIComponent(id) } : { page: 'newsletters' };
  return { page: 'dashboard' };
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
