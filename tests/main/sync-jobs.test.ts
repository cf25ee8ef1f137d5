// The queue of sync jobs (main/sync/jobs.ts), with workers that only take their time or hang:
// rounds with the shared folder asked while a long job runs do not pile up behind it, and one
// that a share leaves without answer is given up.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { folderState } from '../../db/sync/status';
import { newReplica, tempDir } from '../db/helpers';
import type { Session } from '../../main/session';
import { SyncJobs } from '../../main/sync/jobs';
import type { KeyringData } from '../../db/sync/keys';
import type { SyncProgress } from '../../preload/contract';

const keys = {} as KeyringData;

test('derrière un long import, trois passages demandés du même dossier partagé n’en font qu’un, et chacun a sa réponse', async () => {
  const started: SyncProgress['kind'][] = [];
  const session = { databaseFile: 'inutilisé', reload: async () => undefined } as unknown as Session;
  const jobs = new SyncJobs(
    session,
    join(__dirname, 'fixtures', 'slow-sync-worker.mjs'),
    (progress) => progress && progress.done === 0 && started.push(progress.kind),
    () => undefined,
  );
  const importing = jobs.run({ kind: 'import', bytes: new Uint8Array(), keys });
  const rounds = [1, 2, 3].map(() => jobs.run({ kind: 'folder', folder: '/srv/partage', keys }));
  const other = jobs.run({ kind: 'folder', folder: '/srv/autre-partage', keys });
  await expect(importing).resolves.toEqual({ value: 'import', changed: false });
  for (const round of rounds) await expect(round).resolves.toEqual({ value: 'folder', changed: false });
  await other;
  expect(started).toEqual(['import', 'folder', 'folder']);
  // Once a round has started, the next one asked waits for it and runs.
  await jobs.idle();
  const first = jobs.run({ kind: 'folder', folder: '/srv/partage', keys });
  await expect.poll(() => started.length).toBe(4);
  const second = jobs.run({ kind: 'folder', folder: '/srv/partage', keys });
  await Promise.all([first, second, jobs.idle()]);
  expect(started).toEqual(['import', 'folder', 'folder', 'folder', 'folder']);
});

test('un passage que le dossier partagé laisse sans réponse est abandonné, dit, et aucun autre ne démarre avant la fin de son fil', async () => {
  const store = newReplica();
  const [hung, other] = [tempDir(), tempDir()];
  const waiting = join(hung, 'attente');
  expect(spawnSync('mkfifo', [waiting]).status).toBe(0);
  const started: SyncProgress['kind'][] = [];
  const reported: (SyncProgress | null)[] = [];
  const session = { databaseFile: 'inutilisé', reload: async () => undefined, requireStore: () => store } as unknown as Session;
  const jobs = new SyncJobs(
    session,
    join(__dirname, 'fixtures', 'hung-sync-worker.mjs'),
    (progress) => {
      reported.push(progress);
      if (progress && progress.done === 0 && progress.total === 0) started.push(progress.kind);
    },
    () => undefined,
    300,
  );
  const round = jobs.run({ kind: 'folder', folder: hung, keys });
  await expect(round).rejects.toThrow(`Le dossier partagé ${hung} ne répond plus`);
  // Its first file read was told, then nothing for the silence allowed: given up, and said where the status line reads it.
  expect(reported).toContainEqual({ kind: 'folder', done: 0, total: 2 });
  expect(reported.at(-1)).toBeNull();
  expect(folderState(store).last_round).toMatchObject({ ok: false, message: expect.stringMatching(/ne répond plus/) });
  // Its thread still waits on the share: another round is refused without a second thread.
  await expect(jobs.run({ kind: 'folder', folder: hung, keys })).rejects.toThrow(`Le dossier partagé ${hung} ne répond toujours pas`);
  expect(started).toEqual(['folder']);
  // The share answers again: the thread ends, and rounds go on.
  writeFileSync(waiting, 'réveil');
  await expect
    .poll(() =>
      jobs.run({ kind: 'folder', folder: other, keys }).then(
        ({ value }) => value,
        (error: Error) => error.message,
      ),
    )
    .toBe(other);
  expect(started).toEqual(['folder', 'folder']);
});
