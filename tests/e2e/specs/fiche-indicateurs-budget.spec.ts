// The fiche action's indicateurs, budget et financeurs, élus and partenaires extérieurs, as
// a chargée de mission fills them: an indicator with three values and its chart, a budget
// line per partner, a funder, then the chantier's totals.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, unlabelledFields } from '../harness/a11y';
import { initData } from '../harness/data';
import { expect, openScreen, screenshot, test } from '../harness/fixtures';
import { flat, pdfPages, pngPages, savePdf } from '../harness/pdf';

const ACTION = 'a4-1';

test('indicateur à trois valeurs et son graphique ; budget par partenaire et financeur ; totaux du chantier', async ({ launch }) => {
  const app = await launch(initData());
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await page.evaluate((id) => (location.hash = `#/actions/${id}`), ACTION);
  const indicators = page.getByRole('region', { name: 'Indicateurs' });
  await expect(indicators).toContainText('Aucun indicateur suivi pour le moment.');

  await indicators.getByRole('textbox', { name: "Nom de l'indicateur" }).fill('Agents en mobilité entre les deux Départements');
  await indicators.getByRole('textbox', { name: 'Unité' }).fill('agents');
  await indicators.getByRole('textbox', { name: 'Valeur cible' }).fill('40');
  await indicators.getByRole('button', { name: "Ajouter l'indicateur" }).click();
  const indicator = indicators.getByRole('region', { name: 'Agents en mobilité entre les deux Départements' });
  await expect(indicator).toContainText('Aucune valeur mesurée pour le moment.');

  // Refused before anything is saved: the sentence under the field at fault.
  await indicator.getByRole('button', { name: 'Ajouter la valeur' }).click();
  await expect(indicator.getByRole('textbox', { name: 'Valeur mesurée' })).toHaveAccessibleDescription('Indiquez la valeur mesurée.');
  await indicator.getByRole('textbox', { name: 'Date de la mesure' }).fill('');
  await indicator.getByRole('button', { name: 'Ajouter la valeur' }).click();
  await expect(indicator.getByRole('textbox', { name: 'Date de la mesure' })).toHaveAccessibleDescription('Indiquez la date de la mesure.');
  await expect(indicator.getByRole('textbox', { name: 'Valeur mesurée' })).not.toHaveAccessibleDescription('Indiquez la valeur mesurée.');

  for (const [date, value] of [
    ['31/01/2027', '5'],
    ['31/03/2027', '12'],
    ['30/06/2027', '21,5'],
  ]) {
    const dateField = indicator.getByRole('textbox', { name: 'Date de la mesure' });
    await dateField.fill(date);
    await dateField.press('Escape');
    await indicator.getByRole('textbox', { name: 'Valeur mesurée' }).fill(value);
    await indicator.getByRole('button', { name: 'Ajouter la valeur' }).click();
    await expect(indicator.getByRole('table', { name: /Valeurs de/ })).toContainText(
      date.replace(/^(\d+)\/(\d+)\/(\d+)$/, (_all, d: string) => String(Number(d))),
    );
  }
  // A date that does not exist: nothing added, not even at the date shown before.
  const dateField = indicator.getByRole('textbox', { name: 'Date de la mesure' });
  await dateField.fill('31/02/2027');
  await dateField.press('Tab');
  await indicator.getByRole('textbox', { name: 'Valeur mesurée' }).fill('30');
  await indicator.getByRole('button', { name: 'Ajouter la valeur' }).click();
  await expect(dateField).toHaveAccessibleDescription(/^«\s31\/02\/2027\s» n'est pas une date qui existe/);
  await expect(indicator.getByRole('table', { name: /Valeurs de/ }).getByRole('row')).toHaveCount(4);
  await dateField.fill('30/06/2027');
  await dateField.press('Escape');
  // Corrected: its sentence goes.
  await expect(dateField).not.toHaveAccessibleDescription(/.+/);
  await indicator.getByRole('textbox', { name: 'Valeur mesurée' }).fill('');
  await expect(indicator).toContainText('Dernière valeur : 21,5 agents au 30 juin 2027');
  await expect(indicator).toContainText('cible : 40 agents');
  await expect(indicator).toContainText('écart : 18,5 agents');
  await expect(indicator.getByRole('table', { name: /Valeurs de/ }).getByRole('row')).toHaveCount(4);
  await expect(indicator.locator('.recharts-line')).toHaveCount(1);

  // Budget: one line per partner, a funder obtained.
  const budget = page.getByRole('region', { name: 'Budget et financeurs' });
  await budget.getByRole('textbox', { name: 'Montant prévu (€)', exact: true }).fill('12000');
  await budget.getByRole('textbox', { name: 'Montant dépensé (€)', exact: true }).fill('3000');
  // A year typed short is refused under its field, not made 2000.
  const year = budget.getByRole('textbox', { name: 'Année', exact: true });
  const thisYear = await year.inputValue();
  await year.fill('27');
  await year.press('Tab');
  await budget.getByRole('button', { name: 'Ajouter la ligne de budget' }).click();
  await expect(year).toHaveAccessibleDescription('Année trop ancienne.');
  await expect(year).toHaveValue('27');
  await year.fill(thisYear);
  await budget.getByRole('button', { name: 'Ajouter la ligne de budget' }).click();
  const lines = budget.getByRole('table', { name: 'Budget par année et par partenaire' });
  await expect(lines.getByRole('textbox', { name: /^Montant prévu \(€\)\s: \d{4}, Indre-et-Loire$/ })).toHaveValue('12 000,00 €');
  // HT or TTC, said once for the line: the amounts keep room in their fields.
  await expect(lines.getByRole('row').nth(1)).toContainText(/Indre-et-Loire\s*montants TTC/);
  // What is spent goes up over the year: written again in the line itself.
  const spent = lines.getByRole('textbox', { name: /^Montant dépensé \(€\)\s: \d{4}, Indre-et-Loire$/ });
  await expect(spent).toHaveValue('3 000,00 €');
  await spent.fill('4500,50');
  await spent.press('Tab');
  await expect(budget).toContainText('12 000,00 € TTC prévus, 4 500,50 € dépensés');
  // A minus typed is said at once; what follows it is not saved as a positive amount.
  await spent.selectText();
  await page.keyboard.type('-');
  await expect(spent).toHaveAccessibleDescription(/^Un montant ne peut pas être négatif/);
  await page.keyboard.type('20');
  await spent.press('Tab');
  await expect(spent).toHaveValue('4 500,50 €');
  await expect(spent).not.toHaveAccessibleDescription(/négatif/);
  await expect(budget).toContainText('12 000,00 € TTC prévus, 4 500,50 € dépensés');
  await budget.getByRole('button', { name: 'Ajouter le financement' }).click();
  await expect(budget.getByRole('textbox', { name: 'Montant (€)', exact: true })).toHaveAccessibleDescription('Indiquez le montant.');
  await budget.getByRole('textbox', { name: 'Montant (€)', exact: true }).fill('5000');
  await budget.getByRole('textbox', { name: 'Nom du financeur' }).fill('Région Centre-Val de Loire');
  await budget.getByRole('button', { name: 'Ajouter le financement' }).click();
  await expect(budget.getByRole('table', { name: 'Financeurs' })).toContainText('Région Centre-Val de Loire');
  await expect(budget.getByRole('table', { name: 'Financeurs' })).not.toContainText('Région – Région');
  await expect(budget.getByRole('textbox', { name: 'Montant (€)', exact: true })).not.toHaveAccessibleDescription('Indiquez le montant.');
  await budget.getByRole('combobox', { name: /État de la demande\s: Région/ }).click();
  await page.getByRole('option', { name: 'Obtenu' }).click();
  await expect(budget).toContainText('Financements : Région 5 000,00 € (obtenu)');
  // Granted less than asked: the amount corrected in its line.
  const granted = budget.getByRole('textbox', { name: /^Montant \(€\)\s: Région Centre-Val de Loire$/ });
  await granted.fill('4200');
  await granted.press('Tab');
  await expect(budget).toContainText('Financements : Région 4 200,00 € (obtenu)');

  // An élue référente beside the pilotes: her « Mme » agrees the label.
  const parties = page.getByRole('region', { name: 'Élus et partenaires extérieurs' });
  await parties.getByRole('textbox', { name: 'Nom' }).fill('Mme Anne Leroy');
  await parties.getByRole('textbox', { name: 'Fonction' }).fill('vice-présidente chargée des ressources humaines');
  await parties.getByRole('button', { name: 'Ajouter' }).click();
  await expect(parties).toContainText('Mme Anne Leroy, vice-présidente chargée des ressources humaines — Élue référente');

  // The avancement proposed from the étapes ticked, not imposed.
  const steps = page.getByRole('region', { name: 'Étapes' });
  // Refused by the store: its sentence under the field.
  await steps.getByRole('button', { name: "Ajouter l'étape" }).click();
  await expect(steps.getByRole('textbox', { name: 'Nouvelle étape' })).toHaveAccessibleDescription("L'intitulé de l'étape ne peut pas être vide.");
  for (const label of ['Cahier des charges', 'Choix du prestataire']) {
    await steps.getByRole('textbox', { name: 'Nouvelle étape' }).fill(label);
    await steps.getByRole('button', { name: "Ajouter l'étape" }).click();
    await expect(steps.getByText(label)).toBeVisible();
  }
  // Saved, then shown ticked: the box follows the data, not the click.
  await steps.getByRole('checkbox').first().click();
  await expect(steps.getByRole('checkbox').first()).toBeChecked();
  const follow = page.getByRole('region', { name: 'Suivi', exact: true });
  await expect(follow).toContainText('1 étape sur 2 cochée, soit 50 %.');
  await follow.getByRole('button', { name: "Mettre l'avancement à 50 %" }).click();
  await expect(follow.getByRole('textbox', { name: 'Avancement' })).toHaveValue('50\u00a0%');

  // A document attached, then opened with the system's application after a confirmation.
  const documents = page.getByRole('region', { name: 'Documents' });
  const convention = join(app.dataDir, 'Convention de coopération signée.pdf');
  writeFileSync(convention, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 'é')]));
  await app.answerDialog('showOpenDialog', { canceled: false, filePaths: [convention] });
  await documents.getByRole('button', { name: 'Joindre un document…' }).click();
  const link = documents.getByRole('button', { name: 'Convention de coopération signée.pdf', exact: true });
  await expect(link).toBeVisible();
  await expect(documents).toContainText('par Claire Martin');
  await app.answerDialog('showMessageBox', { response: 0 });
  await link.click();
  await expect
    .poll(() => (app.calls ?? []).filter((call) => call.name === 'openPath').map((call) => String(call.args[0])))
    .toEqual([expect.stringMatching(/documents-ouverts\/[0-9a-f]{16}\/Convention de coopération signée\.pdf$/)]);
  const openedPath = String((app.calls ?? []).find((call) => call.name === 'openPath')!.args[0]);
  expect(readFileSync(openedPath).equals(readFileSync(convention))).toBe(true);

  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await page.mouse.move(700, 10);
    await screenshot(app, `46-fiche-indicateurs-budget-${theme}`);
    const problems = [
      ...(await axeViolations(page)).map((line) => `axe : ${line}`),
      ...(await unlabelledFields(page)).map((html) => `champ sans nom : ${html}`),
    ];
    expect.soft(problems, `thème ${theme} :\n${problems.join('\n')}`).toEqual([]);
  }
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();

  // The fiche printed on A4 for a comité: read back by pdftotext, looked at as PNG.
  await page.getByRole('link', { name: 'Imprimer la fiche' }).click();
  await expect(page.getByRole('article', { name: /^Fiche action/ })).toBeVisible();
  const pdf = await savePdf(app, 'fiche-action');
  const text = flat(pdfPages(pdf, 'reading').join(' '));
  for (const expected of [
    'FICHE ACTION',
    "Organisation d'une formation commune",
    'Agents en mobilité entre les deux Départements',
    '21,5 agents (30 juin 2027)',
    '12 000,00 € TTC',
    'Région (Région Centre-Val de Loire) : 4 200,00 €, obtenu',
    'Mme Anne Leroy, vice-présidente chargée des ressources humaines — élue référente',
    'DERNIÈRES MODIFICATIONS',
    'Fiche action — ',
  ]) {
    expect(text).toContain(expected);
  }
  // Amounts in the latest changes as the budget writes them.
  expect(text).toMatch(/Montant du financement \(€\) 5\s000,00 → 4\s200,00/);
  pngPages(pdf, 'fiche-action');
  await page.getByRole('link', { name: 'Retour à la fiche' }).click();

  // The chantier's totals.
  await page.getByRole('link', { name: /^Chantier 4 ·/ }).click();
  const totals = page.getByRole('region', { name: 'Budget du chantier' });
  await expect(totals).toContainText('12 000,00 € TTC prévus, 4 500,50 € dépensés');
  await expect(totals).toContainText('Total sur 1 action');

  // In the Actions table, when asked for: the latest value and the gap to the target.
  await openScreen(app, 'Actions');
  const table = page.getByRole('table', { name: 'Actions' });
  await expect(table.getByRole('columnheader', { name: 'Indicateur' })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Colonne indicateur' }).check();
  await expect(table.getByRole('row').filter({ hasText: "Organisation d'une formation commune à la gestion de projet" })).toContainText(
    '21,5 agents (écart 18,5)',
  );
});
