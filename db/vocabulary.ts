// The French vocabulary of the method (DOMAIN.md). Codes are stored; labels are shown.
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
