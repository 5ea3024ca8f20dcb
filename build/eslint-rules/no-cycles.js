// @ts-check
/**
 * local/no-cycles — no import cycle among the project's modules, type-only imports aside (the compiler
 * erases them). The graph is read from disk (cached per file while unchanged); the file being linted
 * counts with its text as linted. Every file on a cycle reports it at its import that leads back.
 * Options: root (absolute), exceptions: [{ from, to, reason }] edges left out of the search (temporary).
 */
import { exceptionTest, importVisitors } from './imports.js';
import { pathBack, resolveImport, toPosix, valueImportsOnDisk } from './module-graph.js';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles (type-only imports aside)' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, exceptions: { type: 'array' } },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      cycle: 'Import cycle: {{cycle}}. Move the shared piece to a module both may import, or make one side `import type`.',
    },
  },
  create(context) {
    const { root, exceptions } = /** @type {{ root: string, exceptions?: { from: string, to: string }[] }} */ (context.options[0]);
    const excepted = exceptionTest(root, exceptions);
    const file = toPosix(context.filename);
    /** @type {{ node: import('eslint').Rule.Node, target: string }[]} */
    const edges = [];
    /** @param {string} from */
    const importsOf = (from) => valueImportsOnDisk(from).filter((to) => !excepted(from, to));
    const prefix = root.endsWith('/') ? root : root + '/';
    /** @param {string} f */
    const short = (f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f);
    return {
      ...importVisitors(({ node, specifier, typeOnly, dynamic }) => {
        if (typeOnly || dynamic) return;
        const target = resolveImport(file, specifier);
        if (target && target !== file && !excepted(file, target) && !edges.some((e) => e.target === target)) edges.push({ node, target });
      }),
      'Program:exit'() {
        /** @type {Set<string>} */
        const known = new Set();
        for (const { node, target } of edges) {
          const back = pathBack(file, target, importsOf, known);
          if (back) context.report({ node, messageId: 'cycle', data: { cycle: [file, ...back].map(short).join(' → ') } });
        }
      },
    };
  },
};
