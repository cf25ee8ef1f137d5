import type { ActionDetail } from '../../../preload/contract';
import { call } from '../../api';
import { navigate } from '../../app/navigation';
import { DeleteButton } from '../../shared/DeleteButton';

export function DeleteActionButton({ action }: { action: ActionDetail }) {
  async function remove() {
    const result = await call('deleteAction', action.id);
    if (result.ok) navigate({ page: 'actions' });
    return result.ok;
  }
  return (
    <DeleteButton label="Supprimer l'action" title="Supprimer cette action ?" remove={remove}>
      L'action «&#x202f;{action.title}&#x202f;» sera supprimée avec ses étapes, ses notes de suivi et ses liens.
    </DeleteButton>
  );
}
