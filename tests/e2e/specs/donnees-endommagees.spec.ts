// A data folder the app cannot open as it is: a damaged file (restored from a backup, the
// damaged one kept aside) and a file written by a newer Entente (left byte for byte as it is).
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../../db/store/migrations';
import { cli, initData, listActions } from '../harness/data';
import { axeViolations } from '../harness/a11y';
import { expect, screenshot, test } from '../harness/fixtures';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('base endommagée : message en français, « Restaurer » la sauvegarde, le fichier endommagé est gardé de côté', async ({ launch }) => {
  const dataDir = initData();
  cli(dataDir, 'action', 'set', 'a1-1', 'status=en_cours');
  mkdirSync(join(dataDir, 'sauvegardes'));
  cli(dataDir, 'backup', join(dataDir, 'sauvegardes', 'entente-20261120-101010.sqlite'));
  // A change after the backup: lost with the damaged file, as the screen warns.
  cli(dataDir, 'action', 'set', 'a1-2', 'status=realise');
  const database = join(dataDir, 'entente.sqlite');
  for (const side of ['-wal', '-shm']) expect(existsSync(database + side), `${side} après fermeture`).toBe(false);
  const garbage = randomBytes(64 * 1024);
  writeFileSync(database, garbage);

  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Entente ne peut pas ouvrir les données' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('endommagée');
  await expect(page.getByRole('alert')).toContainText(database);
  const backups = page.getByRole('table', { name: /Sauvegardes disponibles/ });
  await expect(backups).toContainText('entente-20261120-101010.sqlite');
  await expect(backups).toContainText('20 nov. 2026 à 10 h 10');
  // Nothing was touched before the user chose.
  expect(readFileSync(database).equals(garbage)).toBe(true);
  await screenshot(app, '09-donnees-endommagees-clair');
  const violations = await axeViolations(page);
  expect.soft(violations.length, `écran « données endommagées » :\n  ${violations.join('\n  ')}\n`).toBe(0);

  await page.getByRole('button', { name: /^Restaurer/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: 'Les téléservices' })).toBeVisible();

  // The damaged file is kept in the data folder, byte for byte; the backup's data is back.
  const aside = readdirSync(dataDir).filter((name) => name.startsWith('entente.sqlite.endommagee-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(dataDir, aside[0])).equals(garbage)).toBe(true);
  expect(existsSync(join(dataDir, 'sauvegardes', 'entente-20261120-101010.sqlite'))).toBe(true);
  const statuses = Object.fromEntries(listActions(dataDir).map((a) => [a.id, a.status]));
  expect(statuses['a1-1']).toBe('en_cours');
  expect(statuses['a1-2']).toBe('a_venir');
});

test('base enregistrée par une version plus récente : message qui nomme la version à installer, fichier inchangé', async ({ launch }) => {
  const dataDir = initData();
  const database = join(dataDir, 'entente.sqlite');
  const db = new Database(database);
  db.pragma('journal_mode = DELETE');
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.prepare("INSERT OR REPLACE INTO local_state (key, value) VALUES ('min_app_version', '2.3.0')").run();
  db.close();
  const before = sha256(database);
  const filesBefore = readdirSync(dataDir).sort();

  const app = await launch(dataDir);
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1, name: 'Entente ne peut pas ouvrir les données' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('version plus récente');
  await expect(alert).toContainText('Installez Entente 2.3.0');
  await expect(alert).toContainText(`schéma ${SCHEMA_VERSION + 1}`);
  await expect(page.getByRole('button', { name: /^Restaurer/ })).toHaveCount(0);
  await app.close();

  expect(sha256(database), 'le fichier n’a pas été modifié').toBe(before);
  // The list of this computer's cooperations lives in the home folder, which the tests put in the data folder.
  expect(
    readdirSync(dataDir)
      .filter((name) => name !== 'cooperations.json')
      .sort(),
  ).toEqual(filesBefore);
});
