// One function per sync operation, journalled, used alike by the app's worker, the app and the CLI.
import { writeFileAtomically } from '../files';
import type { Store } from '../store/store';
import { exportFile, type ExportOptions } from './exchange';
import { recordJournal, type ExportRecord } from './status';

/** Writes a sync file for `target` (a poste, a Département, or everyone when null) and journals it. */
export function exportToFile(store: Store, file: string, options: ExportOptions & { target: string | null }): ExportRecord {
  const { bytes, header } = exportFile(store, options);
  writeFileAtomically(file, bytes);
  const record: ExportRecord = { file, count: header.count, target: options.target };
  recordJournal(store, { kind: 'export', summary: record });
  return record;
}
