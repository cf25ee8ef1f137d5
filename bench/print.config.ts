import { defineConfig } from '@playwright/test';

// `npm run bench:print`: the app started as the end-to-end tests start it (tests/e2e/harness),
// on a French laptop's clock. A measurement, not a test: it prints its figures.
process.env.TZ = 'Europe/Paris';

export default defineConfig({
  testDir: '.',
  testMatch: 'print.spec.ts',
  outputDir: 'results/print',
  timeout: 300_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: require.resolve('../tests/e2e/harness/global-setup'),
  use: { trace: 'off' },
});
