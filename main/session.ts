// The open data folder: its store, or why it could not be opened (newer or corrupt file).
import { mkdirSync } from 'node:fs';
import type { AppState, IdentityInput } from '../preload/contract';
import { backupNow, listBackups, restoreBackup, setAsideDatabase } from '../db/project/backup';
import type { BackupInfo } from '../db/project/types';
import { CorruptDatabaseError, toUserError, UserError, refusal } from '../db/errors';
import { listPartners, listPeople } from '../db/people/reads';
import { getProject } from '../db/project/reads';
import { restoreRow } from '../db/store/rows';
import { databaseFile } from '../db/paths';
import { initReplica, loadDefaultDataset, renewReplica } from '../db/project/setup';
import { createCooperation, type CooperationIdentity, type CooperationInput } from '../db/project/new-project';
import { Store } from '../db/store/store';
import { joinProject } from '../db/sync/invitation';
import { revokedBy } from '../db/sync/revocation';
import { PosteKeys, type SafeStorage } from './keychain';

const DAY_MS = 24 * 60 * 60 * 1000;

export class Session {
  /** This poste's keys, kept across the reopenings of the data file. */
  readonly keys: PosteKeys;
  private store?: Store;
  private failure?: UserError;
  private backingUp?: Promise<void>;

  constructor(
    readonly dataDir: string,
    readonly appVersion: string,
    readonly nativeBinding?: string,
    safeStorage?: SafeStorage,
  ) {
    this.keys = new PosteKeys(safeStorage);
  }

  get databaseFile(): string {
    return databaseFile(this.dataDir);
  }

  open(): void {
    mkdirSync(this.dataDir, { recursive: true });
    this.close();
    this.failure = undefined;
    try {
      this.store = Store.open(this.databaseFile, { nativeBinding: this.nativeBinding });
      this.keys.opened(this.store);
    } catch (error) {
      // Whatever it is, said on the start screen (with the backups if the file is damaged),
      // rather than every call answering as if no one had started Entente on this laptop.
      this.failure = toUserError(error);
    }
  }

  /**
   * The French error for a failed call. A corruption found while working (the open only
   * checks the start of the file) closes the file: the app then offers to restore a backup.
   */
  reportFailure(error: unknown): UserError {
    const failure = toUserError(error);
    if (failure.code !== 'damaged-while-working' || !this.store) return failure;
    const file = this.store.file;
    this.close();
    this.failure = new CorruptDatabaseError(file, failure.message);
    return this.failure;
  }

  /** Opens the file again after another connection (the sync worker) wrote to it. */
  async reload(): Promise<void> {
    await this.settle();
    this.open();
  }

  close(): void {
    this.store?.close();
    this.store = undefined;
  }

  /** The store of a project this laptop has joined; refuses before the first start. */
  requireStore(): Store {
    if (this.store?.replicaId) return this.store;
    throw this.failure ?? refusal('first-start');
  }

  state(): AppState {
    const base = { app_version: this.appVersion, data_dir: this.dataDir };
    if (!this.store) {
      const backups = this.failure instanceof CorruptDatabaseError ? listBackups(this.dataDir) : [];
      const failure = this.failure ?? refusal('closed');
      return { ...base, status: 'error', error: { code: failure.code, message: failure.message }, backups };
    }
    if (!this.store.replicaId) {
      const dataset = loadDefaultDataset();
      return {
        ...base,
        status: 'first-start',
        project_name: dataset.project.name,
        partners: dataset.partners.map((p) => ({ id: p.id, code: p.code, name: p.name, short_name: p.shortName, position: p.position, kind: null })),
      };
    }
    const store = this.store;
    const findMe = () => listPeople(store).find((person) => person.id === store.personId);
    // Deleted on another laptop: this laptop's user comes back, so that the app still opens.
    if (!findMe() && store.personId) restoreRow(store, 'person', store.personId);
    const me = findMe();
    if (!me) throw refusal('no-identity');
    return {
      ...base,
      status: 'ready',
      project: getProject(store),
      replica_id: store.replicaId!,
      revoked_by: revokedBy(store) ?? null,
      me,
      partners: listPartners(store),
    };
  }

  completeFirstStart(identity: IdentityInput): AppState {
    if (!this.store) throw this.failure ?? refusal('closed');
    initReplica(this.store, { name: identity.name, function: identity.function, partner: identity.partner_id });
    void this.backupIfDue();
    return this.state();
  }

  /** First start of a new cooperation: this laptop is its first, under a new project id. */
  createCooperation(input: CooperationInput, identity: CooperationIdentity): AppState {
    if (!this.store) throw this.failure ?? refusal('closed');
    createCooperation(this.store, input, { name: identity.name, function: identity.function, partner: identity.partner_code });
    void this.backupIfDue();
    return this.state();
  }

  /** First start from an invitation: this laptop joins that project with the whole history. */
  joinProject(invitation: Buffer, passphrase: string, identity: IdentityInput & { person_id: string | null; label: string | null }): AppState {
    if (!this.store) throw this.failure ?? refusal('closed');
    joinProject(
      this.store,
      invitation,
      passphrase,
      { name: identity.name, function: identity.function, partner: identity.partner_id, personId: identity.person_id ?? undefined, label: identity.label },
      new Date(),
      this.keys.systemSeal(this.store),
    );
    this.keys.opened(this.store);
    void this.backupIfDue();
    return this.state();
  }

  restoreBackup(name: string): AppState {
    if (!(this.failure instanceof CorruptDatabaseError)) {
      throw refusal('not-corrupt', 'restore');
    }
    restoreBackup(this.dataDir, name);
    this.open();
    if (this.store?.replicaId) {
      renewReplica(this.store);
      this.keys.renewed(this.store);
    }
    void this.backupIfDue();
    return this.state();
  }

  /**
   * The last resort for a damaged file: set it aside (kept, never deleted) and start again
   * from the first start; what other laptops hold comes back with the next sync.
   */
  startOver(): AppState {
    if (!(this.failure instanceof CorruptDatabaseError)) {
      throw refusal('not-corrupt', 'start-over');
    }
    setAsideDatabase(this.dataDir);
    this.open();
    return this.state();
  }

  /**
   * A backup a day, checked at start and every hour while the app is open (upkeep.ts), so
   * that a damaged file can be restored with at most a day lost. Failures are logged, never shown.
   */
  async backupIfDue(): Promise<void> {
    if (!this.store?.replicaId || this.backingUp) return;
    const [latest] = listBackups(this.dataDir);
    if (latest && Date.now() - Date.parse(latest.created_at) < DAY_MS) return;
    await this.underWay(backupNow(this.store, this.dataDir)).catch((error: unknown) => console.error('Sauvegarde quotidienne impossible', error));
  }

  /** A backup the user asked for (Paramètres › Données), after the one under way if any. */
  backupByUser(): Promise<BackupInfo> {
    return this.underWay((this.backingUp ?? Promise.resolve()).then(() => backupNow(this.requireStore(), this.dataDir)));
  }

  /** Keeps a backup as the one under way until it ends: quitting and reopening the file wait for it. */
  private underWay<T>(backup: Promise<T>): Promise<T> {
    const settled = backup.then(
      () => undefined,
      () => undefined,
    );
    this.backingUp = settled;
    void settled.then(() => {
      if (this.backingUp === settled) this.backingUp = undefined;
    });
    return backup;
  }

  get backupUnderWay(): boolean {
    return this.backingUp !== undefined;
  }

  /** Waits for a backup under way, so that quitting never closes the file under it. */
  async settle(): Promise<void> {
    await this.backingUp;
  }
}
