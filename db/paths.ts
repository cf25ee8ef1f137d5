// Where the data lives: the folder Electron names userData for the product "Entente",
// computed here without Electron so that the CLI finds the same file.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const PRODUCT_NAME = 'Entente';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

export const databaseFile = (dataDir: string) => join(dataDir, 'entente.sqlite');

/** The database's size on disk: its file and its write-ahead log, where the latest commits stay until SQLite copies them into the file. */
export const databaseBytes = (file: string) => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
export const backupDir = (dataDir: string) => join(dataDir, 'sauvegardes');
