import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../preload/contract';
import { useFormSaver } from './FormSaver';

export interface AutosaveOptions<T> {
  /** The value as stored; the field shows it unless the user's edit is not stored yet. */
  value: T;
  save: (value: T) => Promise<ApiResult<unknown>>;
  /** Field name for the undo history, e.g. « Titre ». */
  label: string;
  /** Milliseconds of quiet before saving while typing; 0 saves at once. */
  delay?: number;
}

export interface Autosave<T> {
  /** What the field shows: the user's pending edit, or the stored value. */
  value: T;
  error: string | undefined;
  /** A change by the user, saved after `delay`. */
  onChange(value: T): void;
  /** Saves a pending change now (on blur, on Enter). */
  flush(): void;
  /** Drops a change not saved yet: what the field went on to hold is refused (« 15 » on the way to « 150 »). */
  cancel(): void;
  /** Drops a change not saved yet and shows the stored value again. */
  revert(): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose last keystrokes wait for the pause in typing: saved at once if the window closes. */
const waiting = new Set<{ current: () => void }>();
window.addEventListener('beforeunload', () => {
  for (const field of [...waiting]) field.current();
});

/**
 * Immediate save of one field: keeps the user's text while it is being saved or when the
 * API refuses it (the French refusal becomes the field's error), and records the undo.
 */
export function useAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const saver = useFormSaver();
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [error, setError] = useState<string>();
  // Timers and saves outlive a render: they read the latest props through this ref.
  const latest = useRef({ ...options, run: saver.run });
  useLayoutEffect(() => {
    latest.current = { ...options, run: saver.run };
  });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<{ value: T } | null>(null);
  const saved = useRef<{ value: T } | null>(null);

  // Once the edit is stored, the stored value takes over from the draft (compared as JSON
  // so that a reloaded array equal to the old one does not count as a change).
  const storedKey = JSON.stringify(options.value);
  useEffect(() => {
    setDraft((current) => (current && saved.current && same(current.value, saved.current.value) ? null : current));
  }, [storedKey]);

  async function commit(next: T) {
    const { value: previous, save, label, run } = latest.current;
    if (same(next, previous)) {
      setError(undefined);
      setDraft(null);
      return;
    }
    const result = await run(
      () => save(next),
      () => ({ label, revert: () => save(previous) }),
    );
    if (result.ok) saved.current = { value: next };
    setError(result.ok ? undefined : result.error.message);
  }

  function flush() {
    waiting.delete(latestFlush);
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (next) void commit(next.value);
  }

  function cancel() {
    waiting.delete(latestFlush);
    clearTimeout(timer.current);
    pending.current = null;
  }

  function revert() {
    cancel();
    setDraft(null);
  }

  function onChange(next: T) {
    setDraft({ value: next });
    saved.current = null;
    pending.current = { value: next };
    clearTimeout(timer.current);
    const { delay = 0 } = latest.current;
    if (delay > 0) {
      timer.current = setTimeout(flush, delay);
      waiting.add(latestFlush);
    } else flush();
  }

  // Leaving the page, or closing the window, still saves what was typed last.
  const latestFlush = useRef(flush);
  useLayoutEffect(() => {
    latestFlush.current = flush;
  });
  useEffect(() => () => latestFlush.current(), []);

  return { value: draft ? draft.value : options.value, error, onChange, flush, cancel, revert };
}
