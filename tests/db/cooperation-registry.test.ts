// The registry of this computer's cooperations (db/project/registry.ts) and the switch that
// reopens Entente on one of them (main/cooperations.ts).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetCooperation,
  lastOpenedCooperation,
  newCooperationFolder,
  readRegistry,
  registerCooperation,
  registeredCooperation,
  REGISTRY_FILE,
} from '../../db/project/registry';
import { dataDirSwitch, homeFolder, relaunchArgs } from '../../main/cooperations';

let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'entente-registry-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('registre des coopérations', () => {
  it('est vide avant la première coopération, puis garde chacune une fois, sous son dernier nom', () => {
    expect(readRegistry(home)).toEqual([]);
    registerCooperation(home, { name: null, dataDir: home });
    registerCooperation(home, { name: 'Coopération 37 – 41', dataDir: `${home}/` });
    const other = join(home, 'cooperations', 'autre');
    registerCooperation(home, { name: 'Val de Cher', dataDir: other });
    // A first start not known yet never erases a name.
    registerCooperation(home, { name: null, dataDir: other });
    expect(readRegistry(home)).toEqual([
      { name: 'Coopération 37 – 41', dataDir: home },
      { name: 'Val de Cher', dataDir: other },
    ]);
    expect(JSON.parse(readFileSync(join(home, REGISTRY_FILE), 'utf8'))).toHaveLength(2);
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(home).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('crée un dossier vide et nouveau à chaque fois, inscrit sans nom', () => {
    const first = newCooperationFolder(home);
    const second = newCooperationFolder(home);
    expect(first).not.toBe(second);
    expect(first.startsWith(join(home, 'cooperations', 'cooperation-'))).toBe(true);
    expect(statSync(first).isDirectory() && readdirSync(first)).toEqual([]);
    expect(readRegistry(home)).toEqual([
      { name: null, dataDir: first },
      { name: null, dataDir: second },
    ]);
  });

  it('rouvre la dernière coopération ouverte, si son dossier existe encore', () => {
    expect(lastOpenedCooperation(home)).toBeUndefined();
    const first = newCooperationFolder(home);
    const second = newCooperationFolder(home);
    expect(lastOpenedCooperation(home)).toBeUndefined();
    registerCooperation(home, { name: 'Val de Cher', dataDir: second, opened: '2026-12-01T08:00:00.000Z' });
    registerCooperation(home, { name: null, dataDir: first, opened: '2026-12-02T09:30:00.000Z' });
    expect(lastOpenedCooperation(home)).toBe(first);
    expect(readRegistry(home)[1]).toEqual({ name: 'Val de Cher', dataDir: second, opened: '2026-12-01T08:00:00.000Z' });
    rmSync(first, { recursive: true });
    expect(lastOpenedCooperation(home)).toBe(second);
    writeFileSync(join(home, REGISTRY_FILE), '{pas du json');
    expect(lastOpenedCooperation(home)).toBeUndefined();
  });

  it('retire une coopération de la liste sans toucher à son dossier', () => {
    const kept = newCooperationFolder(home);
    const forgotten = newCooperationFolder(home);
    expect(forgetCooperation(home, `${forgotten}/`)).toEqual([{ name: null, dataDir: kept }]);
    expect(readRegistry(home)).toEqual([{ name: null, dataDir: kept }]);
    expect(statSync(forgotten).isDirectory()).toBe(true);
    expect(() => forgetCooperation(home, forgotten)).toThrow("Ce dossier n'est pas l'une des coopérations de cet ordinateur.");
  });

  it("n'ouvre qu'un dossier inscrit", () => {
    const folder = newCooperationFolder(home);
    expect(registeredCooperation(home, folder).dataDir).toBe(folder);
    expect(() => registeredCooperation(home, '/etc')).toThrow("Ce dossier n'est pas l'une des coopérations de cet ordinateur.");
  });

  it('dit en français un registre illisible', () => {
    writeFileSync(join(home, REGISTRY_FILE), '[{"dataDir": 3}]');
    expect(() => readRegistry(home)).toThrow(/La liste des coopérations de cet ordinateur .* est illisible/);
    writeFileSync(join(home, REGISTRY_FILE), '{pas du json');
    expect(() => registerCooperation(home, { name: 'X', dataDir: home })).toThrow(/illisible/);
  });
});

describe('changer de coopération', () => {
  it('lit --data-dir= sur la ligne de commande', () => {
    expect(dataDirSwitch(['/usr/bin/entente', '--data-dir=/srv/coop'])).toBe('/srv/coop');
    expect(dataDirSwitch(['/usr/bin/entente', '--data-dir='])).toBeUndefined();
    expect(dataDirSwitch(['/usr/bin/entente'])).toBeUndefined();
  });

  it('garde le registre dans ENTENTE_HOME, sinon dans le dossier par défaut', () => {
    expect(homeFolder({ ENTENTE_HOME: '/srv/maison' }, '/home/a/.config/Entente')).toBe('/srv/maison');
    expect(homeFolder({ ENTENTE_DATA_DIR: '/srv/autre' }, '/home/a/.config/Entente')).toBe('/home/a/.config/Entente');
  });

  it('relance avec les mêmes arguments, sur le nouveau dossier seulement', () => {
    expect(relaunchArgs(['/usr/bin/electron', '.', '--data-dir=/srv/a', '/tmp/envoi.entente'], '/srv/b')).toEqual(['.', '--data-dir=/srv/b']);
  });
});
