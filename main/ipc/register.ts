// The IPC boundary: one channel, the method name and its arguments. Each call is checked
// (sender, method, arguments) before its handler runs; every answer is an ApiResult. A write
// first waits for `beforeWrite` (the sync job under way: its transaction holds the file, and
// SQLite would block main, then answer « occupé », after 5 s).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import { API_METHOD_KINDS, API_METHODS, IPC_CHANNEL, type ApiMethod, type ApiResult } from '../../preload/contract';
import { refusal, toApiError, toUserError, ValidationError, type UserError } from '../../db/errors';
import type { Handlers } from './handlers';
import { argsSchemas } from './schemas';

const isApiMethod = (name: unknown): name is ApiMethod => (API_METHODS as readonly unknown[]).includes(name);

export function registerIpc(
  handlers: Handlers,
  isTrustedSender: (sender: WebContents, frameUrl: string | undefined) => boolean,
  toFailure: (error: unknown) => UserError = toUserError,
  beforeWrite: () => Promise<void> = () => Promise.resolve(),
): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url)) {
      return { ok: false, error: toApiError(refusal('forbidden')) };
    }
    if (!isApiMethod(method)) return { ok: false, error: toApiError(refusal('unknown-method', String(method))) };
    const parsed = (argsSchemas[method] as z.ZodType<unknown[]>).safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: toApiError(new ValidationError(issue?.message ?? 'Données invalides.', issue?.path.at(-1)?.toString())) };
    }
    try {
      if (API_METHOD_KINDS[method] === 'write') await beforeWrite();
      const handler = handlers[method] as (...values: unknown[]) => unknown;
      return { ok: true, value: (await handler(...parsed.data)) ?? null };
    } catch (error) {
      const failure = toApiError(toFailure(error));
      if (failure.code === 'internal') console.error(`Erreur dans ${method}`, error);
      return { ok: false, error: failure };
    }
  });
}
