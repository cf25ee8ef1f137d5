// The project this laptop belongs to.
import { refusal } from '../errors';
import type { Store } from '../store/store';
import { requireRow } from '../store/rows';

export function getProject(store: Store): { id: string; name: string } {
  const id = store.projectId;
  if (!id) throw refusal('no-project');
  const { name } = requireRow(store, 'project', id);
  return { id, name };
}
