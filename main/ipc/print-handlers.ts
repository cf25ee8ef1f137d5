// Printing and calendar handlers: the documents the print preview lays out, the system
// print dialog, « Enregistrer en PDF » of the preview the window shows, and .ics files.
// Dialogs and file writes stay in main; the page never names a path.
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { meetingIcs, upcomingMeetingsIcs } from '../../db/meetings/calendar';
import { refusal } from '../../db/errors';
import { codiriDossier, minutesDocument } from '../../db/meetings/document';
import { getMeeting } from '../../db/meetings/reads';
import { writeFileAtomically } from '../../db/files';
import { getAction } from '../../db/actions/reads';
import { listPartners } from '../../db/people/reads';
import type { PrintLayout, SavedPdf } from '../../preload/contract';
import { chooseCalendarFile, choosePdfFile, safeFileName, withPromisedExtension } from '../dialogs';
import { pdfPageCount, printToPdf, printWithDialog, type PrintFrame } from '../printing';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type PrintMethods =
  | 'getMinutesDocument'
  | 'getCodiriDossier'
  | 'printCurrentPage'
  | 'saveCurrentPageAsPdf'
  | 'saveActionFicheAsPdf'
  | 'exportMeetingIcs'
  | 'exportUpcomingMeetingsIcs';

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
    // The dossier's own call refuses a meeting that is no CODIRI.
    const minutes = layout === 'dossier_codiri' ? codiriDossier(store(), meetingId).minutes : minutesDocument(store(), meetingId, layout);
    const kind = layout === 'dossier_codiri' ? 'Dossier du CODIRI' : minutes.layout_label;
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
    saveActionFicheAsPdf: (actionId) => {
      const { title } = getAction(store(), actionId);
      const partners = listPartners(store()).map((partner) => partner.name);
      return savePdf({ partners, title: `Fiche action — ${title}` }, `${safeFileName(`Fiche action - ${title}`)}.pdf`);
    },

    exportMeetingIcs: (meetingId) => saveCalendar(getMeeting(store(), meetingId).title, () => meetingIcs(store(), meetingId)),
    exportUpcomingMeetingsIcs: () => saveCalendar('Réunions à venir', () => upcomingMeetingsIcs(store())),
  };
}
