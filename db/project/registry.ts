// The cooperations of this computer: one data folder each, listed in `cooperations.json` of
// the home folder (main/cooperations.ts says which), so that Paramètres › Projets can
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
}

export const REGISTRY_FILE = 'cooperations.json';
/** New cooperations' data folders, beside the registry. */
export const COOPERATIONS_FOLDER = 'cooperations';

const registryFile = (home: string) => join(home, REGISTRY_FILE);

const isCooperation = (value: unknown): value is Cooperation =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Cooperation).dataDir === 'string' &&
  ((value as Cooperation).name === null || typeof (value as Cooperation).name === 'string');

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
  return entries.map(({ name, dataDir }) => ({ name, dataDir }));
}

/**
 * Adds a data folder to the registry, or gives it its current name. A null name (a first
 * start not done yet) never erases a known one.
 */
export function registerCooperation(home: string, cooperation: Cooperation): Cooperation[] {
  const dataDir = resolve(cooperation.dataDir);
  const entries = readRegistry(home);
  const known = entries.find((entry) => resolve(entry.dataDir) === dataDir);
  if (known && (cooperation.name === null || known.name === cooperation.name)) return entries;
  if (known) known.name = cooperation.name;
  else entries.push({ name: cooperation.name, dataDir });
  mkdirSync(home, { recursive: true });
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
