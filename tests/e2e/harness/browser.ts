// The Chromium the double runs the window in, found where a user's machine has one:
// CHROMIUM_PATH, the system's Chromium, Playwright's own Chromium if installed, or Chrome.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where Chromium or Chrome usually is on each system, most specific first. */
function systemCandidates(): string[] {
  const env = process.env;
  switch (process.platform) {
    case 'win32':
      return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
        .filter((dir): dir is string => !!dir)
        .flatMap((dir) => [join(dir, 'Chromium', 'Application', 'chrome.exe'), join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
    case 'darwin':
      return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
    default:
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  }
}

/** Playwright's own Chromium (`npx playwright install chromium`), when it was installed. */
function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return [...systemCandidates(), playwrightChromium()].find((path): path is string => !!path && existsSync(path));
}

export const NO_CHROMIUM =
  'Les tests de bout en bout ont besoin de Chromium, introuvable sur cette machine : installez-le ' +
  '(sudo apt install chromium, ou npx playwright install chromium), ou indiquez son chemin dans la variable CHROMIUM_PATH.';
