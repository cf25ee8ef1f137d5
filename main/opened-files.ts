// A .entente file the system asked Entente to open (a double-click on an exchange file or an
// invitation): from the command line at start, from a second launch while Entente is open
// (its argv), or from macOS's open-file. The window shows it with its preview first.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const isEntenteFile = (arg: string) => /\.entente$/i.test(arg) && existsSync(arg) && statSync(arg).isFile();

export class OpenedFiles {
  private pending?: string;

  /** The file the system asked to open, if any. */
  get file(): string | undefined {
    return this.pending;
  }

  /** The last .entente file among a launch's arguments; answers whether there was one. */
  offerArgv(argv: readonly string[], cwd = process.cwd()): boolean {
    const file = [...argv].reverse().find((arg) => isEntenteFile(resolve(cwd, arg)));
    if (file) this.pending = resolve(cwd, file);
    return file !== undefined;
  }

  offerPath(path: string): void {
    this.pending = path;
  }

  clear(): void {
    this.pending = undefined;
  }
}
