// ESLint flat config. Pragmatic by design: correctness rules and the import boundaries, no stylistic rules
// (formatting belongs to Prettier, see .prettierrc.json).
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import carbonbridge from './tools/eslint/boundaries.js';

const TESTS = ['**/*.test.ts', 'test/**', 'bench/**'];

/** DOM-only globals the core must not touch (it runs in Node as well as in the browser). */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
  'Element',
  'Node',
  'DOMParser',
  'XMLSerializer',
  'FileReader',
  'alert',
  'confirm',
  'prompt',
  'requestAnimationFrame',
  'customElements',
  'getComputedStyle',
  'matchMedia',
].map((name) => ({ name, message: 'src/core runs in Node and the browser: no DOM-only APIs (pass data in from the UI instead).' }));

/**
 * The import boundaries (issue 8 item 7). The UI's door into the core is src/ui/core.ts (with src/ui/core-docs.ts for the
 * document layer it loads on demand and src/ui/core-text.ts for message texts at start-up); src/cli may import the core.
 */
export const BOUNDARY_ZONES = [
  {
    name: 'core-pure',
    from: ['src/core/'],
    forbid: [
      { module: '^svelte(/|$)', message: 'src/core is pure TypeScript (no Svelte).' },
      { module: '\\.svelte(\\.[jt]s)?$', message: 'src/core is pure TypeScript (no Svelte).' },
      { module: '^dexie(/|$)', message: 'src/core does not touch the browser database (Dexie lives in src/ui/db).' },
      { module: '^node:', message: 'src/core runs in the browser too: no Node built-ins (the CLI passes data in).' },
      { module: '^(fs|path|os|child_process|worker_threads|url|crypto)(/|$)', message: 'src/core runs in the browser too: no Node built-ins.' },
      { path: 'src/ui', message: 'src/core must not depend on the UI.' },
      { path: 'src/cli', message: 'src/core must not depend on the CLI.' },
    ],
  },
  {
    name: 'generic-io',
    from: ['src/core/xlsx/', 'src/core/io/'],
    forbid: [
      {
        path: 'src/core/cbam/docs',
        // the official template's cell map is data shared by the template reader (io/supplier) and writer
        unless: ['src/core/cbam/docs/template-map.json'],
        message: 'the generic spreadsheet/IO layer must not depend on the CBAM documents (shared helpers live in src/core/xlsx).',
      },
    ],
  },
  {
    name: 'ui-door',
    from: ['src/ui/'],
    // src/ui/core-docs.ts: the same door for the document layer, loaded on demand (template map, zip code);
    // src/ui/core-text.ts: message texts for the start-up script (the full door would pull the whole core into it)
    except: ['src/ui/core.ts', 'src/ui/core-docs.ts', 'src/ui/core-text.ts'],
    forbid: [{ path: 'src/core', message: 'the UI reaches the core only through its door, src/ui/core.ts (re-export what you need there).' }],
  },
  {
    name: 'cli',
    from: ['src/cli/'],
    forbid: [
      { path: 'src/ui', message: 'the CLI uses the core, never the UI.' },
      { module: '^(svelte|dexie)(/|$)', message: 'the CLI runs in Node: no Svelte or Dexie.' },
    ],
  },
];

const boundaryRule = (level) => [level, { zones: BOUNDARY_ZONES }];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-cli/**',
      'dev-dist/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'public/**',
      '.vite/**',
      'test/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { carbonbridge },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-self-compare': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-constant-binary-expression': 'error',
      'no-sparse-arrays': 'error',
      'no-prototype-builtins': 'off',
      'prefer-const': 'warn',
      'no-control-regex': 'warn',
      // Pragmatic: these are style or intentional in places; kept visible as warnings.
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/ban-ts-comment': 'warn',
      '@typescript-eslint/no-unused-expressions': 'warn',
      'carbonbridge/boundaries': boundaryRule('error'),
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // Stylistic or opinionated Svelte rules: off (no churn).
      // {@html} only renders documents the core builds with every value escaped; kept visible as a warning.
      'svelte/no-at-html-tags': 'warn',
      'svelte/require-each-key': 'warn',
      'svelte/prefer-svelte-reactivity': 'warn',
      'svelte/no-navigation-without-resolve': 'off',
      'svelte/prefer-writable-derived': 'warn',
      'svelte/no-unused-svelte-ignore': 'warn',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS] },
  },
  {
    // Tests may reach across layers (they check the wiring) and use Node APIs.
    files: TESTS,
    rules: { 'carbonbridge/boundaries': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
