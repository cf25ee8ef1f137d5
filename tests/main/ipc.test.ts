import { beforeEach, expect, test, vi } from 'vitest';
import { ValidationError } from '../../db/errors';
import type { Handlers } from '../../main/ipc/handlers';
import { IPC_CHANNEL } from '../../preload/contract';

// The IPC boundary alone: ipcMain replaced by a map of handlers this test calls.
const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, handler: never) => registered.set(channel, handler) } }));
const { registerIpc } = await import('../../main/ipc/register');

const trusted = { id: 1 };
const APP_URL = 'file:///app/dist/renderer/index.html';
const updateAction = vi.fn();
const resolveConflict = vi.fn();

beforeEach(() => {
  registered.clear();
  updateAction.mockReset();
  resolveConflict.mockReset();
  registerIpc({ updateAction, resolveConflict } as unknown as Handlers, (sender, url) => sender === (trusted as never) && url === APP_URL);
});

const invoke = (method: unknown, args: unknown, sender: object = trusted, url = APP_URL) =>
  registered.get(IPC_CHANNEL)!({ sender, senderFrame: { url } }, method, args);

test("un appel d'une autre fenêtre ou d'une autre page est refusé sans rien exécuter", async () => {
  expect(await invoke('updateAction', ['a1-1', { progress: 10 }], { id: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await invoke('updateAction', ['a1-1', { progress: 10 }], trusted, 'https://example.org/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(updateAction).not.toHaveBeenCalled();
});

test('une fonction inconnue ou des arguments invalides sont refusés en français', async () => {
  expect(await invoke('eval', [])).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  const wrong = (await invoke('updateAction', ['a1-1', { progress: 'beaucoup' }])) as { ok: false; error: { message: string; field: string } };
  expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', field: 'progress' } });
  expect(wrong.error.message).toMatch(/avancement|nombre/i);
  expect(await invoke('updateAction', ['a1-1', { inconnu: 1 }])).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(updateAction).not.toHaveBeenCalled();
});

test('un refus du magasin arrive tel quel, avec le champ concerné ; un succès rend la valeur', async () => {
  updateAction.mockImplementationOnce(() => {
    throw new ValidationError("L'échéance ne peut pas précéder la date de début.", 'end_date');
  });
  expect(await invoke('updateAction', ['a1-1', { end_date: '2026-01-01' }])).toEqual({
    ok: false,
    error: { code: 'validation', message: "L'échéance ne peut pas précéder la date de début.", field: 'end_date' },
  });
  expect(await invoke('updateAction', ['a1-1', { progress: 30 }])).toEqual({ ok: true, value: null });
  expect(updateAction).toHaveBeenLastCalledWith('a1-1', { progress: 30 });
});

test("une écriture attend la synchronisation en cours (son import tient le fichier) ; une lecture n'attend pas", async () => {
  registered.clear();
  const getAction = vi.fn(() => ({ id: 'a1-1' }));
  let endSync!: () => void;
  const syncUnderWay = new Promise<void>((resolve) => (endSync = resolve));
  registerIpc(
    { updateAction, getAction } as unknown as Handlers,
    () => true,
    undefined,
    () => syncUnderWay,
  );

  const write = invoke('updateAction', ['a1-1', { progress: 30 }]);
  expect(await invoke('getAction', ['a1-1'])).toEqual({ ok: true, value: { id: 'a1-1' } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(updateAction).not.toHaveBeenCalled();
  endSync();
  expect(await write).toEqual({ ok: true, value: null });
  expect(updateAction).toHaveBeenCalledWith('a1-1', { progress: 30 });
});

test("la valeur choisie pour un conflit : ce qu'un champ tient, bornée ; ni cycle ni texte sans fin", async () => {
  const seen = [['poste-1', 3]];
  expect(await invoke('resolveConflict', ['action', 'a1-1', 'finalites', ['territoire_partage'], seen])).toEqual({ ok: true, value: null });
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(await invoke('resolveConflict', ['action', 'a1-1', 'title', cyclic, seen])).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(await invoke('resolveConflict', ['action', 'a1-1', 'title', 'x'.repeat(100_001), seen])).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(resolveConflict).toHaveBeenCalledTimes(1);
});
