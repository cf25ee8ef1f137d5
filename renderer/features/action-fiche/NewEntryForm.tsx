import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiResult } from '../../../preload/contract';
import { useFormSaver, type UndoEntry } from '../../shared/autosave/FormSaver';

/** Why an entry was not added: the form's own check or the API's refusal, and the field it names, if any. */
export interface Refusal {
  message: string;
  field?: string;
}

interface NewEntry<F extends string> {
  /** The fields that show a refusal under them; the first also shows those that name none of them. */
  fields: readonly [F, ...F[]];
  /** The form's own check, before the API is asked. */
  check?: () => Refusal | undefined;
  add: () => Promise<ApiResult<string>>;
  undo: (id: string) => UndoEntry;
  /** Empties the fields the next entry will not share. */
  clear: () => void;
}

/**
 * The add form under one of the fiche's lists (a step, a budget line, a value…): checked, then
 * added with its undo; a refusal shown under its field, a success clears the form for the next one.
 */
export function useNewEntry<const F extends string>({ fields, check, add, undo, clear }: NewEntry<F>) {
  const { run } = useFormSaver();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  // A second click while adding would add the entry twice.
  const [busy, setBusy] = useState(false);

  const show = (refusal: Refusal) => {
    const field = fields.find((name) => name === refusal.field) ?? fields[0];
    setErrors({ [field]: refusal.message } as Partial<Record<F, string>>);
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const refused = check?.();
    if (refused) return show(refused);
    setBusy(true);
    const result = await run(add, undo);
    setBusy(false);
    if (!result.ok) return show(result.error);
    setErrors({});
    clear();
  }

  /** A field changed since its refusal: its sentence goes (a date corrected). */
  const changed = (field: F) => setErrors((current) => (current[field] === undefined ? current : { ...current, [field]: undefined }));

  return { errors, submit, busy, changed };
}

/** The form's fields, then its add button on the right. */
export function NewEntryForm({
  submit,
  busy,
  label,
  children,
}: {
  submit: (event: FormEvent) => Promise<void>;
  busy: boolean;
  label: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={(event) => void submit(event)}>
      {children}
      <Group justify="flex-end" mt="xs">
        <AddButton label={label} busy={busy} />
      </Group>
    </form>
  );
}

/** « + Ajouter … », the form's submit; the steps' form has it on the field's line. */
export function AddButton({ label, busy }: { label: string; busy: boolean }) {
  return (
    <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={busy}>
      {label}
    </Button>
  );
}
