// Electron's security checklist, applied to every web contents the app creates:
// no navigation away from the app, no new windows, no webviews, no permissions.
import { app, session, shell, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';

export function applySecurityPolicy(isAppUrl: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    for (const navigation of ['will-navigate', 'will-redirect'] as const) {
      contents.on(navigation as 'will-navigate', (event, url) => {
        if (!isAppUrl(url)) event.preventDefault();
      });
    }
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links of an action (liens) open in the user's browser or file manager, never inside the app.
      if (/^(https?|mailto):/i.test(url)) void shell.openExternal(url);
      else if (/^file:/i.test(url)) openFile(url);
      return { action: 'deny' };
    });
  });
}

/** A file:// link (or \\serveur\partage, which the page resolves to file://serveur/…). */
function openFile(url: string): void {
  try {
    void shell.openPath(fileURLToPath(url));
  } catch (error) {
    console.error(`Lien de fichier illisible sur ce système : ${url}`, error);
  }
}
