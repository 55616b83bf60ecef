import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Layers import downward only (ARCHITECTURE.md); a wrong arrow fails lint, and so CI. */
const depConstraints = [
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:api'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:api'] },
  { sourceTag: 'type:worker', onlyDependOnLibsWithTags: ['type:core', 'type:config', 'type:data', 'type:scoring'] },
  { sourceTag: 'type:server', onlyDependOnLibsWithTags: ['type:api', 'type:core', 'type:config', 'type:data', 'type:scoring'] },
  { sourceTag: 'type:scoring', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:core', 'type:data'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'] },
  { sourceTag: 'type:config', onlyDependOnLibsWithTags: [] },
];

export default [
  { ignores: ['**/dist/**', '**/build/**', '**/.svelte-kit/**', '**/node_modules/**', 'perf/results/**', '.data/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Clients get the API's types, never its code.
    files: ['apps/web/**/*.ts', 'apps/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@clipforge/api', message: 'Import the API as types only (import type …).', allowTypeImports: true }] },
      ],
    },
  },
];
