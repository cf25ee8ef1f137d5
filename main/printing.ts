// Printing what the window shows (the print preview of a compte rendu, a relevé de
// décisions or a dossier CODIRI): A4, in French, with each partner's name at the top of
// every page, and the date of printing and the page number at the bottom. The page's
// print stylesheet hides the app around the document.
import type { WebContents } from 'electron';
import { frenchDateTime, frenchTypography } from '../common/french';
import { refusal } from '../db/errors';

export interface PrintFrame {
  /** Shown at the top left of every page, one per line: « Département d'Indre-et-Loire », « Département de Loir-et-Cher ». */
  partners: string[];
  /** Shown at the top right: « Compte rendu — CODIRI du 15 mars 2027 ». */
  title: string;
}

/**
 * The page margins, in millimetres: room for the bands at the top and bottom. The preview's
 * `@page` rule (renderer/features/minutes-print/MinutesPrint.module.css) gives the same,
 * as Chromium lets a page's own margins win over these.
 */
const PAGE_MARGINS_MM = { top: 20, bottom: 20, left: 15, right: 15 };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Chromium draws the bands in their own small page: sizes, margins, colours and font must be
// explicit (the sheets' font, MinutesPrint.module.css; not the system's).
const BAND =
  "font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 7.5pt; color: #444; width: 100%; box-sizing: border-box; " +
  `padding: 0 ${PAGE_MARGINS_MM.right}mm 0 ${PAGE_MARGINS_MM.left}mm; display: flex; justify-content: space-between; gap: 8mm;`;

// One line each: a long text ends with « … » rather than taking a second line over the page.
const ONE_LINE = 'white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0;';

function headerTemplate(frame: PrintFrame): string {
  // Each partner's name on its own line, every partner alike, cut with « … » only if longer than the
  // space the title leaves (at least 40 % of the line); the title whole if it can be, up to 60 %.
  const partners = frame.partners.map((partner) => `<div style="${ONE_LINE}">${escape(partner)}</div>`).join('');
  return `<div style="${BAND} align-items: flex-start"><div style="min-width: 0">${partners}</div><span style="${ONE_LINE} flex: none; max-width: 60%; text-align: right">${escape(frame.title)}</span></div>`;
}

function footerTemplate(printedAt: Date): string {
  // « Imprimé le 1er décembre 2026 à 14 h 17 ».
  const date = frenchTypography(frenchDateTime(printedAt));
  return `<div style="${BAND}"><span>Imprimé le ${escape(date)}</span><span>Page <span class="pageNumber"></span> sur <span class="totalPages"></span></span></div>`;
}

const inches = (mm: number) => mm / 25.4;

/** The print under way in each window: Chromium fails a second one started before the first ends. */
const printing = new WeakMap<WebContents, Promise<unknown>>();

/** Prints what the window shows as an A4 PDF, once the print already under way in it, if any, has ended. */
export function printToPdf(contents: WebContents, frame: PrintFrame, printedAt = new Date()): Promise<Buffer> {
  const previous = printing.get(contents) ?? Promise.resolve();
  const pdf = previous.catch(() => undefined).then(() => print(contents, frame, printedAt));
  printing.set(contents, pdf);
  return pdf;
}

function print(contents: WebContents, frame: PrintFrame, printedAt: Date): Promise<Buffer> {
  return contents.printToPDF({
    pageSize: 'A4',
    printBackground: true,
    // Accessible (tagged), with bookmarks made from the headings: main/pdf.ts reads them back for a sommaire's page numbers.
    generateTaggedPDF: true,
    generateDocumentOutline: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(frame),
    footerTemplate: footerTemplate(printedAt),
    margins: {
      top: inches(PAGE_MARGINS_MM.top),
      bottom: inches(PAGE_MARGINS_MM.bottom),
      left: inches(PAGE_MARGINS_MM.left),
      right: inches(PAGE_MARGINS_MM.right),
    },
  });
}

/** The system's print dialog. A cancel is no failure; a missing printer is said in French, with the way out. */
export function printWithDialog(contents: WebContents): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => {
      // Electron says « cancelled » or « Print job canceled » depending on the version and system.
      if (success || /cancel/i.test(failureReason)) return resolve();
      reject(refusal('print-failed', /printer/i.test(failureReason)));
    });
  });
}
