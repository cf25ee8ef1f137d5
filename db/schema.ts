// The entities that replicate: for each, its fields and how a value is checked.
// Every entity also has the field `deleted` (see changelog.ts). Field names are the
// column names of the entity's derived table (migrations.ts).
import { z } from 'zod';
import { ACTION_STATUSES, COOPERATION_FORMS, FINALITES, PRIORITIES, STAGES } from './vocabulary';

// zod's own messages (wrong type, missing value) in French too.
z.config(z.locales.fr());

const text = (label: string, max: number) =>
  z.string({ error: `${label} : un texte est attendu.` }).max(max, `${label} : ${max} caractères au plus.`);
const requiredText = (label: string, max: number) =>
  text(label, max).trim().min(1, `${label} ne peut pas être vide.`);
const optionalText = (label: string, max: number) => text(label, max).nullable();
const ref = (label: string) => z.string({ error: `${label} : identifiant attendu.` }).min(1, `${label} est obligatoire.`);
const optionalRef = (label: string) => ref(label).nullable();

/** A calendar date, YYYY-MM-DD, that exists (no 31 février). */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label} : une date est attendue.` })
    .refine((value) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return false;
      const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
      return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
    }, `${label} : date impossible (format attendu AAAA-MM-JJ).`);

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} : valeur inconnue.` });

export const ENTITIES = {
  project: {
    name: requiredText('Le nom du projet', 200),
  },
  partner: {
    code: requiredText('Le code du partenaire', 20),
    name: requiredText('Le nom du partenaire', 200),
    short_name: requiredText('Le nom court du partenaire', 80),
    position: z.number().int(),
  },
  person: {
    name: requiredText('Le nom', 200),
    function: optionalText('La fonction', 200),
    partner_id: ref('Le partenaire'),
    email: optionalText("L'adresse électronique", 200),
  },
  chantier: {
    number: z.number({ error: 'Le numéro du chantier doit être un nombre.' }).int().min(1, 'Le numéro du chantier doit être positif.'),
    title: requiredText('Le titre du chantier', 300),
    description: optionalText('La description', 20000),
    stage: oneOf('Le stade du partenariat', STAGES),
  },
  action: {
    chantier_id: ref('Le chantier'),
    title: requiredText("Le titre de l'action", 500),
    description: optionalText('La description', 20000),
    status: oneOf('Le statut', ACTION_STATUSES).nullable(),
    priority: oneOf('La priorité', PRIORITIES).nullable(),
    finalites: z.array(oneOf('La finalité', FINALITES)),
    cooperation_form: oneOf('La forme de coopération', COOPERATION_FORMS).nullable(),
    start_date: isoDate('La date de début').nullable(),
    end_date: isoDate('La date de fin prévisionnelle').nullable(),
    progress: z
      .number({ error: "L'avancement doit être un nombre." })
      .int("L'avancement doit être un nombre entier.")
      .min(0, "L'avancement est compris entre 0 et 100 %.")
      .max(100, "L'avancement est compris entre 0 et 100 %."),
  },
  /** One pilote per partner for an action or a chantier; its id is `${owner_id}:${partner_id}`. */
  pilot: {
    owner_id: ref("L'action ou le chantier"),
    partner_id: ref('Le partenaire'),
    person_id: optionalRef('Le pilote'),
    services: optionalText('Les services', 500),
  },
  step: {
    action_id: ref("L'action"),
    label: requiredText("L'intitulé de l'étape", 500),
    done: z.boolean(),
    position: z.number(),
  },
  note: {
    action_id: ref("L'action"),
    date: isoDate('La date de la note'),
    author_id: optionalRef("L'auteur"),
    text: requiredText('Le texte de la note', 20000),
  },
  link: {
    action_id: ref("L'action"),
    label: optionalText("L'intitulé du lien", 300),
    url: requiredText('Le lien', 2000).refine((value) => /^(https?:\/\/|mailto:|file:\/\/|\\\\)/i.test(value), {
      message: 'Le lien doit commencer par http://, https://, mailto:, file:// ou \\\\serveur.',
    }),
  },
  /** A laptop holding a replica: who uses it, for the sync screens. */
  replica: {
    person_id: ref('La personne'),
    partner_id: ref('Le partenaire'),
    label: optionalText('Le nom du poste', 200),
    created_at: z.string(),
  },
} as const satisfies Record<string, Record<string, z.ZodType>>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
export type EntityFields<E extends EntityName> = { [F in keyof (typeof ENTITIES)[E]]: z.output<(typeof ENTITIES)[E][F]> };
export type FieldName<E extends EntityName> = keyof (typeof ENTITIES)[E] & string;

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITIES, name);
}

export function fieldSchema(entity: EntityName, field: string): z.ZodType | undefined {
  const fields = ENTITIES[entity] as Record<string, z.ZodType>;
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** Fields stored as JSON text in their column (arrays); booleans are stored as 0/1. */
export const JSON_FIELDS = new Set(['finalites']);
export const BOOLEAN_FIELDS = new Set(['done']);
