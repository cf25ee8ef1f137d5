// The one door to the main process: nothing else in renderer/ reads window.api.
// `send` answers the raw result, `call` also shows the French error to the user, and
// `useApiData` loads data and reloads it after any mutation or a data change in main.
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { frenchTypography } from '../common/french';
import {
  API_METHOD_KINDS,
  type ApiError,
  type ApiMethod,
  type ApiResult,
  type DataChange,
  type EntenteApi,
  type RendererApi,
  type SyncProgress,
} from '../preload/contract';

declare global {
  interface Window {
    api: RendererApi;
  }
}

type Args<K extends ApiMethod> = Parameters<EntenteApi[K]>;
type Value<K extends ApiMethod> = ReturnType<EntenteApi[K]>;

const changeListeners = new Set<() => void>();
/** Calls that bring other postes' changes, which may overwrite or contradict what a page just did. */
const SYNC_IMPORTS = new Set<ApiMethod>(['importSyncFile', 'importSyncData', 'syncSharedFolderNow', 'importOpenedFile']);
const syncListeners = new Set<() => void>();

function notifyChanged(): void {
  for (const listener of changeListeners) listener();
}

/** Adds a listener to those the renderer calls and to main's data-changed event for these causes; answers the unsubscribe. */
function listen(listeners: Set<() => void>, listener: () => void, causes?: DataChange[]): () => void {
  listeners.add(listener);
  const unsubscribeMain = window.api.onDataChanged((change) => {
    if (!causes || causes.includes(change)) listener();
  });
  return () => {
    listeners.delete(listener);
    unsubscribeMain();
  };
}

/** Listens to local mutations and to changes made behind our back (an import, a tacit validation, a file opened). */
export const subscribeToChanges = (listener: () => void) => listen(changeListeners, listener);

/** Listens only to changes other postes brought: an import, a shared-folder round, in the background or not. */
export const subscribeToSyncChanges = (listener: () => void) => listen(syncListeners, listener, ['sync']);

/** Calls the API without telling the user anything: for fields showing their own error. */
export async function send<K extends ApiMethod>(method: K, ...args: Args<K>): Promise<ApiResult<Value<K>>> {
  let result: ApiResult<Value<K>>;
  try {
    const fn = window.api[method] as (...a: Args<K>) => Promise<ApiResult<Value<K>>>;
    result = await fn(...args);
  } catch (error) {
    // A broken channel is not the user's fault: still answer a French sentence.
    result = { ok: false, error: { code: 'ipc', message: `La demande n'a pas pu aboutir (${String(error)}).` } };
  }
  // The store's sentences use plain spaces; on screen, no line may begin with « : » or « ; ».
  if (!result.ok) result = { ok: false, error: { ...result.error, message: frenchTypography(result.error.message) } };
  // A damaged file found while working: every screen reloads, and the app shows the restore screen.
  if ((result.ok && API_METHOD_KINDS[method] === 'write') || (!result.ok && result.error.code === 'corrupt-database')) notifyChanged();
  if (result.ok && SYNC_IMPORTS.has(method)) for (const listener of [...syncListeners]) listener();
  return result;
}

/** The title of a refusal, where « Action impossible » would say less than the user needs (the journal says the same). */
const FAILURE_TITLES: Partial<Record<ApiMethod, string>> = {
  importSyncFile: 'Import impossible',
  importSyncData: 'Import impossible',
  importOpenedFile: 'Import impossible',
  exportSyncFile: 'Export impossible',
  createInvitation: 'Invitation impossible',
  syncSharedFolderNow: 'Synchronisation impossible',
  chooseSharedFolder: 'Dossier partagé refusé',
  openPreparedEmail: 'Courriel non ouvert',
};

export function showError(error: ApiError, title = 'Action impossible', id?: string): void {
  notifications.show({ id, color: 'red', title, message: error.message, autoClose: 8000 });
}

/**
 * Calls the API and shows a refusal as a notification. A refusal with a title of its own
 * (« Import impossible ») goes away once the same kind of call succeeds: it would otherwise
 * stay beside « Import terminé ».
 */
export async function call<K extends ApiMethod>(method: K, ...args: Args<K>): Promise<ApiResult<Value<K>>> {
  const result = await send(method, ...args);
  const title = FAILURE_TITLES[method];
  const id = title && `echec-${title}`;
  if (!result.ok) showError(result.error, title, id);
  else if (id) notifications.hide(id);
  return result;
}

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  reload: () => void;
}

/**
 * Loads `method(...args)` and reloads it whenever data changes. The previous data stays
 * shown while reloading (no flicker) and an answer older than the latest request is dropped.
 */
export function useApiData<K extends ApiMethod>(method: K, ...args: Args<K>): ApiData<Value<K>> {
  const [state, setState] = useState<{ data?: Value<K>; error?: ApiError }>({});
  const latest = useRef(0);
  // The arguments as a string: a new but equal query object does not reload.
  const key = JSON.stringify(args);

  const reload = useCallback(() => {
    const request = ++latest.current;
    void send(method, ...(JSON.parse(key) as Args<K>)).then((result) => {
      if (request !== latest.current) return;
      setState(result.ok ? { data: result.value } : { error: result.error });
    });
  }, [method, key]);

  useEffect(() => {
    reload();
    return subscribeToChanges(reload);
  }, [reload]);

  return { data: state.data, error: state.error, reload };
}

/** The sync job under way in main (an import, the shared folder…), or null; `onEnd` hears each job end. */
export function useSyncProgress(onEnd: () => void): SyncProgress | null {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(
    () =>
      window.api.onSyncProgress((next) => {
        setProgress(next);
        if (!next) onEnd();
      }),
    [onEnd],
  );
  return progress;
}
