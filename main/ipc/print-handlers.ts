// Printing and calendar handlers: the documents the print preview lays out, the system
// print dialog, « Enregistrer en PDF » of the preview the window shows, .ics files, and
// the partners' logos that head the documents.
// Dialogs and file writes stay in main; the only paths the page names are those main wrote.
import { app, type BrowserWindow } from 'electron';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { logoTooLarge, MAX_LOGO_BYTES, partnerLogos, removePartnerLogo, setPartnerLogo } from '../../db/people/logos';
import { meetingIcs, upcomingMeetingsIcs } from '../../db/meetings/calendar';
import { refusal } from '../../db/errors';
import { minutesDocument } from '../../db/meetings/document';
import { codiriDossier } from '../../db/meetings/dossier';
import { minutesDocx } from '../../db/meetings/docx';
import { attendanceSheetDocument, convocationDocument, convocationEmail, convocationFileName } from '../../db/meetings/convocation';
import { getMeeting } from '../../db/meetings/reads';
import { validationEmail } from '../../db/meetings/validation-email';
import { safeFileName, writeFileAtomically } from '../../db/files';
import { getAction } from '../../db/actions/reads';
import { listPartners } from '../../db/people/reads';
import { today } from '../../db/store/sql';
import { frenchDate } from '../../common/french';
import type { PrintLayout, SavedDocx, SavedEmail, SavedPdf } from '../../preload/contract';
import { chooseCalendarFile, chooseDocxFile, chooseEmailFile, chooseLogoFile, choosePdfFile, withPromisedExtension } from '../dialogs';
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
  | 'saveValidationEmail'
  | 'exportMeetingIcs'
  | 'exportUpcomingMeetingsIcs'
  | 'listPartnerLogos'
  | 'choosePartnerLogo'
  | 'removePartnerLogo';

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
    const chosen = await choosePdfFile(window(), join(documents(), fileName));
    if (!chosen) return null;
    const file = await withPromisedExtension(window(), chosen, '.pdf');
    if (!file) return null;
    const pdf = await printToPdf(contents(), frame);
    writeFileAtomically(file, pdf);
    return { file, bytes: pdf.length, pages: pdfPageCount(pdf) };
  }

  async function saveCalendar(defaultName: string, ics: () => string): Promise<{ file: string } | null> {
    const chosen = await chooseCalendarFile(window(), join(documents(), `${safeFileName(defaultName)}.ics`));
    if (!chosen) return null;
    const file = await withPromisedExtension(window(), chosen, '.ics');
    if (!file) return null;
    writeFileAtomically(file, Buffer.from(ics(), 'utf8'));
    return { file };
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
      const chosen = await chooseDocxFile(window(), join(documents(), fileName));
      if (!chosen) return null;
      const file = await withPromisedExtension(window(), chosen, '.docx');
      if (!file) return null;
      const bytes = await minutesDocx(store(), meetingId, layout);
      writeFileAtomically(file, bytes);
      return { file, bytes: bytes.length };
    },

    getConvocationDocument: (meetingId) => convocationDocument(store(), meetingId),
    getAttendanceSheet: (meetingId) => attendanceSheetDocument(store(), meetingId),
    saveValidationEmail: async (meetingId): Promise<SavedEmail | null> => {
      const { frame, fileName } = pdfOf(meetingId, 'compte_rendu');
      const chosen = await chooseEmailFile(window(), join(documents(), fileName.replace(/\.pdf$/, '.eml')));
      if (!chosen) return null;
      const file = await withPromisedExtension(window(), chosen, '.eml');
      if (!file) return null;
      // The compte rendu the window shows, as « Enregistrer en PDF… » prints it; the store taken
      // after the printing: a sync that ended meanwhile reopened it.
      const pdf = await printToPdf(contents(), frame);
      const { eml, recipients, without_email } = validationEmail(store(), meetingId, pdf);
      writeFileAtomically(file, eml);
      rememberPreparedEmail(file);
      return { file, recipients, without_email };
    },
    saveConvocationEmail: async (meetingId): Promise<SavedEmail | null> => {
      const { frame, fileName } = pdfOf(meetingId, 'convocation');
      const chosen = await chooseEmailFile(window(), join(documents(), fileName.replace(/\.pdf$/, '.eml')));
      if (!chosen) return null;
      const file = await withPromisedExtension(window(), chosen, '.eml');
      if (!file) return null;
      // The convocation the window shows, as « Enregistrer en PDF… » prints it.
      const pdf = await printToPdf(contents(), frame);
      const { eml, document } = convocationEmail(store(), meetingId, pdf);
      writeFileAtomically(file, eml);
      rememberPreparedEmail(file);
      return {
        file,
        recipients: document.recipients.map((recipient) => `${recipient.name} <${recipient.email}>`),
        without_email: document.without_email,
      };
    },

    exportMeetingIcs: (meetingId) => saveCalendar(getMeeting(store(), meetingId).title, () => meetingIcs(store(), meetingId)),
    exportUpcomingMeetingsIcs: () => saveCalendar('Réunions à venir', () => upcomingMeetingsIcs(store())),

    // The partners' logos that head the documents: kept in the project, so they sync.
    listPartnerLogos: () => [...partnerLogos(store()).values()],
    choosePartnerLogo: async (partnerId) => {
      const file = await chooseLogoFile(window());
      if (!file) return null;
      const name = basename(file);
      // Said before reading a file that is far too large.
      if (statSync(file).size > MAX_LOGO_BYTES) throw logoTooLarge(name);
      setPartnerLogo(store(), partnerId, name, readFileSync(file));
      return { name };
    },
    removePartnerLogo: (partnerId) => removePartnerLogo(store(), partnerId),
  };
}
