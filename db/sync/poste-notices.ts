// Postes that joined the project and revocations, until this laptop's user says they were
// expected (docs/sync.md, « Nouveaux ordinateurs et révocations à vérifier »). Whoever holds
// the passphrase can make a poste, and from it revoke others: told at the next sync rather
// than found by chance in Paramètres › Ordinateurs. What was seen is kept on this laptop
// only (local_state), like the confirmed keys.
import { capitalized, frenchDate } from '../../common/french';
import { localDate } from '../../common/calendar';
import { parseHlc } from '../store/hlc';
import type { Store } from '../store/store';
import { keyConfirmedAt } from './confirmations';
import { replicaLabel } from './labels';
import { revocationBound } from './revocation';

const SEEN_KEY = 'postes_seen';

/** The postes and revocations (« origin:seq ») this laptop's user has seen. */
interface Seen {
  replicas: string[];
  revocations: string[];
}

export type PosteNotice = PosteEvent & {
  /** « L'ordinateur de Nadia Benali (Loir-et-Cher) a rejoint la coopération le 4 décembre 2026. … », plain spaces. */
  sentence: string;
};

type PosteEvent =
  | {
      kind: 'arrived';
      replica: string;
      /** « l'ordinateur de Nadia Benali (Loir-et-Cher) » */
      label: string;
      /** Its name in Paramètres › Ordinateurs, if its user gave one (« Portable DRH »). */
      poste_label: string | null;
      at: string;
      key_confirmed: boolean;
      /** Its person already had another poste, not revoked: a replacement, or someone using their name. */
      person_has_other_poste: boolean;
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
      /** False when it counts for nothing: its author had been revoked before writing it. */
      in_effect: boolean;
    };

// This laptop's own revocations are known to its user; its own revocation has its banner.
const othersRevocations = (store: Store, replicaId: string) =>
  store.revocationChanges().filter(({ origin, target }) => origin !== replicaId && target !== replicaId);

/** The other postes, with whom each is for: a person, or a name and partner (two person rows can say the same). */
function otherPostes(store: Store, replicaId: string): { id: string; label: string | null; person: string | null }[] {
  return store.db
    .prepare(
      `SELECT r.id, r.label, CASE WHEN pe.id IS NULL THEN NULL ELSE lower(pe.name) || char(0) || coalesce(pe.partner_id, '') END AS person
       FROM replica r LEFT JOIN person pe ON pe.id = r.person_id WHERE r.id <> ? ORDER BY r.id`,
    )
    .all(replicaId) as { id: string; label: string | null; person: string | null }[];
}

function current(store: Store, replicaId: string): Seen {
  return {
    replicas: otherPostes(store, replicaId).map((poste) => poste.id),
    revocations: othersRevocations(store, replicaId).map(({ origin, seq }) => `${origin}:${seq}`),
  };
}

/**
 * A new replica id for this file: nothing seen yet on a new laptop (joinProject then marks
 * what the invitation brought); after a backup is restored, its previous id is no news.
 */
export function startSeeingPostes(store: Store, previous: string | undefined): void {
  const saved = store.localState(SEEN_KEY);
  // A laptop updated from a version without these notices: what it held is not news either.
  const seen: Seen = saved ? (JSON.parse(saved) as Seen) : previous ? current(store, previous) : { replicas: [], revocations: [] };
  if (previous) seen.replicas.push(previous);
  store.setLocalState(SEEN_KEY, JSON.stringify(seen));
}

/** This laptop's user has seen every poste and revocation it holds now. */
export function markPostesSeen(store: Store): void {
  const { replicaId } = store.requireReplica();
  store.setLocalState(SEEN_KEY, JSON.stringify(current(store, replicaId)));
}

/** The postes that arrived and the revocations received since this laptop's user last said they were expected. */
export function posteNotices(store: Store): PosteNotice[] {
  const replicaId = store.replicaId;
  if (!replicaId) return [];
  const saved = store.localState(SEEN_KEY);
  if (!saved) {
    // A laptop updated from a version without these notices: what it held is not news.
    markPostesSeen(store);
    return [];
  }
  const seen = JSON.parse(saved) as Seen;
  const seenReplicas = new Set(seen.replicas);
  const seenRevocations = new Set(seen.revocations);
  const postes = otherPostes(store, replicaId);
  const ownPerson = store.db
    .prepare("SELECT lower(pe.name) || char(0) || coalesce(pe.partner_id, '') FROM replica r JOIN person pe ON pe.id = r.person_id WHERE r.id = ?")
    .pluck()
    .get(replicaId) as string | undefined;
  const revokedPostes = new Set(postes.filter((poste) => revocationBound(store, poste.id) !== undefined).map((poste) => poste.id));
  // Through the live versions (indexed by row), not the log: a poste's row is a few fields.
  const arrivedAt = store.db
    .prepare(`SELECT min(c.hlc) FROM live_versions lv JOIN changes c ON c.origin = lv.origin AND c.seq = lv.seq WHERE lv.entity = 'replica' AND lv.row_id = ?`)
    .pluck();
  const wroteOwnRow = store.db.prepare(`SELECT 1 FROM live_versions WHERE entity = 'replica' AND row_id = ? AND origin = ? LIMIT 1`).pluck();
  const notices: PosteEvent[] = [];
  for (const poste of postes) {
    if (seenReplicas.has(poste.id)) continue;
    const hlc = arrivedAt.get(poste.id) as string | null;
    notices.push({
      kind: 'arrived',
      replica: poste.id,
      label: replicaLabel(store, poste.id),
      poste_label: poste.label,
      at: new Date(hlc ? parseHlc(hlc).ms : 0).toISOString(),
      key_confirmed: keyConfirmedAt(store, poste.id) !== null,
      person_has_other_poste:
        poste.person !== null &&
        (poste.person === ownPerson || postes.some((other) => other.id !== poste.id && other.person === poste.person && !revokedPostes.has(other.id))),
    });
  }
  for (const revocation of othersRevocations(store, replicaId)) {
    if (seenRevocations.has(`${revocation.origin}:${revocation.seq}`)) continue;
    const after = JSON.parse(revocation.value) as unknown;
    if (typeof after !== 'number' || !Number.isInteger(after)) continue;
    const authorBound = revocationBound(store, revocation.origin);
    notices.push({
      kind: 'revoked',
      replica: revocation.target,
      label: replicaLabel(store, revocation.target),
      by: replicaLabel(store, revocation.origin),
      at: new Date(parseHlc(revocation.hlc).ms).toISOString(),
      after,
      // As revocationBounds counts them: from a poste that wrote its own row, not revoked before writing it.
      in_effect:
        revocationBound(store, revocation.target) !== undefined &&
        wroteOwnRow.get(revocation.origin, revocation.origin) !== undefined &&
        (authorBound === undefined || revocation.seq <= authorBound),
    });
  }
  return notices.map((notice) => ({ ...notice, sentence: sentenceOf(notice) }));
}

const day = (at: string) => frenchDate(localDate(new Date(at)));

function sentenceOf(notice: PosteEvent): string {
  const who = capitalized(notice.label);
  if (notice.kind === 'revoked') {
    return notice.in_effect
      ? `${who} a été révoqué par ${notice.by} le ${day(notice.at)} : ce qu'il a écrit après sa mise à jour n° ${notice.after} n'a plus d'effet.`
      : `${who} a été révoqué par ${notice.by} le ${day(notice.at)}, sans effet : son auteur avait déjà été révoqué, ou n'est pas un ordinateur de la coopération.`;
  }
  return [
    `${who}${notice.poste_label ? ` (« ${notice.poste_label} »)` : ''} a rejoint la coopération le ${day(notice.at)}.`,
    notice.key_confirmed ? 'Sa clé est confirmée.' : "Sa clé n'est pas confirmée ici.",
    notice.person_has_other_poste ? "Cette personne avait déjà un ordinateur dans la coopération : vérifiez auprès d'elle qu'elle en a ajouté un." : '',
  ]
    .filter(Boolean)
    .join(' ');
}
