import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { MatrixPoint, PisteRow } from '../../db/pistes/types';
import { databaseFile } from '../../db/paths';
import { createPerson } from '../../db/people/writes';
import { Store } from '../../db/store/store';
import { buildCli, cliOutput, runCli, tempDir } from './helpers';

let CLI: string;
beforeAll(async () => {
  CLI = await buildCli('pistes-cli');
}, 60_000);

const entente = (dataDir: string, ...args: string[]) => runCli(CLI, dataDir, ...args);
const ok = (dataDir: string, ...args: string[]) => cliOutput(CLI, dataDir, ...args);

// Each command is a new Node process: slow on a busy machine.
describe('entente piste', { timeout: 90_000 }, () => {
  test('add --title --by, score --by plus_value=N faisabilite=N [--evaluator]', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const store = Store.open(databaseFile(dir));
    createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null });
    store.close();
    expect(ok(dir, 'piste', 'add', '--title', 'Achats groupés de sel', '--by', '37', '--description', 'Pour les routes')).toMatch(/^P1 \w+\n$/);
    ok(dir, 'piste', 'score', 'P1', '--by', '37', 'plus_value=3', 'faisabilite=2');
    expect(entente(dir, 'piste', 'score', 'P1', '--by', '41', 'plus_value=3').stderr).toBe(
      "Claire Martin n'est pas du partenaire 41 : donnez --evaluator avec une personne de ce partenaire.\n",
    );
    expect(entente(dir, 'piste', 'score', 'P1', '--by', '37', 'plus-value=3').stderr).toMatch(/^« plus-value=3 » : attendu plus_value=N ou faisabilite=N\./);
    ok(dir, 'piste', 'score', 'P1', '--by', '41', 'faisabilite=1', '--evaluator', 'Marc Petit');
    const [piste] = JSON.parse(ok(dir, 'piste', 'list', '--json')) as PisteRow[];
    expect(piste).toMatchObject({ title: 'Achats groupés de sel', description: 'Pour les routes', status: 'proposee' });
    expect(piste.by_partner.map((mean) => [mean.partner_code, mean.plus_value, mean.faisabilite])).toEqual([
      ['37', 3, 2],
      ['41', null, 1],
    ]);
  });

  test('add, score, list, matrix, import (aperçu puis --confirm), arbitrate, export', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    expect(ok(dir, 'piste', 'add', 'Covoiturage entre les deux Départements', '--partner', '41', '--finalite', 'territoire_partage')).toMatch(/^P1 \w+\n$/);
    ok(dir, 'piste', 'score', 'P1', '--as', 'Claire Martin', '--plus-value', '4', '--faisabilite', '3', '--comment', 'Attendu');
    const refused = entente(dir, 'piste', 'score', 'P1', '--as', 'Claire Martin', '--plus-value', '7');
    expect(refused).toMatchObject({ code: 1, stderr: 'La plus-value est notée de 1 à 4.\n' });

    const csv = join(tempDir(), 'atelier.csv');
    writeFileSync(csv, '\uFEFFSujet;Proposée par\r\nGuichet unique;37\r\nMaison de l’habitat;41\r\n');
    const preview = ok(dir, 'piste', 'import', csv, '--map', 'Sujet=titre');
    expect(preview).toContain('« Sujet » → Intitulé');
    expect(preview).toContain('2 piste(s) prête(s) sur 2 ligne(s).');
    expect(preview).toContain('relancez avec --confirm');
    expect(JSON.parse(ok(dir, 'info')).counts.pistes).toBe(1);
    expect(ok(dir, 'piste', 'import', csv, '--map', 'Sujet=titre', '--confirm')).toContain('2 piste(s) importée(s).');

    const pistes = JSON.parse(ok(dir, 'piste', 'list', '--json')) as PisteRow[];
    expect(pistes.map((piste) => [piste.reference, piste.title, piste.proposed_by.code])).toEqual([
      ['P1', 'Covoiturage entre les deux Départements', '41'],
      ['P2', 'Guichet unique', '37'],
      ['P3', 'Maison de l’habitat', '41'],
    ]);
    expect(ok(dir, 'piste', 'list')).toMatch(/^P1 +Proposée +41 +4,0 +3,0 +À lancer vite +Covoiturage/m);
    const matrix = JSON.parse(ok(dir, 'matrix', '--json')) as MatrixPoint[];
    expect(matrix).toMatchObject([{ reference: 'P1', quadrant: 'a_lancer_vite', partner_code: '41' }]);
    expect(ok(dir, 'matrix')).toContain('À lancer vite (1)\n  P1    plus-value 4,0, faisabilité 3,0, 41 : Covoiturage');

    const meeting = ok(dir, 'meeting', 'add', '--type', 'copil', '--date', '2027-04-02', '--time', '14:00').trim();
    expect(ok(dir, 'piste', 'arbitrate', 'P1', '--meeting', meeting, '--retenue', '4')).toMatch(/^Décision n° 1 ; action 4\.\d+ créée : \w+\n$/);
    expect(ok(dir, 'piste', 'arbitrate', 'P2', '--meeting', meeting, '--ecartee', 'déjà fait par la Région')).toBe('Décision n° 2\n');
    expect(entente(dir, 'piste', 'arbitrate', 'P3', '--meeting', meeting, '--approfondir', '--ecartee', 'non').stderr).toMatch(/une seule décision/);
    const decisions = ok(dir, 'decisions');
    expect(decisions).toContain('Piste P2 « Guichet unique » : écartée (déjà fait par la Région).');

    const xlsx = join(tempDir(), 'pistes.xlsx');
    expect(ok(dir, 'piste', 'export', '--to', xlsx)).toMatch(/^Pistes écrites dans .*pistes\.xlsx/);
  });
});
