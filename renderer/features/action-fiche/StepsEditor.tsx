import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ActionDetail, Step } from '../../../preload/contract';
import { send } from '../../api';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { EntryList } from './Entries';
import { AddButton, useNewEntry } from './NewEntryForm';
import { useDraft } from '../../shared/useDraft';
import { useEditInPlace } from '../../shared/useEditInPlace';

/** The ordered checklist of an action: add, tick, rename, move, delete; each undoable. */
export function StepsEditor({ action }: { action: ActionDetail }) {
  const steps = [...action.steps].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="xs">
      <EntryList empty="Aucune étape pour le moment." ordered label="Étapes">
        {steps.map((step, index) => (
          <StepItem key={step.id} step={step} index={index} steps={steps} />
        ))}
      </EntryList>
      <NewStepForm actionId={action.id} />
    </Stack>
  );
}

interface StepItemProps {
  step: Step;
  index: number;
  steps: Step[];
}

function StepItem({ step, index, steps }: StepItemProps) {
  const { perform: act } = useFormSaver();
  const { editing, open, close, opener } = useEditInPlace();
  const name = `«\u202f${step.label}\u202f»`;

  const toggle = () =>
    act(
      () => send('updateStep', step.id, { done: !step.done }),
      () => ({ label: 'Étape cochée', revert: () => send('updateStep', step.id, { done: step.done }) }),
    );
  const move = (direction: 'up' | 'down') =>
    act(
      () => send('moveStep', step.id, direction),
      () => ({ label: 'Ordre des étapes', revert: () => send('moveStep', step.id, direction === 'up' ? 'down' : 'up') }),
    );
  const remove = () =>
    act(
      () => send('deleteStep', step.id),
      () => ({ label: 'Étape supprimée', revert: () => send('restoreDeleted', 'step', step.id) }),
    );

  return (
    <Group component="li" gap="xs" wrap="nowrap" align="center" py={2}>
      {editing ? (
        <RenameStep step={step} index={index} onDone={close} />
      ) : (
        <Checkbox
          style={{ flex: 1 }}
          checked={step.done}
          onChange={() => void toggle()}
          label={
            <Text td={step.done ? 'line-through' : undefined} c={step.done ? 'dimmed' : undefined} size="sm">
              {step.label}
            </Text>
          }
        />
      )}
      {!editing && (
        <Group gap={2} wrap="nowrap">
          <ActionIcon ref={opener} variant="subtle" color="gray" aria-label={`Renommer l'étape ${name}`} onClick={open}>
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" aria-label={`Monter l'étape ${name}`} disabled={index === 0} onClick={() => void move('up')}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Descendre l'étape ${name}`}
            disabled={index === steps.length - 1}
            onClick={() => void move('down')}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label={`Supprimer l'étape ${name}`} onClick={() => void remove()}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}

/** Enter keeps the new name, Escape gives up. */
function RenameStep({ step, index, onDone }: { step: Step; index: number; onDone: () => void }) {
  const { run } = useFormSaver();
  const [label, setLabel] = useState(step.label);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (label === step.label) return onDone();
    const result = await run(
      () => send('updateStep', step.id, { label }),
      () => ({ label: "Intitulé d'une étape", revert: () => send('updateStep', step.id, { label: step.label }) }),
    );
    if (result.ok) onDone();
    else setError(result.error.message);
  }

  return (
    <form onSubmit={submit} style={{ flex: 1 }}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          size="sm"
          label={`${fieldLabel('step', 'label')} ${index + 1}`}
          value={label}
          error={error}
          autoFocus
          onChange={(event) => setLabel(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Escape' && onDone()}
        />
        <Button type="submit" size="sm" variant="light">
          Renommer
        </Button>
        <Button size="sm" variant="default" onClick={onDone}>
          Annuler
        </Button>
      </Group>
    </form>
  );
}

function NewStepForm({ actionId }: { actionId: string }) {
  const [label, setLabel] = useDraft(`step:${actionId}`);
  const { errors, submit, busy } = useNewEntry({
    fields: ['label'],
    add: () => send('addStep', actionId, label.trim()),
    undo: (id) => ({ label: 'Étape ajoutée', revert: () => send('deleteStep', id) }),
    clear: () => setLabel(''),
  });

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput style={{ flex: 1 }} label="Nouvelle étape" value={label} error={errors.label} onChange={(event) => setLabel(event.currentTarget.value)} />
        <AddButton label="Ajouter l'étape" busy={busy} />
      </Group>
    </form>
  );
}
