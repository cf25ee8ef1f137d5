// The cooperation method from idea to chantier, in the app only: a new cooperation of three
// partners created at first start; 130 pistes of an atelier imported from an Excel workbook
// (accents, the three partners proposing); two partners score pistes at the keyboard; the
// matrice shows them (axe, table view); three pistes arbitrated in a comité de pilotage, one
// retained into a chantier whose new action has the piste and the décision on its fiche; the
// synthèse des ateliers printed and read back.
import { Workbook } from 'exceljs';
import { join } from 'node:path';
import { axeViolations } from '../harness/a11y';
import { expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';
import { flat, pdfPages, savePdf } from '../harness/pdf';

const PARTNERS = [
  { name: "Département d'Indre-et-Loire", short: 'Indre-et-Loire', code: '37' },
  { name: 'Communauté de communes Bléré – Val de Cher', short: 'CC Bléré – Val de Cher', code: 'CCBVC' },
  { name: 'Commune de Chenonceaux', short: 'Chenonceaux', code: 'CHEN' },
];
const CHANTIERS = ['Mobilités le long du Cher', 'Tourisme et patrimoine'];
const IDEAS = [
  'Navette fluviale entre Chenonceaux et Bléré',
  'Vélo-route du Cher : signalétique commune',
  'Billet couplé château et musées',
  'Mutualisation des achats de sel de déneigement',
  "Échanges entre équipes d'accueil touristique",
  'Réseau des médiathèques : carte unique',
];

/** The atelier's workbook: 130 pistes, each partner proposing in turn, by the name people write. */
async function atelierWorkbook(file: string): Promise<void> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Atelier de Bléré');
  sheet.addRow(['Intitulé', 'Description', 'Proposée par', 'Finalités']);
  for (let index = 0; index < 130; index++) {
    const idea = IDEAS[index % IDEAS.length];
    sheet.addRow([
      index < IDEAS.length ? idea : `${idea} (variante ${Math.floor(index / IDEAS.length) + 1})`,
      `Proposition du groupe ${(index % 5) + 1} : « ${idea.toLowerCase()} ».`,
      PARTNERS[index % 3].short,
      index % 2 ? 'Territoire partagé' : "Économies d'échelle",
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

async function addPerson(app: AppHandle, name: string, partner: string): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Ajouter une personne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une personne' });
  await dialog.getByRole('textbox', { name: /^Nom/ }).fill(name);
  await dialog.getByRole('combobox', { name: /^Partenaire/ }).click();
  await page.getByRole('option', { name: partner }).click();
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
}

/** P1 to P4 scored by one evaluator (« vous »: this laptop's person), plus-value then faisabilité of each. */
async function scoreFour(app: AppHandle, evaluator: string, marks: number[]): Promise<void> {
  const { page } = app;
  if (evaluator !== 'vous') {
    await page.getByRole('combobox', { name: 'Noter au nom de' }).click();
    await page.getByRole('option', { name: evaluator }).click();
    await expect(page.getByText(`0 / 130 pistes notées par ${evaluator}`)).toBeVisible();
    await page.getByRole('region', { name: /^P\d+ · / }).click({ position: { x: 5, y: 5 } });
    while (!(await page.getByRole('heading', { level: 2, name: /^P1 · / }).isVisible())) await page.keyboard.press('ArrowLeft');
  }
  for (let index = 0; index < 4; index++) await score(app, `P${index + 1}`, marks[2 * index], marks[2 * index + 1]);
  await expect(page.getByText(`4 / 130 pistes notées par ${evaluator}`)).toBeVisible();
}

/** Scores the piste shown with two digits, then goes to the next one with N. */
async function score(app: AppHandle, reference: string, plusValue: number, faisabilite: number): Promise<void> {
  const { page } = app;
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${reference} · `) })).toBeVisible();
  await page.keyboard.press(String(plusValue));
  await page.keyboard.press(String(faisabilite));
  await expect(page.getByRole('button', { name: new RegExp(`^${faisabilite} `) }).nth(1)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('n');
}

async function pistesView(app: AppHandle, view: string): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Vues des pistes' }).getByRole('link', { name: view }).click();
}

test("la méthode de coopération, de l'idée au chantier, pour trois partenaires", async ({ launch }) => {
  test.setTimeout(360_000);
  const dataDir = newDataDir();
  const file = join(dataDir, 'atelier de Bléré.xlsx');
  await atelierWorkbook(file);
  const app = await launch(dataDir);
  const { page } = app;

  // 1. « Créer une autre coopération » at first start: three collectivités, two chantiers.
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Entente' })).toBeVisible();
  await page.getByRole('tab', { name: 'Créer une autre coopération' }).click();
  await page.getByRole('textbox', { name: /^Nom de la coopération/ }).fill('Coopération Touraine – Vallée du Cher');
  const partner = (n: number) => page.getByRole('group', { name: `Partenaire ${n}`, exact: true });
  await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  for (const [index, { name, short, code }] of PARTNERS.entries()) {
    await partner(index + 1)
      .getByRole('textbox', { name: /^Nom\s*\*?$/ })
      .fill(name);
    await partner(index + 1)
      .getByRole('textbox', { name: /^Nom court/ })
      .fill(short);
    await partner(index + 1)
      .getByRole('textbox', { name: /^Code/ })
      .fill(code);
  }
  await page.getByRole('textbox', { name: /^Chantiers/ }).fill(CHANTIERS.join('\n'));
  await page
    .getByRole('textbox', { name: /^Nom\s*\*?$/ })
    .last()
    .fill('Élise Moreau');
  await page.getByRole('combobox', { name: /^Votre partenaire/ }).click();
  await page.getByRole('option', { name: PARTNERS[1].name }).click();
  await page.getByRole('button', { name: 'Créer la coopération' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // A person of each other partner, who score on this laptop too.
  await openScreen(app, 'Personnes');
  await addPerson(app, 'Paul Girard', PARTNERS[0].name);
  await addPerson(app, 'Lucie Bernard', PARTNERS[2].name);

  // 2. The atelier's 130 pistes, imported in one go.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Pistes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pistes' })).toBeVisible();
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [file] });
  await page.getByRole('button', { name: 'Importer des pistes…' }).click();
  const importDialog = page.getByRole('dialog', { name: /^Importer des pistes/ });
  await expect(importDialog.getByText('130 pistes prêtes à importer')).toBeVisible();
  await importDialog.getByRole('button', { name: 'Importer 130 pistes' }).click();
  await expect(importDialog).toBeHidden();
  const rows = page.getByRole('table', { name: 'Pistes' }).locator('tbody tr');
  await expect(rows).toHaveCount(130);
  await expect(rows.nth(0)).toContainText('Navette fluviale entre Chenonceaux et Bléré');
  await expect(rows.nth(2)).toContainText('Chenonceaux');
  await expect(rows.nth(4)).toContainText("Échanges entre équipes d'accueil touristique");

  // 3. The évaluation croisée at the keyboard: Élise (CC), then Paul (37) and Lucie (Chenonceaux) score the first four.
  await pistesView(app, 'Évaluation');
  await expect(page.getByRole('heading', { level: 1, name: 'Évaluation croisée des pistes' })).toBeVisible();
  await scoreFour(app, 'vous', [4, 4, 4, 2, 2, 3, 1, 1]);
  await scoreFour(app, 'Paul Girard', [4, 3, 3, 2, 1, 3, 2, 1]);
  await scoreFour(app, 'Lucie Bernard', [4, 2, 2, 2, 3, 3, 1, 2]);

  // 4. The matrice: the four pistes scored by the three partners, coloured by the one that proposed them.
  await pistesView(app, 'Matrice');
  await expect(page.getByRole('heading', { level: 1, name: 'Matrice des pistes' })).toBeVisible();
  const dots = page.getByTestId('matrice').getByRole('link');
  await expect(dots).toHaveCount(4);
  await expect(
    page
      .getByTestId('matrice')
      .getByRole('link', { name: /^P1 Navette fluviale entre Chenonceaux et Bléré — plus-value 4,0, faisabilité 3,0, proposée par Indre-et-Loire/ }),
  ).toBeVisible();
  await screenshot(app, 'methode-matrice');
  expect(await axeViolations(page), 'matrice').toEqual([]);
  await page.getByText('Tableau', { exact: true }).click();
  const matrixTable = page.getByRole('table', { name: 'Matrice des pistes en tableau' });
  await expect(matrixTable.locator('tbody tr')).toHaveCount(4);
  await expect(matrixTable).toContainText('À lancer vite');
  expect(await axeViolations(page), 'matrice en tableau').toEqual([]);

  // 5. The comité de pilotage arbitrates three pistes.
  await openScreen(app, 'Réunions');
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const meetingDialog = page.getByRole('dialog', { name: 'Nouvelle réunion' });
  await meetingDialog.getByRole('combobox', { name: /^Type de réunion/ }).click();
  await page.getByRole('option', { name: 'Comité de pilotage', exact: true }).click();
  await meetingDialog.getByRole('textbox', { name: /^Date/ }).fill('12/03/2027');
  await meetingDialog.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comité de pilotage du 12 mars 2027' })).toBeVisible();
  const toArbitrate = page.getByRole('region', { name: 'Pistes à arbitrer' });
  await toArbitrate.getByRole('combobox', { name: 'Inscrire des pistes évaluées ou à approfondir' }).click();
  for (const reference of ['P1', 'P2', 'P4']) await page.getByRole('option', { name: new RegExp(`^${reference} `) }).click();
  await page.keyboard.press('Escape');
  await toArbitrate.getByRole('button', { name: "Inscrire à l'ordre du jour" }).click();
  await expect(toArbitrate.getByRole('table', { name: "Pistes inscrites à l'ordre du jour" }).locator('tbody tr')).toHaveCount(3);

  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  const decisions = page.getByRole('region', { name: 'Décisions sur les pistes' });
  const p1 = decisions.getByRole('article', { name: /^P1 / });
  await p1.getByRole('radio', { name: 'Retenue', exact: true }).check();
  await p1.getByRole('combobox', { name: 'Chantier' }).click();
  await page.getByRole('option', { name: `1 · ${CHANTIERS[0]}`, exact: true }).click();
  await p1.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p1).toContainText(/Décision n°\s1\s*Retenue dans le chantier 1\s*: action 1\.1/);
  const p2 = decisions.getByRole('article', { name: /^P2 / });
  await p2.getByRole('radio', { name: 'À approfondir', exact: true }).check();
  await p2.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p2).toContainText('Décision n° 2');
  const p4 = decisions.getByRole('article', { name: /^P4 / });
  await p4.getByRole('radio', { name: 'Écartée', exact: true }).check();
  await p4.getByRole('textbox', { name: 'Raison' }).fill('le sel est déjà acheté par le groupement régional');
  await p4.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p4).toContainText(/Écartée\s: le sel est déjà acheté par le groupement régional/);

  // 6. The retained piste is action 1.1 of its chantier; its fiche shows the piste and the décision.
  await openScreen(app, 'Actions');
  const actionRow = page.getByRole('table', { name: 'Actions' }).getByRole('row', { name: /Navette fluviale entre Chenonceaux et Bléré/ });
  await expect(actionRow).toContainText('1.1');
  await expect(actionRow).toContainText(CHANTIERS[0]);
  await actionRow.click();
  const origin = page.getByRole('region', { name: "Piste d'origine" });
  await expect(origin).toContainText(/Issue de la piste P1\s«\s*Navette fluviale entre Chenonceaux et Bléré\s*», proposée par Indre-et-Loire\./);
  await expect(origin.getByRole('link', { name: 'Décision n° 1 du comité de pilotage du 12 mars 2027' })).toBeVisible();
  await screenshot(app, 'methode-fiche-action');

  // 7. The synthèse des ateliers for the comité, read back from its PDF.
  await page.evaluate(() => (window.location.hash = '#/pistes/synthese'));
  await expect(page.getByRole('article', { name: 'Synthèse des ateliers' })).toBeVisible();
  const pdf = await savePdf(app, 'methode-synthese');
  const text = flat(pdfPages(pdf, 'reading').join(' '));
  expect(text).toContain('SYNTHÈSE DES ATELIERS');
  expect(text).toContain('Navette fluviale entre Chenonceaux et Bléré');
  expect(text).toContain("Échanges entre équipes d'accueil touristique");
  // Each partner's short name heads its two notes (on two lines if it must), then « Ensemble ».
  expect(text).toContain('Indre-et-Loire CC Bléré – Val de Cher Chenonceaux Ensemble');
});
