// Two `entente` processes on one shared folder at the same time (docs/sync.md §5): no lock, no
// server, one writer per file. Each process is a real command with the real key
// derivation, as two laptops on an SMB share or a Nextcloud folder would run it.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildCli, tempDir } from './helpers';

let CLI: string;
const PASSPHRASE = 'dossier partagé 37-41';
const ROUNDS = 4;

beforeAll(async () => {
  CLI = await buildCli('sync-folder-concurrent');
}, 60_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  start: number;
  end: number;
}

function entente(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const start = Date.now();
    const child = spawn(process.execPath, [CLI, '--data', dataDir, ...args], { env: { ...process.env, ENTENTE_PASSPHRASE: PASSPHRASE } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, start, end: Date.now() }));
  });
}

async function ok(dataDir: string, ...args: string[]): Promise<Run> {
  const run = await entente(dataDir, ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

async function replicaId(dataDir: string): Promise<string> {
  return JSON.parse((await ok(dataDir, 'info')).stdout).replica.id as string;
}

/** "12 mise(s) à jour écrite(s) dans k3j9x2m4p8qa/00000003.entente." → that file. */
const writtenFile = (stdout: string) => /mise\(s\) à jour écrite\(s\) dans (\S+)\.$/m.exec(stdout)?.[1];

/** Every file under a folder, relative, sorted. */
const listing = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();

// Each command is a new Node process: slow on a busy machine.
describe('dossier partagé, deux processus en même temps', { timeout: 60_000 }, () => {
  test("deux postes synchronisent en même temps entre leurs modifications : aucun échec, chacun n'écrit que chez lui, même état à la fin", async () => {
    const folder = tempDir();
    const [claire, nadia] = [tempDir(), tempDir()];
    await ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37');
    const invitation = join(tempDir(), 'invitation.entente');
    await ok(claire, 'invite', '--out', invitation);
    await ok(nadia, 'join', invitation, '--as', 'Nadia Benali', '--partner', '41');
    const ids = { [claire]: await replicaId(claire), [nadia]: await replicaId(nadia) };

    // Each laptop edits, then syncs, round after round; the other does the same meanwhile.
    const rounds = async (dataDir: string, edits: (round: number) => string[][]) => {
      const syncs: Run[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        for (const edit of edits(round)) await ok(dataDir, 'action', ...edit);
        syncs.push(await ok(dataDir, 'sync-folder', folder));
      }
      return syncs;
    };
    const [claireSyncs, nadiaSyncs] = await Promise.all([
      rounds(claire, (round) => [
        ['set', 'a1-1', `progress=${round * 10}`],
        ['add', '--chantier', '2', '--title', `Atelier ${round} du 37`],
      ]),
      rounds(nadia, (round) => [
        // The same field as Claire: concurrent versions, kept as a conflict on both sides.
        ['set', 'a1-1', `progress=${round * 10 + 5}`],
        ['set', 'a2-1', round % 2 ? 'status=en_cours' : 'status=bloque'],
      ]),
    ]);
    // The rounds did run at the same time.
    expect(claireSyncs.some((a) => nadiaSyncs.some((b) => a.start < b.end && b.start < a.end))).toBe(true);

    // A quiet round each: the last files are read, nothing new is written. Nadia's ordinateur, new
    // to Claire's, waits there to be checked; Nadia joined by Claire's invitation: nothing new to her.
    const toCheck = '1 ordinateur(s) arrivé(s) ou révocation(s) reçue(s) à vérifier : entente postes\n';
    for (const [dataDir, end] of [
      [claire, `Rien de nouveau à écrire.\n${toCheck}`],
      [nadia, 'Rien de nouveau à écrire.\n'],
    ]) {
      expect((await ok(dataDir, 'sync-folder', folder)).stdout.slice(-end.length)).toBe(end);
    }
    const [claireDump, nadiaDump] = await Promise.all([ok(claire, 'dump'), ok(nadia, 'dump')]);
    expect(nadiaDump.stdout).toBe(claireDump.stdout);
    expect(JSON.parse(claireDump.stdout).conflicts.length).toBeGreaterThan(0);
    for (const dataDir of [claire, nadia]) expect((await ok(dataDir, 'check')).stdout).toBe('Aucun problème détecté.\n');

    // Each wrote only in its own sub-folder, exactly the files it reported, nothing temporary left.
    const projectDir = join(folder, 'entente-p-coop-37-41');
    expect(readdirSync(projectDir).sort()).toEqual([ids[claire], ids[nadia]].sort());
    for (const [dataDir, syncs] of [
      [claire, claireSyncs],
      [nadia, nadiaSyncs],
    ] as const) {
      const written = syncs.map((run) => writtenFile(run.stdout)).filter((file) => file !== undefined);
      expect(written.length).toBeGreaterThan(0);
      expect(listing(join(projectDir, ids[dataDir])).map((file) => `${ids[dataDir]}/${file}`)).toEqual(written.sort());
    }
  });

  test("un dossier de données copié sur un autre ordinateur : l'original s'arrête avec un message en français, sans rien écrire", async () => {
    const folder = tempDir();
    const claire = tempDir();
    await ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37');
    await ok(claire, 'sync-folder', folder);
    const clone = tempDir();
    cpSync(claire, clone, { recursive: true });
    await ok(clone, 'action', 'set', 'a8-1', 'status=bloque');
    await ok(clone, 'sync-folder', folder);

    await ok(claire, 'action', 'set', 'a8-1', 'status=realise');
    const before = { dump: (await ok(claire, 'dump')).stdout, files: listing(folder) };
    const refused = await entente(claire, 'sync-folder', folder);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^Le dossier partagé contient, dans le sous-dossier « [0-9a-z]{12} », des fichiers de cet ordinateur qu'il n'a pas écrits : son dossier de données a été copié sur un autre ordinateur\. La synchronisation est arrêtée\./,
    );
    expect(listing(folder)).toEqual(before.files);
    expect((await ok(claire, 'dump')).stdout).toBe(before.dump);
  });
});
