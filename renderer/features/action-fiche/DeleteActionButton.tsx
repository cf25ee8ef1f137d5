import type { ActionDetail } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { navigate } from '../../app/navigation';
import { DeleteButton } from '../../shared/DeleteButton';

export function DeleteActionButton({ action }: { action: ActionDetail }) {
  const { data: piste } = useApiData('getPisteOfAction', action.id);
  async function remove() {
    const result = await call('deleteAction', action.id);
    if (result.ok) navigate({ page: 'actions' });
    return result.ok;
  }
  return (
    <DeleteButton label="Supprimer l'action" title="Supprimer cette action ?" remove={remove}>
      L'action «&#x202f;{action.title}&#x202f;» sera supprimée avec ses étapes, ses notes de suivi et ses liens.
      {piste &&
        ` Elle est née de la piste ${piste.reference}, retenue par le comité\u202f: la piste restera retenue, sans action, jusqu'à ce que l'action soit rétablie (depuis la page de la piste).`}
    </DeleteButton>
  );
}
