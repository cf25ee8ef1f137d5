import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { fieldLabel } from '../../../common/fields';
import type { ActionDetail, Note } from '../../../preload/contract';
import { send } from '../../api';
import { AutosaveDate, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { formatDate, todayIso } from '../../shared/format';
import { NoEntries } from './Entries';
import { NewEntryForm, useNewEntry } from './NewEntryForm';
import { useDraft } from '../../shared/useDraft';
import { useEditInPlace } from '../../shared/useEditInPlace';

/** Dated notes with their author, newest first; a new note is dated today. */
export function NotesEditor({ action }: { action: ActionDetail }) {
  const notes = [...action.notes].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Stack gap="sm">
      <NewNoteForm actionId={action.id} />
      {notes.length === 0 && <NoEntries>Aucune note de suivi pour le moment.</NoEntries>}
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} />
      ))}
    </Stack>
  );
}

function NoteItem({ note }: { note: Note }) {
  const { perform } = useFormSaver();
  const { editing, open, close, opener, editor } = useEditInPlace();
  const when = formatDate(note.date);

  const remove = () =>
    perform(
      () => send('deleteNote', note.id),
      () => ({ label: 'Note supprimée', revert: () => send('restoreDeleted', 'note', note.id) }),
    );

  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={`Note du ${when}`}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text size="sm" fw={600}>
          {when}
          <Text span size="sm" c="dimmed" fw={400}>
            {' · '}
            {note.author_name ?? 'Auteur inconnu'}
          </Text>
        </Text>
        {!editing && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon ref={opener} variant="subtle" color="gray" aria-label={`Modifier la note du ${when}`} onClick={open}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Supprimer la note du ${when}`} onClick={() => void remove()}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {editing ? (
        // Escape closes it, as « Terminer » does: each field saves itself as it is typed.
        <Stack gap="xs" ref={editor} onKeyDown={(event) => event.key === 'Escape' && !event.defaultPrevented && close()}>
          <AutosaveText
            label={fieldLabel('note', 'text')}
            required
            multiline
            value={note.text}
            save={(text) => send('updateNote', note.id, { text: text ?? '' })}
          />
          <Group align="flex-end" justify="space-between">
            <AutosaveDate label={fieldLabel('note', 'date')} value={note.date} save={(date) => send('updateNote', note.id, { date: date ?? undefined })} />
            <Button variant="default" onClick={close}>
              Terminer
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.text}
        </Text>
      )}
    </Paper>
  );
}

/** Ctrl+Entrée adds the note too (Entrée alone starts a new line). */
function NewNoteForm({ actionId }: { actionId: string }) {
  const [text, setText] = useDraft(`note:${actionId}`);
  const { errors, submit, busy } = useNewEntry({
    fields: ['text'],
    add: () => send('addNote', actionId, { text: text.trim(), date: todayIso() }),
    undo: (id) => ({ label: 'Note ajoutée', revert: () => send('deleteNote', id) }),
    clear: () => setText(''),
  });

  return (
    <NewEntryForm submit={submit} busy={busy} label="Ajouter la note">
      <Textarea
        label="Nouvelle note"
        description={`Datée d'aujourd'hui, ${formatDate(todayIso())} · Ctrl+Entrée pour l'ajouter`}
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        error={errors.text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
      />
    </NewEntryForm>
  );
}
