// @ts-check
/**
 * The project's import graph, read from disk, for the
 * local lint rules: how a relative specifier resolves (the `.js` → `.ts` mapping of NodeNext in core,
 * extensionless imports in the renderer) and whether an import closes a cycle.
 * Type-only imports (`import type`, `export type`, or every specifier marked `type`) are erased
 * at build time, so they are kept apart: a cycle counts only value imports.
 */
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_EXTENSIONS = ['.ts', '.tsx'];

/**
 * Absolute path of the source file a relative specifier names, or undefined when it names
 * a package or no source file (json, css, a missing file).
 * @param {string} fromFile absolute path of the importing file
 * @param {string} specifier as written
 */
export function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates =
    stem === base
      ? [base, ...SOURCE_EXTENSIONS.map((ext) => base + ext), ...SOURCE_EXTENSIONS.map((ext) => path.join(base, 'index' + ext))]
      : [...SOURCE_EXTENSIONS.map((ext) => stem + ext), base];
  const found = candidates.find((file) => /\.(ts|tsx|js|mjs)$/.test(file) && isFile(file));
  return found && toPosix(found);
}

/** Paths are compared with forward slashes on every platform. @param {string} file */
export function toPosix(file) {
  return file.split(path.sep).join('/');
}

/** @param {string} file */
function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @typedef {{ specifier: string, typeOnly: boolean }} ImportEdge
 */

/**
 * One import or re-export statement at the start of a line (as this project writes them):
 * `import X, { a, type B } from '…'`, `import * as n from '…'`, `import type … from '…'`, `import '…'`,
 * `export { a } from '…'`, `export * from '…'`, `export type { T } from '…'`. A regular expression
 * rather than a parser: the whole tree is read in well under a second (a TypeScript parse of every
 * file took seconds); test/unit/lint/layers.test.ts checks it against the parser's view of the tree.
 */
const STATEMENT =
  /^(import|export)(\s+type)?\s*(?:(\{[^}]*\})|\*(?:\s+as\s+[\w$]+)?|[\w$]+(?:\s*,\s*(?:(\{[^}]*\})|\*\s+as\s+[\w$]+))?)?\s*(?:from\s*)?['"]([^'"\n]+)['"]/gm;

/**
 * The static imports and re-exports of a source text (dynamic `import()` loads lazily and cannot
 * close a load-time cycle, so it is left out).
 * @param {string} text
 * @returns {ImportEdge[]}
 */
export function importsOfText(text) {
  /** @type {ImportEdge[]} */
  const edges = [];
  for (const m of text.matchAll(STATEMENT)) {
    const [whole, keyword, typeKeyword, braces, bracesAfterDefault, specifier] = m;
    // `export <name> '…'` is no re-export (e.g. export default 'text')
    if (keyword === 'export' && !braces && !/^export(\s+type)?\s*\*/.test(whole)) continue;
    const everyNameIsType =
      !!braces &&
      !bracesAfterDefault &&
      braces
        .slice(1, -1)
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
        .every((item, _i, items) => items.length > 0 && /^type\s/.test(item));
    const hasNames = !!braces && braces.slice(1, -1).trim() !== '';
    edges.push({ specifier: /** @type {string} */ (specifier), typeOnly: !!typeKeyword || (hasNames && everyNameIsType) });
  }
  return edges;
}

/** @type {Map<string, { mtimeMs: number, targets: string[] }>} value imports per file, kept while the file is unchanged */
const cache = new Map();

/**
 * The files a file imports by value (resolved, relative imports only), read from disk.
 * @param {string} file absolute path
 * @returns {string[]}
 */
export function valueImportsOnDisk(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.targets;
  const targets = valueTargets(file, importsOfText(fs.readFileSync(file, 'utf8')));
  cache.set(file, { mtimeMs, targets });
  return targets;
}

/**
 * @param {string} file
 * @param {ImportEdge[]} edges
 */
function valueTargets(file, edges) {
  /** @type {string[]} */
  const out = [];
  for (const edge of edges) {
    if (edge.typeOnly) continue;
    const target = resolveImport(file, edge.specifier);
    if (target && !out.includes(target)) out.push(target);
  }
  return out;
}

/**
 * The shortest path back to `start` from `first` over value imports (`importsOf`), as the list of files
 * from `first` to `start`; undefined when there is none. A breadth-first search, so a message names the
 * shortest cycle. `known` collects files seen not to lead back (filled only when no path was found: then
 * nothing reached leads back), so one call per import of a file stays linear overall.
 * @param {string} start
 * @param {string} first
 * @param {(file: string) => string[]} importsOf
 * @param {Set<string>} known
 * @returns {string[] | undefined}
 */
export function pathBack(start, first, importsOf, known) {
  if (known.has(first)) return undefined;
  /** @type {Map<string, string | undefined>} each file reached, with the file it was reached from */
  const cameFrom = new Map([[first, undefined]]);
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    const file = /** @type {string} */ (queue[i]);
    if (file === start) {
      /** @type {string[]} */
      const trail = [];
      for (let at = /** @type {string | undefined} */ (file); at !== undefined; at = cameFrom.get(at)) trail.unshift(at);
      return trail;
    }
    for (const next of importsOf(file)) {
      if (cameFrom.has(next) || known.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  for (const file of queue) known.add(file);
  return undefined;
}
