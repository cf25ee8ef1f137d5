import { expect, test } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { Clock, formatHlc, parseHlc } from '../../db/store/hlc';
import { Store } from '../../db/store/store';
import { newReplica, track } from './helpers';

test('une horloge arrêtée (ou reculée) donne toujours des horodatages croissants et lisibles', () => {
  const clock = new Clock({ ms: 1_900_000_000_000, counter: 0 }, () => 1_800_000_000_000);
  const stamps = Array.from({ length: 10_005 }, () => clock.tick());
  expect([...stamps].sort()).toEqual(stamps);
  expect(new Set(stamps).size).toBe(stamps.length);
  for (const stamp of stamps.slice(-10)) expect(() => parseHlc(stamp)).not.toThrow();
});

test("au bout du compteur d'une milliseconde, la base se rouvre et l'ordre est gardé", () => {
  const frozen = () => 1_800_000_000_000;
  const store = newReplica('Claire Martin', '37', undefined, frozen);
  const file = store.file;
  store.setLocalState('hlc', '1800000000000-9999');
  store.close();
  const reopened = track(Store.open(file, { now: frozen }));
  updateAction(reopened, 'a1-1', { progress: 42 });
  expect(reopened.localState('hlc')).toBe('1800000000001-0000');
  reopened.close();
  expect(() => track(Store.open(file, { now: frozen }))).not.toThrow();
});

test('une horloge reçue en retard sur la sienne ne la change pas ; en avance de plus d’un jour, elle est comptée, même derrière la sienne', () => {
  const now = 1_800_000_000_000;
  const clock = new Clock({ ms: now, counter: 5 }, () => now);
  expect(clock.receive('1799999999999-0009')).toBe(false);
  expect(clock.receive('1800000000000-0005')).toBe(false);
  expect(clock.current()).toBe('1800000000000-0005');
  expect(clock.receive('1800000000000-0006')).toBe(false);
  expect(clock.current()).toBe('1800000000000-0006');
  expect(() => clock.receive('0-1')).toThrow(/horloge invalide/);
  // A clock already two days ahead (the wall clock was set back): what lies beyond a day is counted, not adopted.
  const ahead = new Clock({ ms: now + 2 * 86_400_000, counter: 0 }, () => now);
  expect(ahead.receive(`${now + 86_400_001}-0000`)).toBe(true);
  expect(ahead.receive(`${now + 1000}-0000`)).toBe(false);
  expect(ahead.current()).toBe(`${now + 2 * 86_400_000}-0000`);
});

test("les horloges d'un fichier refusé après coup (disque plein en recevant ses documents…) ne font pas avancer celle de l'ordinateur", () => {
  const store = newReplica();
  const ahead = formatHlc({ ms: Date.now() + 3_600_000, counter: 0 });
  const received = { origin: 'poste-inconnu', seq: 1, hlc: ahead, entity: 'action', rowId: 'a1-1', field: 'progress', value: '90', supersedes: [] };
  expect(() =>
    store.transaction(() => {
      store.receive([received]);
      throw new Error('refusé après coup');
    }),
  ).toThrow('refusé après coup');
  updateAction(store, 'a1-1', { progress: 20 });
  const written = store.db.prepare("SELECT hlc FROM changes WHERE field = 'progress' ORDER BY hlc DESC LIMIT 1").pluck().get() as string;
  expect(written < ahead).toBe(true);
  // Received for good, the same clock is followed.
  store.receive([received]);
  updateAction(store, 'a1-1', { progress: 30 });
  expect(store.db.prepare("SELECT hlc FROM changes WHERE field = 'progress' ORDER BY hlc DESC LIMIT 1").pluck().get()).not.toBe(ahead);
  expect((store.db.prepare("SELECT max(hlc) FROM changes WHERE field = 'progress'").pluck().get() as string) > ahead).toBe(true);
});
