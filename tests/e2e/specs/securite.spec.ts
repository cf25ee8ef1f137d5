// Electron's security checklist, seen from the page: an isolated, sandboxed renderer with no
// Node, an API of functions only, a strict CSP, no navigation away and no new windows.
import { API_METHODS } from '../../../preload/contract';
import { copyOfPrepared, initData } from '../harness/data';
import { expect, test } from '../harness/fixtures';

test('fenêtre isolée : préférences web, pas de Node dans la page, API de fonctions seulement, CSP stricte', async ({ launch }) => {
  const app = await launch(copyOfPrepared('projet', initData));
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  const preferences = await app.webPreferences();
  if (preferences) {
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(preferences.webSecurity).not.toBe(false);
    expect(preferences.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(preferences.webviewTag ?? false).toBe(false);
  } else {
    test.info().annotations.push({ type: 'non vérifié', description: 'cet Electron ne donne pas les webPreferences de la fenêtre' });
  }

  const globals = await page.evaluate(() => ({
    require: typeof (window as any).require,
    process: typeof (window as any).process,
    ipcRenderer: typeof (window as any).ipcRenderer,
    module: typeof (window as any).module,
    electron: typeof (window as any).electron,
    Buffer: typeof (window as any).Buffer,
  }));
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    module: 'undefined',
    electron: 'undefined',
    Buffer: 'undefined',
  });

  const api = await page.evaluate(() => {
    const value = (window as any).api;
    return {
      kinds: Object.fromEntries(Object.keys(value).map((key) => [key, typeof value[key]])),
      frozen: Object.isFrozen(value),
    };
  });
  expect(Object.keys(api.kinds).sort()).toEqual([...API_METHODS, 'onDataChanged', 'onSyncProgress'].sort());
  for (const [key, kind] of Object.entries(api.kinds)) expect(kind, `window.api.${key}`).toBe('function');
  expect(api.frozen, 'window.api ne peut pas être modifié par la page').toBe(true);

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp, 'la page déclare une CSP').toBeTruthy();
  const directives = Object.fromEntries(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(csp).not.toContain('unsafe-eval');
  expect(directives['default-src']).toEqual(["'none'"]);
  expect(directives['object-src'] ?? directives['default-src']).toEqual(["'none'"]);

  // The CSP is in force for the page's own code: a string timer (an eval) and an inline script
  // are refused. (page.evaluate itself runs through DevTools, which CSP does not restrict.)
  const refused = async (inject: string) =>
    page.evaluate(async (kind) => {
      const violation = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
        setTimeout(() => resolve('aucune violation'), 2000);
      });
      if (kind === 'eval') (window.setTimeout as (code: string, ms: number) => number)('window.__ran = "eval"', 0);
      else {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = "inline"';
        document.head.append(script);
      }
      const directive = await violation;
      return { ran: (window as any).__ran ?? null, directive };
    }, inject);
  const evalResult = await refused('eval');
  expect(evalResult.ran).toBeNull();
  expect(evalResult.directive).toMatch(/^script-src/);
  const inline = await refused('inline');
  expect(inline.ran).toBeNull();
  expect(inline.directive).toMatch(/^script-src/);
});

test('navigation vers un site extérieur bloquée, window.open refusé', async ({ launch }) => {
  const app = await launch(copyOfPrepared('projet', initData));
  const { page } = app;
  const heading = page.getByRole('heading', { level: 1, name: 'Tableau de bord' });
  await expect(heading).toBeVisible();
  const appUrl = page.url();
  // The app's own scheme (the double serves it on an https origin of its own: docs/electron-double.md).
  expect(appUrl).toMatch(app.runtime === 'electron' ? /^app:\/\/entente\/index\.html(#.*)?$/ : /^https:\/\/entente\.app\.invalid\/index\.html(#.*)?$/);

  // location.href and a clicked link alike.
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.org/autre';
    link.textContent = 'lien extérieur';
    document.body.append(link);
    link.click();
  });
  // A navigation, if it happened, would leave the page within a moment; the app must still be there.
  await expect(heading).toBeVisible();
  await page.waitForLoadState();
  expect(page.url()).toBe(appUrl);
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();

  // window.open: no window of the app's own opens (a web link goes to the user's browser).
  await page.evaluate(() => {
    (window as any).__popup = window.open('https://example.org/', '_blank');
  });
  await expect.poll(() => page.evaluate(() => (window as any).__popup === null || (window as any).__popup.closed === true)).toBe(true);
  if (app.calls) expect(app.calls).toContainEqual({ name: 'openExternal', args: ['https://example.org/'] });
  expect(page.isClosed()).toBe(false);
  await expect(heading).toBeVisible();
});
