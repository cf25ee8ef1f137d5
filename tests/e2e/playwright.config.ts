import { defineConfig } from '@playwright/test';

// A French laptop's clock for everything the specs start: main and the CLI (this process and
// its children) as well as the window (harness/launch.ts sets the same zone and locale).
process.env.TZ = 'Europe/Paris';

// The app under test is started by the specs themselves (harness/launch.ts), on the real
// Electron binary when present, else on Chromium with the electron double.
export default defineConfig({
  testDir: './specs',
  outputDir: '../artifacts/test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: require.resolve('./harness/global-setup'),
  use: { trace: 'off' },
});
