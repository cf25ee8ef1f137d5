// Entente's main process: open the data folder, register the API, show the window.
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { join, resolve } from 'node:path';
import { keyringData } from '../db/sync/keys';
import { folderState } from '../db/sync/status';
import { DATA_CHANGED_CHANNEL, SYNC_PROGRESS_CHANNEL, type DataChange } from '../preload/contract';
import { frenchTypography } from '../common/french';
import { toUserError } from '../db/errors';
import { Session } from './session';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { applySecurityPolicy } from './security';
import { SyncJobs } from './sync/jobs';
import { OpenedFiles } from './opened-files';
import { SharedFolderWatcher } from './sync/shared-folder';
import { startReminders } from './reminders';
import { startUpkeep } from './upkeep';
import { isAppUrl, registerAppScheme, serveRenderer } from './app-scheme';
import { createMainWindow, RENDERER_DIR } from './window';
import { dataDirSwitch, homeFolder, relaunchArgs } from './cooperations';
import { getProject } from '../db/project/reads';
import { lastOpenedCooperation, registerCooperation } from '../db/project/registry';

// The home folder (the registry of this computer's cooperations) is read before userData moves.
const home = homeFolder(process.env, app.getPath('userData'));
// --data-dir=… (another cooperation, from Paramètres › Coopérations) or ENTENTE_DATA_DIR (tests)
// picks another data folder; else the cooperation opened last. It becomes userData before anything asks for the
// single-instance lock, which Electron keys on userData: one Entente per data folder, and
// two data folders open side by side.
const chosenDataDir = dataDirSwitch(process.argv) ?? process.env.ENTENTE_DATA_DIR ?? lastOpenedCooperation(home);
if (chosenDataDir) app.setPath('userData', resolve(chosenDataDir));
const dataDir = app.getPath('userData');
// In development the app loads a better-sqlite3 built for Electron from outside node_modules
// (main/dev/start.mjs), so that node_modules keeps the one built for Node and the tests. A
// packaged app loads only its own: no variable makes it load native code from elsewhere.
const nativeBinding = (!app.isPackaged && process.env.ENTENTE_SQLITE_BINDING) || undefined;
const session = new Session(dataDir, app.getVersion(), nativeBinding, safeStorage);
let mainWindow: BrowserWindow | undefined;
const send = (channel: string, ...args: unknown[]) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, ...args);
};
const jobs = new SyncJobs(
  session,
  join(__dirname, 'sync-worker.cjs'),
  (progress) => send(SYNC_PROGRESS_CHANNEL, progress),
  () => send(DATA_CHANGED_CHANNEL, 'sync' satisfies DataChange),
);
// A failed round is recorded by the worker for the status line and the journal, never shown as a dialog.
const folderWatcher = new SharedFolderWatcher(
  () => sharedFolder() ?? null,
  () => syncSharedFolder().catch(() => undefined),
);
// The renderer's scheme must be privileged before the app is ready.
registerAppScheme();
// A .entente file double-clicked in the file manager: read from this launch's arguments
// here, from a second launch's when Entente is already open, from open-file on macOS.
const openedFiles = new OpenedFiles();
openedFiles.offerArgv(process.argv);
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openedFiles.offerPath(path)) showOpenedFile();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (openedFiles.offerArgv(argv, workingDirectory)) showOpenedFile();
    else bringToFront();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // A backup under way finishes before the file is closed.
    if (session.backupUnderWay) {
      event.preventDefault();
      void session.settle().then(() => app.quit());
      return;
    }
    folderWatcher.stop();
    session.close();
  });
  void app.whenReady().then(start);
}

function start(): void {
  applySecurityPolicy(isAppUrl);
  serveRenderer(RENDERER_DIR);
  try {
    session.open();
  } catch (error) {
    dialog.showErrorBox('Entente ne peut pas démarrer', frenchTypography(`Le dossier de données ${dataDir} est inaccessible : ${toUserError(error).message}`));
    app.quit();
    return;
  }
  registerIpc(
    createHandlers(session, {
      jobs,
      watcher: folderWatcher,
      opened: openedFiles,
      window: () => mainWindow,
      cooperations: { home, register: registerOpened, reopenOn },
    }),
    (sender, frameUrl) => sender === mainWindow?.webContents && isAppUrl(frameUrl),
    (error) => session.reportFailure(error),
    () => jobs.idle(),
  );
  try {
    registerOpened();
  } catch {
    // An unreadable registry does not keep this cooperation from opening: Paramètres › Coopérations says it.
  }
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = undefined));
  startUpkeep(
    session,
    () => jobs.idle(),
    () => send(DATA_CHANGED_CHANNEL, 'validation' satisfies DataChange),
  );
  // The échéances of this laptop's person as a system notification, if allowed: at start, then hourly.
  startReminders(session, () => jobs.idle());
  folderWatcher.start();
}

/** This data folder in the registry, under its project's name once its first start is done. */
function registerOpened(): void {
  let name: string | null = null;
  try {
    name = getProject(session.requireStore()).name;
  } catch {
    // first start, or a damaged file: listed without a name until it is settled
  }
  registerCooperation(home, { name, dataDir, opened: new Date().toISOString() });
}

/** Entente closes and starts again on another data folder (another cooperation). */
async function reopenOn(otherDataDir: string): Promise<void> {
  // A sync under way ends first: stopped, an export would leave its temporary file behind.
  folderWatcher.stop();
  await jobs.idle();
  await session.settle();
  session.close();
  app.relaunch({ execPath: process.execPath, args: relaunchArgs(process.argv, otherDataDir) });
  app.exit(0);
}

function bringToFront(): void {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

/** A file the system asked to open while Entente runs: the window comes forward and shows it. */
function showOpenedFile(): void {
  bringToFront();
  send(DATA_CHANGED_CHANNEL, 'opened-file' satisfies DataChange);
}

function sharedFolder(): string | undefined {
  try {
    return folderState(session.requireStore()).folder ?? undefined;
  } catch {
    return undefined; // first start, or a damaged file: no sync until it is settled
  }
}

async function syncSharedFolder(): Promise<void> {
  const folder = sharedFolder();
  if (!folder || session.keys.state(session.requireStore()) !== 'ready') return;
  // Started by main, not by a call of the window: the window is told that data changed.
  const { changed } = await jobs.run({ kind: 'folder', folder, keys: keyringData(session.keys.require(session.requireStore())) });
  if (changed) send(DATA_CHANGED_CHANNEL, 'sync' satisfies DataChange);
}
