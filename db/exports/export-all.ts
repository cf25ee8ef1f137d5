// « Exporter tout »: the whole project as a folder, or a .zip archive of it, that needs no
// Entente to be read, so that the data outlives the app: one CSV per kind of thing (Excel in
// French opens each as is), `entente.json` with everything as stored, the documents' bytes
// under `documents/`, and a `LISEZMOI.txt` in French explaining each file and column. The columns and their
// explanations come from the schema's validators and common/fields.ts, so the LISEZMOI
// cannot drift from the files it describes.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { dirname, join } from 'node:path';
import { localDate } from '../../common/calendar';
import { fieldWords } from '../../common/fields';
import { shortFrenchDate } from '../../common/french';
import { meetingTypeLabels } from '../../common/partners';
import type { MeetingType } from '../../common/vocabulary';
import type { NewsletterItem } from '../newsletters/types';
import { blobOf } from '../attachments/store';
import { toUserError } from '../errors';
import { safeFileName, writeFileAtomically } from '../files';
import { listPartners } from '../people/reads';
import { getProject } from '../project/reads';
import { DEPENDENCES_OF } from '../store/dependents';
import { BOOKKEEPING_FIELDS, ENTITIES, JSON_FIELDS, type EntityName } from '../store/schema';
import type { Store } from '../store/store';
import { csvBytes, type CsvValue } from './csv';

type ExportedEntity = Exclude<EntityName, 'project' | 'replica'>;

/**
 * Each kind of thing, its file and what a line of it is. The project's name heads the
 * LISEZMOI; the postes (replicas) are the sync's business, not the project's data. The
 * compiler refuses an entity added to the schema without its file here.
 */
const FILES: Record<ExportedEntity, { file: string; about: string }> = {
  partner: { file: 'partenaires.csv', about: 'Les partenaires de la coopération (Départements, Région, intercommunalités, communes…).' },
  person: { file: 'personnes.csv', about: 'Les personnes des partenaires : pilotes, participants aux réunions, auteurs des notes.' },
  chantier: { file: 'chantiers.csv', about: 'Les chantiers de la coopération.' },
  pilot: { file: 'pilotes.csv', about: 'Les pilotes : pour une action ou un chantier, une ligne par partenaire qui le pilote.' },
  action: { file: 'actions.csv', about: 'Les actions, chacune dans un chantier.' },
  step: { file: 'etapes.csv', about: 'Les étapes des actions, dans leur ordre.' },
  note: { file: 'notes.csv', about: 'Les notes datées écrites sur les actions.' },
  link: { file: 'liens.csv', about: 'Les liens (adresses web, dossiers partagés) des actions.' },
  action_party: { file: 'elus-et-partenaires-exterieurs.csv', about: 'Les élus référents et les partenaires extérieurs des actions.' },
  indicator: { file: 'indicateurs.csv', about: 'Les indicateurs des chantiers.' },
  indicator_link: { file: 'indicateurs-des-actions.csv', about: 'Quelle action suit quel indicateur : une ligne par action et indicateur.' },
  indicator_value: { file: 'valeurs-des-indicateurs.csv', about: 'Les valeurs mesurées des indicateurs, datées.' },
  budget_line: { file: 'budget.csv', about: 'Le budget des actions : par action, année et partenaire, le montant prévu et le montant dépensé.' },
  funding: { file: 'financeurs.csv', about: 'Les financements des actions autres que ceux des partenaires (Région, État, Europe…).' },
  meeting: { file: 'reunions.csv', about: "Les réunions (CODIRI, comités, ateliers, réunions de travail) et l'état de leur compte rendu." },
  participant: { file: 'participants.csv', about: 'Les participants de chaque réunion et leur présence.' },
  agenda_item: { file: 'ordre-du-jour.csv', about: "Les points de l'ordre du jour des réunions, avec les notes prises sur chacun." },
  entry: { file: 'informations-et-decisions.csv', about: "Les informations et les décisions inscrites sous les points de l'ordre du jour." },
  action_item: { file: 'actions-a-mener.csv', about: 'Les actions à mener décidées en réunion.' },
  follow_up: { file: 'suivi-des-actions.csv', about: 'Le suivi, en réunion, des actions à mener du compte rendu précédent.' },
  attachment: { file: 'documents.csv', about: 'Les documents joints aux actions et aux réunions ; leur contenu est dans le dossier documents/.' },
  piste: { file: 'pistes.csv', about: 'Les pistes de coopération proposées en atelier, et la décision du comité qui les a arbitrées.' },
  piste_score: { file: 'evaluations-des-pistes.csv', about: 'Les notes de chaque évaluateur pour chaque piste (évaluation croisée), de 1 à 4.' },
  newsletter: { file: 'lettres-d-info.csv', about: "Les lettres d'info de la coopération, numérotées : éditorial, articles, date de publication." },
};

const ENTITY_ORDER = Object.keys(FILES) as ExportedEntity[];

/** What a reference names, by field (`entity.field` where the same name means different things). */
const REFERENCES: Record<string, ExportedEntity[]> = {
  chantier_id: ['chantier'],
  chantier_ids: ['chantier'],
  action_id: ['action'],
  meeting_id: ['meeting'],
  previous_version_id: ['meeting'],
  person_id: ['person'],
  author_id: ['person'],
  president_id: ['person'],
  secretary_id: ['person'],
  validated_by_id: ['person'],
  responsable_id: ['person'],
  added_by: ['person'],
  partner_id: ['partner'],
  secretariat_partner_id: ['partner'],
  agenda_item_id: ['agenda_item'],
  action_item_id: ['action_item'],
  indicator_id: ['indicator'],
  proposed_by_partner_id: ['partner'],
  atelier_meeting_id: ['meeting'],
  decision_entry_id: ['entry'],
  piste_id: ['piste'],
  evaluator_person_id: ['person'],
  'pilot.owner_id': ['action', 'chantier'],
  'attachment.owner_id': ['action', 'meeting'],
};

/** What a column's values need said beyond their kind. */
const NOTES: Record<string, string> = {
  'partner.position': "rang d'affichage du partenaire",
  'chantier.number': 'numéro du chantier',
  'action.number': "rang de l'action dans son chantier : l'action 2 du chantier 4 est la « 4.2 »",
  'action.progress': 'avancement en pour cent, de 0 à 100',
  'step.position': "rang de l'étape dans l'action",
  'meeting.duration_minutes': 'durée en minutes',
  'meeting.version': 'version du compte rendu : 1, puis 2 pour sa première modification après validation…',
  'agenda_item.position': "rang du point dans l'ordre du jour",
  'agenda_item.duration_minutes': 'durée prévue en minutes',
  'entry.position': 'rang sous le point',
  'action_item.position': 'rang sous le point',
  'follow_up.progress': 'avancement en pour cent, relevé à la validation du compte rendu',
  'budget_line.planned': 'en euros',
  'budget_line.spent': 'en euros',
  'funding.amount': 'en euros',
  'attachment.size': 'taille en octets',
  'piste.number': 'numéro de la piste : la piste 12 est la « P12 »',
  'piste_score.plus_value': 'plus-value de la coopération, de 1 (faible) à 4 (très forte)',
  'piste_score.faisabilite': 'faisabilité à court terme, de 1 (difficile) à 4 (immédiate)',
  'attachment.sha256': 'empreinte SHA-256 du contenu (64 caractères hexadécimaux), qui permet de vérifier une copie',
};

type Kind = 'text' | 'number' | 'boolean' | 'date' | 'time' | 'list' | 'articles' | 'reference' | 'references';

interface ExportColumn {
  field: string;
  header: string;
  kind: Kind;
  codes?: Record<string, string>;
  targets?: ExportedEntity[];
  note?: string;
}

/** A field's kind, told by what its validator accepts: the schema stays the one description of the data. */
function kindOf(entity: ExportedEntity, field: string): Pick<ExportColumn, 'kind' | 'targets'> {
  const targets = REFERENCES[`${entity}.${field}`] ?? REFERENCES[field];
  if (targets) return { kind: JSON_FIELDS.has(field) ? 'references' : 'reference', targets };
  if (entity === 'newsletter' && field === 'items') return { kind: 'articles' };
  if (JSON_FIELDS.has(field)) return { kind: 'list' };
  const schema = (ENTITIES[entity] as Record<string, { safeParse: (value: unknown) => { success: boolean } }>)[field];
  const accepts = (value: unknown) => schema.safeParse(value).success;
  // A year accepts 2027, not 1.
  if (accepts(1) || accepts(2027)) return { kind: 'number' };
  if (accepts(true)) return { kind: 'boolean' };
  if (!accepts('texte')) {
    if (accepts('2027-03-15')) return { kind: 'date' };
    if (accepts('09:30')) return { kind: 'time' };
  }
  return { kind: 'text' };
}

/** The columns of a file; a meeting's type named as this cooperation names it (common/fields.ts has the default project's words). */
function columnsOf(entity: ExportedEntity, typeLabels: Record<MeetingType, string>): ExportColumn[] {
  return Object.keys(ENTITIES[entity])
    .filter((field) => !BOOKKEEPING_FIELDS.has(field))
    .map((field) => {
      const words = fieldWords(entity, field)!;
      const codes = entity === 'meeting' && field === 'type' ? typeLabels : words.codes;
      return { field, header: words.label, codes, note: NOTES[`${entity}.${field}`], ...kindOf(entity, field) };
    });
}

/** The extra column of documents.csv: where its copy is in the folder. */
const DOCUMENT_FILE_HEADER = 'Fichier';

function explain(column: ExportColumn): string {
  const files = column.targets?.map((target) => FILES[target].file).join(' ou ');
  const values = column.codes ? Object.values(column.codes).join(', ') : '';
  const kind = {
    text: column.codes ? `une valeur parmi : ${values}` : 'texte',
    number: 'nombre',
    boolean: 'Oui ou Non',
    date: 'date (JJ/MM/AAAA)',
    time: 'heure (HH:MM)',
    list: column.codes ? `valeurs parmi : ${values} ; une par ligne dans la cellule` : 'liste, un élément par ligne dans la cellule',
    articles: 'articles dans leur ordre, chacun son titre puis son texte, séparés par une ligne vide',
    reference: `identifiant d'une ligne de ${files}`,
    references: `identifiants de lignes de ${files}, un par ligne dans la cellule`,
  }[column.kind];
  return column.note ? `${kind} ; ${column.note}` : kind;
}

function csvValue(column: ExportColumn, value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'list':
    case 'references':
      return (value as string[]).map((item) => column.codes?.[item] ?? item).join('\n');
    case 'articles':
      return (value as NewsletterItem[]).map((item) => [item.title, item.body].filter(Boolean).join('\n')).join('\n\n');
    case 'boolean':
      return value ? 'Oui' : 'Non';
    case 'date':
      return shortFrenchDate(value as string);
    case 'number':
      return value as number;
    default:
      return column.codes?.[value as string] ?? String(value);
  }
}

/**
 * Whether the row aliased `alias` is gone from the screens: deleted, or going with a row that
 * is (store/dependents.ts: a budget line with its action, a décision with its point, a point
 * with its meeting). A person's deletion takes no row with it: a row naming the person stays.
 */
function hiddenSql(entity: EntityName, alias: string): string {
  const parents = (DEPENDENCES_OF.get(entity) ?? []).filter((dependence) => !dependence.on.includes('person'));
  return [
    `${alias}.deleted = 1`,
    ...parents.flatMap(({ field, on }) =>
      on.map((parent) => {
        const inner = `${alias}_${parent}`;
        return `EXISTS (SELECT 1 FROM ${parent} ${inner} WHERE ${inner}.id = ${alias}.${field} AND (${hiddenSql(parent, inner)}))`;
      }),
    ),
  ].join(' OR ');
}

/** Rows as the screens show them, values as the change log wrote them (lists parsed, booleans true/false). */
function rowsOf(store: Store, entity: ExportedEntity, columns: ExportColumn[]): Record<string, unknown>[] {
  const rows = store.db
    .prepare(`SELECT id, ${columns.map((c) => c.field).join(', ')} FROM ${entity} x WHERE NOT (${hiddenSql(entity, 'x')}) ORDER BY id`)
    .all() as Record<string, unknown>[];
  return rows.map((row) => {
    for (const column of columns) {
      const value = row[column.field];
      if (value === null) continue;
      if (column.kind === 'list' || column.kind === 'articles' || column.kind === 'references') row[column.field] = JSON.parse(value as string);
      else if (column.kind === 'boolean') row[column.field] = value === 1 || value === true;
    }
    return row;
  });
}

/**
 * A document's name in documents/: its id first (two documents may share a name), as every
 * file system takes it (a name of 250 characters is cut, its extension kept).
 */
function documentFile(id: string, name: string): string {
  const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(name)?.[0] ?? '';
  return `documents/${safeFileName(`${id} - ${name.slice(0, name.length - extension.length)}`, extension)}`;
}

export interface ExportAllResult {
  /** The folder or the .zip file written. */
  target: string;
  format: ExportFormat;
  /** The files written, relative to the folder (or the archive's root). */
  files: string[];
  /** Lines per CSV file. */
  counts: Record<string, number>;
  /** Documents whose content has not reached this poste yet (listed, not copied). */
  documents_missing: number;
}

/** A folder, or the same files in one .zip archive (for a courriel, a key, an archive service). */
export type ExportFormat = 'folder' | 'zip';

function readme(projectName: string, exportedAt: Date, counts: Record<string, number>, missing: number, typeLabels: Record<MeetingType, string>): string {
  const when = shortFrenchDate(localDate(exportedAt));
  const lines = [
    `« ${projectName} » : export complet du ${when}`,
    '',
    "Ce dossier contient toutes les données de la coopération telles qu'Entente les connaissait sur cet ordinateur au moment de l'export.",
    "Il se lit sans Entente : chaque fichier .csv s'ouvre avec Excel ou LibreOffice (séparateur « ; », encodage UTF-8),",
    'le fichier entente.json avec tout éditeur de texte ou tout langage de programmation.',
    '',
    'Les fichiers renvoient les uns aux autres par la colonne « Identifiant » : par exemple, la colonne « Chantier »',
    "d'actions.csv contient l'identifiant d'une ligne de chantiers.csv. Une cellule vide signifie « non renseigné ».",
    'Les dates sont écrites JJ/MM/AAAA, les nombres avec une virgule décimale. Un texte qui commence par =, +, - ou @',
    "est précédé d'une apostrophe, pour qu'Excel ne le prenne pas pour une formule (entente.json le garde tel quel).",
    '',
    'entente.json',
    "  Tout le contenu des fichiers .csv en un seul fichier, tel qu'Entente l'enregistre : pour chaque table (le nom",
    '  entre crochets ci-dessous), la liste de ses lignes ; dans chaque ligne, les champs entre crochets ci-dessous.',
    '  Les valeurs y sont des codes (« en_cours ») : « vocabulaire » donne le libellé de chaque code ; les dates y',
    '  sont écrites AAAA-MM-JJ.',
    '',
    'documents/',
    '  Le contenu des documents joints, un fichier par document, nommé « identifiant - nom du document ».',
    ...(missing > 0 ? [`  ${missing} document(s) ne sont pas encore arrivés sur cet ordinateur : ils figurent dans documents.csv, sans fichier.`] : []),
  ];
  for (const entity of ENTITY_ORDER) {
    const { file, about } = FILES[entity];
    lines.push(
      '',
      `${file} [${entity}] : ${counts[file]} ligne(s)`,
      `  ${about}`,
      '  Colonnes :',
      '  - Identifiant [id] : identifiant de la ligne, auquel les autres fichiers renvoient',
    );
    for (const column of columnsOf(entity, typeLabels)) lines.push(`  - ${column.header} [${column.field}] : ${explain(column)}`);
    if (entity === 'attachment')
      lines.push(`  - ${DOCUMENT_FILE_HEADER} : le chemin de sa copie dans ce dossier ; vide si son contenu n'est pas arrivé sur cet ordinateur`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Every file of the export, by its path inside the folder, in the order LISEZMOI.txt gives them. */
function exportFiles(store: Store, exportedAt: Date): { files: Map<string, Buffer | string>; counts: Record<string, number>; missing: number } {
  const project = getProject(store);
  const typeLabels = meetingTypeLabels(listPartners(store));
  const counts: Record<string, number> = {};
  const files = new Map<string, Buffer | string>();
  const tables: Record<string, Record<string, unknown>[]> = {};
  const vocabulary: Record<string, Record<string, Record<string, string>>> = {};
  let missing = 0;
  for (const entity of ENTITY_ORDER) {
    const columns = columnsOf(entity, typeLabels);
    const rows = rowsOf(store, entity, columns);
    tables[entity] = rows;
    for (const column of columns) if (column.codes) (vocabulary[entity] ??= {})[column.field] = column.codes;
    const header = ['Identifiant', ...columns.map((column) => column.header)];
    let lines = rows.map((row) => [row.id as string, ...columns.map((column) => csvValue(column, row[column.field]))]);
    if (entity === 'attachment') {
      header.push(DOCUMENT_FILE_HEADER);
      lines = rows.map((row, index) => {
        const bytes = blobOf(store, row.sha256 as string);
        if (!bytes) {
          missing++;
          return [...lines[index], null];
        }
        const name = documentFile(row.id as string, row.name as string);
        files.set(name, bytes);
        return [...lines[index], name];
      });
    }
    const { file } = FILES[entity];
    files.set(file, csvBytes(header, lines));
    counts[file] = rows.length;
  }
  const json = { projet: project, exporte_le: exportedAt.toISOString(), vocabulaire: vocabulary, tables };
  files.set('entente.json', `${JSON.stringify(json, null, 2)}\n`);
  files.set('LISEZMOI.txt', `\uFEFF${readme(project.name, exportedAt, counts, missing, typeLabels)}`);
  return { files, counts, missing };
}

/** The files in one .zip archive: names in UTF-8 (fflate sets their flag), each dated from the export. */
function zipBytes(files: Map<string, Buffer | string>, exportedAt: Date): Buffer {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, bytes] of files) entries[name] = [typeof bytes === 'string' ? strToU8(bytes) : bytes, { mtime: exportedAt }];
  const zip = zipSync(entries, { level: 6 });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

/**
 * Writes the whole project, its CSV files, entente.json, documents/ and LISEZMOI.txt: in
 * `target`, a folder, or, when `target` ends in .zip, into that archive. Nothing is left half
 * written: the archive, or a new folder, is written under a temporary name, then renamed. An
 * existing folder (`entente export-all --to` a folder already there) gets its files replaced.
 */
export function exportAll(store: Store, target: string, exportedAt = new Date()): ExportAllResult {
  const format: ExportFormat = target.toLowerCase().endsWith('.zip') ? 'zip' : 'folder';
  const { files, counts, missing } = exportFiles(store, exportedAt);
  if (format === 'zip') writeFileAtomically(target, zipBytes(files, exportedAt));
  else writeFolder(target, files);
  return { target, format, files: [...files.keys()], counts, documents_missing: missing };
}

function writeFolder(folder: string, files: Map<string, Buffer | string>): void {
  const fresh = !existsSync(folder);
  let into = folder;
  try {
    if (fresh) {
      mkdirSync(dirname(folder), { recursive: true });
      // Beside the folder, so that the rename stays on the same disk; a new name: only ours is removed.
      into = mkdtempSync(`${folder}.`);
    }
    mkdirSync(join(into, 'documents'), { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(into, name), bytes);
    if (fresh) renameSync(into, folder);
  } catch (error) {
    if (into !== folder) rmSync(into, { recursive: true, force: true });
    throw toUserError(error);
  }
}

/** A new folder's path inside `parent` for an export of `day` (« Entente - export du 2027-04-01 », then « … (2) »): an export never mixes with an earlier one. */
export function newExportFolder(parent: string, day: string): string {
  const base = join(parent, `Entente - export du ${day}`);
  let folder = base;
  for (let n = 2; existsSync(folder); n++) folder = `${base} (${n})`;
  return folder;
}
