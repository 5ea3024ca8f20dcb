/** Loading packages at run time, the same from ESM (tsx, vitest) and from the CommonJS bundle of the Electron host. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of this module, in ESM (tsx, vitest) as well as in a CommonJS bundle. */
export function moduleDir(): string {
  if (typeof __dirname !== 'undefined') return __dirname;
  return path.dirname(fileURLToPath(import.meta.url));
}

/** A require() that resolves from here: the bundle's own, or one made for this module under ESM. */
export function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(path.join(moduleDir(), 'x.js'));
}
