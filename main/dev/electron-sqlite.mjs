// better-sqlite3 is a native module: node_modules holds the build for Node (tests, CLI);
// the app loads a second build, for Electron's ABI, kept in .cache/ — in development
// (npm start) and in the packages (main/dev/after-pack.cjs copies it into the app). So
// `npm start`, `npm test` and `npm run dist` never rebuild each other's copy.
// The build for Electron is the binary better-sqlite3 publishes for that Electron version
// and system when it can be downloaded; only without it is it compiled (node-gyp, which
// needs a C++ toolchain and Electron's headers).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** The better_sqlite3.node built for this project's Electron, on `platform` and `arch` (this machine's by default). */
export async function electronSqliteBinding({ platform = process.platform, arch = process.arch } = {}) {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const buildRoot = join(ROOT, '.cache/electron-sqlite', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}-${platform}-${arch}`);
  const moduleDir = join(buildRoot, 'node_modules/better-sqlite3');
  const binding = join(moduleDir, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;

  mkdirSync(buildRoot, { recursive: true });
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  const run = (script, args) => spawnSync(process.execPath, [script, ...args], { cwd: moduleDir, stdio: 'inherit' }).status === 0 && existsSync(binding);

  // The prebuilt binary: what better-sqlite3's own install step fetches, for Electron.
  const prebuilt = run(require.resolve('prebuild-install/bin.js'), [
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--platform=${platform}`,
    `--arch=${arch}`,
  ]);
  if (prebuilt) return binding;

  // node-gyp builds for this machine only: a package for another system needs the published binary.
  if (platform !== process.platform)
    throw new Error(
      `Pas de binaire publié de better-sqlite3 pour Electron ${electronVersion} (${platform}-${arch}), et il ne se compile pas depuis ${process.platform}.`,
    );
  console.error(
    `\nPas de binaire publié de better-sqlite3 ${sqliteVersion} pour Electron ${electronVersion} (${platform}-${arch}) accessible : ` +
      'il est compilé sur cette machine (il faut python3, make et un compilateur C++).\n',
  );
  const nodeGyp = process.env.npm_config_node_gyp || require.resolve('node-gyp/bin/node-gyp.js');
  const compiled = run(nodeGyp, [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ]);
  if (!compiled) throw new Error(`better-sqlite3 n'a pu être ni téléchargé ni compilé pour Electron ${electronVersion} (${platform}-${arch}).`);
  return binding;
}
