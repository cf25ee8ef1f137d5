// French sentences for what sync reports: import summaries and journal entries.
import type { FolderRoundRecord, ImportSummary, JournalEntry } from '../../../preload/contract';
import { numberFormat } from '../../shared/format';

const count = (n: number, one: string, many: string) => `${numberFormat.format(n)} ${n > 1 ? many : one}`;

/** « 1 240 modifications reçues du poste de Nadia Benali (Loir-et-Cher), dont 320 nouvelles ». */
export function importHeadline(summary: ImportSummary): string {
  const received = count(summary.received, 'modification reçue', 'modifications reçues');
  if (summary.applied === 0) return `${received} du ${summary.sender_label} : toutes étaient déjà connues, rien n'a changé.`;
  return `${received} du ${summary.sender_label}, dont ${count(summary.applied, 'nouvelle', 'nouvelles')}.`;
}

/** What is new, in the words of the screens: actions, statuses, notes, conflicts. */
export function importDetails(summary: ImportSummary): string[] {
  const details: string[] = [];
  if (summary.actions_created) details.push(count(summary.actions_created, 'action créée', 'actions créées'));
  if (summary.status_changes) details.push(count(summary.status_changes, 'statut modifié', 'statuts modifiés'));
  if (summary.notes_added) details.push(count(summary.notes_added, 'note de suivi ajoutée', 'notes de suivi ajoutées'));
  if (summary.new_conflicts) details.push(count(summary.new_conflicts, 'nouveau conflit à résoudre', 'nouveaux conflits à résoudre'));
  if (summary.far_future) {
    details.push(
      `${count(summary.far_future, 'modification datée', 'modifications datées')} de plus d'un jour dans le futur (horloge d'un poste déréglée) : gardée${summary.far_future > 1 ? 's' : ''}, sans avancer l'horloge de ce poste`,
    );
  }
  return details;
}

export function journalTitle(entry: JournalEntry): string {
  switch (entry.kind) {
    case 'import':
      return `Import : ${importHeadline(entry.summary)}`;
    case 'join':
      return `Arrivée dans le projet : ${count(entry.summary.applied, 'modification reçue', 'modifications reçues')} du ${entry.summary.sender_label}.`;
    case 'export':
      return `Export : ${count(entry.summary.count, 'modification', 'modifications')} ${
        entry.summary.target ? `pour ${entry.summary.target}` : '(export complet)'
      }, dans ${entry.summary.file}.`;
    case 'folder':
      return [
        `Dossier partagé : ${folderRoundSentence(entry.summary)}`,
        ...(entry.summary.postponed_files ?? []).map((file) => `${file.file} mis de côté : ${file.reason}`),
      ].join(' ');
    case 'error':
      return `Échec : ${entry.summary.message}`;
  }
}

/** « 2 fichiers lus (40 modifications nouvelles), 12 modifications publiées. » */
export function folderRoundSentence({
  files_imported: filesImported,
  changes_applied: changesApplied,
  written,
  postponed_files: postponed = [],
}: FolderRoundRecord): string {
  const parts = [
    filesImported
      ? `${count(filesImported, 'fichier lu', 'fichiers lus')} (${count(changesApplied, 'modification nouvelle', 'modifications nouvelles')})`
      : null,
    written ? count(written, 'modification publiée', 'modifications publiées') : null,
    postponed.length ? `${count(postponed.length, 'fichier mis de côté', 'fichiers mis de côté')}, repris au prochain passage` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}.` : 'Rien de nouveau.';
}
