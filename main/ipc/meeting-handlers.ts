// The Réunions screens' handlers: thin calls into db/ (db/meetings/writes.ts, db/meetings/validation.ts, db/meetings/reads.ts).
import * as meetings from '../../db/meetings/writes';
import * as minutes from '../../db/meetings/validation';
import { agendaLinks, getMeeting, listMeetings, meetingsOfAction } from '../../db/meetings/reads';
import { nextCodiriProposal } from '../../db/meetings/rules';
import { refusal } from '../../db/errors';
import { nextMeetingDate, repeatMeeting } from '../../db/meetings/repeat';
import { describeDecisionQuery, listDecisions } from '../../db/meetings/decisions';
import { decisionsWorkbook } from '../../db/meetings/decisions-xlsx';
import { writeFileAtomically } from '../../db/files';
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { chooseXlsxFile } from '../dialogs';
import type { Session } from '../session';
import type { Handlers } from './handlers';

type MeetingMethods =
  | 'listMeetings'
  | 'getMeeting'
  | 'listAgendaLinks'
  | 'createMeeting'
  | 'updateMeeting'
  | 'deleteMeeting'
  | 'getCodiriProposal'
  | 'addParticipant'
  | 'updateParticipant'
  | 'deleteParticipant'
  | 'addAgendaItem'
  | 'updateAgendaItem'
  | 'moveAgendaItem'
  | 'deleteAgendaItem'
  | 'addEntry'
  | 'updateEntry'
  | 'moveEntry'
  | 'deleteEntry'
  | 'addActionItem'
  | 'updateActionItem'
  | 'moveActionItem'
  | 'deleteActionItem'
  | 'setFollowUpComment'
  | 'sendForValidation'
  | 'returnToDraft'
  | 'validateMinutes'
  | 'getValidationEffects'
  | 'repeatMeeting'
  | 'getNextMeetingDate'
  | 'amendMinutes'
  | 'setValidationSilenceDays'
  | 'meetingsOfAction'
  | 'listDecisions'
  | 'saveDecisionsXlsx';

export function createMeetingHandlers(session: Session, window: () => BrowserWindow | undefined): Pick<Handlers, MeetingMethods> {
  const store = () => session.requireStore();
  return {
    listMeetings: (query) => listMeetings(store(), query),
    getMeeting: (id) => getMeeting(store(), id),
    listAgendaLinks: () => agendaLinks(store()),
    createMeeting: (input) => meetings.createMeeting(store(), input),
    updateMeeting: (id, patch) => meetings.updateMeeting(store(), id, patch),
    deleteMeeting: (id) => meetings.deleteMeeting(store(), id),
    getCodiriProposal: (afterMeetingId) => nextCodiriProposal(store(), afterMeetingId ?? undefined),
    addParticipant: (meetingId, input) => meetings.addParticipant(store(), meetingId, input),
    updateParticipant: (id, patch) => meetings.updateParticipant(store(), id, patch),
    deleteParticipant: (id) => meetings.deleteParticipant(store(), id),
    addAgendaItem: (meetingId, input) => meetings.addAgendaItem(store(), meetingId, input),
    updateAgendaItem: (id, patch) => meetings.updateAgendaItem(store(), id, patch),
    moveAgendaItem: (id, direction) => meetings.moveAgendaItem(store(), id, direction),
    deleteAgendaItem: (id) => meetings.deleteAgendaItem(store(), id),
    addEntry: (agendaItemId, input) => meetings.addEntry(store(), agendaItemId, input),
    updateEntry: (id, patch) => meetings.updateEntry(store(), id, patch),
    moveEntry: (id, direction) => meetings.moveEntry(store(), id, direction),
    deleteEntry: (id) => meetings.deleteEntry(store(), id),
    addActionItem: (agendaItemId, input) => meetings.addActionItem(store(), agendaItemId, input, { complete: true }),
    updateActionItem: (id, patch) => meetings.updateActionItem(store(), id, patch, { complete: true }),
    moveActionItem: (id, direction) => meetings.moveActionItem(store(), id, direction),
    deleteActionItem: (id) => meetings.deleteActionItem(store(), id),
    setFollowUpComment: (meetingId, actionItemId, comment) => meetings.setFollowUpComment(store(), meetingId, actionItemId, comment),
    sendForValidation: (meetingId) => minutes.sendForValidation(store(), meetingId),
    returnToDraft: (meetingId) => minutes.returnToDraft(store(), meetingId),
    getValidationEffects: (meetingId) => minutes.validationEffects(store(), meetingId),
    repeatMeeting: (meetingId, options) => repeatMeeting(store(), meetingId, options),
    getNextMeetingDate: (meetingId) => nextMeetingDate(store(), meetingId),
    validateMinutes: (meetingId) => {
      const me = store().personId;
      if (!me) throw refusal('no-identity');
      minutes.validateMinutes(store(), meetingId, { validatedBy: me });
    },
    amendMinutes: (meetingId, reason) => minutes.amendMinutes(store(), meetingId, reason),
    setValidationSilenceDays: (days) => meetings.setValidationSilenceDays(store(), days),
    meetingsOfAction: (actionId) => meetingsOfAction(store(), actionId),
    listDecisions: (query) => listDecisions(store(), query),
    saveDecisionsXlsx: async (query) => {
      const file = await chooseXlsxFile(window(), join(app.getPath('documents'), 'Registre des décisions.xlsx'));
      if (!file) return null;
      // Read once the file is chosen: the register as it stands when written.
      const rows = listDecisions(store(), query);
      writeFileAtomically(file, await decisionsWorkbook(store(), rows, { subject: describeDecisionQuery(store(), query) }));
      return { file, rows: rows.length };
    },
  };
}
