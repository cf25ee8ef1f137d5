// People at work on their replicas, for the sync bench: what they write goes through the
// app's own functions (createAction, updateAction, addNote...), so the changes, their
// supersedes and their clocks are those the app writes. Deterministic for a given seed.
import { localDate } from '../common/calendar';
import { addNote, addStep, createAction, updateAction, updateStep } from '../db/actions/writes';
import { setPilot } from '../db/actions/pilots';
import { getRow } from '../db/store/rows';
import { initReplica } from '../db/project/setup';
import { Store } from '../db/store/store';
import type { Keyring } from '../db/sync/keys';
import { setUpKeys } from '../db/sync/passphrase';
import { ACTION_STATUSES, FINALITES, PRIORITIES } from '../common/vocabulary';

const SUBJECTS = [
  'Le comité de pilotage',
  'La direction des collèges',
  "L'équipe projet",
  'Le service des routes',
  'Les deux Départements',
  'La cheffe de projet',
  'Le groupe de travail',
  'La DGA Solidarités',
  'Le service juridique',
  'La direction des finances',
  'Le référent du Loir-et-Cher',
  "Le référent d'Indre-et-Loire",
  'La mission coopération',
  'Le prestataire',
  'La Région',
];
const VERBS = [
  'a validé',
  'propose de reporter',
  'souhaite approfondir',
  'a présenté',
  'demande un point sur',
  'prépare',
  'doit transmettre',
  'a relancé les partenaires sur',
  'a relu',
  'attend un retour sur',
  'a complété',
  'organisera',
  'a mis à jour',
  'a rappelé les enjeux de',
  'n’a pas encore reçu',
];
const OBJECTS = [
  'le calendrier de la convention',
  'la note de cadrage',
  "le cahier des charges de l'achat groupé",
  'les indicateurs de suivi',
  'le budget prévisionnel',
  'la liste des collèges concernés',
  'le projet de délibération',
  'le compte rendu du séminaire',
  'la cartographie des circuits courts',
  'le plan de formation des agents',
  'la grille tarifaire commune',
  "l'état des lieux des transports scolaires",
  'le bilan de l’expérimentation',
  'les fiches de poste',
  'la charte de mutualisation',
  "le tableau de bord de l'observatoire",
  'la convention de groupement de commandes',
  'les données de fréquentation',
];
const COMPLEMENTS = [
  'lors de la réunion de mardi',
  'avant la fin du trimestre',
  'en lien avec la Région',
  "sous réserve de l'avis juridique",
  'pour le prochain comité',
  'à Blois',
  'à Tours',
  'avec les directions concernées',
  'dans les deux Départements',
  'pour la séance plénière',
  'après les arbitrages budgétaires',
  'sans attendre la rentrée',
  'avec un premier retour des collèges',
  '',
  '',
  '',
];
const FOLLOW_UPS = [
  'Prochaine étape : arbitrage en réunion de direction.',
  'Les deux services sont d’accord sur le principe.',
  'Un point d’étape est prévu dans un mois.',
  'Le calendrier reste tenable.',
  'Il faudra revoir le périmètre.',
  'Relance à faire si pas de réponse sous quinze jours.',
  'Les élus seront informés au prochain comité.',
];
const TITLE_HEADS = [
  'Échanges sur',
  'Mutualisation de',
  'Harmonisation de',
  'Étude commune sur',
  'Expérimentation de',
  'Formation croisée sur',
  'Groupement de commandes pour',
  'Partage de données sur',
  'Observatoire commun de',
  'Mise en réseau des acteurs de',
];
const TITLE_TOPICS = [
  'la restauration collective',
  'la tarification des transports scolaires',
  "l'accueil des assistants familiaux",
  "l'entretien des routes départementales",
  'la commande publique',
  'les archives départementales',
  'la lecture publique',
  "l'insertion des allocataires du RSA",
  'la mobilité des agents',
  'le numérique éducatif',
  'les espaces naturels sensibles',
  'la prévention en protection maternelle et infantile',
  "l'ingénierie territoriale",
  'le tourisme en Val de Loire',
];
const STEP_LABELS = [
  'Rédiger la note de cadrage',
  'Réunir le groupe de travail',
  'Recueillir les données',
  'Présenter en comité de pilotage',
  'Valider le calendrier',
  'Consulter le service juridique',
  'Lancer la consultation',
  'Faire le bilan',
  'Diffuser le compte rendu',
];

/** A wall clock that moves as a person works: minutes between edits, nights between days. */
export class SimClock {
  constructor(public ms: number) {}
  readonly now = (): number => this.ms;
  advance(minMs: number, maxMs: number, random: () => number): void {
    this.ms += minMs + Math.floor(random() * (maxMs - minMs));
  }
  nextDay(random: () => number): void {
    const day = 24 * 3600 * 1000;
    this.ms = Math.floor(this.ms / day + 1) * day + 7.5 * 3600 * 1000 + Math.floor(random() * 2 * 3600 * 1000);
  }
}

export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The project passphrase of every laptop of the benches. */
export const PASSPHRASE = 'coopération 37-41 printemps';

export class Worker {
  readonly store: Store;
  /** Its keys, as the app holds them once unlocked: the project key is derived once per process. */
  readonly keyring: Keyring;
  readonly clock: SimClock;
  private readonly random: () => number;
  private readonly partnerId: string;
  /** Actions this person follows, newest first. */
  private readonly actions: string[] = [];
  /** The actions of the day. */
  private focus: string[] = [];

  constructor(file: string, name: string, partner: '37' | '41', seed: number, startMs: number) {
    this.random = seededRandom(seed);
    this.clock = new SimClock(startMs);
    this.store = Store.open(file, { now: this.clock.now });
    initReplica(this.store, { name, function: 'Chargé de mission', partner });
    this.keyring = setUpKeys(this.store, PASSPHRASE);
    this.partnerId = `d${partner}`;
  }

  /** Changes this replica wrote so far. */
  get written(): number {
    return Number(this.store.localState('seq') ?? 0);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private tick(): void {
    this.clock.advance(20_000, 6 * 60_000, this.random);
  }

  private today(): string {
    return localDate(new Date(this.clock.ms));
  }

  private sentence(): string {
    const complement = this.pick(COMPLEMENTS);
    return `${this.pick(SUBJECTS)} ${this.pick(VERBS)} ${this.pick(OBJECTS)}${complement ? ` ${complement}` : ''}.`;
  }

  /** A note of a few sentences, as written after a meeting or a phone call. */
  noteText(): string {
    const sentences = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => this.sentence());
    if (this.chance(0.4)) sentences.push(this.pick(FOLLOW_UPS));
    return sentences.join(' ');
  }

  /** Follows every action of the project known here (after a sync), newest first. */
  followAll(): void {
    const ids = this.store.db.prepare('SELECT id FROM action WHERE deleted = 0 ORDER BY rid DESC').pluck().all() as string[];
    this.actions.splice(0, this.actions.length, ...ids);
  }

  /** A new action with its fields, one or two pilotes and a few steps. */
  createOne(): void {
    const start = this.today();
    const id = createAction(this.store, {
      chantier_id: this.pick(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']),
      title: `${this.pick(TITLE_HEADS)} ${this.pick(TITLE_TOPICS)}`,
      description: this.chance(0.5) ? this.noteText() : null,
      priority: this.pick(PRIORITIES),
      finalites: [this.pick(FINALITES)],
      start_date: start,
      end_date: this.chance(0.7) ? `${Number(start.slice(0, 4)) + 1}${start.slice(4, 8)}01` : null,
    });
    this.tick();
    setPilot(this.store, id, this.partnerId, { person_id: this.store.personId ?? null });
    if (this.chance(0.5)) setPilot(this.store, id, this.partnerId === 'd37' ? 'd41' : 'd37', { services: 'Direction générale' });
    for (let s = 1 + Math.floor(this.random() * 4); s > 0; s--) addStep(this.store, id, this.pick(STEP_LABELS));
    this.actions.unshift(id);
    this.tick();
  }

  /** One action looked at and updated: statut, avancement, a note, a step checked, a title fixed. */
  session(): void {
    if (this.actions.length === 0) this.followAll();
    // Half of the work goes to the day's few actions, taken among the recent ones (which
    // the other laptops work on too: that is where concurrent edits come from).
    const id = this.chance(0.5) && this.focus.length > 0 ? this.pick(this.focus) : this.pick(this.actions);
    const action = getRow(this.store, 'action', id);
    if (!action) return;
    if (this.chance(0.45)) updateAction(this.store, id, { status: this.pick(ACTION_STATUSES.filter((s) => s !== action.status)) });
    if (this.chance(0.45)) updateAction(this.store, id, { progress: Math.min(100, (action.progress ?? 0) + 5 + Math.floor(this.random() * 20)) });
    if (this.chance(0.3)) addNote(this.store, id, { text: this.noteText(), date: this.today() });
    if (this.chance(0.25)) {
      const step = this.store.db.prepare('SELECT id FROM step WHERE action_id = ? AND deleted = 0 AND done = 0 ORDER BY position LIMIT 1').pluck().get(id) as
        string | undefined;
      if (step) updateStep(this.store, step, { done: true });
    }
    if (this.chance(0.06))
      updateAction(this.store, id, { title: action.title.endsWith(')') ? action.title.replace(/ \(.*\)$/, '') : `${action.title} (phase 2)` });
    if (this.chance(0.05) && action.end_date)
      updateAction(this.store, id, { end_date: `${Number(action.end_date.slice(0, 4)) + 1}${action.end_date.slice(4)}` });
    this.tick();
  }

  newDay(): void {
    this.clock.nextDay(this.random);
    const recent = this.actions.slice(0, 150);
    this.focus = Array.from({ length: Math.min(8, recent.length) }, () => this.pick(recent));
  }

  /** A day of work: a few new actions, then sessions until `changes` more were written. */
  day(options: { create?: number; changes: number }): void {
    this.newDay();
    for (let i = 0; i < (options.create ?? 0); i++) this.createOne();
    const target = this.written + options.changes;
    while (this.written < target) this.session();
  }

  /** Exactly `count` more changes: sessions, then single avancement edits to land on the count. */
  writeExactly(count: number, options: { createEvery?: number } = {}): void {
    const target = this.written + count;
    let sessions = 0;
    while (target - this.written > 40) {
      if (sessions++ % 60 === 0) this.newDay();
      if (options.createEvery && sessions % options.createEvery === 0) this.createOne();
      else this.session();
    }
    while (this.written < target) {
      const id = this.pick(this.actions);
      const progress = getRow(this.store, 'action', id)?.progress ?? 0;
      updateAction(this.store, id, { progress: progress >= 100 ? 0 : progress + 1 });
      this.tick();
    }
  }
}
