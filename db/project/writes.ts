// The project's own fields.
import type { Store } from '../store/store';
import { getProject } from './reads';
import { updateRow, validatePatch } from '../store/rows';

export function updateProjectName(store: Store, name: string): void {
  updateRow(store, 'project', getProject(store).id, validatePatch('project', { name }));
}
