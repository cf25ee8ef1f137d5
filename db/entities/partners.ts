// The partners of the cooperation (two Départements by default, or more) and the project.
import { UserError, ValidationError } from '../errors';
import { cached } from '../statements';
import type { Store } from '../store';
import type { Partner, PartnerInput } from '../types';
import { insertRow, requireRow, updateRow, validatePatch } from './rows';

function checkCodeFree(store: Store, code: string, exceptId?: string): void {
  const other = store.db
    .prepare('SELECT short_name FROM partner WHERE code = ? AND deleted = 0 AND id IS NOT ?')
    .pluck()
    .get(code, exceptId ?? null) as string | undefined;
  if (other !== undefined) throw new ValidationError(`Le code ${code} est déjà utilisé par le partenaire ${other}.`, 'code');
}

export function listPartners(store: Store): Partner[] {
  return cached(store, 'SELECT id, code, name, short_name, position FROM partner WHERE deleted = 0 ORDER BY position, id').all() as Partner[];
}

export function createPartner(store: Store, input: PartnerInput): string {
  const fields = validatePatch('partner', input as unknown as Record<string, unknown>);
  if (fields.code) checkCodeFree(store, fields.code);
  const last = store.db.prepare('SELECT max(position) FROM partner WHERE deleted = 0').pluck().get() as number | null;
  return insertRow(store, 'partner', { ...fields, position: (last ?? 0) + 1 });
}

export function updatePartner(store: Store, id: string, patch: Partial<PartnerInput>): void {
  const fields = validatePatch('partner', patch);
  if (fields.code !== undefined) checkCodeFree(store, fields.code, id);
  updateRow(store, 'partner', id, fields);
}

export function getProject(store: Store): { id: string; name: string } {
  const id = store.projectId;
  if (!id) throw new UserError('no-project', "Ce poste n'a pas encore de projet : terminez le premier démarrage.");
  const { name } = requireRow(store, 'project', id);
  return { id, name };
}

export function updateProjectName(store: Store, name: string): void {
  updateRow(store, 'project', getProject(store).id, validatePatch('project', { name }));
}
