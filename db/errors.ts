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
  constructor(
    readonly schemaVersion: number,
    readonly requiredApp: string,
  ) {
    super(
      'newer-database',
      `Ces données ont été enregistrées par une version plus récente d'Entente (schéma ${schemaVersion}). ` +
        `Installez Entente ${requiredApp} ou plus récent pour les ouvrir ; le fichier n'a pas été modifié.`,
    );
  }
}

export class CorruptDatabaseError extends UserError {
  constructor(readonly file: string, detail: string) {
    super('corrupt-database', `La base de données ${file} est endommagée (${detail}).`);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
