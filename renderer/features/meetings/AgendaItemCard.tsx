import { ActionIcon, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { fieldLabel } from '../../../common/fields';
import type { AgendaItemPatch, AgendaItemView } from '../../../preload/contract';
import { call, send, useApiData } from '../../api';
import { AutosaveNumber, AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { ActionItemsEditor } from './ActionItemsEditor';
import { EntriesEditor } from './EntriesEditor';
import { frenchTime } from '../../../common/french';
import type { MeetingProps } from './MeetingPage';

interface Props extends MeetingProps {
  item: AgendaItemView;
  first: boolean;
  last: boolean;
}

/** One point of the ordre du jour: its heading fields, notes, informations and décisions, actions à mener. */
export function AgendaItemCard({ meeting, people, chantiers, item, first, last }: Props) {
  const disabled = meeting.read_only;
  const update = (patch: AgendaItemPatch) => send('updateAgendaItem', item.id, patch);
  const name = `point ${item.number}`;
  const chantierOptions = chantiers.map((chantier) => ({ value: chantier.id, label: `${chantier.number}. ${chantier.title}` }));

  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={`point-${item.id}`}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={3} size="h5" id={`point-${item.id}`}>
          {item.number}. {item.title}
          <Text span size="sm" c="dimmed" fw={400}>
            {' · '}
            {frenchTime(item.planned_start)}
            {item.duration_minutes ? `, ${item.duration_minutes} min` : ''}
          </Text>
        </Title>
        {!disabled && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Monter le ${name}`}
              disabled={first}
              onClick={() => void call('moveAgendaItem', item.id, 'up')}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Descendre le ${name}`}
              disabled={last}
              onClick={() => void call('moveAgendaItem', item.id, 'down')}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Supprimer le ${name}`} onClick={() => void call('deleteAgendaItem', item.id)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <AutosaveText
            label={`${fieldLabel('agenda_item', 'title')} ${item.number}`}
            required
            value={item.title}
            save={(title) => update({ title: title ?? '' })}
            disabled={disabled}
          />
          <AutosaveText label={fieldLabel('agenda_item', 'presenter')} value={item.presenter} save={(presenter) => update({ presenter })} disabled={disabled} />
          <AutosaveNumber
            label={fieldLabel('agenda_item', 'duration_minutes')}
            suffix=" min"
            min={0}
            max={1440}
            value={item.duration_minutes ?? 0}
            save={(minutes) => update({ duration_minutes: minutes || null })}
            disabled={disabled}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <AutosaveSelect
            label={fieldLabel('agenda_item', 'chantier_id')}
            data={chantierOptions}
            clearable
            value={item.chantier?.id ?? null}
            save={(chantier_id) => update({ chantier_id })}
            disabled={disabled}
          />
          {item.chantier ? (
            <LinkedActionSelect item={item} chantierId={item.chantier.id} save={(action_id) => update({ action_id })} disabled={disabled} />
          ) : (
            <Select label={fieldLabel('agenda_item', 'action_id')} data={[]} placeholder="Choisissez d'abord le chantier" disabled />
          )}
        </SimpleGrid>
        <AutosaveText
          label={`${fieldLabel('agenda_item', 'notes')} du ${name}`}
          multiline
          value={item.notes}
          save={(notes) => update({ notes })}
          disabled={disabled}
        />
        <EntriesEditor item={item} disabled={disabled} />
        <ActionItemsEditor meeting={meeting} people={people} chantiers={chantiers} item={item} />
      </Stack>
    </Paper>
  );
}

/** The actions of the point's chantier (a chantier holds dozens, not thousands). */
function LinkedActionSelect({
  item,
  chantierId,
  save,
  disabled,
}: {
  item: AgendaItemView;
  chantierId: string;
  save: (actionId: string | null) => ReturnType<typeof send>;
  disabled: boolean;
}) {
  const { data: actions } = useApiData('queryActions', { chantier_ids: [chantierId] }, { offset: 0, limit: 1000 });
  const options = (actions?.rows ?? []).map((action) => ({ value: action.id, label: action.title }));
  if (item.action && !options.some((option) => option.value === item.action!.id)) options.push({ value: item.action.id, label: item.action.title });
  return (
    <AutosaveSelect
      label={fieldLabel('agenda_item', 'action_id')}
      data={options}
      clearable
      placeholder="Aucune"
      value={item.action?.id ?? null}
      save={save}
      disabled={disabled}
    />
  );
}
