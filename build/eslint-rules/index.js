// @ts-check
/** The project's own lint rules (see eslint.config.js): the layer map and the import-cycle check. */
import layers from './layers.js';
import noCycles from './no-cycles.js';

export default {
  meta: { name: 'local' },
  rules: { layers, 'no-cycles': noCycles },
};
