// Lint rules for Redline: ESLint's and typescript-eslint's recommended sets, without type-aware
// rules so `npm run lint` stays quick on two cores. Formatting is prettier's (`npm run format:check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'structuredClone',
    'fetch',
    'AbortController',
    'performance',
    'crypto',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'src/web/static/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
    rules: {
      // `_name` says "deliberately unused" (a destructured field left out, a callback's unused argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `cond && list.push(...)` builds SQL clauses in the store.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Charset and text hygiene match control characters on purpose.
      'no-control-regex': 'off',
      // Two spaces in a pattern mean "a double space" and read better than ` {2}`.
      'no-regex-spaces': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The store builds clause lists with `cond && (clauses.push(a), params.push(b))`-style comma pairs.
    files: ['src/store/sql/**/*.ts', 'test/scale/analysis.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Tests read JSON bodies whose shape the assertions check.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
