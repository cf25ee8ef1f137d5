// Joining a project (docs/sync.md §8). An invitation is a full sync file, carried like any
// other, with the passphrase given by another channel (by phone): the new laptop takes
// the whole history, then gets a replica id and a signing key of its own, so that it never
// writes under the numbers or the name of the laptop it came from.
import { isUserError, refusal } from '../errors';
import { assertNoProject, registerLaptop, startReplica, type Identity } from '../project/setup';
import type { Store } from '../store/store';
import { exportFile, importFile } from './exchange';
import { readSyncHeader, type SyncHeader } from './format';
import { newKeyring, validateExistingPassphrase, type SystemSeal } from './keys';
import { publishKeys, type Secret } from './passphrase';
import { seeAllPostes } from './poste-notices';

/** Everything this replica holds, for a laptop that holds nothing yet. */
export function createInvitation(store: Store, secret: Secret, now?: Date): { bytes: Buffer; header: SyncHeader } {
  return exportFile(store, { secret, now });
}

export interface JoinResult {
  projectId: string;
  replicaId: string;
  /** Changes received from the invitation. */
  applied: number;
}

/**
 * Makes a new, empty data file a replica of the invitation's project, in one transaction:
 * any refusal (wrong passphrase, damaged file, unknown partner…) leaves it without a project.
 */
export function joinProject(store: Store, bytes: Buffer, passphrase: string, identity: Identity, now = new Date(), system?: SystemSeal): JoinResult {
  assertNoProject(store);
  validateExistingPassphrase(passphrase);
  const { header } = readSyncHeader(bytes);
  // Read before decryption; a header altered to claim a full file fails authentication below.
  const projectId = header.full ? header.project : undefined;
  if (projectId === undefined) {
    throw refusal('not-an-invitation');
  }
  return store.transaction(() => {
    store.setLocalState('project_id', projectId);
    const replicaId = startReplica(store);
    // An import like any other (decryption for header.project, what the sender held, so
    // that a later export for it is incremental), journalled as the join.
    const keyring = newKeyring(store, passphrase);
    let applied: number;
    try {
      ({ applied } = importFile(store, bytes, keyring, { now, journalAs: 'join' }));
    } catch (error) {
      // Not a passphrase changed elsewhere: this laptop knows no other; the one given with the invitation is mistyped.
      if (isUserError(error) && ['unknown-key', 'wrong-passphrase', 'wrong-passphrase-here'].includes(error.code)) throw refusal('invitation-passphrase');
      throw error;
    }
    registerLaptop(store, identity);
    // The postes and revocations the invitation brought are the project as it is, not news.
    seeAllPostes(store);
    publishKeys(store, keyring, system);
    return { projectId, replicaId, applied };
  });
}
