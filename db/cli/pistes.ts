// `entente piste …` and `entente matrix`: the cooperation method from a terminal.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FINALITE_LABELS, FINALITES, PISTE_STATUS_LABELS, QUADRANT_LABELS, QUADRANTS, type Finalite } from '../../common/vocabulary';
import { refusal } from '../errors';
import { writeFileAtomically } from '../files';
import { referenceOf } from '../actions/references';
import { meetingTitle } from '../meetings/rows';
import { putOnAgenda, takeOffAgenda } from '../pistes/agenda';
import { arbitrate } from '../pistes/arbitration';
import { pistesWorkbook } from '../pistes/export';
import { applyPisteImport, importFieldNamed, IMPORT_FIELD_LABELS, previewPisteImport, readPisteFile } from '../pistes/import';
import { findPisteId, listPistes, pisteMatrix } from '../pistes/reads';
import type { ArbitrationDecision, MatrixPoint, PisteImportField, PisteRow } from '../pistes/types';
import { createPiste, scorePiste } from '../pistes/writes';
import { getRow } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { textTable } from './table';

/** What the command line gave: an option's value, a flag, the positionals after the subcommand. */
export interface PisteArgs {
  option: (name: string) => string | undefined;
  flag: (name: string) => boolean;
  rest: string[];
}

const required = (args: PisteArgs, name: string) => {
  const value = args.option(name);
  if (value === undefined) throw refusal('usage', `L'option --${name} est obligatoire.`);
  return value;
};

function partnerId(store: Store, code: string): string {
  const id = cached(store, 'SELECT id FROM partner WHERE (code = ? OR id = ?) AND deleted = 0').pluck().get(code, code) as string | undefined;
  if (!id) throw refusal('unknown-reference', 'partner', code);
  return id;
}

function chantierId(store: Store, number: string): string {
  const id = cached(store, 'SELECT id FROM chantier WHERE number = ? AND deleted = 0').pluck().get(Number(number)) as string | undefined;
  if (!id) throw refusal('unknown-reference', 'chantier', number);
  return id;
}

function pisteId(store: Store, reference: string | undefined, usage: string): string {
  if (!reference) throw refusal('usage', usage);
  const id = findPisteId(store, reference);
  if (!id) throw refusal('not-found', 'piste', reference);
  return id;
}

/** A person by id, or by name (accents and case as typed). */
function personId(store: Store, who: string): string {
  const ids = cached(store, 'SELECT id FROM person WHERE (id = ? OR name = ?) AND deleted = 0').pluck().all(who, who) as string[];
  if (ids.length === 0) throw refusal('unknown-reference', 'person', who);
  if (ids.length > 1) throw refusal('usage', `Plusieurs personnes s'appellent « ${who} » : donnez son identifiant.`);
  return ids[0];
}

function finalites(text: string | undefined): Finalite[] {
  if (text === undefined) return [];
  return text.split(',').map((item) => {
    const code = item.trim();
    if (!(FINALITES as readonly string[]).includes(code)) throw refusal('usage', `Finalité inconnue : « ${code} » (${FINALITES.join(', ')}).`);
    return code as Finalite;
  });
}

/** « plus_value=3 faisabilite=2 », as the issue's command line writes the marks. */
function scorePairs(pairs: string[], usage: string): { plus_value?: string; faisabilite?: string } {
  const marks: { plus_value?: string; faisabilite?: string } = {};
  for (const pair of pairs) {
    const match = /^(plus_value|faisabilite)=(.*)$/.exec(pair);
    if (!match) throw refusal('usage', `« ${pair} » : attendu plus_value=N ou faisabilite=N.\n${usage}`);
    marks[match[1] as 'plus_value' | 'faisabilite'] = match[2];
  }
  return marks;
}

/**
 * Who scores: --evaluator NOM (or --as), who must belong to the partner --by when both are
 * given; with --by alone, the person using this laptop when they belong to that partner.
 */
function evaluatorOf(store: Store, args: PisteArgs): string {
  const named = args.option('evaluator') ?? args.option('as');
  const by = args.option('by');
  const partner = by === undefined ? undefined : partnerId(store, by);
  const evaluator = named !== undefined ? personId(store, named) : store.personId;
  if (!evaluator) throw refusal('usage', 'Donnez --evaluator NOM : cet ordinateur ne connaît pas encore son utilisateur.');
  const evaluatorPartner = cached(store, 'SELECT partner_id FROM person WHERE id = ?').pluck().get(evaluator) as string | undefined;
  if (partner !== undefined && evaluatorPartner !== partner) {
    const name = cached(store, 'SELECT name FROM person WHERE id = ?').pluck().get(evaluator) as string;
    throw refusal('usage', `${name} n'est pas du partenaire ${by} : donnez --evaluator avec une personne de ce partenaire.`);
  }
  return evaluator;
}

function mark(text: string | undefined, label: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw refusal('usage', `${label} : une note de 1 à 4 est attendue (« ${text} »).`);
  return value;
}

const decimal = (value: number | null) => (value === null ? '—' : value.toFixed(1).replace('.', ','));

function formatPistes(pistes: PisteRow[]): string {
  return textTable(
    ['Réf.', 'Statut', 'Par', 'Plus-value', 'Faisabilité', 'Écart', 'Quadrant', 'Intitulé'],
    pistes.map((piste) => [
      piste.reference,
      PISTE_STATUS_LABELS[piste.status],
      piste.proposed_by.code,
      decimal(piste.together.plus_value),
      decimal(piste.together.faisabilite),
      piste.disagreement.flagged ? 'désaccord' : '',
      piste.quadrant ? QUADRANT_LABELS[piste.quadrant] : '—',
      piste.title,
    ]),
    `${pistes.length} piste(s)`,
  );
}

function formatMatrix(points: MatrixPoint[]): string {
  const lines = QUADRANTS.flatMap((quadrant) => {
    const members = points.filter((point) => point.quadrant === quadrant);
    return [
      `${QUADRANT_LABELS[quadrant]} (${members.length})`,
      ...members.map(
        (point) =>
          `  ${point.reference.padEnd(5)} plus-value ${decimal(point.plus_value)}, faisabilité ${decimal(point.faisabilite)}, ${point.partner_code}${point.disagreement ? ', désaccord' : ''} : ${point.title}`,
      ),
    ];
  });
  return `${[...lines, `${points.length} piste(s) évaluée(s)`].join('\n')}\n`;
}

/** `--map Colonne=champ`: the pairs the command line gave after the file. */
function mapping(pairs: string[]): Record<string, PisteImportField | null> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.lastIndexOf('=');
      const field = at > 0 ? importFieldNamed(pair.slice(at + 1)) : undefined;
      if (field === undefined) {
        const fields = Object.entries(IMPORT_FIELD_LABELS).map(([code, label]) => `${code} (${label})`);
        throw refusal('usage', `Correspondance inattendue : « ${pair} » (attendu : colonne=champ ; champs : ${fields.join(', ')}, ou ignorer).`);
      }
      return [pair.slice(0, at), field];
    }),
  );
}

const DECIDE_USAGE =
  'Usage : entente piste decide P12 retenue --chantier N | retenue --new-chantier "TITRE" | a_approfondir [--reason R] | ecartee --reason "RAISON" [--meeting RÉUNION]';

/** `piste decide P12 retenue --chantier 4`: the decision named after the piste. */
function decisionNamed(store: Store, args: PisteArgs): ArbitrationDecision {
  const [, kind, ...extra] = args.rest;
  if (extra.length > 0) throw refusal('usage', DECIDE_USAGE);
  const reason = args.option('reason');
  if (kind === 'retenue') {
    const chantier = args.option('chantier');
    const title = args.option('new-chantier');
    if ((chantier === undefined) === (title === undefined))
      throw refusal('usage', 'Une piste retenue va dans un chantier : donnez --chantier N ou --new-chantier "TITRE".');
    return chantier !== undefined ? { kind, chantier_id: chantierId(store, chantier) } : { kind, new_chantier_title: title! };
  }
  if (kind === 'a_approfondir') return { kind, reason: reason ?? null };
  if (kind === 'ecartee') {
    if (reason === undefined) throw refusal('usage', 'Une piste écartée l\'est pour une raison : donnez --reason "RAISON".');
    return { kind, reason };
  }
  throw refusal('usage', `Décision inconnue : « ${kind} » (retenue, a_approfondir ou ecartee).`);
}

/** The options of `piste arbitrate` before `piste decide`: --retenue N, --new-chantier, --approfondir, --ecartee "raison". */
function legacyDecision(store: Store, args: PisteArgs): ArbitrationDecision {
  const retenue = args.option('retenue');
  const newChantier = args.option('new-chantier');
  const ecartee = args.option('ecartee');
  const chosen = [retenue, newChantier, ecartee, args.flag('approfondir') || undefined].filter((given) => given !== undefined);
  if (chosen.length !== 1) throw refusal('usage', 'Donnez une seule décision : --retenue N, --new-chantier TITRE, --approfondir ou --ecartee "raison".');
  if (retenue !== undefined) return { kind: 'retenue', chantier_id: chantierId(store, retenue) };
  if (newChantier !== undefined) return { kind: 'retenue', new_chantier_title: newChantier };
  if (ecartee !== undefined) return { kind: 'ecartee', reason: ecartee };
  return { kind: 'a_approfondir', reason: args.option('reason') ?? null };
}

export async function pisteCommand(store: Store, sub: string | undefined, args: PisteArgs): Promise<void> {
  const out = (text: string) => process.stdout.write(text);
  if (sub === 'list') {
    const pistes = listPistes(store, {
      finalite: args.option('finalite') === undefined ? undefined : finalites(args.option('finalite'))[0],
      partner_id: args.option('partner') === undefined ? undefined : partnerId(store, args.option('partner')!),
    });
    out(args.flag('json') ? `${JSON.stringify(pistes, null, 2)}\n` : formatPistes(pistes));
  } else if (sub === 'add') {
    // The title positional or --title; the proposing partner --partner or --by.
    const [positional, ...extra] = args.rest;
    const title = args.option('title') ?? positional;
    const partner = args.option('by') ?? args.option('partner');
    if (title === undefined || partner === undefined || extra.length > 0 || (positional !== undefined && args.option('title') !== undefined))
      throw refusal('usage', 'Usage : entente piste add --title "INTITULÉ" --by CODE [--finalite F,…] [--description D]');
    const chantier = args.option('chantier');
    const id = createPiste(store, {
      title,
      proposed_by_partner_id: partnerId(store, partner),
      finalites: finalites(args.option('finalite')),
      description: args.option('description') ?? null,
      proposed_by_service: args.option('service') ?? null,
      chantier_id: chantier === undefined ? null : chantierId(store, chantier),
      atelier_meeting_id: args.option('atelier') ?? null,
    });
    out(`${listPistes(store).find((piste) => piste.id === id)!.reference} ${id}\n`);
  } else if (sub === 'score') {
    const [reference, ...pairs] = args.rest;
    const usage = 'Usage : entente piste score P12 --by CODE plus_value=N faisabilite=N [--evaluator NOM] [--comment C]';
    const id = pisteId(store, reference, usage);
    const marks = scorePairs(pairs, usage);
    const plusValue = mark(marks.plus_value ?? args.option('plus-value'), 'Plus-value');
    const faisabilite = mark(marks.faisabilite ?? args.option('faisabilite'), 'Faisabilité');
    if (plusValue === undefined && faisabilite === undefined) throw refusal('usage', 'Donnez plus_value=N, faisabilite=N ou les deux (notes de 1 à 4).');
    scorePiste(store, id, { evaluator_person_id: evaluatorOf(store, args), plus_value: plusValue, faisabilite, comment: args.option('comment') });
  } else if (sub === 'import') {
    const [file, ...pairs] = args.rest;
    if (!file) throw refusal('usage', 'Usage : entente piste import FICHIER [--map colonne=champ …] [--confirm]');
    const path = resolve(file);
    if (!existsSync(path)) throw refusal('file-not-found', file);
    const sheet = await readPisteFile(readFileSync(path));
    const options = { mapping: mapping(pairs), atelier_meeting_id: args.option('atelier') ?? null };
    const preview = previewPisteImport(store, sheet, options);
    out(
      `${preview.headers
        .map((header, column) => `  « ${header} » → ${preview.mapping[column] ? IMPORT_FIELD_LABELS[preview.mapping[column]] : 'ignorée'}`)
        .join('\n')}\n`,
    );
    const ready = preview.rows.filter((row) => row.piste).length;
    out(`${ready} piste(s) prête(s) sur ${preview.rows.length} ligne(s).\n`);
    for (const problem of preview.problems) out(`${problem}\n`);
    if (preview.problems.length > 0) throw refusal('validation', "Rien n'a été importé : corrigez le fichier ou la correspondance des colonnes (--map).");
    if (!args.flag('confirm')) out('Rien n’a été écrit : relancez avec --confirm pour importer.\n');
    else out(`${applyPisteImport(store, sheet, options).length} piste(s) importée(s).\n`);
  } else if (sub === 'export') {
    const target = resolve(required(args, 'to'));
    const bytes = await pistesWorkbook(store);
    writeFileAtomically(target, bytes);
    out(`Pistes écrites dans ${target} (${bytes.length} octets).\n`);
  } else if (sub === 'agenda') {
    const id = pisteId(store, args.rest[0], 'Usage : entente piste agenda P12 --meeting RÉUNION [--remove]');
    const meetingId = required(args, 'meeting');
    if (args.flag('remove')) takeOffAgenda(store, id, meetingId);
    else putOnAgenda(store, id, meetingId);
    const title = meetingTitle(getRow(store, 'meeting', meetingId)!);
    out(`${args.rest[0]} ${args.flag('remove') ? 'retirée de' : 'inscrite à'} l'ordre du jour : ${title}\n`);
  } else if (sub === 'decide' || sub === 'arbitrate') {
    const id = pisteId(store, args.rest[0], DECIDE_USAGE);
    const meetingId = args.option('meeting') ?? getRow(store, 'piste', id)!.agenda_meeting_id;
    if (!meetingId) throw refusal('usage', `La piste ${args.rest[0]} n'est à l'ordre du jour d'aucun comité : donnez --meeting RÉUNION.`);
    const result = arbitrate(store, id, meetingId, args.rest.length > 1 ? decisionNamed(store, args) : legacyDecision(store, args));
    out(`Décision n° ${result.decision_number}${result.action_id ? ` ; action ${referenceOf(store, result.action_id)} créée : ${result.action_id}` : ''}\n`);
  } else {
    throw refusal('usage', `Commande inconnue : piste ${sub ?? ''}. Voir entente --help.`);
  }
}

export function matrixCommand(store: Store, args: PisteArgs): void {
  const finalite = args.option('finalite');
  if (finalite !== undefined && !(FINALITES as readonly string[]).includes(finalite)) {
    throw refusal('usage', `Finalité inconnue : « ${finalite} » (${FINALITES.map((code) => `${code} : ${FINALITE_LABELS[code]}`).join(', ')}).`);
  }
  const points = pisteMatrix(store, {
    finalite: finalite as Finalite | undefined,
    partner_id: args.option('partner') === undefined ? undefined : partnerId(store, args.option('partner')!),
  });
  process.stdout.write(args.flag('json') ? `${JSON.stringify(points, null, 2)}\n` : formatMatrix(points));
}
