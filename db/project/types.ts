// The project's own data folder and identity: backups, settings, the first start.

export interface BackupInfo {
  file: string;
  name: string;
  createdAt: string;
  bytes: number;
}

export interface IdentityInput {
  name: string;
  function: string | null;
  partnerId: string;
}

export interface Settings {
  dataDir: string;
  databaseFile: string;
  databaseBytes: number;
  backups: BackupInfo[];
  /** Days after which minutes sent for validation are validated by silence. */
  validationSilenceDays: number;
}
