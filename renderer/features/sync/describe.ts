// French sentences for what sync reports: import summaries and journal entries. An
// ordinateur is named by db/sync/labels.ts, with its article (« l'ordinateur de … »).
import { frenchTypography } from '../../../common/french';
import type { FolderRoundRecord, ImportSummary, JournalEntry } from '../../../preload/contract';
import { numberFormat } from '../../shared/format';

const count = (n: number, one: string, many: string) => `${numberFormat.format(n)} ${n > 1 ? many : one}`;

/** What is said of a file of an older passphrase, older than one of its poste read here (db/sync/folder.ts, leftBehind). */
const LEFT_BEHIND =
  "pas lu, scellé avec une ancienne phrase de passe de la coopération que cet ordinateur n'a jamais eue (son poste a écrit depuis des fichiers lus ici)";

/** « de l'ordinateur de … », « d'un ordinateur encore inconnu ici ». */
export const ofReplica = (label: string) => (label.startsWith('un ') ? `d'${label}` : `de ${label}`);

/**
 * « 1 240 mises à jour dans le fichier de l'ordinateur de Nadia Benali (Loir-et-Cher), dont
 * 320 nouvelles »: a file carries what its sender received from the others too.
 */
export function importHeadline(summary: ImportSummary): string {
  const received = `${count(summary.received, 'mise à jour', 'mises à jour')} dans le fichier ${ofReplica(summary.sender_label)}`;
  // Those of a revoked ordinateur are neither known nor new: said apart (importDetails).
  const refused = revokedCount(summary);
  const refusedPart = refused > 0 ? `, ${numberFormat.format(refused)} sans effet (ordinateur révoqué)` : '';
  if (summary.applied === 0 && refused === 0) return `${received}, ${summary.received > 1 ? 'toutes déjà connues' : 'déjà connue'}\u202f: rien n'a changé.`;
  if (summary.applied === summary.received) return `${received}, ${summary.applied > 1 ? 'toutes nouvelles' : 'nouvelle'}.`;
  return `${received}, ${summary.applied === 0 ? 'aucune nouvelle' : `dont ${count(summary.applied, 'nouvelle', 'nouvelles')}`}${refusedPart}.`;
}

// A journal's summaries written before revocations existed have none.
const revokedOf = (summary: ImportSummary) => summary.revoked ?? [];
const revokedCount = (summary: ImportSummary) => revokedOf(summary).reduce((sum, origin) => sum + origin.count, 0);

/**
 * « 2 mises à jour de l'ordinateur de Nadia Benali sans effet : cet ordinateur a été révoqué,
 * et celui qui l'a révoqué ne les avait pas reçues » (docs/sync.md, « Révoquer un poste »).
 */
export function revokedSentence({ replica, count: n }: ImportSummary['revoked'][number]): string {
  return `${count(n, 'mise à jour', 'mises à jour')} ${ofReplica(replica)} sans effet\u202f: cet ordinateur a été révoqué, et celui qui l'a révoqué ne ${n > 1 ? 'les ' : "l'"}avait pas reçue${n > 1 ? 's' : ''}`;
}

/**
 * « Nouvel ordinateur dans la coopération : l'ordinateur de … », « Révocation reçue : … »:
 * kept in the journal, once the notices to check are gone (summaries of 0.8 and older have none).
 */
function posteEvents({ postes_arrived: arrived = [], revocations = [] }: Pick<ImportSummary, 'postes_arrived' | 'revocations'>): string[] {
  return [
    ...arrived.map((poste) => `Nouvel ordinateur dans la coopération\u202f: ${poste}`),
    ...revocations.map(({ replica, by }) => `Révocation reçue\u202f: ${replica}, révoqué par ${by}`),
  ];
}

/** What is new, in the words of the screens: actions, statuses, notes, conflicts, ordinateurs. */
export function importDetails(summary: ImportSummary): string[] {
  const details: string[] = [];
  if (summary.actions_created) details.push(count(summary.actions_created, 'action créée', 'actions créées'));
  if (summary.status_changes) details.push(count(summary.status_changes, 'statut modifié', 'statuts modifiés'));
  if (summary.notes_added) details.push(count(summary.notes_added, 'note de suivi ajoutée', 'notes de suivi ajoutées'));
  if (summary.new_conflicts) details.push(count(summary.new_conflicts, 'nouveau conflit à résoudre', 'nouveaux conflits à résoudre'));
  if (summary.far_future) {
    details.push(
      `${count(summary.far_future, 'mise à jour datée', 'mises à jour datées')} de plus d'un jour dans le futur (horloge d'un ordinateur déréglée)\u202f: gardée${summary.far_future > 1 ? 's' : ''}, sans avancer l'horloge de cet ordinateur`,
    );
  }
  details.push(...revokedOf(summary).map(revokedSentence));
  details.push(...posteEvents(summary));
  return details;
}

/** A journal line, its spaces French (the store's messages use plain ones). */
export function journalTitle(entry: JournalEntry): string {
  return frenchTypography(journalSentence(entry));
}

function journalSentence(entry: JournalEntry): string {
  switch (entry.kind) {
    case 'import':
      return [`Import\u202f: ${importHeadline(entry.summary)}`, ...posteEvents(entry.summary).map((event) => `${event}.`)].join(' ');
    case 'join':
      return `Arrivée dans la coopération\u202f: ${count(entry.summary.applied, 'mise à jour reçue', 'mises à jour reçues')} ${ofReplica(entry.summary.sender_label)}.`;
    case 'export':
      return `Export\u202f: ${count(entry.summary.count, 'mise à jour', 'mises à jour')} ${
        entry.summary.target ? `pour ${entry.summary.target}` : '(export complet)'
      }, dans ${entry.summary.file}.`;
    case 'folder':
      return [
        `Dossier partagé\u202f: ${folderRoundSentence(entry.summary)}`,
        ...posteEvents(entry.summary).map((event) => `${event}.`),
        // Within the journal's sentence: the reason, a sentence of its own elsewhere, goes on after a colon in lower case.
        ...(entry.summary.postponed_files ?? []).map((file) => `${file.file}\u202f: ${file.reason.charAt(0).toLowerCase()}${file.reason.slice(1)}`),
        ...(entry.summary.left_behind_files ?? []).map((file) => `${file}\u202f: ${LEFT_BEHIND}.`),
      ].join(' ');
    case 'error':
      // The message is a sentence of its own, capital and all.
      return `${entry.summary.import ? 'Import impossible' : entry.summary.folder ? 'Dossier partagé, échec' : 'Échec'}. ${entry.summary.message}`;
  }
}

/** « 2 fichiers lus (40 nouvelles mises à jour), 12 mises à jour publiées. » */
export function folderRoundSentence({
  files_imported: filesImported,
  changes_applied: changesApplied,
  written,
  postponed_files: postponed = [],
  left_behind_files: leftBehind = [],
}: FolderRoundRecord): string {
  const parts = [
    filesImported ? `${count(filesImported, 'fichier lu', 'fichiers lus')} (${count(changesApplied, 'nouvelle mise à jour', 'nouvelles mises à jour')})` : null,
    written ? count(written, 'mise à jour publiée', 'mises à jour publiées') : null,
    postponed.length
      ? `${count(postponed.length, 'fichier mis de côté', 'fichiers mis de côté')}, essayé${postponed.length > 1 ? 's' : ''} de nouveau au prochain passage`
      : null,
    leftBehind.length ? count(leftBehind.length, 'fichier ancien non lu', 'fichiers anciens non lus') : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}.` : 'Rien de nouveau.';
}
