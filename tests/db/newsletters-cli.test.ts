import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { NewsletterRow } from '../../db/newsletters/types';
import { buildCli, cliOutput, runCli, tempDir } from './helpers';

let CLI: string;
beforeAll(async () => {
  CLI = await buildCli('newsletters-cli');
}, 60_000);

const entente = (dataDir: string, ...args: string[]) => runCli(CLI, dataDir, ...args);
const ok = (dataDir: string, ...args: string[]) => cliOutput(CLI, dataDir, ...args);

// Each command is a new Node process: slow on a busy machine.
describe('entente lettre', { timeout: 90_000 }, () => {
  test('draft, list, eml refusé avant publication, publish, eml, info', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    expect(ok(dir, 'lettre', 'draft')).toMatch(/^Lettre n° 1 en préparation \(1 article\(s\) proposé\(s\), période du \d+/);
    expect(entente(dir, 'lettre', 'draft')).toMatchObject({
      code: 1,
      stderr: "La lettre n° 1 est en préparation : publiez-la ou supprimez-la avant d'en commencer une autre.\n",
    });
    expect(ok(dir, 'lettre', 'list')).toMatch(/^1 +brouillon +\S+ → \S+ +1 +La lettre de la coopération n° 1$/m);
    const file = join(tempDir(), 'lettre.eml');
    expect(entente(dir, 'lettre', 'eml', '1', '--to', file)).toMatchObject({
      code: 1,
      stderr: "La lettre n° 1 n'est pas publiée : publiez-la avant d'en préparer le courriel.\n",
    });
    expect(ok(dir, 'lettre', 'publish', '1')).toBe('Lettre n° 1 publiée.\n');
    expect(entente(dir, 'lettre', 'publish', '2')).toMatchObject({ code: 1, stderr: "La lettre d'info n° 2 est introuvable (supprimée ou inconnue).\n" });
    expect(ok(dir, 'lettre', 'eml', '1', '--to', file)).toBe(`Courriel écrit : ${file}\n`);
    expect(readFileSync(file, 'utf8')).toContain('Content-Type: multipart/alternative;');
    const [row] = JSON.parse(ok(dir, 'lettre', 'list', '--json')) as NewsletterRow[];
    expect(row).toMatchObject({ number: 1, published_by: { name: 'Claire Martin' }, items: [{ kind: 'chiffres' }] });
    expect(JSON.parse(ok(dir, 'info')).counts.newsletters).toBe(1);
  });
});
