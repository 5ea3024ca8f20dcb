// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import local from './build/eslint-rules/index.js';

const IO_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'worker_threads',
  'lowdb',
  'lowdb/node',
  'pdfkit',
  'exceljs',
  'yazl',
  'yauzl',
  'electron',
];
const ioPaths = IO_MODULES.flatMap((name) => [
  { name, message: 'core/domain is pure: no I/O (pass data in, return data out).' },
  { name: `node:${name}`, message: 'core/domain is pure: no I/O.' },
]);

const ROOT = import.meta.dirname;

/**
 * The layer map: what each folder (or top-level file) of electron/core, and each host, may import —
 * checked by local/layers (build/eslint-rules/layers.js). A file belongs to the longest key above it;
 * imports inside its own layer are free; type-only imports count too unless listed under `typesOnly`.
 * Keys and entries are paths from the repository root. Lowest first:
 */
const core = (...names) => names.map((name) => `electron/core/${name}`);
const STORE_AND_BELOW = core('contract', 'base', 'domain', 'store');
const EXCHANGE_AND_BELOW = [...STORE_AND_BELOW, ...core('documents', 'exchange')]; // documents sits beside store
const SERVICES_AND_BELOW = [...EXCHANGE_AND_BELOW, ...core('tasks.ts', 'services')];
const ARCHIVE_AND_BELOW = [...SERVICES_AND_BELOW, ...core('archive', 'backup-file')];
const HANDLERS_AND_BELOW = [...ARCHIVE_AND_BELOW, ...core('handlers')];
const LAYERS = {
  'electron/core/contract': [], //                      method schemas, error and label tables
  'electron/core/base': core('contract'), //            plain Node pieces store, documents and exchange share (module loading, the strict zip reader)
  'electron/core/domain': core('contract'), //          pure rules: no I/O, no clock (the domain block below)
  'electron/core/store': core('contract', 'base', 'domain'),
  'electron/core/documents': core('contract', 'base', 'domain'),
  'electron/core/exchange': STORE_AND_BELOW,
  'electron/core/tasks.ts': core('contract'), //        the cancellable-task registry long work runs under
  // services: typed workflows several areas share (scoring results, records, every issued document); the
  // archive regenerates a year's documents through them, so they sit below archive and backup-file
  'electron/core/services': EXCHANGE_AND_BELOW.concat(core('tasks.ts')),
  'electron/core/archive': SERVICES_AND_BELOW,
  'electron/core/backup-file': SERVICES_AND_BELOW,
  'electron/core/handlers': ARCHIVE_AND_BELOW,
  'electron/core/rpc': { imports: HANDLERS_AND_BELOW, typesOnly: core('app.ts') }, // the web host serves a Desk
  // The top-level files of electron/core sit at the top, with rpc: they open, seed and serve a desk.
  'electron/core/paths.ts': [], //                      default data folder, app root
  'electron/core/recovery.ts': HANDLERS_AND_BELOW, //          offline recovery before a desk opens
  'electron/core/demo-materials.ts': { imports: HANDLERS_AND_BELOW, typesOnly: core('demo.ts') }, // sample PDFs for the demo
  'electron/core/demo.ts': HANDLERS_AND_BELOW.concat(core('demo-materials.ts')),
  'electron/core/app.ts': HANDLERS_AND_BELOW.concat(core('rpc', 'paths.ts', 'demo.ts')), // openDesk: store + handlers + dispatch
  // The launcher: which folder opens for this computer's role, and the files it is asked to open by double-click.
  'electron/core/launcher.ts': HANDLERS_AND_BELOW.concat(core('app.ts')),
  'electron/core/cli.ts': HANDLERS_AND_BELOW.concat(core('rpc', 'paths.ts', 'app.ts')),
  'electron/core/web-main.ts': HANDLERS_AND_BELOW.concat(core('rpc', 'paths.ts', 'app.ts', 'launcher.ts')),
  // The hosts.
  'electron/main': core('app.ts', 'recovery.ts', 'contract', 'launcher.ts', 'domain'),
  'electron/preload': core('contract'),
  // Which of these by value (and which only as types): the renderer block below.
  renderer: core('contract', 'domain'),
};
/**
 * Edges allowed although the map forbids them (none: the archive's edges to handlers and rpc went when it
 * began regenerating documents through services/). Also read by local/no-cycles, which leaves them out.
 * @type {{ from: string; to: string; reason: string }[]}
 */
const LAYER_EXCEPTIONS = [];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
    },
  },
  // Type-aware rules: a promise is awaited, returned or marked `void`, and never handed to a slot that expects a
  // plain callback (an onFinish or a menu click that would drop its rejection).
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['build/*.ts', 'scripts/*.ts'] }, tsconfigRootDir: ROOT },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Layers: the map above, and no import cycle (type-only imports aside).
  {
    files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { local },
    rules: {
      'local/layers': ['error', { root: ROOT, layers: LAYERS, exceptions: LAYER_EXCEPTIONS }],
      'local/no-cycles': ['error', { root: ROOT, exceptions: LAYER_EXCEPTIONS }],
    },
  },
  // Nothing in electron/core imports electron (the map keeps it off the Electron host's folders).
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core is plain Node: only electron/main and electron/preload import electron.' }],
        },
      ],
    },
  },
  // Layer: core/domain is pure.
  {
    files: ['electron/core/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: ioPaths }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the clock in: no new Date() in domain rules.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the clock in: no Date.now() in domain rules.',
        },
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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.filter((m) => !['crypto'].includes(m)).map((name) => ({
            name,
            message: 'renderer has no Node access: call the API.',
          })),
          patterns: [
            {
              regex: 'electron/core/contract(/(?!(?:[a-z-]+-)?labels\\.js$|limits\\.js$)[^/]+)?$',
              allowTypeImports: true,
              message:
                'renderer may import only types from electron/core/contract (values only from its zod-free *labels.ts and limits.ts modules).',
            },
            {
              group: [
                '**/electron/core/*',
                '!**/electron/core/contract',
                '!**/electron/core/domain',
                '**/electron/core/*/**',
                '!**/electron/core/contract/**',
                '!**/electron/core/domain/**',
                '**/electron/main/**',
                '**/electron/preload/**',
              ],
              message: 'renderer may import from electron/core only contract types and labels, and pure domain rules.',
            },
            { group: ['node:*'], message: 'renderer has no Node access.' },
          ],
        },
      ],
    },
  },
);
