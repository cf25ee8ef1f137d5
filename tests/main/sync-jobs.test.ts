// The queue of sync jobs (main/sync/jobs.ts), with a worker that only takes its time: rounds
// with the shared folder asked while a long job runs do not pile up behind it.
import { join } from 'node:path';
import { expect, test } from 'vitest';
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
