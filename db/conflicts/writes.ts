// Settling a conflict (docs/sync.md): the value a person chose, written as one change that
// supersedes every live version.
import { ValidationError, refusal } from '../errors';
import { validatePatch } from '../store/rows';
import { fieldSchema, isEntityName, type EntityName } from '../store/schema';
import { isDeleteMark, type VersionRef } from '../store/changelog';
import type { Edit, Store } from '../store/store';

/**
 * Settles a conflict with the value a person chose (one of the versions, or a merged value):
 * a change that supersedes every live version, so the choice applies everywhere. For the
 * field `deleted`, true confirms the delete and false keeps the row, with what the delete took with it. With `seen`, the versions
 * the person chose among: if others are live now (one arrived by sync while they chose, or the
 * conflict was settled elsewhere), nothing is written, so that no version is replaced unseen.
 * For `deleted`, `seen` holds also the edits the delete had not seen (ConflictView.unseen).
 */
export function resolveConflict(store: Store, entity: string, rowId: string, field: string, value: unknown, seen?: VersionRef[]): void {
  if (!isEntityName(entity)) throw refusal('unknown-entity', entity);
  const known = store.db.prepare('SELECT 1 FROM changes WHERE entity = ? AND row_id = ? LIMIT 1').pluck().get(entity, rowId);
  if (!known) throw refusal('unknown-row', rowId);
  if (seen) {
    const key = (origin: string, seq: number) => `${origin}:${seq}`;
    const live = store.log.liveVersions(entity, rowId, field).map((version) => key(version.origin, version.seq));
    // For a delete, what it had not seen was on screen too: a note arrived since is not hidden unseen.
    if (field === 'deleted') {
      for (const row of store.log.unseenByDelete(entity, rowId)) {
        for (const version of row.versions) if (!version.seen) live.push(key(version.origin, version.seq));
      }
    }
    const chosenAmong = new Set(seen.map(([origin, seq]) => key(origin, seq)));
    if (live.length !== chosenAmong.size || live.some((version) => !chosenAmong.has(version))) throw refusal('conflict-changed');
  }
  if (field === 'deleted') {
    if (typeof value !== 'boolean') throw new ValidationError('Choisissez de supprimer ou de garder la ligne.', field);
    store.write([{ entity, rowId, field, value }, ...(value ? [] : deletedWithIt(store, entity, rowId))]);
    return;
  }
  if (!fieldSchema(entity, field)) throw new ValidationError(`Champ inconnu : ${field}.`, field);
  const parsed = validatePatch(entity, { [field]: value }) as Record<string, unknown>;
  store.write([{ entity, rowId, field, value: field in parsed ? parsed[field] : null }]);
}

/**
 * Keeping a row keeps what its delete took with it: the rows that go with it (the points,
 * décisions and participants of a meeting) deleted by the same write, and by nothing else.
 */
function deletedWithIt(store: Store, entity: EntityName, rowId: string): Edit[] {
  const marks = (versions: { origin: string; seq: number; value: string }[]) =>
    versions.flatMap(({ origin, seq, value }) => {
      const mark = JSON.parse(value) as unknown;
      return isDeleteMark(mark) ? [{ origin, seq, vv: mark.vv }] : [];
    });
  const parentMarks = marks(store.log.liveVersions(entity, rowId, 'deleted'));
  // Written together: by the same poste, after the parent's, with nothing else received in between.
  const sameWrite = (child: { origin: string; seq: number; vv: Record<string, number> }) =>
    parentMarks.some(
      (parent) =>
        child.origin === parent.origin &&
        child.seq > parent.seq &&
        [...new Set([...Object.keys(parent.vv), ...Object.keys(child.vv)])].every(
          (origin) => origin === parent.origin || (parent.vv[origin] ?? 0) === (child.vv[origin] ?? 0),
        ),
    );
  return store.log.dependentRows(entity, rowId).flatMap((row) => {
    const versions = store.log.liveVersions(row.entity, row.rowId, 'deleted');
    const childMarks = marks(versions);
    return childMarks.length > 0 && childMarks.length === versions.length && childMarks.every(sameWrite)
      ? [{ entity: row.entity, rowId: row.rowId, field: 'deleted', value: false }]
      : [];
  });
}
