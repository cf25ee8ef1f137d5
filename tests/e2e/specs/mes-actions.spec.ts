// « Mes actions » and the reminders, as Claire Martin meets them: the actions she pilots,
// the late one first, each opening its fiche; the bell of the header counting them and
// listing them; the system notification, once she allows it in Paramètres, once a day.
import { addDays } from '../../../common/calendar';
import { setPilot } from '../../../db/actions/pilots';
import { addActionItem, addAgendaItem, createMeeting } from '../../../db/meetings/writes';
import { checkBothThemes } from '../harness/themes';
import { addAction, frenchDate, initData, todayInParis, withStore } from '../harness/data';
import { expect, openScreen, screenshot, test, type AppHandle } from '../harness/fixtures';

const LATE = 'Rédiger la convention de la formation commune';
const SOON = 'Préparer le groupement de commandes de fournitures';
const NOT_MINE = 'Cartographier les lieux d’accueil du public';
const TO_CARRY_OUT = 'Réserver la salle du séminaire des cadres';
const SUMMARY = '1 action en retard, 1 échéance dans les 7 jours';

function data(): { dataDir: string; late: string; soon: string; today: string } {
  const dataDir = initData();
  const today = todayInParis();
  const late = addAction(dataDir, 4, LATE, `end_date=${addDays(today, -5)}`, 'status=en_cours', 'progress=40');
  const soon = addAction(dataDir, 8, SOON, `end_date=${addDays(today, 3)}`, 'status=a_venir');
  addAction(dataDir, 2, NOT_MINE, `end_date=${addDays(today, -10)}`, 'status=en_cours');
  withStore(dataDir, (store) => {
    for (const id of [late, soon]) setPilot(store, id, 'd37', { person_id: store.personId! });
    // An action à mener of a CODIRI whose minutes are not validated yet: due in 10 days.
    const meeting = createMeeting(store, { type: 'codiri', date: addDays(today, -2), start_time: '09:30', duration_minutes: 120, chantier_ids: ['c4'] });
    const item = addAgendaItem(store, meeting, { title: 'Chantier RH', chantier_id: 'c4' });
    addActionItem(store, item, { kind: 'nouvelle', title: TO_CARRY_OUT, responsable_id: store.personId!, due_date: addDays(today, 10) });
  });
  return { dataDir, late, soon, today };
}

const notifications = (app: AppHandle) => (app.calls ?? []).filter((call) => call.name === 'Notification.show');

test('Mes actions : en retard d’abord, la fiche en un clic ; la cloche les compte et les liste', async ({ launch }) => {
  const { dataDir, late, soon, today } = data();
  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();

  // The header: a bell counting the late action and the échéance of the next 7 days.
  const bell = page.getByRole('button', { name: `Rappels : ${SUMMARY}` });
  await expect(bell).toBeVisible();
  await expect(page.getByRole('banner').getByText('2', { exact: true })).toBeVisible();
  await bell.click();
  const reminders = page.getByRole('dialog', { name: 'Rappels' });
  await expect(reminders.getByRole('region', { name: 'En retard' })).toContainText(
    `${LATE}Chantier 4 · échéance ${frenchDate(addDays(today, -5))}En retard de 5 jours`,
  );
  await expect(reminders.getByRole('region', { name: 'Dans les 7 jours' })).toContainText(`${SOON}Chantier 8 · échéance ${frenchDate(addDays(today, 3))}`);
  await expect(reminders).not.toContainText(NOT_MINE);
  await page.mouse.move(100, 800);
  await screenshot(app, '45-rappels');
  await reminders.getByRole('link', { name: SOON }).click();
  await expect(page.getByRole('heading', { level: 1, name: SOON })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/actions/${soon}$`));
  await expect(reminders).toBeHidden();

  // The screen, from the navigation: the late action first, then by échéance; nobody else's.
  await openScreen(app, 'Mes actions');
  await expect(page).toHaveURL(/#\/mes-actions$/);
  const rows = page.getByRole('table', { name: 'Mes actions' }).locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(LATE);
  await expect(rows.nth(0)).toContainText('4. Les ressources humaines');
  await expect(rows.nth(0)).toContainText('En cours');
  await expect(rows.nth(0)).toContainText(frenchDate(addDays(today, -5)));
  await expect(rows.nth(0)).toContainText('En retard de 5 jours');
  await expect(rows.nth(0)).toContainText('40 %');
  await expect(rows.nth(0)).toContainText('Pilote');
  await expect(rows.nth(1)).toContainText(SOON);
  await expect(rows.nth(1)).toContainText('À venir');
  await expect(rows.nth(1)).toContainText(frenchDate(addDays(today, 3)));
  await expect(rows.nth(1)).not.toContainText('En retard');
  // The action à mener, with its réunion, until the minutes make it an action.
  await expect(rows.nth(2)).toContainText(TO_CARRY_OUT);
  await expect(rows.nth(2)).toContainText("Action à mener : l'action sera créée à la validation du compte rendu");
  await expect(rows.nth(2)).toContainText(frenchDate(addDays(today, 10)));
  await expect(rows.nth(2)).toContainText('Responsable');
  await expect(rows.nth(2).getByRole('link', { name: /^CODIRI du / })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mes actions' })).not.toContainText(NOT_MINE);
  await expect(page.getByRole('status').filter({ hasText: `Au ${frenchDate(today)} : 3 actions, dont 1 en retard` })).toBeVisible();

  // Both themes: a screenshot, axe with no serious violation, every field named, no English.
  await checkBothThemes(app, '44-mes-actions');

  await rows.nth(0).getByRole('link', { name: LATE }).click();
  await expect(page.getByRole('heading', { level: 1, name: LATE })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/actions/${late}$`));

  // Done: it leaves the list and the bell's count.
  const status = page.getByRole('combobox', { name: 'Statut', exact: true });
  await status.click();
  await page.getByRole('option', { name: 'Réalisé', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Rappels : 1 échéance dans les 7 jours' })).toBeVisible();
  await openScreen(app, 'Mes actions');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(SOON);
  await rows.nth(1).getByRole('link', { name: TO_CARRY_OUT }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^CODIRI du / })).toBeVisible();
});

test('aucune action : la page le dit, la cloche est muette', async ({ launch }) => {
  const app = await launch(initData());
  const { page } = app;
  await openScreen(app, 'Mes actions');
  await expect(page.getByText('Aucune action pour vous')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mes actions' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Rappels : aucune échéance proche' }).click();
  await expect(page.getByRole('dialog', { name: 'Rappels' })).toContainText('Aucune action en retard, aucune échéance dans les 7 jours.');
});

test('la notification du système : seulement si permise dans Paramètres, une fois par jour pour un même rappel', async ({ launch }) => {
  const { dataDir } = data();
  const app = await launch(dataDir);
  const { page } = app;
  await openScreen(app, 'Paramètres');
  const rappels = page.getByRole('region', { name: 'Rappels' });
  const allow = rappels.getByRole('switch', { name: 'Me prévenir par une notification du système' });
  await expect(allow).not.toBeChecked();
  test.skip(app.runtime !== 'double', 'les notifications ne sont enregistrées que par la doublure d’Electron');
  expect(notifications(app)).toEqual([]);

  await allow.click();
  await expect(allow).toBeChecked();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(700, 10);
  await screenshot(app, '46-parametres-rappels');
  await expect.poll(() => notifications(app)).toEqual([{ name: 'Notification.show', args: [{ title: 'Entente : échéances', body: SUMMARY }] }]);

  // Started again the same day: the same reminder is not shown twice.
  await app.close();
  const again = await launch(dataDir);
  await openScreen(again, 'Paramètres');
  await expect(again.page.getByRole('region', { name: 'Rappels' }).getByRole('switch', { name: 'Me prévenir par une notification du système' })).toBeChecked();
  expect(notifications(again)).toEqual([]);
});
