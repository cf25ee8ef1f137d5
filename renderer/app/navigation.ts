// A tiny hash router: the app is loaded from file://, so the screen lives in location.hash
// (#/actions/abc), which also gives the back and forward keys of Chromium for free.
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'dashboard' }
  | { page: 'chantiers' }
  | { page: 'chantier'; id: string }
  | { page: 'actions' }
  | { page: 'action'; id: string }
  | { page: 'people' }
  | { page: 'conflicts' }
  | { page: 'sync' }
  | { page: 'settings' };

const SEGMENTS = {
  dashboard: 'tableau-de-bord',
  chantiers: 'chantiers',
  actions: 'actions',
  people: 'personnes',
  conflicts: 'conflits',
  sync: 'synchronisation',
  settings: 'parametres',
} as const;

export function href(route: Route): string {
  switch (route.page) {
    case 'chantier':
      return `#/chantiers/${encodeURIComponent(route.id)}`;
    case 'action':
      return `#/actions/${encodeURIComponent(route.id)}`;
    default:
      return `#/${SEGMENTS[route.page]}`;
  }
}

function parseHash(hash: string): Route {
  const [segment, id] = hash.replace(/^#\/?/, '').split('/');
  if (segment === 'chantiers') return id ? { page: 'chantier', id: decodeURIComponent(id) } : { page: 'chantiers' };
  if (segment === 'actions') return id ? { page: 'action', id: decodeURIComponent(id) } : { page: 'actions' };
  if (segment === 'personnes') return { page: 'people' };
  if (segment === 'conflits') return { page: 'conflicts' };
  if (segment === 'synchronisation') return { page: 'sync' };
  if (segment === 'parametres') return { page: 'settings' };
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
