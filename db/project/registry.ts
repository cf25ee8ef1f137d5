// The cooperations of this computer: one data folder each, listed in `cooperations.json` of
// the home folder (main/cooperations.ts says which), so that Paramètres › Coopérations can
// offer to open another one or to start a new one in a folder of its own.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ValidationError } from '../errors';
import { writeFileAtomically } from '../files';

/** One cooperation: its name once its first start is done (null before), and its data folder. */
export interface Cooperation {
  name: string | null;
  dataDir: string;
  /** When Entente last opened it (ISO), absent before: a start that names no folder opens the latest. */
  opened?: string;
}

export const REGISTRY_FILE = 'cooperations.json';
/** New cooperations' data folders, beside the registry. */
export const COOPERATIONS_FOLDER = 'cooperations';

const registryFile = (home: string) => join(home, REGISTRY_FILE);

const isCooperation = (value: unknown): value is Cooperation =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Cooperation).dataDir === 'string' &&
  ((value as Cooperation).name === null || typeof (value as Cooperation).name === 'string') &&
  ((value as Cooperation).opened === undefined || typeof (value as Cooperation).opened === 'string');

/** The registry as kept; none yet is an empty list, a damaged one is said in French. */
export function readRegistry(home: string): Cooperation[] {
  const file = registryFile(home);
  if (!existsSync(file)) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    entries = undefined;
  }
  if (!Array.isArray(entries) || !entries.every(isCooperation)) {
    throw new ValidationError(
      `La liste des coopérations de cet ordinateur (${file}) est illisible : supprimez ce fichier, Entente la refera en ouvrant chaque coopération.`,
    );
  }
  return entries.map(({ name, dataDir, opened }) => (opened === undefined ? { name, dataDir } : { name, dataDir, opened }));
}

/**
 * Adds a data folder to the registry, or gives it its current name (and the time it was
 * opened, when it is). A null name (a first start not done yet) never erases a known one.
 */
export function registerCooperation(home: string, cooperation: Cooperation): Cooperation[] {
  const dataDir = resolve(cooperation.dataDir);
  const entries = readRegistry(home);
  const known = entries.find((entry) => resolve(entry.dataDir) === dataDir);
  if (known && (cooperation.name === null || known.name === cooperation.name) && cooperation.opened === undefined) return entries;
  if (known) {
    if (cooperation.name !== null) known.name = cooperation.name;
    if (cooperation.opened !== undefined) known.opened = cooperation.opened;
  } else entries.push({ ...cooperation, dataDir });
  mkdirSync(home, { recursive: true });
  writeFileAtomically(registryFile(home), `${JSON.stringify(entries, null, 2)}\n`);
  return entries;
}

/** The folder of the cooperation opened last, if it is still there; none when the registry cannot be read. */
export function lastOpenedCooperation(home: string): string | undefined {
  let entries: Cooperation[];
  try {
    entries = readRegistry(home);
  } catch {
    return undefined;
  }
  const opened = entries.filter((entry) => entry.opened !== undefined && existsSync(entry.dataDir));
  return opened.sort((a, b) => (a.opened! < b.opened! ? 1 : -1))[0]?.dataDir;
}

/** Takes a cooperation off the list of this computer; its data folder stays as it is. */
export function forgetCooperation(home: string, dataDir: string): Cooperation[] {
  const known = registeredCooperation(home, dataDir);
  const entries = readRegistry(home).filter((entry) => resolve(entry.dataDir) !== resolve(known.dataDir));
  writeFileAtomically(registryFile(home), `${JSON.stringify(entries, null, 2)}\n`);
  return entries;
}

/** The registered cooperation of that folder, or a French refusal: only those may be opened. */
export function registeredCooperation(home: string, dataDir: string): Cooperation {
  const found = readRegistry(home).find((entry) => resolve(entry.dataDir) === resolve(dataDir));
  if (!found) throw new ValidationError("Ce dossier n'est pas l'une des coopérations de cet ordinateur.");
  return found;
}

/** A new empty data folder under the home folder, registered without a name yet. */
export function newCooperationFolder(home: string): string {
  const parent = join(home, COOPERATIONS_FOLDER);
  mkdirSync(parent, { recursive: true });
  const dataDir = join(parent, `cooperation-${randomBytes(4).toString('hex')}`);
  mkdirSync(dataDir);
  registerCooperation(home, { name: null, dataDir });
  return dataDir;
}
