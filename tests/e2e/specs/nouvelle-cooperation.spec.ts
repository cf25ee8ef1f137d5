// A new cooperation of any collectivités at first start: three partners (a Département,
// a communauté de communes, a commune) and two chantiers; the Tableau de bord and the
// Paramètres then name them from the data, in the light and the dark theme.
import { axeViolations } from '../harness/a11y';
import { expect, openScreen, screenshot, test } from '../harness/fixtures';

const PROJECT = 'Coopération Touraine – Vallée du Cher';
const PARTNERS = ["Département d'Indre-et-Loire", 'Communauté de communes Bléré – Val de Cher', 'Commune de Chenonceaux'];

test('nouvelle coopération de trois partenaires créée au premier démarrage', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Entente' })).toBeVisible();
  await page.getByRole('tab', { name: 'Créer une autre coopération' }).click();

  // Nothing is sent before the form is complete: each fault next to its field.
  await page.getByRole('button', { name: 'Créer la coopération' }).click();
  await expect(page.getByText('Indiquez le nom de la coopération.')).toBeVisible();
  await expect(page.getByText('Choisissez son type.')).toHaveCount(2);
  await expect(page.getByText('Indiquez votre nom.')).toBeVisible();

  await page.getByRole('textbox', { name: /^Nom de la coopération/ }).fill(PROJECT);
  const partner = (n: number) => page.getByRole('group', { name: `Partenaire ${n}`, exact: true });
  const name = (n: number) => partner(n).getByRole('textbox', { name: /^Nom\s*\*?$/ });
  const shortName = (n: number) => partner(n).getByRole('textbox', { name: /^Nom court/ });
  const code = (n: number) => partner(n).getByRole('textbox', { name: /^Code/ });
  const kind = (n: number) => partner(n).getByRole('combobox', { name: /^Type de collectivité/ });

  await name(1).fill(PARTNERS[0]);
  // The short name and the kind follow the full name.
  await expect(shortName(1)).toHaveValue('Indre-et-Loire');
  await expect(kind(1)).toHaveValue('Département');
  await code(1).fill('37');
  await name(2).fill(PARTNERS[1]);
  await expect(kind(2)).toHaveValue('EPCI');
  await expect(shortName(2)).toHaveValue(PARTNERS[1]);
  await shortName(2).fill('CC Bléré – Val de Cher');
  await code(2).fill('37');
  await page.getByRole('button', { name: 'Ajouter un partenaire' }).click();
  await name(3).fill(PARTNERS[2]);
  await expect(kind(3)).toHaveValue('Commune');
  await code(3).fill('CHEN');
  await page.getByRole('textbox', { name: /^Chantiers/ }).fill('Mobilités le long du Cher\nTourisme et patrimoine');
  await page
    .getByRole('textbox', { name: /^Nom\s*\*?$/ })
    .last()
    .fill('Élise Moreau');
  await page.getByRole('textbox', { name: /^Fonction/ }).fill('Chargée de mission');
  await page.getByRole('combobox', { name: /^Votre partenaire/ }).click();
  await page.getByRole('option', { name: PARTNERS[1] }).click();

  // Two partners under one code: said on the line at fault.
  await page.getByRole('button', { name: 'Créer la coopération' }).click();
  await expect(partner(2).getByText('Déjà le code du partenaire 1.')).toBeVisible();
  await code(2).fill('CCBVC');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await screenshot(app, `nouvelle-cooperation-formulaire-${theme === 'light' ? 'clair' : 'sombre'}`);
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Créer la coopération' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Élise Moreau');
  const table = page.getByRole('region', { name: 'Par chantier', exact: true }).getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(1 + 2);
  await expect(table.getByRole('link', { name: 'Tourisme et patrimoine', exact: true })).toBeVisible();
  // The key figures count the people of each partner, by their short names.
  const figures = page.getByRole('region', { name: 'Chiffres clés' });
  for (const short of ['Indre-et-Loire', 'CC Bléré – Val de Cher', 'Chenonceaux']) await expect(figures).toContainText(short);
  // No action yet: the chart says so and what to do, rather than empty axes.
  await expect(page.getByRole('region', { name: 'Actions par statut et par chantier' })).toContainText(
    "Aucune action pour le moment\u202f: créez-en depuis l'écran Actions.",
  );
  // Where to begin, each step with its screen.
  const start = page.getByRole('region', { name: 'Pour commencer' });
  await expect(start.getByRole('listitem')).toHaveCount(4);
  await expect(start.getByRole('link')).toHaveText([
    "Ouvrir l'écran Personnes",
    "Ouvrir l'écran Actions",
    "Ouvrir l'écran Réunions",
    "Ouvrir l'écran Paramètres",
  ]);
  await screenshot(app, 'nouvelle-cooperation-tableau-de-bord');
  await start.getByRole('link', { name: "Ouvrir l'écran Actions" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  await openScreen(app, 'Tableau de bord');
  await expect(page.getByRole('region', { name: 'Pour commencer' })).toBeVisible();

  await openScreen(app, 'Paramètres');
  const projectCard = page.getByRole('region', { name: 'Coopérations', exact: true });
  await expect(projectCard.getByRole('textbox', { name: /^Nom de la coopération|^Nom/ })).toHaveValue(PROJECT);
  const list = projectCard.getByRole('list', { name: '3 partenaires' });
  await expect(list.getByRole('listitem')).toHaveText([
    // The kind only when the name does not say it.
    `${PARTNERS[0]} (code 37)`,
    `${PARTNERS[1]} — EPCI (code CCBVC)`,
    `${PARTNERS[2]} (code CHEN)`,
  ]);
  await projectCard.getByRole('button', { name: 'Détails techniques' }).click();
  await expect(projectCard.getByText(/^Identifiant de la coopération\s*:\s*p-[0-9a-z]{12}$/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Votre partenaire/ })).toHaveValue(PARTNERS[1]);
  await screenshot(app, 'nouvelle-cooperation-parametres-clair');
  await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
  await page.mouse.move(700, 500);
  await screenshot(app, 'nouvelle-cooperation-parametres-sombre');
  expect(await axeViolations(page)).toEqual([]);
});
