// The dossier du CODIRI (dossier.ts): what the members read before the meeting, as one plain
// object the printing code lays out. Every date and code is given with its French words.
import type { ActionStatus, Stage } from '../../common/vocabulary';
import type { CooperationDashboard } from '../chantiers/types';
import type { ConvocationDocument, MinutesDocument, PrintedPartner } from './document-types';
import type { MeetingRef } from './types';

/** One action of a chantier, as its page lists it. */
export interface DossierAction {
  id: string;
  /** « 4.2 »: the chantier's number and the action's; « 4 » for an action numbered before schema 5. */
  reference: string;
  title: string;
  status: ActionStatus | null;
  /** « En cours », « Sans statut ». */
  status_label: string;
  /** The échéance (end date), YYYY-MM-DD, and as « 30/06/2027 ». */
  end_date: string | null;
  end_date_label: string | null;
  /** Its échéance has passed and it is neither réalisée nor abandonnée. */
  late: boolean;
  /** Its statut is « Bloqué ». */
  blocked: boolean;
}

/** What changed on an action since the previous CODIRI, as the change log holds it. */
export interface DossierChange {
  action_id: string;
  reference: string;
  title: string;
  kind: 'created' | 'status' | 'end_date';
  /** « Action créée », « Statut : À venir → Bloqué », « Échéance : 30/06/2027 → 30/09/2027 ». */
  text: string;
  /** The day of the latest change of that kind, YYYY-MM-DD. */
  on: string;
}

/** One chantier's page of the dossier. */
export interface DossierChantier {
  id: string;
  number: number;
  title: string;
  /** One line per partner, by position; person null: no pilote named. */
  pilots: { partner: string; person: string | null }[];
  stage: Stage;
  stage_label: string;
  /** The day the stage was last set, when a user set it (null for the project's starting data). */
  stage_since: string | null;
  /** 0-100, « Réalisé » counting as 100. */
  progress: number;
  actions: DossierAction[];
  late: number;
  blocked: number;
  /** Since the previous CODIRI (empty without one), by action reference. */
  changes: DossierChange[];
}

/** A point of the ordre du jour, a piste on it, or an action marked « à arbitrer ». */
export interface ExpectedDecision {
  kind: 'point' | 'piste' | 'action';
  /** « Point 2 », « Piste P12 », « Action 4.2 ». */
  reference: string;
  title: string;
  /** « Chantier 4 · Les ressources humaines ». */
  chantier_label: string | null;
  /** Who presents the point, the partner who proposed the piste, or the action's pilotes (« Marc Petit (Loir-et-Cher) »). */
  by: string | null;
}

export interface CodiriDossier {
  /** « Dossier du CODIRI du 15 mars 2027 ». */
  heading: string;
  project_name: string;
  partners: PrintedPartner[];
  /** The day statuts, « en retard » and the Tableau de bord are counted for. */
  today: string;
  /** The meeting itself: date, time, place, présidence, ordre du jour with presenters and durations. */
  convocation: ConvocationDocument;
  /** The previous CODIRI (latest version of its minutes) and its compte rendu, to approve; null for the first CODIRI. */
  previous: { meeting: MeetingRef; minutes: MinutesDocument } | null;
  chantiers: DossierChantier[];
  decisions: ExpectedDecision[];
  /**
   * The Tableau de bord on `today`, its key figures over the period since the CODIRI before
   * this one (« depuis le dernier CODIRI » as the dashboard says it, that CODIRI excluded).
   */
  dashboard: CooperationDashboard;
}
