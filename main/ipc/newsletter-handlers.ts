// The lettres d'info's handlers: thin calls into db/newsletters, and the two files a
// published lettre becomes — the A4 PDF of the preview the window shows, and the .eml.
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { refusal } from '../../db/errors';
import { safeFileName, writeFileAtomically } from '../../db/files';
import { newsletterDocument } from '../../db/newsletters/document';
import { newsletterEml } from '../../db/newsletters/eml';
import { getNewsletter, listNewsletters } from '../../db/newsletters/reads';
import * as newsletters from '../../db/newsletters/writes';
import { listPartners } from '../../db/people/reads';
import type { SavedEmail, SavedPdf } from '../../preload/contract';
import { chooseEmailFile, choosePdfFile } from '../dialogs';
import { pdfPageCount } from '../pdf';
import { rememberPreparedEmail } from '../prepared-emails';
import { printToPdf } from '../printing';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type NewsletterMethods =
  | 'listNewsletters'
  | 'getNewsletter'
  | 'getNewsletterDocument'
  | 'createNewsletter'
  | 'updateNewsletter'
  | 'editNewsletterItem'
  | 'moveNewsletterItem'
  | 'removeNewsletterItem'
  | 'addNewsletterItem'
  | 'deleteNewsletter'
  | 'publishNewsletter'
  | 'saveNewsletterAsPdf'
  | 'saveNewsletterEmail';

export function createNewsletterHandlers(session: Session, window: () => BrowserWindow | undefined): Pick<Handlers, NewsletterMethods> {
  const store = () => session.requireStore();
  const documents = () => app.getPath('documents');
  const contents = () => {
    const current = window();
    if (!current || current.isDestroyed()) throw refusal('no-window');
    return current.webContents;
  };

  return {
    listNewsletters: () => listNewsletters(store()),
    getNewsletter: (id) => getNewsletter(store(), id),
    getNewsletterDocument: (id) => newsletterDocument(store(), id),
    createNewsletter: () => newsletters.createNewsletter(store()),
    updateNewsletter: (id, patch) => newsletters.updateNewsletter(store(), id, patch),
    editNewsletterItem: (id, itemId, patch) => newsletters.editNewsletterItem(store(), id, itemId, patch),
    moveNewsletterItem: (id, itemId, direction) => newsletters.moveNewsletterItem(store(), id, itemId, direction),
    removeNewsletterItem: (id, itemId) => newsletters.removeNewsletterItem(store(), id, itemId),
    addNewsletterItem: (id) => newsletters.addNewsletterItem(store(), id),
    deleteNewsletter: (id) => newsletters.deleteNewsletter(store(), id),
    publishNewsletter: (id) => newsletters.publishNewsletter(store(), id),

    // The preview the window shows, with the partners' band and the lettre's title on every page.
    saveNewsletterAsPdf: async (id): Promise<SavedPdf | null> => {
      const { title } = getNewsletter(store(), id);
      const file = await choosePdfFile(window(), join(documents(), `${safeFileName(title)}.pdf`));
      if (!file) return null;
      const pdf = await printToPdf(contents(), { partners: listPartners(store()).map((partner) => partner.name), title });
      writeFileAtomically(file, pdf);
      return { file, bytes: pdf.length, pages: pdfPageCount(pdf) };
    },
    // Refused before the dialog when the lettre is not published.
    saveNewsletterEmail: async (id): Promise<SavedEmail | null> => {
      const { eml, file_name } = newsletterEml(store(), id);
      const file = await chooseEmailFile(window(), join(documents(), file_name));
      if (!file) return null;
      writeFileAtomically(file, eml);
      rememberPreparedEmail(file);
      // Sent to the mail program's own list: the lettre names no recipient.
      return { file, recipients: [], without_email: [] };
    },
  };
}
