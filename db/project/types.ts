// The project's own data folder and identity: backups, settings, the first start.

export interface BackupInfo {
  file: string;
  name: string;
  created_at: string;
  bytes: number;
}

export interface IdentityInput {
  name: string;
  function: string | null;
  partner_id: string;
}

export interface Settings {
  data_dir: string;
  database_file: string;
  database_bytes: number;
  backups: BackupInfo[];
  /** Days after which minutes sent for validation are validated by silence. */
  validation_silence_days: number;
}
