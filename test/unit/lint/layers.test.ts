/**
 * The layer map and the cycle check of eslint.config.js (build/eslint-rules/), proved on probe sources:
 * each is linted with the project's own config as if it sat at the given path, and must fail or pass.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ESLint } from 'eslint';
import { probeEslint } from '../../helpers/eslint-probe.js';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = probeEslint(root);
});

/** The problems of the layer and cycle rules (and the renderer's import rule) for `code` placed at `file`. */
async function problems(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages
    .filter((m) => m.ruleId === null || m.ruleId.startsWith('local/') || m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

const rules = (found: { rule: string | null }[]) => found.map((p) => p.rule);

describe('layer map', () => {
  it.each([
    [
      'domain imports store',
      'electron/core/domain/probe.ts',
      "import { Store } from '../store/store.js';\nexport const probe = Store;\n",
      'electron/core/domain may not import electron/core/store',
    ],
    [
      'domain imports store types',
      'electron/core/domain/probe.ts',
      "import type { Store } from '../store/store.js';\nexport type Probe = Store;\n",
      'electron/core/domain may not import electron/core/store',
    ],
    [
      'store imports handlers',
      'electron/core/store/probe.ts',
      "import { operator } from '../handlers/applications/store.js';\nexport const probe = operator;\n",
      'electron/core/store may not import electron/core/handlers',
    ],
    [
      'store imports documents',
      'electron/core/store/probe.ts',
      "import { headingRole } from '../documents/pdf/official-layout.js';\nexport const probe = headingRole;\n",
      'electron/core/store may not import electron/core/documents',
    ],
    [
      'contract imports domain',
      'electron/core/contract/probe.ts',
      "import { checkUscc } from '../domain/uscc.js';\nexport const probe = checkUscc;\n",
      'electron/core/contract may not import electron/core/domain',
    ],
    [
      'exchange imports documents',
      'electron/core/exchange/probe.ts',
      "import { loadFontkit } from '../documents/fonts/fontkit.js';\nexport const probe = loadFontkit;\n",
      'electron/core/exchange may not import electron/core/documents',
    ],
    [
      'documents imports exchange',
      'electron/core/documents/excel/probe.ts',
      "import { writeFileAtomic } from '../../exchange/atomic-file.js';\nexport const probe = writeFileAtomic;\n",
      'electron/core/documents may not import electron/core/exchange',
    ],
    [
      'services import handlers',
      'electron/core/services/probe.ts',
      "import { operator } from '../handlers/applications/store.js';\nexport const probe = operator;\n",
      'electron/core/services may not import electron/core/handlers',
    ],
    [
      'services import archive',
      'electron/core/services/probe.ts',
      "import { verifyArchive } from '../archive/verify.js';\nexport const probe = verifyArchive;\n",
      'electron/core/services may not import electron/core/archive',
    ],
    [
      'rpc imports a value of app.ts',
      'electron/core/rpc/probe.ts',
      "import { openDesk } from '../app.js';\nexport const probe = openDesk;\n",
      'may import only types from electron/core/app.ts',
    ],
    [
      'core imports the Electron host',
      'electron/core/handlers/probe.ts',
      "import * as p from '../../main/policy.js';\nexport const probe = p;\n",
      'electron/core/handlers may not import electron/main',
    ],
    [
      'preload imports a handler',
      'electron/preload/probe.ts',
      "import { operator } from '../core/handlers/applications/store.js';\nexport const probe = operator;\n",
      'electron/preload may not import electron/core/handlers',
    ],
  ])('%s: fails', async (_name, file, code, words) => {
    const found = await problems(file, code);
    expect(rules(found)).toContain('local/layers');
    expect(found.find((p) => p.rule === 'local/layers')!.message).toContain(words);
  });

  it('a renderer page importing a store value fails', async () => {
    const found = await problems(
      'renderer/pages/probe.ts',
      "import { Store } from '../../electron/core/store/store.js';\nexport const probe = Store;\n",
    );
    expect(rules(found)).toContain('local/layers');
    expect(rules(found)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('a file in a folder the map does not name fails', async () => {
    const found = await problems('electron/core/misc/probe.ts', 'export const probe = 1;\n');
    expect(found).toEqual([{ rule: 'local/layers', message: expect.stringContaining('belongs to no layer') }]);
  });

  it.each([
    [
      'domain imports contract and domain',
      'electron/core/domain/probe.ts',
      "import { DeskError } from '../contract/errors.js';\nimport { checkUscc } from './uscc.js';\nexport const probe = [DeskError, checkUscc];\n",
    ],
    [
      'contract imports contract',
      'electron/core/contract/probe.ts',
      "import { DeskError } from './errors.js';\nexport const probe = DeskError;\n",
    ],
    [
      'store imports domain and base',
      'electron/core/store/probe.ts',
      "import { formatDocNumber } from '../domain/doc-number.js';\nimport { nodeRequire } from '../base/node-require.js';\nexport const probe = [formatDocNumber, nodeRequire];\n",
    ],
    [
      'exchange imports store',
      'electron/core/exchange/probe.ts',
      "import { fsyncDir } from '../store/durable-file.js';\nexport const probe = fsyncDir;\n",
    ],
    [
      'archive imports documents and exchange',
      'electron/core/archive/probe.ts',
      "import { buildRoster } from '../documents/excel/style.js';\nimport { writeZipFile } from '../exchange/zip-write.js';\nexport const probe = [buildRoster, writeZipFile];\n",
    ],
    [
      'services import documents and store',
      'electron/core/services/probe.ts',
      "import { buildRoster } from '../documents/excel/style.js';\nimport { Store } from '../store/store.js';\nexport const probe = [buildRoster, Store];\n",
    ],
    [
      "archive imports services (it regenerates a year's documents through them)",
      'electron/core/archive/probe2.ts',
      "import { saveDocument } from '../services/documents/generated.js';\nexport const probe = saveDocument;\n",
    ],
    [
      'handlers import services',
      'electron/core/handlers/probe.ts',
      "import * as p from '../services/probe.js';\nexport const probe = p;\n",
    ],
    [
      'rpc imports handlers and the type of app.ts',
      'electron/core/rpc/probe.ts',
      "import type { Desk } from '../app.js';\nimport type { HandlerTable } from '../handlers/types.js';\nexport type Probe = [Desk, HandlerTable];\n",
    ],
    ['cli imports app', 'electron/core/cli.ts', "import { openDesk } from './app.js';\nexport const probe = openDesk;\n"],
    [
      'a renderer page imports contract types',
      'renderer/pages/probe.ts',
      "import type { Batch } from '../../electron/core/contract/index.js';\nexport type Probe = Batch;\n",
    ],
  ])('%s: passes', async (_name, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('a domain module importing one that imports it back fails, naming the cycle', async () => {
    // on disk, domain/aggregation.ts imports ./scoring-template.js
    const found = await problems(
      'electron/core/domain/scoring-template.ts',
      "import * as aggregation from './aggregation.js';\nexport const probe = aggregation;\n",
    );
    expect(found).toEqual([
      {
        rule: 'local/no-cycles',
        message: expect.stringContaining(
          'electron/core/domain/scoring-template.ts → electron/core/domain/aggregation.ts → electron/core/domain/scoring-template.ts',
        ),
      },
    ]);
  });

  it('a longer cycle through several layers fails', async () => {
    // on disk, handlers/applications/store.ts imports ./batch-state.js, which imports domain/batch-lifecycle.js
    const found = await problems(
      'electron/core/domain/batch-lifecycle.ts',
      "import * as s from '../handlers/applications/store.js';\nexport const probe = s;\n",
    );
    expect(rules(found).sort()).toEqual(['local/layers', 'local/no-cycles']);
    expect(found.find((p) => p.rule === 'local/no-cycles')!.message).toContain(
      'Import cycle: electron/core/domain/batch-lifecycle.ts → electron/core/handlers/applications/store.ts → electron/core/handlers/batch-state.ts → electron/core/domain/batch-lifecycle.ts.',
    );
  });

  it('a renderer module importing one that imports it back fails (extensionless imports)', async () => {
    // on disk, renderer/App.tsx imports ./router (and reaches it through pages too: the shortest cycle is named)
    const found = await problems('renderer/router.ts', "import App from './App';\nexport const probe = App;\n");
    expect(found).toEqual([
      { rule: 'local/no-cycles', message: expect.stringContaining('renderer/router.ts → renderer/App.tsx → renderer/router.ts') },
    ]);
  });

  it('a type-only import back is no cycle', async () => {
    for (const code of [
      "import type { AggregateInput } from './aggregation.js';\nexport type Probe = AggregateInput;\n",
      "import { type AggregateInput } from './aggregation.js';\nexport type Probe = AggregateInput;\n",
      "export type { AggregateInput } from './aggregation.js';\n",
    ]) {
      expect(await problems('electron/core/domain/scoring-template.ts', code)).toEqual([]);
    }
  });
});

describe('the import graph read from disk', () => {
  interface ImportEdge {
    specifier: string;
    typeOnly: boolean;
  }

  /** The imports and re-exports of a source as TypeScript's parser sees them. */
  function parsed(file: string, text: string): ImportEdge[] {
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      false,
      file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const edges: ImportEdge[] = [];
    for (const s of source.statements) {
      if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
        const clause = s.importClause;
        const named = clause?.namedBindings;
        const everyNameIsType =
          !!clause &&
          !clause.name &&
          !!named &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly);
        edges.push({ specifier: s.moduleSpecifier.text, typeOnly: !!clause?.isTypeOnly || everyNameIsType });
      } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
        const clause = s.exportClause;
        const everyNameIsType =
          !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
        edges.push({ specifier: s.moduleSpecifier.text, typeOnly: s.isTypeOnly || everyNameIsType });
      }
    }
    return edges;
  }

  it('reads the same imports as the TypeScript parser in every file of electron/ and renderer/', async () => {
    const graph = (await import(path.join(root, 'build/eslint-rules/module-graph.js'))) as { importsOfText(text: string): ImportEdge[] };
    const files: string[] = [];
    for (const dir of ['electron', 'renderer']) {
      for (const f of await fs.readdir(path.join(root, dir), { recursive: true }))
        if (/\.tsx?$/.test(f)) files.push(path.join(root, dir, f));
    }
    expect(files.length).toBeGreaterThan(200);
    let typeOnly = 0;
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      const expected = parsed(file, text);
      expect(graph.importsOfText(text), file).toEqual(expected);
      typeOnly += expected.filter((e) => e.typeOnly).length;
    }
    expect(typeOnly).toBeGreaterThan(100);
  });

  it('reads each form of import, type-only or not', async () => {
    const graph = (await import(path.join(root, 'build/eslint-rules/module-graph.js'))) as { importsOfText(text: string): ImportEdge[] };
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, f } from './e.js';",
      "import G, { type H } from './g.js';",
      "import * as i from './i.js';",
      "import './j.css';",
      "import {\n  type K,\n  type L,\n} from './k.js';",
      "export * from './m.js';",
      "export type { N } from './n.js';",
      "export { o, type P } from './o.js';",
      "export default 'not an import';",
      "const q = `\nnot at the start of a line: import r from './r.js'`;",
    ].join('\n');
    expect(graph.importsOfText(text)).toEqual(parsed('probe.ts', text));
    expect(graph.importsOfText(text).map((e) => `${e.specifier}${e.typeOnly ? ' (type)' : ''}`)).toEqual([
      './a.js',
      './b.js (type)',
      './c.js (type)',
      './e.js',
      './g.js',
      './i.js',
      './j.css',
      './k.js (type)',
      './m.js',
      './n.js (type)',
      './o.js',
    ]);
  });
});
