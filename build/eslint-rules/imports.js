// @ts-check
/**
 * The import statements of the file being linted, as ESLint sees them, for the local rules.
 * @typedef {import('eslint').Rule.Node} Node
 * @typedef {{ node: Node, specifier: string, typeOnly: boolean, dynamic: boolean }} FileImport
 */

/**
 * Calls `onImport` for every import, re-export and dynamic `import('…')` with a literal specifier.
 * An import is type-only when it says `import type` / `export type`, or every named specifier says
 * `type` (the compiler erases it: verbatimModuleSyntax is off).
 * @param {(found: FileImport) => void} onImport
 * @returns {import('eslint').Rule.RuleListener}
 */
export function importVisitors(onImport) {
  /** @param {any} node @param {'importKind' | 'exportKind'} kind */
  const typeOnly = (node, kind) =>
    node[kind] === 'type' ||
    (Array.isArray(node.specifiers) &&
      node.specifiers.length > 0 &&
      node.specifiers.every(
        (/** @type {any} */ s) => s[kind] === 'type' && s.type !== 'ImportDefaultSpecifier' && s.type !== 'ImportNamespaceSpecifier',
      ));
  /** @param {any} node @param {'importKind' | 'exportKind'} kind */
  const statement = (node, kind) => {
    if (node.source && typeof node.source.value === 'string')
      onImport({ node, specifier: node.source.value, typeOnly: typeOnly(node, kind), dynamic: false });
  };
  return {
    ImportDeclaration: (node) => statement(node, 'importKind'),
    ExportNamedDeclaration: (node) => statement(node, 'exportKind'),
    ExportAllDeclaration: (node) => statement(node, 'exportKind'),
    ImportExpression(node) {
      const source = /** @type {any} */ (node).source;
      if (source?.type === 'Literal' && typeof source.value === 'string')
        onImport({ node, specifier: source.value, typeOnly: false, dynamic: true });
    },
  };
}

/**
 * Whether `file` is `entry` or lies inside the folder `entry` (both absolute).
 * @param {string} file
 * @param {string} entry
 */
export function within(file, entry) {
  return file === entry || file.startsWith(entry.endsWith('/') ? entry : entry + '/');
}

/**
 * Declared exceptions (`{ from, to, reason }`, paths relative to the root, a folder covering what is
 * inside it) as a predicate on absolute paths.
 * @param {string} root
 * @param {{ from: string, to: string }[] | undefined} exceptions
 * @returns {(from: string, to: string) => boolean}
 */
export function exceptionTest(root, exceptions) {
  const list = (exceptions ?? []).map((e) => ({ from: abs(root, e.from), to: abs(root, e.to) }));
  return (from, to) => list.some((e) => within(from, e.from) && within(to, e.to));
}

/** @param {string} root @param {string} rel */
export function abs(root, rel) {
  return (root.endsWith('/') ? root : root + '/') + rel.replace(/^\.\//, '').replace(/\/$/, '');
}
