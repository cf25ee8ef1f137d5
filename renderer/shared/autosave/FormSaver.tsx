// One FormSaver per editable page: it runs the page's saves, tells whether the last one is
// « Enregistré », and remembers how to undo each successful edit (newest first), until a
// sync brings changes: undoing then could write an old value over a newer one, or settle
// unseen a conflict the sync revealed.
import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiResult } from '../../../preload/contract';
import { showError, subscribeToSyncChanges } from '../../api';

export type Save = () => Promise<ApiResult<unknown>>;

export interface UndoEntry {
  /** What the edit changed, e.g. « Statut »: shown on the undo button's tooltip. */
  label: string;
  /** Writes the previous value back. */
  revert: Save;
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface FormSaver {
  status: SaveStatus;
  /**
   * Runs a save and, on success, records how to undo it (built from the saved value, e.g.
   * the id of a new step). Resolves with the API's answer.
   */
  run<T>(save: () => Promise<ApiResult<T>>, undo?: (value: T) => UndoEntry | null): Promise<ApiResult<T>>;
  /** run, showing a refusal as a notification: for buttons, which have no field to show it on. */
  perform<T>(save: () => Promise<ApiResult<T>>, undo?: (value: T) => UndoEntry | null): Promise<ApiResult<T>>;
  /**
   * Whether a field holds what it refused before any save (a date that does not exist, an
   * avancement of 150 %): while one does, the page says « Non enregistré ». `field` is the
   * field's own key (useId).
   */
  holdsRefused(field: string, refused: boolean): void;
  /** The edit the next undo would revert. */
  lastEdit: UndoEntry | undefined;
  /** The edits made before a sync brought changes, which no longer undo. */
  undoneBySync: boolean;
  undo(): Promise<void>;
}

const UNDO_DEPTH = 50;

export const SYNC_CLEARED_UNDO =
  "Une synchronisation a apporté des modifications depuis les vôtres\u202f: elles ne s'annulent plus ici, pour ne pas effacer une valeur plus récente ni régler un conflit sans le voir. Modifiez le champ directement.";

const FormSaverContext = createContext<FormSaver | null>(null);

export function FormSaverProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [history, setHistoryState] = useState<UndoEntry[]>([]);
  // Read through a ref too: two quick Ctrl+Z must revert two different edits.
  const historyRef = useRef(history);
  const setHistory = useCallback((entries: UndoEntry[]) => {
    historyRef.current = entries;
    setHistoryState(entries);
  }, []);
  const pending = useRef(0);
  const failed = useRef(false);
  const [undoneBySync, setUndoneBySync] = useState(false);

  useEffect(
    () =>
      subscribeToSyncChanges(() => {
        if (historyRef.current.length === 0) return;
        setHistory([]);
        setUndoneBySync(true);
      }),
    [setHistory],
  );

  const track = useCallback(async <T,>(save: () => Promise<ApiResult<T>>) => {
    pending.current += 1;
    setStatus('saving');
    const result = await save();
    pending.current -= 1;
    failed.current ||= !result.ok;
    if (pending.current === 0) {
      setStatus(failed.current ? 'error' : 'saved');
      failed.current = false;
    }
    return result;
  }, []);

  const run = useCallback(
    async <T,>(save: () => Promise<ApiResult<T>>, undo?: (value: T) => UndoEntry | null) => {
      const result = await track(save);
      // Null: nothing was done (a dialog cancelled), nothing to undo.
      const entry = result.ok && undo ? undo(result.value) : null;
      if (entry) {
        setHistory([entry, ...historyRef.current].slice(0, UNDO_DEPTH));
        setUndoneBySync(false);
      }
      return result;
    },
    [track, setHistory],
  );

  const perform = useCallback(
    async <T,>(save: () => Promise<ApiResult<T>>, undo?: (value: T) => UndoEntry | null) => {
      const result = await run(save, undo);
      if (!result.ok) showError(result.error);
      return result;
    },
    [run],
  );

  const undo = useCallback(async () => {
    const [last, ...older] = historyRef.current;
    if (!last) {
      if (undoneBySync) notifications.show({ color: 'blue', title: 'Rien à annuler', message: SYNC_CLEARED_UNDO, autoClose: 8000 });
      return;
    }
    setHistory(older);
    const result = await track(last.revert);
    if (!result.ok) showError(result.error);
  }, [track, setHistory, undoneBySync]);

  const [refusing, setRefusing] = useState<ReadonlySet<string>>(new Set());
  const holdsRefused = useCallback((field: string, refused: boolean) => {
    setRefusing((current) => {
      if (current.has(field) === refused) return current;
      const next = new Set(current);
      if (refused) next.add(field);
      else next.delete(field);
      return next;
    });
  }, []);

  const saver = useMemo(
    () => ({ status: refusing.size > 0 ? ('error' as const) : status, run, perform, holdsRefused, lastEdit: history[0], undoneBySync, undo }),
    [status, refusing, run, perform, holdsRefused, history, undoneBySync, undo],
  );
  return <FormSaverContext.Provider value={saver}>{children}</FormSaverContext.Provider>;
}

export function useFormSaver(): FormSaver {
  const saver = useContext(FormSaverContext);
  if (!saver) throw new Error('useFormSaver outside of a FormSaverProvider');
  return saver;
}
