// The shared folder through a real sync engine (docs/sync.md §5): two Syncthing instances on
// loopback, each holding its own copy of the folder, two postes syncing through their copy
// while editing the same fields between rounds. Both end with the same data and the conflict
// shown; Syncthing's temporary files and conflict copies are ignored without a word.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { listConflicts } from '../../db/conflicts/versions';
import { dump } from '../../db/project/dump';
import { syncFolder } from '../../db/sync/folder';
import { newReplica, tempDir } from './helpers';
import { hasSyncthing, syncthingPair } from './syncthing';

const PASSPHRASE = 'dossier partagé 37-41 par Syncthing';
const PROJECT_DIR = 'entente-p-coop-37-41';

/** Waits until `check` holds, or fails naming what Syncthing did not bring. */
async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Syncthing n'a pas apporté ${what} en ${timeoutMs / 1000} s.`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

/** The file, written in one copy of the folder, has arrived whole in the other. */
const arrived = (from: string, to: string, file: string) => {
  const target = join(to, PROJECT_DIR, file);
  return existsSync(target) && readFileSync(target).equals(readFileSync(join(from, PROJECT_DIR, file)));
};

// .ci/run installs Syncthing (Debian's package); without it, on a developer's machine, this says so and is skipped.
describe.skipIf(!hasSyncthing() && !process.env.CI)('dossier partagé tenu par Syncthing', () => {
  test('deux postes, chacun sur sa copie : mêmes données à la fin, le conflit montré, les fichiers de Syncthing ignorés', { timeout: 180_000 }, async () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const { folders, stop } = await syncthingPair(tempDir());
    const [claireCopy, nadiaCopy] = folders;
    try {
      // Claire publishes; her file reaches Nadia's copy through Syncthing, and Nadia's comes back.
      updateAction(claire, 'a3-1', { status: 'en_cours' });
      const first = syncFolder(claire, claireCopy, PASSPHRASE).written!;
      await until(() => arrived(claireCopy, nadiaCopy, first.file), 'le premier fichier de Claire');
      const nadiaRound = syncFolder(nadia, nadiaCopy, PASSPHRASE);
      expect(nadiaRound.imported.map((file) => file.file)).toEqual([first.file]);
      const back = nadiaRound.written!;
      await until(() => arrived(nadiaCopy, claireCopy, back.file), 'le fichier de Nadia');
      expect(syncFolder(claire, claireCopy, PASSPHRASE).imported.map((file) => file.file)).toEqual([back.file]);

      // The same field edited on both laptops between two rounds.
      updateAction(claire, 'a4-1', { description: 'Version de Claire', status: 'bloque' });
      updateAction(nadia, 'a4-1', { description: 'Version de Nadia' });
      const fromClaire = syncFolder(claire, claireCopy, PASSPHRASE).written!;
      const fromNadia = syncFolder(nadia, nadiaCopy, PASSPHRASE).written!;
      await until(() => arrived(claireCopy, nadiaCopy, fromClaire.file) && arrived(nadiaCopy, claireCopy, fromNadia.file), 'les deux fichiers concurrents');

      // What Syncthing itself leaves in a folder: a temporary file, a conflict copy.
      const nadiaDirInClaireCopy = join(claireCopy, PROJECT_DIR, nadia.replicaId!);
      writeFileSync(join(nadiaDirInClaireCopy, '.syncthing.00000009.entente.tmp'), 'en cours de copie');
      writeFileSync(join(nadiaDirInClaireCopy, '00000002.sync-conflict-20261201-101010-ABCDEFG.entente'), 'copie en conflit');

      const claireLast = syncFolder(claire, claireCopy, PASSPHRASE);
      const nadiaLast = syncFolder(nadia, nadiaCopy, PASSPHRASE);
      expect(claireLast.postponed).toEqual([]);
      expect(nadiaLast.postponed).toEqual([]);
      expect(dump(nadia)).toBe(dump(claire));

      const description = listConflicts(claire).find((conflict) => conflict.row_id === 'a4-1' && conflict.field === 'description');
      expect(description?.versions.map((version) => version.value).sort()).toEqual(['Version de Claire', 'Version de Nadia']);
      expect(listConflicts(nadia)).toEqual(listConflicts(claire));
    } finally {
      await stop();
    }
  });
});
