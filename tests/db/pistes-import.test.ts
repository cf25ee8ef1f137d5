import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { describe, expect, test } from 'vitest';
import { arbitrate } from '../../db/pistes/arbitration';
import { pistesWorkbook } from '../../db/pistes/export';
import { applyPisteImport, previewPisteImport, readPisteFile } from '../../db/pistes/import';
import { listPistes } from '../../db/pistes/reads';
import { createPiste, scorePiste } from '../../db/pistes/writes';
import { createMeeting } from '../../db/meetings/writes';
import { newReplica, tempDir } from './helpers';
import { cast } from './meeting-fixtures';

const count = (store: ReturnType<typeof newReplica>) => listPistes(store).length;

/** Windows-1252 bytes of a text made of Latin-1 characters and « ’ » (0x92). */
const windows1252 = (text: string) => Buffer.from(Array.from(text, (char) => (char === '’' ? 0x92 : char.charCodeAt(0))));

describe('import de pistes', () => {
  test('130 pistes d’un classeur .xlsx fait avec exceljs, accents compris, importées en une fois après l’aperçu', async () => {
    const store = newReplica();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Atelier du 12 mars');
    sheet.addRow(['N°', 'INTITULÉ', 'Proposée par', 'Direction ou service', 'Finalités', 'Détail']);
    for (let n = 1; n <= 130; n++) {
      sheet.addRow([
        n,
        `Piste n° ${n} : coopération à l’échelle régionale`,
        n % 2 ? 'Indre-et-Loire' : '41',
        'Direction des routes',
        n % 3 ? 'Innovation' : "Économies d'échelle; Territoire partagé",
        `Détail ${n}`,
      ]);
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = previewPisteImport(store, await readPisteFile(bytes));
    expect(preview.format).toBe('xlsx');
    expect(preview.mapping).toEqual([null, 'title', 'partner', 'service', 'finalites', 'description']);
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(130);
    expect(count(store)).toBe(0);

    const ids = applyPisteImport(store, await readPisteFile(bytes));
    expect(ids).toHaveLength(130);
    const pistes = listPistes(store);
    expect(pistes[2]).toMatchObject({
      reference: 'P3',
      title: 'Piste n° 3 : coopération à l’échelle régionale',
      proposed_by: { code: '37', service: 'Direction des routes' },
      finalites: ['economies_echelle', 'territoire_partage'],
      description: 'Détail 3',
    });
    expect(pistes[129]).toMatchObject({ reference: 'P130', proposed_by: { code: '41' }, finalites: ['innovation'] });
  });

  test('CSV : « ; » ou « , », UTF-8 avec ou sans BOM, Windows-1252, champs entre guillemets sur plusieurs lignes', async () => {
    const csv =
      'Titre;Partenaire;Finalité;Description\r\n"Écoles de la 2ᵉ chance";37;Innovation;"Première ligne\r\nseconde ; ligne"\r\nGuichet d’accueil;Loir-et-Cher;;\r\n';
    const variants: [string, Buffer][] = [
      ['UTF-8 avec BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])],
      ['UTF-8 sans BOM', Buffer.from(csv, 'utf8')],
      ['virgules', Buffer.from(csv.replace(/;(?=[^"]*(?:"[^"]*"[^"]*)*$)/gm, ','), 'utf8')],
    ];
    for (const [name, bytes] of variants) {
      const store = newReplica();
      const preview = previewPisteImport(store, await readPisteFile(bytes));
      expect(preview.problems, name).toEqual([]);
      applyPisteImport(store, await readPisteFile(bytes));
      expect(
        listPistes(store).map((row) => [row.title, row.proposed_by.code, row.finalites, row.description]),
        name,
      ).toEqual([
        ['Écoles de la 2ᵉ chance', '37', ['innovation'], 'Première ligne\nseconde ; ligne'],
        ['Guichet d’accueil', '41', [], null],
      ]);
    }
    const store = newReplica();
    const latin = windows1252('Intitulé;Proposée par\r\nRéseau des médiathèques;37\r\n"Cœur de ville, l’été";41\r\n'.replace('œ', 'oe'));
    applyPisteImport(store, await readPisteFile(latin));
    expect(listPistes(store).map((row) => row.title)).toEqual(['Réseau des médiathèques', 'Coeur de ville, l’été']);
  });

  test('une ligne sans titre, un partenaire ou une finalité inconnus : refusés par numéro de ligne, rien n’est écrit', async () => {
    const store = newReplica();
    const csv = 'Titre;Partenaire;Finalités\n' + 'Une;37;Innovation\n'.repeat(5) + ';37;\nDeux;Cher;\nTrois;41;Gastronomie\n';
    const preview = previewPisteImport(store, await readPisteFile(Buffer.from(csv)));
    expect(preview.problems).toEqual([
      'Ligne 7 : le titre est vide.',
      'Ligne 8 : partenaire inconnu « Cher ».',
      'Ligne 9 : finalité inconnue « Gastronomie ».',
    ]);
    const sheet = await readPisteFile(Buffer.from(csv));
    expect(() => applyPisteImport(store, sheet)).toThrow(/Aucune piste n'a été importée[\s\S]*Ligne 7 : le titre est vide\./);
    expect(count(store)).toBe(0);
  });

  test('la correspondance des colonnes se corrige : une colonne « Sujet abordé » devient le titre', async () => {
    const store = newReplica();
    const bytes = Buffer.from('Sujet abordé;Collectivité\nMaison commune;41\n');
    expect(previewPisteImport(store, await readPisteFile(bytes)).errors).toEqual([
      'Aucune colonne ne donne le titre des pistes (« Titre », « Intitulé » ou « Piste ») : indiquez laquelle.',
    ]);
    applyPisteImport(store, await readPisteFile(bytes), { mapping: { 'SUJET ABORDE': 'title' } });
    expect(listPistes(store).map((row) => row.title)).toEqual(['Maison commune']);
  });
});

describe('export XLSX', () => {
  test('relu par openpyxl : pistes, moyennes par partenaire, quadrant, décision ; feuille des évaluations', async () => {
    const store = newReplica();
    const people = cast(store);
    const id = createPiste(store, { title: 'Plateforme d’achats groupés', proposed_by_partner_id: 'd41', finalites: ['economies_echelle'] });
    createPiste(store, { title: 'Pas notée', proposed_by_partner_id: 'd37' });
    scorePiste(store, id, { evaluator_person_id: people.me, plus_value: 4, faisabilite: 3, comment: 'Très attendu' });
    scorePiste(store, id, { evaluator_person_id: people.marc, plus_value: 2, faisabilite: 3 });
    const meeting = createMeeting(store, { type: 'comite_pilotage', date: '2027-04-02', start_time: '14:00', duration_minutes: 120, chantier_ids: [] });
    arbitrate(store, id, meeting, { kind: 'retenue', chantier_id: 'c4' });
    const file = join(tempDir(), 'Pistes.xlsx');
    writeFileSync(file, await pistesWorkbook(store));

    const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
pistes, scores = book['Pistes'], book['Évaluations']
print(json.dumps({
  'sheets': book.sheetnames,
  'headers': [c.value for c in pistes[1]],
  'first': [c.value for c in pistes[2]],
  'rows': pistes.max_row,
  'scores': [[c.value for c in row] for row in scores.iter_rows(min_row=2)],
}))
`;
    const read = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    expect(read.stderr).toBe('');
    const book = JSON.parse(read.stdout);
    expect(book.sheets).toEqual(['Pistes', 'Évaluations']);
    expect(book.rows).toBe(3);
    const cell = (header: string) => book.first[book.headers.indexOf(header)];
    expect(cell('Référence')).toBe('P1');
    expect(cell('Intitulé')).toBe('Plateforme d’achats groupés');
    expect(cell('Proposée par')).toBe('Loir-et-Cher');
    expect(cell('Statut')).toBe('Devenue action');
    expect([cell('Plus-value (moyenne)'), cell('Faisabilité (moyenne)')]).toEqual([3, 3]);
    expect([cell('Plus-value Indre-et-Loire'), cell('Plus-value Loir-et-Cher')]).toEqual([4, 2]);
    expect(cell('Écart entre partenaires')).toBe(2);
    expect(cell('Quadrant')).toBe('À lancer vite');
    expect(cell('Décision')).toMatch(/^Piste P1 « Plateforme d’achats groupés » : retenue/);
    expect(cell('Référence de la décision')).toMatch(/D1$/);
    expect(book.scores).toEqual([
      ['P1', 'Plateforme d’achats groupés', 'Claire Martin', 'Indre-et-Loire', 4, 3, 'Très attendu'],
      ['P1', 'Plateforme d’achats groupés', 'Marc Petit', 'Loir-et-Cher', 2, 3, null],
    ]);
  });
});
