import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeFor, readAppFile, resolveAppUrl } from '../../../electron/main/app-files.js';

let tmp: string;
let root: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'desk-app-files-'));
  root = path.join(tmp, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', '字体 1.woff2'), 'x');
  writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resolveAppUrl', () => {
  it('maps app://desk/ paths under the root', () => {
    expect(resolveAppUrl('app://desk/', root)).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppUrl('app://desk/assets/main-abc.js?x=1#h', root)).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'main-abc.js'),
    });
    expect(resolveAppUrl('app://desk/assets/%E5%AD%97%E4%BD%93%201.woff2', root)).toEqual({
      ok: true,
      file: path.join(root, 'assets', '字体 1.woff2'),
    });
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/assets/../../secret.txt',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E/secret.txt',
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/..%5c..%5csecret.txt',
    'app://desk/assets/%00.js',
    'app://desk/C:%5Cwindows%5Cwin.ini',
    'app://desk/./index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
  ])('refuses %s', (url) => {
    const r = resolveAppUrl(url, root);
    expect(r.ok).toBe(false);
  });
});

describe('readAppFile', () => {
  it('serves files with their MIME type', async () => {
    const r = await readAppFile('app://desk/index.html', root);
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(String(r.body)).toContain('<title>');
    const js = await readAppFile('app://desk/assets/main-abc.js', root);
    expect(js.headers['Content-Type']).toMatch(/^text\/javascript/);
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await readAppFile('app://desk/nope.js', root)).status).toBe(404);
    expect((await readAppFile('app://desk/assets', root)).status).toBe(404);
  });

  it('refuses traversal and symlinks out of the root', async () => {
    const t = await readAppFile('app://desk/../../etc/passwd', root);
    expect(t.status).toBe(403);
    expect(String(t.body)).not.toContain('root:');
    expect((await readAppFile('app://desk/link.txt', root)).status).toBe(403);
  });

  it('knows the common MIME types', () => {
    expect(mimeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeFor('a.SVG')).toBe('image/svg+xml');
    expect(mimeFor('a.woff2')).toBe('font/woff2');
    expect(mimeFor('a.unknown')).toBe('application/octet-stream');
  });
});
