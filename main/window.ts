// The main window: sandboxed renderer, isolated preload, our own page only.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const RENDERER_INDEX = join(__dirname, '../renderer/index.html');
const PRELOAD = join(__dirname, '../preload/index.cjs');
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href;

/** Our page, whatever its #fragment or ?query. */
export function isAppUrl(url: string | undefined): boolean {
  return !!url && url.split(/[?#]/)[0] === RENDERER_URL;
}

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
  void window.loadFile(RENDERER_INDEX);
  return window;
}
