import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './app/print.css';
import 'dayjs/locale/fr';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { keepInternalLinksInWindow } from './app/internalLinks';
import { Providers } from './app/Providers';

keepInternalLinksInWindow();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <ErrorBoundary subject="Entente">
        <App />
      </ErrorBoundary>
    </Providers>
  </StrictMode>,
);
