// Entente and Automerge 3 side by side, on one workload: 4 laptops (postes) work offline
// from common rows, 100,000 field edits in all, some of the same fields concurrently, then
// one of them merges the work of the other three. Entente merges their sync files; Automerge
// merges the same edits, written as its own changes, from the changes each poste sends.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_NAMES } from '../db/store/schema';
import { Store } from '../db/store/store';
import { exportFile, importFile } from '../db/sync/exchange';
import { Worker } from './work';

type Automerge = typeof import('@automerge/automerge');
/** A field's value as the log holds it (JSON text). */
interface FieldValue {
  entity: string;
  rowId: string;
  field: string;
  value: string;
}
/** A replica's visible state: entity, then row id, then field. */
type Tables = Record<string, Record<string, Record<string, unknown>>>;

const POSTES = 4;
const EDITS = 100_000;
/** The actions every poste holds before working offline, with their pilotes and steps. */
const COMMON_ACTIONS = 600;
/** Each timing is the median of this many runs. */
const RUNS = 5;
const START = Date.UTC(2025, 8, 1, 7);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fr = (value: number, digits = 0) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (milliseconds: number) => `${fr(milliseconds / 1000, 2)} s`;
const megabytes = (bytes: number) => `${fr(bytes / 1024 / 1024, 2)} Mo`;
/** Every live version with its value, kept in the log. */
const LIVE_VALUES = 'SELECT l.entity, l.row_id AS rowId, l.field, c.value FROM live_versions l JOIN changes c ON c.origin = l.origin AND c.seq = l.seq';

function line(label: string, value: string, target?: string, met?: boolean): void {
  const verdict = target === undefined ? '' : `   objectif ${target} : ${met ? 'atteint' : 'MANQUÉ'}`;
  console.log(`${label.padEnd(56)} ${value.padStart(16)}${verdict}`);
}

/** The median time of RUNS runs of `work`, each on a fresh `setup()` (not timed), and the last result. */
function timed<S, R>(setup: () => S, work: (state: S) => R): { ms: number; result: R } {
  const times: number[] = [];
  let result!: R;
  for (let i = 0; i < RUNS; i++) {
    const state = setup();
    const start = process.hrtime.bigint();
    result = work(state);
    times.push(ms(start));
  }
  return { ms: median(times), result };
}

/**
 * Runs the comparison and prints it; returns whether both merged states agree. Automerge
 * is loaded here only, so that the other steps of the bench do not carry its WebAssembly.
 */
export async function compareWithAutomerge(dir: string): Promise<boolean> {
  const automerge = await import('@automerge/automerge');
  const folder = join(dir, 'automerge');
  mkdirSync(folder);
  const start = process.hrtime.bigint();
  const { postes, common, initial } = commonStart(folder);
  for (const poste of postes) poste.writeExactly(EDITS / POSTES);
  const edits = postes.map((poste) => ownChanges(poste.store, common));
  console.log(
    `\nComparaison avec Automerge 3 : ${POSTES} postes partis des mêmes ${fr(COMMON_ACTIONS)} actions écrivent hors ligne ` +
      `${fr(EDITS)} modifications de champs (générées en ${seconds(ms(start))}), puis l'un d'eux reçoit le travail des trois autres`,
  );

  // Entente: each poste exports what it wrote since the common start; poste 1 imports the
  // other three with its keys unlocked, as the app does (no passphrase derived meanwhile).
  const files = postes.map((poste) => exportFile(poste.store, { secret: poste.keyring, basedOn: common }).bytes);
  for (const poste of postes) poste.store.close();
  let merged: Store | undefined;
  let run = 0;
  const entente = timed(
    () => {
      merged?.close();
      const file = join(folder, `fusion-${run++}.sqlite`);
      copyFileSync(postes[0].store.file, file);
      return Store.open(file);
    },
    (store) => {
      const applied = files.slice(1).reduce((sum, file) => sum + importFile(store, file, postes[0].keyring).applied, 0);
      if (applied !== EDITS - edits[0].length) throw new Error(`fusion Entente : ${applied} modifications appliquées`);
      return (merged = store);
    },
  );

  // Automerge: one doc per poste, forked from a doc of the common rows; each session of a poste
  // is one change. Each poste sends its changes (the bytes of getChanges, as its sync protocol
  // sends them); the fastest of its merges here is applyChanges of the other three's.
  const base = automerge.from(toAutomerge(automerge, initial) as Tables);
  const docs = edits.map((changes) =>
    sessions(changes).reduce((doc, session) => automerge.change(doc, (d) => write(automerge, d, session)), automerge.clone(base)),
  );
  const heads = automerge.getHeads(base);
  const sent = docs.map((doc) => automerge.getChangesSince(doc, heads));
  const fused = timed(
    () => automerge.clone(docs[0]),
    (doc) => sent.slice(1).reduce((into, changes) => automerge.applyChanges(into, changes)[0], doc),
  );

  const ententeBytes = files.reduce((sum, file) => sum + file.length, 0);
  const automergeBytes = sent.flat().reduce((sum, change) => sum + change.length, 0);
  // For information: Automerge's compact, compressed form of the same changes.
  const own = (doc: (typeof docs)[number]) => automerge.getChangesMetaSince(doc, heads).map((meta) => meta.hash);
  const bundled = docs.reduce((sum, doc) => sum + automerge.saveBundle(doc, own(doc)).length, 0);
  const timeRatio = fused.ms / entente.ms;
  const bytesRatio = automergeBytes / ententeBytes;
  line('Fusion Entente : temps (3 importFile, décodage compris)', seconds(entente.ms));
  line('Fusion Automerge 3 : temps (3 applyChanges)', seconds(fused.ms));
  line('Rapport temps Automerge / Entente', fr(timeRatio, 2), '> 1', timeRatio > 1);
  line(`Octets Entente (${POSTES} fichiers d'échange chiffrés)`, megabytes(ententeBytes));
  line(`Octets Automerge (${POSTES} × getChanges, un change par séance)`, megabytes(automergeBytes));
  line('  soit des changes Automerge, un par séance de travail', fr(sent.flat().length));
  line('Rapport octets Automerge / Entente', fr(bytesRatio, 2), '> 1', bytesRatio > 1);
  line('  pour information : Automerge.save du document fusionné', megabytes(automerge.save(fused.result).length));
  line(`  pour information : ${POSTES} × saveBundle (expérimental)`, megabytes(bundled));

  const verdict = compare(automerge, entente.result, fused.result);
  const agree = verdict.disagreeing === 0;
  entente.result.close();
  line('Champs en conflit : Entente (valeurs différentes)', fr(verdict.conflicts.entente));
  line('Champs en conflit : Automerge (getConflicts)', fr(verdict.conflicts.automerge));
  line('  dont de valeurs différentes', fr(verdict.conflicts.automergeDiffering));
  console.log(
    `accord des deux états fusionnés : ${agree ? 'oui' : 'non'} (${fr(verdict.fields)} champs : même valeur, ` +
      `ou mêmes valeurs concurrentes ; ${fr(verdict.disagreeing)} en désaccord)`,
  );
  return agree;
}

/**
 * A secretariat laptop writes the common actions; the postes join, and each receives them
 * and the others' identities, as after a first sync. Returns the postes, what they all
 * hold then, and the state they all show.
 */
function commonStart(folder: string): { postes: Worker[]; common: Record<string, number>; initial: Tables } {
  const secretariat = new Worker(join(folder, 'secretariat.sqlite'), 'Secrétariat de la coopération', '37', 7, START);
  for (let i = 0; i < COMMON_ACTIONS; i++) secretariat.createOne();
  const postes = Array.from(
    { length: POSTES },
    (_, i) => new Worker(join(folder, `poste-${i + 1}.sqlite`), `Personne ${i + 1}`, i % 2 ? '41' : '37', 200 + i, secretariat.clock.ms),
  );
  const joined = [secretariat, ...postes].map((worker) => exportFile(worker.store, { secret: worker.keyring }).bytes);
  secretariat.store.close();
  for (const [i, poste] of postes.entries()) {
    for (const [j, file] of joined.entries()) if (j !== i + 1) importFile(poste.store, file, poste.keyring);
    poste.followAll();
  }
  const common = postes[0].store.log.versionVector();
  const initial: Tables = Object.fromEntries(ENTITY_NAMES.map((entity) => [entity, {}]));
  const live = postes[0].store.db.prepare(LIVE_VALUES).all() as FieldValue[];
  for (const { entity, rowId, field, value } of live) (initial[entity][rowId] ??= {})[field] = JSON.parse(value);
  return { postes, common, initial };
}

/** A change a poste wrote, with its clock. */
type Written = FieldValue & { hlc: string };

/** What a poste wrote since the common start, in order. */
function ownChanges(store: Store, common: Record<string, number>): Written[] {
  const origin = store.requireReplica().replicaId;
  return store.db
    .prepare('SELECT entity, row_id AS rowId, field, value, hlc FROM changes WHERE origin = ? AND seq > ? ORDER BY seq')
    .all(origin, common[origin] ?? 0) as Written[];
}

/** A poste's changes by session: the simulated clock stands still while a person edits one action, and moves on after. */
function sessions(changes: Written[]): Written[][] {
  const result: Written[][] = [];
  for (const [i, change] of changes.entries()) {
    if (i > 0 && change.hlc.slice(0, 13) === changes[i - 1].hlc.slice(0, 13)) result[result.length - 1].push(change);
    else result.push([change]);
  }
  return result;
}

/** Texts as Automerge's atomic strings, written whole as Entente writes a field; its default, collaborative text, would cost more. */
function toAutomerge(automerge: Automerge, value: unknown): unknown {
  if (typeof value === 'string') return new automerge.ImmutableString(value);
  if (Array.isArray(value)) return value.map((item) => toAutomerge(automerge, item));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toAutomerge(automerge, item)]));
  return value;
}

function write(automerge: Automerge, doc: Tables, session: Written[]): void {
  for (const { entity, rowId, field, value } of session) {
    const table = doc[entity];
    if (table[rowId] === undefined) table[rowId] = {};
    table[rowId][field] = toAutomerge(automerge, JSON.parse(value));
  }
}

/**
 * Field by field, the values each side keeps: Entente's live versions, Automerge's value
 * and its conflicts. A field agrees when both keep the same values: one, or the same
 * concurrent ones (the one each shows may differ until someone chooses).
 */
function compare(
  automerge: Automerge,
  store: Store,
  doc: Tables,
): { fields: number; disagreeing: number; conflicts: { entente: number; automerge: number; automergeDiffering: number } } {
  const kept = new Map<string, Set<string>>();
  for (const { entity, rowId, field, value } of store.db.prepare(LIVE_VALUES).all() as FieldValue[]) {
    const key = `${entity}\0${rowId}\0${field}`;
    kept.set(key, (kept.get(key) ?? new Set<string>()).add(value));
  }
  const result = { fields: kept.size, disagreeing: 0, conflicts: { entente: 0, automerge: 0, automergeDiffering: 0 } };
  for (const values of kept.values()) if (values.size > 1) result.conflicts.entente++;
  for (const [entity, rows] of Object.entries(doc)) {
    for (const [rowId, row] of Object.entries(rows)) {
      for (const field of Object.keys(row)) {
        const concurrent = Object.values(automerge.getConflicts(row, field) ?? { only: row[field] });
        const values = new Set(concurrent.map((value) => JSON.stringify(value)));
        if (concurrent.length > 1) result.conflicts.automerge++;
        if (values.size > 1) result.conflicts.automergeDiffering++;
        const key = `${entity}\0${rowId}\0${field}`;
        const ours = kept.get(key);
        kept.delete(key);
        if (!ours || ours.size !== values.size || [...ours].some((value) => !values.has(value))) result.disagreeing++;
      }
    }
  }
  // What Entente keeps and Automerge lacks.
  result.disagreeing += kept.size;
  return result;
}
