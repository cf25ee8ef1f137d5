// The entities that replicate: for each, its fields and how a value is checked.
// Every entity also has the field `deleted` (see store/changelog.ts). Field names are the
// column names of the entity's derived table (migrations.ts).
import { z } from 'zod';
import {
  ACTION_ITEM_KINDS,
  ACTION_STATUSES,
  ATTENDANCES,
  CIVILITIES,
  COOPERATION_FORMS,
  ENTRY_KINDS,
  FINALITES,
  FUNDER_TYPES,
  FUNDING_STATUSES,
  NEWSLETTER_ITEM_KINDS,
  PARTNER_KINDS,
  PARTY_KINDS,
  PISTE_STORED_STATUSES,
  TAX_BASES,
  MEETING_TYPES,
  MINUTES_STATUSES,
  PRIORITIES,
  SCORE_LEVELS,
  STAGES,
} from '../../common/vocabulary';
import { fieldSubject, FIELDS } from '../../common/fields';

// zod's own messages (wrong type, missing value) in French too.
z.config(z.locales.fr());

const text = (label: string, max: number) => z.string({ error: `${label} : un texte est attendu.` }).max(max, `${label} : ${max} caractères au plus.`);
const requiredText = (label: string, max: number) => text(label, max).trim().min(1, `${label} ne peut pas être vide.`);
const optionalText = (label: string, max: number) => text(label, max).nullable();
const ref = (label: string) => z.string({ error: `${label} : identifiant attendu.` }).min(1, `${label} est obligatoire.`);
const optionalRef = (label: string) => ref(label).nullable();

/** A calendar date, YYYY-MM-DD, that exists (no 31 février). */
export const isoDate = (label: string) =>
  z.string({ error: `${label} : une date est attendue.` }).refine((value) => {
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

/** A mark of the évaluation croisée: a whole number from 1 to 4 (common/vocabulary.ts SCORE_LEVELS). */
const score = (label: string) =>
  z
    .number({ error: `${label} doit être une note de ${SCORE_LEVELS[0]} à ${SCORE_LEVELS[SCORE_LEVELS.length - 1]}.` })
    .int(`${label} doit être une note entière de ${SCORE_LEVELS[0]} à ${SCORE_LEVELS[SCORE_LEVELS.length - 1]}.`)
    .min(SCORE_LEVELS[0], `${label} est notée de ${SCORE_LEVELS[0]} à ${SCORE_LEVELS[SCORE_LEVELS.length - 1]}.`)
    .max(SCORE_LEVELS[SCORE_LEVELS.length - 1], `${label} est notée de ${SCORE_LEVELS[0]} à ${SCORE_LEVELS[SCORE_LEVELS.length - 1]}.`);

/** A measured or targeted quantity: any finite number. */
const amount = (label: string) => z.number({ error: `${label} doit être un nombre.` }).finite(`${label} doit être un nombre.`);
/** An amount in euros, to the cent, not negative. */
const euros = (label: string) =>
  amount(label)
    .min(0, `${label} ne peut pas être négatif.`)
    .max(1e12, `${label} : montant trop grand.`)
    // Read back from its two decimals: value * 100 is not exact above some 134 million euros.
    .refine((value) => Number(value.toFixed(2)) === value, `${label} : au centime près.`);

/** A lettre's limits, which « Nouvelle lettre » fits its proposals to (db/newsletters/draft.ts). */
export const NEWSLETTER_MAX_ITEMS = 200;
export const NEWSLETTER_ITEM_TITLE_MAX = 300;
export const NEWSLETTER_ITEM_BODY_MAX = 20000;

const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label} : valeur inconnue.` });

export const ENTITIES = {
  project: {
    name: requiredText(fieldSubject('project', 'name'), 200),
    /** Days after which minutes sent for validation are validated by silence; null: the default (common/vocabulary.ts). */
    validation_silence_days: z
      .number({ error: 'Le délai de validation tacite doit être un nombre de jours.' })
      .int('Le délai de validation tacite doit être un nombre entier de jours.')
      .min(1, "Le délai de validation tacite est d'au moins un jour.")
      .max(365, "Le délai de validation tacite est d'un an au plus.")
      .nullable(),
  },
  partner: {
    code: requiredText(fieldSubject('partner', 'code'), 20),
    name: requiredText(fieldSubject('partner', 'name'), 200),
    short_name: requiredText(fieldSubject('partner', 'short_name'), 80),
    position: z.number().int(),
    /** Département, Région, EPCI…; null for the default project's partners, whose seed cannot change. */
    kind: oneOf(fieldSubject('partner', 'kind'), PARTNER_KINDS).nullable(),
  },
  person: {
    name: requiredText(fieldSubject('person', 'name'), 200),
    function: optionalText(fieldSubject('person', 'function'), 200),
    partner_id: ref(fieldSubject('person', 'partner_id')),
    email: optionalText(fieldSubject('person', 'email'), 200),
    civility: oneOf(fieldSubject('person', 'civility'), CIVILITIES).nullable(),
  },
  chantier: {
    number: z.number({ error: 'Le numéro du chantier doit être un nombre.' }).int().min(1, 'Le numéro du chantier doit être positif.'),
    title: requiredText(fieldSubject('chantier', 'title'), 300),
    description: optionalText(fieldSubject('chantier', 'description'), 20000),
    stage: oneOf(fieldSubject('chantier', 'stage'), STAGES),
  },
  action: {
    chantier_id: ref(fieldSubject('action', 'chantier_id')),
    title: requiredText(fieldSubject('action', 'title'), 500),
    description: optionalText(fieldSubject('action', 'description'), 20000),
    status: oneOf(fieldSubject('action', 'status'), ACTION_STATUSES).nullable(),
    priority: oneOf(fieldSubject('action', 'priority'), PRIORITIES).nullable(),
    finalites: z.array(oneOf(fieldSubject('action', 'finalites'), FINALITES)),
    cooperation_form: oneOf(fieldSubject('action', 'cooperation_form'), COOPERATION_FORMS).nullable(),
    start_date: isoDate(fieldSubject('action', 'start_date')).nullable(),
    end_date: isoDate(fieldSubject('action', 'end_date')).nullable(),
    progress: z
      .number({ error: "L'avancement doit être un nombre." })
      .int("L'avancement doit être un nombre entier.")
      .min(0, "L'avancement est compris entre 0 et 100 %.")
      .max(100, "L'avancement est compris entre 0 et 100 %."),
    /** Its rank within its chantier, given at creation: the reference « 4.2 » is chantier 4, action 2. */
    number: z.number({ error: "Le numéro de l'action doit être un nombre." }).int().min(1, "Le numéro de l'action doit être positif.").nullable(),
    /** A decision is expected from the next comité (the dossier CODIRI's « décisions attendues »); null: no. */
    to_arbitrate: z.boolean().nullable(),
  },
  /** One pilote per partner for an action or a chantier; its id is `${owner_id}:${partner_id}`. */
  pilot: {
    owner_id: ref(fieldSubject('pilot', 'owner_id')),
    partner_id: ref(fieldSubject('pilot', 'partner_id')),
    person_id: optionalRef(fieldSubject('pilot', 'person_id')),
    services: optionalText(fieldSubject('pilot', 'services'), 500),
  },
  step: {
    action_id: ref(fieldSubject('step', 'action_id')),
    label: requiredText(fieldSubject('step', 'label'), 500),
    done: z.boolean(),
    position: z.number(),
  },
  note: {
    action_id: ref(fieldSubject('note', 'action_id')),
    date: isoDate(fieldSubject('note', 'date')),
    author_id: optionalRef(fieldSubject('note', 'author_id')),
    text: requiredText(fieldSubject('note', 'text'), 20000),
  },
  link: {
    action_id: ref(fieldSubject('link', 'action_id')),
    label: optionalText(fieldSubject('link', 'label'), 300),
    url: requiredText(fieldSubject('link', 'url'), 2000).refine((value) => /^(https?:\/\/|mailto:|file:\/\/|\\\\)/i.test(value), {
      message: 'Le lien doit commencer par http://, https://, mailto:, file:// ou \\\\serveur.',
    }),
  },
  /**
   * A réunion and its compte rendu. An amendment of validated minutes is a new meeting row
   * (version + 1, previous_version_id) with copies of the rows below: the old one stays.
   */
  meeting: {
    type: oneOf(fieldSubject('meeting', 'type'), MEETING_TYPES),
    title: optionalText(fieldSubject('meeting', 'title'), 300),
    date: isoDate(fieldSubject('meeting', 'date')),
    start_time: clockTime(fieldSubject('meeting', 'start_time')),
    duration_minutes: minutes(fieldSubject('meeting', 'duration_minutes'), 1),
    place: optionalText(fieldSubject('meeting', 'place'), 300),
    /** A small list set when the meeting is planned: concurrent edits conflict as a whole. */
    chantier_ids: z.array(ref(fieldSubject('meeting', 'chantier_ids'))).max(50, 'Cinquante chantiers au plus.'),
    president_id: optionalRef(fieldSubject('meeting', 'president_id')),
    secretary_id: optionalRef(fieldSubject('meeting', 'secretary_id')),
    /** The partner drafting and sending the minutes. */
    secretariat_partner_id: optionalRef(fieldSubject('meeting', 'secretariat_partner_id')),
    diffusion: z.array(requiredText(fieldSubject('meeting', 'diffusion'), 300)).max(200, 'Deux cents destinataires au plus.'),
    next_meeting_date: isoDate(fieldSubject('meeting', 'next_meeting_date')).nullable(),
    validation_status: oneOf(fieldSubject('meeting', 'validation_status'), MINUTES_STATUSES),
    sent_on: isoDate(fieldSubject('meeting', 'sent_on')).nullable(),
    validated_on: isoDate(fieldSubject('meeting', 'validated_on')).nullable(),
    /** Null for minutes validated by silence. */
    validated_by_id: optionalRef(fieldSubject('meeting', 'validated_by_id')),
    /** What the poste that validated held (its version vector): an edit of the minutes it had not seen shows on their page. */
    validated_seen: z.record(z.string(), z.number().int().min(0)).nullable(),
    version: z.number().int().min(1),
    previous_version_id: optionalRef(fieldSubject('meeting', 'previous_version_id')),
    amendment_reason: optionalText(fieldSubject('meeting', 'amendment_reason'), 2000),
  },
  /** Someone at a meeting: a person of the project (id `${meeting_id}:${person_id}`) or a guest (name, function, organisation). */
  participant: {
    meeting_id: ref(fieldSubject('participant', 'meeting_id')),
    person_id: optionalRef(fieldSubject('participant', 'person_id')),
    /** For a person, copied from the person when the minutes are validated: the minutes keep the function of that day. */
    name: optionalText(fieldSubject('participant', 'name'), 200),
    function: optionalText(fieldSubject('participant', 'function'), 200),
    organisation: optionalText(fieldSubject('participant', 'organisation'), 200),
    attendance: oneOf(fieldSubject('participant', 'attendance'), ATTENDANCES),
    represented_by: optionalText(fieldSubject('participant', 'represented_by'), 200),
  },
  /** An item of the ordre du jour, with the free notes taken on it. */
  agenda_item: {
    meeting_id: ref(fieldSubject('agenda_item', 'meeting_id')),
    position: z.number(),
    title: requiredText(fieldSubject('agenda_item', 'title'), 500),
    presenter: optionalText(fieldSubject('agenda_item', 'presenter'), 200),
    duration_minutes: minutes(fieldSubject('agenda_item', 'duration_minutes'), 0).nullable(),
    chantier_id: optionalRef(fieldSubject('agenda_item', 'chantier_id')),
    action_id: optionalRef(fieldSubject('agenda_item', 'action_id')),
    notes: optionalText(fieldSubject('agenda_item', 'notes'), 50000),
    /** The point asks the meeting for a decision (« à arbitrer »); null: no. */
    to_arbitrate: z.boolean().nullable(),
  },
  /** An information or a décision under an item; décisions are numbered when read, across the minutes. */
  entry: {
    meeting_id: ref(fieldSubject('entry', 'meeting_id')),
    agenda_item_id: ref(fieldSubject('entry', 'agenda_item_id')),
    kind: oneOf(fieldSubject('entry', 'kind'), ENTRY_KINDS),
    text: requiredText(fieldSubject('entry', 'text'), 20000),
    position: z.number(),
  },
  /** An action à mener under an item; validating the minutes creates or updates the tracked action. */
  action_item: {
    meeting_id: ref(fieldSubject('action_item', 'meeting_id')),
    agenda_item_id: ref(fieldSubject('action_item', 'agenda_item_id')),
    position: z.number(),
    kind: oneOf(fieldSubject('action_item', 'kind'), ACTION_ITEM_KINDS),
    /** The action followed up; for a new one, the action created at validation. */
    action_id: optionalRef(fieldSubject('action_item', 'action_id')),
    title: requiredText(fieldSubject('action_item', 'title'), 500),
    responsable_id: optionalRef(fieldSubject('action_item', 'responsable_id')),
    due_date: isoDate(fieldSubject('action_item', 'due_date')).nullable(),
    chantier_id: optionalRef(fieldSubject('action_item', 'chantier_id')),
    /** The statut the action takes at validation (null: unchanged, or À venir for a new one). */
    status: oneOf(fieldSubject('action_item', 'status'), ACTION_STATUSES).nullable(),
  },
  /**
   * A line of the suivi des actions du précédent compte rendu, id `${meeting_id}:${action_item_id}`:
   * its comment, and the action's state frozen when the minutes are validated.
   */
  follow_up: {
    meeting_id: ref(fieldSubject('follow_up', 'meeting_id')),
    action_item_id: ref(fieldSubject('follow_up', 'action_item_id')),
    action_id: optionalRef(fieldSubject('follow_up', 'action_id')),
    title: optionalText(fieldSubject('follow_up', 'title'), 500),
    responsable_id: optionalRef(fieldSubject('follow_up', 'responsable_id')),
    due_date: isoDate(fieldSubject('follow_up', 'due_date')).nullable(),
    status: oneOf(fieldSubject('follow_up', 'status'), ACTION_STATUSES).nullable(),
    progress: z.number().int().min(0).max(100).nullable(),
    comment: optionalText(fieldSubject('follow_up', 'comment'), 5000),
  },
  /** An indicator of a chantier, followed by one or more of its actions (indicator_link). */
  indicator: {
    chantier_id: ref(fieldSubject('indicator', 'chantier_id')),
    name: requiredText(fieldSubject('indicator', 'name'), 200),
    unit: optionalText(fieldSubject('indicator', 'unit'), 40),
    target_value: amount(fieldSubject('indicator', 'target_value')).nullable(),
    target_date: isoDate(fieldSubject('indicator', 'target_date')).nullable(),
  },
  /** An action following an indicator, id `${indicator_id}:${action_id}`. */
  indicator_link: {
    indicator_id: ref(fieldSubject('indicator_link', 'indicator_id')),
    action_id: ref(fieldSubject('indicator_link', 'action_id')),
  },
  /** A measured value of an indicator, on a date, with who entered it. */
  indicator_value: {
    indicator_id: ref(fieldSubject('indicator_value', 'indicator_id')),
    date: isoDate(fieldSubject('indicator_value', 'date')),
    value: amount(fieldSubject('indicator_value', 'value')),
    author_id: optionalRef(fieldSubject('indicator_value', 'author_id')),
    comment: optionalText(fieldSubject('indicator_value', 'comment'), 2000),
  },
  /** What a partner plans and spends on an action in a year, in euros. */
  budget_line: {
    action_id: ref(fieldSubject('budget_line', 'action_id')),
    year: z
      .number({ error: "L'année doit être un nombre." })
      .int("L'année doit être un nombre entier.")
      .min(2000, 'Année trop ancienne.')
      .max(2100, 'Année trop lointaine.'),
    partner_id: ref(fieldSubject('budget_line', 'partner_id')),
    planned: euros(fieldSubject('budget_line', 'planned')).nullable(),
    spent: euros(fieldSubject('budget_line', 'spent')).nullable(),
    tax_basis: oneOf(fieldSubject('budget_line', 'tax_basis'), TAX_BASES),
  },
  /** A funder of an action besides the partners, with the amount asked or obtained. */
  funding: {
    action_id: ref(fieldSubject('funding', 'action_id')),
    funder_type: oneOf(fieldSubject('funding', 'funder_type'), FUNDER_TYPES),
    funder_name: optionalText(fieldSubject('funding', 'funder_name'), 200),
    amount: euros(fieldSubject('funding', 'amount')),
    status: oneOf(fieldSubject('funding', 'status'), FUNDING_STATUSES),
  },
  /** An élu référent or a partenaire extérieur of an action, with their organisation. */
  action_party: {
    action_id: ref(fieldSubject('action_party', 'action_id')),
    kind: oneOf(fieldSubject('action_party', 'kind'), PARTY_KINDS),
    name: requiredText(fieldSubject('action_party', 'name'), 200),
    organisation: optionalText(fieldSubject('action_party', 'organisation'), 200),
    role: optionalText(fieldSubject('action_party', 'role'), 200),
  },
  /** A document attached to an action or a meeting; its bytes travel apart, by their SHA-256 (db/attachments). */
  attachment: {
    owner_id: ref(fieldSubject('attachment', 'owner_id')),
    name: requiredText(fieldSubject('attachment', 'name'), 255),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 attendue.'),
    added_by: optionalRef(fieldSubject('attachment', 'added_by')),
    added_on: isoDate(fieldSubject('attachment', 'added_on')),
  },
  /**
   * A piste of cooperation proposed in an atelier, numbered « P12 » (max + 1 at creation:
   * two laptops adding one between two syncs give the same number, read in id order).
   * Its arbitrage by a comité sets status, status_reason, decision_entry_id and, for a
   * retained piste, action_id (db/pistes/arbitration.ts).
   */
  piste: {
    number: z.number({ error: 'Le numéro de la piste doit être un nombre.' }).int().min(1, 'Le numéro de la piste doit être positif.'),
    title: requiredText(fieldSubject('piste', 'title'), 500),
    description: optionalText(fieldSubject('piste', 'description'), 20000),
    proposed_by_partner_id: ref(fieldSubject('piste', 'proposed_by_partner_id')),
    proposed_by_service: optionalText(fieldSubject('piste', 'proposed_by_service'), 200),
    proposed_by_person: optionalText(fieldSubject('piste', 'proposed_by_person'), 200),
    atelier_meeting_id: optionalRef(fieldSubject('piste', 'atelier_meeting_id')),
    finalites: z.array(oneOf(fieldSubject('piste', 'finalites'), FINALITES)),
    chantier_id: optionalRef(fieldSubject('piste', 'chantier_id')),
    status: oneOf(fieldSubject('piste', 'status'), PISTE_STORED_STATUSES),
    status_reason: optionalText(fieldSubject('piste', 'status_reason'), 2000),
    action_id: optionalRef(fieldSubject('piste', 'action_id')),
    decision_entry_id: optionalRef(fieldSubject('piste', 'decision_entry_id')),
    /** The comité de pilotage or CODIRI whose agenda carries it, before its arbitrage. */
    agenda_meeting_id: optionalRef(fieldSubject('piste', 'agenda_meeting_id')),
  },
  /**
   * One evaluator's score of a piste, id `${piste_id}:${evaluator_person_id}`: a score
   * belongs to its evaluator, so two evaluators scoring at once write different rows and
   * never conflict. An axis not scored yet is null.
   */
  piste_score: {
    piste_id: ref(fieldSubject('piste_score', 'piste_id')),
    evaluator_person_id: ref(fieldSubject('piste_score', 'evaluator_person_id')),
    partner_id: ref(fieldSubject('piste_score', 'partner_id')),
    plus_value: score(fieldSubject('piste_score', 'plus_value')).nullable(),
    faisabilite: score(fieldSubject('piste_score', 'faisabilite')).nullable(),
    comment: optionalText(fieldSubject('piste_score', 'comment'), 2000),
  },
  /**
   * A numbered issue of the lettre d'info de la coopération. Its text is a small Markdown
   * (titles, paragraphs, lists, links, bold); its items are one list, edited by the
   * secretariat that drafts it. Once published (published_on set) it is read-only.
   */
  newsletter: {
    number: z.number({ error: 'Le numéro de la lettre doit être un nombre.' }).int().min(1, 'Le numéro de la lettre doit être positif.'),
    title: requiredText(fieldSubject('newsletter', 'title'), 300),
    period_start: isoDate(fieldSubject('newsletter', 'period_start')).nullable(),
    period_end: isoDate(fieldSubject('newsletter', 'period_end')),
    editorial: optionalText(fieldSubject('newsletter', 'editorial'), 20000),
    items: z
      .array(
        z.object({
          /** Stable within the lettre: the editor moves, rewrites and removes an article by it. */
          id: z.string().min(1).max(40),
          kind: oneOf(fieldSubject('newsletter', 'items'), NEWSLETTER_ITEM_KINDS),
          title: requiredText("Le titre d'un article", NEWSLETTER_ITEM_TITLE_MAX),
          body: optionalText("Le texte d'un article", NEWSLETTER_ITEM_BODY_MAX),
          /** The action, decision, meeting or piste it was proposed from. */
          source_id: z.string().nullable(),
        }),
      )
      .max(NEWSLETTER_MAX_ITEMS, `Une lettre compte ${NEWSLETTER_MAX_ITEMS} articles au plus.`),
    published_on: isoDate(fieldSubject('newsletter', 'published_on')).nullable(),
    published_by_id: optionalRef(fieldSubject('newsletter', 'published_by_id')),
  },
  /** A laptop holding a replica: who uses it, for the sync screens. */
  replica: {
    person_id: ref(fieldSubject('replica', 'person_id')),
    partner_id: ref(fieldSubject('replica', 'partner_id')),
    label: optionalText(fieldSubject('replica', 'label'), 200),
    created_at: z.string(),
    /** Its Ed25519 public key (JWK x, base64url): written once, by the poste itself (db/sync/proof.ts). */
    public_key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .nullable(),
    /** Revoked: its changes numbered after this one count nowhere, kept in every log without effect (db/sync/revocation.ts). */
    revoked_after: z.number().int().min(0).nullable(),
    /** The id of the project key it seals its files with, announced when it changes the passphrase (db/sync/passphrase.ts). */
    sealing_key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8}$/)
      .nullable(),
  },
} as const satisfies Record<string, Record<string, z.ZodType>>;

export type EntityName = keyof typeof ENTITIES;

// Every replicated field has its French words in common/fields.ts, and only those.
type Unnamed = {
  [E in EntityName]: Exclude<keyof (typeof ENTITIES)[E], keyof (typeof FIELDS)[E]> | Exclude<keyof (typeof FIELDS)[E], keyof (typeof ENTITIES)[E]>;
}[EntityName];
export type EveryFieldNamed = [Unnamed] extends [never] ? true : Unnamed;
const everyFieldNamed: EveryFieldNamed = true;
void everyFieldNamed;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
export type EntityFields<E extends EntityName> = { [F in keyof (typeof ENTITIES)[E]]: z.output<(typeof ENTITIES)[E][F]> };

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITIES, name);
}

export function fieldSchema(entity: EntityName, field: string): z.ZodType | undefined {
  const fields = ENTITIES[entity] as Record<string, z.ZodType>;
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** Fields stored as JSON text in their column (arrays, objects); booleans are stored as 0/1. */
export const JSON_FIELDS = new Set(['finalites', 'chantier_ids', 'diffusion', 'items', 'validated_seen']);
/**
 * Fields the app writes for its own checks, neither shown nor exported: what a validation had
 * seen. Two laptops validating by silence write two values, both kept and read together: not a conflict.
 */
export const BOOKKEEPING_FIELDS = new Set(['validated_seen']);
export const BOOLEAN_FIELDS = new Set(['done', 'to_arbitrate']);
