// The main window: sandboxed renderer, isolated preload, our own page only.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_URL } from './app-scheme';

/** The built renderer, served on app://entente/ (app-scheme.ts). */
export const RENDERER_DIR = join(__dirname, '../renderer');
const PRELOAD = join(__dirname, '../preload/index.cjs');

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Entente',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // The developer tools are for development; an installed Entente has none.
      devTools: !app.isPackaged,
      // Chromium's spellchecker downloads dictionaries from the Internet: not for this offline app.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return window;
}
