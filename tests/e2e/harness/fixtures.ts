// The specs' fixtures: `launch` starts Entente on a fresh data folder (or a given one, to
// restart on the same data); every app started is closed after the test, and the data
// folders the test made are removed.
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeTemplates } from './data';
import { closeBrowser, launchApp, newDataDir, removeDataDirs, type AppHandle } from './launch';

export const ARTIFACTS = resolve(__dirname, '../../artifacts');

export const test = base.extend<{ launch: (dataDir?: string, options?: { argv?: string[] }) => Promise<AppHandle> }, { browserCleanup: void }>({
  // The double's Chromium is shared by a worker's tests and closed with the worker.
  browserCleanup: [
    async ({}, use) => {
      await use();
      await closeBrowser();
      removeTemplates();
    },
    { scope: 'worker', auto: true },
  ],
  launch: async ({}, use) => {
    const open: AppHandle[] = [];
    await use(async (dataDir = newDataDir(), options = {}) => {
      const app = await launchApp(dataDir, {}, options.argv);
      // close() may be called by the test (to restart on the same data) and again here.
      let closing: Promise<void> | undefined;
      const handle: AppHandle = { ...app, close: () => (closing ??= app.close()) };
      open.push(handle);
      return handle;
    });
    for (const app of open) await app.close();
    removeDataDirs();
  },
});

export { expect };

export type { AppHandle };

/** Waits for the page's finite CSS transitions and animations (a modal fading in) to end. */
export async function animationsDone(app: AppHandle): Promise<void> {
  await app.page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
  );
}

/** Saves a screenshot of the page, once still, as tests/artifacts/screens/NAME.png. */
export async function screenshot(app: AppHandle, name: string): Promise<string> {
  await animationsDone(app);
  const dir = join(ARTIFACTS, 'screens');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Answers the first-start form, as a new user of this laptop would. */
export async function completeFirstStart(
  app: AppHandle,
  name = 'Claire Martin',
  fonction = 'Cheffe de projet',
  departement = "Département d'Indre-et-Loire",
): Promise<void> {
  const { page } = app;
  await page.getByRole('textbox', { name: /^Nom/ }).fill(name);
  await page.getByRole('textbox', { name: /^Fonction/ }).fill(fonction);
  await page.getByRole('combobox', { name: /^Département/ }).click();
  await page.getByRole('option', { name: departement }).click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
}

/** The app's screens, as the navigation names them. */
export type Screen = 'Tableau de bord' | 'Mes actions' | 'Chantiers' | 'Actions' | 'Personnes' | 'Réunions' | 'Pistes' | 'Paramètres';

/** Opens a screen from the main navigation and waits for its title. */
export async function openScreen(app: AppHandle, screen: Screen): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: screen, exact: true }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}

/** The Actions screen's count (« 14 actions »), once loaded. */
export function actionCount(app: AppHandle) {
  return app.page.getByRole('status').filter({ hasText: / actions?$/ });
}
