// The pistes collected in a workshop, imported from a spreadsheet (read as the actions'
// import reads it, db/exports/import.ts: .xlsx, or CSV as French Excel writes it): the
// columns' mapping proposed from French headers, a preview with a French sentence per faulty line, and
// nothing written until applyPisteImport, in one transaction, refused while any line is wrong.
import { FINALITE_LABELS, FINALITES, type Finalite } from '../../common/vocabulary';
import { ValidationError } from '../errors';
import { getRow, validatePatch } from '../store/rows';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { normalize, readSpreadsheet } from '../exports/import';
import type { NewPiste, PisteImportField, PisteImportOptions, PisteImportPreview, PisteImportRow } from './types';
import { createPiste } from './writes';

/** What a header may say for each field, normalized. */
const SYNONYMS: Record<PisteImportField, string[]> = {
  title: ['titre', 'intitule', 'piste', 'libelle', 'intitule de la piste', 'titre de la piste', 'proposition', 'idee'],
  description: ['description', 'detail', 'details', 'commentaire', 'commentaires', 'precisions', 'observations'],
  partner: ['partenaire', 'proposee par', 'propose par', 'departement', 'collectivite', 'origine', 'partenaire proposant'],
  service: ['direction', 'service', 'direction ou service', 'direction service', 'pole'],
  person: ['personne', 'auteur', 'agent', 'nom', 'proposee par personne', 'porteur', 'contributeur'],
  finalites: ['finalite', 'finalites'],
  chantier: ['chantier', 'n chantier', 'numero de chantier', 'chantier n'],
};

/** The field each header fills by default (a field is given to its first column only). */
export function proposeMapping(headers: string[]): (PisteImportField | null)[] {
  const taken = new Set<PisteImportField>();
  return headers.map((header) => {
    const key = normalize(header);
    const field = (Object.keys(SYNONYMS) as PisteImportField[]).find((candidate) => !taken.has(candidate) && SYNONYMS[candidate].includes(key));
    if (!field) return null;
    taken.add(field);
    return field;
  });
}

/** The French name of each field, for the mapping's choices and its errors. */
export const IMPORT_FIELD_LABELS: Record<PisteImportField, string> = {
  title: 'Intitulé',
  description: 'Description',
  partner: 'Partenaire qui propose',
  service: 'Direction ou service',
  person: 'Personne',
  finalites: 'Finalités',
  chantier: 'Chantier',
};

/** A field named in French or by its code (« --map Idée=titre » or « Idée=title »). */
export function importFieldNamed(text: string): PisteImportField | null | undefined {
  const key = normalize(text);
  if (key === 'ignorer' || key === 'aucun') return null;
  return (Object.keys(IMPORT_FIELD_LABELS) as PisteImportField[]).find(
    (field) => normalize(field) === key || normalize(IMPORT_FIELD_LABELS[field]) === key || SYNONYMS[field].includes(key),
  );
}

function finaliteNamed(text: string): Finalite | undefined {
  const key = normalize(text);
  return FINALITES.find(
    (finalite) =>
      normalize(finalite) === key ||
      normalize(FINALITE_LABELS[finalite]) === key ||
      FINALITE_LABELS[finalite].split('/').some((part) => normalize(part) === key),
  );
}

interface Lookups {
  partners: { id: string; keys: string[] }[];
  chantiers: { id: string; number: number; title: string }[];
}

function lookups(store: Store): Lookups {
  const partners = cached(store, 'SELECT id, code, name, short_name FROM partner WHERE deleted = 0').all() as {
    id: string;
    code: string;
    name: string;
    short_name: string;
  }[];
  return {
    partners: partners.map((partner) => ({ id: partner.id, keys: [partner.code, partner.name, partner.short_name].map(normalize) })),
    chantiers: cached(store, 'SELECT id, number, title FROM chantier WHERE deleted = 0').all() as Lookups['chantiers'],
  };
}

function chantierNamed(known: Lookups, text: string): string | undefined {
  const number = /^(?:chantier\s*)?(?:n\s*)?(\d+)\b/.exec(normalize(text));
  if (number) return known.chantiers.find((chantier) => chantier.number === Number(number[1]))?.id;
  return known.chantiers.find((chantier) => normalize(chantier.title) === normalize(text))?.id;
}

/** One line's piste, or its errors, each a sentence naming the line. */
function readLine(known: Lookups, mapping: (PisteImportField | null)[], line: number, cells: string[], atelier: string | null): PisteImportRow {
  const value = (field: PisteImportField) => {
    const column = mapping.indexOf(field);
    return column < 0 ? '' : (cells[column] ?? '').trim();
  };
  const errors: string[] = [];
  const fail = (sentence: string) => errors.push(`Ligne ${line} : ${sentence}`);

  const title = value('title');
  if (!title) fail('le titre est vide.');
  const partnerText = value('partner');
  const partner = known.partners.find((candidate) => candidate.keys.includes(normalize(partnerText)));
  if (!partnerText) fail('le partenaire qui propose la piste est vide.');
  else if (!partner) fail(`partenaire inconnu « ${partnerText} ».`);
  const finalites: Finalite[] = [];
  for (const part of value('finalites').split(/[;,\n]/)) {
    if (!part.trim()) continue;
    const finalite = finaliteNamed(part);
    if (!finalite) fail(`finalité inconnue « ${part.trim()} ».`);
    else if (!finalites.includes(finalite)) finalites.push(finalite);
  }
  const chantierText = value('chantier');
  const chantierId = chantierText ? chantierNamed(known, chantierText) : undefined;
  if (chantierText && !chantierId) fail(`chantier inconnu « ${chantierText} ».`);

  const piste: NewPiste = {
    title,
    description: value('description') || null,
    proposed_by_partner_id: partner?.id ?? '',
    proposed_by_service: value('service') || null,
    proposed_by_person: value('person') || null,
    atelier_meeting_id: atelier,
    finalites,
    chantier_id: chantierId ?? null,
  };
  if (errors.length === 0) {
    // The schema's own limits (lengths), said for this line.
    try {
      validatePatch('piste', { ...piste });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      fail(`${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`);
    }
  }
  return { line, piste: errors.length === 0 ? piste : null, errors };
}

/** A file of pistes as read: its first sheet's titles and lines, every cell as the text it shows (a date as AAAA-MM-JJ). */
export interface PisteSheet {
  format: 'xlsx' | 'csv';
  header: string[];
  lines: { line: number; cells: string[] }[];
}

/**
 * Reads a file of pistes (.xlsx or .csv), before anything is looked up in the store: the
 * reading waits, and a store held across it may have been reopened by a sync meanwhile.
 */
export async function readPisteFile(bytes: Buffer): Promise<PisteSheet> {
  const [table] = await readSpreadsheet(bytes);
  if (!table) throw new ValidationError('Ce classeur ne contient aucune feuille remplie.', 'file');
  const text = (cell: string | number | Date | null) => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell));
  return {
    format: table.sheet === null ? 'csv' : 'xlsx',
    header: table.header,
    lines: table.lines.map((line) => ({ line: line.line, cells: line.cells.map(text) })),
  };
}

/** The file read, mapped and checked; nothing written. */
export function previewPisteImport(store: Store, sheet: PisteSheet, options: PisteImportOptions = {}): PisteImportPreview {
  const mapping = proposeMapping(sheet.header);
  for (const [header, field] of Object.entries(options.mapping ?? {})) {
    const column = sheet.header.findIndex((candidate) => normalize(candidate) === normalize(header));
    if (column < 0) throw new ValidationError(`Colonne introuvable dans le fichier : « ${header} ». Colonnes : ${sheet.header.join(', ')}.`, 'mapping');
    // A field given to a column leaves the column that had it.
    if (field) mapping.forEach((current, index) => current === field && (mapping[index] = null));
    mapping[column] = field;
  }
  const atelier = options.atelier_meeting_id ?? null;
  if (atelier) {
    const meeting = getRow(store, 'meeting', atelier);
    if (!meeting || meeting.type !== 'atelier')
      throw new ValidationError("Les pistes viennent d'un atelier : la réunion choisie n'est pas un atelier.", 'atelier_meeting_id');
  }
  const errors: string[] = [];
  if (!mapping.includes('title')) errors.push('Aucune colonne ne donne le titre des pistes (« Titre », « Intitulé » ou « Piste ») : indiquez laquelle.');
  if (!mapping.includes('partner'))
    errors.push('Aucune colonne ne donne le partenaire qui propose les pistes (« Partenaire », « Proposée par ») : indiquez laquelle.');
  const known = lookups(store);
  const rows =
    errors.length > 0
      ? []
      : sheet.lines.filter((line) => line.cells.some((cell) => cell.trim() !== '')).map((line) => readLine(known, mapping, line.line, line.cells, atelier));
  if (errors.length === 0 && rows.length === 0) errors.push('Le fichier ne contient aucune piste sous sa ligne de titres.');
  return { format: sheet.format, headers: sheet.header, mapping, rows, errors, problems: [...rows.flatMap((row) => row.errors), ...errors] };
}

/** Creates every piste of the file in one transaction; refused, with nothing written, while the preview has errors. */
export function applyPisteImport(store: Store, sheet: PisteSheet, options: PisteImportOptions = {}): string[] {
  const preview = previewPisteImport(store, sheet, options);
  if (preview.problems.length > 0) {
    const shown = preview.problems.slice(0, 10).join('\n');
    const more = preview.problems.length > 10 ? `\n… et ${preview.problems.length - 10} autre(s).` : '';
    throw new ValidationError(`Aucune piste n'a été importée : corrigez d'abord le fichier.\n${shown}${more}`, 'file');
  }
  return store.transaction(() => preview.rows.map((row) => createPiste(store, row.piste!)));
}
