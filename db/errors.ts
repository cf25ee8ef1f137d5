// Errors whose message is a French sentence meant for the user.

export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class ValidationError extends UserError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super('validation', message);
  }
}

export class NewerDatabaseError extends UserError {
  /** requiredApp: the app version that wrote the file, when the file says it. */
  constructor(
    readonly schemaVersion: number,
    readonly requiredApp?: string,
  ) {
    super(
      'newer-database',
      `Ces données ont été enregistrées par une version plus récente d'Entente (schéma ${schemaVersion}). ` +
        `${requiredApp ? `Installez Entente ${requiredApp} ou plus récent` : "Installez la dernière version d'Entente"} pour les ouvrir ; le fichier n'a pas été modifié.`,
    );
  }
}

export class CorruptDatabaseError extends UserError {
  /** SQLite's own words, for the logs; the user reads the French sentence. */
  constructor(readonly file: string, readonly detail: string) {
    super('corrupt-database', `La base de données ${file} est endommagée : elle ne peut plus être lue.`);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** SQLite and file-system failures a user can act on, in French; the write they interrupted left nothing behind. */
const SQLITE_MESSAGES: Record<string, string> = {
  SQLITE_FULL: "Le disque est plein : la modification n'a pas été enregistrée. Libérez de la place, puis recommencez ; les données déjà enregistrées sont intactes.",
  SQLITE_READONLY: "Le dossier de données est en lecture seule : la modification n'a pas été enregistrée. Vérifiez les droits sur le dossier de données.",
  SQLITE_BUSY: "Les données sont occupées par un autre programme (sauvegarde, autre instance d'Entente). Réessayez dans un instant.",
  SQLITE_IOERR: "Erreur de lecture ou d'écriture sur le disque : la modification n'a pas été enregistrée. Vérifiez le disque, puis recommencez.",
  SQLITE_CORRUPT: "La base de données est endommagée. Fermez Entente et rouvrez-la : elle proposera de restaurer la dernière sauvegarde.",
  SQLITE_CANTOPEN: "Le fichier de données ne peut pas être ouvert : vérifiez que le dossier existe et que vous avez le droit d'y écrire.",
  ENOENT: "Dossier ou fichier introuvable : vérifiez le chemin indiqué.",
  EACCES: "Accès refusé : vous n'avez pas le droit d'écrire à cet endroit.",
  EPERM: "Opération refusée par le système : vérifiez les droits sur ce dossier.",
  ENOSPC: "Le disque est plein : rien n'a été écrit. Libérez de la place, puis recommencez.",
};

/** Any error as one with a French message: user errors as they are, known SQLite failures translated. */
export function toUserError(error: unknown): UserError {
  if (isUserError(error)) return error;
  const code = (error as { code?: unknown })?.code;
  const family = typeof code === 'string' ? Object.keys(SQLITE_MESSAGES).find((prefix) => code.startsWith(prefix)) : undefined;
  if (family) return new UserError(family.toLowerCase(), SQLITE_MESSAGES[family]);
  return new UserError('internal', `Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`);
}
