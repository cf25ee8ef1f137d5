// Printing handlers: the documents the print preview lays out, the system print dialog,
// « Enregistrer en PDF » of the preview the window shows, its Word copy, and the courriels
// (.eml) that carry a convocation or minutes to validate.
// Dialogs and file writes stay in main; the only paths the page names are those main wrote.
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { refusal } from '../../db/errors';
import { minutesDocument } from '../../db/meetings/document';
import { codiriDossier } from '../../db/meetings/dossier';
import { minutesDocx } from '../../db/meetings/docx';
import { attendanceSheetDocument, convocationDocument, convocationEmail, convocationFileName } from '../../db/meetings/convocation';
import { validationEmail } from '../../db/meetings/validation-email';
import { safeFileName, writeFileAtomically } from '../../db/files';
import { getAction } from '../../db/actions/reads';
import { listPartners } from '../../db/people/reads';
import { today } from '../../db/store/sql';
import { frenchDate } from '../../common/french';
import type { PrintLayout, SavedDocx, SavedEmail, SavedPdf } from '../../preload/contract';
import { chooseDocxFile, chooseEmailFile, choosePdfFile } from '../dialogs';
import { pdfOutline, pdfPageCount } from '../pdf';
import { openPreparedEmail, rememberPreparedEmail } from '../prepared-emails';
import { printToPdf, printWithDialog, type PrintFrame } from '../printing';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type PrintMethods =
  | 'getMinutesDocument'
  | 'getCodiriDossier'
  | 'printCurrentPage'
  | 'saveCurrentPageAsPdf'
  | 'getPrintedHeadings'
  | 'openPreparedEmail'
  | 'saveActionFicheAsPdf'
  | 'saveDashboardAsPdf'
  | 'saveMinutesDocx'
  | 'getConvocationDocument'
  | 'getAttendanceSheet'
  | 'saveConvocationEmail'
  | 'saveValidationEmail';

export interface PrintContext {
  session: Session;
  window: () => BrowserWindow | undefined;
}

export function createPrintHandlers({ session, window }: PrintContext): Pick<Handlers, PrintMethods> {
  const store = () => session.requireStore();
  const contents = () => {
    const current = window();
    if (!current || current.isDestroyed()) throw refusal('no-window');
    return current.webContents;
  };
  const documents = () => app.getPath('documents');

  /** The bands of every page, and the file's default name: « Compte rendu - CODIRI du 15 mars 2027 (projet).pdf ». */
  function pdfOf(meetingId: string, layout: PrintLayout): { frame: PrintFrame; fileName: string } {
    // Before the meeting: no version nor draft to name.
    if (layout === 'convocation') {
      const convocation = convocationDocument(store(), meetingId);
      const partners = convocation.partners.map((partner) => partner.name);
      return { frame: { partners, title: convocation.heading }, fileName: `${safeFileName(convocationFileName(convocation))}.pdf` };
    }
    if (layout === 'emargement') {
      const sheet = attendanceSheetDocument(store(), meetingId);
      const partners = sheet.partners.map((partner) => partner.name);
      return { frame: { partners, title: sheet.heading }, fileName: `${safeFileName(`Feuille d'émargement - ${sheet.meeting.title}`)}.pdf` };
    }
    // Read before the meeting: no version nor draft to name. The dossier's own call refuses a meeting that is no CODIRI.
    if (layout === 'dossier_codiri') {
      const dossier = codiriDossier(store(), meetingId);
      const partners = dossier.partners.map((partner) => partner.name);
      return { frame: { partners, title: dossier.heading }, fileName: `${safeFileName(dossier.heading)}.pdf` };
    }
    const minutes = minutesDocument(store(), meetingId, layout);
    const kind = minutes.layout_label;
    const notes = [...(minutes.version.number > 1 ? [`version ${minutes.version.number}`] : []), ...(minutes.validation.draft ? ['projet'] : [])];
    return {
      frame: { partners: minutes.partners.map((partner) => partner.name), title: `${kind} — ${minutes.meeting.title}` },
      fileName: `${safeFileName(`${kind} - ${minutes.meeting.title}${notes.length ? ` (${notes.join(', ')})` : ''}`)}.pdf`,
    };
  }

  /** Asks where, then prints what the window shows with the partners' band and the title on every page. */
  async function savePdf(frame: PrintFrame, fileName: string): Promise<SavedPdf | null> {
    const file = await choosePdfFile(window(), join(documents(), fileName));
    if (!file) return null;
    const pdf = await printToPdf(contents(), frame);
    writeFileAtomically(file, pdf);
    return { file, bytes: pdf.length, pages: pdfPageCount(pdf) };
  }

  /** Asks where, prints the document the window shows as « Enregistrer en PDF… » does, and writes the .eml that carries it. */
  async function saveEmail<T extends { eml: Buffer }>(
    meetingId: string,
    layout: PrintLayout,
    build: (pdf: Buffer) => T,
  ): Promise<(T & { file: string }) | null> {
    const { frame, fileName } = pdfOf(meetingId, layout);
    const file = await chooseEmailFile(window(), join(documents(), fileName.replace(/\.pdf$/, '.eml')));
    if (!file) return null;
    const email = build(await printToPdf(contents(), frame));
    writeFileAtomically(file, email.eml);
    rememberPreparedEmail(file);
    return { ...email, file };
  }

  return {
    getMinutesDocument: (meetingId, layout) => minutesDocument(store(), meetingId, layout),
    getCodiriDossier: (meetingId) => codiriDossier(store(), meetingId),

    printCurrentPage: () => printWithDialog(contents()),
    saveCurrentPageAsPdf: (meetingId, layout) => {
      const { frame, fileName } = pdfOf(meetingId, layout);
      return savePdf(frame, fileName);
    },
    openPreparedEmail: (file) => openPreparedEmail(file),
    // The same printing as the PDF saved, so the same pages.
    getPrintedHeadings: async (meetingId, layout) => pdfOutline(await printToPdf(contents(), pdfOf(meetingId, layout).frame)),
    saveActionFicheAsPdf: (actionId) => {
      const { title } = getAction(store(), actionId);
      const partners = listPartners(store()).map((partner) => partner.name);
      return savePdf({ partners, title: `Fiche action — ${title}` }, `${safeFileName(`Fiche action - ${title}`)}.pdf`);
    },
    saveDashboardAsPdf: () => {
      const partners = listPartners(store()).map((partner) => partner.name);
      const title = `Tableau de bord de la coopération au ${frenchDate(today())}`;
      return savePdf({ partners, title }, `${safeFileName(title)}.pdf`);
    },

    // The Word copy is written from the same document as the PDF, under the PDF's name.
    saveMinutesDocx: async (meetingId, layout): Promise<SavedDocx | null> => {
      const fileName = pdfOf(meetingId, layout).fileName.replace(/\.pdf$/, '.docx');
      const file = await chooseDocxFile(window(), join(documents(), fileName));
      if (!file) return null;
      const bytes = await minutesDocx(store(), meetingId, layout);
      writeFileAtomically(file, bytes);
      return { file, bytes: bytes.length };
    },

    getConvocationDocument: (meetingId) => convocationDocument(store(), meetingId),
    getAttendanceSheet: (meetingId) => attendanceSheetDocument(store(), meetingId),
    saveValidationEmail: async (meetingId): Promise<SavedEmail | null> => {
      // The store taken after the printing: a sync that ended meanwhile reopened it.
      const saved = await saveEmail(meetingId, 'compte_rendu', (pdf) => validationEmail(store(), meetingId, pdf));
      return saved && { file: saved.file, recipients: saved.recipients, without_email: saved.without_email };
    },
    saveConvocationEmail: async (meetingId): Promise<SavedEmail | null> => {
      const saved = await saveEmail(meetingId, 'convocation', (pdf) => convocationEmail(store(), meetingId, pdf));
      return (
        saved && {
          file: saved.file,
          recipients: saved.document.recipients.map((recipient) => `${recipient.name} <${recipient.email}>`),
          without_email: saved.document.without_email,
        }
      );
    },
  };
}
