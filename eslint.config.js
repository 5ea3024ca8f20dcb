// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const IO_MODULES = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'worker_threads', 'lowdb', 'lowdb/node', 'pdfkit', 'exceljs', 'yazl', 'yauzl', 'electron'];
const ioPaths = IO_MODULES.flatMap((name) => [{ name, message: 'core/domain is pure: no I/O (pass data in, return data out).' }, { name: `node:${name}`, message: 'core/domain is pure: no I/O.' }]);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  // Layer: nothing in electron/core imports electron or the Electron host.
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'electron/core is plain Node: only electron/main and electron/preload import electron.' }],
        patterns: [{ group: ['**/main/*', '**/preload/*', '../../main/**', '../../preload/**'], message: 'core must not depend on the Electron host.' }],
      }],
    },
  },
  // Layer: core/domain is pure.
  {
    files: ['electron/core/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: ioPaths,
        patterns: [{ group: ['../store/*', '../documents/*', '../handlers/*', '../rpc/*', '../exchange/*', '../app.js', '../cli.js'], message: 'core/domain is pure: it may import contract types and other domain modules only.' }],
      }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the clock in: no new Date() in domain rules.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the clock in: no Date.now() in domain rules.' },
      ],
    },
  },
  // Layer: the renderer talks to core through contract types, and imports by value only pure domain rules and
  // the contract's zod-free label/constant modules (contract/labels.ts, contract/*-labels.ts, contract/limits.ts);
  // test/unit/renderer-imports.test.ts checks that what it reaches that way pulls in no zod and no Node.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: IO_MODULES.filter((m) => !['crypto'].includes(m)).map((name) => ({ name, message: 'renderer has no Node access: call the API.' })),
        patterns: [
          { regex: 'electron/core/contract(/(?!(?:[a-z-]+-)?labels\\.js$|limits\\.js$)[^/]+)?$', allowTypeImports: true, message: 'renderer may import only types from electron/core/contract (values only from its zod-free *labels.ts and limits.ts modules).' },
          { group: ['**/electron/core/*', '!**/electron/core/contract', '!**/electron/core/domain', '**/electron/core/*/**', '!**/electron/core/contract/**', '!**/electron/core/domain/**', '**/electron/main/**', '**/electron/preload/**'], message: 'renderer may import from electron/core only contract types and labels, and pure domain rules.' },
          { group: ['node:*'], message: 'renderer has no Node access.' },
        ],
      }],
    },
  },
);
