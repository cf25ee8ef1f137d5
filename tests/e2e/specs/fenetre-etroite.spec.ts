// In the narrowest window Entente allows (main/window.ts's minimum size: a laptop's screen
// shared with the mail), every screen fits its width: buttons go on two lines rather than out of
// the window, the Actions page's switches stay whole, and no table hides columns behind a
// scroll bar (rows take two lines instead). Screenshots for a human eye.
import { addNote, createAction } from '../../../db/actions/writes';
import { addActionItem, addAgendaItem, addEntry, addParticipant, createMeeting } from '../../../db/meetings/writes';
import { createNewsletter } from '../../../db/newsletters/writes';
import { createPiste } from '../../../db/pistes/writes';
import { initData, withStore } from '../harness/data';
import type { Locator } from 'playwright-core';
import { expect, screenshot, test, type AppHandle, type Screen } from '../harness/fixtures';

const SCREENS: (Screen | 'Décisions' | "Lettres d'info" | 'Conflits' | 'Synchronisation')[] = [
  'Tableau de bord',
  'Mes actions',
  'Chantiers',
  'Actions',
  'Pistes',
  'Réunions',
  'Décisions',
  "Lettres d'info",
  'Personnes',
  'Conflits',
  'Synchronisation',
  'Paramètres',
];

/** « Réunion à préparer » → reunion-a-preparer. */
const fileName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z]+/g, '-')
    .toLowerCase();

/**
 * How much of a table is beyond the right edge of the box that scrolls it (hidden behind a
 * scroll bar); none for a table for screen readers only (a chart's figures, in a 1-pixel box).
 */
async function hiddenColumns(table: Locator): Promise<number> {
  return table.evaluate((element) => {
    let box = element.parentElement;
    while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    if (!box || box.getBoundingClientRect().width <= 1) return 0;
    return Math.ceil(element.getBoundingClientRect().right - box.getBoundingClientRect().right);
  });
}

/** What sticks out of the window on the right, beyond the page's own width. */
async function overflow(app: AppHandle): Promise<number> {
  return app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('fenêtre la plus étroite : chaque écran tient dans sa largeur', async ({ launch }) => {
  test.setTimeout(180_000);
  const dataDir = initData();
  const ids = withStore(dataDir, (store) => {
    const action = createAction(store, {
      chantier_id: 'c4',
      title: "Harmonisation des procédures d'approvisionnement des collèges",
      status: 'en_cours',
      end_date: '2026-06-30',
      progress: 20,
    });
    addNote(store, action, { text: 'Cahier des charges commun relu par les deux directions des achats.', date: '2026-03-12' });
    // A participant and a décision, so that the meeting's tables and the register are drawn too.
    const meeting = createMeeting(store, {
      type: 'codiri',
      date: '2026-12-10',
      start_time: '14:00',
      duration_minutes: 120,
      place: 'Hôtel du Département, Blois',
    });
    addParticipant(store, meeting, { person_id: store.personId!, function: 'Cheffe de projet' });
    const item = addAgendaItem(store, meeting, { title: 'Achats publics', action_id: action });
    addActionItem(store, item, { kind: 'suivi', action_id: action, responsable_id: store.personId!, due_date: '2027-06-30' });
    addEntry(store, item, { kind: 'decision', text: 'Le cahier des charges commun sera publié au printemps par les deux Départements.' });
    return {
      action,
      meeting,
      piste: createPiste(store, { title: "Mutualiser la formation des agents d'entretien des routes", proposed_by_partner_id: 'd37' }),
      newsletter: createNewsletter(store),
    };
  });
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  // Half of a 1920-pixel screen, the other half for the mail: the window may be that narrow.
  expect((await app.shrinkToMinimumSize()).width).toBeLessThanOrEqual(960);
  const problems: string[] = [];
  const check = async (name: string) => {
    const beyond = await overflow(app);
    if (beyond > 0) problems.push(`${name} : ${beyond} px hors de la fenêtre`);
    for (const table of await page.locator('table').all()) {
      if (!(await table.isVisible())) continue;
      const hidden = await hiddenColumns(table);
      if (hidden > 0) problems.push(`${name} : ${hidden} px d'un tableau derrière sa barre de défilement`);
    }
    await screenshot(app, `fenetre-etroite-${fileName(name)}`);
  };
  for (const screen of SCREENS) {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: screen, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    if (screen === 'Actions') {
      // The view's switch, whole: both its choices inside it.
      const views = page.getByRole('radiogroup', { name: 'Affichage des actions' });
      const clipped = await views.evaluate((element) => element.scrollWidth - element.clientWidth);
      if (clipped > 0) problems.push(`Actions : le choix « Tableau / Colonnes par statut » est coupé de ${clipped} px`);
      // Every column of the table in view, with the indicateur's too: rows on two lines, no horizontal scroll bar.
      const table = page.getByRole('table', { name: 'Actions' });
      for (const indicator of [false, true]) {
        await page.getByRole('switch', { name: 'Colonne indicateur' }).setChecked(indicator);
        await expect(table.getByRole('columnheader', { name: 'Indicateur' })).toHaveCount(indicator ? 1 : 0);
        const hidden = await hiddenColumns(table);
        if (hidden > 0) problems.push(`Actions${indicator ? ', colonne Indicateur' : ''} : ${hidden} px du tableau derrière la barre de défilement`);
        if (indicator) await screenshot(app, 'fenetre-etroite-actions-indicateur');
      }
      await page.getByRole('switch', { name: 'Colonne indicateur' }).setChecked(false);
    }
    if (screen === 'Chantiers') {
      // Every column of the table in the window: none behind a horizontal scroll bar.
      const beyond = await page.getByRole('table').evaluate((table) => Math.ceil(table.getBoundingClientRect().right - document.documentElement.clientWidth));
      if (beyond > 0) problems.push(`Chantiers : le tableau dépasse de ${beyond} px`);
    }
    await check(screen);
  }
  const pages: [name: string, hash: string, shown: RegExp][] = [
    ['Fiche action', `#/actions/${ids.action}`, /Harmonisation des procédures/],
    ['Page chantier', '#/chantiers/c4', /^Chantier 4/],
    ['Réunion à préparer', `#/reunions/${ids.meeting}`, /^Préparer$/],
    ['Compte rendu', `#/reunions/${ids.meeting}/compte-rendu`, /^Compte rendu par point$/],
    ['Piste', `#/pistes/${ids.piste}`, /Mutualiser la formation/],
    ["Lettre d'info", `#/lettres/${ids.newsletter}`, /^Lettre n° 1/],
  ];
  for (const [name, hash, shown] of pages) {
    await page.evaluate((target) => (window.location.hash = target), hash);
    await expect(
      page
        .getByRole('heading', { name: shown })
        .or(page.getByRole('tab', { name: shown, selected: true }))
        .first(),
    ).toBeVisible();
    await check(name);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
