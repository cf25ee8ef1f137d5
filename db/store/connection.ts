// Opening the SQLite file: refuse a newer schema without touching the file, recognise a
// corrupt file, then migrate.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CorruptDatabaseError, NewerDatabaseError } from '../errors';
import { migrate, SCHEMA_VERSION } from './migrations';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (Electron in development). */
  nativeBinding?: string;
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB']);

function isCorruption(error: unknown): error is Error & { code: string } {
  return error instanceof Error && CORRUPTION_CODES.has((error as { code?: string }).code ?? '');
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  if (existsSync(file)) inspectExisting(file, options);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
    // Pages of 16 KiB rather than 4: fewer b-tree pages to split, write and checkpoint when a
    // sync file of thousands of changes arrives (100,000 changes: about 9 % less time). Taken
    // by a new file only; an existing one keeps its pages.
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    // Commits reach the disk at the log's checkpoints; before a file carries changes away,
    // Store.syncToDisk puts every commit there.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = OFF');
    // 32 MiB of pages (SQLite's default is 2 MiB): an import or a sync file of 100,000 changes
    // writes all over the log's tables, and spilling pages before the commit doubles the work.
    db.pragma('cache_size = -32768');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (isCorruption(error)) throw new CorruptDatabaseError(file, error.message);
    throw error;
  }
}

/** Read-only look before anything is written: a newer or corrupt file stays as it is. */
function inspectExisting(file: string, options: OpenOptions): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (version > SCHEMA_VERSION) {
      const row = db.prepare("SELECT value FROM local_state WHERE key = 'min_app_version'").get() as { value: string } | undefined;
      throw new NewerDatabaseError(version, row?.value);
    }
  } catch (error) {
    if (isCorruption(error)) throw new CorruptDatabaseError(file, error.message);
    throw error;
  } finally {
    db?.close();
  }
}
