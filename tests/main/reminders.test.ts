// The id the app's notifications carry on Windows is the one the installer gives its shortcut (main/reminders.ts).
import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, Notification: {} }));
const { WINDOWS_APP_ID } = await import('../../main/reminders');

test("les notifications portent l'identifiant du raccourci créé par l'installateur", () => {
  const builder = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
  expect(/^appId: (\S+)$/m.exec(builder)?.[1]).toBe(WINDOWS_APP_ID);
});
