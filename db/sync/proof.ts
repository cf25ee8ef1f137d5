// Proven authorship (docs/sync.md, « Preuve d'auteur »). Each origin's changes form a hash
// chain (store/chain.ts); a file carries, for each run of consecutive changes of an origin,
// the chain just before the run and the origin's Ed25519 signature of its chain at the
// run's end. A receiver recomputes the chain (one hash per change) and checks one signature
// per run, against the key of the origin, whoever relayed the file. A relayer passes on the
// signatures it received; a poste signs its own runs when it writes a file.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { refusal } from '../errors';
import { SEED_ORIGIN } from '../project/setup';
import { CHAIN_KEPT_EVERY, nextChain } from '../store/chain';
import { HLC_FORM } from '../store/hlc';
import { JSON_FIELDS } from '../store/schema';
import type { Change } from '../store/changelog';
import type { Store } from '../store/store';
import type { Run } from './body';
import { keyConfirmedAt } from './confirmations';
import { fingerprint, type Keyring } from './keys';
import { replicaLabel } from './labels';

/** What a signature covers: the project, the origin, the seq and the origin's chain there. */
function headStatement(project: string, origin: string, seq: number, chain: string): Buffer {
  return Buffer.from(`entente : tête de chaîne\0${project}\0${origin}\0${seq}\0${chain}`, 'utf8');
}

export function signHead(keyring: Keyring, seq: number, chain: string): string {
  return sign(null, headStatement(keyring.project, keyring.replica, seq, chain), keyring.signing).toString('base64');
}

const publicKeys = new Map<string, KeyObject>();

function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    publicKeys.set(publicKey, key);
  }
  return key;
}

export function verifyHead(publicKey: string, project: string, origin: string, seq: number, chain: string, signature: string): boolean {
  try {
    return verify(null, headStatement(project, origin, seq, chain), publicKeyObject(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

const isKeyChange = (change: Change) => change.entity === 'replica' && change.field === 'public_key';

/**
 * The runs of changes an export carries, each with its proof: the chain before it, and a
 * signature — this poste's own, made now, or the origin's, as received.
 */
export function provenRuns(store: Store, keyring: Keyring, changes: Change[]): Run[] {
  const signed = store.db.prepare('SELECT signature FROM signed_head WHERE origin = ? AND seq = ?').pluck();
  const runs: Run[] = [];
  let run: Run | undefined;
  for (const change of changes) {
    if (run && run.origin === change.origin && run.from + run.changes.length === change.seq) run.changes.push(change);
    else runs.push((run = { origin: change.origin, from: change.seq, before: null, signature: null, changes: [change] }));
  }
  for (const r of runs) {
    if (r.origin === SEED_ORIGIN) continue;
    r.before = store.chainAt(r.origin, r.from - 1);
    const to = r.from + r.changes.length - 1;
    const end = r.before === null ? null : store.chainAt(r.origin, to);
    if (end === null) continue;
    r.signature = r.origin === keyring.replica ? signHead(keyring, to, end) : ((signed.get(r.origin, to) as string | undefined) ?? null);
  }
  return runs;
}

/** What an import records once its changes are in: the signatures to relay, the chains at starts after a gap. */
export interface Proofs {
  heads: { origin: string; seq: number; signature: string }[];
  anchors: { origin: string; seq: number; chain: string }[];
  /** Chains announced after a gap that a run of this file reached, the same: its history is whole there now. */
  joined: { origin: string; seq: number }[];
}

/**
 * A clock of Entente's form, and a value the tables can hold: JSON, and an object or a list
 * only where the field keeps one (a delete mark, a list). The format carries a clock of any
 * other form as text, which no replica could order.
 */
function checkValue(change: Change): void {
  if (!HLC_FORM.test(change.hlc)) throw refusal('damaged-file', `horloge invalide (${change.entity}.${change.field})`);
  let value: unknown;
  try {
    value = JSON.parse(change.value);
  } catch {
    throw refusal('damaged-file', `valeur illisible (${change.entity}.${change.field})`);
  }
  if (typeof value === 'object' && value !== null && change.field !== 'deleted' && !JSON_FIELDS.has(change.field)) {
    throw refusal('damaged-file', `valeur inattendue (${change.entity}.${change.field})`);
  }
}

/**
 * Checks every run's proof and returns the changes to apply, their chains set. Refuses the
 * whole file (nothing applied) when a proof fails, naming the poste the changes claim to
 * come from.
 */
export function checkRuns(store: Store, project: string, runs: Run[]): { changes: Change[]; proofs: Proofs } {
  const keyOf = store.db.prepare('SELECT public_key FROM replica WHERE id = ?').pluck();
  const keySeqOf = store.db.prepare("SELECT seq FROM changes WHERE origin = ? AND entity = 'replica' AND row_id = ? AND field = 'public_key'").pluck();
  const anchorsIn = store.db.prepare('SELECT seq, chain FROM chain_anchor WHERE origin = ? AND seq BETWEEN ? AND ?');
  const vector = store.log.versionVector();
  const seedHeld = vector[SEED_ORIGIN] ?? 0;
  // Keys published in this file, by their poste: a poste's first file carries its key.
  const fileKeys = new Map<string, { key: string; seq: number }>();
  for (const run of runs) {
    for (const change of run.changes) {
      checkValue(change);
      if (!isKeyChange(change)) continue;
      const known = keyOf.get(change.rowId) as string | null | undefined;
      const value = JSON.parse(change.value) as unknown;
      if (change.origin !== change.rowId || typeof value !== 'string' || (known && known !== value)) {
        throw refusal('key-replaced', replicaLabel(store, change.rowId));
      }
      fileKeys.set(change.origin, { key: value, seq: change.seq });
    }
  }
  // The chain each run of this file announces before itself: another run of its origin that
  // reaches that change must arrive at the same chain, in whatever order the file holds them.
  const befores = new Map<string, Map<number, string>>();
  for (const run of runs) {
    if (run.before === null || run.origin === SEED_ORIGIN) continue;
    const byOrigin = befores.get(run.origin) ?? befores.set(run.origin, new Map()).get(run.origin)!;
    byOrigin.set(run.from - 1, run.before);
  }
  const proofs: Proofs = { heads: [], anchors: [], joined: [] };
  const accepted: Change[] = [];
  for (const run of runs) {
    const { origin, from } = run;
    // The decoders refuse them too: below 1, a change would slip under every bound and proof.
    if (!Number.isInteger(from) || from < 1) throw refusal('damaged-file', 'numéro de mise à jour invalide');
    if (origin === SEED_ORIGIN) {
      // The seed is the same on every laptop: a laptop that has it takes no new seed change.
      if (seedHeld > 0 && run.changes.some((change) => change.seq > seedHeld)) throw refusal('seed-forged');
      // One by one: spread as arguments, a run of some 150,000 changes would overflow the stack.
      for (const change of run.changes) accepted.push(change);
      continue;
    }
    const label = () => replicaLabel(store, origin);
    const held = store.chainAt(origin, from - 1);
    if (run.before !== null && held !== null && held !== run.before) throw refusal('forked-origin', label(), from);
    const to = from + run.changes.length - 1;
    // Chains announced before runs received here after a gap, and before the other runs of this
    // file, that this run reaches: the same chain, or its origin has two histories.
    const anchored = new Map((anchorsIn.all(origin, from, to) as { seq: number; chain: string }[]).map((anchor) => [anchor.seq, anchor.chain]));
    const announced = new Map(anchored);
    for (const [seq, before] of befores.get(origin) ?? []) if (seq >= from && seq <= to) announced.set(seq, before);
    let forkedAt: number | undefined;
    let chain = run.before ?? held;
    for (const change of run.changes) {
      chain = chain === null ? null : nextChain(chain, change);
      // Set only where the log keeps it: a property added to every one of 100,000 changes costs.
      if (change.seq % CHAIN_KEPT_EVERY === 0) change.chain = chain;
      const anchor = announced.size === 0 || chain === null ? undefined : announced.get(change.seq);
      if (anchor === undefined) continue;
      if (anchor !== chain) forkedAt ??= change.seq;
      else if (anchored.has(change.seq)) proofs.joined.push({ origin, seq: change.seq });
    }
    // Held here already, and the same: its chain at its last change is the one held, a hash of
    // the origin's whole history up to it. Nothing to check or apply again (a shared folder's
    // second round reads mostly such runs, relayed by the other postes).
    if (chain !== null && run.changes.length > 0 && to <= (vector[origin] ?? 0) && store.chainAt(origin, to) === chain) continue;
    const publicKey = (keyOf.get(origin) as string | null | undefined) ?? fileKeys.get(origin)?.key;
    if (run.signature !== null) {
      if (!publicKey) throw refusal('unknown-signer', label());
      if (chain === null || !verifyHead(publicKey, project, origin, to, chain, run.signature)) throw refusal('forged-change', label());
      proofs.heads.push({ origin, seq: to, signature: run.signature });
    } else {
      // Without proof: only changes written before their poste had a key (Entente 0.2 and older).
      const keySeq = (keySeqOf.get(origin, origin) as number | undefined) ?? fileKeys.get(origin)?.seq;
      if (keySeq !== undefined && to >= keySeq) throw refusal('unsigned-change', label());
    }
    if (forkedAt !== undefined) throw refusal('forked-origin', label(), forkedAt);
    if (run.before !== null && held === null) proofs.anchors.push({ origin, seq: from - 1, chain: run.before });
    // A revoked poste's later changes go to the log too (every log holds the same), without effect.
    for (const change of run.changes) accepted.push(change);
  }
  return { changes: accepted, proofs };
}

/**
 * Records the proofs of an applied file, in its transaction: signatures to relay, chains
 * announced before runs received after a gap (until a run reaches them, checked by checkRuns).
 */
export function recordProofs(store: Store, proofs: Proofs): void {
  const addHead = store.db.prepare('INSERT OR IGNORE INTO signed_head (origin, seq, signature) VALUES (?, ?, ?)');
  const addAnchor = store.db.prepare('INSERT OR IGNORE INTO chain_anchor (origin, seq, chain) VALUES (?, ?, ?)');
  const dropAnchor = store.db.prepare('DELETE FROM chain_anchor WHERE origin = ? AND seq = ?');
  for (const head of proofs.heads) addHead.run(head.origin, head.seq, head.signature);
  for (const joined of proofs.joined) dropAnchor.run(joined.origin, joined.seq);
  for (const anchor of proofs.anchors) if (store.chainAt(anchor.origin, anchor.seq) === null) addAnchor.run(anchor.origin, anchor.seq, anchor.chain);
}

/** Who wrote a change, and whether the signature of its poste covers it here (the meeting page shows it for a validation). */
export interface Authorship {
  /** « l'ordinateur de Nadia Benali (Loir-et-Cher) » (db/sync/labels.ts). */
  computer: string;
  /** Its key fingerprint, if published. */
  fingerprint: string | null;
  /** Signed by that poste's key, checked again now; false for a poste of Entente 0.2 or an unproven change. */
  signed: boolean;
  /** The poste is this laptop: its key needs no confirmation. */
  own_key: boolean;
  /** When this laptop's user confirmed that poste's key by its fingerprint (confirmations.ts); null if not. */
  key_confirmed_at: string | null;
}

export function authorshipOf(store: Store, origin: string, seq: number): Authorship {
  const publicKey = store.db.prepare('SELECT public_key FROM replica WHERE id = ?').pluck().get(origin) as string | null | undefined;
  const computer = replicaLabel(store, origin);
  const { projectId, replicaId } = store.requireReplica();
  const confirmation = { own_key: origin === replicaId, key_confirmed_at: keyConfirmedAt(store, origin) };
  if (!publicKey) return { computer, fingerprint: null, signed: false, ...confirmation };
  const chain = store.chainAt(origin, seq);
  let signed = false;
  if (chain !== null && origin === replicaId) {
    // This poste's own change: its key signs every file it writes from its chain.
    signed = true;
  } else if (chain !== null) {
    // The first signature received at or after it, over a chain held without a gap from it.
    const head = store.db.prepare('SELECT seq, signature FROM signed_head WHERE origin = ? AND seq >= ? ORDER BY seq LIMIT 1').get(origin, seq) as
      { seq: number; signature: string } | undefined;
    const headChain = head && store.chainAt(origin, head.seq);
    signed =
      !!head &&
      !!headChain &&
      (store.log.versionVector()[origin] ?? 0) >= head.seq &&
      verifyHead(publicKey, projectId, origin, head.seq, headChain, head.signature);
  }
  return { computer, fingerprint: fingerprint(publicKey), signed, ...confirmation };
}
