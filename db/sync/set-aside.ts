// Files of a shared folder set aside for a round (docs/sync.md §5): what is wrong with a
// file is said for the folder, and never stops the round; what is wrong with this poste does.
import { refusal, toUserError, type ErrorCode, type SentenceArgs, type UserError } from '../errors';

/**
 * What is wrong with a file, not with this poste: such a file is set aside for the round.
 * Anything else (this poste copied, its own database failing, an unexpected error) stops it.
 */
export const FILE_FAULTS = new Set<ErrorCode>([
  'damaged-file',
  'not-a-sync-file',
  'newer-format',
  'newer-schema',
  'other-project',
  'wrong-passphrase',
  'unknown-key',
  'format-1-needs-passphrase',
  'diverging-replica',
  'forged-change',
  'unsigned-change',
  'unknown-signer',
  'forked-origin',
  'key-replaced',
  'seed-forged',
  'unreadable-peer-file',
  // A failure nobody foresaw while applying the file: rolled back whole, and the file set aside rather than stopping every round.
  'internal',
]);

/**
 * What is wrong with a file set aside, said for the shared folder: the sentences meant for a
 * file the user chose (« Choisissez un fichier exporté… », « demandez à son expéditeur… »)
 * give advice that does not apply to a file found there. The others are said as they are.
 */
const SET_ASIDE: { [C in ErrorCode]?: (...args: SentenceArgs<C>) => string } = {
  'not-a-sync-file': () => "Ce n'est pas un fichier d'échange Entente.",
  'damaged-file': (detail) => `Endommagé ou incomplet (${detail}), peut-être encore en cours de copie.`,
  'newer-format': (format) => `Écrit par une version plus récente d'Entente (format ${format}) : installez la dernière version pour le lire.`,
  'newer-schema': (minAppVersion) => `Écrit par une version plus récente d'Entente (${minAppVersion} ou plus) : installez-la pour le lire.`,
  'other-project': (project) => `Appartient à une autre coopération${project === undefined ? '' : ` (${project})`}.`,
  'wrong-passphrase': () => 'Scellé avec une autre phrase de passe que celle de la coopération sur cet ordinateur.',
  'unknown-key': () =>
    'Scellé avec une phrase de passe que cet ordinateur ne connaît pas : si elle a été changée sur un autre ordinateur, saisissez la nouvelle (Synchronisation › Phrase de passe de la coopération › Saisir la nouvelle phrase de passe).',
};

export function setAsideReason(failure: UserError): string {
  const sentence = SET_ASIDE[failure.code] as ((...args: unknown[]) => string) | undefined;
  return sentence ? sentence(...failure.args) : failure.message;
}

/** Why a file or folder of another poste cannot be read now, in words. */
export function unreadable(error: unknown): UserError {
  const code = String((error as { code?: unknown })?.code ?? '');
  const detail: Record<string, string> = {
    EISDIR: "c'est un dossier",
    ENOTDIR: "ce n'est pas un dossier",
    EBUSY: 'occupé par un autre programme',
    EACCES: 'lecture refusée par le système',
    EPERM: 'lecture refusée par le système',
    ENOENT: 'disparu entre-temps',
    EIO: 'erreur de lecture du disque',
  };
  return refusal('unreadable-peer-file', detail[code] ?? (code || (error instanceof Error ? error.message : String(error))));
}

/** Why this poste could not write to the shared folder, as errors.ts names the system's failures. */
const FOLDER_WRITE_REASONS: { [C in ErrorCode]?: string } = {
  'disk-full': 'le disque qui le porte est plein',
  'access-denied': "l'écriture y est refusée (droits sur le dossier)",
  'not-permitted': "le système en refuse l'écriture (droits, dossier en lecture seule, ou un programme qui tient le fichier)",
  'path-not-found': 'il a disparu entre-temps (partage réseau déconnecté ?)',
  'io-error': "erreur d'écriture sur le disque",
  'file-busy': 'un autre programme y tient un fichier ouvert',
  'read-only-disk': 'il est en lecture seule',
};

/** Writes to the shared folder; a failure of the system names the folder, and says that what the round read is kept. */
export function writingInFolder<T>(folder: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const reason = FOLDER_WRITE_REASONS[toUserError(error).code];
    if (reason === undefined) throw error;
    throw refusal('folder-unwritable', folder, reason);
  }
}
