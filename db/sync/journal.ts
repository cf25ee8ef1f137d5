// The journal of this laptop's syncs (Synchronisation › Journal): imports, exports, shared-folder
// rounds that did something, and failures. Local to this laptop (sync_journal): never replicated.
import type { Store } from '../store/store';
import { withReferences } from './changes';
import type { ImportSummary } from './exchange';

export type JournalEntry = { id: number; at: string } & (
  | { kind: 'import'; summary: ImportSummary }
  | { kind: 'join'; summary: ImportSummary }
  | { kind: 'export'; summary: ExportRecord }
  | { kind: 'folder'; summary: FolderRoundRecord }
  | { kind: 'error'; summary: { message: string; folder?: string; import?: true } }
);

export interface ExportRecord {
  file: string;
  count: number;
  /** "l'ordinateur de Nadia Benali (Loir-et-Cher)", "Loir-et-Cher" or null for a full export. */
  target: string | null;
}

export interface FolderRoundRecord {
  folder: string;
  files_imported: number;
  changes_applied: number;
  written: number;
  /** The files set aside this round and why (« dossier/00000003.entente », a French sentence). */
  postponed_files: { file: string; reason: string }[];
  /** Files sealed with a passphrase this laptop never had, older than one of their poste read here (folder.ts): not read. */
  left_behind_files?: string[];
  new_conflicts: number;
  /** Ordinateurs registered and revocations received with the files read (absent from rounds of Entente 0.8 and older). */
  postes_arrived?: string[];
  revocations?: { replica: string; by: string }[];
}

export function recordJournal(store: Store, entry: Omit<JournalEntry, 'id' | 'at'>, at = new Date()): void {
  store.db.prepare('INSERT INTO sync_journal (at, kind, summary) VALUES (?, ?, ?)').run(at.toISOString(), entry.kind, JSON.stringify(entry.summary));
}

export function listJournal(store: Store, limit = 100): JournalEntry[] {
  const rows = store.db.prepare('SELECT id, at, kind, summary FROM sync_journal ORDER BY id DESC LIMIT ?').all(limit) as {
    id: number;
    at: string;
    kind: JournalEntry['kind'];
    summary: string;
  }[];
  return rows.map((row) => {
    const entry = { id: row.id, at: row.at, kind: row.kind, summary: JSON.parse(row.summary) } as JournalEntry;
    // A shared folder's imports are journalled without their actions' references: named now.
    if ((entry.kind === 'import' || entry.kind === 'join') && entry.summary.action_changes) {
      entry.summary.action_changes = withReferences(store, entry.summary.action_changes);
    }
    return entry;
  });
}
