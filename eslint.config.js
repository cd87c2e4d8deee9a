// ESLint (flat config): `npm run lint`, part of `npm test`, zero warnings allowed.
//
// The rules are chosen to catch bugs, not to enforce style (formatting is nobody's lint error here):
// typescript-eslint with type information for every .ts, .svelte and .svelte.ts file, so a promise whose
// rejection nobody handles, a promise passed where a function's result is ignored, `await` on something that
// is not a promise, a switch that misses a case of a union, or an object turned into "[object Object]" are
// errors; eslint-plugin-svelte's recommended rules, with `{@html}` forbidden (user text is never HTML) and
// the Svelte compiler's own warnings (accessibility among them) surfaced through `svelte/valid-compile`.
// Plain .js/.mjs files (scripts, configs) are linted without type information: they are outside tsconfig.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const typed = ['**/*.ts', '**/*.svelte'];

// The no-unsafe-* family, turned off together where values arrive as `any` by design (see each use).
const NO_UNSAFE_OFF = Object.fromEntries(
  ['no-unsafe-argument', 'no-unsafe-assignment', 'no-unsafe-call', 'no-unsafe-member-access', 'no-unsafe-return'].map((rule) => [
    `@typescript-eslint/${rule}`,
    'off',
  ]),
);

export default defineConfig(
  {
    name: 'attache/ignores',
    // As in .gitignore: at any depth (a build may be written to a nested out/).
    ignores: ['**/out/', '**/dist/', '**/node_modules/', '**/.tools/', '**/.bench/', '**/test-results/', '**/playwright-report/', '**/blob-report/'],
  },
  {
    name: 'attache/linter-options',
    // A disable comment that no longer silences anything is an error, so none outlives its reason.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ts.configs.recommendedTypeChecked,
  svelte.configs.recommended,
  {
    name: 'attache/typed',
    files: typed,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // The same for .ts and .svelte files, so the project service is not reloaded between them.
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    name: 'attache/svelte',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        // Only the compiler options (runes): the preprocessor is not serialisable, and the parser needs none.
        svelteConfig: { compilerOptions: svelteConfig.compilerOptions },
      },
    },
  },
  {
    name: 'attache/rules',
    rules: {
      // Promises: one nobody awaits or catches loses its error; one passed where the result is ignored
      // (a callback typed to return void) runs unobserved. Both are errors, as in recommendedTypeChecked;
      // `void promise` marks a deliberate fire-and-forget whose failure is handled inside.
      '@typescript-eslint/no-floating-promises': 'error',
      // All of checksVoidReturn stays on. Its `attributes` option is for JSX only: a Svelte event attribute
      // (onclick={async () => ...}) is typed to return `any`, so no setting makes the rule check it; an async
      // handler in markup must catch its own errors (and show them), which review, not lint, has to see.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A switch over a union that misses a member (a new record table, a new status) is a bug.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // A rejection with a string or a plain object has no stack. Passing on what was caught, or an abort
      // signal's reason, is fine (as only-throw-error allows for `throw`).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // `async` on a function without `await` is deliberate here: it implements a Promise-returning interface
      // and turns a synchronous throw into a rejection the caller handles.
      '@typescript-eslint/require-await': 'off',
      // Flags unions like `Hlc | ''` that document a value ("a clock, or empty"), not bugs.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Svelte: user text is never HTML; the compiler's warnings (accessibility included) are errors.
      'svelte/no-at-html-tags': 'error',
      'svelte/no-target-blank': 'error',
      'svelte/valid-compile': 'error',
      'svelte/no-unused-svelte-ignore': 'error',
      'svelte/require-each-key': 'error',
    },
  },
  {
    // The core rules typescript-eslint turns off for .ts because TypeScript checks the same (undefined names,
    // assignments to imports, ...): svelte-check checks them in .svelte files too.
    name: 'attache/svelte-checked-by-typescript',
    files: ['**/*.svelte'],
    rules: Object.fromEntries(Object.entries(ts.configs.eslintRecommended.rules ?? {}).filter(([, level]) => level === 'off')),
  },
  {
    // In .svelte files the parser cannot see the types of other components (generic components, types
    // exported from a component's module script): they arrive as `any`, so these rules report the parser, not
    // the code. svelte-check type-checks the components in full.
    name: 'attache/svelte-unresolved-types',
    files: ['**/*.svelte'],
    rules: {
      ...NO_UNSAFE_OFF,
    },
  },
  {
    // Tests read JSON and fixtures as `any` by design (a wrong shape fails the assertion), and their
    // IndexedDB helpers reject with the request's DOMException.
    name: 'attache/tests',
    files: ['tests/**'],
    rules: {
      ...NO_UNSAFE_OFF,
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    name: 'attache/untyped',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [ts.configs.disableTypeChecked],
  },
  {
    name: 'attache/node-globals',
    files: ['scripts/**', 'src-main/**', 'tests/**', '*.js', '*.ts', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The renderer, and the benches' and end-to-end tests' code that runs in a page (page.evaluate).
    name: 'attache/browser-globals',
    files: ['src-renderer/**', 'tests/bench/**', 'tests/web/**', 'tests/electron/**', 'scripts/bench.mjs', 'scripts/bench-harness.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
