// ESLint over every package's src, tests and stories, bench/ and scripts/: the recommended
// JavaScript rules, typescript-eslint's type-checked recommended set (one program,
// tsconfig.eslint.json, with @jiceng/* resolved to their source), and eslint-plugin-lit on
// lit templates. Template bindings are also checked by lit-analyzer (scripts/checks/lint.mjs).
// Zero warnings: every rule here is an error. A rule is turned off only with its reason beside it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', '**/dist/**', 'docs/**', 'bench/results/**', '.tmp/**',
      'examples/**', 'packages/*/types/**', 'packages/*/custom-elements.json', 'api/**',
    ],
  },
  {
    files: ['packages/*/{src,test,stories,bin}/**/*.{ts,js,mjs}', 'bench/**/*.{ts,mjs,js}', 'scripts/**/*.{ts,mjs,js}', 'eslint.config.mjs'],
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['packages/*/{src,test,stories}/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.eslint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are the repository's way of saying "deliberately unused" (positional
      // parameters of callbacks, destructuring that drops a key).
      // node:test's describe/it/test return promises that the runner itself awaits and reports.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }],
      }],
      // An async method that implements an async interface without awaiting (the CLI's in-memory
      // files, a store engine) is right: dropping `async` would turn a rejection into a throw.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and benchmarks read JSON bodies, parsed files and untyped peers (`await res.json()` is
    // `any`) and then assert on what they find: the assertion is the check, not the type.
    files: ['packages/*/test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // chai's property assertions (`expect(x).to.exist`) are expressions that assert when read.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // Plain JavaScript has no types to check: the type-aware rules would flag every value as `any`.
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      // Scripts run in Node and hand functions to Chromium (page.evaluate), so both sets apply.
      globals: { ...globals.node, ...globals.browser },
    },
  },
  {
    files: ['packages/*/{src,test,stories}/**/*.ts'],
    extends: [lit.configs['flat/recommended']],
  },
  {
    // Elements hand methods to lit as listeners (`@keydown=${this.onKey}`); lit calls them with the
    // element as `this` (the render's host), which this rule cannot see in a template.
    files: ['packages/*/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
