// The people of the partners (pilotes, note authors, users of the laptops) and the partners themselves.
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { Partner, Person } from './types';
import { PILOT_COUNT } from './rules';

export function listPeople(store: Store): Person[] {
  return cached(
    store,
    `SELECT id, name, function, partner_id, email, civility, ${PILOT_COUNT} AS pilot_count
     FROM person WHERE deleted = 0 ORDER BY sort_key(name), id`,
  ).all() as Person[];
}

export function listPartners(store: Store): Partner[] {
  return cached(store, 'SELECT id, code, name, short_name, position, kind FROM partner WHERE deleted = 0 ORDER BY position, id').all() as Partner[];
}
