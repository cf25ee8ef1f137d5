import { ActionIcon, Badge, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AgendaItemView, EntryView } from '../../../preload/contract';
import { ENTRY_KIND_LABELS, type EntryKind } from '../../../common/vocabulary';
import { call, send } from '../../api';
import { AutosaveText } from '../../shared/autosave/AutosaveFields';
import { RemoveButton } from '../../shared/RemoveButton';
import { useDraft } from '../../shared/useDraft';

/** Informations and décisions of a point; décisions are numbered across the whole compte rendu. */
export function EntriesEditor({ item, disabled }: { item: AgendaItemView; disabled: boolean }) {
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Informations et décisions
      </Text>
      {item.entries.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune pour ce point.
        </Text>
      )}
      {item.entries.map((entry, index) => (
        <EntryRow key={entry.id} entry={entry} disabled={disabled} first={index === 0} last={index === item.entries.length - 1} />
      ))}
      {!disabled && <NewEntryForm item={item} />}
    </Stack>
  );
}

function entryName(entry: EntryView): string {
  return entry.kind === 'decision' ? `Décision n°\u00a0${entry.number}` : 'Information';
}

function EntryRow({ entry, disabled, first, last }: { entry: EntryView; disabled: boolean; first: boolean; last: boolean }) {
  const name = entryName(entry);
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs">
      <Badge variant="filled" color={entry.kind === 'decision' ? 'blue.8' : 'gray.7'} radius="sm" mt={6} w={120} style={{ flexShrink: 0 }}>
        {name}
      </Badge>
      <div style={{ flex: 1 }}>
        <AutosaveText
          label={name}
          hiddenLabel
          multiline
          required={!disabled}
          value={entry.text}
          save={(text) => send('updateEntry', entry.id, { text: text ?? '' })}
          disabled={disabled}
        />
      </div>
      {!disabled && (
        <Group gap={2} wrap="nowrap" mt={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Monter\u202f: ${name}`}
            disabled={first}
            onClick={() => void call('moveEntry', entry.id, 'up')}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Descendre\u202f: ${name}`}
            disabled={last}
            onClick={() => void call('moveEntry', entry.id, 'down')}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <RemoveButton
            label={`Supprimer\u202f: ${name}`}
            remove={() => send('deleteEntry', entry.id)}
            undo={{ label: `${name} supprimée`, revert: () => send('restoreDeleted', 'entry', entry.id) }}
          />
        </Group>
      )}
    </Group>
  );
}

function NewEntryForm({ item }: { item: AgendaItemView }) {
  const [kind, setKind] = useState<EntryKind>('decision');
  const [text, setText] = useDraft(`entry:${item.id}`);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send('addEntry', item.id, { kind, text: text.trim() });
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setText('');
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Ajouter une information ou une décision au point ${item.number}`}>
      <Stack gap={6}>
        <SegmentedControl
          aria-label={`Type d'entrée du point ${item.number}`}
          value={kind}
          onChange={(value) => setKind(value as EntryKind)}
          data={[
            { value: 'decision', label: ENTRY_KIND_LABELS.decision },
            { value: 'information', label: ENTRY_KIND_LABELS.information },
          ]}
          w={260}
          size="xs"
        />
        <Group align="flex-start" gap="xs">
          <Textarea
            label={kind === 'decision' ? `Nouvelle décision (point ${item.number})` : `Nouvelle information (point ${item.number})`}
            autosize
            minRows={2}
            description="Ctrl+Entrée pour l'ajouter"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            // As for a note of the fiche: Entrée starts a new line, Ctrl+Entrée adds it.
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
            }}
            error={error}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default" mt={42} leftSection={<IconPlus size={16} aria-hidden />}>
            Ajouter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
