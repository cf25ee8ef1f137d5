// `entente action show ID`: a whole fiche action and its Historique, as the app shows
// them — the text form for a terminal, the JSON form for a script.
import { frenchDate, frenchDateTime } from '../../common/french';
import {
  ACTION_STATUS_LABELS,
  COOPERATION_FORM_LABELS,
  FINALITE_LABELS,
  FUNDER_TYPE_LABELS,
  FUNDING_STATUS_LABELS,
  partyKindLabel,
  PRIORITY_LABELS,
  TAX_BASIS_LABELS,
} from '../../common/vocabulary';
import { listAttachments } from '../attachments/store';
import type { Attachment } from '../attachments/types';
import { actionBudget } from '../budget/reads';
import type { ActionBudget } from '../budget/types';
import { actionIndicators } from '../indicators/reads';
import type { IndicatorView } from '../indicators/types';
import { getActionHistory } from '../actions/history';
import { getAction } from '../actions/reads';
import type { ActionDetail, ActionHistory, ActionHistoryEntry } from '../actions/types';
import { listPartners } from '../people/reads';
import type { Store } from '../store/store';

export interface ActionShow {
  action: ActionDetail;
  chantier: { id: string; number: number; title: string } | null;
  /** Each pilote with its Département's name. */
  pilots: { partner_id: string; partner_name: string; person_name: string | null; services: string | null }[];
  indicators: IndicatorView[];
  budget: ActionBudget;
  documents: Attachment[];
  history: ActionHistory;
}

/** The fiche and its history (`field` keeps one field of the history). */
export function showAction(store: Store, id: string, field?: string): ActionShow {
  const action = getAction(store, id);
  const chantier = (store.db.prepare('SELECT id, number, title FROM chantier WHERE id = ?').get(action.chantier_id) as ActionShow['chantier']) ?? null;
  const pilots = listPartners(store).map((partner) => {
    const pilot = action.pilots.find((p) => p.partner_id === partner.id);
    return { partner_id: partner.id, partner_name: partner.short_name, person_name: pilot?.person_name ?? null, services: pilot?.services ?? null };
  });
  return {
    action,
    chantier,
    pilots,
    indicators: actionIndicators(store, id),
    budget: actionBudget(store, id),
    documents: listAttachments(store, id),
    history: getActionHistory(store, id, field),
  };
}

/** Long texts in the history: a line of the terminal, the whole text being in --json. */
const SHORT = 100;
const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHORT ? `${flat.slice(0, SHORT - 1)}…` : flat;
};
const orDash = (text: string | null | undefined) => (text ? text : '—');
const indent = (text: string, by = '    ') => text.replace(/^/gm, by);

const measure = (value: number, unit: string | null) => `${value.toLocaleString('fr-FR')}${unit ? ` ${unit}` : ''}`;
const euros = (amount: number | null) => (amount === null ? '—' : amount.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' }));

export function formatActionShow({ action, chantier, pilots, indicators, budget, documents, history }: ActionShow): string {
  const lines = [
    `${action.reference} ${action.title}`,
    `  ${action.id}${chantier ? ` · Chantier ${chantier.number} · ${chantier.title}` : ''}`,
    '',
    `Statut : ${action.status ? ACTION_STATUS_LABELS[action.status] : '—'} · Priorité : ${action.priority ? PRIORITY_LABELS[action.priority] : '—'} · Avancement : ${action.progress} %`,
    `Date de début : ${action.start_date ? frenchDate(action.start_date) : '—'} · Échéance : ${action.end_date ? frenchDate(action.end_date) : '—'}${action.late ? ' (en retard)' : ''}`,
    `Finalités : ${action.finalites.length ? action.finalites.map((f) => FINALITE_LABELS[f]).join(', ') : '—'}`,
    `Forme de coopération : ${action.cooperation_form ? COOPERATION_FORM_LABELS[action.cooperation_form] : '—'}`,
    ...(action.to_arbitrate ? ['À arbitrer au prochain comité'] : []),
    '',
    'Pilotage',
    ...pilots.map((pilot) => `  ${pilot.partner_name} : ${orDash(pilot.person_name)}${pilot.services ? ` — services : ${pilot.services}` : ''}`),
    '',
    `Élus et partenaires extérieurs (${action.parties.length})`,
    ...action.parties.map(
      (party) => `  ${party.name}${party.role ? `, ${party.role}` : ''}${party.organisation ? ` (${party.organisation})` : ''} — ${partyKindLabel(party)}`,
    ),
    '',
    'Description',
    indent(action.description ?? '(aucune)', '  '),
    '',
    `Indicateurs (${indicators.length})`,
    ...indicators.flatMap((indicator) => [
      `  ${indicator.name} [${indicator.id}]${indicator.target_value !== null ? ` · cible ${measure(indicator.target_value, indicator.unit)}${indicator.target_date ? ` au ${frenchDate(indicator.target_date)}` : ''}` : ''}`,
      ...indicator.values.map(
        (value) =>
          `    ${frenchDate(value.date)} : ${measure(value.value, indicator.unit)}${value.author_name ? ` (${value.author_name})` : ''}${value.comment ? ` — ${value.comment}` : ''}`,
      ),
    ]),
    '',
    `Budget (${budget.lines.length} ligne${budget.lines.length > 1 ? 's' : ''}) et financeurs (${budget.fundings.length})`,
    ...budget.lines.map(
      (line) => `  ${line.year} · ${line.partner_name} : prévu ${euros(line.planned)}, dépensé ${euros(line.spent)} ${TAX_BASIS_LABELS[line.tax_basis]}`,
    ),
    ...budget.fundings.map(
      (funding) =>
        `  ${FUNDER_TYPE_LABELS[funding.funder_type]}${funding.funder_name ? ` (${funding.funder_name})` : ''} : ${euros(funding.amount)}, ${FUNDING_STATUS_LABELS[funding.status].toLowerCase()}`,
    ),
    '',
    `Étapes (${action.steps.length})`,
    ...action.steps.map((step) => `  [${step.done ? 'x' : ' '}] ${step.label}`),
    '',
    `Notes de suivi (${action.notes.length})`,
    ...action.notes.flatMap((note) => [`  ${frenchDate(note.date)} · ${note.author_name ?? 'auteur inconnu'}`, indent(note.text)]),
    '',
    `Documents (${documents.length})`,
    ...documents.map(
      (document) =>
        `  ${document.name} — ${document.size} octets, joint le ${frenchDate(document.added_on)}${document.available ? '' : ' (en attente de réception)'}`,
    ),
    '',
    `Liens (${action.links.length})`,
    ...action.links.map((link) => `  ${link.label ? `${link.label} — ` : ''}${link.url}`),
    '',
    `Historique (${history.entries.length} modification${history.entries.length > 1 ? 's' : ''})`,
    // One heading for the changes of a same edit (same time, same poste).
    ...history.entries.flatMap((entry, index) => {
      const heading = entryHeading(entry);
      const previous = history.entries[index - 1];
      return previous && entryHeading(previous) === heading ? [`    ${entryChange(entry)}`] : [`  ${heading}`, `    ${entryChange(entry)}`];
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** « 14 mars 2027 à 14 h 05 · Nadia Benali (Loir-et-Cher), ordinateur « Portable DRH » ». */
function entryHeading(entry: ActionHistoryEntry): string {
  if (!entry.at) return entry.author.label;
  // A poste unknown here is already named by its id.
  const laptop = entry.author.laptop ? `, ordinateur « ${entry.author.laptop} »` : '';
  return `${frenchDateTime(entry.at)} · ${entry.author.label}${laptop}${entry.this_laptop ? ' (cet ordinateur)' : ''}`;
}

/** « Statut : En cours → Bloqué ». */
function entryChange(entry: ActionHistoryEntry): string {
  const value = (text: string | null) => (text === null ? '(vide)' : entry.long_text ? shorten(text) : text);
  const what = entry.row_label ? `${entry.row_label} · ${entry.field_label}` : entry.field_label;
  const conflict = entry.in_conflict ? ' [conflit en cours]' : '';
  switch (entry.kind) {
    case 'deleted':
      return entry.row_label ? `Suppression : ${entry.row_label}${conflict}` : `Suppression de l'action${conflict}`;
    case 'restored':
      return entry.row_label ? `Rétablissement : ${entry.row_label}${conflict}` : `Rétablissement de l'action${conflict}`;
    case 'created':
      return `${what} : ${value(entry.after.text)} (création)${conflict}`;
    case 'merged':
      return `${what} : conflit résolu, ${entry.before.map((version) => `${version.known ? value(version.text) : '(valeur non reçue)'} (${version.author})`).join(' / ')} → ${value(entry.after.text)}`;
    default: {
      const before =
        entry.before.length === 0 ? '(vide)' : entry.before.map((version) => (version.known ? value(version.text) : '(valeur non reçue)')).join(' / ');
      return `${what} : ${before} → ${value(entry.after.text)}${conflict}`;
    }
  }
}
