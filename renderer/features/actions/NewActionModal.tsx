import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { send, useApiData } from '../../api';
import { navigate } from '../../app/navigation';
import { FormActions } from '../../shared/FormActions';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The chantier pre-selected (from a chantier page). */
  chantierId?: string;
}

/** Chantier + titre, then the new action's fiche opens for the rest. */
export function NewActionModal({ opened, onClose, chantierId }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nouvelle action" size="lg">
      {/* Mounted only while open: each opening starts from an empty form. */}
      {opened && <NewActionForm chantierId={chantierId} onClose={onClose} />}
    </Modal>
  );
}

function NewActionForm({ chantierId, onClose }: Omit<Props, 'opened'>) {
  const { data: chantiers } = useApiData('listChantiers');
  const [chantier, setChantier] = useState<string | null>(chantierId ?? null);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<{ chantier?: string; title?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      chantier: chantier ? undefined : 'Choisissez le chantier.',
      title: title.trim() ? undefined : "Le titre de l'action ne peut pas être vide.",
    };
    setErrors(missing);
    if (!chantier || missing.title) return;
    setBusy(true);
    const result = await send('createAction', { chantier_id: chantier, title: title.trim() });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.field === 'chantier_id' ? { chantier: result.error.message } : { title: result.error.message });
      return;
    }
    onClose();
    navigate({ page: 'action', id: result.value });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={fieldLabel('action', 'chantier_id')}
          required
          data={(chantiers ?? []).map((c) => ({ value: c.id, label: `${c.number}. ${c.title}` }))}
          value={chantier}
          onChange={setChantier}
          error={errors.chantier}
          placeholder="Choisir le chantier"
          comboboxProps={{ withinPortal: true }}
          data-autofocus={chantierId ? undefined : true}
        />
        <TextInput
          label={fieldLabel('action', 'title')}
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          data-autofocus={chantierId ? true : undefined}
        />
        <FormActions submitLabel="Créer l'action" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
