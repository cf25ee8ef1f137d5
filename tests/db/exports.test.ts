// Exports and imports that spreadsheets understand: the files read back by independent
// readers (Python's openpyxl from Debian, Python's csv as Excel in French reads a CSV),
// the import of a plan d'actions (round trip, refused lines), « Exporter tout », the key
// figures, and their commands.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { setPilot } from '../../db/actions/pilots';
import { addStep, createAction, deleteAction } from '../../db/actions/writes';
import { addBudgetLine } from '../../db/budget/writes';
import { attach } from '../../db/attachments/store';
import { keyFigures } from '../../db/chantiers/figures';
import { actionExportRows, actionsCsv, actionsXlsx, planXlsx, sheetName } from '../../db/exports/actions';
import { csvBytes, parseCsv } from '../../db/exports/csv';
import { exportAll } from '../../db/exports/export-all';
import { applyImport, previewImport, readSpreadsheet } from '../../db/exports/import';
import { addAgendaItem, addEntry, createMeeting, deleteAgendaItem } from '../../db/meetings/writes';
import { addNewsletterItem, createNewsletter, editNewsletterItem, removeNewsletterItem } from '../../db/newsletters/writes';
import { getNewsletter } from '../../db/newsletters/reads';
import type { Store } from '../../db/store/store';
import { cast, codiri } from './meeting-fixtures';
import { buildCli, changeCount, cliOutput, newCooperation, newReplica, runCli, sendAll, tempDir, TOURAINE } from './helpers';

const PYTHON = '/usr/bin/python3';

/** Runs a Python script on Debian's python3 (with python3-openpyxl) and answers what it printed as JSON. */
function python(script: string, ...args: string[]): unknown {
  const probe = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      `Le module Python openpyxl manque (${PYTHON} -c 'import openpyxl' : ${probe.error?.message ?? probe.stderr.trim()}). ` +
        'Installez-le : apt-get install -y python3-openpyxl (.ci/run le fait).',
    );
  }
  const run = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

/** A workbook as openpyxl reads it: each sheet's name, cells (dates as « date:AAAA-MM-JJ ») with their Python types and number formats, autofilter and frozen pane. */
const READ_XLSX = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
def value(v):
    if isinstance(v, datetime.datetime): return 'date:' + v.date().isoformat()
    return v
print(json.dumps({
  'title': book.properties.title,
  'sheets': [{
    'name': s.title,
    'rows': [[value(c.value) for c in row] for row in s.iter_rows()],
    'types': [[type(c.value).__name__ for c in row] for row in s.iter_rows()],
    'formats': [[c.number_format for c in row] for row in s.iter_rows()],
    'autofilter': s.auto_filter.ref,
    'freeze': s.freeze_panes,
    'widths': {k: v.width for k, v in s.column_dimensions.items()},
  } for s in book.worksheets],
}))
`;

interface Sheet {
  name: string;
  rows: (string | number | null)[][];
  types: string[][];
  formats: string[][];
  autofilter: string;
  freeze: string;
  widths: Record<string, number>;
}

function readXlsx(bytes: Buffer): { title: string; sheets: Sheet[] } {
  const file = join(tempDir(), 'classeur.xlsx');
  writeFileSync(file, bytes);
  return python(READ_XLSX, file) as { title: string; sheets: Sheet[] };
}

/** CSV files as Excel in French opens them: UTF-8 with BOM (utf-8-sig), « ; », quoted fields over several lines; by file name. */
function readCsvFilesAsExcel(files: string[]): Record<string, string[][]> {
  return python(
    `
import csv, json, sys, os
rows = {}
for name in sys.argv[1:]:
    with open(name, encoding='utf-8-sig', newline='') as f:
        rows[os.path.basename(name)] = list(csv.reader(f, delimiter=';'))
print(json.dumps(rows))
`,
    ...files,
  ) as Record<string, string[][]>;
}

function readCsvAsExcel(bytes: Buffer): string[][] {
  const file = join(tempDir(), 'actions.csv');
  writeFileSync(file, bytes);
  return readCsvFilesAsExcel([file])['actions.csv'];
}

const HEADERS = [
  'Référence',
  'Chantier',
  'Titre',
  'Statut',
  'Priorité',
  'Pilote Indre-et-Loire',
  'Pilote Loir-et-Cher',
  'Début',
  'Échéance',
  'Avancement',
  'En retard',
  'Finalités',
  'Forme de coopération',
  'À arbitrer',
  'Description',
];

/** Two actions of chantier 4 with everything filled, accents, a description over lines with « ; » and quotes. */
function withActions(store: Store) {
  const people = cast(store);
  const seminaire = createAction(store, {
    chantier_id: 'c4',
    title: 'Séminaire des cadres à Blois',
    status: 'en_cours',
    priority: 'elevee',
    start_date: '2027-01-15',
    end_date: '2027-06-30',
    progress: 40,
    finalites: ['innovation', 'echange_pratiques'],
    cooperation_form: 'actions_conjointes',
    to_arbitrate: true,
    description: 'Deux jours ; « ateliers »\net un "grand témoin".',
  });
  setPilot(store, seminaire, 'd37', { person_id: people.anne });
  setPilot(store, seminaire, 'd41', { person_id: people.emilie });
  const formation = createAction(store, {
    chantier_id: 'c4',
    title: 'Formation à la gestion de projet',
    status: 'bloque',
    end_date: '2020-12-31',
    description: '- premier groupe en mars\n- second en juin',
  });
  setPilot(store, formation, 'd41', { person_id: people.marc });
  return { people, seminaire, formation };
}

describe('export des actions en XLSX', { timeout: 30_000 }, () => {
  test('relu par openpyxl : en-têtes français, vraies dates, avancement en pourcentage, accents, filtre, en-tête figé, largeurs', async () => {
    const store = newReplica();
    withActions(store);
    const book = readXlsx(await actionsXlsx(store, { chantier_ids: ['c4'] }, { subject: 'Actions : chantier 4' }));
    expect(book.title).toBe('Actions');
    expect(book.sheets).toHaveLength(1);
    const [sheet] = book.sheets;
    expect(sheet.name).toBe('Actions');
    expect(sheet.rows[0]).toEqual(HEADERS);
    const line = sheet.rows.findIndex((row) => row[2] === 'Séminaire des cadres à Blois');
    const seminaire = sheet.rows[line];
    expect(seminaire).toEqual([
      expect.stringMatching(/^4\.\d+$/),
      '4. Les ressources humaines',
      'Séminaire des cadres à Blois',
      'En cours',
      'Élevée',
      'Anne Leroy',
      'Émilie Durand',
      'date:2027-01-15',
      'date:2027-06-30',
      0.4,
      'Non',
      'Innovation / expérimentation\nÉchange de pratiques',
      'Actions conjointes',
      'Oui',
      'Deux jours ; « ateliers »\net un "grand témoin".',
    ]);
    const formation = sheet.rows.find((row) => row[2] === 'Formation à la gestion de projet')!;
    expect(formation.slice(3, 11)).toEqual(['Bloqué', 'Moyenne', null, 'Marc Petit', null, 'date:2020-12-31', 0, 'Oui']);
    // With the default project's actions of chantier 4.
    const count = actionExportRows(store, { chantier_ids: ['c4'] }).length;
    expect(count).toBeGreaterThan(2);
    expect(sheet.rows).toHaveLength(count + 1);
    expect(sheet.autofilter).toBe(`A1:O${count + 1}`);
    expect(sheet.freeze).toBe('A2');
    expect(sheet.widths).toMatchObject({ C: 50, O: 60 });
    const dateColumn = HEADERS.indexOf('Échéance');
    const progressColumn = HEADERS.indexOf('Avancement');
    expect(sheet.types[line][dateColumn]).toBe('datetime');
    expect(sheet.formats[line][dateColumn]).toBe('dd/mm/yyyy');
    expect(sheet.types[line][progressColumn]).toBe('float');
    expect(sheet.formats[line][progressColumn]).toBe('0%');
    expect(sheet.types[0].every((type) => type === 'str')).toBe(true);
  });

  test("le plan d'actions : une feuille par chantier, noms dans la limite d'Excel (31 caractères, sans caractère interdit)", async () => {
    const store = newReplica();
    withActions(store);
    const book = readXlsx(await planXlsx(store));
    expect(book.title).toBe("Plan d'actions");
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      "1. Les services d'aide et d'ac…",
      "2. L'innovation dans les collè…",
      '3. La restauration scolaire et…',
      '4. Les ressources humaines',
      "5. L'ingénierie technique dépa…",
      "6. L'observation territoriale",
      "7. L'outil de pilotage",
      '8. Les achats',
      '9. Les téléservices',
    ]);
    for (const sheet of book.sheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.rows[0]).toEqual(HEADERS);
      expect(sheet.freeze).toBe('A2');
      for (const row of sheet.rows.slice(1)) expect(row[1]).toMatch(new RegExp(`^${sheet.name.split('.')[0]}\\. `));
    }
    expect(book.sheets[3].rows.map((row) => row[2])).toContain('Séminaire des cadres à Blois');
    // A cooperation without chantier yet: one sheet still, that Excel opens.
    const empty = readXlsx(await planXlsx(newCooperation({ ...TOURAINE, chantiers: [] })));
    expect(empty.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([["Plan d'actions", 1]]);
    const total = book.sheets.reduce((sum, sheet) => sum + sheet.rows.length - 1, 0);
    expect(total).toBe(actionExportRows(store, {}).length);
  });

  test('un nom de feuille garde 31 caractères, remplace les caractères interdits et reste unique', () => {
    const taken = new Set<string>();
    expect(sheetName(3, 'Achats [groupés] : 2027/2028 ?', taken)).toBe('3. Achats -groupés- - 2027-202…');
    expect(sheetName(3, 'Achats [groupés] : 2027/2028 ?', taken)).toBe('3. Achats -groupés- - 2027-20…2');
    expect(sheetName(10, 'Court', taken)).toBe('10. Court');
  });
});

describe('export des actions en CSV', () => {
  test('lu comme Excel en français : BOM, « ; », fin de ligne CRLF, retours à la ligne entre guillemets, dates JJ/MM/AAAA', () => {
    const store = newReplica();
    withActions(store);
    const bytes = actionsCsv(store, { statuses: ['en_cours', 'bloque'], chantier_ids: ['c4'] });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${HEADERS.join(';').replace('Avancement', 'Avancement (%)')}`);
    expect(text).toContain(';"Deux jours ; « ateliers »\net un ""grand témoin""."\r\n');
    const rows = readCsvAsExcel(bytes);
    expect(rows[0][9]).toBe('Avancement (%)');
    const seminaire = rows.find((row) => row[2] === 'Séminaire des cadres à Blois')!;
    expect(seminaire.slice(1)).toEqual([
      '4. Les ressources humaines',
      'Séminaire des cadres à Blois',
      'En cours',
      'Élevée',
      'Anne Leroy',
      'Émilie Durand',
      '15/01/2027',
      '30/06/2027',
      '40',
      'Non',
      'Innovation / expérimentation\nÉchange de pratiques',
      'Actions conjointes',
      'Oui',
      'Deux jours ; « ateliers »\net un "grand témoin".',
    ]);
    expect(
      rows
        .map((row) => row[3])
        .slice(1)
        .sort(),
    ).toEqual(['Bloqué', 'En cours']);
  });

  test('les nombres à la française, les guillemets doublés, et la relecture tolérante (« , », Windows-1252, sans BOM)', () => {
    const bytes = csvBytes(
      ['Montant', 'Texte'],
      [
        [1234.5, 'a "b"; c'],
        [null, 'ligne 1\nligne 2'],
      ],
    );
    expect(bytes.toString('utf8')).toBe('\uFEFFMontant;Texte\r\n1234,5;"a ""b""; c"\r\n;"ligne 1\nligne 2"\r\n');
    // A text Excel would run as a formula is marked as text; a negative number stays a number.
    expect(
      csvBytes(
        ['A', 'B'],
        [
          ['=HYPERLINK("x")', -2.5],
          ['- point', '@x'],
        ],
      ).toString('utf8'),
    ).toBe('\uFEFFA;B\r\n"\'=HYPERLINK(""x"")";-2,5\r\n\'- point;\'@x\r\n');
    expect(parseCsv(bytes.toString('utf8'))).toEqual([
      ['Montant', 'Texte'],
      ['1234,5', 'a "b"; c'],
      ['', 'ligne 1\nligne 2'],
    ]);
    expect(parseCsv('Titre,Échéance\r\n"Achats, groupés",15/03/2027\r\n')).toEqual([
      ['Titre', 'Échéance'],
      ['Achats, groupés', '15/03/2027'],
    ]);
  });
});

/** An export's rows without what an import gives anew (ids, references), by title. */
const withoutIds = (rows: ReturnType<typeof actionExportRows>) =>
  rows.map(({ id: _id, reference: _reference, ...row }) => row).sort((x, y) => x.title.localeCompare(y.title));

describe("import d'un plan d'actions", () => {
  test.each(['xlsx', 'csv', 'plan'])(
    'aller-retour (%s) : exporté puis importé dans un projet neuf, les mêmes actions, qui se synchronisent',
    async (format) => {
      const source = newReplica();
      withActions(source);
      // The plan d'actions holds every action, a sheet per chantier.
      const query = format === 'plan' ? {} : { chantier_ids: ['c4'] };
      const bytes = format === 'plan' ? await planXlsx(source) : format === 'xlsx' ? await actionsXlsx(source, query) : actionsCsv(source, query);

      const target = newReplica('Paul Bernard', '37');
      const before = changeCount(target);
      const preview = previewImport(target, await readSpreadsheet(bytes));
      expect(preview.errors).toEqual([]);
      expect(preview.importable).toBe(true);
      expect(preview.mapping).toMatchObject({ Référence: null, Chantier: 'chantier', Titre: 'title', 'Pilote Indre-et-Loire': 'pilot:d37', 'En retard': null });
      expect(preview.new_people.map((person) => person.name).sort()).toEqual(['Anne Leroy', 'Marc Petit', 'Émilie Durand']);
      if (format === 'plan')
        expect(new Set(preview.lines.map((line) => line.sheet)).size).toBe(new Set(actionExportRows(source, {}).map((row) => row.chantier_id)).size);
      // The default project's actions exported with the new ones are already in the fresh project: said, not refused.
      expect(preview.warnings).toHaveLength(actionExportRows(source, query).length - 2);
      expect(preview.warnings.join('\n')).not.toMatch(/Séminaire des cadres à Blois|Formation à la gestion de projet/);
      // The preview writes nothing.
      expect(changeCount(target)).toBe(before);

      const result = applyImport(target, await readSpreadsheet(bytes));
      expect(result.action_ids).toHaveLength(actionExportRows(source, query).length);
      expect(result.people_created).toBe(3);
      const imported = actionExportRows(target, query).filter((row) => result.action_ids.includes(row.id));
      expect(withoutIds(imported)).toEqual(withoutIds(actionExportRows(source, query)));
      // Numbered after their chantier's actions, each its own number: no « 4.3 bis ».
      expect(imported.map((row) => row.reference).filter((reference) => !/^\d+\.\d+$/.test(reference))).toEqual([]);
      expect(new Set(imported.map((row) => row.reference)).size).toBe(imported.length);

      // Ordinary changes of this poste: another poste receiving them has the same actions.
      const other = newReplica('Marc Petit', '41');
      sendAll(target, other);
      expect(withoutIds(actionExportRows(other, query).filter((row) => result.action_ids.includes(row.id)))).toEqual(withoutIds(imported));
    },
  );

  test('les lignes fautives sont refusées par leur numéro, en français, et rien n’est écrit', async () => {
    const store = newReplica();
    const csv = Buffer.from(
      [
        'Chantier;Titre;Statut;Échéance;Avancement',
        '4;Séminaire des cadres;En cours;30/06/2027;40 %',
        '12;Action perdue;En cours;;',
        '3;Menus régionaux;Terminé;31/02/2027;',
        ';Sans chantier;;;150',
        '',
        '8;;À venir;2027-13-01;',
      ].join('\r\n'),
      'utf8',
    );
    const before = changeCount(store);
    const preview = previewImport(store, await readSpreadsheet(csv));
    expect(preview.importable).toBe(false);
    expect(preview.lines.map((line) => line.line)).toEqual([2, 3, 4, 5, 7]);
    expect(preview.lines[0].errors).toEqual([]);
    expect(preview.errors).toEqual([
      'Ligne 3 : chantier inconnu « 12 ».',
      'Ligne 4 : statut inconnu « Terminé » (statuts possibles : À venir, En cours, Réalisé, En pause, Abandonné, Bloqué).',
      'Ligne 4 : date impossible « 31/02/2027 » (Échéance ; attendu JJ/MM/AAAA).',
      'Ligne 5 : avancement impossible « 150 » (un nombre entier de 0 à 100 %).',
      'Ligne 5 : chantier manquant.',
      'Ligne 7 : date impossible « 2027-13-01 » (Échéance ; attendu JJ/MM/AAAA).',
      'Ligne 7 : titre manquant.',
    ]);
    const tables = await readSpreadsheet(csv);
    expect(() => applyImport(store, tables)).toThrow(/^Rien n'a été importé : 7 erreur\(s\)\.\nLigne 3 : chantier inconnu « 12 »\./);
    expect(changeCount(store)).toBe(before);
  });

  test('un CSV de Windows (Windows-1252, « , ») aux en-têtes libres : correspondance proposée, puis choisie', async () => {
    const store = newReplica();
    const text =
      'N° chantier,Intitulé de l’action,État,Date limite,Remarques,Pilote 41\r\n8,"Achats groupés, énergie",Réalisé,15/03/27,À revoir,Jérôme Noël\r\n';
    // Windows-1252 has ’ (0x92) where Latin-1 has a control character: written byte by byte.
    const cp1252 = Buffer.from([...text].map((char) => (char === '’' ? 0x92 : char.charCodeAt(0))));
    const preview = previewImport(store, await readSpreadsheet(cp1252));
    expect(preview.mapping).toEqual({
      'N° chantier': 'chantier',
      'Intitulé de l’action': 'title',
      État: 'status',
      'Date limite': 'end_date',
      Remarques: 'description',
      'Pilote 41': 'pilot:d41',
    });
    expect(preview.lines[0].action).toMatchObject({
      chantier: { number: 8 },
      title: 'Achats groupés, énergie',
      status: 'realise',
      end_date: '2027-03-15',
      description: 'À revoir',
      pilots: { d41: 'Jérôme Noël' },
    });
    // A mapping naming a partner the project does not know (as a renderer could send): refused before anything.
    expect(previewImport(store, await readSpreadsheet(cp1252), { ...preview.mapping, 'Pilote 41': 'pilot:d99' }).errors).toEqual([
      'Partenaire inconnu pour les pilotes : « d99 ».',
    ]);
    const { action_ids } = applyImport(store, await readSpreadsheet(cp1252), { ...preview.mapping, Remarques: null });
    const [row] = actionExportRows(store, {}).filter((action) => action.title === 'Achats groupés, énergie');
    expect(row).toMatchObject({ chantier_number: 8, status: 'realise', description: null, pilots: { d41: 'Jérôme Noël' } });
    expect(action_ids).toHaveLength(1);
    // The same file a second time: importable, but said.
    expect(previewImport(store, await readSpreadsheet(cp1252)).warnings).toEqual(['Ligne 2 : le chantier 8 a déjà une action « Achats groupés, énergie ».']);
  });

  test('deux colonnes du même titre sont refusées ; une colonne « constructor » est une colonne comme une autre', async () => {
    const store = newReplica();
    const twice = Buffer.from('Chantier;Titre;Description;Description\r\n4;Séminaire;Un séminaire;\r\n', 'utf8');
    const preview = previewImport(store, await readSpreadsheet(twice));
    expect(preview.errors).toEqual(['Colonne « Description » en double : donnez-leur des titres différents dans le fichier, puis recommencez.']);
    expect(preview.importable).toBe(false);
    const odd = Buffer.from('Chantier;Titre;constructor;toString\r\n4;Séminaire;x;y\r\n', 'utf8');
    const oddPreview = previewImport(store, await readSpreadsheet(odd));
    expect(oddPreview.errors).toEqual([]);
    expect(oddPreview.mapping).toEqual({ Chantier: 'chantier', Titre: 'title', constructor: null, toString: null });
    expect(oddPreview.lines[0].action).toMatchObject({ chantier: { number: 4 }, title: 'Séminaire' });
  });

  test('un guillemet dans un champ est un caractère : il n’ouvre une citation qu’au début du champ', async () => {
    const csv = [
      'Chantier;Titre;Taille 27";Description',
      '4;Écran 27";1;Pour la salle',
      '4;Clavier;2;',
      '4;"Câble ""HDMI""; 2 m";3;',
      '4;Souris;4;',
      '4;Tapis 5";5;',
    ];
    expect(parseCsv(csv.join('\r\n'))).toEqual([
      ['Chantier', 'Titre', 'Taille 27"', 'Description'],
      ['4', 'Écran 27"', '1', 'Pour la salle'],
      ['4', 'Clavier', '2', ''],
      ['4', 'Câble "HDMI"; 2 m', '3', ''],
      ['4', 'Souris', '4', ''],
      ['4', 'Tapis 5"', '5', ''],
    ]);
    const preview = previewImport(newReplica(), await readSpreadsheet(Buffer.from(csv.join('\r\n'), 'utf8')));
    expect(preview.errors).toEqual([]);
    expect(preview.lines.map((line) => line.action.title)).toEqual(['Écran 27"', 'Clavier', 'Câble "HDMI"; 2 m', 'Souris', 'Tapis 5"']);
  });

  test('« Texte Unicode » d’Excel (UTF-16) est lu ; un classeur Excel 97-2003 (.xls) est refusé en français', async () => {
    const store = newReplica();
    const text = '\uFEFFChantier\tTitre\tÉchéance\r\n4\tSéminaire des cadres\t30/06/2027\r\n';
    const little = Buffer.from(text, 'utf16le');
    const big = Buffer.from(little).swap16();
    for (const bytes of [little, big]) {
      const preview = previewImport(store, await readSpreadsheet(bytes));
      expect(preview.errors).toEqual([]);
      expect(preview.lines.map((line) => [line.action.title, line.action.end_date])).toEqual([['Séminaire des cadres', '2027-06-30']]);
    }
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(readSpreadsheet(xls)).rejects.toThrow(
      "Ce fichier est au format Excel 97-2003 (.xls), qui n'est pas lu : ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format .xlsx, puis recommencez.",
    );
  });
});

describe('Exporter tout', { timeout: 30_000 }, () => {
  test('un dossier lisible sans Entente : entente.json, un CSV par type aux colonnes que décrit LISEZMOI.txt, les documents', async () => {
    const store = newReplica();
    const { seminaire } = withActions(store);
    attach(store, seminaire, 'Programme: séminaire?.pdf', Buffer.from('%PDF-1.4 programme'));
    // A lettre of two articles, the second a title alone.
    const lettre = createNewsletter(store, '2027-03-31');
    for (const item of getNewsletter(store, lettre).items) removeNewsletterItem(store, lettre, item.id);
    editNewsletterItem(store, lettre, addNewsletterItem(store, lettre), { title: 'Séminaire des cadres', body: 'À Blois,\nle 12 mai.' });
    editNewsletterItem(store, lettre, addNewsletterItem(store, lettre), { title: 'Agenda', body: null });
    const folder = join(tempDir(), 'Export Entente');
    const result = exportAll(store, folder, new Date('2027-04-01T10:00:00Z'));
    expect(result.documents_missing).toBe(0);

    const json = JSON.parse(readFileSync(join(folder, 'entente.json'), 'utf8'));
    expect(json.projet.name).toBe('Coopération Indre-et-Loire – Loir-et-Cher');
    expect(json.tables.action.find((row: { id: string }) => row.id === seminaire)).toMatchObject({
      title: 'Séminaire des cadres à Blois',
      status: 'en_cours',
      finalites: ['innovation', 'echange_pratiques'],
      to_arbitrate: true,
    });
    expect(json.vocabulaire.action.status.en_cours).toBe('En cours');

    const readme = readFileSync(join(folder, 'LISEZMOI.txt'), 'utf8');
    expect(readme.startsWith('\uFEFF« Coopération Indre-et-Loire – Loir-et-Cher » : export complet du 01/04/2027')).toBe(true);
    // Each file the LISEZMOI describes, with its columns as it lists them.
    const described = new Map<string, string[]>();
    let current: string[] = [];
    for (const line of readme.split('\r\n')) {
      const file = /^(\S+\.csv) \[\w+\] : (\d+) ligne\(s\)$/.exec(line);
      if (file) described.set(file[1], (current = []));
      const column = /^ {2}- (.+?)(?: \[\w+\])? : /.exec(line);
      if (column) current.push(column[1]);
    }
    const csvFiles = readdirSync(folder).filter((name) => name.endsWith('.csv'));
    expect([...described.keys()].sort()).toEqual(csvFiles.sort());
    for (const name of [
      'chantiers.csv',
      'actions.csv',
      'etapes.csv',
      'notes.csv',
      'liens.csv',
      'personnes.csv',
      'partenaires.csv',
      'reunions.csv',
      'participants.csv',
      'ordre-du-jour.csv',
      'informations-et-decisions.csv',
      'actions-a-mener.csv',
      'indicateurs.csv',
      'valeurs-des-indicateurs.csv',
      'budget.csv',
      'financeurs.csv',
      'documents.csv',
    ]) {
      expect(csvFiles).toContain(name);
    }
    const files = readCsvFilesAsExcel(csvFiles.map((name) => join(folder, name)));
    for (const name of csvFiles) {
      const rows = files[name];
      expect(rows[0], name).toEqual(described.get(name));
      expect(readme).toContain(`${name} [`);
      expect(rows.length - 1, name).toBe(Number(new RegExp(`${name.replace('.', '\\.')} \\[\\w+\\] : (\\d+)`).exec(readme)![1]));
    }
    expect(readme).toContain('  - Statut [status] : une valeur parmi : À venir, En cours, Réalisé, En pause, Abandonné, Bloqué');
    expect(readme).toContain('  - Type de réunion [type] : une valeur parmi : CODIRI, Comité de pilotage, Atelier interdépartemental, Réunion de travail');
    expect(json.vocabulaire.meeting.type.atelier).toBe('Atelier interdépartemental');
    expect(readme).toContain("  - Chantier [chantier_id] : identifiant d'une ligne de chantiers.csv");
    expect(readme).toContain('  - Échéance [end_date] : date (JJ/MM/AAAA)');

    const actions = files['actions.csv'];
    const line = actions.find((row) => row[0] === seminaire)!;
    const column = (header: string) => line[actions[0].indexOf(header)];
    expect(column('Statut')).toBe('En cours');
    expect(column('Chantier')).toBe('c4');
    expect(column('Échéance')).toBe('30/06/2027');
    expect(column('Finalités')).toBe('Innovation / expérimentation\nÉchange de pratiques');
    expect(column('À arbitrer')).toBe('Oui');

    // A lettre's articles, each its title then its text, as Excel shows a cell of several lines.
    const lettres = files['lettres-d-info.csv'];
    expect(lettres[1][lettres[0].indexOf('Articles')]).toBe('Séminaire des cadres\nÀ Blois,\nle 12 mai.\n\nAgenda');

    const documents = files['documents.csv'];
    const file = documents[1][documents[0].indexOf('Fichier')];
    expect(file).toMatch(/^documents\/.+ - Programme- séminaire-\.pdf$/);
    expect(readFileSync(join(folder, file), 'utf8')).toBe('%PDF-1.4 programme');
    expect(existsSync(join(folder, 'documents'))).toBe(true);
  });

  test('un document au nom de 250 caractères : coupé, son extension gardée, sans arrêter l’export', () => {
    const store = newReplica();
    const { seminaire } = withActions(store);
    attach(store, seminaire, `${'Compte rendu détaillé '.repeat(11)}final.xlsx`, Buffer.from('classeur'));
    const folder = join(tempDir(), 'Export Entente');
    exportAll(store, folder, new Date('2027-04-01T10:00:00Z'));
    const [name] = readdirSync(join(folder, 'documents'));
    expect(name).toMatch(/^.+ - Compte rendu détaillé .+…\.xlsx$/);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(readFileSync(join(folder, 'documents', name), 'utf8')).toBe('classeur');
  });
  test('les lignes d’une action ou d’un point supprimés sont laissées de côté, comme les écrans le font', () => {
    const store = newReplica();
    const { seminaire, formation } = withActions(store);
    const kept = addBudgetLine(store, formation, { year: 2027, partner_id: 'd37', planned: 1000 });
    addBudgetLine(store, seminaire, { year: 2027, partner_id: 'd41', planned: 5000 });
    const step = addStep(store, seminaire, 'Réserver la salle');
    deleteAction(store, seminaire);
    const meeting = createMeeting(store, { type: 'codiri', date: '2027-03-15', start_time: '14:00', duration_minutes: 120 });
    const point = addAgendaItem(store, meeting, { title: 'Mobilités' });
    const decision = addEntry(store, point, { kind: 'decision', text: 'Le CODIRI adopte la charte.' });
    deleteAgendaItem(store, point);
    const folder = join(tempDir(), 'Export');
    exportAll(store, folder, new Date('2027-04-01T10:00:00Z'));
    const { tables } = JSON.parse(readFileSync(join(folder, 'entente.json'), 'utf8')) as { tables: Record<string, { id: string; owner_id?: string }[]> };
    const ids = (entity: string) => tables[entity].map((row) => row.id);
    expect(ids('budget_line')).toEqual([kept]);
    expect(ids('step')).not.toContain(step);
    expect(tables.pilot.filter((row) => row.owner_id === seminaire)).toEqual([]);
    expect(ids('entry')).not.toContain(decision);
    expect(ids('meeting')).toContain(meeting);
    const budget = readCsvFilesAsExcel([join(folder, 'budget.csv')])['budget.csv'];
    expect(budget.map((row) => row[0])).toEqual(['Identifiant', kept]);
  });

  test('les types de réunion d’une coopération qui n’est pas entre Départements : « Atelier de coopération »', () => {
    const store = newCooperation();
    createMeeting(store, { type: 'atelier', title: 'Idées mobilités', date: '2027-04-01', start_time: '09:00', duration_minutes: 90 });
    const folder = join(tempDir(), 'Export');
    exportAll(store, folder, new Date('2027-04-01T10:00:00Z'));
    const [header, row] = parseCsv(readFileSync(join(folder, 'reunions.csv'), 'utf8'));
    expect(row[header.indexOf('Type de réunion')]).toBe('Atelier de coopération');
    expect(readFileSync(join(folder, 'LISEZMOI.txt'), 'utf8')).toContain(
      '  - Type de réunion [type] : une valeur parmi : CODIRI, Comité de pilotage, Atelier de coopération, Réunion de travail',
    );
    expect(JSON.parse(readFileSync(join(folder, 'entente.json'), 'utf8')).vocabulaire.meeting.type.atelier).toBe('Atelier de coopération');
  });

  test('une archive .zip des mêmes fichiers, lue par zipfile de Python et unzip -t : noms accentués en UTF-8', () => {
    const store = newReplica();
    const { seminaire } = withActions(store);
    attach(store, seminaire, 'Présentation du séminaire.pdf', Buffer.from('%PDF-1.4 présentation'));
    const exportedAt = new Date('2027-04-01T10:00:00Z');
    const dir = tempDir();
    const folder = exportAll(store, join(dir, 'Export'), exportedAt);
    const archive = join(dir, 'Entente - export du 2027-04-01.zip');
    const result = exportAll(store, archive, exportedAt);
    expect(result).toMatchObject({ target: archive, format: 'zip', counts: folder.counts, files: folder.files });
    expect(readdirSync(dir).sort()).toEqual(['Entente - export du 2027-04-01.zip', 'Export']);

    const test = spawnSync('unzip', ['-t', archive], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    expect(test.status).toBe(0);
    const read = python(
      `
import csv, io, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    entries = archive.infolist()
    out = {
        'bad': archive.testzip(),
        'names': [entry.filename for entry in entries],
        'utf8': {entry.filename: bool(entry.flag_bits & 0x800) for entry in entries},
        'csv': {entry.filename: list(csv.reader(io.StringIO(archive.read(entry).decode('utf-8-sig'), newline=''), delimiter=';'))
                for entry in entries if entry.filename.endswith('.csv')},
        'documents': {entry.filename: archive.read(entry).decode('utf-8') for entry in entries if entry.filename.startswith('documents/')},
        'json': json.loads(archive.read('entente.json')),
    }
print(json.dumps(out))
`,
      archive,
    ) as {
      bad: string | null;
      names: string[];
      utf8: Record<string, boolean>;
      csv: Record<string, string[][]>;
      documents: Record<string, string>;
      json: { tables: Record<string, unknown[]> };
    };
    expect(read.bad).toBeNull();
    expect(read.names.sort()).toEqual([...folder.files].sort());
    // Every CSV of the folder, with as many lines as counted, read the same from the archive.
    const unzipped = readCsvFilesAsExcel(Object.keys(result.counts).map((name) => join(dir, 'Export', name)));
    for (const [name, count] of Object.entries(result.counts)) {
      expect(read.csv[name].length - 1, name).toBe(count);
      expect(read.csv[name], name).toEqual(unzipped[name]);
    }
    expect(read.json.tables.action).toHaveLength(result.counts['actions.csv']);
    const [document] = Object.keys(read.documents);
    expect(document).toMatch(/^documents\/.+ - Présentation du séminaire\.pdf$/);
    expect(read.documents[document]).toBe('%PDF-1.4 présentation');
    // The accented name says it is UTF-8; plain ASCII names need no flag.
    expect(read.utf8[document]).toBe(true);
    expect(read.utf8['actions.csv']).toBe(false);
  });

  test('une archive dans un dossier qui n’existe pas : un message en français, rien d’écrit', () => {
    const store = newReplica();
    const dir = tempDir();
    expect(() => exportAll(store, join(dir, 'absent', 'export.zip'))).toThrow('Dossier ou fichier introuvable : vérifiez le chemin indiqué.');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('chiffres clés', () => {
  test('réunions tenues par type, chantiers, personnes par partenaire, actions par statut, selon la période', () => {
    const store = newReplica();
    const people = cast(store);
    codiri(store, people);
    createMeeting(store, { type: 'atelier', date: '2027-04-10', start_time: '14:00', duration_minutes: 120, place: null, chantier_ids: ['c4'] });
    createMeeting(store, { type: 'atelier', date: '2026-11-05', start_time: '14:00', duration_minutes: 120, place: null, chantier_ids: ['c4'] });
    // Planned, not held yet on the day of the figures.
    createMeeting(store, { type: 'reunion_travail', date: '2027-09-01', start_time: '14:00', duration_minutes: 60, place: null, chantier_ids: ['c4'] });
    setPilot(store, 'a8-1', 'd41', { person_id: people.marc });
    setPilot(store, 'c4', 'd41', { person_id: people.marc });
    setPilot(store, 'c4', 'd37', { person_id: people.anne });
    const value = (figures: ReturnType<typeof keyFigures>, key: string) => figures.figures.find((figure) => figure.key === key)?.value;

    const all = keyFigures(store, { kind: 'all' }, '2027-05-01');
    expect(all.period).toBe('depuis le début de la coopération');
    expect(value(all, 'reunions.codiri')).toBe(1);
    expect(value(all, 'reunions.atelier')).toBe(2);
    expect(value(all, 'reunions.reunion_travail')).toBe(0);
    expect(value(all, 'chantiers')).toBe(9);
    // Present at the CODIRI: Anne Leroy and Claire Martin (37); responsables: Marc Petit (41), Anne Leroy (37).
    expect(value(all, 'personnes.d37.pilotes')).toBe(1);
    expect(value(all, 'personnes.d37.participants')).toBe(2);
    expect(value(all, 'personnes.d37.responsables')).toBe(1);
    expect(value(all, 'personnes.d37.impliquees')).toBe(2);
    expect(value(all, 'personnes.d41.pilotes')).toBe(1);
    expect(value(all, 'personnes.d41.participants')).toBe(0);
    expect(value(all, 'personnes.d41.impliquees')).toBe(1);
    expect(value(all, 'actions')).toBe(14);
    expect(all.figures.filter((figure) => /^actions\.(?!en_retard|a_arbitrer)/.test(figure.key)).reduce((sum, f) => sum + f.value, 0)).toBe(14);
    for (const figure of all.figures) expect(figure.counts).toMatch(/\.$/);
    expect(all.figures.map((figure) => figure.section)).toEqual(expect.arrayContaining(['Réunions', 'Chantiers', 'Indre-et-Loire', 'Loir-et-Cher', 'Actions']));

    const year = keyFigures(store, { kind: 'year' }, '2027-05-01');
    expect(year).toMatchObject({ from: '2027-01-01', period: 'depuis le 1er janvier 2027' });
    expect(value(year, 'reunions.atelier')).toBe(1);

    const sinceCodiri = keyFigures(store, { kind: 'since-codiri' }, '2027-05-01');
    expect(sinceCodiri).toMatchObject({ from: '2027-03-16', period: 'depuis le CODIRI du 15 mars 2027' });
    expect(value(sinceCodiri, 'reunions.codiri')).toBe(0);
    expect(value(sinceCodiri, 'reunions.atelier')).toBe(1);
    expect(value(sinceCodiri, 'personnes.d37.participants')).toBe(0);
  });

  test("le responsable d'une action à mener sous un point supprimé n'est plus compté", () => {
    const store = newReplica();
    const people = cast(store);
    const { items } = codiri(store, people);
    const responsables = () => keyFigures(store, { kind: 'all' }, '2027-05-01').figures.find((figure) => figure.key === 'personnes.d37.responsables')?.value;
    expect(responsables()).toBe(1);
    // Anne Leroy is responsable of the action à mener under « Gouvernance d'Approlys » only.
    deleteAgendaItem(store, items[1]);
    expect(responsables()).toBe(0);
  });

  test('les ateliers sont « interdépartementaux » entre Départements seulement', () => {
    const label = (store: Store) => keyFigures(store, { kind: 'all' }, '2027-05-01').figures.find((figure) => figure.key === 'reunions.atelier')?.label;
    const meeting = { type: 'atelier' as const, date: '2027-04-10', start_time: '14:00', duration_minutes: 120 };
    const departements = newReplica();
    createMeeting(departements, meeting);
    expect(label(departements)).toBe('Ateliers interdépartementaux');
    const touraine = newCooperation();
    createMeeting(touraine, meeting);
    expect(label(touraine)).toBe('Ateliers de coopération');
  });
});

let CLI: string;
beforeAll(async () => {
  CLI = await buildCli('exports');
}, 60_000);

const entente = (dataDir: string, ...args: string[]) => runCli(CLI, dataDir, ...args);
const ok = (dataDir: string, ...args: string[]) => cliOutput(CLI, dataDir, ...args);

describe('la ligne de commande', { timeout: 60_000 }, () => {
  test('action export, action import (aperçu, --map, refus), export-all, figures', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const files = tempDir();
    const xlsx = join(files, 'actions.xlsx');
    expect(ok(dir, 'action', 'export', '--to', xlsx, '--chantier', '8', '--status', 'en cours,À venir')).toBe(
      `1 action(s) écrite(s) dans ${xlsx} (chantier 8. Les achats, statut En cours ou À venir).\n`,
    );
    const sheet = readXlsx(readFileSync(xlsx)).sheets[0];
    expect(sheet.rows.slice(1).every((row) => row[1] === '8. Les achats' && ['En cours', 'À venir'].includes(row[3] as string))).toBe(true);
    const csv = join(files, 'actions.csv');
    ok(dir, 'action', 'export', '--to', csv);
    expect(readCsvAsExcel(readFileSync(csv))).toHaveLength(15);
    const plan = join(files, 'plan.xlsx');
    ok(dir, 'action', 'export', '--to', plan, '--plan');
    expect(readXlsx(readFileSync(plan)).sheets).toHaveLength(9);
    expect(entente(dir, 'action', 'export', '--to', join(files, 'actions.ods')).stderr).toBe(
      'Format inconnu : « actions.ods ». Indiquez un fichier .xlsx (Excel) ou .csv.\n',
    );
    expect(entente(dir, 'action', 'export', '--to', csv, '--status', 'fini').stderr).toMatch(/^Statut inconnu : « fini »/);

    const free = join(files, 'plan-libre.csv');
    writeFileSync(free, '\uFEFFNuméro;Action;Statut;Notes\r\n2;Cantines bio;En cours;à voir\r\n5;Voirie partagée;À venir;\r\n');
    const preview = ok(dir, 'action', 'import', free, '--preview', '--map', 'Numéro=chantier', 'Notes=description');
    expect(preview).toBe(
      [
        'Correspondance des colonnes :',
        '  Numéro → Chantier',
        '  Action → Titre',
        '  Statut → Statut',
        '  Notes → Description',
        '2 action(s) lue(s).',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(ok(dir, 'info')).counts.actions).toBe(14);
    expect(entente(dir, 'action', 'import', free).stderr).toBe(
      "Rien n'a été importé : 1 erreur(s).\nAucune colonne n'est associée au chantier : choisissez-la dans la correspondance des colonnes.\n",
    );
    expect(ok(dir, 'action', 'import', free, '--map', 'Numéro=chantier')).toBe('2 action(s) importée(s) de plan-libre.csv.\n');
    expect(JSON.parse(ok(dir, 'info')).counts.actions).toBe(16);

    const folder = join(files, 'tout');
    expect(ok(dir, 'export-all', '--to', folder)).toMatch(/^Coopération exportée dans .+tout : 26 fichier\(s\), dont LISEZMOI\.txt qui les décrit\.\n$/);
    expect(readFileSync(join(folder, 'LISEZMOI.txt'), 'utf8')).toContain('actions.csv [action] : 16 ligne(s)');
    const zip = join(files, 'tout.zip');
    expect(ok(dir, 'export-all', '--to', zip)).toBe(`Coopération exportée dans l'archive ${zip} : 26 fichier(s), dont LISEZMOI.txt qui les décrit.\n`);
    expect(spawnSync('unzip', ['-t', zip]).status).toBe(0);
    const zipped = python(
      "import csv, io, json, sys, zipfile\nprint(json.dumps(len(list(csv.reader(io.StringIO(zipfile.ZipFile(sys.argv[1]).read('actions.csv').decode('utf-8-sig'), newline=''), delimiter=';')))))",
      zip,
    );
    expect(zipped).toBe(JSON.parse(ok(dir, 'info')).counts.actions + 1);

    const figures = JSON.parse(ok(dir, 'figures', '--json'));
    expect(figures.figures.find((figure: { key: string }) => figure.key === 'actions').value).toBe(16);
    expect(ok(dir, 'figures', '--depuis', 'annee')).toMatch(
      /^Chiffres clés depuis le 1er janvier \d{4} \(au \d+(er)? \S+ \d{4}\)\n\nRéunions\n {2}CODIRI : 0\n/,
    );
    expect(entente(dir, 'figures', '--depuis', '2027-02-30').stderr).toBe('Période inconnue : « 2027-02-30 » (attendu : AAAA-MM-JJ, annee ou codiri).\n');
  });
});
