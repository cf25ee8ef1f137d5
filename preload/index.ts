// The preload exposes the contract's functions by name, and nothing else: the renderer
// never sees ipcRenderer. Runs sandboxed, so it may only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, DATA_CHANGED_CHANNEL, IPC_CHANNEL, type RendererApi } from './contract';

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNEL, method, args)]),
) as Omit<RendererApi, 'onDataChanged'>;

contextBridge.exposeInMainWorld('api', {
  ...api,
  onDataChanged(listener: () => void) {
    const wrapped = () => listener();
    ipcRenderer.on(DATA_CHANGED_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(DATA_CHANGED_CHANNEL, wrapped);
  },
} satisfies RendererApi);
