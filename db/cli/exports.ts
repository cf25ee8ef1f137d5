// The `entente` commands for spreadsheets and scripts: `action export`, `action import`,
// `export-all` and `figures` (db/exports, db/chantiers/figures.ts).
import { readFileSync, existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { frenchCount, frenchDate } from '../../common/french';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from '../../common/vocabulary';
import { queryActions } from '../actions/reads';
import type { ActionQuery } from '../actions/types';
import { keyFigures, type FiguresPeriod, type KeyFigures } from '../chantiers/figures';
import { refusal } from '../errors';
import { actionsCsv, actionsXlsx, planXlsx } from '../exports/actions';
import { exportAll } from '../exports/export-all';
import {
  applyImport,
  fieldFor,
  importFieldLabel,
  normalize,
  previewImport,
  proposeMapping,
  readSpreadsheet,
  type ImportMapping,
  type ImportPreview,
  type Table,
} from '../exports/import';
import { writeFileAtomically } from '../files';
import { listPartners } from '../people/reads';
import { isoDate } from '../store/schema';
import type { Store } from '../store/store';

export const EXPORT_COMMANDS_HELP = `  action export --to FICHIER.xlsx|FICHIER.csv [--chantier N] [--status STATUT] [--plan]
                        écrit les actions pour Excel : classeur .xlsx (dates, pourcentages,
                        filtres) ou CSV (« ; », UTF-8) ; --chantier et --status filtrent
                        (plusieurs statuts séparés par des virgules) ; --plan écrit le plan
                        d'actions, une feuille par chantier (.xlsx)
  action import FICHIER [--preview] [--map COLONNE=CHAMP ...]
                        importe un plan d'actions (.xlsx ou .csv) : chaque ligne devient une
                        action ; rien n'est écrit si une ligne est refusée ; --preview
                        montre la correspondance des colonnes et les erreurs sans rien
                        écrire ; --map associe une colonne à un champ (chantier, titre,
                        statut, priorite, debut, echeance, avancement, finalites, forme,
                        arbitrer, description, « pilote 37 »…) ; « COLONNE= » l'ignore
  export-all --to DOSSIER|FICHIER.zip
                        écrit toute la coopération dans DOSSIER, lisible sans Entente : un CSV
                        par type de données, entente.json, les documents joints et LISEZMOI.txt ;
                        les mêmes fichiers dans une archive si la cible finit par .zip
  figures [--json] [--depuis AAAA-MM-JJ|annee|codiri]
                        les chiffres clés (réunions, chantiers, personnes impliquées par
                        partenaire, actions par statut), chacun avec ce qu'il compte ;
                        --depuis limite la période (l'année en cours, depuis le dernier CODIRI)
`;

type Options = Record<string, string | true>;

const text = (options: Options, name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);

/** Whether the command is one of this file's. */
export function isExportCommand(name: string | undefined, sub: string | undefined): boolean {
  return (name === 'action' && (sub === 'export' || sub === 'import')) || name === 'export-all' || name === 'figures';
}

/** `--status en_cours,Bloqué`: codes or labels, whatever their case and accents. */
function statusesOf(value: string): ActionStatus[] {
  return value.split(',').map((item) => {
    const status = ACTION_STATUSES.find((code) => normalize(code) === normalize(item) || normalize(ACTION_STATUS_LABELS[code]) === normalize(item));
    if (!status) throw refusal('usage', `Statut inconnu : « ${item.trim()} » (statuts possibles : ${ACTION_STATUSES.join(', ')}).`);
    return status;
  });
}

function queryOf(store: Store, options: Options): { query: ActionQuery; subject: string; filters: string | null } {
  const query: ActionQuery = {};
  const subject: string[] = [];
  const number = text(options, 'chantier');
  if (number !== undefined) {
    const chantier = store.db.prepare('SELECT id, title FROM chantier WHERE number = ? AND deleted = 0').get(Number(number)) as
      { id: string; title: string } | undefined;
    if (!chantier) throw refusal('unknown-reference', 'chantier', number);
    query.chantier_ids = [chantier.id];
    subject.push(`chantier ${number}. ${chantier.title}`);
  }
  const status = text(options, 'status');
  if (status !== undefined) {
    const statuses = statusesOf(status);
    query.statuses = statuses;
    subject.push(`statut ${statuses.map((code) => ACTION_STATUS_LABELS[code]).join(' ou ')}`);
  }
  const filters = subject.length ? subject.join(', ') : null;
  return { query, subject: filters ? `Actions : ${filters}` : 'Toutes les actions', filters };
}

async function exportActions(store: Store, options: Options): Promise<string> {
  const target = text(options, 'to');
  if (!target) throw refusal('usage', "L'option --to est obligatoire : entente action export --to FICHIER.xlsx|FICHIER.csv");
  const file = resolve(target);
  const extension = extname(file).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw refusal('usage', `Format inconnu : « ${basename(file)} ». Indiquez un fichier .xlsx (Excel) ou .csv.`);
  }
  if (options.plan) {
    if (extension !== '.xlsx' || options.chantier || options.status)
      throw refusal('usage', "Le plan d'actions (--plan) s'écrit en .xlsx, sans filtre : toutes les actions, une feuille par chantier.");
    const bytes = await planXlsx(store);
    writeFileAtomically(file, bytes);
    return `Plan d'actions écrit dans ${file} (une feuille par chantier).\n`;
  }
  const { query, subject, filters } = queryOf(store, options);
  writeFileAtomically(file, extension === '.xlsx' ? await actionsXlsx(store, query, { subject }) : actionsCsv(store, query));
  const count = queryActions(store, query).length;
  return `${count} action(s) écrite(s) dans ${file}${filters ? ` (${filters})` : ''}.\n`;
}

/** `--map` pairs: « Intitulé=titre », « Pilote CD37=pilote 37 », « Remarques= » to leave a column out. */
function mappingOf(store: Store, tables: Table[], pairs: string[]): ImportMapping | undefined {
  if (pairs.length === 0) return undefined;
  const partners = listPartners(store);
  const headers = [...new Set(tables.flatMap((table) => table.header).filter(Boolean))];
  const mapping = proposeMapping(headers, partners);
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at < 1) throw refusal('usage', `Correspondance illisible : « ${pair} » (attendu : COLONNE=CHAMP).`);
    const column = pair.slice(0, at);
    const header = headers.find((name) => name === column) ?? headers.find((name) => normalize(name) === normalize(column));
    if (header === undefined) throw refusal('usage', `Colonne inconnue : « ${column} » (colonnes du fichier : ${headers.join(', ')}).`);
    const name = pair.slice(at + 1);
    const field = name.trim() === '' ? null : fieldFor(name, partners);
    if (name.trim() !== '' && !field) throw refusal('usage', `Champ inconnu : « ${name} » (voir entente --help).`);
    // A field goes to one column: the one named here takes it from the proposal.
    for (const other of Object.keys(mapping)) if (field && mapping[other] === field) mapping[other] = null;
    mapping[header] = field;
  }
  return mapping;
}

function describePreview(preview: ImportPreview, partners: ReturnType<typeof listPartners>): string {
  const lines = ['Correspondance des colonnes :'];
  for (const header of preview.headers) {
    const field = preview.mapping[header];
    lines.push(`  ${header} → ${field ? importFieldLabel(field, partners) : '(ignorée)'}`);
  }
  for (const sheet of preview.skipped_sheets) lines.push(`Feuille « ${sheet} » ignorée : aucune colonne de titre.`);
  lines.push(`${preview.lines.length} action(s) lue(s).`);
  for (const person of preview.new_people) lines.push(`Personne à créer : ${person.name} (${person.partner}).`);
  lines.push(...preview.warnings.map((warning) => `Attention : ${warning}`), ...preview.errors);
  return `${lines.join('\n')}\n`;
}

async function importActions(store: Store, positionals: string[], options: Options): Promise<string> {
  const [file, ...pairs] = positionals;
  if (!file) throw refusal('usage', 'Usage : entente action import FICHIER [--preview] [--map COLONNE=CHAMP ...]');
  if (pairs.length > 0 && !options.map) throw refusal('usage', `Argument inattendu : ${pairs[0]} (les correspondances suivent --map).`);
  if (options.map && pairs.length === 0) throw refusal('usage', "L'option --map attend au moins une correspondance COLONNE=CHAMP.");
  const path = resolve(file);
  if (!existsSync(path)) throw refusal('file-not-found', path);
  const tables = await readSpreadsheet(readFileSync(path));
  const mapping = mappingOf(store, tables, pairs);
  if (options.preview) return describePreview(previewImport(store, tables, mapping), listPartners(store));
  const result = applyImport(store, tables, mapping);
  return `${result.action_ids.length} action(s) importée(s) de ${basename(path)}${result.people_created ? `, ${result.people_created} personne(s) créée(s)` : ''}.\n`;
}

function periodOf(value: string | undefined): FiguresPeriod {
  if (value === undefined) return { kind: 'all' };
  if (normalize(value) === 'annee') return { kind: 'year' };
  if (normalize(value) === 'codiri') return { kind: 'since-codiri' };
  if (!isoDate('--depuis').safeParse(value).success) throw refusal('usage', `Période inconnue : « ${value} » (attendu : AAAA-MM-JJ, annee ou codiri).`);
  return { kind: 'since', date: value };
}

function describeFigures(figures: KeyFigures): string {
  const lines = [`Chiffres clés ${figures.period} (au ${frenchDate(figures.today)})`];
  let section = '';
  for (const figure of figures.figures) {
    if (figure.section !== section) lines.push('', figure.section);
    section = figure.section;
    lines.push(`  ${figure.label} : ${frenchCount(figure.value)}`, `      ${figure.counts}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one of this file's commands; answers what to print. */
export async function runExportCommand(store: Store, command: string[], options: Options): Promise<string> {
  const [name, sub, ...rest] = command;
  if (name === 'action' && sub === 'export') {
    if (rest.length > 0) throw refusal('usage', `Argument inattendu : ${rest[0]}.`);
    return exportActions(store, options);
  }
  if (name === 'action' && sub === 'import') return importActions(store, rest, options);
  if (name === 'export-all') {
    const target = text(options, 'to');
    if (!target || sub !== undefined) throw refusal('usage', 'Usage : entente export-all --to DOSSIER|FICHIER.zip');
    const result = exportAll(store, resolve(target));
    const missing = result.documents_missing ? ` ; ${result.documents_missing} document(s) pas encore reçu(s) par ce poste, listé(s) sans contenu` : '';
    const where = result.format === 'zip' ? `dans l'archive ${result.target}` : `dans ${result.target}`;
    return `Coopération exportée ${where} : ${result.files.length} fichier(s), dont LISEZMOI.txt qui les décrit${missing}.\n`;
  }
  const figures = keyFigures(store, periodOf(text(options, 'depuis')));
  return options.json ? `${JSON.stringify(figures, null, 2)}\n` : describeFigures(figures);
}
