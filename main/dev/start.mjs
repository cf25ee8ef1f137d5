// `npm start`: runs the built app in Electron, with better-sqlite3 built for Electron.
// Where Electron's binary or headers cannot be downloaded, it says so and stops.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`\nEntente ne peut pas démarrer : ${message}\n`);
  process.exit(1);
}

let electronPath;
try {
  // The electron package fetches its binary on first use; this throws if that fails.
  electronPath = require('electron');
} catch (error) {
  fail(
    "le programme Electron n'a pas pu être téléchargé (pas d'accès à son serveur de téléchargement).\n" +
      'Les tests (npm test) fonctionnent sans lui : ils exécutent le vrai processus principal, le preload et\n' +
      "l'interface dans Chromium. Pour lancer l'application, relancez npm start sur une machine qui a accès à\n" +
      `Internet, ou installez Electron à la main (npx install-electron). Détail : ${error.message.split('\n')[0]}`,
  );
}

let binding;
try {
  binding = await electronSqliteBinding();
} catch (error) {
  fail(`better-sqlite3 n'a pas pu être construit pour Electron (en-têtes d'Electron inaccessibles ?). Détail : ${error.message}`);
}

// On the app's folder, as `electron .`: Electron reads package.json and runs the app as
// Entente (its name, version and data folder), not as a bare script named Electron.
const child = spawn(electronPath, [ROOT, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ENTENTE_SQLITE_BINDING: binding },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
