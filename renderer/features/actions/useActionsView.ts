import { useEffect, useState } from 'react';

/** The Actions screen as a table or as one column per statut. */
export type ActionsView = 'table' | 'board';

const KEY = 'actions.view';

/**
 * The chosen view, remembered on this laptop (localStorage, unlike the filters which last
 * for the session): whoever prefers the columns finds them again at the next start.
 */
export function useActionsView() {
  const [view, setView] = useState<ActionsView>(() => (localStorage.getItem(KEY) === 'board' ? 'board' : 'table'));
  useEffect(() => localStorage.setItem(KEY, view), [view]);
  return [view, setView] as const;
}
