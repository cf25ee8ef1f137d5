// Sync files on disk: written whole or not at all, and journalled.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { toUserError } from '../errors';
import type { Store } from '../store';
import { exportFile, type ExportOptions } from './exchange';
import { recordJournal, type ExportRecord } from './status';

/** Written under a temporary name, then renamed: a reader never sees half a file. */
export function writeFileAtomically(target: string, bytes: Buffer): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    // A full disk or a key pulled out: no half file left behind, and a French message.
    rmSync(temporary, { force: true });
    throw toUserError(error);
  }
}

/** Writes a sync file for `target` (a poste, a Département, or everyone when null) and journals it. */
export function exportToFile(store: Store, file: string, options: ExportOptions & { target: string | null }): ExportRecord {
  const { bytes, header } = exportFile(store, options);
  writeFileAtomically(file, bytes);
  const record: ExportRecord = { file, count: header.count, target: options.target };
  recordJournal(store, { kind: 'export', summary: record });
  return record;
}
