// The printed compte rendu (document.ts): everything ordered, numbered and labelled.
import type { ActionItemKind, Attendance, Civility, MeetingType, MinutesLayout, MinutesStatus, PartnerKind } from '../../common/vocabulary';
import type { AgendaTiming } from './types';
import type { LogoType } from '../people/types';

export interface MinutesPerson {
  /** « Mme Anne Leroy »: with the civilité when known (a guest has none). */
  name: string;
  civility: Civility | null;
  /** In lower case, as written after a name (« directrice générale des services »), but for acronyms (« DGS »). */
  function: string | null;
  organisation: string | null;
  /** For a participant représenté: by whom. */
  represented_by: string | null;
  /** « représentée par Jean Dupont », agreed with the civilité; null unless représenté. */
  represented_label: string | null;
}

/** A partner as the documents print it, with its logo when one was chosen in Paramètres. */
export interface PrintedPartner {
  id: string;
  code: string;
  name: string;
  short_name: string;
  /** Null for the default project's partners, Départements by name (common/partners.ts: allDepartements). */
  kind: PartnerKind | null;
  /** A data: URL, and its size in pixels (null for an SVG). */
  logo: { data_url: string; type: LogoType; width: number | null; height: number | null } | null;
}

/** Where a partner signs the compte rendu: « Pour le Département d'Indre-et-Loire », its signatory when known. */
export interface VisaBlock {
  partner_id: string;
  /** « Pour le Département d'Indre-et-Loire ». */
  heading: string;
  /** The president of the meeting if from this partner, else its most senior participant present. */
  signatory: MinutesPerson | null;
}

export interface MinutesActionItem {
  /** 1, 2… across the minutes, in agenda order. */
  number: number;
  item_number: number;
  kind: ActionItemKind;
  kind_label: string;
  title: string;
  /** "Claire Martin (Indre-et-Loire)". */
  responsable: string | null;
  due_date: string | null;
  /** "15/06/2027". */
  due_date_label: string | null;
  chantier_label: string | null;
  /** For a follow-up: the statut the action takes. */
  status_label: string | null;
  /** The tracked action (once the minutes are validated, for a new one). */
  action_id: string | null;
}

export interface MinutesDocument {
  layout: MinutesLayout;
  /** "Compte rendu" or "Relevé de décisions". */
  layout_label: string;
  /** "Compte rendu — CODIRI du 15 mars 2027", or with the meeting's own title. */
  heading: string;
  project_name: string;
  /** Every partner, by position (both Départements). */
  partners: PrintedPartner[];
  /** "Département d'Indre-et-Loire – Département de Loir-et-Cher". */
  organisations: string;
  meeting: {
    id: string;
    type: MeetingType;
    type_label: string;
    title: string;
    date: string;
    /** "lundi 15 mars 2027". */
    date_label: string;
    start_time: string;
    end_time: string;
    /** "de 9 h 30 à 12 h". */
    time_label: string;
    /** "2 h 30". */
    duration_label: string;
    place: string | null;
    chantiers: { number: number; title: string; label: string }[];
  };
  president: MinutesPerson | null;
  secretary: MinutesPerson | null;
  /** The partner holding the secretariat, by name. */
  secretariat: string | null;
  version: {
    number: number;
    /** "Version 2, modifiant le compte rendu validé le 4 avril 2027" (null for a first version). */
    label: string | null;
    amendment_reason: string | null;
    previous_id: string | null;
  };
  validation: {
    status: MinutesStatus;
    status_label: string;
    /** Where the minutes stand, as a sentence for the foot of the page. */
    sentence: string;
    /** Not validated yet: print as a draft ("Projet"). */
    draft: boolean;
    validated_on: string | null;
    validated_by: string | null;
    tacit: boolean;
  };
  attendance: {
    /** Présents, Excusés, Représentés, Absents (empty ones left out); each by partner in position order, then guests by organisation, then "Autres participants". */
    sections: { attendance: Attendance; label: string; count: number; groups: { label: string; people: MinutesPerson[] }[] }[];
    counts: Record<Attendance, number>;
  };
  /** The ordre du jour. */
  agenda: { number: number; title: string; presenter: string | null; duration_label: string | null; start_label: string; chantier_label: string | null }[];
  timing: AgendaTiming;
  /** Per item of the ordre du jour; a relevé de décisions leaves out notes (null) and informations ([]). */
  items: {
    number: number;
    title: string;
    presenter: string | null;
    chantier_label: string | null;
    action_label: string | null;
    notes: string | null;
    informations: string[];
    decisions: { number: number; text: string }[];
    actions: MinutesActionItem[];
  }[];
  /** Every décision, in order, with its item. */
  decisions: { number: number; text: string; item_number: number; item_title: string }[];
  /** Every action à mener, in order. */
  actions: MinutesActionItem[];
  follow_up: {
    /** "CODIRI du 15 septembre 2026", or null without a previous meeting. */
    previous_label: string | null;
    lines: {
      title: string;
      responsable: string | null;
      due_date_label: string | null;
      status_label: string;
      progress_label: string | null;
      late: boolean;
      comment: string | null;
    }[];
  };
  next_meeting: { date: string; label: string } | null;
  diffusion: string[];
  /** One per partner at the end of a compte rendu; none for a relevé de décisions. */
  visas: VisaBlock[];
}

/** One person convened to a meeting, or expected on its feuille d'émargement. */
export interface ConvenedPerson {
  name: string;
  function: string | null;
  /** For a participant représenté: by whom (the émargement's line is signed by them). */
  represented_by: string | null;
  /** « représentée par Jean Dupont », agreed with the civilité; null unless représenté. */
  represented_label: string | null;
}

/** Participants by organisation: each partner (position order), then guests by organisation, then « Autres participants ». */
export interface ConvenedGroup {
  label: string;
  people: ConvenedPerson[];
}

/** The convocation to a meeting (convocation.ts), one A4 page; every label French, with its non-breaking spaces. */
export interface ConvocationDocument {
  /** "Convocation — CODIRI du 15 mars 2027". */
  heading: string;
  project_name: string;
  partners: PrintedPartner[];
  meeting: {
    id: string;
    type: MeetingType;
    type_label: string;
    title: string;
    date: string;
    /** "lundi 15 mars 2027". */
    date_label: string;
    /** "14 h 30". */
    time_label: string;
    /** "17 h". */
    end_time_label: string;
    /** "2 h 30". */
    duration_label: string;
    place: string | null;
    chantiers: string[];
  };
  /** "Mme Anne Leroy, directrice générale des services (Département d'Indre-et-Loire)". */
  president: string | null;
  /** The partner holding the secretariat, by name. */
  secretariat: string | null;
  /** The opening sentence. */
  invitation: string;
  /** What to do when one cannot come. */
  absence_note: string;
  /** Every participant inscribed, by organisation. */
  convened: { count: number; groups: ConvenedGroup[] };
  agenda: { number: number; title: string; presenter: string | null; start_label: string; duration_label: string | null; chantier_label: string | null }[];
  /** The pistes put on its ordre du jour for arbitrage and not decided yet: « P12 », title, proposing partner. */
  pistes: { reference: string; title: string; proposed_by: string }[];
  /** The documents attached to the meeting, by name. */
  documents: string[];
  /** Those of the convened who have an e-mail address, for the courriel. */
  recipients: { name: string; email: string }[];
  /** "Marc Petit (Loir-et-Cher)": the convened without a (valid) e-mail address. */
  without_email: string[];
}

/** The feuille d'émargement: one line to sign per expected participant, then blank lines for guests. */
export interface AttendanceSheetDocument {
  /** "Feuille d'émargement — CODIRI du 15 mars 2027". */
  heading: string;
  project_name: string;
  partners: PrintedPartner[];
  meeting: {
    id: string;
    title: string;
    type_label: string;
    /** "lundi 15 mars 2027". */
    date_label: string;
    /** "de 9 h 30 à 12 h". */
    time_label: string;
    place: string | null;
  };
  /** Expected: every participant but the excusés. */
  groups: ConvenedGroup[];
  count: number;
  /** The excusés, convened but with no line to sign: « Mme Nadia Benali ». */
  excused: string[];
  /** Lines left blank for people not inscribed. */
  blank_lines: number;
}
