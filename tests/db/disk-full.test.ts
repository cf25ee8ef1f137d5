import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { addNote, updateAction } from '../../db/actions/writes';
import { toUserError, UserError } from '../../db/errors';
import { readChosenFile } from '../../db/files';
import { getAction } from '../../db/actions/reads';
import { changeCount, newReplica, tempDir } from './helpers';

test('disque plein : message français, rien de ce qui était enregistré ne change', () => {
  const store = newReplica();
  updateAction(store, 'a1-1', { status: 'en_cours', description: 'Avant' });
  const before = getAction(store, 'a1-1');
  const changes = changeCount(store);
  // The file may not grow any more: the next write that needs a page fails as on a full disk.
  store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true })}`);
  let failure: unknown;
  try {
    for (let i = 0; i < 200; i++) addNote(store, 'a1-1', { text: 'x'.repeat(4000) });
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeDefined();
  expect(toUserError(failure).message).toMatch(/Le disque est plein/);
  store.db.pragma('max_page_count = 1073741823');
  const after = getAction(store, 'a1-1');
  expect(after.status).toBe(before.status);
  expect(after.description).toBe('Avant');
  // Notes written before the disk filled up are kept whole; the failed one left no change behind.
  expect(changeCount(store) - changes).toBe(after.notes.length * 4);
});

test("un fichier choisi qui n'est plus là, ou un dossier : message français", () => {
  const dir = tempDir();
  expect(() => readChosenFile(join(dir, 'plan.xlsx'))).toThrow('Dossier ou fichier introuvable : vérifiez le chemin indiqué.');
  expect(() => readChosenFile(dir)).toThrow(UserError);
  writeFileSync(join(dir, 'plan.csv'), 'Titre;Chantier\n');
  expect(readChosenFile(join(dir, 'plan.csv')).toString()).toBe('Titre;Chantier\n');
});

test('un fichier tenu ouvert par un autre programme (EBUSY, EPERM sous Windows) : message français qui le dit', () => {
  const systemError = (code: string) => Object.assign(new Error(`${code}: resource busy or locked, rename 'Plan.xlsx.1234.tmp' -> 'Plan.xlsx'`), { code });
  expect(toUserError(systemError('EBUSY')).message).toBe(
    'Le fichier est ouvert dans un autre programme (Excel, Word, un lecteur de PDF…) : fermez-le, puis recommencez.',
  );
  expect(toUserError(systemError('EPERM')).message).toMatch(/peut-être ouvert dans un autre programme/);
});
