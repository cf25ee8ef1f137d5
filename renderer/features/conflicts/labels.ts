// How the Conflits view names a field and shows a version's value, in French.
import type { ConflictVersionView, EntityName } from '../../../preload/contract';
import {
  ACTION_STATUS_LABELS,
  COOPERATION_FORM_LABELS,
  FINALITE_LABELS,
  MINUTES_FIELD_LABELS,
  MINUTES_FIELD_VOCABULARIES,
  MINUTES_TEXT_FIELDS,
  PRIORITY_LABELS,
  STAGE_LABELS,
} from '../../../common/vocabulary';
import { formatDate, numberFormat } from '../../shared/format';

const FIELD_LABELS: Record<string, string> = {
  title: 'Titre',
  description: 'Description',
  status: 'Statut',
  priority: 'Priorité',
  finalites: 'Finalités',
  cooperation_form: 'Forme de coopération',
  start_date: 'Date de début',
  end_date: 'Date de fin prévisionnelle',
  progress: 'Avancement',
  chantier_id: 'Chantier',
  action_id: 'Action',
  text: 'Texte',
  date: 'Date',
  author_id: 'Auteur',
  label: 'Intitulé',
  done: 'Faite',
  position: 'Position',
  person_id: 'Personne',
  services: 'Services',
  name: 'Nom',
  function: 'Fonction',
  email: 'Adresse électronique',
  partner_id: 'Partenaire',
  url: 'Lien',
  number: 'Numéro',
  stage: 'Stade du partenariat',
  code: 'Code',
  short_name: 'Nom court',
  owner_id: 'Action ou chantier',
  created_at: 'Date de création',
  deleted: 'Suppression',
};

export function fieldLabel(entity: EntityName, field: string): string {
  if (entity === 'pilot' && field === 'person_id') return 'Pilote';
  if (entity === 'step' && field === 'label') return "Intitulé de l'étape";
  if (entity === 'note' && field === 'text') return 'Texte de la note';
  return MINUTES_FIELD_LABELS[entity]?.[field] ?? FIELD_LABELS[field] ?? field;
}

/** Fields holding free text: shown whole, side by side, and open to a merged value. */
const TEXT_FIELDS = new Set(['title', 'description', 'text', 'label', 'services', 'name', 'function', 'email', 'url', 'short_name', 'code']);

export function isTextField(entity: EntityName, field: string): boolean {
  return MINUTES_TEXT_FIELDS[entity]?.includes(field) ?? TEXT_FIELDS.has(field);
}

const VOCABULARIES: Record<string, Record<string, string>> = {
  status: ACTION_STATUS_LABELS,
  priority: PRIORITY_LABELS,
  cooperation_form: COOPERATION_FORM_LABELS,
  stage: STAGE_LABELS,
};

/** A version's value as the fiche would show it. */
export function formatValue(entity: EntityName, field: string, version: ConflictVersionView): string {
  const { value } = version;
  if (field === 'deleted') return value === true ? 'Supprimer la ligne' : 'Garder la ligne';
  if (value === null || value === undefined || value === '') return field === 'status' ? 'Sans statut' : '(vide)';
  if (version.valueLabel) return version.valueLabel;
  const vocabulary = MINUTES_FIELD_VOCABULARIES[entity]?.[field] ?? VOCABULARIES[field];
  if (vocabulary) return vocabulary[String(value)] ?? String(value);
  if (Array.isArray(value) && field !== 'finalites') return value.length === 0 ? '(aucun)' : value.join(', ');
  if (field === 'finalites' && Array.isArray(value)) {
    return value.length === 0 ? '(aucune)' : value.map((item) => FINALITE_LABELS[item as keyof typeof FINALITE_LABELS] ?? String(item)).join(', ');
  }
  if (field.endsWith('_date') || field === 'date') return formatDate(String(value));
  if (field === 'progress') return `${numberFormat.format(Number(value))} %`;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return numberFormat.format(value);
  return String(value);
}
