// Backups of the SQLite file, taken online (SQLite's backup API) while the app runs, and
// the restore offered when the file is damaged. A damaged file is set aside, never
// overwritten nor deleted: it may still hold what the backups lack.
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localTimestamp } from '../../common/calendar';
import { refusal } from '../errors';
import { backupDir, databaseFile } from '../paths';
import type { Store } from '../store/store';
import type { BackupInfo } from './types';

const KEPT_BACKUPS = 20;
const BACKUP_NAME = /^entente-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.sqlite$/;
const SIDE_FILES = ['-wal', '-shm'];

/** `${base}${ext}` in dir, or `${base}-2${ext}`... if taken (two backups in one second). */
function freeName(dir: string, base: string, ext: string): string {
  let file = join(dir, `${base}${ext}`);
  for (let n = 2; [file, ...SIDE_FILES.map((side) => file + side)].some(existsSync); n++) file = join(dir, `${base}-${n}${ext}`);
  return file;
}

function info(file: string, createdAt: Date): BackupInfo {
  return { file, name: basename(file), created_at: createdAt.toISOString(), bytes: statSync(file).size };
}

/** A backup of the backup folder, dated by the local time in its name. */
function backupInfo(file: string): BackupInfo {
  const [year, month, day, hours, minutes, seconds] = BACKUP_NAME.exec(basename(file))!.slice(1, 7).map(Number);
  return info(file, new Date(year, month - 1, day, hours, minutes, seconds));
}

/**
 * Copies the database to `file`: written under a temporary name, then renamed, so that a
 * backup that exists is complete. The copy is made self-contained (no -wal beside it).
 */
export async function backupTo(store: Store, file: string): Promise<BackupInfo> {
  // Said in French before SQLite says it in English.
  if (!existsSync(dirname(file))) throw refusal('path-not-found');
  if (existsSync(file) && statSync(file).isDirectory()) throw refusal('is-a-folder');
  const partial = `${file}.partiel`;
  try {
    await store.db.backup(partial);
    // Through the store's own connection: the app may run a native build of another runtime.
    store.db.prepare('ATTACH DATABASE ? AS copy').run(partial);
    try {
      store.db.pragma('copy.journal_mode = DELETE');
    } finally {
      store.db.exec('DETACH DATABASE copy');
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return info(file, new Date());
}

/** A new backup in the backup folder; only the newest ones are kept. */
export async function backupNow(store: Store, dataDir: string): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const { file } = await backupTo(store, freeName(dir, `entente-${localTimestamp()}`, '.sqlite'));
  for (const old of listBackups(dataDir).slice(KEPT_BACKUPS)) unlinkSync(old.file);
  return backupInfo(file);
}

/** The backups of the backup folder, newest first (by the time in their name). */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const stem = (name: string) => name.slice(0, -'.sqlite'.length); // so that "-2" sorts after its first
  return readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort((a, b) => (stem(a) < stem(b) ? 1 : -1))
    .map((name) => backupInfo(join(dir, name)));
}

/**
 * Renames the database file, with its -wal and -shm, to entente.sqlite.endommagee-<date>:
 * kept for analysis, never overwritten. Returns that name, or null when there was no file.
 */
export function setAsideDatabase(dataDir: string): string | null {
  const current = databaseFile(dataDir);
  if (![current, ...SIDE_FILES.map((side) => current + side)].some(existsSync)) return null;
  const aside = freeName(dataDir, `${basename(current)}.endommagee-${localTimestamp()}`, '');
  // The -wal keeps its pairing with the file set aside, and leaves no stale log beside a restored copy.
  for (const side of ['', ...SIDE_FILES]) if (existsSync(current + side)) renameSync(current + side, aside + side);
  return aside;
}

/**
 * Puts the backup named `name` (BackupInfo.name: a name, never a path) of the backup folder
 * in place of the database file, which must be closed; the current file is set aside
 * (setAsideDatabase). Returns its new name, or null.
 */
export function restoreBackup(dataDir: string, name: string): string | null {
  const backupFile = join(backupDir(dataDir), name);
  if (basename(name) !== name || !BACKUP_NAME.test(name) || !existsSync(backupFile)) {
    throw refusal('backup-not-found', name);
  }
  // A link in the backup folder to a file elsewhere is no backup of this folder.
  if (dirname(realpathSync(backupFile)) !== realpathSync(backupDir(dataDir))) {
    throw refusal('backup-outside', backupDir(dataDir));
  }
  const current = databaseFile(dataDir);
  // Copied beside it first: a copy that fails (a full disk) leaves the current file in place.
  const partial = `${current}.partiel`;
  try {
    copyFileSync(backupFile, partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const aside = setAsideDatabase(dataDir);
  renameSync(partial, current);
  return aside;
}
