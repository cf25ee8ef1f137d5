// Each origin's changes form a hash chain (docs/sync.md, « Preuve d'auteur »): a change's
// `chain` is SHA-256 of the previous change's chain of the same origin and of the change
// itself, so one signature of an origin over the chain at seq n proves all its changes up
// to n, and two different histories of one origin (a fork) cannot end on the same chain.
import { hash } from 'node:crypto';
import type { Change } from './changelog';

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
