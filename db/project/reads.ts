// The project this laptop belongs to.
import { UserError } from '../errors';
import type { Store } from '../store/store';
import { requireRow } from '../store/rows';

export function getProject(store: Store): { id: string; name: string } {
  const id = store.projectId;
  if (!id) throw new UserError('no-project', "Ce poste n'a pas encore de projet : terminez le premier démarrage.");
  const { name } = requireRow(store, 'project', id);
  return { id, name };
}
