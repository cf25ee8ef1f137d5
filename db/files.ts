// Files the app writes (exchange files, PDFs, calendars, invitations): whole or not at all.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { toUserError } from './errors';

/** A file name every system takes: the characters Windows refuses become « - ». */
export const safeFileName = (text: string) => text.replace(/[<>:"/\\|?*\p{Cc}]/gu, '-').trim();

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
  } catch (error) {
    // A full disk or a key pulled out: no half file left behind, and a French message.
    rmSync(temporary, { force: true });
    throw toUserError(error);
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
