/**
 * One CSP in all three places (Electron's app:// responses, the web host's headers, the page's meta tag) and it
 * stays strict with the preview and printing in it: pdf.js needs no 'unsafe-eval' (isEvalSupported: false), no
 * 'wasm-unsafe-eval' (useWasm: false), no blob: worker (its worker is a same-origin file: worker-src falls back
 * to script-src 'self'); the print pictures are blob: images (img-src blob:). No frame, object or remote source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../../electron/main/policy.js';
import { SECURITY_HEADERS } from '../../../electron/core/rpc/http-util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8'),
)?.[1];

describe('CSP with the preview and printing', () => {
  const sources = { electron: CSP, webHost: SECURITY_HEADERS['Content-Security-Policy']!, meta: meta ?? '' };

  it('is the same policy in Electron, the web host and the page (frame-ancestors cannot be set by meta)', () => {
    expect(meta).toBeTruthy();
    const [e, w, m] = [directives(sources.electron), directives(sources.webHost), directives(sources.meta)];
    expect(w).toEqual(e);
    e.delete('frame-ancestors');
    expect(m).toEqual(e);
  });

  it.each(Object.entries(sources))('%s: scripts and workers only from our own files, nothing evaluated, nothing framed', (_host, csp) => {
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    // worker-src / child-src / frame-src unset: they fall back to script-src / default-src 'self'
    for (const loosened of ['worker-src', 'child-src', 'frame-src']) expect(d.has(loosened), loosened).toBe(false);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|https?:|\*/);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']); // blob:: the print pictures
  });

  it('pdf.js is opened without eval and without wasm', () => {
    const src = readFileSync(path.join(root, 'renderer', 'components', 'pdfjs.ts'), 'utf8');
    expect(src).toMatch(/isEvalSupported:\s*false/);
    expect(src).toMatch(/useWasm:\s*false/);
    expect(src).toMatch(/pdf\.worker\.min\.mjs\?url/); // the worker is a file Vite emits next to the app
  });
});
