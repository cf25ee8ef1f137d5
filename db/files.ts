// Files the app writes (exchange files, PDFs, calendars, invitations): whole or not at all.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toUserError } from './errors';

/** At most this many bytes of UTF-8 before the extension: systems take 255, and a title may run to 500 characters. */
const NAME_BYTES = 200;

/**
 * A file name every system takes: the characters Windows refuses become « - », a name too
 * long is cut with « … » before its `extension` (kept whole), and the name ends with
 * neither dot nor space (Windows drops them, and the file would no longer be found by the
 * name written elsewhere).
 */
export function safeFileName(text: string, extension = ''): string {
  let name = text.replace(/[<>:"/\\|?*\p{Cc}]/gu, '-').trim();
  if (Buffer.byteLength(name) > NAME_BYTES) {
    const characters = [...name];
    while (Buffer.byteLength(`${characters.join('')}…`) > NAME_BYTES) characters.pop();
    name = `${characters.join('').trimEnd()}…`;
  }
  return `${name.replace(/[. ]+$/u, '')}${extension}`;
}

/**
 * Written under a temporary name, on disk, then renamed: a reader never sees half a file, nor,
 * after a power cut, a file renamed before its bytes were written.
 */
export function writeFileAtomically(target: string, bytes: Buffer | string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
    syncFolderOf(target);
  } catch (error) {
    // A full disk or a key pulled out: no half file left behind, and a French message.
    rmSync(temporary, { force: true });
    throw toUserError(error);
  }
}

/**
 * Puts the rename itself on disk: without it, a power cut can lose a file the database
 * already counts as written (a shared folder's). Windows has no such call for a folder, and
 * some network file systems refuse it: the file is written all the same.
 */
function syncFolderOf(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dirname(file), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the rename is done.
  }
}

/** A file the user chose (to import, to join with), or a French message: gone since, unreadable, a folder. */
export function readChosenFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw toUserError(error);
  }
}
