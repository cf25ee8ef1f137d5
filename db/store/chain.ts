// Each origin's changes form a hash chain (docs/sync.md, « Preuve d'auteur »): a change's
// `chain` is SHA-256 of the previous change's chain of the same origin and of the change
// itself, so one signature of an origin over the chain at seq n proves all its changes up
// to n, and two different histories of one origin (a fork) cannot end on the same chain.
// The log keeps the chain of one change in CHAIN_KEPT_EVERY (Store.chainAt computes the
// others from the nearest kept one): 45 bytes on every change were 15 % of a database.
import { hash } from 'node:crypto';
import type { Change } from './changelog';

/** A change whose seq is a multiple of this keeps its chain in the log; a chain is then at most this many hashes away. */
export const CHAIN_KEPT_EVERY = 32;

/** What the log keeps of a change's chain: itself every CHAIN_KEPT_EVERY changes, else nothing. */
export function keptChain(seq: number, chain: string | null): string | null {
  return seq % CHAIN_KEPT_EVERY === 0 ? chain : null;
}

/** The chain before an origin's first change. */
export function chainStart(origin: string): string {
  return hash('sha256', `entente-chaîne\0${origin}`, 'base64');
}

/** The chain at `change`, from the chain of the previous change of its origin. */
export function nextChain(previous: string, change: Omit<Change, 'origin' | 'chain'>): string {
  return hash(
    'sha256',
    previous + JSON.stringify([change.seq, change.hlc, change.entity, change.rowId, change.field, change.value, change.supersedes]),
    'base64',
  );
}
