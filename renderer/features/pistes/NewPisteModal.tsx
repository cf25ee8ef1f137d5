import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { send } from '../../api';
import { useAppState } from '../../app/AppContext';
import { navigate } from '../../app/navigation';
import { FormActions } from '../../shared/FormActions';

/** Intitulé + partenaire qui propose, then the new piste's fiche opens for the rest. */
export function NewPisteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nouvelle piste" size="lg">
      {/* Mounted only while open: each opening starts from an empty form. */}
      {opened && <NewPisteForm onClose={onClose} />}
    </Modal>
  );
}

function NewPisteForm({ onClose }: { onClose: () => void }) {
  const { partners, me } = useAppState();
  const [title, setTitle] = useState('');
  const [partner, setPartner] = useState<string | null>(me.partner_id);
  const [errors, setErrors] = useState<{ title?: string; partner?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      title: title.trim() ? undefined : "L'intitulé de la piste ne peut pas être vide.",
      partner: partner ? undefined : 'Choisissez le partenaire qui propose la piste.',
    };
    setErrors(missing);
    if (!partner || missing.title) return;
    setBusy(true);
    const result = await send('createPiste', { title: title.trim(), proposed_by_partner_id: partner });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.field === 'proposed_by_partner_id' ? { partner: result.error.message } : { title: result.error.message });
      return;
    }
    onClose();
    navigate({ page: 'piste', id: result.value });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={fieldLabel('piste', 'title')}
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <Select
          label={fieldLabel('piste', 'proposed_by_partner_id')}
          required
          data={partners.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={partner}
          onChange={setPartner}
          error={errors.partner}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <FormActions submitLabel="Créer la piste" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
