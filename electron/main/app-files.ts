/**
 * Maps app://desk/<path> to files of the built renderer (dist/renderer).
 * Plain Node (no 'electron'), so path traversal rules are unit-tested.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './policy.js';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Turns an app:// URL into an absolute file path under `rootDir`, or refuses it.
 * Refused: other schemes/hosts, `.`/`..` segments (also percent-encoded), encoded
 * slashes or backslashes, NUL bytes, and anything resolving outside the root.
 */
export function resolveAppUrl(url: string, rootDir: string): Resolved {
  // Look at the raw text first: the URL parser would silently drop `..` segments.
  const rawPath = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  if (/(^|[/\\])\.\.?([/\\]|$)/.test(rawPath) || /%2e%2e|%2e\.|\.%2e/i.test(rawPath)) {
    return { ok: false, status: 403 };
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.port !== '') {
    return { ok: false, status: 403 };
  }
  const segments: string[] = [];
  for (const raw of u.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (seg === '.' || seg === '..' || /[/\\\0:]/.test(seg)) return { ok: false, status: 403 };
    segments.push(seg);
  }
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return { ok: false, status: 403 };
  return { ok: true, file };
}

export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Reads the file for an app:// URL; symlinks leading out of the root are refused. */
export async function readAppFile(url: string, rootDir: string): Promise<AppFileResponse> {
  const text = (status: number, body: string): AppFileResponse => ({
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body,
  });
  const r = resolveAppUrl(url, rootDir);
  if (!r.ok) return text(r.status, r.status === 404 ? 'Not Found' : 'Refused');
  try {
    const root = await fs.realpath(path.resolve(rootDir));
    const real = await fs.realpath(r.file);
    if (!real.startsWith(root + path.sep)) return text(403, 'Refused');
    const stat = await fs.stat(real);
    if (!stat.isFile()) return text(404, 'Not Found');
    const body = await fs.readFile(real);
    return { status: 200, headers: { 'Content-Type': mimeFor(real) }, body };
  } catch {
    return text(404, 'Not Found');
  }
}
