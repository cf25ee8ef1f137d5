// Every refusal a user may meet: its code, and its French sentence, written here once.
// Code throws `refusal(code, …what the sentence names)`; main answers { code, message }.
import type { EntityName } from './store/schema';
import { capitalized } from '../common/french';
import { ofReplica } from './sync/labels';

/** How a sentence names a row of each entity: « L'action a4-1 est introuvable », « Chantier inconnu : c9 ». */
const ENTITY_WORDS: Record<EntityName, { the: string; bare: string; feminine: boolean }> = {
  project: { the: 'La coopération', bare: 'Coopération', feminine: true },
  partner: { the: 'Le partenaire', bare: 'Partenaire', feminine: false },
  person: { the: 'La personne', bare: 'Personne', feminine: true },
  chantier: { the: 'Le chantier', bare: 'Chantier', feminine: false },
  action: { the: "L'action", bare: 'Action', feminine: true },
  pilot: { the: 'Le pilote', bare: 'Pilote', feminine: false },
  step: { the: "L'étape", bare: 'Étape', feminine: true },
  note: { the: 'La note', bare: 'Note', feminine: true },
  link: { the: 'Le lien', bare: 'Lien', feminine: false },
  replica: { the: "L'ordinateur", bare: 'Ordinateur', feminine: false },
  meeting: { the: 'La réunion', bare: 'Réunion', feminine: true },
  participant: { the: 'Le participant', bare: 'Participant', feminine: false },
  agenda_item: { the: "Le point de l'ordre du jour", bare: "Point de l'ordre du jour", feminine: false },
  entry: { the: "L'information ou la décision", bare: 'Information ou décision', feminine: true },
  action_item: { the: "L'action à mener", bare: 'Action à mener', feminine: true },
  follow_up: { the: 'La ligne du suivi des actions', bare: 'Ligne du suivi des actions', feminine: true },
  indicator: { the: "L'indicateur", bare: 'Indicateur', feminine: false },
  indicator_link: { the: "Le suivi de l'indicateur", bare: "Suivi d'indicateur", feminine: false },
  indicator_value: { the: "La valeur de l'indicateur", bare: "Valeur d'indicateur", feminine: true },
  budget_line: { the: 'La ligne de budget', bare: 'Ligne de budget', feminine: true },
  funding: { the: 'Le financement', bare: 'Financement', feminine: false },
  action_party: { the: "L'élu ou le partenaire extérieur", bare: 'Élu ou partenaire extérieur', feminine: false },
  attachment: { the: 'Le document', bare: 'Document', feminine: false },
  piste: { the: 'La piste', bare: 'Piste', feminine: true },
  piste_score: { the: "L'évaluation de la piste", bare: 'Évaluation de piste', feminine: true },
  newsletter: { the: "La lettre d'info", bare: "Lettre d'info", feminine: true },
};

/** « le partenaire », for a sentence that names the entity in passing. */
export const entityName = (entity: EntityName) => `l${ENTITY_WORDS[entity].the.slice(1)}`;

const UNCHANGED = "Vos données n'ont pas été modifiées.";
const COPIED = 'son dossier de données a été copié sur un autre ordinateur';
const KEEP_ONE = "Gardez une seule des deux copies ; l'autre ordinateur doit rejoindre la coopération par une invitation.";

const SENTENCES = {
  // A value or a request that a rule refuses: the rule writes the sentence (store/schema.ts, a feature's rules).
  validation: (sentence: string) => sentence,
  // A misuse of the command line: the sentence gives the usage expected.
  usage: (sentence: string) => sentence,

  'not-found': (entity: EntityName, id: string) => {
    const { the, feminine } = ENTITY_WORDS[entity];
    return `${the} ${id} est introuvable (${feminine ? 'supprimée ou inconnue' : 'supprimé ou inconnu'}).`;
  },
  'unknown-reference': (entity: EntityName, id: string) => `${ENTITY_WORDS[entity].bare} ${ENTITY_WORDS[entity].feminine ? 'inconnue' : 'inconnu'} : ${id}.`,
  'unknown-entity': (name: string) => `Type de donnée inconnu : ${name}.`,
  'unknown-row': (id: string) => `La ligne ${id} est introuvable.`,
  'conflict-changed': () =>
    "Ce conflit a changé pendant que vous choisissiez : une autre version est arrivée, ou il a été réglé sur un autre ordinateur. Relisez les versions affichées maintenant, puis choisissez de nouveau. Rien n'a été enregistré.",
  'unknown-person-chosen': (id: string) => `La personne choisie (${id}) est introuvable dans cette coopération.`,
  'file-not-found': (file: string) => `Fichier introuvable : ${file}.`,
  'person-pilots': (name: string, count: number, change: 'partner' | 'delete') => {
    const s = count > 1 ? 's' : '';
    const remedy = change === 'partner' ? 'changer son partenaire' : 'supprimer cette personne';
    return `${name} est pilote de ${count} action${s} ou chantier${s} : désignez d'autres pilotes avant de ${remedy}.`;
  },
  'person-is-me': () => 'Vous ne pouvez pas supprimer la personne qui utilise cet ordinateur.',

  // The data folder and the project in it.
  'already-initialised': () => 'Ce dossier de données contient déjà une coopération.',
  'no-project': () => "Cet ordinateur n'a pas encore de coopération : terminez le premier démarrage.",
  'no-identity': () => 'La personne qui utilise cet ordinateur est introuvable dans les données.',
  'first-start': () => "Indiquez d'abord qui utilise cet ordinateur.",
  'no-database': (dataDir: string) =>
    `Aucune coopération dans ${dataDir} : lancez d'abord « entente init » (ou « entente join INVITATION »), ou terminez le premier démarrage dans l'application.`,
  closed: () => 'Les données ne sont pas ouvertes.',
  'not-corrupt': (offer: 'restore' | 'start-over') =>
    `${offer === 'restore' ? 'La restauration est proposée' : 'Repartir de zéro est proposé'} seulement quand la base est endommagée.`,
  'backup-not-found': (name: string) => `Sauvegarde introuvable : ${name}.`,
  'backup-outside': (folder: string) => `Seules les sauvegardes du dossier ${folder} peuvent être restaurées.`,
  'newer-database': (schemaVersion: number, requiredApp?: string) =>
    `Ces données ont été enregistrées par une version plus récente d'Entente (schéma ${schemaVersion}). ` +
    `${requiredApp ? `Installez Entente ${requiredApp} ou plus récent` : "Installez la dernière version d'Entente"} pour les ouvrir ; le fichier n'a pas été modifié.`,
  'corrupt-database': (file: string) => `La base de données ${file} est endommagée : elle ne peut plus être lue.`,

  // SQLite and the file system: the write they interrupted left nothing behind.
  'disk-full': () => "Le disque est plein : rien n'a été enregistré. Libérez de la place, puis recommencez ; les données déjà enregistrées sont intactes.",
  'read-only': () => "Le dossier de données est en lecture seule : la modification n'a pas été enregistrée. Vérifiez les droits sur le dossier de données.",
  busy: () => "Les données sont occupées par un autre programme (sauvegarde, autre instance d'Entente). Réessayez dans un instant.",
  'io-error': () => "Erreur de lecture ou d'écriture sur le disque : la modification n'a pas été enregistrée. Vérifiez le disque, puis recommencez.",
  'damaged-while-working': () => 'La base de données est endommagée. Fermez Entente et rouvrez-la : elle proposera de restaurer la dernière sauvegarde.',
  'cannot-open': () => "Le fichier de données ne peut pas être ouvert : vérifiez que le dossier existe et que vous avez le droit d'y écrire.",
  'path-not-found': () => 'Dossier ou fichier introuvable : vérifiez le chemin indiqué.',
  'is-a-folder': () => "C'est un dossier, pas un fichier : indiquez le nom d'un fichier.",
  'not-a-folder': () => 'Ce chemin passe par un fichier là où il faut un dossier : vérifiez le chemin indiqué.',
  'access-denied': () => "Accès refusé : vous n'avez pas le droit d'écrire à cet endroit.",
  'not-permitted': () =>
    "Opération refusée par le système : le fichier est peut-être ouvert dans un autre programme (fermez-le, puis recommencez), ou vous n'avez pas les droits sur ce dossier.",
  'read-only-disk': () => "Le disque ou le partage est en lecture seule : rien n'a pu y être écrit.",
  'file-busy': () => 'Le fichier est ouvert dans un autre programme (Excel, Word, un lecteur de PDF…) : fermez-le, puis recommencez.',

  'attachment-too-large': (name: string, limit: string) =>
    `Le document « ${name} » dépasse ${limit}, la taille qu'un document joint peut avoir : joignez plutôt un lien vers le fichier (Liens).`,
  'attachment-empty': (name: string) => `Le document « ${name} » est vide : rien n'a été joint.`,
  'attachment-missing': (name: string) =>
    `Le contenu du document « ${name} » n'est pas encore arrivé sur cet ordinateur : il viendra avec la prochaine synchronisation de l'ordinateur qui l'a joint.`,
  'indicator-other-chantier': () => "Un indicateur se partage entre les actions d'un même chantier : celui-ci appartient à un autre chantier.",

  // Sync: the passphrase, the files, the shared folder.
  'no-passphrase': () => "Indiquez d'abord la phrase de passe de la coopération (écran Synchronisation).",
  'no-passphrase-env': (variable: string) => `Phrase de passe manquante : définissez ${variable}.`,
  'passphrase-not-typed': () => "Phrase de passe non saisie : rien n'a été fait.",
  'no-folder': () => "Choisissez d'abord le dossier partagé.",
  'folder-missing': (folder: string) => `Dossier partagé introuvable : ${folder}.`,
  /** The shared folder holds this laptop's data folder: its database would travel, and each of its writes start a round. */
  'folder-holds-data': (folder: string, dataDir: string) =>
    `Le dossier ${folder} contient le dossier de données d'Entente de cet ordinateur (${dataDir}) : il ne peut pas servir de dossier partagé, car la base de données n'y a pas sa place. Choisissez un dossier à part, par exemple un sous-dossier « Entente » du partage.`,
  /** This poste's file, or a document, could not be written to the shared folder; what the round read is kept. */
  'folder-unwritable': (folder: string, reason: string) =>
    `Impossible d'écrire dans le dossier partagé ${folder} : ${reason}. Ce que ce passage a lu des autres ordinateurs est enregistré ; ce que cet ordinateur y publie sera écrit au prochain passage.`,
  /** A file or folder of another poste in the shared folder, that cannot be read this round. */
  'unreadable-peer-file': (detail: string) => `Illisible pour l'instant (${detail}) : il sera relu au prochain tour de synchronisation.`,
  'no-invitation': () => "Choisissez d'abord le fichier d'invitation.",
  'opened-file-changed': (file: string) =>
    `Un autre fichier a été ouvert entre-temps (${file}) : rien n'a été importé. Regardez ce qu'il contient, puis importez-le s'il est attendu.`,
  'no-opened-file': () => "Aucun fichier d'échange n'attend d'être importé.",
  'not-an-invitation': () =>
    "Ce fichier d'échange ne contient pas tout l'historique de la coopération : demandez une invitation (Paramètres › Inviter un nouvel ordinateur) à la personne qui vous l'a envoyé.",
  'damaged-file': (detail: string) =>
    `Ce fichier d'échange est endommagé ou incomplet (${detail}) ; demandez à son expéditeur de l'exporter à nouveau. ${UNCHANGED}`,
  'not-a-sync-file': () => "Ce fichier n'est pas un fichier d'échange Entente. Choisissez un fichier exporté depuis Entente (Synchronisation).",
  'newer-format': (format: number) =>
    `Ce fichier d'échange a été écrit par une version plus récente d'Entente (format ${format}). Installez la dernière version d'Entente pour l'importer. ${UNCHANGED}`,
  'newer-schema': (minAppVersion: string) =>
    `Ce fichier d'échange vient d'une version plus récente d'Entente (${minAppVersion} ou plus). Installez-la pour l'importer. ${UNCHANGED}`,
  'other-project': (project?: string) =>
    `Ce fichier d'échange appartient à une autre coopération${project === undefined ? '' : ` (${project})`}. Importez-le dans la coopération qui l'a produit. ${UNCHANGED}`,
  'wrong-passphrase': () =>
    `La phrase de passe ne correspond pas à celle de ce fichier d'échange. Vérifiez la phrase de passe de la coopération (elle distingue majuscules et minuscules). ${UNCHANGED}`,
  /** This ordinateur's own numbers used by another copy: its data folder was copied (docs/sync.md §5). */
  'cloned-replica': (evidence: 'file' | 'folder', replica: string) =>
    evidence === 'file'
      ? `Ce fichier contient des mises à jour signées par cet ordinateur qu'il n'a jamais faites : le dossier de données a été copié sur un autre ordinateur. Rien n'a été importé. ${KEEP_ONE}`
      : `Le dossier partagé contient, dans le sous-dossier « ${replica} », des fichiers de cet ordinateur qu'il n'a pas écrits : ${COPIED}. La synchronisation est arrêtée. ${KEEP_ONE}`,
  /** Another ordinateur's numbers used twice, for different changes: a copied data folder, or a forged file. */
  'diverging-replica': (replica: string, seq: number) =>
    `Un ordinateur de la coopération (identifiant ${replica}) a écrit deux mises à jour différentes sous le numéro ${seq} : ${COPIED}. Rien n'a été importé. ${KEEP_ONE}`,
  'invitation-passphrase': () =>
    "La phrase de passe ne correspond pas à celle de cette invitation. Vérifiez celle qu'on vous a donnée avec elle (elle distingue majuscules et minuscules). Rien n'a été créé.",
  'unknown-key': () =>
    `La phrase de passe ne correspond pas à celle de ce fichier d'échange. Si la phrase de passe de la coopération a été changée sur un autre ordinateur, saisissez la nouvelle (Synchronisation › Phrase de passe de la coopération › Saisir la nouvelle phrase de passe) ; elle distingue majuscules et minuscules. ${UNCHANGED}`,
  'format-1-needs-passphrase': () =>
    `Ce fichier vient d'Entente 0.1 : il s'ouvre avec la phrase de passe elle-même. Importez-le avec la commande « entente import », ou demandez à son expéditeur un nouvel export. ${UNCHANGED}`,
  'older-passphrase': () => "C'est l'ancienne phrase de passe de la coopération : elle a été changée sur cet ordinateur. Utilisez la nouvelle.",
  'passphrase-opens-no-folder-file': () =>
    "Cette phrase de passe n'ouvre aucun des fichiers des autres ordinateurs dans le dossier partagé : vérifiez-la (elle distingue majuscules et minuscules). Rien n'a été enregistré.",
  'wrong-passphrase-here': () =>
    "Ce n'est pas la phrase de passe de cet ordinateur. Vérifiez-la (elle distingue majuscules et minuscules) ; si elle a été changée sur un autre ordinateur, saisissez ici l'ancienne, puis changez-la (Changer la phrase de passe).",
  'damaged-key-file': (file: string) =>
    `Le fichier des clés de cet ordinateur (${file}) est endommagé. Les données ne sont pas touchées : rejoignez à nouveau la coopération par une invitation pour synchroniser cet ordinateur.`,
  'foreign-key-file': (file: string) =>
    `Le fichier des clés ${file} appartient à un autre ordinateur (dossier de données recopié) : il n'est pas utilisé. Rejoignez la coopération par une invitation.`,
  'keys-locked': () => 'Les clés de cet ordinateur sont verrouillées : saisissez la phrase de passe de la coopération (écran Synchronisation).',
  /** A run of changes whose proof does not hold (docs/sync.md, « Preuve d'auteur »). */
  'forged-change': (replica: string) =>
    `Ce fichier contient des mises à jour attribuées à ${replica} dont la signature ne correspond pas : elles n'ont pas été écrites par cet ordinateur (fichier falsifié ou abîmé). Rien n'a été importé. ${UNCHANGED}`,
  'unsigned-change': (replica: string) =>
    `Ce fichier contient des mises à jour attribuées à ${replica} sans sa signature, alors que cet ordinateur signe tout ce qu'il écrit. Rien n'a été importé ; demandez un nouvel export à l'expéditeur (avec une version à jour d'Entente). ${UNCHANGED}`,
  'unknown-signer': (replica: string) =>
    `Ce fichier contient des mises à jour signées ${ofReplica(replica)}, dont la clé n'est pas encore connue ici : importez d'abord un fichier plus ancien de cet ordinateur, ou demandez un export complet. ${UNCHANGED}`,
  'forked-origin': (replica: string, seq: number) =>
    `${capitalized(replica)} a deux historiques différents à partir de sa mise à jour n° ${seq} : son dossier de données a été copié sur un autre ordinateur, ou un fichier a été falsifié. Rien n'a été importé. ${KEEP_ONE}`,
  'key-replaced': (replica: string) =>
    `Ce fichier tente de remplacer la clé publique ${ofReplica(replica)} : la clé d'un ordinateur ne change jamais. Rien n'a été importé. ${UNCHANGED}`,
  'seed-forged': () => `Ce fichier contient des données de départ qu'aucun ordinateur n'a écrites : il a été falsifié. Rien n'a été importé. ${UNCHANGED}`,
  'revoked-here': (by: string) =>
    `Cet ordinateur a été révoqué par ${by} : ses nouvelles mises à jour ne comptent plus chez les autres ordinateurs. Pour revenir, rejoignez la coopération par une nouvelle invitation, dans un nouveau dossier de données (dans l'application : Paramètres › Coopérations › Nouvelle coopération…) ; ce que cet ordinateur a écrit depuis sa révocation sera à refaire.`,
  'cannot-revoke-self': () => 'Un ordinateur ne peut pas se révoquer lui-même : révoquez-le depuis un autre ordinateur de la coopération.',
  'cannot-revoke-seed': () => "Les données de départ ne viennent pas d'un ordinateur : elles ne se révoquent pas.",
  'already-revoked': (replica: string) => `${capitalized(replica)} est déjà révoqué.`,
  'cannot-confirm-self': () => "La clé de cet ordinateur se confirme depuis les autres : lisez-leur l'empreinte qu'affiche votre écran Synchronisation.",
  'fingerprint-mismatch': (replica: string) =>
    `Cette empreinte n'est pas celle de la clé ${ofReplica(replica)} : la clé n'a pas été confirmée. Faites-la relire caractère par caractère. Si elle diffère encore, un ordinateur a peut-être été créé sous son nom ; prévenez les chefs de projet de la coopération et révoquez-le.`,
  'no-key-to-confirm': (replica: string) =>
    `${capitalized(replica)} n'a pas encore de clé de signature : elle arrivera avec ses prochains fichiers, confirmez-la ensuite.`,
  'same-passphrase': () => 'La nouvelle phrase de passe est celle que cet ordinateur utilise déjà.',
  'not-the-new-passphrase': (sender: string) =>
    `Cette phrase de passe n'ouvre pas le fichier qui se dit ${ofReplica(sender)} : vérifiez-la auprès de la personne qui l'a changée (elle distingue majuscules et minuscules). Rien n'a été changé.`,
  'passphrase-not-vouched': (sender: string) =>
    `Cette phrase de passe ouvre le fichier qui se dit ${ofReplica(sender)}, mais aucun ordinateur de la coopération dont la clé est connue ici ne l'y annonce, signature à l'appui : rien ne prouve que la coopération l'a choisie, et elle n'a pas été prise. Vérifiez, en appelant à un numéro que vous connaissez déjà, qui a changé la phrase de passe ; si c'est bien le cas, demandez-lui de vous envoyer un fichier d'échange (Synchronisation › Exporter un fichier d'échange…).`,
  'older-passphrase-elsewhere': (sender: string) =>
    `Cette phrase de passe ouvre le fichier qui se dit ${ofReplica(sender)}, mais la coopération l'a quittée pour celle qu'utilise cet ordinateur : c'est à l'ordinateur qui l'utilise encore de prendre la plus récente. Rien n'a été changé.`,
  'no-new-passphrase-seen': () =>
    "Aucun fichier reçu n'est scellé avec une phrase de passe inconnue de cet ordinateur : pour changer la phrase de passe, utilisez « passphrase change » (dans l'application : Changer la phrase de passe).",
  /** The system's file manager did not open the data folder (its own reason, in its own language, is not shown). */
  'folder-not-opened': (folder: string) =>
    `Le dossier ${folder} n'a pas pu être ouvert dans l'explorateur de fichiers : ouvrez-le vous-même à partir de ce chemin.`,
  /** A round that read nothing for minutes: a network share gone, whose file calls wait without end. */
  'folder-not-responding': (folder: string) =>
    `Le dossier partagé ${folder} ne répond plus (un partage réseau débranché ou injoignable ?) : ce passage est abandonné. Ce qu'il avait déjà lu est enregistré ; la synchronisation reprendra quand le dossier répondra de nouveau.`,
  'folder-still-not-responding': (folder: string) =>
    `Le dossier partagé ${folder} ne répond toujours pas : la synchronisation reprendra quand il répondra de nouveau. Vérifiez que le partage réseau est bien connecté.`,
  'sync-stopped': (detail?: string) => (detail ? `La synchronisation a échoué : ${detail}` : "La synchronisation s'est arrêtée sans réponse."),

  // The window and the IPC boundary.
  'no-window': () => "La fenêtre d'Entente est fermée : rien à imprimer.",
  'email-draft-unknown': () => "Ce courriel n'a pas été préparé par Entente depuis son ouverture : ouvrez le fichier depuis votre messagerie.",
  'email-draft-not-opened': (file: string) =>
    `Aucune application de messagerie n'a pu ouvrir ${file} : ouvrez-le depuis Outlook ou Thunderbird (Fichier › Ouvrir).`,
  'print-failed': (noPrinter: boolean) =>
    `${noPrinter ? "Aucune imprimante n'est installée sur cet ordinateur" : "L'impression n'a pas pu se faire"}. Utilisez « Enregistrer en PDF… », puis imprimez le fichier depuis un ordinateur relié à une imprimante.`,
  forbidden: () => 'Appel refusé : cette fenêtre n’est pas celle d’Entente.',
  'unknown-method': (name: string) => `Fonction inconnue : ${name}.`,
  /** Written by the renderer itself (renderer/api.ts), which cannot reach this file: the channel to main broke. */
  ipc: (detail: string) => `La demande n'a pas pu aboutir (${detail}).`,
  internal: (detail: string) => `Erreur inattendue : ${detail}`,
} satisfies Record<string, (...args: never[]) => string>;

export type ErrorCode = keyof typeof SENTENCES;
export type SentenceArgs<C extends ErrorCode> = Parameters<(typeof SENTENCES)[C]>;
/** The codes whose sentence names nothing. */
type PlainCode = { [C in ErrorCode]: SentenceArgs<C> extends [] ? C : never }[ErrorCode];

export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the sentence names, for another wording of the same refusal (the shared folder's, db/sync/folder.ts). */
    readonly args: readonly unknown[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The refusal `code`, its sentence naming `args`. */
export function refusal<C extends ErrorCode>(code: C, ...args: SentenceArgs<C>): UserError {
  return new UserError(code, (SENTENCES[code] as (...values: SentenceArgs<C>) => string)(...args), args);
}

export class ValidationError extends UserError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super('validation', message);
  }
}

export class NewerDatabaseError extends UserError {
  /** requiredApp: the app version that wrote the file, when the file says it. */
  constructor(
    readonly schemaVersion: number,
    readonly requiredApp?: string,
  ) {
    super('newer-database', SENTENCES['newer-database'](schemaVersion, requiredApp));
  }
}

export class CorruptDatabaseError extends UserError {
  /** SQLite's own words, for the logs; the user reads the French sentence. */
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super('corrupt-database', SENTENCES['corrupt-database'](file));
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A refusal as main answers it to the window, and the sync worker to main. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The field at fault, for a form to show the sentence under it. */
  field?: string;
}

export function toApiError(error: unknown): ApiError {
  const { code, message } = toUserError(error);
  const field = (error as { field?: unknown })?.field;
  return typeof field === 'string' ? { code, message, field } : { code, message };
}

/** SQLite's and the file system's error codes (by prefix) a user can act on. */
const SYSTEM_FAILURES: [prefix: string, code: PlainCode][] = [
  ['SQLITE_FULL', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_IOERR', 'io-error'],
  ['SQLITE_CORRUPT', 'damaged-while-working'],
  ['SQLITE_CANTOPEN', 'cannot-open'],
  ['ENOENT', 'path-not-found'],
  ['EISDIR', 'is-a-folder'],
  ['ENOTDIR', 'not-a-folder'],
  ['EACCES', 'access-denied'],
  ['EPERM', 'not-permitted'],
  ['EBUSY', 'file-busy'],
  ['ENOSPC', 'disk-full'],
  ['EDQUOT', 'disk-full'],
  ['EROFS', 'read-only-disk'],
];

/** Any error as one with a French message: user errors as they are, known system failures translated. */
export function toUserError(error: unknown): UserError {
  if (isUserError(error)) return error;
  const systemCode = (error as { code?: unknown })?.code;
  const known = typeof systemCode === 'string' ? SYSTEM_FAILURES.find(([prefix]) => systemCode.startsWith(prefix)) : undefined;
  if (known) return refusal(known[1]);
  return refusal('internal', error instanceof Error ? error.message : String(error));
}
