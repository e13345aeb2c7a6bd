// ESLint over server, web, e2e, bench and scripts: `npm run check` runs it with Prettier and the engines check.
// Formatting is Prettier's business (.prettierrc.json); these rules are about correctness only.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// A leading underscore marks a binding kept on purpose: `({ at: _at, ...row })` leaves a field out of
// a copy, a callback's parameter that its signature needs, a caught error that is not looked at.
const unusedVars = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig([
  globalIgnores(['**/dist/', '**/node_modules/', 'data/', 'e2e/screenshots/', '.tmp/']),

  { files: ['**/*.{js,mjs,ts,tsx}'], extends: [js.configs.recommended] },
  { files: ['**/*.{ts,tsx}'], extends: [tseslint.configs.recommended] },

  {
    files: ['**/*.{js,mjs}'],
    rules: { 'no-unused-vars': ['error', unusedVars] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', unusedVars] },
  },
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    rules: {
      // The ideographic space U+3000 is how Chinese official text sets fields apart (联系人：… U+3000
      // 联系电话：…): in strings, templates and JSX text shown to people it is wanted; in code it is still
      // an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },

  // Node: the server, the browser journeys, the benchmarks, build scripts and config files.
  {
    files: ['server/**', 'e2e/**', 'bench/**', 'scripts/**', 'web/scripts/**', 'web/vite.config.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  // The web app runs in the browser.
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended],
  },
]);
