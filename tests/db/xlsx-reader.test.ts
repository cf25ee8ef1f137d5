// The .xlsx reader of the imports against exceljs's full model, which it replaced: the same
// cells for workbooks made by exceljs, the right ones for a workbook made by openpyxl and for
// parts written by hand (inline strings, phonetic runs, « _x000D_ »…), and the French refusal,
// never a crash, for what is not a workbook.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, stream, type CellValue } from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { createAction } from '../../db/actions/writes';
import { actionsXlsx, planXlsx } from '../../db/exports/actions';
import { readSpreadsheet } from '../../db/exports/import';
import { readWorkbook, type XlsxCell, type XlsxSheet } from '../../db/exports/xlsx-reader';
import { newReplica, tempDir } from './helpers';

const REFUSAL = "Ce fichier n'est pas un classeur Excel lisible (.xlsx). Enregistrez-le au format .xlsx ou CSV, puis recommencez.";

/** The import's rule for a cell before the reader, kept here as the reference. */
function cellOf(value: CellValue, numFmt: string | undefined): XlsxCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return numFmt?.includes('%') ? `${Math.round(value * 10000) / 100} %` : value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellOf(value.result as CellValue, numFmt);
  if ('text' in value) return String(value.text);
  return null;
}

/** What the import read through exceljs's `workbook.xlsx.load`, before the reader. */
async function viaExceljs(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets: XlsxSheet[] = [];
  workbook.eachSheet((sheet) => {
    const rows: XlsxSheet['rows'] = [];
    const columnCount = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: XlsxCell[] = [];
      for (let column = 1; column <= columnCount; column++) cells.push(cellOf(row.getCell(column).value, row.getCell(column).numFmt));
      rows.push({ line, cells });
    });
    sheets.push({ name: sheet.name, rows });
  });
  return sheets;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A plan d'actions as people type it: a title above the header, gaps, every kind of cell. */
function planWorkbook(): Workbook {
  const workbook = new Workbook();
  const plan = workbook.addWorksheet("Plan d'actions");
  plan.getRow(3).values = ['N°', 'Intitulé', 'Statut', 'Échéance', 'Début', 'Avancement', 'À arbitrer', 'Description', 'Lien'];
  plan.getRow(4).values = [
    1.1,
    'Routes & ponts <communs>',
    'En cours',
    day('2027-03-31'),
    day('2027-01-15'),
    0.4,
    true,
    { richText: [{ text: 'Gras', font: { bold: true } }, { text: ' puis normal' }] },
    { text: 'Le site', hyperlink: 'https://exemple.fr/plan?a=1&b=2' },
  ];
  plan.getCell('D4').numFmt = 'dd/mm/yyyy';
  plan.getCell('E4').numFmt = 'mm-dd-yy';
  plan.getCell('F4').numFmt = '0%';
  // Row 5 left empty; row 6 skips columns; row 7 holds formulas.
  plan.getCell('A6').value = 1.2;
  plan.getCell('C6').value = '  Réalisé  ';
  plan.getCell('F6').value = 0.125;
  plan.getCell('F6').numFmt = '0.00%';
  plan.getCell('H6').value = 'Première ligne\nSeconde ligne « guillemets » "droits" l’apostrophe';
  plan.getCell('G6').value = false;
  plan.getCell('A7').value = { formula: 'A6+0.1', result: 1.3 };
  plan.getCell('B7').value = { formula: 'UPPER("x")', result: 'X' };
  plan.getCell('D7').value = { formula: 'D4+1', result: day('2027-04-01') };
  plan.getCell('D7').numFmt = 'd-mmm-yy';
  plan.getCell('E7').value = { formula: 'NA()', result: { error: '#N/A' } };
  plan.getCell('F7').value = { formula: 'F6*2', result: 0.25 };
  plan.getCell('F7').numFmt = '0%';
  plan.getCell('G7').value = { formula: 'TRUE()', result: true };
  plan.getCell('H7').value = { formula: 'A6*3' };
  plan.getCell('I7').value = { error: '#DIV/0!' };
  plan.getCell('A8').value = 1.4;
  plan.getCell('D8').value = new Date(Date.UTC(2027, 5, 2, 14, 30));
  plan.getCell('D8').numFmt = 'dd/mm/yyyy hh:mm';
  plan.getCell('E8').value = 45;
  plan.getCell('E8').numFmt = '[h]:mm:ss';
  plan.getCell('F8').value = 1234.5;
  plan.getCell('F8').numFmt = '#,##0.00 "€"';
  plan.getCell('G8').value = -3;
  plan.getCell('G8').numFmt = '[Red]0;[Blue]-0';
  // A styled cell without a value widens the sheet, as exceljs counted it.
  plan.getCell('K8').numFmt = '0%';
  plan.getCell('K8').border = { top: { style: 'thin' } };
  // Merged cells: the area's first value in each of its cells.
  plan.getCell('B10').value = 'Fusion horizontale';
  plan.mergeCells('B10:C10');
  plan.getCell('A11').value = 'Fusion verticale';
  plan.mergeCells('A11:A12');
  plan.getCell('B12').value = 'À côté';

  const second = workbook.addWorksheet('Pistes 2027');
  second.addRow(['Intitulé', 'Score', 'Date']);
  second.addRow(['Mutualiser les achats', 4, day('2027-02-28')]);
  second.getCell('C2').numFmt = 'dd/mm/yyyy';
  second.addRow([]);
  second.addRow(['Piste sans score', null, null]);

  workbook.addWorksheet('Vide');
  const last = workbook.addWorksheet('Caractères');
  last.addRow(['Tab\tici', 'Retour\r\nchariot', '_x000D_ littéral', 'emoji 🚲', '=pas une formule', ' espace ']);
  return workbook;
}

async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook made of parts written by hand (for what exceljs never writes). */
function handMade(parts: Record<string, string>): Uint8Array {
  const base: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  };
  return zipSync(Object.fromEntries(Object.entries({ ...base, ...parts }).map(([name, text]) => [name, strToU8(text)])));
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('lecture des classeurs .xlsx', () => {
  test('un classeur d’exceljs : les mêmes cellules que le modèle complet d’exceljs, feuille par feuille', async () => {
    const bytes = await bytesOf(planWorkbook());
    const sheets = readWorkbook(bytes);
    expect(sheets).toEqual(await viaExceljs(bytes));
    // What the comparison covers, spelled out.
    expect(sheets.map((sheet) => sheet.name)).toEqual(["Plan d'actions", 'Pistes 2027', 'Vide', 'Caractères']);
    const [plan] = sheets;
    expect(plan.rows.map((row) => row.line)).toEqual([3, 4, 6, 7, 8, 10, 11, 12]);
    expect(plan.rows[1].cells).toEqual([
      1.1,
      'Routes & ponts <communs>',
      'En cours',
      day('2027-03-31'),
      day('2027-01-15'),
      '40 %',
      'Oui',
      'Gras puis normal',
      'Le site',
      null,
      null,
    ]);
    expect(plan.rows[2].cells).toEqual([
      1.2,
      null,
      '  Réalisé  ',
      null,
      null,
      '12.5 %',
      'Non',
      'Première ligne\nSeconde ligne « guillemets » "droits" l’apostrophe',
      null,
      null,
      null,
    ]);
    expect(plan.rows[3].cells).toEqual([1.3, 'X', null, day('2027-04-01'), null, '25 %', 'Oui', null, null, null, null]);
    expect(plan.rows[4].cells.slice(3, 7)).toEqual([new Date(Date.UTC(2027, 5, 2, 14, 30)), day('1900-02-13'), 1234.5, -3]);
    expect(plan.rows[5].cells.slice(0, 3)).toEqual([null, 'Fusion horizontale', 'Fusion horizontale']);
    expect(plan.rows[7].cells.slice(0, 2)).toEqual(['Fusion verticale', 'À côté']);
    expect(sheets[2].rows).toEqual([]);
    expect(sheets[3].rows[0].cells).toEqual(['Tab\tici', 'Retour\nchariot', '\r littéral', 'emoji 🚲', '=pas une formule', ' espace ']);
  });

  test('écrit par le « writer » en flux d’exceljs (textes en ligne, sans table partagée) et en calendrier 1904', async () => {
    const file = join(tempDir(), 'flux.xlsx');
    const writer = new stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const sheet = writer.addWorksheet('Actions');
    sheet.columns = [
      { header: 'Titre', key: 'title' },
      { header: 'Échéance', key: 'end', style: { numFmt: 'dd/mm/yyyy' } },
      { header: 'Avancement', key: 'progress', style: { numFmt: '0%' } },
    ];
    sheet.addRow({ title: 'Échanges « SAAD » & tarification', end: day('2027-06-30'), progress: 0.75 }).commit();
    sheet.addRow({ title: 'Sans date', progress: 0 }).commit();
    sheet.commit();
    await writer.commit();
    const bytes = new Uint8Array(readFileSync(file));
    expect(readWorkbook(bytes)).toEqual(await viaExceljs(bytes));
    expect(readWorkbook(bytes)[0].rows[1].cells).toEqual(['Échanges « SAAD » & tarification', day('2027-06-30'), '75 %']);

    const workbook = planWorkbook();
    workbook.properties.date1904 = true;
    const in1904 = await bytesOf(workbook);
    expect(readWorkbook(in1904)).toEqual(await viaExceljs(in1904));
    expect(readWorkbook(in1904)[1].rows[1].cells[2]).toEqual(day('2027-02-28'));
  });

  test('les exports d’Entente (actions filtrées, plan d’actions) : les mêmes cellules qu’exceljs', async () => {
    const store = newReplica();
    createAction(store, {
      chantier_id: 'c4',
      title: 'Séminaire des cadres à Blois',
      status: 'en_cours',
      start_date: '2027-01-15',
      end_date: '2027-06-30',
      progress: 40,
      to_arbitrate: true,
      description: 'Deux jours ; « ateliers »\net un "grand témoin" & <rien>.',
    });
    createAction(store, { chantier_id: 'c2', title: 'Formation', status: 'bloque', end_date: '2020-12-31' });
    for (const bytes of [new Uint8Array(await actionsXlsx(store, {})), new Uint8Array(await planXlsx(store))]) {
      const sheets = readWorkbook(bytes);
      expect(sheets).toEqual(await viaExceljs(bytes));
      expect(sheets.flatMap((sheet) => sheet.rows.flatMap((row) => row.cells))).toContain('40 %');
    }
  });

  test('un classeur d’openpyxl : date, pourcentage, textes partagés, formule sans résultat', () => {
    const file = join(tempDir(), 'openpyxl.xlsx');
    const script = `
import sys, datetime, openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.title = 'Pistes'
sheet.append(['Intitulé', 'Échéance', 'Avancement', 'Double', 'Arbitrer'])
sheet.append(['Covoiturage des agents', datetime.date(2027, 3, 12), 0.4, '=C2*2', True])
sheet.append(['Covoiturage des agents', datetime.datetime(2027, 3, 12, 9, 30), 0.125, None, False])
sheet['C2'].number_format = '0%'
sheet['C3'].number_format = '0.0%'
sheet['B2'].number_format = 'DD/MM/YYYY'
other = book.create_sheet('Notes & remarques')
other['B4'] = 'Texte <à> part'
book.save(sys.argv[1])
`;
    const run = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const sheets = readWorkbook(new Uint8Array(readFileSync(file)));
    expect(sheets).toEqual([
      {
        name: 'Pistes',
        rows: [
          { line: 1, cells: ['Intitulé', 'Échéance', 'Avancement', 'Double', 'Arbitrer'] },
          { line: 2, cells: ['Covoiturage des agents', day('2027-03-12'), '40 %', null, 'Oui'] },
          { line: 3, cells: ['Covoiturage des agents', new Date(Date.UTC(2027, 2, 12, 9, 30)), '12.5 %', null, 'Non'] },
        ],
      },
      { name: 'Notes & remarques', rows: [{ line: 4, cells: [null, 'Texte <à> part'] }] },
    ]);
  });

  test('écrit à la main : textes en ligne, lectures phonétiques, échappements, références absentes, dates ISO, préfixes', () => {
    const bytes = handMade({
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="${REL}">
  <x:workbookPr date1904="true"/>
  <x:sheets>
    <x:sheet name="Deuxième &amp; dernière" sheetId="2" rel:id="rId2"/>
    <x:sheet name="Première" sheetId="1" rel:id="rId1"/>
  </x:sheets>
</x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/a.xml"/>
  <Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/../worksheets/b.xml"/>
  <Relationship Id="rId3" Type="${REL}/sharedStrings" Target="strings.xml"/>
  <Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/>
  <Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://exemple.fr" TargetMode="External"/>
</Relationships>`,
      'xl/strings.xml': `<sst ${MAIN}>
  <si><t>Chantier n°&#160;3</t></si>
  <si><r><rPr><b/></rPr><t xml:space="preserve">Tōkyō </t></r><r><t>et Blois</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
  <si><t>Ligne_x000D__x000A_suivante, _x005F_x0041_ gardé, &#x1F6B2;</t></si>
  <si><t/></si>
</sst>`,
      'xl/styles.xml': `<styleSheet ${MAIN}>
  <numFmts count="2"><numFmt numFmtId="164" formatCode="[$-40C]d\\ mmmm\\ yyyy"/><numFmt numFmtId="165" formatCode="0&quot; jours&quot;"/></numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="22"><alignment wrapText="1"/></xf></cellXfs>
  <dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="0%"/></dxf></dxfs>
</styleSheet>`,
      'xl/worksheets/a.xml': `<worksheet ${MAIN}><sheetData>
  <row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>
  <row><c t="inlineStr"><is><t>En ligne &lt;1&gt;</t></is></c><c t="inlineStr"><is><r><t>Riche</t></r><r><t xml:space="preserve"> en ligne</t></r></is></c><c t="inlineStr"><is><t>_x0009_tab</t></is></c></row>
  <!-- A comment between rows. -->
  <row r="5"><c r="A5" s="1"><v>0</v></c><c r="B5" s="2"><v>12</v></c><c r="C5" s="3"><v>0.0525</v></c><c r="D5" s="4"><v>1.5</v></c><c r="E5" t="d"><v>2027-03-12</v></c><c r="F5" t="d"><v>2027-03-12T08:15:00</v></c><c r="G5" t="b"><v>0</v></c><c r="H5" t="e"><v>#REF!</v></c></row>
  <row r="6"><c r="A6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B6"><f t="shared" si="0" ref="B6:B7">A1*2</f><v>4</v></c><c r="C6" s="3"/><c r="Z6"/></row>
  <row r="7"><c r="B7"><f t="shared" si="0"/><v>6</v></c><c r="C7"><v><![CDATA[7]]></v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="D6:E7"/></mergeCells></worksheet>`,
      'xl/worksheets/b.xml': `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Seule</t></is></c></row></sheetData></worksheet>`,
    });
    expect(readWorkbook(bytes)).toEqual([
      { name: 'Deuxième & dernière', rows: [{ line: 1, cells: ['Seule'] }] },
      {
        name: 'Première',
        rows: [
          { line: 2, cells: [null, 'Chantier n°\u00a03', 'Tōkyō et Blois', 'Ligne\r\nsuivante, _x0041_ gardé, 🚲', '', null, null, null] },
          { line: 3, cells: ['En ligne <1>', 'Riche en ligne', '\ttab', null, null, null, null, null] },
          {
            line: 5,
            cells: [
              day('1904-01-01'),
              12,
              '5.25 %',
              new Date(Date.UTC(1904, 0, 2, 12)),
              day('2027-03-12'),
              new Date(Date.UTC(2027, 2, 12, 8, 15)),
              'Non',
              null,
            ],
          },
          { line: 6, cells: ['ab', 4, null, null, null, null, null, null] },
          { line: 7, cells: [null, 6, 7, null, null, null, null, null] },
        ],
      },
    ]);
  });

  test('ce qui n’est pas un classeur : le refus en français, jamais une erreur ni une attente', async () => {
    const good = await bytesOf(planWorkbook());
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const noise = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
    const refused = [
      Buffer.concat([Buffer.from('PK'), noise]),
      Buffer.from(zipSync({})),
      Buffer.from(zipSync({ 'LISEZMOI.txt': strToU8('Pas un classeur') })),
      Buffer.from(good.subarray(0, good.length - 30)),
      Buffer.from(good.subarray(0, good.length / 2)),
      Buffer.from(handMade({ 'xl/workbook.xml': `<workbook ${MAIN}><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>` })),
    ];
    for (const bytes of refused) await expect(readSpreadsheet(bytes)).rejects.toThrow(REFUSAL);
    expect(() => readWorkbook(noise)).toThrow();

    // Damaged copies of a good file: each byte changed is either read or refused, quickly.
    const started = Date.now();
    for (let i = 0; i < 300; i++) {
      const damaged = Buffer.from(good);
      for (let j = 0; j < 1 + (i % 4); j++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const outcome = await readSpreadsheet(damaged).then(
        (tables) => Array.isArray(tables),
        (error: Error) => error.message === REFUSAL,
      );
      expect(outcome).toBe(true);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('les pièges : une fusion de toute la feuille, une cellule en colonne XFD sur chaque ligne, refusées vite', async () => {
    const workbook = `<workbook ${MAIN}><sheets><sheet name="Piège" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    const trap = (sheetData: string, after = '') =>
      Buffer.from(
        handMade({
          'xl/workbook.xml': workbook,
          'xl/_rels/workbook.xml.rels': rels,
          'xl/worksheets/sheet1.xml': `<worksheet ${MAIN}><sheetData>${sheetData}</sheetData>${after}</worksheet>`,
        }),
      );
    const started = Date.now();
    const merged = trap(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
      '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    );
    await expect(readSpreadsheet(merged)).rejects.toThrow(REFUSAL);
    const wide = trap(
      Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="XFD${i + 1}"><v>0</v></c></row>`).join(''),
    );
    await expect(readSpreadsheet(wide)).rejects.toThrow(REFUSAL);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('les feuilles de graphique sont passées, la feuille absente de l’archive est refusée', async () => {
    const workbook = `<workbook ${MAIN}><sheets><sheet name="Graphique" sheetId="1" r:id="rId1"/><sheet name="Données" sheetId="2" r:id="rId2"/></sheets></workbook>`;
    const rels = (sheet: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="${REL}/worksheet" Target="${sheet}"/></Relationships>`;
    const data = `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const bytes = handMade({ 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels('worksheets/sheet2.xml'), 'xl/worksheets/sheet2.xml': data });
    expect(readWorkbook(bytes)).toEqual([{ name: 'Données', rows: [{ line: 1, cells: [1] }] }]);
    const missing = handMade({ 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels('worksheets/absente.xml') });
    await expect(readSpreadsheet(Buffer.from(missing))).rejects.toThrow(REFUSAL);
  });
});
