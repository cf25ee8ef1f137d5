// The arbitrage of the pistes (the cooperation method): three pistes évaluées put on a comité
// de pilotage's ordre du jour in « Préparer », decided in « Compte rendu » (one retained into
// chantier 4, one à approfondir, one écartée with its reason); the new action in Actions, its
// fiche showing the piste and the décision; the printed compte rendu holding the three décisions.
import { getRow } from '../../../db/store/rows';
import { createPerson } from '../../../db/people/writes';
import { createPiste, scorePiste } from '../../../db/pistes/writes';
import { checkBothThemes } from '../harness/themes';
import { initData, withStore } from '../harness/data';
import { expect, openScreen, screenshot, test } from '../harness/fixtures';
import { newDataDir } from '../harness/launch';
import { flat, pdfPages, pngPages, savePdf } from '../harness/pdf';

const PISTES: [string, string, number, number][] = [
  ['Bourse commune des stages', 'd41', 4, 3],
  ['Guichet unique des aidants', 'd37', 3, 2],
  ['Fusion des laboratoires', 'd37', 2, 1],
];

/** Three pistes scored by both Départements (so « évaluée »), a fourth not yet scored; answers chantier 4's title. */
function prepare(dataDir: string): string {
  initData(dataDir);
  return withStore(dataDir, (store) => {
    const marc = createPerson(store, { name: 'Marc Petit', function: 'DGA ressources', partner_id: 'd41', email: null });
    for (const [title, partner, plusValue, faisabilite] of PISTES) {
      const id = createPiste(store, { title, proposed_by_partner_id: partner, finalites: ['innovation'] });
      scorePiste(store, id, { evaluator_person_id: store.personId!, plus_value: plusValue, faisabilite });
      scorePiste(store, id, { evaluator_person_id: marc, plus_value: plusValue - 1, faisabilite });
    }
    createPiste(store, { title: 'Pas encore notée', proposed_by_partner_id: 'd41' });
    return getRow(store, 'chantier', 'c4')!.title;
  });
}

test('trois pistes arbitrées en comité de pilotage : une retenue dans le chantier 4 devient une action, sa fiche montre la piste et la décision', async ({
  launch,
}) => {
  // Three screens checked in both themes (axe included): longer than the default.
  test.setTimeout(240_000);
  const dataDir = newDataDir();
  const chantier4 = prepare(dataDir);
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // A comité de pilotage, created from Réunions.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Réunions' }).click();
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle réunion' });
  await dialog.getByRole('combobox', { name: /^Type de réunion/ }).click();
  await page.getByRole('option', { name: 'Comité de pilotage', exact: true }).click();
  await dialog.getByRole('textbox', { name: /^Date/ }).fill('12/03/2027');
  await dialog.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comité de pilotage du 12 mars 2027' })).toBeVisible();
  const meetingId = /#\/reunions\/([^/]+)/.exec(page.url())![1];

  // Préparer: only the évaluées are offered, with their means.
  await expect(page.getByRole('tab', { name: 'Préparer' })).toHaveAttribute('aria-selected', 'true');
  const toArbitrate = page.getByRole('region', { name: 'Pistes à arbitrer' });
  await expect(toArbitrate).toContainText("Aucune piste n'est inscrite à l'ordre du jour.");
  const picker = toArbitrate.getByRole('combobox', { name: 'Inscrire des pistes évaluées ou à approfondir' });
  await picker.click();
  await expect(page.getByRole('option')).toHaveText([
    'P1 Bourse commune des stages — PV 3,5 · F 3,0',
    'P2 Guichet unique des aidants — PV 2,5 · F 2,0',
    'P3 Fusion des laboratoires — PV 1,5 · F 1,0',
  ]);
  for (const reference of ['P1', 'P2', 'P3']) await page.getByRole('option', { name: new RegExp(`^${reference} `) }).click();
  await page.keyboard.press('Escape');
  await toArbitrate.getByRole('button', { name: "Inscrire à l'ordre du jour" }).click();
  const agendaTable = toArbitrate.getByRole('table', { name: "Pistes inscrites à l'ordre du jour" });
  await expect(agendaTable.locator('tbody tr')).toHaveCount(3);
  await expect(agendaTable.getByRole('row', { name: /P1 Bourse commune des stages/ })).toContainText('À lancer vite');
  await expect(agendaTable.getByRole('row', { name: /P3 Fusion/ })).toContainText('À écarter ou reformuler');
  await expect(toArbitrate).toContainText('Aucune autre piste évaluée ou à approfondir');
  // The ordre du jour holds the point « Arbitrage des pistes ».
  await expect(page.getByRole('region', { name: 'Ordre du jour' })).toContainText('Arbitrage des pistes');
  await toArbitrate.scrollIntoViewIfNeeded();
  await checkBothThemes(app, 'arbitrage-preparer');

  // The convocation lists them under the ordre du jour.
  await page.getByRole('button', { name: 'Imprimer et exporter' }).click();
  await page.getByRole('menuitem', { name: 'Convocation' }).click();
  const convocation = page.getByRole('article', { name: 'Convocation — Comité de pilotage du 12 mars 2027' });
  await expect(convocation).toContainText("3 pistes soumises à l'arbitrage");
  await expect(convocation.getByRole('listitem').filter({ hasText: 'P1' })).toHaveText('P1 « Bourse commune des stages » (proposée par Loir-et-Cher)');
  await screenshot(app, 'arbitrage-convocation');
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}`), meetingId);
  await expect(page.getByRole('heading', { level: 1, name: 'Comité de pilotage du 12 mars 2027' })).toBeVisible();

  // Compte rendu: each décision.
  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  const decisions = page.getByRole('region', { name: 'Décisions sur les pistes' });
  const p1 = decisions.getByRole('article', { name: 'P1 Bourse commune des stages' });
  const p2 = decisions.getByRole('article', { name: 'P2 Guichet unique des aidants' });
  const p3 = decisions.getByRole('article', { name: 'P3 Fusion des laboratoires' });

  await p1.getByRole('radio', { name: 'Retenue', exact: true }).check();
  await p1.getByRole('combobox', { name: 'Chantier' }).click();
  await page.getByRole('option', { name: `4 · ${chantier4}`, exact: true }).click();
  await p1.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p1).toContainText(/Décision n°\s1\s*Retenue dans le chantier 4\s*: action 4\.\d+/);
  const actionLink = p1.getByRole('link', { name: /^action 4\.\d+$/ });
  const reference = (await actionLink.textContent())!.replace('action ', '');

  await p2.getByRole('radio', { name: 'À approfondir', exact: true }).check();
  await p2.getByRole('textbox', { name: 'Raison (facultative)' }).fill('chiffrer le coût pour chaque Département');
  await p2.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p2).toContainText(/Décision n°\s2\s*À approfondir\s*: chiffrer le coût pour chaque Département/);

  await p3.getByRole('radio', { name: 'Écartée', exact: true }).check();
  await p3.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p3.getByRole('alert')).toHaveText('Donnez la raison pour laquelle la piste P3 est écartée.');
  await p3.getByRole('textbox', { name: 'Raison' }).fill('les statuts des deux laboratoires sont incompatibles');
  await p3.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(p3).toContainText('Décision n° 3');
  await expect(p3).toContainText(/Écartée\s: les statuts des deux laboratoires sont incompatibles/);
  await expect(decisions.getByRole('button', { name: 'Enregistrer la décision' })).toHaveCount(0);
  // The décisions are the minutes' own, under the point « Arbitrage des pistes ».
  await expect(page.getByRole('region', { name: 'Compte rendu par point' })).toContainText('Piste P3 « Fusion des laboratoires » : écartée');
  await decisions.scrollIntoViewIfNeeded();
  await checkBothThemes(app, 'arbitrage-compte-rendu');

  // The printed compte rendu holds the three décisions.
  await page.evaluate((id) => (window.location.hash = `#/reunions/${id}/impression/compte-rendu`), meetingId);
  await expect(page.getByRole('heading', { level: 1, name: 'Aperçu avant impression' })).toBeVisible();
  const pdf = await savePdf(app, 'arbitrage-compte-rendu');
  pngPages(pdf, 'arbitrage-compte-rendu');
  const text = flat(pdfPages(pdf, 'reading').join(' '));
  expect(text).toContain('Arbitrage des pistes');
  expect(text).toMatch(/Piste P1 « Bourse commune des stages » : retenue ; elle devient l['’]action 4\.\d+ du chantier 4/);
  expect(text).toContain('Piste P2 « Guichet unique des aidants » : à approfondir (chiffrer le coût pour chaque Département)');
  expect(text).toContain('Piste P3 « Fusion des laboratoires » : écartée (les statuts des deux laboratoires sont incompatibles)');

  // The new action in Actions, then its fiche.
  await openScreen(app, 'Actions');
  const row = page.getByRole('table', { name: 'Actions' }).getByRole('row', { name: /Bourse commune des stages/ });
  await expect(row).toContainText(reference);
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: /Bourse commune des stages/ })).toBeVisible();
  const origin = page.getByRole('region', { name: "Piste d'origine" });
  await expect(origin).toContainText(/Issue de la piste P1\s«\s*Bourse commune des stages\s*», proposée par Loir-et-Cher\./);
  await expect(origin.getByRole('link', { name: /P1/ })).toHaveAttribute('href', /#\/pistes\//);
  await expect(origin.getByRole('row', { name: /Ensemble/ })).toContainText('3,5');
  await expect(origin.getByRole('link', { name: 'Décision n° 1 du comité de pilotage du 12 mars 2027' })).toBeVisible();
  // The comité among its meetings, with the décision on this piste and none on the others.
  const meetings = page.getByRole('region', { name: 'Réunions et décisions' });
  await expect(meetings.getByRole('link', { name: /Comité de pilotage du 12 mars 2027/ })).toBeVisible();
  await expect(meetings).toContainText('Piste P1 « Bourse commune des stages » : retenue');
  await expect(meetings).not.toContainText('Guichet unique');
  await origin.scrollIntoViewIfNeeded();
  await checkBothThemes(app, 'arbitrage-fiche-action');
});
