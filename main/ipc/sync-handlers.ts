// The Synchronisation screen's handlers, and joining a project at first start: dialogs
// in main, the work itself in the sync worker (sync/jobs.ts).
import { app, type BrowserWindow } from 'electron';
import { format } from 'date-fns';
import { basename, join } from 'node:path';
import { refusal, toUserError } from '../../db/errors';
import { getProject } from '../../db/project/reads';
import { getRow } from '../../db/store/rows';
import { fingerprint, keyringData } from '../../db/sync/keys';
import { revokedBy, revokeReplica } from '../../db/sync/revocation';
import { previewExchangeFile, previewInvitation } from '../../db/sync/preview';
import type { ImportSummary } from '../../db/sync/exchange';
import { readChosenFile, safeFileName } from '../../db/files';
import type { OpenedFiles } from '../opened-files';
import { confirmKey } from '../../db/sync/confirmations';
import { dismissPassphraseNotes, passphraseSeenElsewhere } from '../../db/sync/passphrase-elsewhere';
import { nameThisComputer } from '../../db/sync/labels';
import { listJournal } from '../../db/sync/journal';
import { markPostesSeen, posteNotices } from '../../db/sync/poste-notices';
import { folderState, knownGaps, lastImportFailure, listReplicaStatus, setSharedFolder } from '../../db/sync/status';
import { checkFolderApart } from '../../db/sync/folder';
import { chooseExportFile, chooseFolder, chooseImportFile, chooseInvitationFile } from '../dialogs';
import type { Session } from '../session';
import type { SharedFolderWatcher } from '../sync/shared-folder';
import type { SyncJob, SyncJobs } from '../sync/jobs';
import type { Handlers } from './handlers';

type SyncMethods =
  | 'getSyncStatus'
  | 'setSyncPassphrase'
  | 'changeSyncPassphrase'
  | 'checkSyncPassphraseAdoption'
  | 'adoptSyncPassphrase'
  | 'dismissPassphraseNotes'
  | 'answerPlainTextKeychain'
  | 'revokePoste'
  | 'confirmPosteKey'
  | 'nameThisComputer'
  | 'listPosteNotices'
  | 'markPostesSeen'
  | 'exportSyncFile'
  | 'importSyncFile'
  | 'importSyncData'
  | 'chooseSharedFolder'
  | 'forgetSharedFolder'
  | 'syncSharedFolderNow'
  | 'createInvitation'
  | 'chooseInvitation'
  | 'previewInvitation'
  | 'getOpenedFile'
  | 'importOpenedFile'
  | 'dismissOpenedFile'
  | 'takeOpenedInvitation'
  | 'joinProject';

export interface SyncContext {
  session: Session;
  jobs: SyncJobs;
  watcher: SharedFolderWatcher;
  /** A .entente file the system asked to open. */
  opened: OpenedFiles;
  window: () => BrowserWindow | undefined;
}

export function createSyncHandlers({ session, jobs, watcher, opened, window }: SyncContext): Pick<Handlers, SyncMethods> {
  const store = () => session.requireStore();
  // The window reloads its screens after any write call: the job's answer is enough.
  const runJob = async <T>(job: SyncJob): Promise<T> => (await jobs.run<T>(job)).value;
  // The worker thread gets the keys as plain data, in memory only.
  const keys = () => keyringData(session.keys.require(store()));
  // First start: the invitation chosen in the dialog stays in main; the page never names a path.
  let invitation: Buffer | undefined;
  const chosenInvitation = () => {
    if (!invitation) throw refusal('no-invitation');
    return invitation;
  };

  return {
    getSyncStatus: () => {
      const current = store();
      const keyring = session.keys.state(current) === 'ready' ? session.keys.require(current) : undefined;
      return {
        keys: session.keys.state(current),
        keychain: session.keys.keychainState(current),
        fingerprint: keyring ? fingerprint(keyring.publicKey) : null,
        revoked_by: revokedBy(current) ?? null,
        passphrase_seen_elsewhere: keyring ? passphraseSeenElsewhere(current, keyring.keys) : null,
        replica_id: current.replicaId!,
        folder: folderState(current),
        import_failure: lastImportFailure(current),
        running: jobs.running,
        replicas: listReplicaStatus(current),
        gaps: knownGaps(current),
        journal: listJournal(current),
      };
    },
    setSyncPassphrase: (value) => session.keys.enter(store(), value),
    changeSyncPassphrase: (current, next) => session.keys.change(store(), current, next),
    checkSyncPassphraseAdoption: (next) => session.keys.announcerOf(store(), next),
    adoptSyncPassphrase: (next) => session.keys.adopt(store(), next),
    dismissPassphraseNotes: () => dismissPassphraseNotes(store()),
    answerPlainTextKeychain: (accepted) => session.keys.answerPlainText(store(), accepted),
    revokePoste: (replicaId) => revokeReplica(store(), replicaId),
    confirmPosteKey: (replicaId, heard) => confirmKey(store(), replicaId, heard),
    nameThisComputer: (label) => nameThisComputer(store(), label),
    listPosteNotices: () => posteNotices(store()),
    markPostesSeen: (keys) => markPostesSeen(store(), keys),

    exportSyncFile: async (target) => {
      const secret = keys();
      const file = await chooseExportFile(window(), join(app.getPath('documents'), exportFileName(session)));
      if (!file) return null;
      return runJob({ kind: 'export', file, keys: secret, target });
    },
    importSyncFile: async () => {
      const secret = keys();
      const file = await chooseImportFile(window());
      if (!file) return null;
      return runJob({ kind: 'import', bytes: readChosenFile(file), keys: secret });
    },
    importSyncData: (bytes) => runJob({ kind: 'import', bytes, keys: keys() }),

    chooseSharedFolder: async () => {
      keys();
      const folder = await chooseFolder(window());
      if (!folder) return null;
      checkFolderApart(store(), folder);
      setSharedFolder(store(), folder);
      watcher.follow();
      watcher.soon();
      return folderState(store());
    },
    forgetSharedFolder: () => {
      setSharedFolder(store(), null);
      watcher.follow();
    },
    syncSharedFolderNow: () => {
      const { folder } = folderState(store());
      if (!folder) throw refusal('no-folder');
      return runJob({ kind: 'folder', folder, keys: keys() });
    },

    createInvitation: async () => {
      const secret = keys();
      const file = await chooseExportFile(window(), join(app.getPath('documents'), `Invitation ${safeFileName(getProject(store()).name)}.entente`));
      if (!file) return null;
      return runJob({ kind: 'invite', file, keys: secret });
    },
    chooseInvitation: async () => {
      const file = await chooseInvitationFile(window());
      if (!file) return null;
      invitation = readChosenFile(file);
      return { file_name: basename(file) };
    },
    previewInvitation: (secret) => previewInvitation(chosenInvitation(), secret),

    getOpenedFile: () => {
      const file = opened.file;
      if (!file) return null;
      const status = session.state().status;
      const id = opened.id;
      if (status === 'first-start') return { kind: 'invitation', file_name: basename(file), id };
      if (status !== 'ready') return null; // a damaged data file is settled first
      try {
        return { kind: 'exchange', preview: previewExchangeFile(store(), file), id };
      } catch (error) {
        return { kind: 'refused', file_name: basename(file), message: toUserError(error).message, id };
      }
    },
    // The file the window showed, by its id: another double-clicked meanwhile is shown before it is imported, never dropped.
    importOpenedFile: async (id) => {
      const file = opened.file;
      if (!file) throw refusal('no-opened-file');
      if (opened.id !== id) throw refusal('opened-file-changed', basename(file));
      const summary = await runJob<ImportSummary>({ kind: 'import', bytes: readChosenFile(file), keys: keys() });
      if (opened.id === id) opened.clear();
      return summary;
    },
    dismissOpenedFile: (id) => {
      if (opened.id === id) opened.clear();
    },
    takeOpenedInvitation: () => {
      const file = opened.file;
      if (!file) return null;
      invitation = readChosenFile(file);
      opened.clear();
      return { file_name: basename(file) };
    },
    joinProject: (secret, identity) => {
      const state = session.joinProject(chosenInvitation(), secret, identity);
      invitation = undefined;
      watcher.follow();
      return state;
    },
  };
}

/** "Coopération … - Claire Martin - 2026-11-26 14h05.entente": project, sender and date. */
function exportFileName(session: Session): string {
  const store = session.requireStore();
  const me = store.personId ? getRow(store, 'person', store.personId) : undefined;
  const date = format(new Date(), "yyyy-MM-dd HH'h'mm");
  return `${[getProject(store).name, me?.name ?? store.replicaId ?? '', date].map((part) => safeFileName(part)).join(' - ')}.entente`;
}
