// The links of an action (liens), opened outside the app: web and mail links in the user's
// browser or mail client; a document only after the user saw its full path and said yes,
// and never anything else, nor a file on another computer (a link may have come by sync
// from another laptop: a click must not run what someone else wrote).
import { shell, type BrowserWindow } from 'electron';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, posix, win32 } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { safeFileName, writeFileAtomically } from '../db/files';
import { confirmOpenFile, tellLinkRefused } from './dialogs';

/**
 * The documents a link may open: office files, PDFs, text, images, mail. Anything else — a
 * program, a script, a shortcut, a disk image, a help file… there are too many ways to run
 * code to list them — is refused.
 */
const DOCUMENTS = new Set(
  ('pdf doc docx docm odt ott rtf txt md csv tsv xls xlsx xlsm ods ots ppt pptx odp otp odg ' + 'png jpg jpeg gif webp bmp tif tiff eml msg vcf ics')
    .split(' ')
    .map((extension) => `.${extension}`),
);

/** Names Windows takes for a device whatever their extension (« CON.pdf » is the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** What a link opens (a path or an address), or why it is refused, in French. */
export type LinkVerdict = { open: string } | { refused: string };

/** Whether a file:// link may be opened, and the path to show the user first. */
export function fileLinkVerdict(url: string, platform: NodeJS.Platform = process.platform): LinkVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { refused: `Ce lien n'est pas une adresse de fichier valable : ${url}` };
  }
  if (parsed.hostname && parsed.hostname !== 'localhost') {
    return {
      refused:
        `Ce lien désigne un fichier d'un autre ordinateur du réseau (${parsed.hostname}) : Entente ne l'ouvre pas. ` +
        "Ouvrez-le depuis l'explorateur de fichiers si vous connaissez ce partage.",
    };
  }
  const windows = platform === 'win32';
  let path: string;
  try {
    path = fileURLToPath(parsed, { windows });
  } catch {
    return { refused: `Ce lien n'est pas une adresse de fichier valable sur cet ordinateur : ${url}` };
  }
  // A control character cuts the path where the system reads it (« outil.exe%00.pdf » opens
  // outil.exe); a direction mark shows « exe.pdf » for « fdp.exe ». Neither is in a real name.
  if (/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(path)) {
    return { refused: `Ce lien désigne un fichier au nom trompeur (caractères invisibles) : Entente ne l'ouvre pas. Lien : ${encodeURI(path)}` };
  }
  // Windows opens « a.exe. » or « a.exe  » as a.exe, and « a.pdf:flux » is a hidden stream of a.pdf.
  const name = (windows ? win32 : posix).basename(path);
  const shown = windows ? name.replace(/[. ]+$/, '') : name;
  if (windows && (shown !== name || shown.includes(':'))) {
    return { refused: `Ce lien désigne un fichier au nom trompeur (${name}) : Entente ne l'ouvre pas.` };
  }
  const extension = (windows ? win32 : posix).extname(shown).toLowerCase();
  if (!DOCUMENTS.has(extension)) {
    return {
      refused: extension
        ? `Ce lien désigne un fichier ${extension} : Entente n'ouvre que des documents (PDF, bureautique, texte, images, courriels), jamais un programme ou un script. Fichier : ${path}`
        : `Ce lien désigne un fichier sans extension : Entente n'ouvre que des documents (PDF, bureautique, texte, images, courriels). Fichier : ${path}`,
    };
  }
  return { open: path };
}

/**
 * Opens a document attached in the app: the same rules as a file link (documents only, after
 * the user saw its path and said yes), checked before its bytes are written under the data
 * folder: a program that came by sync is never put on disk.
 */
export async function openDocument(dataDir: string, name: string, sha256: string, bytes: Buffer, parent: BrowserWindow | undefined): Promise<void> {
  // One folder per content: two documents of the same name never overwrite each other.
  const dir = join(dataDir, 'documents-ouverts', sha256.slice(0, 16));
  // A name that came by sync: nothing a system reads otherwise (a device, a stream, the folder itself).
  const safe = safeFileName(basename(name.replace(/[\\/]/g, '_')));
  const first = join(dir, /^[. ]*$/.test(safe) ? 'document' : WINDOWS_DEVICE.test(safe) ? `_${safe}` : safe);
  const verdict = fileLinkVerdict(pathToFileURL(first).href);
  if ('refused' in verdict) return tellLinkRefused(parent, verdict.refused);
  mkdirSync(dir, { recursive: true });
  // Opened before and changed since (saved in place from Excel or Word): that copy stays as it
  // is, and the document opens again as attached, beside it.
  let path = first;
  for (let n = 2; existsSync(path) && !readFileSync(path).equals(bytes); n++) path = numbered(first, n);
  if (!existsSync(path)) writeFileAtomically(path, bytes);
  return openLink(pathToFileURL(path).href, parent);
}

/** « Budget.xlsx », 2 → « Budget (2).xlsx ». */
function numbered(path: string, n: number): string {
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)} (${n})${extension}`;
}

/** What a mail link may ask of the mail client: a message to write, never a file to attach (« attach= » in some clients). */
const MAIL_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/**
 * The web or mail address to hand to the browser or the mail client, rebuilt from its
 * parts: a web page of a named host, or a message to write with only its recipients,
 * subject and text. A link may have come by sync from another laptop.
 */
export function externalLinkVerdict(url: string): LinkVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { refused: `Ce lien n'est pas une adresse valable : ${url}` };
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    if (!parsed.hostname || parsed.username || parsed.password) return { refused: `Ce lien n'est pas une adresse de page web valable : ${url}` };
    return { open: parsed.href };
  }
  if (parsed.protocol === 'mailto:') {
    const kept = new URLSearchParams();
    for (const [name, value] of parsed.searchParams) if (MAIL_FIELDS.has(name.toLowerCase())) kept.append(name.toLowerCase(), value);
    const query = kept.toString().replace(/\+/g, '%20');
    return { open: `mailto:${parsed.pathname}${query ? `?${query}` : ''}` };
  }
  return { refused: `Entente n'ouvre pas ce genre de lien : ${url}` };
}

/** Opens an action's link outside the app, as the rules above say. */
export async function openLink(url: string, parent: BrowserWindow | undefined): Promise<void> {
  if (/^(https?|mailto):/i.test(url)) {
    const verdict = externalLinkVerdict(url);
    return 'open' in verdict ? shell.openExternal(verdict.open) : tellLinkRefused(parent, verdict.refused);
  }
  if (url.startsWith('\\\\')) {
    return tellLinkRefused(
      parent,
      `Ce lien désigne un fichier d'un autre ordinateur du réseau : Entente ne l'ouvre pas. Ouvrez-le depuis l'explorateur de fichiers si vous connaissez ce partage. Lien : ${url}`,
    );
  }
  if (!/^file:/i.test(url)) return tellLinkRefused(parent, `Entente n'ouvre pas ce genre de lien : ${url}`);
  const verdict = fileLinkVerdict(url);
  if ('refused' in verdict) return tellLinkRefused(parent, verdict.refused);
  if (!(await confirmOpenFile(parent, verdict.open))) return;
  const failure = await shell.openPath(verdict.open);
  if (failure) await tellLinkRefused(parent, `Le fichier n'a pas pu être ouvert : ${failure}`);
}
