// The French name of every field that replicates, written once: `label` heads the form
// field, the table column and the Conflits view; `subject` opens the sentences of the rules
// that check it (db/store/schema.ts: « Le titre de l'action ne peut pas être vide. »);
// `text` marks free text (shown whole side by side in Conflits, open to a merged value);
// `codes` names the labels of a field holding vocabulary codes. Pure data, for db/ and renderer/.
import {
  ACTION_ITEM_KIND_LABELS,
  ACTION_STATUS_LABELS,
  ATTENDANCE_LABELS,
  CIVILITY_LABELS,
  COOPERATION_FORM_LABELS,
  ENTRY_KIND_LABELS,
  FINALITE_LABELS,
  FUNDER_TYPE_LABELS,
  FUNDING_STATUS_LABELS,
  PARTNER_KIND_LABELS,
  PARTY_KIND_LABELS,
  PISTE_STATUS_LABELS,
  TAX_BASIS_LABELS,
  MEETING_TYPE_LABELS,
  MINUTES_STATUS_LABELS,
  PRIORITY_LABELS,
  STAGE_LABELS,
} from './vocabulary';

export interface FieldWords {
  label: string;
  subject?: string;
  text?: true;
  codes?: Record<string, string>;
}

export const FIELDS = {
  project: {
    name: { label: 'Nom de la coopération', subject: 'Le nom de la coopération', text: true },
    validation_silence_days: { label: 'Délai de validation tacite' },
  },
  partner: {
    code: { label: 'Code', subject: 'Le code du partenaire', text: true },
    name: { label: 'Nom', subject: 'Le nom du partenaire', text: true },
    short_name: { label: 'Nom court', subject: 'Le nom court du partenaire', text: true },
    position: { label: 'Position' },
    kind: { label: 'Type de collectivité', subject: 'Le type de collectivité', codes: PARTNER_KIND_LABELS },
  },
  person: {
    name: { label: 'Nom', subject: 'Le nom', text: true },
    function: { label: 'Fonction', subject: 'La fonction', text: true },
    partner_id: { label: 'Partenaire', subject: 'Le partenaire' },
    email: { label: 'Adresse électronique', subject: "L'adresse électronique", text: true },
    civility: { label: 'Civilité', subject: 'La civilité', codes: CIVILITY_LABELS },
  },
  chantier: {
    number: { label: 'Numéro' },
    title: { label: 'Titre', subject: 'Le titre du chantier', text: true },
    description: { label: 'Description', subject: 'La description', text: true },
    stage: { label: 'Stade du partenariat', subject: 'Le stade du partenariat', codes: STAGE_LABELS },
  },
  action: {
    chantier_id: { label: 'Chantier', subject: 'Le chantier' },
    title: { label: 'Titre', subject: "Le titre de l'action", text: true },
    description: { label: 'Description', subject: 'La description', text: true },
    status: { label: 'Statut', subject: 'Le statut', codes: ACTION_STATUS_LABELS },
    priority: { label: 'Priorité', subject: 'La priorité', codes: PRIORITY_LABELS },
    finalites: { label: 'Finalités', subject: 'La finalité', codes: FINALITE_LABELS },
    cooperation_form: { label: 'Forme de coopération', subject: 'La forme de coopération', codes: COOPERATION_FORM_LABELS },
    start_date: { label: 'Date de début', subject: 'La date de début' },
    end_date: { label: 'Échéance', subject: "L'échéance" },
    progress: { label: 'Avancement' },
    number: { label: 'Numéro dans le chantier' },
    to_arbitrate: { label: 'À arbitrer' },
  },
  pilot: {
    owner_id: { label: 'Action ou chantier', subject: "L'action ou le chantier" },
    partner_id: { label: 'Partenaire', subject: 'Le partenaire' },
    person_id: { label: 'Pilote', subject: 'Le pilote' },
    services: { label: 'Services', subject: 'Les services', text: true },
  },
  step: {
    action_id: { label: 'Action', subject: "L'action" },
    label: { label: "Intitulé de l'étape", subject: "L'intitulé de l'étape", text: true },
    done: { label: 'Faite' },
    position: { label: 'Position' },
  },
  note: {
    action_id: { label: 'Action', subject: "L'action" },
    date: { label: 'Date de la note', subject: 'La date de la note' },
    author_id: { label: 'Auteur', subject: "L'auteur" },
    text: { label: 'Texte de la note', subject: 'Le texte de la note', text: true },
  },
  link: {
    action_id: { label: 'Action', subject: "L'action" },
    label: { label: 'Intitulé du lien', subject: "L'intitulé du lien", text: true },
    url: { label: 'Adresse du lien', subject: 'Le lien', text: true },
  },
  meeting: {
    // The default project's words (« Atelier interdépartemental »): the Conflits view and « Exporter tout » name a type by meetingTypeLabels.
    type: { label: 'Type de réunion', subject: 'Le type de réunion', codes: MEETING_TYPE_LABELS },
    title: { label: 'Titre', subject: 'Le titre de la réunion', text: true },
    date: { label: 'Date', subject: 'La date de la réunion' },
    start_time: { label: 'Heure de début', subject: "L'heure de début" },
    duration_minutes: { label: 'Durée', subject: 'La durée de la réunion' },
    place: { label: 'Lieu', subject: 'Le lieu', text: true },
    chantier_ids: { label: 'Chantiers concernés', subject: 'Le chantier' },
    president_id: { label: 'Présidence', subject: 'Le président ou la présidente' },
    secretary_id: { label: 'Secrétaire de séance', subject: 'Le ou la secrétaire de séance' },
    secretariat_partner_id: { label: 'Secrétariat', subject: 'Le secrétariat' },
    diffusion: { label: 'Diffusion', subject: 'Un destinataire de la diffusion' },
    next_meeting_date: { label: 'Date de la prochaine réunion', subject: 'La date de la prochaine réunion' },
    validation_status: { label: 'Statut du compte rendu', subject: 'Le statut du compte rendu', codes: MINUTES_STATUS_LABELS },
    sent_on: { label: "Date d'envoi pour validation", subject: "La date d'envoi pour validation" },
    validated_on: { label: 'Date de validation', subject: 'La date de validation' },
    validated_by_id: { label: 'Validé par', subject: 'La personne qui a validé' },
    validated_seen: { label: 'Modifications vues à la validation' },
    version: { label: 'Version' },
    previous_version_id: { label: 'Version précédente', subject: 'La version précédente' },
    amendment_reason: { label: 'Objet de la modification', subject: "L'objet de la modification", text: true },
  },
  participant: {
    meeting_id: { label: 'Réunion', subject: 'La réunion' },
    person_id: { label: 'Personne', subject: 'La personne' },
    name: { label: 'Nom', subject: 'Le nom du participant', text: true },
    function: { label: 'Fonction', subject: 'La fonction', text: true },
    organisation: { label: 'Organisme', subject: "L'organisme", text: true },
    attendance: { label: 'Présence', subject: 'La présence', codes: ATTENDANCE_LABELS },
    represented_by: { label: 'Représentation', subject: 'Représenté par', text: true },
  },
  agenda_item: {
    meeting_id: { label: 'Réunion', subject: 'La réunion' },
    position: { label: "Rang dans l'ordre du jour" },
    title: { label: 'Intitulé du point', subject: "L'intitulé du point", text: true },
    presenter: { label: 'Présenté par', subject: 'Le présentateur', text: true },
    duration_minutes: { label: 'Durée prévue', subject: 'La durée prévue' },
    chantier_id: { label: 'Chantier', subject: 'Le chantier' },
    action_id: { label: 'Action liée', subject: "L'action" },
    notes: { label: 'Notes', subject: 'Les notes', text: true },
    to_arbitrate: { label: 'À arbitrer' },
  },
  entry: {
    meeting_id: { label: 'Réunion', subject: 'La réunion' },
    agenda_item_id: { label: "Point de l'ordre du jour", subject: "Le point de l'ordre du jour" },
    kind: { label: 'Information ou décision', subject: "Le type d'entrée", codes: ENTRY_KIND_LABELS },
    text: { label: 'Texte', subject: 'Le texte', text: true },
    position: { label: 'Rang' },
  },
  action_item: {
    meeting_id: { label: 'Réunion', subject: 'La réunion' },
    agenda_item_id: { label: "Point de l'ordre du jour", subject: "Le point de l'ordre du jour" },
    position: { label: 'Rang' },
    kind: { label: "Type d'action à mener", subject: "Le type d'action à mener", codes: ACTION_ITEM_KIND_LABELS },
    action_id: { label: 'Action suivie', subject: "L'action suivie" },
    title: { label: "Intitulé de l'action à mener", subject: "L'intitulé de l'action à mener", text: true },
    responsable_id: { label: 'Responsable', subject: 'Le responsable' },
    due_date: { label: 'Échéance', subject: "L'échéance" },
    chantier_id: { label: 'Chantier', subject: 'Le chantier' },
    status: { label: 'Statut à la validation', subject: 'Le statut', codes: ACTION_STATUS_LABELS },
  },
  follow_up: {
    meeting_id: { label: 'Réunion', subject: 'La réunion' },
    action_item_id: { label: 'Action à mener du compte rendu précédent', subject: "L'action à mener du compte rendu précédent" },
    action_id: { label: 'Action', subject: "L'action" },
    title: { label: 'Intitulé', subject: "L'intitulé" },
    responsable_id: { label: 'Responsable', subject: 'Le responsable' },
    due_date: { label: 'Échéance', subject: "L'échéance" },
    status: { label: 'Statut', subject: 'Le statut', codes: ACTION_STATUS_LABELS },
    progress: { label: 'Avancement' },
    comment: { label: 'Commentaire', subject: 'Le commentaire', text: true },
  },
  indicator: {
    chantier_id: { label: 'Chantier', subject: 'Le chantier' },
    name: { label: "Nom de l'indicateur", subject: "Le nom de l'indicateur", text: true },
    unit: { label: 'Unité', subject: "L'unité", text: true },
    target_value: { label: 'Valeur cible', subject: 'La valeur cible' },
    target_date: { label: 'Date cible', subject: 'La date cible' },
  },
  indicator_link: {
    indicator_id: { label: 'Indicateur', subject: "L'indicateur" },
    action_id: { label: 'Action', subject: "L'action" },
  },
  indicator_value: {
    indicator_id: { label: 'Indicateur', subject: "L'indicateur" },
    date: { label: 'Date de la mesure', subject: 'La date de la mesure' },
    value: { label: 'Valeur mesurée', subject: 'La valeur mesurée' },
    author_id: { label: 'Saisie par', subject: "L'auteur de la saisie" },
    comment: { label: 'Commentaire', subject: 'Le commentaire', text: true },
  },
  budget_line: {
    action_id: { label: 'Action', subject: "L'action" },
    year: { label: 'Année', subject: "L'année" },
    partner_id: { label: 'Partenaire', subject: 'Le partenaire' },
    planned: { label: 'Montant prévu (€)', subject: 'Le montant prévu' },
    spent: { label: 'Montant dépensé (€)', subject: 'Le montant dépensé' },
    tax_basis: { label: 'HT ou TTC', subject: 'La base (HT ou TTC)', codes: TAX_BASIS_LABELS },
  },
  funding: {
    action_id: { label: 'Action', subject: "L'action" },
    funder_type: { label: 'Financeur', subject: 'Le financeur', codes: FUNDER_TYPE_LABELS },
    funder_name: { label: 'Nom du financeur', subject: 'Le nom du financeur', text: true },
    amount: { label: 'Montant (€)', subject: 'Le montant' },
    status: { label: 'État de la demande', subject: "L'état de la demande", codes: FUNDING_STATUS_LABELS },
  },
  action_party: {
    action_id: { label: 'Action', subject: "L'action" },
    kind: { label: 'Rôle', subject: 'Le rôle', codes: PARTY_KIND_LABELS },
    name: { label: 'Nom', subject: 'Le nom', text: true },
    organisation: { label: 'Organisme', subject: "L'organisme", text: true },
    role: { label: 'Fonction', subject: 'La fonction', text: true },
  },
  attachment: {
    owner_id: { label: 'Action ou réunion', subject: "L'action ou la réunion" },
    name: { label: 'Nom du document', subject: 'Le nom du document', text: true },
    size: { label: 'Taille' },
    sha256: { label: 'Empreinte' },
    added_by: { label: 'Joint par', subject: "L'auteur de l'ajout" },
    added_on: { label: 'Joint le', subject: "La date d'ajout" },
  },
  piste: {
    number: { label: 'Numéro de la piste' },
    title: { label: 'Intitulé', subject: "L'intitulé de la piste", text: true },
    description: { label: 'Description', subject: 'La description de la piste', text: true },
    proposed_by_partner_id: { label: 'Proposée par', subject: 'Le partenaire qui propose la piste' },
    proposed_by_service: { label: 'Direction ou service', subject: 'La direction ou le service', text: true },
    proposed_by_person: { label: 'Personne', subject: 'La personne qui propose la piste', text: true },
    atelier_meeting_id: { label: 'Atelier', subject: "L'atelier" },
    finalites: { label: 'Finalités', subject: 'La finalité', codes: FINALITE_LABELS },
    chantier_id: { label: 'Chantier', subject: 'Le chantier' },
    status: { label: 'Statut', subject: 'Le statut de la piste', codes: PISTE_STATUS_LABELS },
    status_reason: { label: 'Motif', subject: 'Le motif', text: true },
    action_id: { label: 'Action issue de la piste', subject: "L'action issue de la piste" },
    decision_entry_id: { label: 'Décision du comité', subject: 'La décision du comité' },
    agenda_meeting_id: { label: "Comité qui l'arbitre", subject: 'Le comité qui arbitre la piste' },
  },
  piste_score: {
    piste_id: { label: 'Piste', subject: 'La piste' },
    evaluator_person_id: { label: 'Évaluateur', subject: "L'évaluateur" },
    partner_id: { label: 'Partenaire', subject: "Le partenaire de l'évaluateur" },
    plus_value: { label: 'Plus-value de la coopération', subject: 'La plus-value' },
    faisabilite: { label: 'Faisabilité à court terme', subject: 'La faisabilité' },
    comment: { label: 'Commentaire', subject: 'Le commentaire', text: true },
  },
  newsletter: {
    number: { label: 'Numéro de la lettre' },
    title: { label: 'Titre', subject: 'Le titre de la lettre', text: true },
    period_start: { label: 'Début de la période', subject: 'Le début de la période' },
    period_end: { label: 'Fin de la période', subject: 'La fin de la période' },
    editorial: { label: 'Éditorial', subject: "L'éditorial", text: true },
    items: { label: 'Articles', subject: 'Les articles de la lettre' },
    published_on: { label: 'Publiée le', subject: 'La date de publication' },
    published_by_id: { label: 'Publiée par', subject: 'La personne qui publie la lettre' },
  },
  replica: {
    person_id: { label: 'Personne', subject: 'La personne' },
    partner_id: { label: 'Partenaire', subject: 'Le partenaire' },
    label: { label: 'Intitulé', subject: "Le nom de l'ordinateur", text: true },
    created_at: { label: 'Date de création' },
    public_key: { label: 'Clé publique' },
    revoked_after: { label: 'Révoqué après sa mise à jour n°' },
    sealing_key: { label: 'Clé de ses fichiers' },
  },
} as const satisfies Record<string, Record<string, FieldWords>>;

export type FieldEntity = keyof typeof FIELDS;

const DELETED: FieldWords = { label: 'Suppression' };

/** A field's words; every entity also has `deleted` (a delete, or a row kept). */
export function fieldWords(entity: string, field: string): FieldWords | undefined {
  if (field === 'deleted') return DELETED;
  const fields = (FIELDS as Record<string, Record<string, FieldWords>>)[entity];
  return fields && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** The label of a field, for a form, a column or the Conflits view. */
export function fieldLabel<E extends FieldEntity>(entity: E, field: keyof (typeof FIELDS)[E] & string): string {
  return fieldWords(entity, field)!.label;
}

/** How the rules name a field: its subject, else its label. */
export function fieldSubject<E extends FieldEntity>(entity: E, field: keyof (typeof FIELDS)[E] & string): string {
  const words = fieldWords(entity, field)!;
  return words.subject ?? words.label;
}
