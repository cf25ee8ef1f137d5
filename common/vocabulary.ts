// The French vocabulary of the method (docs/domain.md). Codes are stored; labels are shown.
// Pure data: imported by db/, main/ and renderer/ alike.

export const ACTION_STATUSES = ['a_venir', 'en_cours', 'realise', 'en_pause', 'abandonne', 'bloque'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  a_venir: 'À venir',
  en_cours: 'En cours',
  realise: 'Réalisé',
  en_pause: 'En pause',
  abandonne: 'Abandonné',
  bloque: 'Bloqué',
};
/** Statuses after which an action can no longer be late. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['realise', 'abandonne'];

export const PRIORITIES = ['elevee', 'moyenne', 'basse'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { elevee: 'Élevée', moyenne: 'Moyenne', basse: 'Basse' };

export const STAGES = ['decouverte', 'echange', 'parole_commune', 'projets_partages'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  decouverte: 'Découverte mutuelle',
  echange: 'Échange en confiance',
  parole_commune: "Constitution d'une parole commune",
  projets_partages: 'Réalisation de projets partagés',
};

export const FINALITES = [
  'territoire_partage',
  'economies_echelle',
  'innovation',
  'echange_pratiques',
  'harmonisation',
  'influence',
] as const;
export type Finalite = (typeof FINALITES)[number];
export const FINALITE_LABELS: Record<Finalite, string> = {
  territoire_partage: 'Territoire partagé',
  economies_echelle: "Économies d'échelle",
  innovation: 'Innovation / expérimentation',
  echange_pratiques: 'Échange de pratiques',
  harmonisation: 'Harmonisation du service rendu aux usagers',
  influence: 'Poids / influence',
};

export const COOPERATION_FORMS = ['institutionnelle_technique', 'actions_conjointes', 'mutualisation', 'etablissement_ad_hoc', 'fusion'] as const;
export type CooperationForm = (typeof COOPERATION_FORMS)[number];
export const COOPERATION_FORM_LABELS: Record<CooperationForm, string> = {
  institutionnelle_technique: 'Institutionnelle ou technique',
  actions_conjointes: 'Actions conjointes',
  mutualisation: 'Mutualisation de services',
  etablissement_ad_hoc: 'Établissement ad hoc',
  fusion: 'Fusion',
};

// Réunions and their comptes rendus.

export const MEETING_TYPES = ['codiri', 'comite_pilotage', 'atelier', 'reunion_travail'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  codiri: 'CODIRI',
  comite_pilotage: 'Comité de pilotage',
  atelier: 'Atelier interdépartemental',
  reunion_travail: 'Réunion de travail',
};

export const ATTENDANCES = ['present', 'excuse', 'represente', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
/** One participant's attendance. */
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Présent·e',
  excuse: 'Excusé·e',
  represente: 'Représenté·e',
  absent: 'Absent·e',
};
/** The heading of a list of participants in the minutes. */
export const ATTENDANCE_SECTION_LABELS: Record<Attendance, string> = {
  present: 'Présents',
  excuse: 'Excusés',
  represente: 'Représentés',
  absent: 'Absents',
};

/** brouillon → envoyé pour validation (to the other partners) → validé (by a person, or by silence). */
export const MINUTES_STATUSES = ['brouillon', 'envoye', 'valide'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  brouillon: 'Brouillon',
  envoye: 'Envoyé pour validation',
  valide: 'Validé',
};

/** What is written under an item of the ordre du jour, besides its free notes. */
export const ENTRY_KINDS = ['information', 'decision'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = { information: 'Information', decision: 'Décision' };

/** An action à mener: a new action, or a follow-up of an action already tracked. */
export const ACTION_ITEM_KINDS = ['nouvelle', 'suivi'] as const;
export type ActionItemKind = (typeof ACTION_ITEM_KINDS)[number];
export const ACTION_ITEM_KIND_LABELS: Record<ActionItemKind, string> = { nouvelle: 'Nouvelle action', suivi: 'Action existante' };

export const MINUTES_LAYOUTS = ['compte_rendu', 'releve'] as const;
export type MinutesLayout = (typeof MINUTES_LAYOUTS)[number];
export const MINUTES_LAYOUT_LABELS: Record<MinutesLayout, string> = { compte_rendu: 'Compte rendu', releve: 'Relevé de décisions' };

/** Days after which minutes sent for validation count as validated, unless the project says otherwise. */
export const DEFAULT_VALIDATION_SILENCE_DAYS = 15;
/** The CODIRI meets twice a year. */
export const CODIRI_INTERVAL_MONTHS = 6;

/**
 * French names of the fields of the réunion entities, by entity, for the Conflits view
 * (fields named as elsewhere, e.g. `title`, are left to its general labels).
 */
export const MINUTES_FIELD_LABELS: Record<string, Record<string, string>> = {
  project: { validation_silence_days: 'Délai de validation tacite (jours)' },
  meeting: {
    type: 'Type de réunion',
    title: 'Titre de la réunion',
    date: 'Date de la réunion',
    start_time: 'Heure de début',
    duration_minutes: 'Durée (minutes)',
    place: 'Lieu',
    chantier_ids: 'Chantiers concernés',
    president_id: 'Président·e',
    secretary_id: 'Secrétaire de séance',
    secretariat_partner_id: 'Secrétariat',
    diffusion: 'Liste de diffusion',
    next_meeting_date: 'Date de la prochaine réunion',
    validation_status: 'Statut du compte rendu',
    sent_on: "Date d'envoi pour validation",
    validated_on: 'Date de validation',
    validated_by_id: 'Validé par',
    version: 'Version',
    previous_version_id: 'Version précédente',
    amendment_reason: 'Objet de la modification',
  },
  participant: {
    meeting_id: 'Réunion',
    person_id: 'Personne',
    name: 'Nom du participant',
    function: 'Fonction',
    organisation: 'Organisme',
    attendance: 'Présence',
    represented_by: 'Représenté·e par',
  },
  agenda_item: {
    meeting_id: 'Réunion',
    position: "Rang dans l'ordre du jour",
    title: 'Intitulé du point',
    presenter: 'Présenté par',
    duration_minutes: 'Durée prévue (minutes)',
    chantier_id: 'Chantier',
    action_id: 'Action',
    notes: 'Notes',
  },
  entry: {
    meeting_id: 'Réunion',
    agenda_item_id: "Point de l'ordre du jour",
    kind: 'Information ou décision',
    text: 'Texte',
    position: 'Rang',
  },
  action_item: {
    meeting_id: 'Réunion',
    agenda_item_id: "Point de l'ordre du jour",
    position: 'Rang',
    kind: "Type d'action à mener",
    action_id: 'Action suivie',
    title: "Intitulé de l'action à mener",
    responsable_id: 'Responsable',
    due_date: 'Échéance',
    chantier_id: 'Chantier',
    status: 'Statut',
  },
  follow_up: {
    meeting_id: 'Réunion',
    action_item_id: 'Action à mener du compte rendu précédent',
    action_id: 'Action',
    title: 'Intitulé',
    responsable_id: 'Responsable',
    due_date: 'Échéance',
    status: 'Statut',
    progress: 'Avancement',
    comment: 'Commentaire',
  },
};

/** Codes → labels of the réunion fields holding a vocabulary code, by entity then field. */
export const MINUTES_FIELD_VOCABULARIES: Record<string, Record<string, Record<string, string>>> = {
  meeting: { type: MEETING_TYPE_LABELS, validation_status: MINUTES_STATUS_LABELS },
  participant: { attendance: ATTENDANCE_LABELS },
  entry: { kind: ENTRY_KIND_LABELS },
  action_item: { kind: ACTION_ITEM_KIND_LABELS, status: ACTION_STATUS_LABELS },
  follow_up: { status: ACTION_STATUS_LABELS },
};

/** Réunion fields holding free text, where a merged value makes sense in the Conflits view. */
export const MINUTES_TEXT_FIELDS: Record<string, string[]> = {
  meeting: ['title', 'place', 'amendment_reason'],
  participant: ['name', 'function', 'organisation', 'represented_by'],
  agenda_item: ['title', 'presenter', 'notes'],
  entry: ['text'],
  action_item: ['title'],
  follow_up: ['comment'],
};
