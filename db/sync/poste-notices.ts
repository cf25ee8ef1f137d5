// Postes that joined the project and revocations, until this laptop's user says they were
// expected (docs/sync.md, « Nouveaux ordinateurs et révocations à vérifier »). Whoever holds
// the passphrase can make a poste, and from it revoke others: told at the next sync rather
// than found by chance in Paramètres › Ordinateurs. What was seen is kept on this laptop
// only (local_state), like the confirmed keys.
import { localDate } from '../../common/calendar';
import { capitalized, frenchDate } from '../../common/french';
import { parseHlc } from '../store/hlc';
import { SEED_ORIGIN } from '../project/setup';
import { sortKey } from '../store/collation';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { keyConfirmedAt } from './confirmations';
import { replicaLabel, UNKNOWN_REPLICA } from './labels';

const SEEN_KEY = 'postes_seen';

/** What this laptop's user has seen: postes, revocations (« origin:seq »), and this laptop's own former ids. */
interface Seen {
  replicas: string[];
  revocations: string[];
  own: string[];
}

type PosteEvent =
  | {
      kind: 'arrived';
      replica: string;
      /** « l'ordinateur de Nadia Benali (Loir-et-Cher) » */
      label: string;
      /** Its name in Paramètres › Ordinateurs, if its user gave one (« Portable DRH »). */
      poste_label: string | null;
      /** The clock of its first change held here. */
      at: string;
      key_confirmed: boolean;
      /** Its person is this laptop's user, or already had another poste, not revoked: a replacement, or someone using their name. */
      same_person: 'this-laptop' | 'other-poste' | null;
    }
  | {
      kind: 'revoked';
      replica: string;
      label: string;
      /** Who revoked it: « l'ordinateur de … ». */
      by: string;
      at: string;
      /** Its changes after this one have no effect. */
      after: number;
      /** False when it counts for nothing (db/store/revocations.ts). */
      in_effect: boolean;
    };

export type PosteNotice = PosteEvent & {
  /** What markPostesSeen takes: the poste's id, or the revocation's « origin:seq ». */
  key: string;
  /** « L'ordinateur de Nadia Benali (Loir-et-Cher) a rejoint la coopération le 4 décembre 2026. … », plain spaces. */
  sentence: string;
};

/**
 * The other postes whose changes this one holds, by whom each is for (null: it never said):
 * two person rows can name one person. Not only those that registered: a made-up poste may
 * write without ever saying who it is.
 */
function otherPostes(store: Store, own: Set<string>): { id: string; label: string | null; person: string | null }[] {
  const rows = cached(
    store,
    `SELECT v.origin AS id, r.label, pe.name, pe.partner_id FROM version_vector v
     LEFT JOIN replica r ON r.id = v.origin LEFT JOIN person pe ON pe.id = r.person_id
     WHERE v.origin <> ? ORDER BY v.origin`,
  ).all(SEED_ORIGIN) as { id: string; label: string | null; name: string | null; partner_id: string | null }[];
  return rows
    .map(({ id, label, name, partner_id }) => ({ id, label, person: name === null ? null : `${personKey(name)}\0${partner_id ?? ''}` }))
    .filter((poste) => !own.has(poste.id));
}

/** « l'ordinateur de Nadia Benali (Loir-et-Cher) », or, for a poste that never said who it is, its id. */
export function arrivalLabel(store: Store, replica: string): string {
  const label = replicaLabel(store, replica);
  return label === UNKNOWN_REPLICA ? `un ordinateur qui ne dit pas à qui il est (identifiant ${replica})` : label;
}

/** « Éric Dupont » and « eric  dupont » are one person. */
const personKey = (name: string) => sortKey(name).replace(/\s+/g, ' ').trim();

/** This laptop's own revocations are known to its user; its own revocation has its banner. */
const othersRevocations = (store: Store, own: Set<string>) => store.revocationChanges().filter(({ origin, target }) => !own.has(origin) && !own.has(target));

function current(store: Store, own: Set<string>): Seen {
  return {
    replicas: otherPostes(store, own).map((poste) => poste.id),
    revocations: othersRevocations(store, own).map(({ origin, seq }) => `${origin}:${seq}`),
    own: [...own],
  };
}

/** What was seen; null if never recorded (a laptop updated from a version without notices), or unreadable. */
function saved(store: Store): Seen | null {
  try {
    const seen = JSON.parse(store.localState(SEEN_KEY) ?? 'null') as Partial<Seen> | null;
    const list = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (!seen || !list(seen.replicas) || !list(seen.revocations)) return null;
    return { replicas: seen.replicas!, revocations: seen.revocations!, own: list(seen.own) ? seen.own! : [] };
  } catch {
    return null;
  }
}

const ownIds = (store: Store, seen: Seen | null) => new Set([store.requireReplica().replicaId, ...(seen?.own ?? [])]);

/**
 * A new replica id for this file: nothing seen yet on a new laptop (joinProject then marks
 * what the invitation brought); after a backup is restored, its previous id stays its own.
 */
export function startSeeingPostes(store: Store, previous: string | undefined): void {
  const seen = saved(store) ?? (previous ? current(store, new Set([previous])) : { replicas: [], revocations: [], own: [] });
  if (previous) seen.own.push(previous);
  store.setLocalState(SEEN_KEY, JSON.stringify(seen));
}

/**
 * Before anything arrives: a laptop updated from a version without notices, or whose record
 * was damaged, has seen what it holds (called by each import, in its transaction).
 */
export function keepSeenPostes(store: Store): void {
  if (store.replicaId && saved(store) === null) seeAllPostes(store);
}

/** Everything held now was seen: what an invitation brought. */
export function seeAllPostes(store: Store): void {
  store.setLocalState(SEEN_KEY, JSON.stringify(current(store, ownIds(store, saved(store)))));
}

/** This laptop's user saw these notices (their `key`) and says they were expected. */
export function markPostesSeen(store: Store, keys: string[]): void {
  store.transaction(() => {
    const seen = saved(store) ?? current(store, ownIds(store, null));
    for (const key of keys) (key.includes(':') ? seen.revocations : seen.replicas).push(key);
    store.setLocalState(SEEN_KEY, JSON.stringify({ ...seen, replicas: [...new Set(seen.replicas)], revocations: [...new Set(seen.revocations)] }));
  });
}

/** The postes that arrived and the revocations received since this laptop's user last said they were expected. */
export function posteNotices(store: Store): PosteNotice[] {
  const seen = store.replicaId ? saved(store) : null;
  // Nothing recorded: nothing arrived since the update (each import records it first).
  if (!seen) return [];
  const own = ownIds(store, seen);
  const seenReplicas = new Set(seen.replicas);
  const seenRevocations = new Set(seen.revocations);
  const postes = otherPostes(store, new Set());
  const ownPerson = postes.find((poste) => poste.id === store.replicaId)?.person;
  const others = postes.filter((poste) => !own.has(poste.id));
  const revokedPostes = new Set(others.filter((poste) => store.log.revoked.has(poste.id)).map((poste) => poste.id));
  const firstChangeAt = cached(store, 'SELECT hlc FROM changes WHERE origin = ? ORDER BY seq LIMIT 1').pluck();
  const events: (PosteEvent & { key: string })[] = [];
  for (const poste of others) {
    if (seenReplicas.has(poste.id)) continue;
    const hlc = firstChangeAt.get(poste.id) as string;
    events.push({
      kind: 'arrived',
      key: poste.id,
      replica: poste.id,
      label: arrivalLabel(store, poste.id),
      poste_label: poste.label,
      at: new Date(parseHlc(hlc).ms).toISOString(),
      key_confirmed: keyConfirmedAt(store, poste.id) !== null,
      same_person:
        poste.person === null
          ? null
          : poste.person === ownPerson
            ? 'this-laptop'
            : others.some((other) => other.id !== poste.id && other.person === poste.person && !revokedPostes.has(other.id))
              ? 'other-poste'
              : null,
    });
  }
  const revocations = othersRevocations(store, own).filter(({ origin, seq }) => !seenRevocations.has(`${origin}:${seq}`));
  const counting = revocations.length > 0 ? store.countingRevocations() : new Set<string>();
  for (const revocation of revocations) {
    const after = JSON.parse(revocation.value) as unknown;
    if (typeof after !== 'number' || !Number.isInteger(after)) continue;
    const key = `${revocation.origin}:${revocation.seq}`;
    events.push({
      kind: 'revoked',
      key,
      replica: revocation.target,
      label: replicaLabel(store, revocation.target),
      by: replicaLabel(store, revocation.origin),
      at: new Date(parseHlc(revocation.hlc).ms).toISOString(),
      after,
      in_effect: counting.has(key),
    });
  }
  return events.map((event) => ({ ...event, sentence: sentenceOf(event) }));
}

const day = (at: string) => frenchDate(localDate(new Date(at)));

function sentenceOf(event: PosteEvent): string {
  const who = capitalized(event.label);
  if (event.kind === 'revoked') {
    return event.in_effect
      ? `${who} a été révoqué par ${event.by} le ${day(event.at)} : ses mises à jour après la n° ${event.after} n'ont plus d'effet.`
      : `${who} a été révoqué par ${event.by} le ${day(event.at)}, sans effet : son auteur avait déjà été révoqué, ou n'est pas un ordinateur de la coopération.`;
  }
  return [
    `${who}${event.poste_label ? ` (« ${event.poste_label} »)` : ''} a rejoint la coopération le ${day(event.at)}.`,
    event.key_confirmed ? 'Sa clé est confirmée.' : "Sa clé n'est pas confirmée ici.",
    event.same_person === 'this-laptop'
      ? "Il est à votre nom : si vous n'avez pas ajouté d'ordinateur, il n'est pas à vous."
      : event.same_person === 'other-poste'
        ? "Cette personne avait déjà un ordinateur dans la coopération : vérifiez auprès d'elle qu'elle en a ajouté un."
        : '',
  ]
    .filter(Boolean)
    .join(' ');
}
