// The shapes the pistes answer and take: the piste, its évaluation croisée, the matrice,
// the ranking, the arbitrage, the import from a spreadsheet.
import type { Finalite, MeetingType, PisteStatus, PisteStoredStatus, Quadrant } from '../../common/vocabulary';

export interface NewPiste {
  title: string;
  description?: string | null;
  proposed_by_partner_id: string;
  proposed_by_service?: string | null;
  proposed_by_person?: string | null;
  atelier_meeting_id?: string | null;
  finalites?: Finalite[];
  chantier_id?: string | null;
}

/** What a user edits; the statut, the decision and the action belong to the arbitrage. */
export type PistePatch = Partial<NewPiste>;

export interface ScoreInput {
  evaluator_person_id: string;
  /** Undefined: left as it is; null: cleared. */
  plus_value?: number | null;
  faisabilite?: number | null;
  comment?: string | null;
}

/** Means of one partner's evaluators, or of all partners together; null before any score on the axis. */
export interface ScoreMeans {
  plus_value: number | null;
  faisabilite: number | null;
  /** Evaluators who scored at least one axis. */
  evaluators: number;
}

export interface PartnerMeans extends ScoreMeans {
  partner_id: string;
  partner_code: string;
  partner_short_name: string;
}

/** The largest gap between two partners' means on each axis (null with fewer than two partners scoring it). */
export interface Disagreement {
  plus_value: number | null;
  faisabilite: number | null;
  /** A gap of DISAGREEMENT_THRESHOLD or more on either axis. */
  flagged: boolean;
}

export interface PisteRow {
  id: string;
  number: number;
  /** « P12 ». */
  reference: string;
  title: string;
  description: string | null;
  proposed_by: { partner_id: string; code: string; short_name: string; service: string | null; person: string | null };
  atelier: { id: string; date: string; title: string } | null;
  finalites: Finalite[];
  chantier: { id: string; number: number; title: string } | null;
  /** As shown: « évaluée » and « devenue action » read from the facts (rules.ts). */
  status: PisteStatus;
  stored_status: PisteStoredStatus;
  status_reason: string | null;
  action_id: string | null;
  decision: { entry_id: string; meeting_id: string; number: number | null; text: string } | null;
  by_partner: PartnerMeans[];
  together: ScoreMeans;
  disagreement: Disagreement;
  quadrant: Quadrant | null;
}

/**
 * A piste as the list shows and sorts it, nothing of its fiche: 1 000 of them cross to the
 * window in a fraction of the full rows' size.
 */
export interface PisteLine {
  id: string;
  number: number;
  reference: string;
  title: string;
  proposed_by: Pick<PisteRow['proposed_by'], 'short_name' | 'service'>;
  finalites: Finalite[];
  status: PisteStatus;
  together: Pick<ScoreMeans, 'plus_value' | 'faisabilite'>;
  /** Each partner's means when the partners disagree (the mark's tooltip); null when they do not. */
  disagreement: PartnerMeansShown[] | null;
}

/** A partner's means as the disagreement's tooltip says them. */
export type PartnerMeansShown = Pick<PartnerMeans, 'partner_short_name' | 'plus_value' | 'faisabilite'>;

export interface PisteFilter {
  finalite?: Finalite;
  partner_id?: string;
  status?: PisteStatus;
  chantier_id?: string;
}

export interface PisteScore {
  id: string;
  evaluator_person_id: string;
  evaluator_name: string;
  partner_id: string;
  plus_value: number | null;
  faisabilite: number | null;
  comment: string | null;
}

/** One evaluator's marks on a piste (the scoring screen's own marks). */
export interface EvaluatorScore {
  piste_id: string;
  plus_value: number | null;
  faisabilite: number | null;
  comment: string | null;
}

export interface PisteDetail extends PisteRow {
  scores: PisteScore[];
}

export interface MatrixPoint {
  piste_id: string;
  reference: string;
  title: string;
  plus_value: number;
  faisabilite: number;
  quadrant: Quadrant;
  partner_id: string;
  partner_code: string;
  status: PisteStatus;
  disagreement: boolean;
}

export interface RankedGroup {
  /** null: the pistes without a finalité. */
  finalite: Finalite | null;
  label: string;
  /** Best first; unscored pistes last. A piste of several finalités is ranked in each. */
  pistes: (PisteRow & { rank: number; product: number | null })[];
}

export type ArbitrationDecision =
  | { kind: 'retenue'; chantier_id: string; new_chantier_title?: undefined }
  | { kind: 'retenue'; new_chantier_title: string; chantier_id?: undefined }
  | { kind: 'a_approfondir'; reason?: string | null }
  | { kind: 'ecartee'; reason: string };

export interface ArbitrationResult {
  entry_id: string;
  /** The décision's number in the meeting's minutes. */
  decision_number: number;
  action_id: string | null;
  chantier_id: string | null;
}

/** A field a spreadsheet column can fill. */
export type PisteImportField = 'title' | 'description' | 'partner' | 'service' | 'person' | 'finalites' | 'chantier';

export interface PisteImportOptions {
  /** Header (as written in the file) → field, or null to ignore the column; overrides the proposal. */
  mapping?: Record<string, PisteImportField | null>;
  /** The atelier every imported piste came from. */
  atelier_meeting_id?: string | null;
}

export interface PisteImportRow {
  /** The spreadsheet's line number (the headers are line 1). */
  line: number;
  piste: NewPiste | null;
  errors: string[];
}

export interface PisteImportPreview {
  format: 'xlsx' | 'csv';
  headers: string[];
  /** For each column, in order: the field it fills, or null. */
  mapping: (PisteImportField | null)[];
  rows: PisteImportRow[];
  /** Problems of the whole file (no title column…). */
  errors: string[];
  /** Every row's errors, then the file's, as sentences (« Ligne 7 : le titre est vide. »). */
  problems: string[];
}

/** A piste on the ordre du jour of a comité de pilotage or a CODIRI, as its arbitrage shows it. */
export interface AgendaPiste extends PisteRow {
  /** Its décision is one of this meeting's (else it awaits one here). */
  decided_here: boolean;
  /** « 4.7 »: the action a retained piste became. */
  action_reference: string | null;
}

/** The piste an action came from, with the meeting that retained it (the action's fiche). */
export interface PisteOrigin extends PisteRow {
  decision_meeting: { id: string; type: MeetingType; date: string; title: string } | null;
}
