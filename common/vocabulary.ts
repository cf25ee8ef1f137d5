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
/** The statuses whose label agrees with « action » in a count: « 1 bloquée », « 2 réalisées » (the others do not change). */
export const ACTION_STATUS_AGREEING: Partial<Record<ActionStatus, string>> = { realise: 'réalisée', abandonne: 'abandonnée', bloque: 'bloquée' };
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

export const FINALITES = ['territoire_partage', 'economies_echelle', 'innovation', 'echange_pratiques', 'harmonisation', 'influence'] as const;
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
/** The short name that starts a décision's reference in the register (« COPIL 2027-2 D3 »). */
/** A réunion de travail is about one chantier: said by db/ when it refuses, and by the window before asking. */
export const ONE_CHANTIER_MESSAGE = 'Une réunion de travail concerne un seul chantier\u00a0: choisissez-le.';

export const MEETING_TYPE_SHORT_LABELS: Record<MeetingType, string> = {
  codiri: 'CODIRI',
  comite_pilotage: 'COPIL',
  atelier: 'Atelier',
  reunion_travail: 'RT',
};

/** How a person is addressed in the documents (« Mme Anne Leroy »), and the agreement it commands. */
export const CIVILITIES = ['mme', 'm'] as const;
export type Civility = (typeof CIVILITIES)[number];
export const CIVILITY_LABELS: Record<Civility, string> = { mme: 'Mme', m: 'M.' };

/** What kind of collectivité a partner of the cooperation is (a new cooperation names each). */
export const PARTNER_KINDS = ['departement', 'region', 'metropole', 'epci', 'commune', 'autre'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  departement: 'Département',
  region: 'Région',
  metropole: 'Métropole',
  epci: 'EPCI',
  commune: 'Commune',
  autre: 'Autre',
};

/** The kinds of item a lettre d'info gathers, proposed from the period's facts or written by hand. */
export const NEWSLETTER_ITEM_KINDS = ['action_terminee', 'action_lancee', 'decision', 'reunion', 'piste_retenue', 'chiffres', 'texte'] as const;
export type NewsletterItemKind = (typeof NEWSLETTER_ITEM_KINDS)[number];
export const NEWSLETTER_ITEM_KIND_LABELS: Record<NewsletterItemKind, string> = {
  action_terminee: 'Action réalisée',
  action_lancee: 'Action lancée',
  decision: 'Décision',
  reunion: 'Réunion',
  piste_retenue: 'Piste retenue',
  chiffres: 'Chiffres clés',
  texte: 'Texte libre',
};

export const ATTENDANCES = ['present', 'excuse', 'represente', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
/** One participant's attendance, as a choice on screen (no point médian: the documents agree it with the civilité). */
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Présent',
  excuse: 'Excusé',
  represente: 'Représenté',
  absent: 'Absent',
};

/** « présente », « excusé », « représentée »: one participant's attendance agreed with the civilité, masculine without one. */
export function attendanceLabel(attendance: Attendance, civility: Civility | null): string {
  const label = ATTENDANCE_LABELS[attendance].toLowerCase();
  return civility === 'mme' ? `${label}e` : label;
}

/** « Mme Anne Leroy », or the name alone without a civilité. */
export function personName(person: { name: string; civility: Civility | null }): string {
  return person.civility ? `${CIVILITY_LABELS[person.civility]}\u00a0${person.name}` : person.name;
}
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

/** Who finances an action besides the partners. */
export const FUNDER_TYPES = ['region', 'etat', 'europe', 'autre'] as const;
export type FunderType = (typeof FUNDER_TYPES)[number];
export const FUNDER_TYPE_LABELS: Record<FunderType, string> = { region: 'Région', etat: 'État', europe: 'Europe', autre: 'Autre financeur' };

export const FUNDING_STATUSES = ['demande', 'obtenu', 'refuse'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const FUNDING_STATUS_LABELS: Record<FundingStatus, string> = { demande: 'Demandé', obtenu: 'Obtenu', refuse: 'Refusé' };

/** Whether the amounts of a budget line are stated without or with VAT. */
export const TAX_BASES = ['ht', 'ttc'] as const;
export type TaxBasis = (typeof TAX_BASES)[number];
export const TAX_BASIS_LABELS: Record<TaxBasis, string> = { ht: 'HT', ttc: 'TTC' };

/** People beside the pilotes: élus référents, partenaires extérieurs. */
export const PARTY_KINDS = ['elu', 'partenaire'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = { elu: 'Élu(e) référent(e)', partenaire: 'Partenaire extérieur' };

/** What a party is, agreed with how they are named: « Mme Claire Roux » is an « Élue référente », « M. Paul Roy » an « Élu référent ». */
export function partyKindLabel(party: { kind: PartyKind; name: string }): string {
  if (party.kind !== 'elu') return PARTY_KIND_LABELS[party.kind];
  const name = party.name.trim();
  if (/^(mme|madame|mlle|mademoiselle)\b/i.test(name)) return 'Élue référente';
  if (/^(m\.|monsieur\b)/i.test(name)) return 'Élu référent';
  return PARTY_KIND_LABELS.elu;
}

/** The largest document that may be attached (Mo): beyond, a link to the file says more than a copy on every laptop. */
export const MAX_ATTACHMENT_MEGABYTES = 25;

// The cooperation method: pistes, their évaluation croisée, the matrice, the arbitrage.

/**
 * proposée → évaluée → retenue / à approfondir / écartée → devenue action. Only the
 * comité's decisions are stored (PISTE_STORED_STATUSES); « évaluée » and « devenue
 * action » are read from the facts (db/pistes/rules.ts: pisteStatus).
 */
export const PISTE_STATUSES = ['proposee', 'evaluee', 'retenue', 'a_approfondir', 'ecartee', 'devenue_action'] as const;
export type PisteStatus = (typeof PISTE_STATUSES)[number];
export const PISTE_STATUS_LABELS: Record<PisteStatus, string> = {
  proposee: 'Proposée',
  evaluee: 'Évaluée',
  retenue: 'Retenue',
  a_approfondir: 'À approfondir',
  ecartee: 'Écartée',
  devenue_action: 'Devenue action',
};
export const PISTE_STORED_STATUSES = ['proposee', 'retenue', 'a_approfondir', 'ecartee'] as const satisfies readonly PisteStatus[];
export type PisteStoredStatus = (typeof PISTE_STORED_STATUSES)[number];

/** Both criteria of the évaluation croisée are scored from 1 to 4: no middle mark, each side must lean. */
export const SCORE_LEVELS = [1, 2, 3, 4] as const;
export type ScoreLevel = (typeof SCORE_LEVELS)[number];
/** The plus-value that cooperation brings, each level's meaning written beside the scale. */
export const PLUS_VALUE_LABELS: Record<ScoreLevel, string> = {
  1: 'Faible\u202f: chacun ferait aussi bien seul',
  2: 'Modérée\u202f: un gain réel mais limité',
  3: 'Forte\u202f: la coopération change nettement le résultat',
  4: 'Très forte\u202f: impossible ou bien moindre sans la coopération',
};
/** The feasibility in the short term. */
export const FAISABILITE_LABELS: Record<ScoreLevel, string> = {
  1: 'Difficile à court terme\u202f: obstacles juridiques, budgétaires ou techniques lourds',
  2: 'Possible avec des moyens nouveaux ou un délai',
  3: 'Réalisable avec les moyens actuels',
  4: 'Immédiate\u202f: peut démarrer dans les prochains mois',
};

/** The four quadrants of the matrice plus-value × faisabilité, cut at the middle of the scale. */
export const QUADRANTS = ['a_lancer_vite', 'projets_structurants', 'a_approfondir', 'a_ecarter'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const QUADRANT_LABELS: Record<Quadrant, string> = {
  a_lancer_vite: 'À lancer vite',
  projets_structurants: 'Projets structurants',
  a_approfondir: 'À approfondir',
  a_ecarter: 'À écarter ou reformuler',
};
/** A mean at or above this is « high » on its axis. */
export const QUADRANT_THRESHOLD = 2.5;
/** Partners whose means differ by this much or more on an axis disagree: the comité should hear both. */
export const DISAGREEMENT_THRESHOLD = 1.5;

/** The convocation's heading of the pistes on its ordre du jour: « Piste soumise à l'arbitrage », « 3 pistes soumises à l'arbitrage ». */
export const pistesToArbitrateHeading = (count: number) => (count > 1 ? `${count} pistes soumises à l'arbitrage` : "Piste soumise à l'arbitrage");
