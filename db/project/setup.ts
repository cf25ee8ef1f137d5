// A project's first changes: the default dataset (assets/default-project.json) written as
// changes of the pseudo-replica "seed", identical on every laptop, so that two replicas
// of the default project share them instead of conflicting; then this laptop's identity.
import { z } from 'zod';
import defaultDataset from '../../assets/default-project.json';
import type { Change } from '../store/changelog';
import { ValidationError, refusal } from '../errors';
import { newId } from '../store/ids';
import { startSeeingPostes } from '../sync/poste-notices';
import { getRow, insertRow, validatePatch } from '../store/rows';
import type { Store } from '../store/store';
import { ZERO_HLC } from '../store/store';
import type { EntityName } from '../store/schema';

export const SEED_ORIGIN = 'seed';

const datasetSchema = z.object({
  project: z.object({ id: z.string(), name: z.string() }),
  partners: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), shortName: z.string(), position: z.number() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), function: z.string().nullable(), partnerId: z.string() })),
  chantiers: z.array(z.object({ id: z.string(), number: z.number(), title: z.string(), description: z.string(), stage: z.string() })),
  actions: z.array(z.object({ id: z.string(), chantierId: z.string(), title: z.string(), status: z.string(), priority: z.string() })),
});
export type Dataset = z.infer<typeof datasetSchema>;

export function loadDefaultDataset(): Dataset {
  return datasetSchema.parse(defaultDataset);
}

/**
 * The seed changes of a dataset, in a fixed order: the same bytes on every laptop. They
 * must never change for a given project id (a changed dataset needs a new project id):
 * the log refuses two different changes under one (origin, seq).
 */
export function seedChanges(dataset: Dataset): Change[] {
  const rows: [EntityName, string, Record<string, unknown>][] = [
    ['project', dataset.project.id, { name: dataset.project.name }],
    ...dataset.partners.map((p): [EntityName, string, Record<string, unknown>] => [
      'partner',
      p.id,
      { code: p.code, name: p.name, short_name: p.shortName, position: p.position },
    ]),
    ...dataset.people.map((p): [EntityName, string, Record<string, unknown>] => [
      'person',
      p.id,
      { name: p.name, function: p.function, partner_id: p.partnerId, email: null },
    ]),
    ...dataset.chantiers.map((c): [EntityName, string, Record<string, unknown>] => [
      'chantier',
      c.id,
      { number: c.number, title: c.title, description: c.description, stage: c.stage },
    ]),
    ...dataset.actions.map((a): [EntityName, string, Record<string, unknown>] => [
      'action',
      a.id,
      {
        chantier_id: a.chantierId,
        title: a.title,
        description: null,
        status: a.status,
        priority: a.priority,
        finalites: [],
        cooperation_form: null,
        start_date: null,
        end_date: null,
        progress: 0,
      },
    ]),
  ];
  const changes: Change[] = [];
  for (const [entity, rowId, fields] of rows) {
    const valid = validatePatch(entity, fields);
    for (const field of Object.keys(fields).sort()) {
      changes.push({
        origin: SEED_ORIGIN,
        seq: changes.length + 1,
        hlc: ZERO_HLC,
        entity,
        rowId,
        field,
        value: JSON.stringify((valid as Record<string, unknown>)[field] ?? null),
        supersedes: [],
      });
    }
  }
  return changes;
}

export interface Identity {
  name: string;
  function: string | null;
  /** The partner's id or its code ("37"). */
  partner: string;
  /** A name for this laptop, shown to the other replicas. */
  label?: string | null;
  /** A person already in the project (picked from Personnes): used as is, name and partner included. */
  personId?: string | null;
}

/** Refuses a file that already holds a project: a laptop belongs to one project. */
export function assertNoProject(store: Store): void {
  if (store.projectId || store.replicaId) throw refusal('already-initialised');
}

/**
 * Gives this file a new replica id, for the same person: after a backup is restored, the
 * changes made since that backup under the old id may already be on other laptops, so
 * this laptop must not write new, different changes under the same numbers.
 */
export function renewReplica(store: Store): string {
  const personId = store.personId;
  const person = personId ? getRow(store, 'person', personId) : undefined;
  if (!person) throw refusal('no-identity');
  const previous = store.replicaId ? getRow(store, 'replica', store.replicaId) : undefined;
  return store.transaction(() => {
    const replicaId = startReplica(store);
    insertReplicaRow(store, person, previous?.label ?? null);
    return replicaId;
  });
}

/**
 * Makes this file a new replica of the default project, as a first start does:
 * seed changes, a fresh replica id, and the person using this laptop.
 */
export function initReplica(store: Store, identity: Identity, dataset: Dataset = loadDefaultDataset()): void {
  assertNoProject(store);
  store.transaction(() => {
    store.applyChanges(seedChanges(dataset));
    store.setLocalState('project_id', dataset.project.id);
    startReplica(store);
    registerLaptop(store, identity);
  });
}

/** A fresh replica id for this file, whose changes are numbered from 1. */
export function startReplica(store: Store): string {
  startSeeingPostes(store, store.replicaId);
  const replicaId = newId();
  store.setLocalState('replica_id', replicaId);
  store.setLocalState('seq', '0');
  return replicaId;
}

/**
 * Records who uses this laptop, once the project's data is here and the replica id set
 * (startReplica): the person given by id, or one of the same name and partner (often
 * already listed when their laptop joins), or a new one; then this replica's row.
 */
export function registerLaptop(store: Store, identity: Identity): void {
  const chosen = identity.personId ? getRow(store, 'person', identity.personId) : undefined;
  if (identity.personId && !chosen) throw refusal('unknown-person-chosen', identity.personId);
  const person = chosen ?? findOrCreatePerson(store, identity);
  store.setLocalState('person_id', person.id);
  insertReplicaRow(store, person, identity.label ?? null);
}

function findOrCreatePerson(store: Store, identity: Identity): { id: string; partner_id: string } {
  const partner = store.db.prepare('SELECT id FROM partner WHERE (id = ? OR code = ?) AND deleted = 0').pluck().get(identity.partner, identity.partner) as
    string | undefined;
  if (!partner) {
    const codes = (store.db.prepare('SELECT code FROM partner WHERE deleted = 0 ORDER BY position').pluck().all() as string[]).join(', ');
    throw new ValidationError(`Partenaire inconnu : ${identity.partner}. Codes possibles : ${codes}.`, 'partner');
  }
  const person = validatePatch('person', { name: identity.name, function: identity.function || null, partner_id: partner, email: null });
  const existing = store.db
    .prepare('SELECT id FROM person WHERE name = ? AND partner_id = ? AND deleted = 0 ORDER BY id LIMIT 1')
    .pluck()
    .get(person.name, partner) as string | undefined;
  return { id: existing ?? insertRow(store, 'person', person), partner_id: partner };
}

function insertReplicaRow(store: Store, person: { id: string; partner_id: string }, label: string | null): void {
  const replica = validatePatch('replica', { person_id: person.id, partner_id: person.partner_id, label, created_at: new Date().toISOString() });
  insertRow(store, 'replica', replica, store.replicaId);
}
