// The handler map: one function per API method, each a thin call into db/.
import { shell } from 'electron';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { refusal } from '../../db/errors';
import { attach, attachmentContent, detach, listAttachments, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL } from '../../db/attachments/store';
import { chooseDocumentToAttach } from '../dialogs';
import type { ApiMethod, EntenteApi, RestorableKind } from '../../preload/contract';
import { listBackups } from '../../db/project/backup';
import { listConflictViews } from '../../db/conflicts/reads';
import { resolveConflict } from '../../db/conflicts/writes';
import * as actions from '../../db/actions/writes';
import * as parties from '../../db/actions/parties';
import { actionBudget, chantierBudget } from '../../db/budget/reads';
import * as budget from '../../db/budget/writes';
import { actionIndicators, chantierIndicators } from '../../db/indicators/reads';
import * as indicators from '../../db/indicators/writes';
import * as chantiers from '../../db/chantiers/writes';
import * as people from '../../db/people/writes';
import { listPeople } from '../../db/people/reads';
import { updateProjectName } from '../../db/project/writes';
import { setPilot } from '../../db/actions/pilots';
import { restoreRow } from '../../db/store/rows';
import { restoreMeetingRow, RESTORABLE_MEETING_ROWS, type RestorableMeetingRow } from '../../db/meetings/writes';
import { databaseBytes, databaseFile } from '../../db/paths';
import { getAction, queryActionPage } from '../../db/actions/reads';
import { getActionHistory } from '../../db/actions/history';
import { myActions } from '../../db/actions/mine';
import { getChantier, listChantiers } from '../../db/chantiers/reads';
import { cooperationDashboard } from '../../db/chantiers/dashboard';
import { validationSilenceDays } from '../../db/meetings/rules';
import { openDocument, openLink } from '../links';
import { allowReminderNotifications, getReminders } from '../reminders';
import type { Session } from '../session';
import { createExportHandlers } from './export-handlers';
import { createMeetingHandlers } from './meeting-handlers';
import { createPisteArbitrationHandlers } from './piste-arbitration-handlers';
import { createPisteHandlers } from './piste-handlers';
import { createNewsletterHandlers } from './newsletter-handlers';
import { createPrintHandlers } from './print-handlers';
import { createCalendarHandlers } from './calendar-handlers';
import { createLogoHandlers } from './logo-handlers';
import { createPisteReportHandlers } from './piste-report-handlers';
import { createSyncHandlers, type SyncContext } from './sync-handlers';
import { createCooperationHandlers, type CooperationContext } from './cooperation-handlers';

export type Handlers = {
  [K in ApiMethod]: (...args: Parameters<EntenteApi[K]>) => ReturnType<EntenteApi[K]> | Promise<ReturnType<EntenteApi[K]>>;
};

const isMeetingRow = (kind: RestorableKind): kind is RestorableMeetingRow => (RESTORABLE_MEETING_ROWS as readonly string[]).includes(kind);

export function createHandlers(session: Session, { cooperations, ...sync }: Omit<SyncContext, 'session'> & { cooperations: CooperationContext }): Handlers {
  const store = () => session.requireStore();
  const following = <T>(state: T): T => {
    sync.watcher.follow();
    return state;
  };
  return {
    ...createSyncHandlers({ session, ...sync }),
    ...createMeetingHandlers(session, sync.window),
    ...createPisteArbitrationHandlers(session),
    ...createExportHandlers(session, sync.window),
    ...createPrintHandlers({ session, window: sync.window }),
    ...createCalendarHandlers(session, sync.window),
    ...createLogoHandlers(session, sync.window),
    ...createPisteHandlers(session, sync.window),
    ...createNewsletterHandlers(session, sync.window),
    ...createPisteReportHandlers({ session, window: sync.window }),
    ...createCooperationHandlers(session, cooperations),
    getAppState: () => session.state(),
    // Another database opened: its shared folder, if it has one, is watched from now on.
    completeFirstStart: (identity) => following(session.completeFirstStart(identity)),
    createCooperation: (input, identity) => following(session.createCooperation(input, identity)),
    restoreBackup: (name) => following(session.restoreBackup(name)),
    startOver: () => following(session.startOver()),
    getDashboard: (period) => cooperationDashboard(store(), { kind: period }),

    listChantiers: () => listChantiers(store()),
    getChantier: (id) => getChantier(store(), id),
    createChantier: (input) => chantiers.createChantier(store(), input),
    updateChantier: (id, patch) => chantiers.updateChantier(store(), id, patch),
    setChantierPilot: (chantierId, partnerId, personId) => setPilot(store(), chantierId, partnerId, { person_id: personId }),

    queryActions: (query, page) => queryActionPage(store(), query, page),
    getAction: (id) => getAction(store(), id),
    getActionHistory: (actionId, field) => getActionHistory(store(), actionId, field),
    createAction: (input) => actions.createAction(store(), input),
    updateAction: (id, patch) => actions.updateAction(store(), id, patch),
    deleteAction: (id) => actions.deleteAction(store(), id),
    setActionPilot: (actionId, partnerId, pilot) => setPilot(store(), actionId, partnerId, pilot),
    addStep: (actionId, label) => actions.addStep(store(), actionId, label),
    updateStep: (id, patch) => actions.updateStep(store(), id, patch),
    moveStep: (id, direction) => actions.moveStep(store(), id, direction),
    deleteStep: (id) => actions.deleteStep(store(), id),
    addNote: (actionId, note) => actions.addNote(store(), actionId, note),
    updateNote: (id, patch) => actions.updateNote(store(), id, patch),
    deleteNote: (id) => actions.deleteNote(store(), id),
    addLink: (actionId, link) => actions.addLink(store(), actionId, link),
    deleteLink: (id) => actions.deleteLink(store(), id),
    // The minutes' rows come back only while the minutes may still be edited.
    restoreDeleted: (kind, id) => (isMeetingRow(kind) ? restoreMeetingRow(store(), kind, id) : restoreRow(store(), kind, id)),
    listAttachments: (ownerId) => listAttachments(store(), ownerId),
    attachDocument: async (ownerId) => {
      const file = await chooseDocumentToAttach(sync.window());
      if (!file) return null;
      const name = basename(file);
      if (statSync(file).size > MAX_ATTACHMENT_BYTES) throw refusal('attachment-too-large', name, MAX_ATTACHMENT_LABEL);
      return { id: attach(store(), ownerId, name, readFileSync(file)), name };
    },
    openAttachment: async (id) => {
      const { attachment, bytes } = attachmentContent(store(), id);
      await openDocument(session.dataDir, attachment.name, attachment.sha256, bytes, sync.window());
    },
    detachDocument: (id) => detach(store(), id),
    getActionIndicators: (actionId) => actionIndicators(store(), actionId),
    getChantierIndicators: (chantierId) => chantierIndicators(store(), chantierId),
    createIndicator: (actionId, input) =>
      store().transaction(() => {
        const action = getAction(store(), actionId);
        const indicatorId = indicators.createIndicator(store(), { ...input, chantier_id: action.chantier_id });
        indicators.linkIndicator(store(), indicatorId, actionId);
        return indicatorId;
      }),
    updateIndicator: (id, patch) => indicators.updateIndicator(store(), id, patch),
    linkIndicator: (indicatorId, actionId) => indicators.linkIndicator(store(), indicatorId, actionId),
    unlinkIndicator: (indicatorId, actionId) => indicators.unlinkIndicator(store(), indicatorId, actionId),
    addIndicatorValue: (indicatorId, value) => indicators.addIndicatorValue(store(), indicatorId, value),
    deleteIndicatorValue: (id) => indicators.deleteIndicatorValue(store(), id),
    getActionBudget: (actionId) => actionBudget(store(), actionId),
    getChantierBudget: (chantierId) => chantierBudget(store(), chantierId),
    addBudgetLine: (actionId, line) => budget.addBudgetLine(store(), actionId, line),
    updateBudgetLine: (id, patch) => budget.updateBudgetLine(store(), id, patch),
    deleteBudgetLine: (id) => budget.deleteBudgetLine(store(), id),
    addFunding: (actionId, funding) => budget.addFunding(store(), actionId, funding),
    updateFunding: (id, patch) => budget.updateFunding(store(), id, patch),
    deleteFunding: (id) => budget.deleteFunding(store(), id),
    addParty: (actionId, party) => parties.addParty(store(), actionId, party),
    deleteParty: (id) => parties.deleteParty(store(), id),
    getMyActions: () => myActions(store()),
    getReminders: () => getReminders(session),
    setReminderNotifications: (enabled) => allowReminderNotifications(session, enabled),

    listPeople: () => listPeople(store()),
    createPerson: (input) => people.createPerson(store(), input),
    updatePerson: (id, patch) => people.updatePerson(store(), id, patch),
    deletePerson: (id) => people.deletePerson(store(), id),

    createPartner: (input) => people.createPartner(store(), input),
    updatePartner: (id, patch) => people.updatePartner(store(), id, patch),
    updateProjectName: (name) => updateProjectName(store(), name),

    listConflicts: () => listConflictViews(store()),
    resolveConflict: (entity, rowId, field, value, seen) => resolveConflict(store(), entity, rowId, field, value, seen),

    getSettings: () => {
      const file = databaseFile(session.dataDir);
      return {
        data_dir: session.dataDir,
        database_file: file,
        database_bytes: databaseBytes(file),
        backups: listBackups(session.dataDir),
        validation_silence_days: validationSilenceDays(store()),
      };
    },
    backupNow: () => session.backupByUser(),
    openDataFolder: async () => {
      const failure = await shell.openPath(session.dataDir);
      if (failure) throw refusal('folder-not-opened', session.dataDir);
    },
    openLink: (url) => openLink(url, sync.window()),
  };
}
