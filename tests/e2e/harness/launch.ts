// Starts Entente for a spec: the real Electron app through Playwright's _electron when an
// Electron binary is installed, otherwise the real main process (dist/main/index.cjs) in
// this Node process with `electron` replaced by the double, its window in Chromium.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { findChromium } from './browser';
import { createElectronDouble, type DialogName } from './electron-double';

const ROOT = resolve(__dirname, '../../..');
const MAIN_BUNDLE = join(ROOT, 'dist/main/index.cjs');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A click or fill that cannot happen fails after this long, not at the test's timeout. */
const ACTION_TIMEOUT = 10_000;

export interface AppHandle {
  page: Page;
  dataDir: string;
  runtime: 'electron' | 'double';
  /** The answer the next dialog of that kind gets, as Electron's dialog would return it. */
  answerDialog(name: DialogName, value: unknown): Promise<void>;
  close(): Promise<void>;
  /** The webPreferences the main window was created with; undefined where Electron does not tell. */
  webPreferences(): Promise<Record<string, unknown> | undefined>;
  /** Makes the main window as small as main allows (its minWidth and minHeight); answers that size. */
  shrinkToMinimumSize(): Promise<{ width: number; height: number }>;
  /** With the double only: what main asked of Electron's dialog and shell, in order. */
  calls?: { name: string; args: unknown[] }[];
}

const dataDirs = new Set<string>();

/** A new empty folder, removed after the test (harness/fixtures.ts). */
export function newDataDir(prefix = 'entente-e2e-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dataDirs.add(dir);
  return dir;
}

/** Removes the folders made by newDataDir since the last call (ENTENTE_E2E_KEEP=1 keeps them). */
export function removeDataDirs(): void {
  if (process.env.ENTENTE_E2E_KEEP !== '1') for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  dataDirs.clear();
}

/**
 * The Electron binary's path, or undefined where it was never downloaded (looked up the
 * way the electron package does, without its download attempt).
 */
export function electronBinary(): string | undefined {
  if (process.env.ENTENTE_E2E_RUNTIME === 'double') return undefined;
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

/** `argv`: what the system passes after the app (a double-clicked .entente file). */
export async function launchApp(dataDir = newDataDir(), env: Record<string, string> = {}, argv: string[] = []): Promise<AppHandle> {
  const binary = electronBinary();
  return binary ? launchElectron(binary, dataDir, env, argv) : launchWithDouble(dataDir, env, argv);
}

async function launchElectron(executablePath: string, dataDir: string, env: Record<string, string>, argv: string[]): Promise<AppHandle> {
  const { electronSqliteBinding } = await import('../../../main/dev/electron-sqlite.mjs');
  // Launched on the app's folder, as `electron .`: Electron reads package.json, so the app
  // runs as Entente (its name, version and userData), not as a bare script.
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [ROOT, ...argv],
    env: {
      ...process.env,
      ...env,
      ENTENTE_DATA_DIR: dataDir,
      ENTENTE_HOME: homeOf(dataDir, env),
      ENTENTE_SQLITE_BINDING: await electronSqliteBinding(),
    } as Record<string, string>,
  });
  const exited = new Promise<undefined>((done) => app.process().once('exit', () => done(undefined)));
  const page = await Promise.race([app.firstWindow(), exited]);
  if (!page) throw new AppQuitAtStart(dataDir);
  page.setDefaultTimeout(ACTION_TIMEOUT);
  return {
    page,
    dataDir,
    runtime: 'electron',
    answerDialog: (name, value) =>
      app.evaluate(
        ({ dialog }, [method, answer]) => {
          (dialog as any)[method] = async () => answer;
        },
        [name, value] as const,
      ),
    close: () => app.close(),
    webPreferences: () =>
      app.evaluate(({ BrowserWindow }) => {
        // Not in every Electron's typings, hence the cast.
        const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences?: () => object | null };
        const preferences = contents.getLastWebPreferences?.();
        return preferences ? (JSON.parse(JSON.stringify(preferences)) as Record<string, unknown>) : undefined;
      }),
    shrinkToMinimumSize: () =>
      app.evaluate(({ BrowserWindow }) => {
        const window = BrowserWindow.getAllWindows()[0];
        const [width, height] = window.getMinimumSize();
        window.setSize(width, height);
        return { width, height };
      }),
  };
}

let browser: Browser | undefined;

/** The registry of cooperations (main/cooperations.ts) in the test's data folder, never in the user's, unless a spec names one. */
const homeOf = (dataDir: string, env: Record<string, string>) => env.ENTENTE_HOME ?? process.env.ENTENTE_HOME ?? dataDir;

/** The app quit before opening its window, as Entente does when its data folder is already open. */
export class AppQuitAtStart extends Error {
  constructor(readonly dataDir: string) {
    super(`Entente s'est arrêtée au démarrage : le dossier de données ${dataDir} est déjà ouvert par une autre Entente.`);
  }
}

/**
 * Runs a fresh copy of the main bundle, as a new process would. Compiled here rather than
 * required: the test runner's hook would transform its 5 MB on every launch (15 to 25 s).
 */
function runMainBundle(): void {
  const bundle = new Module(MAIN_BUNDLE) as Module & { _compile(source: string, file: string): void };
  bundle.filename = MAIN_BUNDLE;
  bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(MAIN_BUNDLE));
  bundle._compile(readFileSync(MAIN_BUNDLE, 'utf8'), MAIN_BUNDLE);
}

async function launchWithDouble(dataDir: string, env: Record<string, string>, argv: string[]): Promise<AppHandle> {
  browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const double = createElectronDouble(context, { version: require(join(ROOT, 'package.json')).version, argv: [process.execPath, ROOT, ...argv] });
  await double.ready;

  // Listened to before main runs: an app refused the lock quits while its module loads.
  const quitAtStart = new Promise<undefined>((quitted) => double.electron.app.once('quit', () => quitted(undefined)));
  // The main bundle's require('electron') gets this launch's double.
  const moduleLoader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleLoader._load;
  moduleLoader._load = (request, ...rest) => (request === 'electron' ? double.electron : originalLoad(request, ...rest));
  const savedEnv = { ...process.env };
  const savedArgv = process.argv;
  const exitHooks = process.listeners('exit');
  process.argv = [process.execPath, ROOT, ...argv];
  Object.assign(process.env, env, { ENTENTE_DATA_DIR: dataDir, ENTENTE_HOME: homeOf(dataDir, env) });
  try {
    runMainBundle();
  } finally {
    moduleLoader._load = originalLoad;
    process.env = savedEnv;
    process.argv = savedArgv;
  }
  // What the bundle hooked on its process's exit (a library's temporary files) runs when the
  // app quits, as its own process would end; kept, each launch in this worker would add more.
  const bundleExitHooks = process.listeners('exit').filter((hook) => !exitHooks.includes(hook));
  void quitAtStart.then(() => {
    for (const hook of bundleExitHooks) {
      process.removeListener('exit', hook);
      hook(0);
    }
  });
  // An app that quits at start (its data folder already open) never opens a window.
  const started = await Promise.race([double.firstWindow(), quitAtStart]);
  if (!started) {
    await context.close();
    throw new AppQuitAtStart(dataDir);
  }
  const { page } = started;
  page.setDefaultTimeout(ACTION_TIMEOUT);
  await page.waitForLoadState('domcontentloaded');
  return {
    page,
    dataDir,
    runtime: 'double',
    answerDialog: async (name, value) => void double.queueDialogAnswer(name, value),
    close: async () => {
      // Main may postpone the quit (a backup finishing): the data folder is free once it quits.
      await new Promise((quitted) => {
        double.electron.app.once('quit', quitted);
        double.electron.app.quit();
      });
      await context.close();
    },
    webPreferences: async () => (double.windows[0]?.options.webPreferences ?? {}) as Record<string, unknown>,
    shrinkToMinimumSize: async () => {
      // The page is the window's content: the double's window is as large as its viewport.
      const { minWidth, minHeight } = double.windows[0].options;
      if (typeof minWidth !== 'number' || typeof minHeight !== 'number') throw new Error("La fenêtre n'a pas de taille minimale (minWidth, minHeight).");
      await page.setViewportSize({ width: minWidth, height: minHeight });
      return { width: minWidth, height: minHeight };
    },
    calls: double.calls,
  };
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}
