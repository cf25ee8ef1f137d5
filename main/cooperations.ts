// Several cooperations on one computer: Entente opens one data folder, chosen at start by
// the switch --data-dir=… (how Paramètres › Coopérations reopens Entente on another one), else
// ENTENTE_DATA_DIR, else the cooperation opened last, else Electron's userData. The list of them lives in the home folder:
// ENTENTE_HOME if set, else the default userData, the same whichever folder is open.
import { resolve } from 'node:path';

const SWITCH = '--data-dir=';

/** The data folder named on the command line, if any. */
export function dataDirSwitch(argv: readonly string[]): string | undefined {
  const arg = argv.find((value) => value.startsWith(SWITCH));
  return arg && arg.length > SWITCH.length ? resolve(arg.slice(SWITCH.length)) : undefined;
}

/** The folder that holds the registry of this computer's cooperations. */
export function homeFolder(env: NodeJS.ProcessEnv, defaultUserData: string): string {
  return env.ENTENTE_HOME ? resolve(env.ENTENTE_HOME) : defaultUserData;
}

/** This launch's arguments (the app's path in development, the switches), on another data folder. */
export function relaunchArgs(argv: readonly string[], dataDir: string): string[] {
  return [...argv.slice(1).filter((arg) => !arg.startsWith(SWITCH) && !/\.entente$/i.test(arg)), `${SWITCH}${dataDir}`];
}
