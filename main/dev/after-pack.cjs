// electron-builder's afterPack (electron-builder.yml): puts better-sqlite3 built for Electron,
// for the package's system and architecture, in the packaged app, in place of the build for
// Node that node_modules keeps for the tests and the CLI (left untouched).
const { copyFileSync } = require('node:fs');
const { join } = require('node:path');

/** The unpacked better_sqlite3.node inside a packaged app. */
function packagedBinding(context) {
  const resources =
    context.electronPlatformName === 'darwin'
      ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(context.appOutDir, 'resources');
  return join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

exports.default = async function afterPack(context) {
  const { Arch } = require('electron-builder');
  // A build made elsewhere (a CI cache, or `npm run dist:check`'s stand-in) may be given.
  const given = process.env.ENTENTE_ELECTRON_SQLITE_BINDING;
  const { electronSqliteBinding } = await import('./electron-sqlite.mjs');
  const binding = given || (await electronSqliteBinding({ platform: context.electronPlatformName, arch: Arch[context.arch] }));
  copyFileSync(binding, packagedBinding(context));
};
