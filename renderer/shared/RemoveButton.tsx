import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ApiResult } from '../../preload/contract';
import { useFormSaver, type UndoEntry } from './autosave/FormSaver';

/** A row's delete button (a budget line, a value, a document…), undone like every edit of the page (Ctrl+Z, « Annuler »). */
export function RemoveButton({ label, remove, undo }: { label: string; remove: () => Promise<ApiResult<void>>; undo: UndoEntry }) {
  const { perform } = useFormSaver();
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => void perform(remove, () => undo)}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}
