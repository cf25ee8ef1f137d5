// `npm run dist:check`: packages the app as `npm run dist` does (electron-builder, the same
// configuration, afterPack and fuses), around a stand-in Electron folder since Electron's
// binary cannot always be downloaded, then checks what the packaged app holds: the bundles
// and package.json in the asar and nothing else of the project, better-sqlite3's native file
// unpacked and put there by afterPack, the fuses set in the binary, and node_modules left as
// it was. Prints the asar's size. Linux layout (electron-builder --dir); the installers
// themselves are built by the release workflow on each system.
import { listPackage } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const work = join(ROOT, '.cache/dist-check');
const standIn = join(work, 'electron');
const output = join(work, 'release');
const problems = [];
const check = (ok, message) => ok || problems.push(message);
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

// A stand-in Electron: the binary carries the fuse wire as Electron's does (sentinel, version,
// length, one byte per fuse: '1' on, '0' off), with Electron's defaults.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';
rmSync(work, { recursive: true, force: true });
mkdirSync(join(standIn, 'resources'), { recursive: true });
mkdirSync(join(standIn, 'locales'));
for (const locale of ['fr', 'en-US', 'de', 'es']) writeFileSync(join(standIn, 'locales', `${locale}.pak`), locale);
writeFileSync(
  join(standIn, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho "Electron de substitution (npm run dist:check)"\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
  ]),
);
chmodSync(join(standIn, 'electron'), 0o755);
for (const file of ['LICENSE', 'LICENSES.chromium.html', 'version'])
  writeFileSync(join(standIn, file), file === 'version' ? require('electron/package.json').version : '');
const standInBinding = join(work, 'better_sqlite3.electron-stand-in.node');
writeFileSync(standInBinding, 'binaire de substitution de better-sqlite3 pour Electron');

const nodeBinding = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node');
const nodeBindingBefore = sha(nodeBinding);

const builder = spawnSync(
  process.execPath,
  [
    require.resolve('electron-builder/cli.js'),
    '--linux',
    'dir',
    '--config',
    'electron-builder.yml',
    `-c.electronDist=${standIn}`,
    `-c.directories.output=${output}`,
  ],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ENTENTE_ELECTRON_SQLITE_BINDING: standInBinding } },
);
if (builder.status !== 0) {
  console.error("\nL'empaquetage a échoué (electron-builder, voir ci-dessus).");
  process.exit(1);
}

const app = join(output, 'linux-unpacked');
const asar = join(app, 'resources/app.asar');
check(existsSync(asar), "pas d'archive app.asar dans l'application empaquetée");
const files = existsSync(asar) ? listPackage(asar, { isPack: false }).map((file) => file.replaceAll('\\', '/')) : [];
for (const needed of ['/package.json', '/dist/main/index.cjs', '/dist/main/sync-worker.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html']) {
  check(files.includes(needed), `${needed} manque dans l'archive`);
}
const unexpected = files.filter(
  (file) =>
    /^\/(tests|db|main|renderer|preload|common|bench|docs|assets|\.cache|release)\//.test(file) ||
    (/\.(ts|tsx|map|md)$/.test(file) && !/\/LICENSE[^/]*$/.test(file)) ||
    /^\/node_modules\/better-sqlite3\/(src|deps|docs|benchmark|test)\//.test(file) ||
    /^\/node_modules\/(electron|playwright|vitest|typescript|@types)\b/.test(file),
);
check(unexpected.length === 0, `fichiers qui n'ont rien à faire dans l'archive : ${unexpected.slice(0, 10).join(', ')}`);
check(
  !files.some((file) => /^\/dist\/[^/]+\//.test(file) && !/^\/dist\/(main|preload|renderer)\//.test(file)),
  "d'autres parties de dist/ que main, preload et renderer",
);
const modules = [...new Set(files.filter((file) => file.startsWith('/node_modules/')).map((file) => file.split('/')[2]))].sort();
check(
  modules.join() === 'better-sqlite3,bindings,file-uri-to-path',
  `modules empaquetés : ${modules.join(', ')} (attendus : better-sqlite3, bindings, file-uri-to-path)`,
);

const packagedBinding = join(app, 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
check(existsSync(packagedBinding), 'better_sqlite3.node absent hors de l’archive (app.asar.unpacked)');
check(
  existsSync(packagedBinding) && sha(packagedBinding) === sha(standInBinding),
  'le better_sqlite3.node empaqueté n’est pas celui pour Electron (afterPack)',
);
check(sha(nodeBinding) === nodeBindingBefore, "node_modules/better-sqlite3 a été modifié par l'empaquetage");

const locales = readdirSync(join(app, 'locales'));
check(locales.join() === 'fr.pak', `langues de Chromium gardées : ${locales.join(', ')} (seul le français est attendu)`);

const wire = await getCurrentFuseWire(join(app, 'entente'));
const expected = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};
for (const [name, on] of Object.entries(expected)) {
  const state = String.fromCharCode(wire[FuseV1Options[name]]);
  check(state === (on ? '1' : '0'), `fusible ${name} : ${state === '1' ? 'activé' : 'désactivé'}, attendu ${on ? 'activé' : 'désactivé'}`);
}

console.log(`\nArchive de l'application : ${(statSync(asar).size / 1024 / 1024).toFixed(1).replace('.', ',')} Mo, ${files.length} entrées`);
console.log(
  `Fusibles : ${Object.entries(expected)
    .map(([name, on]) => `${name}=${on ? 'oui' : 'non'}`)
    .join(', ')}`,
);
if (problems.length) {
  console.error(`\nL'application empaquetée ne va pas :\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log("dist:check : l'application empaquetée contient ce qu'il faut, rien de plus.");
