// The e-mail drafts (.eml) main wrote in this session, and opening one with the system's mail
// program (Outlook, Thunderbird) from the notification that says it is ready. The page names
// the file; only a draft main wrote itself is opened.
import { shell } from 'electron';
import { refusal } from '../db/errors';

const prepared = new Set<string>();

export function rememberPreparedEmail(file: string): void {
  prepared.add(file);
}

export async function openPreparedEmail(file: string): Promise<void> {
  if (!prepared.has(file)) throw refusal('email-draft-unknown');
  const failure = await shell.openPath(file);
  if (failure) throw refusal('email-draft-not-opened', file);
}
