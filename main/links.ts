// The links of an action (liens), opened outside the app: web and mail links in the user's
// browser or mail client; a file only after the user saw its full path and said yes, and
// never a program, a script or a file on another computer (a link may have come by sync
// from another laptop: a click must not run what someone else wrote).
import { shell, type BrowserWindow } from 'electron';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confirmOpenFile, tellLinkRefused } from './dialogs';

/** What runs code when opened, on any of the three systems. */
const RUNNABLE = new Set(
  (
    'exe com bat cmd btm lnk pif scr cpl msi msp mst ps1 psm1 psd1 vbs vbe js jse wsf wsh wsc hta jar reg inf ' +
    'application appref-ms gadget msc scf url website library-ms settingcontent-ms appx appxbundle msix msixbundle ' +
    'sh bash zsh csh ksh command tool app appimage run desktop deb rpm dmg pkg py pyw pl rb php'
  )
    .split(' ')
    .map((extension) => `.${extension}`),
);

export type FileLinkVerdict = { open: string } | { refused: string };

/** Whether a file:// link may be opened, and the path to show the user first. */
export function fileLinkVerdict(url: string, platform: NodeJS.Platform = process.platform): FileLinkVerdict {
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
  let path: string;
  try {
    path = fileURLToPath(parsed, { windows: platform === 'win32' });
  } catch {
    return { refused: `Ce lien n'est pas une adresse de fichier valable sur cet ordinateur : ${url}` };
  }
  const extension = extname(path).toLowerCase();
  if (RUNNABLE.has(extension)) {
    return { refused: `Ce lien désigne un programme ou un script (${extension}) : Entente ne l'ouvre jamais. Fichier : ${path}` };
  }
  return { open: path };
}

/** Opens an action's link outside the app, as the rules above say. */
export async function openLink(url: string, parent: BrowserWindow | undefined): Promise<void> {
  if (/^(https?|mailto):/i.test(url)) return shell.openExternal(url);
  if (!/^file:/i.test(url)) return tellLinkRefused(parent, `Entente n'ouvre pas ce genre de lien : ${url}`);
  const verdict = fileLinkVerdict(url);
  if ('refused' in verdict) return tellLinkRefused(parent, verdict.refused);
  if (!(await confirmOpenFile(parent, verdict.open))) return;
  const failure = await shell.openPath(verdict.open);
  if (failure) await tellLinkRefused(parent, `Le fichier n'a pas pu être ouvert : ${failure}`);
}
