// The system's file dialogs, as the sync and printing screens ask for them. Each answers a path, or
// undefined when the user cancelled; a path to save to ends with the extension its filter promised.
import { existsSync } from 'node:fs';
import { frenchTypography } from '../common/french';
import { basename } from 'node:path';
import { dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

const SYNC_FILES: [FileFilter] = [{ name: "Fichiers d'échange Entente", extensions: ['entente'] }];

/** Where to save, with the extension of the dialog's one filter. */
async function save(parent: BrowserWindow | undefined, options: SaveDialogOptions & { filters: [FileFilter] }): Promise<string | undefined> {
  const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return undefined;
  return withPromisedExtension(parent, answer.filePath, `.${options.filters[0].extensions[0]}`);
}

async function open(parent: BrowserWindow | undefined, options: OpenDialogOptions): Promise<string | undefined> {
  const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return answer.canceled ? undefined : answer.filePaths[0];
}

export const chooseExportFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, { title: "Enregistrer le fichier d'échange", defaultPath, filters: SYNC_FILES, properties: ['showOverwriteConfirmation'] });

export const chooseImportFile = (parent: BrowserWindow | undefined) =>
  open(parent, { title: "Importer un fichier d'échange", filters: SYNC_FILES, properties: ['openFile'] });

export const chooseInvitationFile = (parent: BrowserWindow | undefined) =>
  open(parent, { title: "Choisir le fichier d'invitation", filters: SYNC_FILES, properties: ['openFile'] });

export const chooseDocumentToAttach = (parent: BrowserWindow | undefined) => open(parent, { title: 'Joindre un document', properties: ['openFile'] });

export const chooseLogoFile = (parent: BrowserWindow | undefined) =>
  open(parent, {
    title: 'Choisir le logo',
    filters: [{ name: 'Image (PNG, JPEG, SVG)', extensions: ['png', 'jpg', 'jpeg', 'svg'] }],
    properties: ['openFile'],
  });

export const chooseFolder = (parent: BrowserWindow | undefined) =>
  open(parent, { title: 'Choisir le dossier partagé', properties: ['openDirectory', 'createDirectory'] });

export const choosePdfFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: 'Enregistrer en PDF',
    defaultPath,
    filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseCalendarFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: "Ajouter à l'agenda",
    defaultPath,
    filters: [{ name: 'Calendrier (Outlook, Thunderbird)', extensions: ['ics'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseEmailFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: 'Préparer le courriel',
    defaultPath,
    filters: [{ name: 'Courriel (Outlook, Thunderbird)', extensions: ['eml'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseDocxFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: 'Exporter en Word',
    defaultPath,
    filters: [{ name: 'Document Word', extensions: ['docx'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseXlsxFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: 'Exporter le registre des décisions',
    defaultPath,
    filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseSpreadsheetFile = (parent: BrowserWindow | undefined, defaultPath: string, extension: '.xlsx' | '.csv') =>
  save(parent, {
    title: 'Exporter les actions',
    defaultPath,
    filters: [extension === '.csv' ? { name: 'CSV pour Excel', extensions: ['csv'] } : { name: 'Classeur Excel', extensions: ['xlsx'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseSpreadsheetToImport = (parent: BrowserWindow | undefined) =>
  open(parent, {
    title: "Importer un plan d'actions",
    filters: [{ name: 'Classeur Excel ou CSV', extensions: ['xlsx', 'csv', 'txt'] }],
    properties: ['openFile'],
  });

export const choosePistesToImport = (parent: BrowserWindow | undefined) =>
  open(parent, {
    title: "Importer les pistes d'un atelier",
    filters: [{ name: 'Classeur Excel ou CSV', extensions: ['xlsx', 'csv', 'txt'] }],
    properties: ['openFile'],
  });

export const choosePistesXlsxFile = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: 'Exporter les pistes',
    defaultPath,
    filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }],
    properties: ['showOverwriteConfirmation'],
  });

export const chooseExportAllFolder = (parent: BrowserWindow | undefined) =>
  open(parent, { title: 'Exporter tout : choisir où créer le dossier', properties: ['openDirectory', 'createDirectory'] });

export const chooseExportAllZip = (parent: BrowserWindow | undefined, defaultPath: string) =>
  save(parent, {
    title: 'Exporter tout dans une archive .zip',
    defaultPath,
    filters: [{ name: 'Archive .zip', extensions: ['zip'] }],
    properties: ['showOverwriteConfirmation'],
  });

/** A message box in French typography (its title and message: a detail may be a path, shown as it is). */
async function ask(parent: BrowserWindow | undefined, box: MessageBoxOptions): Promise<number> {
  const options = { ...box, title: box.title && frenchTypography(box.title), message: frenchTypography(box.message) };
  const answer = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return answer.response;
}

/** Before a file link opens: its full path, and the choice (Annuler by default). */
export const confirmOpenFile = async (parent: BrowserWindow | undefined, path: string) =>
  (await ask(parent, {
    type: 'question',
    title: 'Ouvrir un fichier',
    message: 'Ouvrir ce fichier avec le programme de cet ordinateur ?',
    detail: path,
    buttons: ['Ouvrir', 'Annuler'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })) === 0;

/** A link Entente will not open, and why. */
export const tellLinkRefused = async (parent: BrowserWindow | undefined, reason: string) =>
  void (await ask(parent, {
    type: 'warning',
    title: 'Lien non ouvert',
    message: "Entente n'ouvre pas ce lien.",
    detail: frenchTypography(reason),
    buttons: ['OK'],
  }));

/**
 * The path typed in a save dialog, with the extension its filter promised (Linux dialogs do
 * not add it). The dialog asked about replacing the name as typed: a file already there
 * under the full name is asked about again. Undefined when the user keeps that file.
 */
async function withPromisedExtension(parent: BrowserWindow | undefined, chosen: string, extension: string): Promise<string | undefined> {
  if (chosen.toLowerCase().endsWith(extension)) return chosen;
  const file = `${chosen}${extension}`;
  if (!existsSync(file)) return file;
  const replace = await ask(parent, {
    type: 'question',
    title: 'Fichier existant',
    message: `« ${basename(file)} » existe déjà. Voulez-vous le remplacer ?`,
    detail: file,
    buttons: ['Remplacer', 'Annuler'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return replace === 0 ? file : undefined;
}
