import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way: routes/jobs → services → repositories → db, and core/ imports nothing
// of ours. These rules are the architecture's fence; see docs/decisions/0002-layers.md.
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test-results/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/server/**', '**/web/**', '../../server/*', '../../web/*'], message: 'core/ is pure: it imports nothing of ours outside core/.' },
        { group: ['node:*', 'fs', 'path', 'http', 'crypto', 'kysely', 'fastify', 'better-sqlite3', 'pg'], message: 'core/ does no I/O and runs in the browser too.' },
      ]),
    },
  },
  {
    files: ['server/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/*.service.ts', '**/*.routes.ts', '**/*.routes.tsx', '**/pages/**', '**/http/**', 'fastify'], message: 'Repositories only build SQL; they call nothing above them.' },
      ]),
    },
  },
  {
    files: ['server/**/*.service.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/*.routes.ts', '**/*.routes.tsx', 'fastify', '**/http/**'], message: 'Services know nothing of HTTP: routes call services, never the reverse.' },
      ]),
    },
  },
  {
    files: ['server/**/*.routes.ts', 'server/**/*.routes.tsx', 'server/pages/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/*.repository.ts', 'kysely', '**/db/schema.ts'], message: 'Routes and pages go through a service; only repositories build SQL.' },
      ]),
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/server/**'], message: 'The browser code shares core/, never server/.' }]),
    },
  },
);
