import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { expect, test } from 'vitest';
import { listBackups } from '../../db/project/backup';
import { databaseFile } from '../../db/paths';
import { getAction } from '../../db/actions/reads';
import { Session } from '../../main/session';
import { Store } from '../../db/store/store';
import { derivedKey, unlockWithPassphrase } from '../../db/sync/keys';
import { changePassphrase } from '../../db/sync/passphrase';
import { tempDir } from '../db/helpers';

test("une base abîmée découverte en cours d'utilisation ferme le fichier et propose la restauration", async () => {
  const dataDir = tempDir();
  const session = new Session(dataDir, '0.1.0');
  session.open();
  session.completeFirstStart({ name: 'Claire Martin', function: null, partner_id: 'd37' });
  // The replica id the backup holds: the one this laptop wrote under until the restore.
  const first = session.state();
  const replicaBefore = first.status === 'ready' ? first.replica_id : undefined;
  expect(replicaBefore).toBeTruthy();
  await session.settle();
  expect(listBackups(dataDir)).toHaveLength(1);
  session.close();

  // Page 1 stays sound (the open succeeds); the action table's root page is overwritten.
  const raw = new Database(databaseFile(dataDir));
  raw.pragma('journal_mode = DELETE');
  const rootPage = raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'action'").pluck().get() as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const fd = openSync(databaseFile(dataDir), 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootPage - 1) * pageSize);
  closeSync(fd);

  session.open();
  expect(session.state().status).toBe('ready');
  let failure: unknown;
  try {
    getAction(session.requireStore(), 'a1-1');
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeDefined();
  expect(session.reportFailure(failure)).toMatchObject({ code: 'corrupt-database' });
  const state = session.state();
  expect(state.status).toBe('error');
  if (state.status === 'error') {
    expect(state.error.message).toMatch(/endommagée/);
    expect(state.backups).toHaveLength(1);
    const restored = session.restoreBackup(state.backups[0].name);
    expect(restored.status).toBe('ready');
  }
  // After a restore, this laptop writes under a new replica id.
  const replica = session.state();
  expect(replica.status).toBe('ready');
  const replicaAfter = replica.status === 'ready' ? replica.replica_id : undefined;
  expect(replicaAfter).toBeTruthy();
  expect(replicaAfter).not.toBe(replicaBefore);
  await session.settle();
  session.close();
});

test('une sauvegarde est faite dès le premier démarrage', async () => {
  const dataDir = tempDir();
  const session = new Session(dataDir, '0.1.0');
  session.open();
  session.completeFirstStart({ name: 'Nadia Benali', function: 'Chargée de mission', partner_id: 'd41' });
  await session.settle();
  const [backup] = listBackups(dataDir);
  expect(backup.bytes).toBeGreaterThan(0);
  session.close();
});

test('une sauvegarde demandée par la personne est attendue avant de quitter, comme la quotidienne', async () => {
  const dataDir = tempDir();
  const session = new Session(dataDir, '0.1.0');
  session.open();
  session.completeFirstStart({ name: 'Nadia Benali', function: 'Chargée de mission', partner_id: 'd41' });
  await session.settle();
  const asked = session.backupByUser();
  // Quitting (main/index.ts, will-quit) asks this before closing the file.
  expect(session.backupUnderWay).toBe(true);
  await session.settle();
  expect(session.backupUnderWay).toBe(false);
  const backup = await asked;
  expect(listBackups(dataDir).map((found) => found.file)).toContain(backup.file);
  session.close();
});

test("sans sauvegarde, « repartir d'un dossier vierge » garde le fichier endommagé de côté et revient au premier démarrage", () => {
  const dataDir = tempDir();
  writeFileSync(databaseFile(dataDir), randomBytes(64 * 1024));
  const session = new Session(dataDir, '0.1.0');
  session.open();
  expect(session.state()).toMatchObject({ status: 'error', error: { code: 'corrupt-database' }, backups: [] });
  expect(session.startOver().status).toBe('first-start');
  expect(readdirSync(dataDir).filter((name) => name.startsWith('entente.sqlite.endommagee-'))).toHaveLength(1);
  session.close();
});

test("la personne de ce poste, supprimée ailleurs, revient : l'application s'ouvre", async () => {
  const session = new Session(tempDir(), '0.1.0');
  session.open();
  session.completeFirstStart({ name: 'Claire Martin', function: null, partner_id: 'd37' });
  const store = session.requireStore();
  store.write([{ entity: 'person', rowId: store.personId!, field: 'deleted', value: true }]);
  expect(session.state()).toMatchObject({ status: 'ready', me: { name: 'Claire Martin' } });
  await session.settle();
  session.close();
});

/** Electron's safeStorage as main uses it: a system keychain, or Linux's plain-text fallback. */
function fakeSafeStorage(backend: 'gnome_libsecret' | 'basic_text') {
  const prefix = Buffer.from('scellé:');
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.concat([prefix, Buffer.from(plain).reverse()]),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.subarray(prefix.length)).reverse().toString(),
  };
}

test('les clés du poste : gardées par le trousseau du système entre deux démarrages, sinon demandées', async () => {
  const dataDir = tempDir();
  const start = (backend: 'gnome_libsecret' | 'basic_text') => {
    const session = new Session(dataDir, '0.3.0', undefined, fakeSafeStorage(backend));
    session.open();
    return session;
  };
  const first = start('gnome_libsecret');
  first.completeFirstStart({ name: 'Claire Martin', function: null, partner_id: 'd37' });
  await first.settle();
  const store = () => first.requireStore();
  expect(first.keys.state(store())).toBe('none');
  expect(() => first.keys.enter(store(), 'trop court')).toThrow('au moins 12 caractères');
  first.keys.enter(store(), 'verger-citron-marelle-ruisseau');
  expect(first.keys.state(store())).toBe('ready');
  first.close();

  // Restarted: the keychain opens the keys, no passphrase asked.
  const again = start('gnome_libsecret');
  expect(again.keys.state(again.requireStore())).toBe('ready');
  again.close();

  // Linux without a keyring: asked before keeping anything; refused, the keys are locked at each start.
  if (process.platform !== 'linux') return;
  const plain = start('basic_text');
  const plainStore = plain.requireStore();
  expect(plain.keys.keychainState(plainStore)).toBe('plain-text');
  // Opened by the old system seal? No: the fallback is not used until the user accepts it.
  expect(plain.keys.state(plainStore)).toBe('locked');
  expect(() => plain.keys.enter(plainStore, 'verger-citron-marelle')).toThrow("Ce n'est pas la phrase de passe de cet ordinateur.");
  plain.keys.enter(plainStore, 'verger-citron-marelle-ruisseau');
  plain.keys.answerPlainText(plainStore, false);
  expect(plain.keys.keychainState(plainStore)).toBe('plain-text-refused');
  plain.close();
  const refused = start('basic_text');
  expect(refused.keys.state(refused.requireStore())).toBe('locked');
  refused.keys.enter(refused.requireStore(), 'verger-citron-marelle-ruisseau');
  refused.keys.answerPlainText(refused.requireStore(), true);
  refused.close();
  const accepted = start('basic_text');
  expect(accepted.keys.state(accepted.requireStore())).toBe('ready');
  accepted.close();
});

test("la phrase de passe changée en ligne de commande pendant que l'application est ouverte : la nouvelle est demandée", async () => {
  const dataDir = tempDir();
  const session = new Session(dataDir, '0.3.0', undefined, fakeSafeStorage('gnome_libsecret'));
  session.open();
  session.completeFirstStart({ name: 'Claire Martin', function: null, partner_id: 'd37' });
  await session.settle();
  const store = () => session.requireStore();
  session.keys.enter(store(), 'verger-citron-marelle-ruisseau');
  expect(session.keys.state(store())).toBe('ready');

  // `entente passphrase change`, another process on the same data folder.
  const cli = Store.open(databaseFile(dataDir));
  changePassphrase(cli, unlockWithPassphrase(cli, 'verger-citron-marelle-ruisseau')!, 'colline-orage-tilleul-pivoine');
  cli.close();

  // The keys in memory would seal files with the old passphrase: forgotten, the new one asked for.
  expect(session.keys.state(store())).toBe('locked');
  expect(() => session.keys.require(store())).toThrow(expect.objectContaining({ code: 'keys-locked' }));
  expect(() => session.keys.enter(store(), 'verger-citron-marelle-ruisseau')).toThrow("C'est l'ancienne phrase de passe");
  session.keys.enter(store(), 'colline-orage-tilleul-pivoine');
  expect(session.keys.require(store()).keys.map((key) => key.id)).toEqual([
    derivedKey('colline-orage-tilleul-pivoine', 'p-coop-37-41').id,
    derivedKey('verger-citron-marelle-ruisseau', 'p-coop-37-41').id,
  ]);
  session.close();

  // Sealed by the keychain again: the next start opens them without asking.
  const again = new Session(dataDir, '0.3.0', undefined, fakeSafeStorage('gnome_libsecret'));
  again.open();
  expect(again.keys.state(again.requireStore())).toBe('ready');
  again.close();
});
