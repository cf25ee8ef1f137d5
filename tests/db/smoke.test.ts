import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Store } from '../../db/store';
import { initReplica } from '../../db/project';

test('init and write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-'));
  const store = Store.open(join(dir, 'entente.sqlite'));
  initReplica(store, { name: 'Claire Martin', function: 'Cheffe de projet', partner: '37' });
  expect(store.db.prepare('select count(*) from action where deleted=0').pluck().get()).toBe(14);
  store.write([{ entity: 'action', rowId: 'a1-1', field: 'status', value: 'en_cours' }]);
  expect(store.db.prepare("select status from action where id='a1-1'").pluck().get()).toBe('en_cours');
  expect(store.db.prepare("select count(*) from action_search where action_search match 'tarification*'").pluck().get()).toBe(1);
  store.write([{ entity: 'action', rowId: 'a1-1', field: 'deleted', value: true }]);
  expect(store.db.prepare("select deleted from action where id='a1-1'").pluck().get()).toBe(1);
  store.close();
});
