import { Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ActionItemView, AgendaItemView, ChantierSummary, Person } from '../../../preload/contract';
import type { ActionItemKind, ActionStatus } from '../../../common/vocabulary';
import { send, useApiData } from '../../api';
import { FrenchDateInput } from '../../shared/autosave/AutosaveFields';
import { STATUS_OPTIONS } from '../../shared/status';
import { FormActions } from '../../shared/FormActions';

interface Props {
  opened: boolean;
  onClose: () => void;
  agendaItem: AgendaItemView;
  /** Null for a new one. */
  actionItem: ActionItemView | null;
  people: Person[];
  chantiers: ChantierSummary[];
  defaultChantierId: string | null;
}

export function ActionItemModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.actionItem ? "Modifier l'action à mener" : 'Nouvelle action à mener'} size="lg">
      {props.opened && <ActionItemForm {...props} />}
    </Modal>
  );
}

type Field = 'action_id' | 'title' | 'responsable_id' | 'due_date' | 'chantier_id' | 'status';

/** What is to be done, by whom, by when: saved complete, so the responsable is required. */
function ActionItemForm({ onClose, agendaItem, actionItem, people, chantiers, defaultChantierId }: Props) {
  const [kind, setKind] = useState<ActionItemKind>(actionItem?.kind ?? 'nouvelle');
  const [actionId, setActionId] = useState<string | null>(actionItem?.action?.id ?? null);
  const [title, setTitle] = useState(actionItem?.title ?? '');
  const [responsableId, setResponsableId] = useState<string | null>(actionItem?.responsable?.id ?? null);
  const [dueDate, setDueDate] = useState<string | null>(actionItem?.due_date ?? null);
  const [chantierId, setChantierId] = useState<string | null>(actionItem?.chantier_id ?? defaultChantierId);
  const [status, setStatus] = useState<string | null>(actionItem?.status ?? null);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      title: title.trim() || undefined,
      responsable_id: responsableId,
      due_date: dueDate,
      status: (status || null) as ActionStatus | null,
      ...(kind === 'suivi' ? { action_id: actionId } : { chantier_id: chantierId }),
    };
    const result = actionItem ? await send('updateActionItem', actionItem.id, fields) : await send('addActionItem', agendaItem.id, { kind, ...fields });
    if (!result.ok) {
      const field = (['action_id', 'title', 'responsable_id', 'due_date', 'chantier_id', 'status'] as const).find((name) => name === result.error.field);
      return setErrors({ [field ?? 'form']: result.error.message });
    }
    onClose();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!actionItem && (
          <SegmentedControl
            aria-label={fieldLabel('action_item', 'kind')}
            value={kind}
            onChange={(value) => setKind(value as ActionItemKind)}
            data={[
              { value: 'nouvelle', label: 'Nouvelle action' },
              { value: 'suivi', label: 'Action existante' },
            ]}
          />
        )}
        {kind === 'suivi' && (
          <FollowedActionSelect
            current={actionItem?.action ?? null}
            value={actionId}
            onChange={(id, actionTitle) => {
              setActionId(id);
              if (actionTitle && !title) setTitle(actionTitle);
            }}
            error={errors.action_id}
          />
        )}
        <TextInput
          label={kind === 'suivi' ? 'Ce qui est à faire' : fieldLabel('action_item', 'title')}
          required={kind === 'nouvelle'}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={fieldLabel('action_item', 'responsable_id')}
            required
            data={people.map((person) => ({ value: person.id, label: person.name }))}
            value={responsableId}
            onChange={setResponsableId}
            searchable
            error={errors.responsable_id}
            comboboxProps={{ withinPortal: true }}
          />
          <FrenchDateInput label={fieldLabel('action_item', 'due_date')} value={dueDate} onChange={setDueDate} error={errors.due_date} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {kind === 'nouvelle' && (
            <Select
              label={fieldLabel('action_item', 'chantier_id')}
              required
              data={chantiers.map((chantier) => ({ value: chantier.id, label: `${chantier.number}. ${chantier.title}` }))}
              value={chantierId}
              onChange={setChantierId}
              searchable
              error={errors.chantier_id}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Select
            label={fieldLabel('action_item', 'status')}
            placeholder={kind === 'nouvelle' ? 'À venir' : 'Inchangé'}
            data={STATUS_OPTIONS}
            value={status}
            onChange={setStatus}
            clearable
            error={errors.status}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <FormActions submitLabel="Enregistrer" onCancel={onClose} error={errors.form} />
      </Stack>
    </form>
  );
}

/** The action followed up, searched among all actions (the search runs only for a follow-up). */
function FollowedActionSelect({
  current,
  value,
  onChange,
  error,
}: {
  current: { id: string; title: string } | null;
  value: string | null;
  onChange: (id: string | null, title: string | undefined) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const { data: found } = useApiData('queryActions', { search }, { offset: 0, limit: 50 });
  const options = (found?.rows ?? []).map((action) => ({ value: action.id, label: action.title }));
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.title });
  return (
    <Select
      label={fieldLabel('action_item', 'action_id')}
      required
      data={options}
      value={value}
      onChange={(id) => onChange(id, options.find((option) => option.value === id)?.label)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage="Aucune action trouvée"
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
