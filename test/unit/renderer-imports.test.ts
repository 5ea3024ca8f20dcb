/**
 * The renderer holds no copy of a core rule or label: it imports pure domain functions and the contract's
 * zod-free label/constant modules by value. This checks the two halves of that promise:
 * - what the renderer reaches in electron/core by value (followed through every module) is domain/ or a
 *   contract *labels.ts / limits.ts module, and none of it imports a package (no zod, no Node, no I/O);
 * - the lint rule lets exactly those through and still refuses value imports of the zod contract and of store/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { probeEslint } from '../helpers/eslint-probe.js';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Module specifiers a file imports or re-exports by value (type-only imports are erased and skipped). */
function valueImports(file: string): string[] {
  const sf = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.ES2022,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      const named = st.exportClause;
      const onlyTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

const resolve = (from: string, spec: string) => path.resolve(path.dirname(from), spec).replace(/\.js$/, '.ts');
const CORE = path.join(ROOT, 'electron', 'core') + path.sep;

/** Every electron/core module the renderer reaches by value, with the packages those modules import. */
function coreReachedByRenderer(): { modules: Set<string>; packages: Map<string, string> } {
  const modules = new Set<string>();
  const packages = new Map<string, string>();
  const queue: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'renderer'))) {
    for (const spec of valueImports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(file, spec);
      if (target.startsWith(CORE)) queue.push(target);
    }
  }
  while (queue.length) {
    const file = queue.pop()!;
    if (modules.has(rel(file))) continue;
    modules.add(rel(file));
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) queue.push(resolve(file, spec));
      else packages.set(spec, rel(file));
    }
  }
  return { modules, packages };
}

describe('renderer imports from the core', () => {
  it('by value only pure domain modules and zod-free contract labels and limits, which import no package', () => {
    const { modules, packages } = coreReachedByRenderer();
    // not vacuous: the rules and labels the screens show come from here
    for (const m of [
      'electron/core/domain/summary-due.ts',
      'electron/core/domain/application-status.ts',
      'electron/core/contract/expert-review-labels.ts',
      'electron/core/contract/limits.ts',
    ]) {
      expect(modules, m).toContain(m);
    }
    const outside = [...modules].filter(
      (m) => !/^electron\/core\/(domain\/[a-z-]+|contract\/([a-z-]+-)?labels|contract\/limits)\.ts$/.test(m),
    );
    expect(outside, 'core modules the renderer reaches by value outside domain/ and contract labels').toEqual([]);
    expect(Object.fromEntries(packages), 'packages (zod, node:*) imported by core modules the renderer reaches').toEqual({});
  });

  it('the lint rule allows exactly those value imports', async () => {
    const eslint = probeEslint(ROOT);
    const errorsOf = async (code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'renderer', 'pages', 'probe.ts') });
      return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').length;
    };
    const use = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const probe = ${name};\n`;
    expect(await errorsOf(use('summaryDueDate', '../../electron/core/domain/summary-due.js'))).toBe(0);
    expect(await errorsOf(use('CONFLICT_REASON_LABELS', '../../electron/core/contract/expert-review-labels.js'))).toBe(0);
    expect(await errorsOf(use('uploadCapFor', '../../electron/core/contract/limits.js'))).toBe(0);
    expect(await errorsOf("import type { Batch } from '../../electron/core/contract/batches.js';\nexport type Probe = Batch;\n")).toBe(0);
    expect(await errorsOf(use('Batch', '../../electron/core/contract/batches.js'))).toBe(1);
    expect(await errorsOf(use('Batch', '../../electron/core/contract/index.js'))).toBe(1);
    expect(await errorsOf(use('uploadCapFor', '../../electron/core/store/uploads.js'))).toBe(1);
    expect(await errorsOf(use('createDesk', '../../electron/core/app.js'))).toBe(1);
  });
});
