// A .entente file the system asked Entente to open (a double-click on an exchange file or an
// invitation): from the command line at start, from a second launch while Entente is open
// (its argv), or from macOS's open-file. The window shows it with its preview first.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const isEntenteFile = (arg: string) => /\.entente$/i.test(arg) && existsSync(arg) && statSync(arg).isFile();

function safeFilePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class OpenedFiles {
  private pending?: string;
  private offers = 0;

  /** The file the system asked to open, if any. */
  get file(): string | undefined {
    return this.pending;
  }

  /** Which offer the pending file is: two files of the same name from two folders are two offers. */
  get id(): number {
    return this.offers;
  }

  /** The last .entente file among a launch's arguments (paths, or file:// URIs as some desktops pass them); answers whether there was one. */
  offerArgv(argv: readonly string[], cwd = process.cwd()): boolean {
    const paths = argv.map((arg) => (/^file:\/\//i.test(arg) ? safeFilePath(arg) : resolve(cwd, arg)));
    const file = paths.reverse().find((path): path is string => path !== undefined && isEntenteFile(path));
    if (file) this.offer(file);
    return file !== undefined;
  }

  /** A path given by macOS's open-file; answers whether it is a .entente file. */
  offerPath(path: string): boolean {
    if (!isEntenteFile(path)) return false;
    this.offer(path);
    return true;
  }

  private offer(file: string): void {
    this.pending = file;
    this.offers++;
  }

  clear(): void {
    this.pending = undefined;
  }
}
