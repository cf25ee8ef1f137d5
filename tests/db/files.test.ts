import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { safeFileName } from '../../db/files';
import { backupNow, listBackups } from '../../db/project/backup';
import { backupDir, databaseBytes, databaseFile, defaultDataDir } from '../../db/paths';
import { Store } from '../../db/store/store';
import { newReplica, tempDir, track } from './helpers';

describe('paths', () => {
  test("the folder Electron names userData for the product 'Entente'", () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x/config' })).toBe(join('/x/config', 'Entente'));
    expect(defaultDataDir('linux', {})).toBe(join(homedir(), '.config', 'Entente'));
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/claire/AppData/Roaming' })).toBe(join('C:/Users/claire/AppData/Roaming', 'Entente'));
    expect(defaultDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Entente'));
    expect(databaseFile('/d')).toBe(join('/d', 'entente.sqlite'));
    expect(backupDir('/d')).toBe(join('/d', 'sauvegardes'));
  });

  test("a database's size counts its write-ahead log, where a new project's data still is", () => {
    const dataDir = tempDir();
    newReplica('Claire Martin', '37', dataDir);
    const file = databaseFile(dataDir);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(databaseBytes(file)).toBe(statSync(file).size + statSync(`${file}-wal`).size);
  });
});

describe('backups', () => {
  test('named by local time, newest first, the 20 newest kept, each a complete file', async () => {
    const dataDir = tempDir();
    const store = newReplica('Claire Martin', '37', dataDir);
    // Older backups, as earlier days left them; and a file that is not a backup.
    const dir = backupDir(dataDir);
    await backupNow(store, dataDir);
    for (let day = 1; day <= 22; day++) writeFileSync(join(dir, `entente-202501${String(day).padStart(2, '0')}-090000.sqlite`), '');
    writeFileSync(join(dir, 'notes.txt'), 'à garder');
    const latest = await backupNow(store, dataDir);
    const backups = listBackups(dataDir);
    expect(backups).toHaveLength(20);
    expect(backups[0]).toEqual(latest);
    expect(backups[1].name).toMatch(/^entente-\d{8}-\d{6}\.sqlite$/); // the same second: not overwritten
    expect(backups[1].name).not.toBe(latest.name);
    expect(backups.at(-1)!.name).toBe('entente-20250105-090000.sqlite');
    expect(backups[2].created_at).toBe(new Date(2025, 0, 22, 9, 0, 0).toISOString());
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.partiel') || name.endsWith('-wal'))).toEqual([]);
    const copy = track(Store.open(latest.file));
    expect(copy.db.prepare('SELECT count(*) FROM action WHERE deleted = 0').pluck().get()).toBe(14);
  });
});

describe('noms de fichiers', () => {
  test('un titre de 500 caractères accentués : coupé avec « … » sous 200 octets ; ni point ni espace à la fin, que Windows retirerait', () => {
    const long = safeFileName(`Convocation - ${'Réunion élargie des équipes '.repeat(20)}`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^Convocation - Réunion élargie.*[^ ]…$/u);
    expect(safeFileName('Rapport final. ')).toBe('Rapport final');
    expect(safeFileName('Compte rendu : CODIRI 3/2027')).toBe('Compte rendu - CODIRI 3-2027');
  });
});
