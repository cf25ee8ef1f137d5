// The handlers of spreadsheets and « Exporter tout »: a dialog, then a thin call into db/exports.
// The file to import stays here, read once, between the preview and the confirmation: the
// renderer names no path, and what is written is what was previewed.
import { app, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import { localDate } from '../../common/calendar';
import { refusal } from '../../db/errors';
import { actionExportRows, actionsCsv, actionsXlsx, planXlsx } from '../../db/exports/actions';
import { exportAll, newExportFolder } from '../../db/exports/export-all';
import { applyImport, previewImport, readSpreadsheet, type Table } from '../../db/exports/import';
import { readChosenFile, writeFileAtomically } from '../../db/files';
import { chooseExportAllFolder, chooseExportAllZip, chooseSpreadsheetFile, chooseSpreadsheetToImport } from '../dialogs';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type ExportMethods = 'saveActionsSpreadsheet' | 'chooseActionsImport' | 'previewActionsImport' | 'applyActionsImport' | 'exportAllData';

const DEFAULT_NAMES = { xlsx: 'Actions.xlsx', csv: 'Actions.csv', plan: "Plan d'actions.xlsx" } as const;

export function createExportHandlers(session: Session, window: () => BrowserWindow | undefined): Pick<Handlers, ExportMethods> {
  const store = () => session.requireStore();
  let pending: { name: string; tables: Table[] } | null = null;
  const requirePending = () => {
    if (!pending) throw refusal('validation', "Choisissez d'abord le fichier à importer.");
    return pending;
  };
  return {
    saveActionsSpreadsheet: async (query, format) => {
      const extension = format === 'csv' ? '.csv' : '.xlsx';
      const file = await chooseSpreadsheetFile(window(), join(app.getPath('documents'), DEFAULT_NAMES[format]), extension);
      if (!file) return null;
      // Read once the file is chosen: the actions as they stand when written.
      const bytes = format === 'plan' ? await planXlsx(store()) : format === 'xlsx' ? await actionsXlsx(store(), query) : actionsCsv(store(), query);
      writeFileAtomically(file, bytes);
      return { file, rows: actionExportRows(store(), format === 'plan' ? {} : query).length };
    },
    chooseActionsImport: async () => {
      const file = await chooseSpreadsheetToImport(window());
      if (!file) return null;
      const tables = await readSpreadsheet(readChosenFile(file));
      const preview = previewImport(store(), tables);
      pending = { name: basename(file), tables };
      return { file_name: pending.name, preview };
    },
    previewActionsImport: (mapping) => previewImport(store(), requirePending().tables, mapping),
    applyActionsImport: (mapping) => {
      const result = applyImport(store(), requirePending().tables, mapping);
      pending = null;
      return result;
    },
    exportAllData: async (format) => {
      if (format === 'zip') {
        const file = await chooseExportAllZip(window(), join(app.getPath('documents'), `Entente - export du ${localDate()}.zip`));
        return file ? exportAll(store(), file) : null;
      }
      const parent = await chooseExportAllFolder(window());
      if (!parent) return null;
      return exportAll(store(), newExportFolder(parent, localDate()));
    },
  };
}
