import { createContext, useContext } from 'react';
import type { AppState } from '../../preload/contract';

export type ReadyState = Extract<AppState, { status: 'ready' }>;

const AppContext = createContext<ReadyState | null>(null);

export const AppStateProvider = AppContext.Provider;

/** The project, its partners and the person using this laptop, for any screen of the open app. */
export function useAppState(): ReadyState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useAppState outside of a ready app');
  return state;
}
