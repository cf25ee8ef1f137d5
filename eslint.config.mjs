// The linter, run by `npm test` before the suites. Besides the usual checks it keeps the
// layers apart (docs/architecture.md): a forbidden import fails the build.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** An import whose path matches `regex` is refused with `message`. */
const forbid = (regex, message) => ({ regex, message });

const NODE_OR_ELECTRON = [
  forbid('^electron$', 'Only main/ and preload/index.ts talk to Electron.'),
  forbid('^node:', 'No Node module here: this code runs in the page, or on both sides.'),
];

export default tseslint.config(
  { ignores: ['dist/', 'release/', '.cache/', 'node_modules/', 'test-results/', 'tests/artifacts/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The CLI and the dev scripts write to the console on purpose; elsewhere it is a leftover.
      'no-console': 'off',
    },
  },
  {
    // Node scripts: npm start, packaging, icons.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // The layers.
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('^(?!\\.)', 'common/ is pure and dependency-free: it imports only common/ itself.'),
            forbid('(^|/)(db|main|renderer|preload)/', 'common/ imports only common/ itself.'),
          ],
        },
      ],
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('^electron$', 'db/ is plain Node: it never imports electron.'),
            forbid('(^|/)(main|renderer|preload)/', 'db/ imports neither main/, renderer/ nor preload/: they call db/, not the reverse.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [forbid('(^|/)renderer/', 'main/ never imports renderer/: they talk through the contract only.')] }],
    },
  },
  {
    // The contract reaches the renderer's bundle: of db/ it may name types only.
    files: ['preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)db/', allowTypeImports: true, message: 'preload/ may import only types from db/: nothing of db/ reaches the page.' },
            { regex: '(^|/)(main|renderer)/', message: 'preload/ imports neither main/ nor renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A warning for React Compiler, which the app does not use (TanStack Virtual's hook).
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_OR_ELECTRON,
            forbid('(^|/)(db|main)/', 'renderer/ imports common/ and preload/contract only; data comes through window.api (renderer/api.ts).'),
            forbid('(^|/)preload/(?!contract$)', 'renderer/ imports common/ and preload/contract only.'),
          ],
        },
      ],
    },
  },
  {
    // Build configuration, run by Node: not page code.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/e2e/**'],
    rules: {
      // page.evaluate bodies reach the page's own globals (window.api, what must be absent), which have no types on this side.
      '@typescript-eslint/no-explicit-any': 'off',
      // Playwright's fixtures take their dependencies as a destructured first argument, {} when none.
      'no-empty-pattern': 'off',
      // The launcher loads a fresh copy of the CommonJS main bundle per launch, as a new process would.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  prettier,
);
