// The Historique of a fiche action: Nadia Benali edits action a4-1 on her laptop, her
// changes reach Claire Martin's by an exchange file, Claire edits it on hers; the fiche's
// Historique, folded at first, says who changed what, when, on which poste, the old value
// and the new one, shortens a long text, and keeps one field when asked.
import { join } from 'node:path';
import { axeViolations, englishTexts, unlabelledFields } from '../harness/a11y';
import { cli, cliWithPassphrase, initData } from '../harness/data';
import { expect, screenshot, test } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';

const PASSPHRASE = 'coopération 37-41 : historique des fiches';
const FICHE = "Organisation d'une formation commune à la gestion de projet";
const DESCRIPTION =
  'Une formation commune à la conduite de projet pour les cadres des deux Départements : un module de cinq jours à Blois, ' +
  'animé par les formateurs internes, une session pilote au printemps 2027 puis deux sessions par an, ' +
  "avec une évaluation partagée à la fin de chaque session et un bilan présenté au CODIRI de l'automne.";
/** « 14 mars 2027 à 14 h 05 », « 1er avril 2027 à 9 h », the hours unbroken (no-break spaces). */
const WHEN = String.raw`\d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2}\u00a0h(\u00a0\d{2})?`;

test("Historique de la fiche : la modification d'un autre poste, ancienne → nouvelle valeur, texte long abrégé, filtre par champ", async ({ launch }) => {
  const claire = initData();
  const nadia = newDataDir();
  cli(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41', '--function', 'Chargée de mission', '--label', 'Portable DRH 41');
  cli(nadia, 'action', 'set', 'a4-1', 'status=en_cours', 'progress=40', `description=${DESCRIPTION}`);
  const file = join(nadia, 'De Nadia.entente');
  cliWithPassphrase(nadia, PASSPHRASE, 'export', '--to', file);
  cliWithPassphrase(claire, PASSPHRASE, 'import', file);
  cli(claire, 'action', 'set', 'a4-1', 'end_date=2027-06-30');

  const app = await launch(claire);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/actions/a4-1'));
  await expect(page.getByRole('heading', { level: 1, name: FICHE })).toBeVisible();

  // Folded at first; unfolded from the keyboard.
  const section = page.getByRole('region', { name: 'Historique' });
  const toggle = section.getByRole('button', { name: "Afficher l'historique" });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(section.getByRole('list')).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('button', { name: "Masquer l'historique" })).toHaveAttribute('aria-expanded', 'true');
  // One heading per edit (when, who, which poste), then each field it changed.
  const list = section.getByRole('list', { name: 'Modifications, la plus récente en premier' });
  const edits = list.locator(':scope > li');
  const changes = list.locator('ul > li');
  const field = (label: string) => ({ has: page.getByText(label, { exact: true }) });

  // Newest first: Claire's own edit, on this poste.
  await expect(edits.first()).toContainText(new RegExp(`^${WHEN} · Claire Martin \\(Indre-et-Loire\\) · cet ordinateur`));
  await expect(edits.first().locator('li')).toHaveText([/^Échéance\s*\(vide\)\s*→\s*devient\s*30 juin 2027$/]);

  // Nadia's, from her laptop: who, when, which poste, the old value and the new one.
  const fromNadia = edits.nth(1);
  await expect(fromNadia).toContainText(new RegExp(`^${WHEN} · Nadia Benali \\(Loir-et-Cher\\) · ordinateur «\\sPortable DRH 41\\s»`));
  await expect(fromNadia.locator('li').filter(field('Statut'))).toHaveText(/^Statut\s*À venir\s*→\s*devient\s*En cours$/);
  await expect(fromNadia.locator('li').filter(field('Avancement'))).toHaveText(/^Avancement\s*0 %\s*→\s*devient\s*40 %$/);
  // The default dataset, last: what the action was given at first.
  await expect(edits.last()).toContainText(/^Données de départ/);
  await expect(edits.last().locator('li').filter(field('Statut'))).toContainText('Création : À venir');
  await expect(edits).toHaveCount(3);

  // A long text is shortened; the whole of it on demand.
  const description = fromNadia.locator('li').filter(field('Description'));
  await expect(description).toContainText('Avant : (vide)');
  await expect(description).toContainText('Une formation commune à la conduite de projet');
  await expect(description).not.toContainText("bilan présenté au CODIRI de l'automne.");
  await expect(description).toContainText('…');
  await description.getByRole('button', { name: 'Afficher tout le texte' }).click();
  await expect(description).toContainText(DESCRIPTION);
  await expect(description.getByRole('button', { name: 'Réduire le texte' })).toHaveAttribute('aria-expanded', 'true');

  // Both themes: a screenshot, axe with no serious violation, every field named, no English.
  for (const theme of ['clair', 'sombre'] as const) {
    if (theme === 'sombre') await page.getByRole('button', { name: 'Passer en thème sombre' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme === 'clair' ? 'light' : 'dark');
    await page.mouse.move(700, 850); // no tooltip of the theme button in the picture
    await page.evaluate(() => window.scrollTo(0, 0)); // the fixed header at the top of the picture
    await screenshot(app, `43-historique-${theme}`);
    const problems = [
      ...(await axeViolations(page)).map((line) => `axe : ${line}`),
      ...(await unlabelledFields(page)).map((html) => `champ sans nom accessible : ${html}`),
      ...(await englishTexts(page)).map((text) => `texte en anglais : ${text}`),
    ];
    expect.soft(problems, `thème ${theme} :\n${problems.join('\n')}`).toEqual([]);
  }
  await page.getByRole('button', { name: 'Passer en thème clair' }).click();

  // The filter: the fields present, one kept; every version of it, whoever wrote it.
  const filter = section.getByRole('combobox', { name: 'Champ' });
  await expect(filter).toHaveValue('Tous les champs');
  await filter.click();
  await expect(page.getByRole('option', { name: 'Échéance', exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Date de début', exact: true })).toHaveCount(0);
  await page.getByRole('option', { name: 'Statut', exact: true }).click();
  await expect(changes).toHaveCount(2);
  await expect(section.getByRole('status')).toHaveText('2 modifications');
  await expect(edits.nth(0)).toContainText('Nadia Benali (Loir-et-Cher)');
  await expect(edits.nth(1)).toContainText('Données de départ');

  // An edit made here shows at once, on top.
  await page.getByRole('combobox', { name: 'Statut', exact: true }).click();
  await page.getByRole('option', { name: 'Réalisé', exact: true }).click();
  await expect(changes).toHaveCount(3);
  await expect(edits.first()).toContainText('cet ordinateur');
  await expect(changes.first()).toHaveText(/^Statut\s*En cours\s*→\s*devient\s*Réalisé$/);

  // A narrower window moves the Historique to the end of the fiche: still open, its filter kept.
  await app.shrinkToMinimumSize();
  await expect(section.getByRole('button', { name: "Masquer l'historique" })).toHaveAttribute('aria-expanded', 'true');
  await expect(filter).toHaveValue('Statut');
  await expect(changes).toHaveCount(3);
});
