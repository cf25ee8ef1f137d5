// 10 000 actions: the Actions table counts them, scrolls to the last one, and keeps only the
// rows in view in the page (virtualised).
import { createAction } from '../../../db/actions/writes';
import { ACTION_STATUSES } from '../../../common/vocabulary';
import { initData, withStore } from '../harness/data';
import { actionCount, expect, openScreen, test } from '../harness/fixtures';

const TOTAL = 10_000;
const ADDED = TOTAL - 14;

test('10 000 actions : compte, défilement jusqu’en bas, lignes virtualisées', async ({ launch }) => {
  test.setTimeout(180_000);
  const dataDir = initData();
  const started = Date.now();
  withStore(dataDir, (store) =>
    store.transaction(() => {
      for (let n = 1; n <= ADDED; n++) {
        createAction(store, {
          chantier_id: `c${(n % 9) + 1}`,
          title: `Action de charge n° ${String(n).padStart(5, '0')}`,
          status: ACTION_STATUSES[n % ACTION_STATUSES.length],
          progress: n % 101,
        });
      }
    }),
  );
  test.info().annotations.push({ type: 'préparation', description: `${ADDED} actions écrites en ${Date.now() - started} ms` });

  const app = await launch(dataDir);
  const { page } = app;
  await openScreen(app, 'Actions');
  await expect(actionCount(app)).toHaveText(/^10\s000 actions$/, { timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Actions' });
  await expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows.first()).toBeVisible();
  const inDom = await rows.count();
  expect(inDom, 'lignes présentes dans la page').toBeGreaterThan(5);
  expect(inDom, 'lignes présentes dans la page').toBeLessThan(200);

  // Sorted by title descending, the last row of the list is the first title in order.
  await table.getByRole('columnheader', { name: 'Titre' }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: 'Titre' })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('columnheader', { name: 'Titre' }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: 'Titre' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('Travail partenarial');

  // Scroll to the bottom: the last row is shown, still with few rows in the page.
  const scroller = table.locator('xpath=..');
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = table.locator(`tbody tr[aria-rowindex="${TOTAL + 1}"]`);
  await expect(last).toBeVisible();
  await expect(last).toContainText('Accompagnement et mise en réseau des formateurs internes');
  const inDomAtBottom = await rows.count();
  expect(inDomAtBottom).toBeLessThan(200);
  await expect(table.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(0);
  // And back up with the keyboard: Ctrl+Home is the browser's; Up from the last row moves one row.
  await last.focus();
  await page.keyboard.press('ArrowUp');
  await expect(table.locator(`tbody tr[aria-rowindex="${TOTAL}"]`)).toBeFocused();

  // A row far down opens its fiche.
  await table.locator(`tbody tr[aria-rowindex="${TOTAL}"]`).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Actions');
});
