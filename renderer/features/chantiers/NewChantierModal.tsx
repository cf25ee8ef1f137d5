import { Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { STAGE_LABELS, STAGES, type Stage } from '../../../common/vocabulary';
import { send } from '../../api';
import { navigate } from '../../app/navigation';
import { FormActions } from '../../shared/FormActions';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Proposed number: the next after the last chantier. */
  nextNumber: number;
}

const STAGE_OPTIONS = STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));

/** Numéro, titre, stade (and a description), then the new chantier's page opens. */
export function NewChantierModal({ opened, onClose, nextNumber }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nouveau chantier" size="lg">
      {opened && <NewChantierForm nextNumber={nextNumber} onClose={onClose} />}
    </Modal>
  );
}

type Errors = Partial<Record<'number' | 'title' | 'description', string>>;

function NewChantierForm({ nextNumber, onClose }: Omit<Props, 'opened'>) {
  const [number, setNumber] = useState<number | string>(nextNumber);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [stage, setStage] = useState<Stage>('decouverte');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await send('createChantier', {
      number: typeof number === 'number' ? number : Number.NaN,
      title: title.trim(),
      description: description.trim() || null,
      stage,
    });
    setBusy(false);
    if (!result.ok) {
      const field = (['number', 'description'] as const).find((name) => name === result.error.field) ?? 'title';
      setErrors({ [field]: result.error.message });
      return;
    }
    onClose();
    navigate({ page: 'chantier', id: result.value });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <NumberInput
            label={fieldLabel('chantier', 'number')}
            required
            min={1}
            allowDecimal={false}
            value={number}
            onChange={setNumber}
            error={errors.number}
          />
          <Select
            label={fieldLabel('chantier', 'stage')}
            data={STAGE_OPTIONS}
            value={stage}
            onChange={(value) => value && setStage(value as Stage)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <TextInput
          label={fieldLabel('chantier', 'title')}
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label={fieldLabel('chantier', 'description')}
          autosize
          minRows={3}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
        />
        <FormActions submitLabel="Créer le chantier" onCancel={onClose} busy={busy} />
      </Stack>
    </form>
  );
}
