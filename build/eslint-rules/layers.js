// @ts-check
/**
 * local/layers — each folder may import only what the layer map in eslint.config.js lists for it
 * (in the spirit of VS Code's code-layering rule). Options:
 *   root:       absolute path the map's paths are relative to (the repository)
 *   layers:     { '<folder or file>': ['<folder or file it may import>', …] | { imports: […], typesOnly: […] } }
 *               A file belongs to the longest key that is it or a folder above it; imports inside its own
 *               layer are free; type-only imports count like any other unless listed under typesOnly.
 *   exceptions: [{ from, to, reason }] edges allowed although the map forbids them (temporary; say why).
 * Only relative imports are checked (packages are the business of no-restricted-imports). A linted file
 * that belongs to no layer is reported, so a new folder has to be placed in the map.
 */
import { abs, exceptionTest, importVisitors, within } from './imports.js';
import { resolveImport, toPosix } from './module-graph.js';

/** @typedef {string[] | { imports: string[], typesOnly?: string[] }} LayerEntry */

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the declared layer map' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'object' }, exceptions: { type: 'array' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{from}} may not import {{to}} ({{target}}): the layer map allows {{allowed}}.',
      typesOnly: '{{from}} may import only types from {{to}} ({{target}}): use `import type`.',
      unmapped: '{{file}} belongs to no layer: add its folder to the layer map in eslint.config.js.',
    },
  },
  create(context) {
    const { root, layers, exceptions } =
      /** @type {{ root: string, layers: Record<string, LayerEntry>, exceptions?: { from: string, to: string }[] }} */ (context.options[0]);
    const keys = Object.keys(layers).sort((a, b) => b.length - a.length);
    /** @param {string} file */
    const layerOf = (file) => keys.find((key) => within(file, abs(root, key)));
    const excepted = exceptionTest(root, exceptions);
    const file = toPosix(context.filename);
    const from = layerOf(file);
    if (!from) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unmapped', data: { file: file.slice(abs(root, '').length) } });
        },
      };
    }
    const entry = layers[from] ?? [];
    const imports = Array.isArray(entry) ? entry : entry.imports;
    const typesOnly = Array.isArray(entry) ? [] : (entry.typesOnly ?? []);
    /** @param {string[]} list @param {string} target */
    const listed = (list, target) => list.some((allowed) => within(target, abs(root, allowed)));
    return importVisitors(({ node, specifier, typeOnly }) => {
      const target = resolveImport(file, specifier);
      if (!target) return;
      const to = layerOf(target);
      if (to === from || listed(imports, target) || excepted(file, target)) return;
      const data = { from, to: to ?? 'outside the map', target: specifier, allowed: imports.length ? imports.join(', ') : 'nothing' };
      if (listed(typesOnly, target)) {
        if (!typeOnly) context.report({ node, messageId: 'typesOnly', data });
        return;
      }
      context.report({ node, messageId: 'forbidden', data });
    });
  },
};
