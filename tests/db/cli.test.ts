import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { databaseFile } from '../../db/paths';
import { Store } from '../../db/store';
import type { ActionRow } from '../../db/types';
import { buildCli, tempDir, track } from './helpers';

let CLI: string;

beforeAll(async () => {
  CLI = await buildCli('cli');
}, 60_000);

function entente(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, '--data', dataDir, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(dataDir: string, ...args: string[]): string {
  const result = entente(dataDir, ...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

function fails(dataDir: string, ...args: string[]): string {
  const result = entente(dataDir, ...args);
  expect(result.code).toBe(1);
  return result.stderr;
}

const listed = (dataDir: string) => JSON.parse(ok(dataDir, 'action', 'list', '--json')) as ActionRow[];

// Each command is a new Node process: slow on a busy machine.
describe('entente', { timeout: 60_000 }, () => {
  test('init, info, action add/set/list, dump, backup, check', () => {
    const dir = tempDir();
    expect(ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37', '--function', 'Cheffe de projet')).toMatch(/^Poste \w+ créé/);
    const info = JSON.parse(ok(dir, 'info'));
    expect(info.project).toEqual({ id: 'p-coop-37-41', name: 'Coopération Indre-et-Loire – Loir-et-Cher' });
    expect(info.replica).toMatchObject({ id: expect.any(String), person_name: 'Claire Martin', partner_id: 'd37' });
    expect(info.counts).toMatchObject({ partners: 2, people: 1, chantiers: 9, actions: 14, meetings: 0, pistes: 0, conflicts: 0 });

    const id = ok(dir, 'action', 'add', '--chantier', '4', '--title', 'Séminaire des cadres', 'status=en_cours', 'progress=20', 'finalites=innovation,echange_pratiques').trim();
    expect(listed(dir).find((row) => row.id === id)).toMatchObject({ chantier_number: 4, title: 'Séminaire des cadres', status: 'en_cours', progress: 20 });
    ok(dir, 'action', 'set', id, 'progress=55', 'end_date=2020-12-31', 'priority=null');
    expect(listed(dir).find((row) => row.id === id)).toMatchObject({ progress: 55, end_date: '2020-12-31', priority: null, late: true });
    expect(ok(dir, 'action', 'list')).toMatch(/Séminaire des cadres/);
    expect(JSON.parse(ok(dir, 'info')).counts.actions).toBe(15);

    const state = JSON.parse(ok(dir, 'dump'));
    expect(state.entities.action.find((row: { id: string }) => row.id === id)).toMatchObject({ finalites: ['innovation', 'echange_pratiques'], progress: 55 });

    const copy = join(tempDir(), 'copie.sqlite');
    expect(ok(dir, 'backup', copy)).toMatch(/^Sauvegarde écrite/);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    const backup = track(Store.open(copy));
    expect(backup.db.prepare('SELECT progress FROM action WHERE id = ?').pluck().get(id)).toBe(55);
    backup.close();

    expect(ok(dir, 'check')).toBe('Aucun problème détecté.\n');
    const raw = new Database(databaseFile(dir));
    raw.prepare('UPDATE action SET progress = 99 WHERE id = ?').run(id);
    raw.close();
    const checked = entente(dir, 'check');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/Table action : 1 ligne/);
  });

  test('refusals exit 1 with a French sentence', () => {
    const dir = tempDir();
    expect(fails(dir, 'info')).toMatch(/^Aucune base de données dans .* : lancez d'abord « entente init »\./);
    expect(existsSync(databaseFile(dir))).toBe(false);
    expect(fails(dir, 'init', '--as', 'Claire Martin', '--partner', '99')).toBe('Partenaire inconnu : 99. Codes possibles : 37, 41.\n');
    expect(fails(dir, 'init', '--partner', '37')).toBe("L'option --as est obligatoire.\n");
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    expect(fails(dir, 'init', '--as', 'Claire Martin', '--partner', '37')).toMatch(/contient déjà un projet/);
    expect(fails(dir, 'action', 'add', '--chantier', '99', '--title', 'X')).toBe('Chantier inconnu : 99.\n');
    expect(fails(dir, 'action', 'add', '--chantier', '1', '--title', ' ')).toBe("Le titre de l'action ne peut pas être vide.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress=150')).toBe("L'avancement est compris entre 0 et 100 %.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress=beaucoup')).toBe("L'avancement doit être un nombre.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'end_date=2026-02-30')).toBe(
      'La date de fin prévisionnelle : date impossible (format attendu AAAA-MM-JJ).\n',
    );
    expect(fails(dir, 'action', 'set', 'a1-1', 'start_date=2026-05-02', 'end_date=2026-05-01')).toBe(
      'La date de fin prévisionnelle ne peut pas précéder la date de début.\n',
    );
    expect(fails(dir, 'action', 'set', 'a1-1', 'couleur=bleu')).toBe("Champ inconnu pour l'action : couleur.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress')).toMatch(/^Argument inattendu : progress/);
    expect(fails(dir, 'action', 'frobnicate')).toMatch(/^Commande inconnue : action frobnicate/);
    expect(fails(dir, '--verbose', 'info')).toMatch(/^Option inconnue : --verbose/);
    expect(fails(dir)).toMatch(/^Commande manquante/);
    expect(ok(dir, '--help')).toMatch(/^Usage : entente/);
  });
});
