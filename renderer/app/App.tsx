import { Center, Loader } from '@mantine/core';
import { useApiData } from '../api';
import { FirstStartScreen } from '../features/startup/FirstStartScreen';
import { StartupErrorScreen } from '../features/startup/StartupErrorScreen';
import { AppStateProvider } from './AppContext';
import { Shell } from './Shell';

/** Chooses between the welcome screen, the startup error and the app itself. */
export function App() {
  const { data: state, error } = useApiData('getAppState');
  if (error) return <StartupErrorScreen error={error} backups={[]} />;
  if (!state) {
    return (
      <Center h="100vh">
        <Loader aria-label="Chargement" />
      </Center>
    );
  }
  switch (state.status) {
    case 'first-start':
      return <FirstStartScreen state={state} />;
    case 'error':
      return <StartupErrorScreen error={state.error} backups={state.backups} dataDir={state.data_dir} />;
    case 'ready':
      return (
        <AppStateProvider value={state}>
          <Shell />
        </AppStateProvider>
      );
  }
}
