// The pistes as the comité reads them: the matrice plus-value × faisabilité, and the
// synthèse des ateliers (the ranking within each finalité, the matrice, every partner's
// scores) with « Enregistrer en PDF » of its print preview, as the tableau de bord's.
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { frenchDate } from '../../common/french';
import { refusal } from '../../db/errors';
import { safeFileName, writeFileAtomically } from '../../db/files';
import { printedPartners } from '../../db/meetings/document';
import { listPistes, matrixOf, rankedOf } from '../../db/pistes/reads';
import type { PisteFilter, PisteRow } from '../../db/pistes/types';
import { today } from '../../db/store/sql';
import type { PisteMatrixView } from '../../preload/contract';
import { choosePdfFile } from '../dialogs';
import { pdfPageCount } from '../pdf';
import { printToPdf } from '../printing';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type PisteReportMethods = 'getPisteMatrix' | 'getPistesSynthesis' | 'savePistesSynthesisAsPdf';

/** « Synthèse des ateliers – 1er décembre 2026 »: the PDF's title, its band and its file name. */
const synthesisTitle = (date: string) => `Synthèse des ateliers – ${frenchDate(date)}`;

/** The pistes read once for the points and the count of those still waiting for scores. */
function matrixView(pistes: PisteRow[]): PisteMatrixView {
  const points = matrixOf(pistes);
  return { points, unscored: pistes.length - points.length };
}

export function createPisteReportHandlers({
  session,
  window,
}: {
  session: Session;
  window: () => BrowserWindow | undefined;
}): Pick<Handlers, PisteReportMethods> {
  const store = () => session.requireStore();
  return {
    getPisteMatrix: (filter: PisteFilter) => matrixView(listPistes(store(), filter)),
    getPistesSynthesis: (filter: PisteFilter) => {
      const pistes = listPistes(store(), filter);
      return { today: today(), partners: printedPartners(store()).printed, groups: rankedOf(pistes), matrix: matrixView(pistes) };
    },
    savePistesSynthesisAsPdf: async () => {
      const current = window();
      if (!current || current.isDestroyed()) throw refusal('no-window');
      const title = synthesisTitle(today());
      const file = await choosePdfFile(current, join(app.getPath('documents'), `${safeFileName(title)}.pdf`));
      if (!file) return null;
      const partners = printedPartners(store()).partners.map((partner) => partner.name);
      const pdf = await printToPdf(current.webContents, { partners, title });
      writeFileAtomically(file, pdf);
      return { file, bytes: pdf.length, pages: pdfPageCount(pdf) };
    },
  };
}
