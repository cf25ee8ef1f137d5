// The app and the command line syncing one laptop's data with the shared folder at the same
// time (two connections to one database): neither takes the number of a file the other
// writes, and a file the other wrote during the round is not taken for a copied laptop's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { dump } from '../../db/project/dump';
import { Store } from '../../db/store/store';
import { syncFolder } from '../../db/sync/folder';
import { newReplica, tempDir } from './helpers';

const files = vi.hoisted(() => ({
  beforeList: undefined as ((path: string) => void) | undefined,
  afterList: undefined as ((path: string) => void) | undefined,
  beforeStat: undefined as ((path: string) => void) | undefined,
}));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const readdirSync = ((path: string, ...rest: []) => {
    files.beforeList?.(String(path));
    const names = real.readdirSync(path, ...rest);
    files.afterList?.(String(path));
    return names;
  }) as typeof real.readdirSync;
  const statSync = ((path: string, ...rest: []) => {
    files.beforeStat?.(String(path));
    return real.statSync(path, ...rest);
  }) as typeof real.statSync;
  return { ...real, default: { ...real, readdirSync, statSync }, readdirSync, statSync };
});

const PASSPHRASE = 'dossier partagé 37-41';

/** Runs `work` once, the first time `hook` is called for a path matching `test`. */
function once(test: (path: string) => boolean, work: () => void): (path: string) => void {
  let done = false;
  return (path) => {
    if (done || !test(path)) return;
    done = true;
    work();
  };
}

/** A second connection to a laptop's database, as the command line opens it beside the app. */
const commandLine = (app: Store): Store => Store.open(app.db.name);

const ownFiles = (share: string, store: Store) => {
  const { projectId, replicaId } = store.requireReplica();
  return readdirSync(join(share, `entente-${projectId}`, replicaId)).sort();
};

afterEach(() => {
  files.beforeList = undefined;
  files.afterList = undefined;
  files.beforeStat = undefined;
});

test("un fichier que la ligne de commande écrit pendant le tour de l'application n'est pas pris pour celui d'un poste copié", () => {
  const share = tempDir();
  const app = newReplica('Claire Martin', '37');
  const cli = commandLine(app);
  updateAction(app, 'a3-1', { status: 'en_cours' });
  const { replicaId } = app.requireReplica();
  // The command line writes this laptop's first file as the app's round lists its own folder.
  files.beforeList = once(
    (path) => path.endsWith(replicaId),
    () => syncFolder(cli, share, PASSPHRASE),
  );
  expect(() => syncFolder(app, share, PASSPHRASE)).not.toThrow();
  expect(ownFiles(share, app)).toEqual(['00000001.entente']);
  // Just after the app listed it, the command line writes the next one: the app's round does
  // not take it for lost (which would have it write all its history again).
  files.afterList = once(
    (path) => path.endsWith(replicaId),
    () => {
      updateAction(cli, 'a3-1', { progress: 10 });
      syncFolder(cli, share, PASSPHRASE);
    },
  );
  expect(syncFolder(app, share, PASSPHRASE).written).toBeNull();
  expect(ownFiles(share, app)).toEqual(['00000001.entente', '00000002.entente']);
  cli.close();
});

test("l'application et la ligne de commande écrivant en même temps : deux numéros, deux fichiers, rien de perdu", () => {
  const share = tempDir();
  const app = newReplica('Claire Martin', '37');
  const other = newReplica('Nadia Benali', '41');
  const reader = newReplica('Marc Lefèvre', '41');
  const cli = commandLine(app);
  updateAction(other, 'a4-1', { progress: 40 });
  syncFolder(other, share, PASSPHRASE);
  updateAction(app, 'a3-1', { status: 'en_cours' });
  // As the app's round reads Nadia's file, the command line makes a whole round of its own.
  files.beforeStat = once(
    (path) => path.endsWith('.entente'),
    () => {
      updateAction(cli, 'a3-1', { progress: 10 });
      syncFolder(cli, share, PASSPHRASE);
    },
  );
  syncFolder(app, share, PASSPHRASE);
  files.beforeStat = undefined;
  expect(ownFiles(share, app)).toEqual(['00000001.entente', '00000002.entente']);
  cli.close();
  // Marc reads both: everything of this laptop reaches him.
  expect(syncFolder(reader, share, PASSPHRASE).postponed).toEqual([]);
  syncFolder(app, share, PASSPHRASE);
  expect(dump(reader)).toBe(dump(app));
});
