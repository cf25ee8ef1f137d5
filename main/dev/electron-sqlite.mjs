// better-sqlite3 is a native module: node_modules holds the build for Node (tests, CLI);
// the app in development loads a second build, for Electron's ABI, kept in .cache/. So
// `npm start` and `npm test` never rebuild each other's copy, in whatever order they run.
// (Packaged apps need none of this: electron-builder rebuilds node_modules for Electron.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
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
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  // The same build as better-sqlite3's own install step, against Electron's headers.
  const nodeGyp = process.env.npm_config_node_gyp || require.resolve('node-gyp/bin/node-gyp.js');
  const build = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: moduleDir, stdio: 'inherit' },
  );
  if (build.status !== 0 || !existsSync(binding)) throw new Error(`better-sqlite3 n'a pas été construit pour Electron ${electronVersion}.`);
  return binding;
}
