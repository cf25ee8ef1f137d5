// Electron's security checklist, applied to every web contents the app creates:
// no navigation away from the app, no new windows, no webviews, no permissions.
import { app, session, shell, type WebContents } from 'electron';

export function applySecurityPolicy(isAppUrl: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links of an action (liens) open in the user's browser, never inside the app.
      if (/^(https?|mailto):/i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
