// The entities that replicate: for each, its fields and how a value is checked.
// Every entity also has the field `deleted` (see changelog.ts). Field names are the
// column names of the entity's derived table (migrations.ts).
import { z } from 'zod';
import {
  ACTION_ITEM_KINDS,
  ACTION_STATUSES,
  ATTENDANCES,
  COOPERATION_FORMS,
  ENTRY_KINDS,
  FINALITES,
  MEETING_TYPES,
  MINUTES_STATUSES,
  PRIORITIES,
  STAGES,
} from '../../common/vocabulary';

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

/** A time of day, HH:MM on 24 hours, that exists (no 25:00). */
export const clockTime = (label: string) =>
  z
    .string({ error: `${label} : une heure est attendue.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} : heure impossible (format attendu HH:MM, de 00:00 à 23:59).`);

/** A whole number of minutes, at least `min`, at most a day. */
const minutes = (label: string, min: number) =>
  z
    .number({ error: `${label} doit être un nombre de minutes.` })
    .int(`${label} doit être un nombre entier de minutes.`)
    .min(min, min > 0 ? `${label} doit être positive.` : `${label} ne peut pas être négative.`)
    .max(24 * 60, `${label} ne peut pas dépasser 24 heures.`);

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} : valeur inconnue.` });

export const ENTITIES = {
  project: {
    name: requiredText('Le nom du projet', 200),
    /** Days after which minutes sent for validation are validated by silence; null: the default (vocabulary.ts). */
    validation_silence_days: z
      .number({ error: 'Le délai de validation tacite doit être un nombre de jours.' })
      .int('Le délai de validation tacite doit être un nombre entier de jours.')
      .min(1, "Le délai de validation tacite est d'au moins un jour.")
      .max(365, "Le délai de validation tacite est d'un an au plus.")
      .nullable(),
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
  /**
   * A réunion and its compte rendu. An amendment of validated minutes is a new meeting row
   * (version + 1, previous_version_id) with copies of the rows below: the old one stays.
   */
  meeting: {
    type: oneOf('Le type de réunion', MEETING_TYPES),
    title: optionalText('Le titre de la réunion', 300),
    date: isoDate('La date de la réunion'),
    start_time: clockTime("L'heure de début"),
    duration_minutes: minutes('La durée de la réunion', 1),
    place: optionalText('Le lieu', 300),
    /** A small list set when the meeting is planned: concurrent edits conflict as a whole. */
    chantier_ids: z.array(ref('Le chantier')).max(50, 'Cinquante chantiers au plus.'),
    president_id: optionalRef('Le président ou la présidente'),
    secretary_id: optionalRef('Le ou la secrétaire de séance'),
    /** The partner drafting and sending the minutes. */
    secretariat_partner_id: optionalRef('Le secrétariat'),
    diffusion: z.array(requiredText('Un destinataire de la diffusion', 300)).max(200, 'Deux cents destinataires au plus.'),
    next_meeting_date: isoDate('La date de la prochaine réunion').nullable(),
    validation_status: oneOf('Le statut du compte rendu', MINUTES_STATUSES),
    sent_on: isoDate("La date d'envoi pour validation").nullable(),
    validated_on: isoDate('La date de validation').nullable(),
    /** Null for minutes validated by silence. */
    validated_by_id: optionalRef('La personne qui a validé'),
    version: z.number().int().min(1),
    previous_version_id: optionalRef('La version précédente'),
    amendment_reason: optionalText("L'objet de la modification", 2000),
  },
  /** Someone at a meeting: a person of the project (id `${meeting_id}:${person_id}`) or a guest (name, function, organisation). */
  participant: {
    meeting_id: ref('La réunion'),
    person_id: optionalRef('La personne'),
    /** For a person, copied from the person when the minutes are validated: the minutes keep the function of that day. */
    name: optionalText('Le nom du participant', 200),
    function: optionalText('La fonction', 200),
    organisation: optionalText("L'organisme", 200),
    attendance: oneOf('La présence', ATTENDANCES),
    represented_by: optionalText('Représenté par', 200),
  },
  /** An item of the ordre du jour, with the free notes taken on it. */
  agenda_item: {
    meeting_id: ref('La réunion'),
    position: z.number(),
    title: requiredText("L'intitulé du point", 500),
    presenter: optionalText('Le présentateur', 200),
    duration_minutes: minutes('La durée prévue', 0).nullable(),
    chantier_id: optionalRef('Le chantier'),
    action_id: optionalRef("L'action"),
    notes: optionalText('Les notes', 50000),
  },
  /** An information or a décision under an item; décisions are numbered when read, across the minutes. */
  entry: {
    meeting_id: ref('La réunion'),
    agenda_item_id: ref("Le point de l'ordre du jour"),
    kind: oneOf("Le type d'entrée", ENTRY_KINDS),
    text: requiredText('Le texte', 20000),
    position: z.number(),
  },
  /** An action à mener under an item; validating the minutes creates or updates the tracked action. */
  action_item: {
    meeting_id: ref('La réunion'),
    agenda_item_id: ref("Le point de l'ordre du jour"),
    position: z.number(),
    kind: oneOf("Le type d'action à mener", ACTION_ITEM_KINDS),
    /** The action followed up; for a new one, the action created at validation. */
    action_id: optionalRef("L'action suivie"),
    title: requiredText("L'intitulé de l'action à mener", 500),
    responsable_id: optionalRef('Le responsable'),
    due_date: isoDate("L'échéance").nullable(),
    chantier_id: optionalRef('Le chantier'),
    /** The statut the action takes at validation (null: unchanged, or À venir for a new one). */
    status: oneOf('Le statut', ACTION_STATUSES).nullable(),
  },
  /**
   * A line of the suivi des actions du précédent compte rendu, id `${meeting_id}:${action_item_id}`:
   * its comment, and the action's state frozen when the minutes are validated.
   */
  follow_up: {
    meeting_id: ref('La réunion'),
    action_item_id: ref("L'action à mener du compte rendu précédent"),
    action_id: optionalRef("L'action"),
    title: optionalText("L'intitulé", 500),
    responsable_id: optionalRef('Le responsable'),
    due_date: isoDate("L'échéance").nullable(),
    status: oneOf('Le statut', ACTION_STATUSES).nullable(),
    progress: z.number().int().min(0).max(100).nullable(),
    comment: optionalText('Le commentaire', 5000),
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
export const JSON_FIELDS = new Set(['finalites', 'chantier_ids', 'diffusion']);
export const BOOLEAN_FIELDS = new Set(['done']);
