// Electron's security checklist, applied to every web contents the app creates:
// no navigation away from the app, no new windows, no webviews, no permissions.
import { app, BrowserWindow, session, type WebContents } from 'electron';
import { openLink } from './links';

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
      // The app's own pages never open outside it (the page routes a ctrl-click itself);
      // the links of an action open in the user's programs, as main/links.ts allows.
      if (!isAppUrl(url)) void openLink(url, BrowserWindow.fromWebContents(contents) ?? undefined);
      return { action: 'deny' };
    });
  });
}
