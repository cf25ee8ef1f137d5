// Spreadsheets from the Actions page: the actions as filtered to Excel and CSV through the
// save dialog (the files read back), a plan d'actions imported (its errors by line, the
// mapping of its columns, nothing written before « Importer »), and « Exporter tout » in
// Paramètres › Données, as a folder and as a .zip archive.
import { Workbook } from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setPilot } from '../../../db/actions/pilots';
import { createAction } from '../../../db/actions/writes';
import { createPerson } from '../../../db/people/writes';
import { axeViolations, englishTexts, unlabelledFields } from '../harness/a11y';
import { initData, withStore } from '../harness/data';
import { actionCount, expect, openScreen, screenshot, test } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';

test("exporter les actions en Excel et en CSV, importer un plan d'actions, exporter tout", async ({ launch }) => {
  const dataDir = newDataDir();
  initData(dataDir);
  withStore(dataDir, (store) => {
    const anne = createPerson(store, { name: 'Anne Leroy', function: 'Directrice générale des services', partner_id: 'd37', email: null });
    const id = createAction(store, {
      chantier_id: 'c4',
      title: 'Séminaire des cadres à Chambord',
      status: 'en_cours',
      end_date: '2027-06-30',
      progress: 40,
      description: 'Deux jours ;\nun grand témoin.',
    });
    setPilot(store, id, 'd37', { person_id: anne });
  });
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await openScreen(app, 'Actions');
  await expect(actionCount(app)).toHaveText('15 actions');

  // Excel, as filtered on screen: the search keeps one action.
  await page.getByRole('searchbox', { name: /Rechercher/ }).fill('Chambord');
  await expect(actionCount(app)).toHaveText('1 action');
  const xlsx = join(dataDir, 'actions.xlsx');
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: xlsx });
  await page.getByRole('button', { name: 'Exporter / importer' }).click();
  await page.getByRole('menuitem', { name: 'Classeur Excel (.xlsx)…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Actions enregistrées' })).toContainText(`${xlsx} (1 action)`);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0];
  expect(sheet.name).toBe('Actions');
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(1).getCell(3).value).toBe('Titre');
  expect(sheet.getRow(2).getCell(3).value).toBe('Séminaire des cadres à Chambord');
  expect(sheet.getRow(2).getCell(6).value).toBe('Anne Leroy');
  expect(sheet.getRow(2).getCell(9).value).toEqual(new Date('2027-06-30T00:00:00Z'));
  expect(sheet.getRow(2).getCell(10).value).toBe(0.4);

  // CSV for Excel: BOM, « ; », the description's line break kept between quotes.
  const csv = join(dataDir, 'actions.csv');
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: csv });
  await page.getByRole('button', { name: 'Exporter / importer' }).click();
  await page.getByRole('menuitem', { name: 'CSV pour Excel (.csv)…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Actions enregistrées' }).last()).toContainText(`${csv} (1 action)`);
  const text = readFileSync(csv, 'utf8');
  expect(text.startsWith('\uFEFFRéférence;Chantier;Titre;Statut;')).toBe(true);
  expect(text).toContain(';"Deux jours ;\nun grand témoin."\r\n');
  await page.getByRole('searchbox', { name: /Rechercher/ }).fill('');
  await expect(actionCount(app)).toHaveText('15 actions');

  // A plan d'actions with a refused line: its errors by line, nothing can be imported.
  const wrong = join(dataDir, 'plan-faux.csv');
  writeFileSync(
    wrong,
    '\uFEFFChantier;Action;Statut;Échéance;Pilote 41\r\n8;Achats groupés;En cours;30/09/2027;Marc Petit\r\n12;Action perdue;Terminé;31/02/2027;\r\n',
  );
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [wrong] });
  await page.getByRole('button', { name: 'Exporter / importer' }).click();
  await page.getByRole('menuitem', { name: "Importer un plan d'actions…" }).click();
  const dialog = page.getByRole('dialog', { name: "Importer un plan d'actions : plan-faux.csv" });
  await expect(dialog).toBeVisible();
  const errors = dialog.getByRole('alert').filter({ hasText: 'rien ne peut être importé' });
  await expect(errors).toContainText('3 erreurs');
  await expect(errors).toContainText('Ligne 3 : chantier inconnu « 12 ».');
  await expect(errors).toContainText('Ligne 3 : statut inconnu « Terminé »');
  await expect(errors).toContainText('Ligne 3 : date impossible « 31/02/2027 » (Échéance ; attendu JJ/MM/AAAA).');
  await expect(dialog.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('combobox', { name: 'Action' })).toHaveValue('Titre');
  await expect(dialog.getByRole('combobox', { name: 'Pilote 41' })).toHaveValue('Pilote Loir-et-Cher');

  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') {
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
      await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [wrong] });
      await page.getByRole('button', { name: 'Exporter / importer' }).click();
      await page.getByRole('menuitem', { name: "Importer un plan d'actions…" }).click();
      await expect(dialog).toBeVisible();
    }
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme === 'clair' ? 'light' : 'dark');
    await screenshot(app, `60-import-plan-${theme}`);
    const problems = [
      ...(await axeViolations(page)).map((line) => `axe : ${line}`),
      ...(await unlabelledFields(page)).map((html) => `champ sans nom accessible : ${html}`),
      ...(await englishTexts(page)).map((text) => `texte en anglais : ${text}`),
    ];
    expect.soft(problems, `thème ${theme} :\n${problems.join('\n')}`).toEqual([]);
  }
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();
  await expect(actionCount(app)).toHaveText('15 actions');

  // A right one: a column left out by the mapping, then imported; the unknown pilote added to Personnes.
  const right = join(dataDir, 'plan.csv');
  writeFileSync(right, '\uFEFFChantier;Action;Statut;Remarques;Pilote 41\r\n8;Achats groupés;En cours;à revoir;Marc Petit\r\n3;Menus régionaux;;;\r\n');
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [right] });
  await page.getByRole('button', { name: 'Exporter / importer' }).click();
  await page.getByRole('menuitem', { name: "Importer un plan d'actions…" }).click();
  const second = page.getByRole('dialog', { name: "Importer un plan d'actions : plan.csv" });
  await expect(second.getByRole('combobox', { name: 'Remarques' })).toHaveValue('Description');
  await second.getByRole('combobox', { name: 'Remarques' }).click();
  await page.getByRole('option', { name: 'Ne pas importer' }).click();
  await expect(second.getByRole('combobox', { name: 'Remarques' })).toHaveValue('Ne pas importer');
  await expect(second.getByText('Pilotes inconnus de la coopération, ajoutés aux Personnes avec les actions : Marc Petit (Loir-et-Cher).')).toBeVisible();
  await second.getByRole('button', { name: 'Importer 2 actions' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "Plan d'actions importé" })).toContainText('2 actions créées, 1 personne ajoutée aux Personnes.');
  await expect(actionCount(app)).toHaveText('17 actions');
  await page.getByRole('searchbox', { name: /Rechercher/ }).fill('achats groupés');
  await expect(actionCount(app)).toHaveText('1 action');
  await expect(page.getByRole('row', { name: /Achats groupés/ })).toContainText('Marc Petit');

  // Exporter tout, from Paramètres › Données: a new folder inside the one chosen.
  await openScreen(app, 'Paramètres');
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [dataDir] });
  await page.getByRole('button', { name: 'Exporter tout…' }).click();
  const done = page.getByRole('alert').filter({ hasText: 'Coopération exportée' });
  await expect(done).toContainText('décrits dans LISEZMOI.txt');
  const folder = /(\/\S.*?Entente - export du \d{4}-\d{2}-\d{2})\s:/.exec((await done.textContent()) ?? '')?.[1];
  expect(folder).toBeDefined();
  expect(existsSync(join(folder!, 'LISEZMOI.txt'))).toBe(true);
  expect(JSON.parse(readFileSync(join(folder!, 'entente.json'), 'utf8')).tables.action).toHaveLength(17);
  await screenshot(app, '60-exporter-tout');
  // The same files in one .zip archive, through the save dialog: whole, as unzip checks it.
  const archive = join(dataDir, 'Export complet');
  await page.getByRole('radiogroup', { name: "Forme de l'export" }).getByText('Une archive .zip').click();
  await app.answerDialog('showSaveDialog', { canceled: false, filePath: archive });
  await page.getByRole('button', { name: 'Exporter tout…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Coopération exportée dans une archive' })).toContainText(`${archive}.zip\u202f: `);
  const test = spawnSync('unzip', ['-t', `${archive}.zip`], { encoding: 'utf8' });
  expect(test.stdout).toContain('No errors detected');
  expect(spawnSync('unzip', ['-p', `${archive}.zip`, 'LISEZMOI.txt'], { encoding: 'utf8' }).stdout).toContain('actions.csv [action] : 17 ligne(s)');
});
