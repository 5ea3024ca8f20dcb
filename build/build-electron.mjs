// Bundles the Electron host with vite's build API (vite 8 / rolldown):
//   electron/main/main.ts       -> dist-electron/main.cjs     (electron + every dependency external)
//   electron/preload/preload.ts -> dist-electron/preload.cjs  (one CJS file for the sandbox; only 'electron' external)
//   electron/core/archive/digest-worker.ts -> dist-electron/digest-worker.cjs (the worker threads that compute SM3 and
//                                  inspect archive entries; main.cjs starts them from beside itself, see digest-pool.ts)
// The preload gets the contract's method and event names as build-time constants, so zod stays out of it.
import { readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const deps = Object.keys(pkg.dependencies ?? {});
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** electron, node builtins and every runtime dependency (with subpaths) stay require()s. */
function isExternalForMain(id) {
  if (id === 'electron' || id.startsWith('electron/') || builtins.has(id)) return true;
  return deps.some((d) => id === d || id.startsWith(`${d}/`));
}

/**
 * In the CJS bundle `import.meta.url` would point at dist-electron/main.cjs, breaking code such as
 * core's appRoot() that walks up from its own source file. Rewrite it to the URL the source file
 * would have next to the bundle (dist-electron/ sits one level below the app root, also in app.asar).
 */
function sourceRelativeImportMeta() {
  return {
    name: 'desk-source-relative-import-meta',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.startsWith(path.join(root, 'electron') + path.sep) || !code.includes('import.meta.url')) return null;
      const rel = JSON.stringify(path.relative(root, file).split(path.sep).join('/'));
      const expr = `require("node:url").pathToFileURL(require("node:path").join(__dirname, "..", ${rel})).href`;
      return { code: code.replaceAll('import.meta.url', expr), map: null };
    },
  };
}

/** Shared vite options for a node-side CJS bundle. */
function nodeBundle({ entry, fileName, external, define = {} }) {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define,
    plugins: [sourceRelativeImportMeta()],
    ssr: { target: 'node', noExternal: true },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false, exports: 'auto' },
      },
    },
  };
}

async function contractNames() {
  const { module } = await runnerImport('/electron/core/contract/index.ts', {
    configFile: false,
    root,
    logLevel: 'error',
  });
  const methods = [...module.methodNames];
  const events = [...module.eventNames];
  if (methods.length === 0) throw new Error('contract has no methods');
  return { methods, events };
}

const started = Date.now();
await rm(outDir, { recursive: true, force: true });

const names = await contractNames();
await build(
  nodeBundle({
    entry: path.join(root, 'electron/preload/preload.ts'),
    fileName: 'preload.cjs',
    external: (id) => id === 'electron',
    define: {
      __DESK_METHOD_NAMES__: JSON.stringify(names.methods),
      __DESK_EVENT_NAMES__: JSON.stringify(names.events),
    },
  }),
);
const DIGEST_WORKER = 'digest-worker.cjs';
await build(
  nodeBundle({
    entry: path.join(root, 'electron/main/main.ts'),
    fileName: 'main.cjs',
    external: isExternalForMain,
    define: { __DESK_DIGEST_WORKER__: JSON.stringify(DIGEST_WORKER) },
  }),
);
await build(
  nodeBundle({
    entry: path.join(root, 'electron/core/archive/digest-worker.ts'),
    fileName: DIGEST_WORKER,
    external: isExternalForMain,
  }),
);

// The sandboxed preload may only require('electron'): fail the build if anything else slipped in.
const preload = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const bad = requires.filter((r) => r !== 'electron');
if (bad.length > 0) throw new Error(`preload.cjs requires ${bad.join(', ')}; only 'electron' is allowed`);

console.log(
  `dist-electron/main.cjs + preload.cjs + ${DIGEST_WORKER} built (${names.methods.length} methods, ` +
    `${names.events.length} events) in ${Date.now() - started} ms`,
);
