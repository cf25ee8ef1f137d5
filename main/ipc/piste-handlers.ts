// The handlers of the pistes: thin calls into db/pistes. As for the plan d'actions, the file
// to import stays here between the preview and the confirmation: the renderer names no path,
// and what is written is what was previewed.
import { app, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import { refusal } from '../../db/errors';
import { readChosenFile, writeFileAtomically } from '../../db/files';
import { pistesWorkbook } from '../../db/pistes/export';
import { applyPisteImport, IMPORT_FIELD_LABELS, previewPisteImport, readPisteFile, type PisteSheet } from '../../db/pistes/import';
import { getPiste, listPisteLines, listPistes, scoresOfEvaluator } from '../../db/pistes/reads';
import type { PisteImportField } from '../../db/pistes/types';
import { createPiste, deletePiste, scorePiste, updatePiste } from '../../db/pistes/writes';
import { choosePistesToImport, choosePistesXlsxFile } from '../dialogs';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type PisteMethods =
  | 'listPistes'
  | 'listPisteLines'
  | 'getPiste'
  | 'listEvaluatorScores'
  | 'createPiste'
  | 'updatePiste'
  | 'deletePiste'
  | 'scorePiste'
  | 'choosePisteImport'
  | 'previewPisteImport'
  | 'importPistes'
  | 'exportPistes';

export function createPisteHandlers(session: Session, window: () => BrowserWindow | undefined): Pick<Handlers, PisteMethods> {
  const store = () => session.requireStore();
  let pending: { name: string; sheet: PisteSheet } | null = null;
  const requirePending = () => {
    if (!pending) throw refusal('validation', "Choisissez d'abord le fichier des pistes à importer.");
    return pending;
  };
  return {
    listPistes: (filter) => listPistes(store(), filter),
    listPisteLines: (filter) => listPisteLines(store(), filter),
    getPiste: (id) => getPiste(store(), id),
    listEvaluatorScores: (personId) => scoresOfEvaluator(store(), personId),
    createPiste: (input) => createPiste(store(), input),
    updatePiste: (id, patch) => updatePiste(store(), id, patch),
    deletePiste: (id) => deletePiste(store(), id),
    scorePiste: (pisteId, input) => scorePiste(store(), pisteId, input),
    choosePisteImport: async () => {
      const file = await choosePistesToImport(window());
      if (!file) return null;
      const sheet = await readPisteFile(readChosenFile(file));
      const preview = previewPisteImport(store(), sheet);
      pending = { name: basename(file), sheet };
      const fields = (Object.keys(IMPORT_FIELD_LABELS) as PisteImportField[]).map((field) => ({ field, label: IMPORT_FIELD_LABELS[field] }));
      return { file_name: pending.name, preview, fields };
    },
    previewPisteImport: (options) => previewPisteImport(store(), requirePending().sheet, options),
    importPistes: (options) => {
      const ids = applyPisteImport(store(), requirePending().sheet, options);
      pending = null;
      return ids;
    },
    exportPistes: async () => {
      const file = await choosePistesXlsxFile(window(), join(app.getPath('documents'), 'Pistes de coopération.xlsx'));
      if (!file) return null;
      writeFileAtomically(file, await pistesWorkbook(store()));
      return { file, rows: listPistes(store()).length };
    },
  };
}
