// How the Conflits view names a field and shows a version's value, in French; the words
// of each field come from common/fields.ts.
import { fieldWords } from '../../../common/fields';
import { frenchTime, frenchTypography, longFrenchDate } from '../../../common/french';
import type { ConflictVersionView, EntityName } from '../../../preload/contract';
import { formatDate, numberFormat } from '../../shared/format';

export const conflictFieldLabel = (entity: EntityName, field: string): string => fieldWords(entity, field)?.label ?? field;

/** Fields holding free text: shown whole, side by side, and open to a merged value. */
export const isTextField = (entity: EntityName, field: string): boolean => fieldWords(entity, field)?.text === true;

/** When a version was written, in local time, with its weekday: « mardi 1er décembre 2026 à 14 h 17 ». */
export function versionDate(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return frenchTypography(`${longFrenchDate(day)} à ${frenchTime(`${pad(date.getHours())}:${pad(date.getMinutes())}`)}`);
}

/** Who wrote a version: the person, else the ordinateur (« L'ordinateur de … », « Les données initiales de la coopération »). */
export function versionAuthor(version: Pick<ConflictVersionView, 'author' | 'replica'>): string {
  return version.author ?? `${version.replica.charAt(0).toUpperCase()}${version.replica.slice(1)}`;
}

/** What a row of each table is to a user, with its article, and whether the word is feminine: a delete conflict names it. */
const ROW_NOUNS: Partial<Record<EntityName, [the: string, feminine: boolean]>> = {
  partner: ['le partenaire', false],
  person: ['la personne', true],
  chantier: ['le chantier', false],
  action: ["l'action", true],
  pilot: ['le pilote', false],
  step: ["l'étape", true],
  note: ['la note', true],
  link: ['le lien', false],
  meeting: ['la réunion', true],
  participant: ['le participant', false],
  agenda_item: ["le point de l'ordre du jour", false],
  entry: ["la décision ou l'information", true],
  action_item: ["l'action à mener", true],
  indicator: ["l'indicateur", false],
  indicator_value: ["la valeur de l'indicateur", true],
  budget_line: ['la ligne de budget', true],
  funding: ['le financement', false],
  attachment: ['le document joint', false],
  piste: ['la piste', true],
  newsletter: ["la lettre d'information", true],
};

/** « l'action », « le point de l'ordre du jour »… (« la ligne » for a table without a word of its own). */
export function rowNoun(entity: EntityName): { the: string; feminine: boolean } {
  const [the, feminine] = ROW_NOUNS[entity] ?? ['la ligne', true];
  return { the, feminine };
}

/** A version's value as the fiche would show it. */
export function formatValue(entity: EntityName, field: string, version: Pick<ConflictVersionView, 'value' | 'value_label'>): string {
  const { value } = version;
  // A state, not a command: the card's buttons are the commands (« Garder l'action », « Confirmer la suppression »).
  if (field === 'deleted') return `${value === true ? 'Supprimé' : 'Gardé'}${rowNoun(entity).feminine ? 'e' : ''}`;
  if (value === null || value === undefined || value === '') return field === 'status' ? 'Sans statut' : '(vide)';
  if (version.value_label) return version.value_label;
  const codes = fieldWords(entity, field)?.codes;
  if (Array.isArray(value)) {
    if (value.length === 0) return field === 'finalites' ? '(aucune)' : '(aucun)';
    return value.map((item) => codes?.[String(item)] ?? String(item)).join(', ');
  }
  if (codes) return codes[String(value)] ?? String(value);
  if (field.endsWith('_date') || field === 'date') return formatDate(String(value));
  if (field === 'progress') return `${numberFormat.format(Number(value))}\u00a0%`;
  // The forms show these units beside the number, not in the label.
  if (field === 'duration_minutes') return `${numberFormat.format(Number(value))}\u00a0min`;
  if (field === 'validation_silence_days') return `${numberFormat.format(Number(value))} jours`;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return numberFormat.format(value);
  return String(value);
}
