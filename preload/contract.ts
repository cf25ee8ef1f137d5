// The one API contract between renderer, preload and main. The preload exposes exactly
// these functions as window.api; main registers one handler per name (main/ipc) and
// validates every argument with the schemas of main/ipc/schemas.ts before calling db/.
// Type-only imports: nothing of db/ reaches the preload or renderer bundles.
import type {
  ActionItemInput,
  ActionItemPatch,
  ActionMeeting,
  AgendaItemInput,
  AgendaItemPatch,
  AgendaLinkChantier,
  CodiriProposal,
  DecisionQuery,
  DecisionRow,
  EntryInput,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingQuery,
  MeetingRow,
  ParticipantInput,
  ParticipantPatch,
} from '../db/meetings/types';
import type { ActionDetail, ActionPage, ActionPatch, ActionQuery, MyActions, NewAction, ReminderStatus } from '../db/actions/types';
import type { ActionHistory, PartyPatch } from '../db/actions/types';
import type { Attachment } from '../db/attachments/types';
import type { ActionBudget, BudgetLinePatch, ChantierBudget, FundingPatch } from '../db/budget/types';
import type { IndicatorPatch, IndicatorView, NewIndicator, NewIndicatorValue } from '../db/indicators/types';
import type { FunderType, PartyKind } from '../common/vocabulary';
import type { BackupInfo, IdentityInput, Settings } from '../db/project/types';
import type { CooperationIdentity, CooperationInput } from '../db/project/new-project';
import type { Cooperation } from '../db/project/registry';
import type { ChantierDetail, ChantierInput, ChantierSummary, CooperationDashboard, DashboardPeriod } from '../db/chantiers/types';
import type { ConflictView } from '../db/conflicts/types';
import type { EntityName } from '../db/store/schema';
import type { Partner, PartnerInput, PartnerLogo, Person, PersonInput } from '../db/people/types';

import type { ImportSummary } from '../db/sync/exchange';
import type { ExchangeFilePreview, InvitationPreview } from '../db/sync/preview';
import type { ExportRecord, FolderRoundRecord, JournalEntry } from '../db/sync/journal';
import type { ExportTarget } from '../db/sync/operations';
import type { FolderState, ReplicaStatus } from '../db/sync/status';
import type { PassphraseSeenElsewhere } from '../db/sync/passphrase-elsewhere';
import type { PosteNotice } from '../db/sync/poste-notices';
import type { AttendanceSheetDocument, ConvocationDocument, MinutesDocument } from '../db/meetings/document-types';
import type { CodiriDossier } from '../db/meetings/dossier-types';
import type { MinutesLayout } from '../common/vocabulary';
import type { ApiError } from '../db/errors';
import type { ImportLine, ImportMapping, ImportPreview, ImportResult } from '../db/exports/import';
import type { ExportAllResult, ExportFormat } from '../db/exports/export-all';
import type {
  AgendaPiste,
  ArbitrationDecision,
  ArbitrationResult,
  EvaluatorScore,
  MatrixPoint,
  NewPiste,
  PisteDetail,
  PisteFilter,
  PisteImportField,
  PisteImportOptions,
  PisteImportPreview,
  PisteLine,
  PisteOrigin,
  PistePatch,
  PisteRow,
  RankedGroup,
  ScoreInput,
} from '../db/pistes/types';
import type { NewsletterDocument, NewsletterItemPatch, NewsletterPatch, NewsletterRow } from '../db/newsletters/types';
import type { PrintedPartner } from '../db/meetings/document-types';

export type * from '../db/actions/types';
export type * from '../db/attachments/types';
export type * from '../db/budget/types';
export type * from '../db/indicators/types';
export type * from '../db/chantiers/types';
export type * from '../db/people/types';
export type * from '../db/project/types';
export type * from '../db/conflicts/types';
export type * from '../db/meetings/types';
export type * from '../db/meetings/document-types';
export type * from '../db/meetings/dossier-types';
export type * from '../db/pistes/types';
export type * from '../db/newsletters/types';
export type { Block, Inline } from '../db/newsletters/markdown';
export type { EntityName } from '../db/store/schema';
export type { ApiError, ErrorCode } from '../db/errors';
export type { ImportField } from '../db/exports/actions';
export type { ExportAllResult, ExportFormat, ImportLine, ImportMapping, ImportPreview, ImportResult };
export type {
  ImportSummary,
  InvitationPreview,
  ExportRecord,
  ExportTarget,
  FolderRoundRecord,
  FolderState,
  JournalEntry,
  PassphraseSeenElsewhere,
  PosteNotice,
  ReplicaStatus,
};

/** A sync job under way in main (off the main thread), for the progress bar. */
export interface SyncProgress {
  kind: 'import' | 'export' | 'folder' | 'invite';
  /** Changes applied so far, of total; 0 of 0 while the file is read and decrypted. For a folder round: files read so far, of those new in the folder. */
  done: number;
  total: number;
}

/** This poste's keys: none yet (no passphrase given), locked (the passphrase opens them), ready. */
export type KeysState = 'none' | 'locked' | 'ready';

/**
 * What keeps the keys between two starts: the system keychain; on Linux without a keyring,
 * only a plain-text fallback (to accept or refuse; refused, the passphrase is asked at each
 * start); or nothing at all.
 */
export type KeychainState = 'system' | 'plain-text' | 'plain-text-accepted' | 'plain-text-refused' | 'unavailable';

export interface SyncStatus {
  keys: KeysState;
  keychain: KeychainState;
  /** This poste's public key fingerprint, once it has keys. */
  fingerprint: string | null;
  /** This ordinateur was revoked by another: « l'ordinateur de … ». */
  revoked_by: string | null;
  /** A file received sealed with a passphrase this ordinateur does not know (most likely changed on its sender), once the keys are ready. */
  passphrase_seen_elsewhere: PassphraseSeenElsewhere | null;
  replica_id: string;
  folder: FolderState;
  /** The last import of an exchange file that failed, cleared by the next that goes through. */
  import_failure: { at: string; message: string } | null;
  running: SyncProgress | null;
  replicas: ReplicaStatus[];
  /** "il manque 15 mises à jour de l'ordinateur de …" */
  gaps: string[];
  journal: JournalEntry[];
}

/** Every call answers a result; a refusal carries a French sentence for the user. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type AppState =
  | {
      status: 'ready';
      app_version: string;
      project: { id: string; name: string };
      replica_id: string;
      /** This ordinateur was revoked by another (« l'ordinateur de … »): what it writes no longer counts elsewhere. */
      revoked_by: string | null;
      me: Person;
      partners: Partner[];
      data_dir: string;
    }
  | { status: 'first-start'; app_version: string; project_name: string; partners: Partner[]; data_dir: string }
  | {
      status: 'error';
      app_version: string;
      error: ApiError;
      /** For a corrupt file: the backups it can be restored from, newest first. */
      backups: BackupInfo[];
      data_dir: string;
    };

/** What window.api offers; each function answers an ApiResult. */
export interface EntenteApi {
  getAppState(): AppState;
  completeFirstStart(identity: IdentityInput): AppState;
  /** First start of a new cooperation of any collectivités (not the default project). */
  createCooperation(input: CooperationInput, identity: CooperationIdentity): AppState;
  /** A backup of the data folder, by its name (BackupInfo.name), never a path. */
  restoreBackup(name: string): AppState;
  /** For a damaged file: set it aside and start again from the first start. */
  startOver(): AppState;
  /** The cooperations of this computer (Paramètres › Coopérations), the open one marked. */
  /** `missing`: its data folder is no longer there (moved, deleted, an unplugged disk). */
  listCooperations(): (Cooperation & { open: boolean; missing: boolean })[];
  /** Closes Entente and reopens it on a registered cooperation's data folder (never any other path). */
  openCooperation(dataDir: string): string;
  /** A new empty data folder, registered; Entente reopens on it, at its first start. */
  createCooperationFolder(): string;
  /** Takes another cooperation off this computer's list; its data folder is left untouched. */
  forgetCooperation(dataDir: string): string;

  getDashboard(period: DashboardPeriod): CooperationDashboard;

  listChantiers(): ChantierSummary[];
  getChantier(id: string): ChantierDetail;
  createChantier(input: ChantierInput): string;
  updateChantier(id: string, patch: Partial<ChantierInput>): void;
  setChantierPilot(chantierId: string, partnerId: string, personId: string | null): void;

  /** One page of the matching actions, and how many match (the table is virtualised). */
  queryActions(query: ActionQuery, page: { offset: number; limit: number }): ActionPage;
  getAction(id: string): ActionDetail;
  /** The fiche's Historique: every change of the action and of its rows, newest first; `field` keeps one (HistoryField.key). */
  getActionHistory(actionId: string, field?: string | null): ActionHistory;
  createAction(input: NewAction): string;
  updateAction(id: string, patch: ActionPatch): void;
  deleteAction(id: string): void;
  /** Either field may be left out: it keeps its value. */
  setActionPilot(actionId: string, partnerId: string, pilot: { person_id?: string | null; services?: string | null }): void;
  addStep(actionId: string, label: string): string;
  updateStep(id: string, patch: { label?: string; done?: boolean }): void;
  moveStep(id: string, direction: 'up' | 'down'): void;
  deleteStep(id: string): void;
  addNote(actionId: string, note: { text: string; date?: string }): string;
  updateNote(id: string, patch: { text?: string; date?: string }): void;
  deleteNote(id: string): void;
  addLink(actionId: string, link: { label: string | null; url: string }): string;
  deleteLink(id: string): void;
  /** Undoes the deletion of a row of the fiche (an action, step, note, link, indicator value, budget line…). */
  restoreDeleted(kind: RestorableKind, id: string): void;
  /** The documents attached to an action or a meeting. */
  listAttachments(ownerId: string): Attachment[];
  /** Asks for a file and attaches it (25 Mo at most); null when cancelled. */
  attachDocument(ownerId: string): { id: string; name: string } | null;
  /** Opens an attached document with the system's application, after the same confirmation as a file link. */
  openAttachment(id: string): void;
  detachDocument(id: string): void;
  /** The indicators an action follows, each with its series and the gap to its target. */
  getActionIndicators(actionId: string): IndicatorView[];
  /** A chantier's indicators, for an action to follow one of them. */
  getChantierIndicators(chantierId: string): IndicatorView[];
  /** A new indicator of the action's chantier, followed by the action; answers its id. */
  createIndicator(actionId: string, input: Omit<NewIndicator, 'chantier_id'>): string;
  updateIndicator(id: string, patch: IndicatorPatch): void;
  linkIndicator(indicatorId: string, actionId: string): string;
  unlinkIndicator(indicatorId: string, actionId: string): void;
  addIndicatorValue(indicatorId: string, value: NewIndicatorValue): string;
  deleteIndicatorValue(id: string): void;
  getActionBudget(actionId: string): ActionBudget;
  getChantierBudget(chantierId: string): ChantierBudget;
  addBudgetLine(actionId: string, line: BudgetLinePatch & { year: number; partner_id: string }): string;
  updateBudgetLine(id: string, patch: BudgetLinePatch): void;
  deleteBudgetLine(id: string): void;
  addFunding(actionId: string, funding: FundingPatch & { funder_type: FunderType; amount: number }): string;
  updateFunding(id: string, patch: FundingPatch): void;
  deleteFunding(id: string): void;
  /** An élu référent or a partenaire extérieur of the action. */
  addParty(actionId: string, party: PartyPatch & { kind: PartyKind; name: string }): string;
  deleteParty(id: string): void;
  /** « Mes actions »: what this laptop's person pilots or is responsable for, late first. */
  getMyActions(): MyActions;
  /** The header's reminders (late, due in the next 7 days) and this laptop's notification setting. */
  getReminders(): ReminderStatus;
  /** Whether this laptop shows a system notification of the reminders (Paramètres › Rappels). */
  setReminderNotifications(enabled: boolean): void;

  listPeople(): Person[];
  createPerson(input: PersonInput): string;
  updatePerson(id: string, patch: Partial<PersonInput>): void;
  deletePerson(id: string): void;

  createPartner(input: PartnerInput): string;
  updatePartner(id: string, patch: Partial<PartnerInput>): void;
  /** Each partner's logo (Paramètres › Partenaires), printed at the top of the documents. */
  listPartnerLogos(): PartnerLogo[];
  /** Asks for an image (PNG, JPEG or SVG, 1 Mo at most) and makes it the partner's logo; null when cancelled. */
  choosePartnerLogo(partnerId: string): { name: string } | null;
  removePartnerLogo(partnerId: string): void;
  updateProjectName(name: string): void;

  /** Every field in conflict (« valeur concurrente »), with each of its versions. */
  listConflicts(): ConflictView[];
  /**
   * Settles a conflict with a chosen or merged value, for everyone; for the field
   * `deleted`, true confirms the delete and false keeps the row.
   */
  /** `seen`: the versions shown when the person chose, as [origin, seq]; refused if others are live now. */
  resolveConflict(entity: EntityName, rowId: string, field: string, value: unknown, seen: [origin: string, seq: number][]): void;

  getSettings(): Settings;
  backupNow(): BackupInfo;
  openDataFolder(): void;
  /** Opens an action's link outside the app: the browser or mail client, or a file after the user saw its path (main/links.ts). */
  openLink(url: string): void;

  /** Réunions, soonest or latest first (MeetingQuery.when). */
  listMeetings(query: MeetingQuery): MeetingRow[];
  getMeeting(id: string): MeetingDetail;
  /** What a point of the ordre du jour may be linked to: the chantiers and their actions. */
  listAgendaLinks(): AgendaLinkChantier[];
  createMeeting(input: MeetingInput): string;
  updateMeeting(id: string, patch: MeetingPatch): void;
  deleteMeeting(id: string): void;
  /**
   * The next CODIRI's proposed date and the partner whose turn it is to hold the secretariat:
   * after the given CODIRI (six months later), or after the last one (on the date it named, if it did).
   */
  getCodiriProposal(afterMeetingId: string | null): CodiriProposal;
  addParticipant(meetingId: string, input: ParticipantInput): string;
  updateParticipant(id: string, patch: ParticipantPatch): void;
  deleteParticipant(id: string): void;
  addAgendaItem(meetingId: string, input: AgendaItemInput): string;
  updateAgendaItem(id: string, patch: AgendaItemPatch): void;
  moveAgendaItem(id: string, direction: 'up' | 'down'): void;
  deleteAgendaItem(id: string): void;
  addEntry(agendaItemId: string, input: EntryInput): string;
  updateEntry(id: string, patch: Partial<EntryInput>): void;
  moveEntry(id: string, direction: 'up' | 'down'): void;
  deleteEntry(id: string): void;
  /** Saved from its form: complete, so a missing responsable is refused. */
  addActionItem(agendaItemId: string, input: ActionItemInput): string;
  updateActionItem(id: string, patch: ActionItemPatch): void;
  moveActionItem(id: string, direction: 'up' | 'down'): void;
  deleteActionItem(id: string): void;
  setFollowUpComment(meetingId: string, actionItemId: string, comment: string | null): void;
  sendForValidation(meetingId: string): void;
  returnToDraft(meetingId: string): void;
  /** Validated by this laptop's user: the actions à mener become tracked actions. */
  validateMinutes(meetingId: string): void;
  /** « Créer la prochaine réunion » (`date` omitted: six months after a CODIRI, a month after another) or « Copier la réunion » on `date`; answers the new meeting's id. */
  repeatMeeting(meetingId: string, options: { date?: string; next: boolean }): string;
  /** The date « Créer la prochaine réunion » proposes. */
  getNextMeetingDate(meetingId: string): string;
  /** What validating the minutes will do, in sentences (« 2 actions ajoutées au suivi : … »), shown before confirming. */
  getValidationEffects(meetingId: string): string[];
  /** A new version of validated minutes, the old one kept; answers the new version's id. */
  amendMinutes(meetingId: string, reason: string | null): string;
  setValidationSilenceDays(days: number): void;
  /** The meetings and décisions that concern an action (its fiche). */
  meetingsOfAction(actionId: string): ActionMeeting[];
  /** The pistes on a comité's ordre du jour and those it arbitrated, with their scores (db/pistes/agenda.ts). */
  listPistesOnAgenda(meetingId: string): AgendaPiste[];
  /** The pistes évaluées or à approfondir that the comité may put on its ordre du jour. */
  listPistesToArbitrate(meetingId: string): PisteRow[];
  putPisteOnAgenda(pisteId: string, meetingId: string): void;
  takePisteOffAgenda(pisteId: string, meetingId: string): void;
  /** A numbered décision of the meeting's minutes; a retained piste becomes an action. */
  arbitratePiste(pisteId: string, meetingId: string, decision: ArbitrationDecision): ArbitrationResult;
  /** The piste an action came from, with the meeting that retained it; null for most actions. */
  getPisteOfAction(actionId: string): PisteOrigin | null;
  /** The register of décisions: those of the latest version of every minutes, with their references (« CODIRI 2027-1 D2 »). */
  listDecisions(query: DecisionQuery): DecisionRow[];
  /** Asks where to save, then writes the register's décisions of `query` as an Excel workbook (.xlsx); null when cancelled. */
  saveDecisionsXlsx(query: DecisionQuery): { file: string; rows: number } | null;

  /** Asks where to save, then writes the actions of `query` (as filtered on screen) to Excel or CSV, or the plan d'actions (every action, a sheet per chantier); null when cancelled. */
  saveActionsSpreadsheet(query: ActionQuery, format: 'xlsx' | 'csv' | 'plan'): { file: string; rows: number } | null;
  /** Asks for a plan d'actions (.xlsx or .csv), kept by main, and answers its preview with the proposed mapping; null when cancelled. */
  chooseActionsImport(): { file_name: string; preview: ImportPreview } | null;
  /** The preview of the chosen file with another mapping of its columns; writes nothing. */
  previewActionsImport(mapping: ImportMapping): ImportPreview;
  /** Creates the chosen file's actions, all or none (refused if a line has an error). */
  applyActionsImport(mapping: ImportMapping): ImportResult;
  /**
   * « Exporter tout »: asks for a folder, then writes the whole project in a new folder inside
   * it; or asks for a .zip file and writes the same files in that archive. Null when cancelled.
   */
  exportAllData(format: ExportFormat): ExportAllResult | null;

  listPistes(filter: PisteFilter): PisteRow[];
  /** The pistes' list screen: each row's fields only. */
  listPisteLines(filter: PisteFilter): PisteLine[];
  getPiste(id: string): PisteDetail;
  /** One evaluator's scores of every piste (the scoring screen). */
  listEvaluatorScores(personId: string): EvaluatorScore[];
  createPiste(input: NewPiste): string;
  updatePiste(id: string, patch: PistePatch): void;
  deletePiste(id: string): void;
  scorePiste(pisteId: string, input: ScoreInput): string;
  /** Asks for the pistes' spreadsheet (.xlsx or .csv), kept by main, and answers its preview and the fields a column can fill; null when cancelled. */
  choosePisteImport(): { file_name: string; preview: PisteImportPreview; fields: { field: PisteImportField; label: string }[] } | null;
  /** The chosen file's preview with another mapping or atelier; writes nothing. */
  previewPisteImport(options: PisteImportOptions): PisteImportPreview;
  /** Creates the chosen file's pistes, all or none; answers their ids. */
  importPistes(options: PisteImportOptions): string[];
  /** Asks where to save, then writes the pistes, their scores and decisions as .xlsx; null when cancelled. */
  exportPistes(): { file: string; rows: number } | null;

  /** The compte rendu or the relevé de décisions as printed: ordered, numbered, labelled. */
  getMinutesDocument(meetingId: string, layout: MinutesLayout): MinutesDocument;
  /** A CODIRI's dossier: its compte rendu and where every chantier stands today. */
  getCodiriDossier(meetingId: string): CodiriDossier;
  /** The system's print dialog for what the window shows (the print preview). */
  printCurrentPage(): void;
  /** Asks where to save, then prints the preview the window shows to an A4 PDF; null when cancelled. */
  saveCurrentPageAsPdf(meetingId: string, layout: PrintLayout): SavedPdf | null;
  /** Prints the preview the window shows as that PDF would be, writes nothing, and says on which page each heading falls (a sommaire's numbers). */
  getPrintedHeadings(meetingId: string, layout: PrintLayout): PrintedHeading[];
  /** Asks where to save, then prints the fiche action the window shows to an A4 PDF; null when cancelled. */
  saveActionFicheAsPdf(actionId: string): SavedPdf | null;
  /** Opens an e-mail draft main prepared in this session with the system's mail program, to read and send it. */
  openPreparedEmail(file: string): void;
  /** The Tableau de bord de la coopération the window shows, as PDF. */
  saveDashboardAsPdf(): SavedPdf | null;

  /** The matrice of the pistes: a point per piste scored on both axes. */
  getPisteMatrix(filter: PisteFilter): PisteMatrixView;
  /** The synthèse des ateliers for the comité: the ranking within each finalité, the matrice, the partners. */
  getPistesSynthesis(filter: PisteFilter): PistesSynthesis;
  /** The synthèse des ateliers the window shows, as PDF. */
  savePistesSynthesisAsPdf(): SavedPdf | null;
  /** « Préparer le courriel » for validation: the compte rendu the window shows as a PDF in an .eml draft to the validating partners' participants; null when cancelled. */
  saveValidationEmail(meetingId: string): SavedEmail | null;
  /** Asks where to save, then writes the compte rendu or the relevé de décisions as a Word document (.docx); null when cancelled. */
  saveMinutesDocx(meetingId: string, layout: MinutesLayout): SavedDocx | null;
  /** The convocation to a meeting: when, where, who is convened, the ordre du jour, the documents to read. */
  getConvocationDocument(meetingId: string): ConvocationDocument;
  /** The feuille d'émargement: a line to sign per expected participant, blank lines for guests. */
  getAttendanceSheet(meetingId: string): AttendanceSheetDocument;
  /**
   * Prints the convocation the window shows to PDF and asks where to save the courriel
   * (.eml, a draft for Outlook or Thunderbird) carrying it; null when cancelled.
   */
  saveConvocationEmail(meetingId: string): SavedEmail | null;
  /** The lettres d'info, the latest number first. */
  listNewsletters(): NewsletterRow[];
  getNewsletter(id: string): NewsletterRow;
  /** The lettre laid out for its preview and print: Markdown parsed, partners and logos. */
  getNewsletterDocument(id: string): NewsletterDocument;
  /** « Nouvelle lettre »: the draft proposed from the facts since the last lettre; answers its id. */
  createNewsletter(): string;
  updateNewsletter(id: string, patch: NewsletterPatch): void;
  editNewsletterItem(id: string, itemId: string, patch: NewsletterItemPatch): void;
  moveNewsletterItem(id: string, itemId: string, direction: 'up' | 'down'): void;
  removeNewsletterItem(id: string, itemId: string): void;
  /** « Ajouter un article »: a free text at the end; answers its id. */
  addNewsletterItem(id: string): string;
  /** A draft only: a published lettre stays. */
  deleteNewsletter(id: string): void;
  publishNewsletter(id: string): void;
  /** The lettre the window shows, as an A4 PDF; null when cancelled. */
  saveNewsletterAsPdf(id: string): SavedPdf | null;
  /** The published lettre as an .eml draft (text and HTML) to send from Outlook or Thunderbird; null when cancelled. */
  saveNewsletterEmail(id: string): SavedEmail | null;
  /** Asks where to save the meeting as an .ics file (Outlook, Thunderbird); null when cancelled. */
  exportMeetingIcs(meetingId: string): { file: string } | null;
  /** Every upcoming meeting in one .ics file; null when cancelled. */
  exportUpcomingMeetingsIcs(): { file: string } | null;

  getSyncStatus(): SyncStatus;
  /** The project's passphrase typed on this poste: opens its keys, or makes them (12 characters at least then). */
  setSyncPassphrase(passphrase: string): void;
  /** Files written from now on use the new passphrase; the current one stays known for reading. */
  changeSyncPassphrase(current: string, next: string): void;
  /** The passphrase changed on another ordinateur, checked against the file received (SyncStatus.passphrase_seen_elsewhere) without taking it: who announced it. */
  checkSyncPassphraseAdoption(next: string): { announced_by: string };
  /** The same, taken: this ordinateur's files are sealed with it from now on. */
  adoptSyncPassphrase(next: string): { announced_by: string };
  /** No change of passphrase was announced: the files sealed with an unknown one are no longer told of (they stay set aside). */
  dismissPassphraseNotes(): void;
  /** Linux without a keyring: whether the keys may be kept sealed by the plain-text fallback. */
  answerPlainTextKeychain(accepted: boolean): void;
  /** Revokes a lost or departed poste (Paramètres › Ordinateurs). */
  revokePoste(replicaId: string): { revoked_after: number };
  /** Names this ordinateur (« Portable DRH »), or takes its name away (null): Paramètres › Ordinateurs. */
  nameThisComputer(label: string | null): void;
  /** Records on this laptop that a poste's key has the fingerprint its owner read from their screen (Paramètres › Ordinateurs). */
  confirmPosteKey(replicaId: string, heardFingerprint: string): { confirmed_at: string };
  /** Postes that joined and revocations received since this laptop's user last said they were expected. */
  listPosteNotices(): PosteNotice[];
  /** This laptop's user saw these notices (their `key`) and says they were expected: no longer told. */
  markPostesSeen(keys: string[]): void;
  /** Asks where to save, then writes the file; null when the user cancelled. */
  exportSyncFile(target: ExportTarget): ExportRecord | null;
  /** Asks for a file, then imports it; null when the user cancelled. */
  importSyncFile(): ImportSummary | null;
  /** A file dropped on the window. */
  importSyncData(bytes: Uint8Array): ImportSummary;
  /** Asks for the shared folder, keeps it and syncs with it; null when the user cancelled. */
  chooseSharedFolder(): FolderState | null;
  forgetSharedFolder(): void;
  syncSharedFolderNow(): FolderRoundRecord;
  /** Writes an invitation for a new laptop where the user says; null when cancelled. */
  createInvitation(): ExportRecord | null;
  /** First start: asks for the invitation file; null when cancelled. */
  chooseInvitation(): { file_name: string } | null;
  /** First start: what the chosen invitation holds, once its passphrase is given. */
  previewInvitation(passphrase: string): InvitationPreview;
  /** A .entente file the system asked Entente to open (a double-click), with what it holds; null when none. */
  getOpenedFile(): OpenedFile | null;
  /** Imports the opened exchange file, the one the window shows (its id), with the project's passphrase, then forgets it. */
  importOpenedFile(id: number): ImportSummary;
  /** Forgets the opened file (its id) without importing it; another opened since stays. */
  dismissOpenedFile(id: number): void;
  /** First start: the opened file becomes the invitation to join from; null when none. */
  takeOpenedInvitation(): { file_name: string } | null;
  /** First start: joins the project of the chosen invitation. */
  joinProject(passphrase: string, identity: IdentityInput & { person_id: string | null; label: string | null }): AppState;
}

/** A file the system asked Entente to open: an exchange file of this project, an invitation at first start, or a file it cannot read. */
/** `id`: which file the system offered, for importOpenedFile and dismissOpenedFile to name the one shown. */
export type OpenedFile = (
  { kind: 'exchange'; preview: ExchangeFilePreview } | { kind: 'invitation'; file_name: string } | { kind: 'refused'; file_name: string; message: string }
) & { id: number };

export type RestorableKind =
  | 'action'
  | 'step'
  | 'note'
  | 'link'
  | 'indicator_value'
  | 'budget_line'
  | 'funding'
  | 'action_party'
  | 'indicator_link'
  | 'attachment'
  | 'participant'
  | 'agenda_item'
  | 'entry'
  | 'action_item';

/** What the print preview shows: a compte rendu, a relevé de décisions, or a CODIRI's whole dossier. */
export type PrintLayout = MinutesLayout | 'dossier_codiri' | 'convocation' | 'emargement';

/** A courriel written as an .eml file: to whom, and who has no address. */
export interface SavedEmail {
  file: string;
  /** « Anne Leroy <anne.leroy@departement37.fr> ». */
  recipients: string[];
  /** « Marc Petit (Loir-et-Cher) ». */
  without_email: string[];
}

/** A Word document written (.docx). */
export interface SavedDocx {
  file: string;
  bytes: number;
}

/** The matrice's points, and how many pistes of the same filter still wait for scores on both axes. */
export interface PisteMatrixView {
  points: MatrixPoint[];
  unscored: number;
}

export interface PistesSynthesis {
  today: string;
  partners: PrintedPartner[];
  groups: RankedGroup[];
  matrix: PisteMatrixView;
}

export interface SavedPdf {
  file: string;
  bytes: number;
  /** Counted in the PDF written; left out if it cannot be read there. */
  pages?: number;
}

/** A heading of a printed document, as its PDF's outline gives it, and its page (from 1). */
export interface PrintedHeading {
  title: string;
  page: number;
}

export type ApiMethod = keyof EntenteApi;

/**
 * Every method and its kind, in one place: a 'write' changes data, so every screen reloads
 * after it succeeds; a 'read' changes nothing (printing and calendar files included). The
 * compiler refuses a method of EntenteApi missing here, or a name that is not one.
 */
export const API_METHOD_KINDS = {
  getAppState: 'read',
  completeFirstStart: 'write',
  createCooperation: 'write',
  restoreBackup: 'write',
  startOver: 'write',
  // They change no data: the registry, and Entente reopened elsewhere.
  listCooperations: 'read',
  openCooperation: 'read',
  createCooperationFolder: 'read',
  forgetCooperation: 'read',
  getDashboard: 'read',
  listChantiers: 'read',
  getChantier: 'read',
  createChantier: 'write',
  updateChantier: 'write',
  setChantierPilot: 'write',
  queryActions: 'read',
  getAction: 'read',
  getActionHistory: 'read',
  createAction: 'write',
  updateAction: 'write',
  deleteAction: 'write',
  setActionPilot: 'write',
  addStep: 'write',
  updateStep: 'write',
  moveStep: 'write',
  deleteStep: 'write',
  addNote: 'write',
  updateNote: 'write',
  deleteNote: 'write',
  addLink: 'write',
  deleteLink: 'write',
  restoreDeleted: 'write',
  listAttachments: 'read',
  attachDocument: 'write',
  openAttachment: 'read',
  detachDocument: 'write',
  getActionIndicators: 'read',
  getChantierIndicators: 'read',
  createIndicator: 'write',
  updateIndicator: 'write',
  linkIndicator: 'write',
  unlinkIndicator: 'write',
  addIndicatorValue: 'write',
  deleteIndicatorValue: 'write',
  getActionBudget: 'read',
  getChantierBudget: 'read',
  addBudgetLine: 'write',
  updateBudgetLine: 'write',
  deleteBudgetLine: 'write',
  addFunding: 'write',
  updateFunding: 'write',
  deleteFunding: 'write',
  addParty: 'write',
  deleteParty: 'write',
  getMyActions: 'read',
  getReminders: 'read',
  setReminderNotifications: 'write',
  listPeople: 'read',
  createPerson: 'write',
  updatePerson: 'write',
  deletePerson: 'write',
  createPartner: 'write',
  updatePartner: 'write',
  listPartnerLogos: 'read',
  choosePartnerLogo: 'write',
  removePartnerLogo: 'write',
  updateProjectName: 'write',
  listConflicts: 'read',
  resolveConflict: 'write',
  getSettings: 'read',
  backupNow: 'write',
  openDataFolder: 'read',
  openLink: 'read',
  listMeetings: 'read',
  getMeeting: 'read',
  listAgendaLinks: 'read',
  createMeeting: 'write',
  updateMeeting: 'write',
  deleteMeeting: 'write',
  getCodiriProposal: 'read',
  addParticipant: 'write',
  updateParticipant: 'write',
  deleteParticipant: 'write',
  addAgendaItem: 'write',
  updateAgendaItem: 'write',
  moveAgendaItem: 'write',
  deleteAgendaItem: 'write',
  addEntry: 'write',
  updateEntry: 'write',
  moveEntry: 'write',
  deleteEntry: 'write',
  addActionItem: 'write',
  updateActionItem: 'write',
  moveActionItem: 'write',
  deleteActionItem: 'write',
  setFollowUpComment: 'write',
  sendForValidation: 'write',
  returnToDraft: 'write',
  validateMinutes: 'write',
  getValidationEffects: 'read',
  repeatMeeting: 'write',
  getNextMeetingDate: 'read',
  amendMinutes: 'write',
  setValidationSilenceDays: 'write',
  meetingsOfAction: 'read',
  listPistesOnAgenda: 'read',
  listPistesToArbitrate: 'read',
  putPisteOnAgenda: 'write',
  takePisteOffAgenda: 'write',
  arbitratePiste: 'write',
  getPisteOfAction: 'read',
  listDecisions: 'read',
  // Writes a file, changes no data (as the PDFs and calendars).
  saveDecisionsXlsx: 'read',
  // Writes files, changes no data (as the PDFs).
  saveActionsSpreadsheet: 'read',
  chooseActionsImport: 'read',
  previewActionsImport: 'read',
  applyActionsImport: 'write',
  exportAllData: 'read',
  listPistes: 'read',
  listPisteLines: 'read',
  getPiste: 'read',
  listEvaluatorScores: 'read',
  createPiste: 'write',
  updatePiste: 'write',
  deletePiste: 'write',
  scorePiste: 'write',
  choosePisteImport: 'read',
  previewPisteImport: 'read',
  importPistes: 'write',
  // Writes a file, changes no data.
  exportPistes: 'read',
  getMinutesDocument: 'read',
  getCodiriDossier: 'read',
  printCurrentPage: 'read',
  saveCurrentPageAsPdf: 'read',
  getPrintedHeadings: 'read',
  openPreparedEmail: 'read',
  saveActionFicheAsPdf: 'read',
  saveDashboardAsPdf: 'read',
  getPisteMatrix: 'read',
  getPistesSynthesis: 'read',
  savePistesSynthesisAsPdf: 'read',
  saveValidationEmail: 'read',
  saveMinutesDocx: 'read',
  getConvocationDocument: 'read',
  getAttendanceSheet: 'read',
  saveConvocationEmail: 'read',
  listNewsletters: 'read',
  getNewsletter: 'read',
  getNewsletterDocument: 'read',
  createNewsletter: 'write',
  updateNewsletter: 'write',
  editNewsletterItem: 'write',
  moveNewsletterItem: 'write',
  removeNewsletterItem: 'write',
  addNewsletterItem: 'write',
  deleteNewsletter: 'write',
  publishNewsletter: 'write',
  // Write files, change no data (as the PDFs and the other courriels).
  saveNewsletterAsPdf: 'read',
  saveNewsletterEmail: 'read',
  exportMeetingIcs: 'read',
  exportUpcomingMeetingsIcs: 'read',
  getSyncStatus: 'read',
  changeSyncPassphrase: 'write',
  checkSyncPassphraseAdoption: 'read',
  adoptSyncPassphrase: 'write',
  dismissPassphraseNotes: 'write',
  answerPlainTextKeychain: 'write',
  revokePoste: 'write',
  confirmPosteKey: 'write',
  nameThisComputer: 'write',
  listPosteNotices: 'read',
  markPostesSeen: 'write',
  setSyncPassphrase: 'write',
  exportSyncFile: 'write',
  importSyncFile: 'write',
  importSyncData: 'write',
  chooseSharedFolder: 'write',
  forgetSharedFolder: 'write',
  syncSharedFolderNow: 'write',
  createInvitation: 'write',
  chooseInvitation: 'read',
  previewInvitation: 'read',
  getOpenedFile: 'read',
  importOpenedFile: 'write',
  dismissOpenedFile: 'write',
  takeOpenedInvitation: 'read',
  joinProject: 'write',
} as const satisfies Record<ApiMethod, 'read' | 'write'>;

/** The names the preload exposes and main registers. */
export const API_METHODS = Object.keys(API_METHOD_KINDS) as ApiMethod[];

/** Why data changed behind the renderer's back: other postes' changes (an import, a shared-folder round), a tacit validation, a file the system asked to open. */
export type DataChange = 'sync' | 'validation' | 'opened-file';

/** window.api as the renderer sees it: every call is asynchronous and answers a result. */
export type RendererApi = {
  [K in ApiMethod]: (...args: Parameters<EntenteApi[K]>) => Promise<ApiResult<ReturnType<EntenteApi[K]>>>;
} & {
  /** Called when data changed behind the renderer's back, with why; returns an unsubscribe. */
  onDataChanged(listener: (change: DataChange) => void): () => void;
  /** Called as a sync job advances, and with null when it ends; returns an unsubscribe. */
  onSyncProgress(listener: (progress: SyncProgress | null) => void): () => void;
};

export const IPC_CHANNEL = 'entente:api';
export const DATA_CHANGED_CHANNEL = 'entente:data-changed';
export const SYNC_PROGRESS_CHANNEL = 'entente:sync-progress';
