// The `entente` command: the replica's data from a terminal, for scripts, support and tests.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { basename, extname, resolve } from 'node:path';
import { backupTo } from '../project/backup';
import { check } from '../project/check';
import { counts, dump } from '../project/dump';
import { createAction, updateAction } from '../actions/writes';
import { getProject } from '../project/reads';
import { getRow } from '../store/rows';
import { capitalized, frenchDateTime, frenchDay, shortFrenchDate } from '../../common/french';
import { toUserError, refusal, type ErrorCode } from '../errors';
import { databaseFile, defaultDataDir } from '../paths';
import { initReplica, type Identity } from '../project/setup';
import { createCooperation, type CooperationPartnerInput } from '../project/new-project';
import { kindOf, meetingTypeLabels, shortNameOf } from '../../common/partners';
import { PARTNER_KIND_LABELS, PARTNER_KINDS, type PartnerKind } from '../../common/vocabulary';
import { getAction, queryActions } from '../actions/reads';
import { formatActionShow, showAction } from './action-show';
import { fieldSchema, JSON_FIELDS } from '../store/schema';
import { Store } from '../store/store';
import type { ImportSummary } from '../sync/exchange';
import { exportToFile, folderRound, importExchangeFile, writeInvitation } from '../sync/operations';
import { joinProject } from '../sync/invitation';
import { listConflicts, type Conflict } from '../conflicts/versions';
import { validateNewPassphrase } from '../sync/keys';
import { attach, attachmentContent, listAttachments } from '../attachments/store';
import { writeFileAtomically } from '../files';
import { addIndicatorValue, createIndicator, linkIndicator } from '../indicators/writes';
import { nameThisComputer, ofReplica, replicaLabel } from '../sync/labels';
import { changePassphrase, keyringOf, setUpKeys } from '../sync/passphrase';
import { adoptPassphrase } from '../sync/passphrase-elsewhere';
import { revokeReplica } from '../sync/revocation';
import { confirmKey } from '../sync/confirmations';
import { markPostesSeen, posteNotices, type PosteNotice } from '../sync/poste-notices';
import { listReplicaStatus, type ReplicaStatus } from '../sync/status';
import type { ActionRow } from '../actions/types';
import { listDecisions } from '../meetings/decisions';
import { addAgendaItem, addEntry } from '../meetings/writes';
import { agendaRows } from '../meetings/rows';
import type { DecisionRow } from '../meetings/types';
import { createMeeting } from '../meetings/writes';
import { listMeetings } from '../meetings/reads';
import { listPartners } from '../people/reads';
import { minutesDocx } from '../meetings/docx';
import { meetingIcs } from '../meetings/calendar';
import type { MeetingRow } from '../meetings/types';
import { MINUTES_STATUS_LABELS, type MeetingType } from '../../common/vocabulary';
import { ACTION_STATUS_LABELS, PRIORITY_LABELS } from '../../common/vocabulary';
import { EXPORT_COMMANDS_HELP, isExportCommand, runExportCommand } from './exports';
import { matrixCommand, pisteCommand, type PisteArgs } from './pistes';
import { newsletterCommand } from './newsletters';
import { textTable } from './table';

const HELP = `Usage : entente [--data DOSSIER] COMMANDE [ARGUMENTS]

Commandes :
  init --as "NOM" --partner CODE [--function FONCTION] [--label NOM]
                        fait de ce dossier un nouvel ordinateur de la coopération par défaut ; avec
                        ENTENTE_PASSPHRASE (12 caractères au moins), crée aussi ses clés
  init --new-project "NOM" --partners "CODE:Nom complet;CODE:Nom complet[:Nom court]"
       [--kinds "departement;epci"] [--chantiers "Titre 1;Titre 2"] --as "NOM" --partner CODE
                        fait de ce dossier le premier ordinateur d'une nouvelle coopération
                        (identifiant de projet neuf) de 2 à 6 partenaires ; codes courts
                        (37, CCTVL, AGGLO) ; nom court déduit du nom complet sans lui
                        (« Département d'Indre-et-Loire » → « Indre-et-Loire ») ; types
                        (${PARTNER_KINDS.join(', ')}) dans l'ordre des partenaires,
                        déduits du nom sans --kinds ; chantiers numérotés dans l'ordre
  join INVITATION --as "NOM" --partner CODE [--function FONCTION] [--label NOM]
                        fait de ce dossier un nouvel ordinateur de la coopération de l'invitation
                        (reprend la personne de même nom et partenaire si elle existe)
  info                  coopération, ordinateur et nombres d'éléments (JSON)
  dump                  état partagé complet, canonique (JSON)
  action list [--json]  liste des actions (tableau, ou JSON)
  action add --chantier N --title TITRE [champ=valeur ...]
                        ajoute une action au chantier numéro N ; affiche son identifiant
  action set ID champ=valeur ...
                        modifie une action (valeur null pour vider un champ,
                        finalites=a,b pour une liste)
  action show ID [--json] [--field CHAMP]
                        la fiche de l'action et son historique (qui, quand, sur quel ordinateur,
                        ancienne → nouvelle valeur) ; --field n'en garde qu'un champ
                        (status, note.text…)
${EXPORT_COMMANDS_HELP}  meeting list [--json]  les réunions : date, type, titre, état du compte rendu, identifiant
  meeting add --type codiri|copil|atelier|travail --date AAAA-MM-JJ --time HH:MM
              [--end HH:MM] [--place LIEU] [--title TITRE] [--chantier N]
                        ajoute une réunion (2 h sans --end ; une réunion de travail
                        concerne un chantier : --chantier N) ; affiche son identifiant
  meeting export ID --to FICHIER.docx|FICHIER.ics
                        écrit le compte rendu en Word (.docx), ou la réunion pour
                        l'agenda (.ics : Outlook, Thunderbird)
  meeting decide ID "TEXTE"
                        ajoute une décision au premier point de l'ordre du jour de la
                        réunion (crée un point « Décisions » s'il n'y en a pas) ; affiche
                        sa référence ; refusé si le compte rendu est validé
  decisions [--json]    le registre des décisions de toutes les réunions, avec leur
                        référence (CODIRI 2027-1 D2) ; « projet » tant que leur compte
                        rendu n'est pas validé
  export --to FICHIER [--for ORDINATEUR | --full]
                        écrit un fichier d'échange : pour un ordinateur, ce qui lui manque
                        d'après le dernier fichier reçu de lui ; sinon tout
  invite --out FICHIER  écrit une invitation : tout l'historique de la coopération, pour un
                        nouvel ordinateur (la phrase de passe se donne par un autre moyen)
  import FICHIER        importe un fichier d'échange (une seule fois, en entier ou pas du tout)
  sync-folder DOSSIER   synchronise avec un dossier partagé (lit les fichiers des autres
                        ordinateurs, écrit les siens)
  indicator add ACTION --name NOM [--unit UNITÉ] [--target VALEUR] [--target-date AAAA-MM-JJ]
                        ajoute un indicateur au chantier de l'action, suivi par elle ;
                        affiche son identifiant
  indicator value ID --date AAAA-MM-JJ --value VALEUR [--comment TEXTE]
                        ajoute une valeur mesurée à l'indicateur
  attach ACTION FICHIER  joint un document (25 Mo au plus) à une action ou une réunion ;
                        affiche son identifiant
  attachments ACTION [--json]
                        les documents joints : identifiant, nom, taille, empreinte SHA-256
  attachment save ID --to FICHIER
                        enregistre le contenu d'un document joint dans FICHIER
  postes [--json]       les ordinateurs de la coopération : identifiant, personne, partenaire,
                        empreinte de la clé et sa confirmation, dernière mise à jour, révocation ;
                        puis les ordinateurs arrivés et les révocations reçues, à vérifier
  postes vus            note que ces ordinateurs et révocations étaient attendus : ils ne sont
                        plus signalés
  postes nom NOM        nomme cet ordinateur (« Portable DRH »), pour le distinguer des autres
                        ordinateurs de la même personne ; postes nom "" lui retire son nom
  confirm ID EMPREINTE  confirme la clé d'un ordinateur (ID : son identifiant, que donne
                        postes) : l'empreinte que sa personne vous a lue depuis son écran
                        Synchronisation doit être celle de sa clé
  revoke ID             révoque un ordinateur perdu ou parti (ID : son identifiant, que donne
                        postes) : ses mises à jour postérieures à la dernière reçue ici seront
                        sans effet partout
  passphrase change     change la phrase de passe de la coopération pour les fichiers écrits
                        désormais (l'ancienne reste connue de cet ordinateur, pour la lecture) ;
                        la nouvelle vient de ENTENTE_NEW_PASSPHRASE, sinon elle est demandée
  passphrase adopt      prend la phrase de passe changée sur un autre ordinateur, vérifiée sur
                        le dernier fichier reçu qu'elle scelle (ENTENTE_NEW_PASSPHRASE, sinon
                        demandée)
  piste list [--json] [--finalite F] [--partner CODE]
                        les pistes : référence (P12), statut, notes moyennes, désaccord,
                        quadrant de la matrice
  piste add --title "INTITULÉ" --by CODE [--finalite F,…] [--description D] [--service S]
            [--chantier N] [--atelier RÉUNION]
                        ajoute une piste proposée par ce partenaire ; affiche sa référence
                        (aussi : piste add "INTITULÉ" --partner CODE)
  piste score P12 --by CODE plus_value=1-4 faisabilite=1-4 [--evaluator NOM] [--comment C]
                        la note d'un évaluateur de ce partenaire (par défaut, la personne
                        de cet ordinateur) ; aussi : --as NOM --plus-value N --faisabilite N
  piste import FICHIER [--map "colonne=champ" …] [--atelier RÉUNION] [--confirm]
                        lit un classeur .xlsx ou un CSV et affiche l'aperçu (colonnes,
                        erreurs par ligne) ; n'écrit rien sans --confirm
  piste export --to FICHIER.xlsx
                        les pistes, leurs notes et les décisions dans un classeur Excel
  piste agenda P12 --meeting RÉUNION [--remove]
                        inscrit la piste à l'ordre du jour d'un comité de pilotage ou
                        d'un CODIRI (point « Arbitrage des pistes »), ou l'en retire
  piste decide P12 retenue --chantier N|retenue --new-chantier "TITRE"|a_approfondir
            [--reason R]|ecartee --reason "RAISON" [--meeting RÉUNION]
                        décision numérotée du comité (par défaut celui dont l'ordre du
                        jour porte la piste) ; une piste retenue devient une action du
                        chantier : affiche sa référence et son identifiant
                        (piste arbitrate : même commande, ou avec les options --retenue N,
                        --new-chantier, --approfondir, --ecartee "raison")
  matrix [--json] [--finalite F] [--partner CODE]
                        la matrice plus-value × faisabilité, par quadrant
  lettre list [--json]  les lettres d'info : numéro, brouillon ou date de publication, période
  lettre draft          prépare la lettre suivante à partir des faits de la période depuis la
                        dernière lettre publiée ; affiche son numéro
  lettre publish N      publie la lettre n° N (elle ne peut plus être modifiée)
  lettre eml N --to FICHIER.eml
                        la lettre publiée n° N en courriel (texte et HTML), à ouvrir avec
                        Outlook ou Thunderbird
  conflicts [--json]    les champs en conflit, avec chacune de leurs versions
  backup FICHIER        copie la base de données dans FICHIER
  check                 vérifie l'intégrité de la base et l'accord du journal avec les tables

Options :
  --data DOSSIER        dossier de données (par défaut : $ENTENTE_DATA_DIR, sinon
                        celui de l'application : ${defaultDataDir()})
  --help                affiche cette aide

La phrase de passe de la coopération vient de la variable ENTENTE_PASSPHRASE, sinon elle est
demandée : la ligne de commande n'a pas accès au trousseau du système, et la phrase de
passe n'est jamais enregistrée.
`;

const VALUED_OPTIONS = new Set([
  'data',
  'as',
  'partner',
  'function',
  'label',
  'chantier',
  'title',
  'to',
  'for',
  'out',
  'field',
  'name',
  'unit',
  'target',
  'target-date',
  'date',
  'value',
  'comment',
  'type',
  'time',
  'end',
  'place',
  'status',
  'depuis',
  'finalite',
  'description',
  'service',
  'atelier',
  'plus-value',
  'faisabilite',
  'meeting',
  'retenue',
  'new-chantier',
  'ecartee',
  'reason',
  'new-project',
  'partners',
  'kinds',
  'chantiers',
  'by',
  'evaluator',
]);
const FLAG_OPTIONS = new Set(['json', 'help', 'full', 'map', 'preview', 'plan', 'approfondir', 'confirm', 'remove']);

interface Args {
  options: Record<string, string | true>;
  positionals: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { options: {}, positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      args.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (FLAG_OPTIONS.has(name) && inline === undefined) args.options[name] = true;
    else if (VALUED_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw refusal('usage', `L'option --${name} attend une valeur.`);
      args.options[name] = value;
    } else throw refusal('usage', `Option inconnue : --${name}. Voir entente --help.`);
  }
  return args;
}

function option(args: Args, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredOption(args: Args, name: string): string {
  const value = option(args, name);
  if (value === undefined) throw refusal('usage', `L'option --${name} est obligatoire.`);
  return value;
}

/** `to_arbitrate=oui`: a yes-or-no field, as people type it. */
const YES_NO: Record<string, boolean> = { oui: true, non: false, true: true, false: false, '1': true, '0': false };

/** `champ=valeur` arguments: null, comma lists for list fields, numbers and yes-or-no where the field wants one. */
function parseAssignments(assignments: string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    if (at < 1) throw refusal('usage', `Argument inattendu : ${assignment} (attendu : champ=valeur).`);
    const field = assignment.slice(0, at);
    const text = assignment.slice(at + 1);
    const schema = fieldSchema('action', field);
    const number = Number(text);
    if (text === 'null') patch[field] = null;
    else if (JSON_FIELDS.has(field))
      patch[field] = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    else if (schema && text.trim() !== '' && Number.isFinite(number) && !schema.safeParse(text).success && !schema.safeParse(true).success)
      patch[field] = number;
    else if (schema?.safeParse(true).success && YES_NO[text.trim().toLowerCase()] !== undefined) patch[field] = YES_NO[text.trim().toLowerCase()];
    else patch[field] = text;
  }
  return patch;
}

function identity(args: Args): Identity {
  return {
    name: requiredOption(args, 'as'),
    function: option(args, 'function') ?? null,
    partner: requiredOption(args, 'partner'),
    label: option(args, 'label') ?? null,
  };
}

/** `--partners "CODE:Nom complet[:Nom court];…"` with `--kinds "departement;epci"` (codes or labels), in the same order. */
function cooperationPartners(args: Args): CooperationPartnerInput[] {
  const lines = requiredOption(args, 'partners')
    .split(';')
    .map((line) => line.trim())
    .filter(Boolean);
  const kinds = option(args, 'kinds')
    ?.split(';')
    .map((kind) => kind.trim());
  if (kinds && kinds.length !== lines.length) {
    throw refusal('usage', `--kinds donne ${kinds.length} type(s) pour ${lines.length} partenaire(s) : un type par partenaire, dans le même ordre.`);
  }
  return lines.map((line, index) => {
    const [code = '', name = '', short] = line.split(':').map((part) => part.trim());
    if (!code || !name) throw refusal('usage', `Partenaire ${index + 1} : « ${line} » ; attendu : CODE:Nom complet ou CODE:Nom complet:Nom court.`);
    return { code, name, short_name: short || shortNameOf(name), kind: kinds ? partnerKind(kinds[index], index) : kindOf(name) };
  });
}

function partnerKind(typed: string, index: number): PartnerKind {
  const wanted = typed.toLocaleLowerCase('fr');
  const kind = PARTNER_KINDS.find((code) => code === wanted || PARTNER_KIND_LABELS[code].toLocaleLowerCase('fr') === wanted);
  if (!kind) throw refusal('usage', `Partenaire ${index + 1} : type inconnu « ${typed} » (${PARTNER_KINDS.join(', ')}).`);
  return kind;
}

/** The data folder of a laptop that has joined a cooperation; anything else is refused, rather than shown empty. */
function openExisting(dataDir: string): Store {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) throw refusal('no-database', dataDir);
  const store = Store.open(file);
  if (!store.replicaId) {
    store.close();
    throw refusal('no-database', dataDir);
  }
  return store;
}

/**
 * `init` and `join` work in the data folder's database, made for them if there was none: if
 * they fail (a name missing, an unknown partner, a wrong passphrase), they take it away again,
 * so that the folder does not look like a laptop with an empty cooperation.
 */
function inNewDatabase(dataDir: string, work: (store: Store) => void): number {
  const file = databaseFile(dataDir);
  const existed = existsSync(file);
  mkdirSync(dataDir, { recursive: true });
  const store = Store.open(file);
  try {
    work(store);
  } catch (error) {
    store.close();
    if (!existed) for (const made of [file, `${file}-wal`, `${file}-shm`]) rmSync(made, { force: true });
    throw error;
  }
  store.close();
  return 0;
}

function formatTable(rows: ActionRow[]): string {
  const header = ['Réf.', 'Statut', 'Priorité', 'Échéance', 'Av.', 'Retard', 'Identifiant', 'Titre'];
  const lines = rows.map((row) => [
    row.reference,
    row.status ? ACTION_STATUS_LABELS[row.status] : '—',
    row.priority ? PRIORITY_LABELS[row.priority] : '—',
    row.end_date ? shortFrenchDate(row.end_date) : '—',
    `${row.progress} %`,
    row.late ? 'oui' : '',
    row.id,
    row.title,
  ]);
  return textTable(header, lines, `${rows.length} action(s)`);
}

/** `meeting add --type`: the short words, or the codes themselves. */
const MEETING_TYPE_OPTIONS: Record<string, MeetingType> = {
  codiri: 'codiri',
  copil: 'comite_pilotage',
  comite_pilotage: 'comite_pilotage',
  atelier: 'atelier',
  travail: 'reunion_travail',
  reunion_travail: 'reunion_travail',
};

/** A meeting added from the command line lasts this long unless --end says otherwise. */
const DEFAULT_MEETING_MINUTES = 120;

function formatMeetings(rows: MeetingRow[], typeLabels: Record<MeetingType, string>): string {
  const header = ['Date', 'Heure', 'Type', 'Compte rendu', 'Identifiant', 'Titre'];
  const lines = rows.map((row) => [
    shortFrenchDate(row.date),
    row.start_time,
    typeLabels[row.type],
    `${MINUTES_STATUS_LABELS[row.validation_status]}${row.version > 1 ? ` (version ${row.version})` : ''}${row.validation_unseen_count > 0 ? ', modifié pendant la validation' : ''}`,
    row.id,
    row.title,
  ]);
  return textTable(header, lines, `${rows.length} réunion(s)`);
}

function formatDecisions(rows: DecisionRow[]): string {
  const header = ['Référence', 'Date', 'Statut', 'Suivie', 'Réunion', 'Décision'];
  const lines = rows.map((row) => [
    row.reference,
    shortFrenchDate(row.date),
    row.draft ? 'projet' : 'validée',
    row.followed ? 'oui' : 'non',
    row.meeting.title,
    row.text.replace(/\s+/g, ' '),
  ]);
  return textTable(header, lines, `${rows.length} décision(s)`);
}

/** « 21,5 » or « 21.5 »: a number as typed in France, or a French refusal. */
function frenchNumber(text: string): number {
  const value = Number(text.replace(/\s/g, '').replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) throw refusal('usage', `Nombre attendu : « ${text} ».`);
  return value;
}

/**
 * The project passphrase: ENTENTE_PASSPHRASE, or asked on the terminal without showing what
 * is typed (someone may be looking at the screen). Ctrl-C or Ctrl-D at the question stops
 * the command, which then has done nothing.
 */
async function passphrase(variable = 'ENTENTE_PASSPHRASE', question = 'Phrase de passe de la coopération : '): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw refusal('no-passphrase-env', variable);
  const unseen = new Writable({ write: (_chunk, _encoding, done) => done() });
  // The terminal in raw mode before the question shows: a Ctrl-C typed then is read, not a signal.
  const prompt = createInterface({ input: process.stdin, output: unseen, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((answer, refuse) => {
      prompt.question('', answer);
      prompt.on('SIGINT', () => prompt.close());
      prompt.on('close', () => refuse(refusal('passphrase-not-typed')));
    });
  } finally {
    process.stderr.write('\n');
    prompt.close();
  }
}

function keyConfirmation(poste: ReplicaStatus): string {
  if (poste.is_this_laptop || !poste.fingerprint) return '';
  return poste.key_confirmed_at ? `, confirmée ici le ${frenchDateTime(poste.key_confirmed_at)}` : ', non confirmée ici (entente confirm)';
}

/** `--for`: another ordinateur this one knows of, by its id (what it lacks is read from its last file). */
function requireOtherPoste(store: Store, typed: string): void {
  requireReplicaId(typed);
  if (typed === store.replicaId) throw refusal('usage', "--for désigne un autre ordinateur : celui-ci a déjà tout ce qu'il a écrit.");
  if (!listReplicaStatus(store).some((poste) => poste.id === typed)) {
    throw refusal('usage', `Aucun ordinateur ${typed} n'est connu ici : « entente postes » donne l'identifiant de chacun.`);
  }
}

/** An ordinateur is named by its id here: a person's name may stand for several (an old laptop and its replacement). */
function requireReplicaId(typed: string): void {
  if (!/^[0-9a-z]{12}$/.test(typed)) {
    throw refusal(
      'usage',
      `« ${typed} » n'est pas l'identifiant d'un ordinateur : « entente postes » donne celui de chacun (12 caractères, comme k3j9x2m4p8qa).`,
    );
  }
}

function formatPostes(postes: ReplicaStatus[]): string {
  const own = postes.find((poste) => poste.is_this_laptop);
  // Its work, as on the Synchronisation screen: the changes that registered an ordinateur apart.
  const mine = own ? own.changes - own.registration_changes : 0;
  const heard = (poste: ReplicaStatus) => `d'après son dernier fichier (lu le ${poste.last_file_at ? frenchDateTime(poste.last_file_at) : '—'})`;
  const received = (poste: ReplicaStatus) => {
    const of = poste.received_of_this_laptop;
    if (poste.is_this_laptop) return [];
    if (of === null) return ["  aucun fichier de lui lu ici : ce qu'il a reçu de cet ordinateur n'est pas encore connu"];
    if (!of.knows_this_laptop) return [`  ne connaissait pas encore cet ordinateur, ${heard(poste)}`];
    if (mine === 0) return [`  connaissait cet ordinateur, ${heard(poste)}`];
    return [`  avait reçu ${of.updates} des ${mine} mise(s) à jour de cet ordinateur, ${heard(poste)}`];
  };
  const lines = postes.map((poste) =>
    [
      `${poste.id}${poste.is_this_laptop ? ' (cet ordinateur)' : ''}`,
      `  ${poste.person_name ?? 'personne inconnue'}, ${poste.partner_name ?? 'partenaire inconnu'}${poste.label ? `, « ${poste.label} »` : ''}${poste.joined_at ? `, arrivé le ${frenchDay(poste.joined_at)}` : ''}`,
      `  clé : ${poste.fingerprint ?? (poste.is_this_laptop ? "aucune (la phrase de passe n'a pas encore été donnée sur cet ordinateur)" : 'aucune (ordinateur pas encore passé à la version 0.3)')}${keyConfirmation(poste)}`,
      poste.changes === poste.registration_changes
        ? '  aucune mise à jour depuis son arrivée'
        : `  ${poste.changes - poste.registration_changes} mise(s) à jour, la dernière le ${poste.last_change_at ? frenchDateTime(poste.last_change_at) : '—'}`,
      ...received(poste),
      ...(poste.revoked
        ? [`  RÉVOQUÉ par ${poste.revoked.by} le ${frenchDateTime(poste.revoked.at)} : sans effet après sa mise à jour n° ${poste.revoked.after}`]
        : []),
    ].join('\n'),
  );
  return `${[...lines, `${postes.length} ordinateur(s)`].join('\n')}\n`;
}

/** After a sync: how many ordinateurs or revocations wait to be checked, and where. */
function toCheck(store: Store): string {
  const count = posteNotices(store).length;
  return count > 0 ? `${count} ordinateur(s) arrivé(s) ou révocation(s) reçue(s) à vérifier : entente postes\n` : '';
}

/** What to check, after the list: the same sentences as the Synchronisation screen. */
function formatNotices(notices: PosteNotice[]): string {
  if (notices.length === 0) return '';
  return `\nÀ vérifier :\n${notices.map((notice) => `- ${notice.sentence}\n`).join('')}Si tout était attendu : entente postes vus\n`;
}

function readInput(file: string): Buffer {
  if (!existsSync(file)) throw refusal('file-not-found', file);
  return readFileSync(file);
}

function formatConflicts(conflicts: Conflict[]): string {
  const lines = conflicts.flatMap((conflict) => [
    `${conflict.entity} ${conflict.row_id}, champ ${conflict.field} :`,
    ...conflict.versions.map((version) => `  ${JSON.stringify(version.value)}  (ordinateur ${version.origin}, n° ${version.seq}, ${version.hlc})`),
  ]);
  return `${[...lines, `${conflicts.length} conflit(s)`].join('\n')}\n`;
}

function describeImport(summary: ImportSummary): string {
  const lines = [
    `Fichier ${ofReplica(summary.sender_label)} : ${summary.received} mise(s) à jour, dont ${summary.applied} nouvelle(s).`,
    ...summary.by_origin.map((origin) => `  ${origin.count} ${ofReplica(origin.replica)}`),
    `Actions créées : ${summary.actions_created} ; statuts modifiés : ${summary.status_changes} ; notes ajoutées : ${summary.notes_added}.`,
    `Conflits nouveaux : ${summary.new_conflicts}.`,
    ...summary.gaps.map((gap) => `Attention : ${gap.description}.`),
    ...(summary.far_future
      ? [`Attention : ${summary.far_future} mise(s) à jour datée(s) de plus d'un jour dans le futur (horloge d'un ordinateur déréglée).`]
      : []),
    ...summary.revoked.map(
      (revoked) =>
        `Sans effet : ${revoked.count} mise(s) à jour ${ofReplica(revoked.replica)} ; cet ordinateur a été révoqué, et celui qui l'a révoqué ne les avait pas reçues.`,
    ),
    ...(summary.postes_arrived ?? []).map((poste) => `Nouvel ordinateur dans la coopération : ${poste}.`),
    ...(summary.revocations ?? []).map(({ replica, by }) => `Révocation reçue : ${replica}, révoqué par ${by}.`),
  ];
  return `${lines.join('\n')}\n`;
}

async function run(store: Store, command: string[], args: Args): Promise<number> {
  const [name, sub, ...rest] = command;
  if (name === 'info') {
    const personId = store.personId;
    const person = personId ? getRow(store, 'person', personId) : undefined;
    const replica = { id: store.replicaId ?? null, person_id: personId ?? null, person_name: person?.name ?? null, partner_id: person?.partner_id ?? null };
    process.stdout.write(`${JSON.stringify({ project: getProject(store), replica, counts: counts(store) }, null, 2)}\n`);
  } else if (name === 'dump') {
    process.stdout.write(dump(store));
  } else if (name === 'action' && sub === 'list') {
    const rows = queryActions(store, {});
    process.stdout.write(args.options.json ? `${JSON.stringify(rows, null, 2)}\n` : formatTable(rows));
  } else if (name === 'action' && sub === 'add') {
    const number = requiredOption(args, 'chantier');
    const chantierId = store.db.prepare('SELECT id FROM chantier WHERE number = ? AND deleted = 0').pluck().get(Number(number)) as string | undefined;
    if (!chantierId) throw refusal('unknown-reference', 'chantier', number);
    const id = createAction(store, { ...parseAssignments(rest), chantier_id: chantierId, title: requiredOption(args, 'title') });
    process.stdout.write(`${id}\n`);
  } else if (name === 'action' && sub === 'show') {
    const [id] = rest;
    if (!id || rest.length > 1) throw refusal('usage', 'Usage : entente action show ID [--json] [--field CHAMP]');
    const field = option(args, 'field');
    const shown = showAction(store, id, field);
    // A field the history does not know gives no empty history: it is named, with those it knows.
    if (field !== undefined && !shown.history.fields.some((known) => known.key === field)) {
      const known = shown.history.fields.map((known) => `${known.key} (${known.label})`).join(', ');
      throw refusal('usage', `Pas de champ « ${field} » dans l'historique de cette action. Champs : ${known || 'aucun'}.`);
    }
    process.stdout.write(args.options.json ? `${JSON.stringify(shown, null, 2)}\n` : formatActionShow(shown));
  } else if (name === 'action' && sub === 'set') {
    const [id, ...assignments] = rest;
    if (!id || assignments.length === 0) throw refusal('usage', 'Usage : entente action set ID champ=valeur ...');
    updateAction(store, id, parseAssignments(assignments));
  } else if (isExportCommand(name, sub)) {
    process.stdout.write(await runExportCommand(store, command, args.options));
  } else if (name === 'meeting' && sub === 'list') {
    const meetings = listMeetings(store);
    process.stdout.write(args.options.json ? `${JSON.stringify(meetings, null, 2)}\n` : formatMeetings(meetings, meetingTypeLabels(listPartners(store))));
  } else if (name === 'meeting' && sub === 'add') {
    const typed = requiredOption(args, 'type');
    const type = MEETING_TYPE_OPTIONS[typed];
    if (!type) throw refusal('usage', `Type de réunion inconnu : « ${typed} » (codiri, copil, atelier ou travail).`);
    const number = option(args, 'chantier');
    const chantierId =
      number === undefined
        ? undefined
        : (store.db.prepare('SELECT id FROM chantier WHERE number = ? AND deleted = 0').pluck().get(Number(number)) as string | undefined);
    if (number !== undefined && !chantierId) throw refusal('unknown-reference', 'chantier', number);
    const end = option(args, 'end');
    const id = createMeeting(store, {
      type,
      date: requiredOption(args, 'date'),
      start_time: requiredOption(args, 'time'),
      ...(end === undefined ? { duration_minutes: DEFAULT_MEETING_MINUTES } : { end_time: end }),
      place: option(args, 'place') ?? null,
      title: option(args, 'title') ?? null,
      chantier_ids: chantierId ? [chantierId] : [],
    });
    process.stdout.write(`${id}\n`);
  } else if (name === 'meeting' && sub === 'export') {
    const [id] = rest;
    if (!id || rest.length > 1) throw refusal('usage', 'Usage : entente meeting export ID --to FICHIER.docx|FICHIER.ics');
    const target = resolve(requiredOption(args, 'to'));
    const extension = extname(target).toLowerCase();
    if (extension === '.docx') {
      const bytes = await minutesDocx(store, id, 'compte_rendu');
      writeFileAtomically(target, bytes);
      process.stdout.write(`Compte rendu écrit dans ${target} (${bytes.length} octets).\n`);
    } else if (extension === '.ics') {
      writeFileAtomically(target, meetingIcs(store, id));
      process.stdout.write(`Réunion écrite pour l'agenda dans ${target}.\n`);
    } else {
      throw refusal('usage', `Format inconnu : « ${basename(target)} ». Indiquez un fichier .docx (compte rendu en Word) ou .ics (agenda).`);
    }
  } else if (name === 'meeting' && sub === 'decide') {
    const [id, text, ...extra] = rest;
    if (!id || text === undefined || extra.length > 0) throw refusal('usage', 'Usage : entente meeting decide ID "texte de la décision"');
    // Validated minutes refuse both writes (as in the app): nothing is left half done.
    const entryId = store.transaction(() => {
      const itemId = agendaRows(store, id)[0]?.id ?? addAgendaItem(store, id, { title: 'Décisions' });
      return addEntry(store, itemId, { kind: 'decision', text });
    });
    process.stdout.write(`${listDecisions(store).find((row) => row.id === entryId)?.reference ?? entryId}\n`);
  } else if (name === 'decisions') {
    const rows = listDecisions(store);
    process.stdout.write(args.options.json ? `${JSON.stringify(rows, null, 2)}\n` : formatDecisions(rows));
  } else if (name === 'export') {
    const target = resolve(requiredOption(args, 'to'));
    const forReplica = option(args, 'for');
    if (forReplica && args.options.full) throw refusal('usage', '--for et --full ne vont pas ensemble.');
    if (forReplica !== undefined) requireOtherPoste(store, forReplica);
    const record = exportToFile(store, target, { secret: await passphrase(), target: forReplica ? { kind: 'replica', id: forReplica } : { kind: 'full' } });
    process.stdout.write(`${record.count} mise(s) à jour exportée(s) dans ${target}.\n`);
  } else if (name === 'invite') {
    const target = resolve(requiredOption(args, 'out'));
    const record = writeInvitation(store, target, await passphrase());
    process.stdout.write(
      `Invitation écrite dans ${target} : ${record.count} mise(s) à jour de la coopération ${store.projectId}.\n` +
        'Donnez la phrase de passe de la coopération par un autre moyen (par téléphone), jamais avec le fichier.\n',
    );
  } else if (name === 'import') {
    if (!sub) throw refusal('usage', 'Usage : entente import FICHIER');
    const summary = importExchangeFile(store, readInput(resolve(sub)), await passphrase());
    process.stdout.write(describeImport(summary) + toCheck(store));
  } else if (name === 'sync-folder') {
    if (!sub) throw refusal('usage', 'Usage : entente sync-folder DOSSIER');
    const { result } = folderRound(store, resolve(sub), await passphrase());
    process.stdout.write(result.imported.map((file) => `${file.file} :\n${describeImport(file)}`).join(''));
    for (const file of result.postponed) process.stdout.write(`${file.file} : mis de côté, essayé de nouveau au prochain passage (${file.reason})\n`);
    for (const file of result.leftBehind) {
      process.stdout.write(
        `${file} : pas lu, scellé avec une ancienne phrase de passe que cet ordinateur n'a jamais eue (son poste a écrit depuis des fichiers lus ici)\n`,
      );
    }
    // Stopped before writing (a revoked computer, a folder it cannot write to): what was read is said first.
    if (result.stopped) throw result.stopped;
    process.stdout.write(result.written ? `${result.written.count} mise(s) à jour écrite(s) dans ${result.written.file}.\n` : 'Rien de nouveau à écrire.\n');
    process.stdout.write(toCheck(store));
  } else if (name === 'indicator' && sub === 'add') {
    const [actionId] = rest;
    if (!actionId) throw refusal('usage', 'Usage : entente indicator add ACTION --name NOM [--unit UNITÉ] [--target VALEUR] [--target-date AAAA-MM-JJ]');
    const id = store.transaction(() => {
      const indicatorId = createIndicator(store, {
        chantier_id: getAction(store, actionId).chantier_id,
        name: requiredOption(args, 'name'),
        unit: option(args, 'unit') ?? null,
        target_value: option(args, 'target') === undefined ? null : frenchNumber(option(args, 'target')!),
        target_date: option(args, 'target-date') ?? null,
      });
      linkIndicator(store, indicatorId, actionId);
      return indicatorId;
    });
    process.stdout.write(`${id}\n`);
  } else if (name === 'indicator' && sub === 'value') {
    const [indicatorId] = rest;
    if (!indicatorId) throw refusal('usage', 'Usage : entente indicator value ID --date AAAA-MM-JJ --value VALEUR [--comment TEXTE]');
    addIndicatorValue(store, indicatorId, {
      date: requiredOption(args, 'date'),
      value: frenchNumber(requiredOption(args, 'value')),
      comment: option(args, 'comment') ?? null,
    });
  } else if (name === 'attach') {
    const [file] = rest;
    if (!sub || !file) throw refusal('usage', 'Usage : entente attach ACTION FICHIER');
    process.stdout.write(`${attach(store, sub, basename(file), readInput(resolve(file)))}\n`);
  } else if (name === 'attachments') {
    if (!sub) throw refusal('usage', 'Usage : entente attachments ACTION [--json]');
    const documents = listAttachments(store, sub).map(({ id, name: fileName, size, sha256, added_on, added_by_name, available }) => ({
      id,
      name: fileName,
      size,
      sha256,
      added_on,
      added_by: added_by_name,
      available,
    }));
    process.stdout.write(
      args.options.json
        ? `${JSON.stringify(documents, null, 2)}\n`
        : `${[...documents.map((d) => `${d.id}  ${d.name}  ${d.size} octets  ${d.sha256}${d.available ? '' : '  (en attente de réception)'}`), `${documents.length} document(s)`].join('\n')}\n`,
    );
  } else if (name === 'attachment' && sub === 'save') {
    const [id] = rest;
    if (!id) throw refusal('usage', 'Usage : entente attachment save ID --to FICHIER');
    const target = resolve(requiredOption(args, 'to'));
    const { attachment, bytes } = attachmentContent(store, id);
    writeFileAtomically(target, bytes);
    process.stdout.write(`« ${attachment.name} » enregistré dans ${target} (${bytes.length} octets).\n`);
  } else if (name === 'postes' && sub === 'vus') {
    markPostesSeen(
      store,
      posteNotices(store).map((notice) => notice.key),
    );
    process.stdout.write('Ordinateurs arrivés et révocations reçues notés comme attendus : ils ne sont plus signalés sur cet ordinateur.\n');
  } else if (name === 'postes' && sub === 'nom') {
    // A name taken away is asked for as such (« "" »), never by a forgotten argument.
    if (rest.length === 0) throw refusal('usage', 'Usage : entente postes nom NOM (entente postes nom "" lui retire son nom)');
    const named = rest.join(' ').trim();
    nameThisComputer(store, named);
    process.stdout.write(
      named
        ? `Cet ordinateur s'appelle désormais « ${named} » : les autres ordinateurs le verront après la prochaine synchronisation.\n`
        : "Cet ordinateur n'a plus de nom : les autres ordinateurs le verront après la prochaine synchronisation.\n",
    );
  } else if (name === 'postes') {
    if (sub) throw refusal('usage', 'Usage : entente postes [--json] | entente postes vus | entente postes nom NOM');
    const postes = listReplicaStatus(store);
    process.stdout.write(args.options.json ? `${JSON.stringify(postes, null, 2)}\n` : `${formatPostes(postes)}${formatNotices(posteNotices(store))}`);
  } else if (name === 'confirm') {
    if (!sub || rest.length === 0) throw refusal('usage', 'Usage : entente confirm ID EMPREINTE');
    requireReplicaId(sub);
    confirmKey(store, sub, rest.join(' '));
    process.stdout.write(`Clé ${ofReplica(replicaLabel(store, sub))} confirmée sur cet ordinateur.\n`);
  } else if (name === 'revoke') {
    if (!sub) throw refusal('usage', 'Usage : entente revoke ID');
    requireReplicaId(sub);
    const { revoked_after } = revokeReplica(store, sub);
    process.stdout.write(
      `${capitalized(replicaLabel(store, sub))} révoqué : ses mises à jour après la n° ${revoked_after} seront refusées par chaque ordinateur qui recevra cette révocation.\n`,
    );
  } else if (name === 'passphrase' && sub === 'change') {
    const keyring = keyringOf(store, await passphrase());
    const next = await passphrase('ENTENTE_NEW_PASSPHRASE', 'Nouvelle phrase de passe de la coopération : ');
    if (!process.env.ENTENTE_NEW_PASSPHRASE && (await passphrase('ENTENTE_NEW_PASSPHRASE', 'Nouvelle phrase de passe, encore : ')) !== next) {
      throw refusal('usage', 'Les deux saisies de la nouvelle phrase de passe diffèrent : rien n’a été changé.');
    }
    changePassphrase(store, keyring, next);
    process.stdout.write(
      'Phrase de passe changée : les fichiers écrits désormais par cet ordinateur la demandent. Donnez-la aux autres ordinateurs par un autre moyen que les fichiers ; ' +
        "l'ancienne reste connue de cet ordinateur pour lire les fichiers écrits avant.\n",
    );
  } else if (name === 'passphrase' && sub === 'adopt') {
    const keyring = keyringOf(store, await passphrase());
    const { announcedBy } = adoptPassphrase(
      store,
      keyring,
      await passphrase('ENTENTE_NEW_PASSPHRASE', 'Nouvelle phrase de passe, changée sur un autre ordinateur : '),
    );
    process.stdout.write(
      `Nouvelle phrase de passe prise, annoncée par ${announcedBy} : les fichiers scellés avec elle s'ouvrent, et ceux que cet ordinateur écrit désormais l'utilisent ; ` +
        "l'ancienne reste connue pour lire les fichiers écrits avant.\n",
    );
  } else if (name === 'piste' || name === 'matrix') {
    const pisteArgs: PisteArgs = { option: (key) => option(args, key), flag: (key) => args.options[key] === true, rest };
    if (name === 'piste') await pisteCommand(store, sub, pisteArgs);
    else matrixCommand(store, { ...pisteArgs, rest: command.slice(1) });
  } else if (name === 'lettre') {
    newsletterCommand(store, sub, { option: (key) => option(args, key), flag: (key) => args.options[key] === true, rest });
  } else if (name === 'conflicts') {
    const conflicts = listConflicts(store);
    process.stdout.write(args.options.json ? `${JSON.stringify(conflicts, null, 2)}\n` : formatConflicts(conflicts));
  } else if (name === 'backup') {
    if (!sub) throw refusal('usage', 'Usage : entente backup FICHIER');
    const backup = await backupTo(store, resolve(sub));
    process.stdout.write(`Sauvegarde écrite : ${backup.file} (${backup.bytes} octets).\n`);
  } else if (name === 'check') {
    const result = check(store);
    process.stdout.write(result.ok ? 'Aucun problème détecté.\n' : result.problems.map((problem) => `- ${problem}\n`).join(''));
    return result.ok ? 0 : 1;
  } else {
    throw refusal('usage', `Commande inconnue : ${command.join(' ')}. Voir entente --help.`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const [command] = args.positionals;
  if (!command) throw refusal('usage', `Commande manquante.\n\n${HELP}`);
  const dataDir = resolve(option(args, 'data') ?? (process.env.ENTENTE_DATA_DIR || defaultDataDir()));
  if (command === 'init') {
    return inNewDatabase(dataDir, (store) => {
      const chosen = process.env.ENTENTE_PASSPHRASE;
      if (chosen) validateNewPassphrase(chosen);
      const project = option(args, 'new-project');
      if (project === undefined) initReplica(store, identity(args));
      else {
        const chantiers = option(args, 'chantiers')?.split(';') ?? [];
        createCooperation(store, { name: project, partners: cooperationPartners(args), chantiers }, identity(args));
      }
      if (chosen) setUpKeys(store, chosen);
      const created = project === undefined ? '' : ` ; coopération « ${getProject(store).name} » (${store.projectId}) créée`;
      process.stdout.write(`Ordinateur ${store.replicaId} créé dans ${dataDir}${chosen ? ', avec ses clés' : ''}${created}.\n`);
    });
  }
  if (command === 'join') {
    const file = args.positionals[1];
    if (!file) throw refusal('usage', 'Usage : entente join INVITATION --as "NOM" --partner CODE');
    // Everything checked before the data folder is made.
    const who = identity(args);
    const invitation = readInput(resolve(file));
    const secret = await passphrase();
    return inNewDatabase(dataDir, (store) => {
      const joined = joinProject(store, invitation, secret, who);
      process.stdout.write(
        `Coopération rejointe : « ${getProject(store).name} » (${joined.projectId}) ; ordinateur ${joined.replicaId} créé dans ${dataDir}, ` +
          `${joined.applied} mise(s) à jour reçue(s).\n`,
      );
    });
  }
  const store = openExisting(dataDir);
  try {
    return await run(store, args.positionals, args);
  } finally {
    store.close();
  }
}

/** The sentences name the app's screens: here, the commands that do the same. */
const PASSPHRASE_CHANGED_ELSEWHERE: Partial<Record<ErrorCode, string>> = {
  'unknown-key':
    "En ligne de commande, pour prendre la nouvelle phrase de passe (vérifiée sur ce fichier) : ENTENTE_PASSPHRASE='ancienne' ENTENTE_NEW_PASSPHRASE='nouvelle' entente --data DIR passphrase adopt",
  'wrong-passphrase-here':
    "En ligne de commande, pour prendre la nouvelle phrase de passe : ENTENTE_PASSPHRASE='ancienne' ENTENTE_NEW_PASSPHRASE='nouvelle' entente --data DIR passphrase change",
};

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const failure = toUserError(error);
    process.stderr.write(`${failure.message}\n`);
    const hint = PASSPHRASE_CHANGED_ELSEWHERE[failure.code];
    if (hint) process.stderr.write(`${hint}\n`);
    process.exitCode = 1;
  },
);
