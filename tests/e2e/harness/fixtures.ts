// The specs' fixtures: `launch` starts Entente on a fresh data folder (or a given one, to
// restart on the same data), and every app started is closed after the test.
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { closeBrowser, launchApp, newDataDir, type AppHandle } from './launch';

export const ARTIFACTS = resolve(__dirname, '../../artifacts');

export const test = base.extend<{ launch: (dataDir?: string) => Promise<AppHandle> }, { browserCleanup: void }>({
  // The double's Chromium is shared by a worker's tests and closed with the worker.
  browserCleanup: [
    async ({}, use) => {
      await use();
      await closeBrowser();
    },
    { scope: 'worker', auto: true },
  ],
  launch: async ({}, use) => {
    const started: AppHandle[] = [];
    await use(async (dataDir = newDataDir()) => {
      const app = await launchApp(dataDir);
      started.push(app);
      return app;
    });
    for (const app of started) await app.close();
  },
});

export { expect };

/** Saves a screenshot of the page as tests/artifacts/screens/NAME.png. */
export async function screenshot(app: AppHandle, name: string): Promise<string> {
  const dir = join(ARTIFACTS, 'screens');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await app.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Answers the first-start form, as a new user of this laptop would. */
export async function completeFirstStart(app: AppHandle, name = 'Claire Martin', fonction = 'Cheffe de projet', departement = "Département d'Indre-et-Loire"): Promise<void> {
  const { page } = app;
  await page.getByLabel('Nom').fill(name);
  await page.getByLabel('Fonction').fill(fonction);
  await page.getByLabel('Département').click();
  await page.getByRole('option', { name: departement }).click();
  await page.getByRole('button', { name: /Commencer/ }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
}
