// better-sqlite3 is a native module: node_modules holds the build for Node (tests, CLI);
// the app in development loads a second build, for Electron's ABI, kept in .cache/. So
// `npm start` and `npm test` never rebuild each other's copy, in whatever order they run.
// (Packaged apps need none of this: electron-builder rebuilds node_modules for Electron.)
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export async function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const buildRoot = join(ROOT, '.cache/electron-sqlite', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const moduleDir = join(buildRoot, 'node_modules/better-sqlite3');
  const binding = join(moduleDir, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;

  mkdirSync(buildRoot, { recursive: true });
  writeFileSync(join(buildRoot, 'package.json'), JSON.stringify({ name: 'electron-sqlite', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: buildRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error(`better-sqlite3 n'a pas été construit pour Electron ${electronVersion}.`);
  return binding;
}
