// The preload exposes the contract's functions by name, and nothing else: the renderer
// never sees ipcRenderer. Runs sandboxed, so it may only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, DATA_CHANGED_CHANNEL, IPC_CHANNEL, SYNC_PROGRESS_CHANNEL, type DataChange, type RendererApi, type SyncProgress } from './contract';

const api = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNEL, method, args)])) as Omit<
  RendererApi,
  'onDataChanged' | 'onSyncProgress'
>;

/** A listener on a channel main pushes to; returns its unsubscribe. */
function listen<T extends unknown[]>(channel: string, listener: (...args: T) => void): () => void {
  const wrapped = (_event: unknown, ...args: unknown[]) => listener(...(args as T));
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

contextBridge.exposeInMainWorld('api', {
  ...api,
  onDataChanged: (listener: (change: DataChange) => void) => listen<[DataChange]>(DATA_CHANGED_CHANNEL, (change) => listener(change)),
  onSyncProgress: (listener: (progress: SyncProgress | null) => void) => listen<[SyncProgress | null]>(SYNC_PROGRESS_CHANNEL, (progress) => listener(progress)),
} satisfies RendererApi);
