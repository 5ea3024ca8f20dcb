import type { IncomingMessage, ServerResponse } from 'node:http';

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

export class BodyTooLarge extends Error {}

/** Read a request body up to `cap` bytes; rejects with BodyTooLarge past it. */
export function readBody(req: IncomingMessage, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > cap) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = safeDecode(part.slice(i + 1).trim()) ?? part.slice(i + 1).trim();
  }
  return out;
}

/** decodeURIComponent, or undefined for a malformed %-escape (`%E0`, `%zz`) instead of a URIError. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The sentence a signed-out browser sees (expired or absent token, or another instance's cookie). */
export const SIGNED_OUT_MESSAGE = '登录已失效，请重新打开启动时打印的地址';

/** A whole page for a signed-out browser navigation (no script: the renderer's bundle is not served without the token). */
export function signedOutPage(): string {
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>登录已失效 - 产业知识产权中心认定工作台</title></head>',
    '<body style="font-family: system-ui, sans-serif; background: #f2f4f7; margin: 0">',
    '<main role="alert" style="max-width: 560px; margin: 18vh auto; padding: 32px; background: #fff; border-radius: 4px; text-align: center">',
    `<h1 style="font-size: 20px; color: #a8071a">${SIGNED_OUT_MESSAGE}</h1>`,
    '<p style="color: #555">工作台启动时在命令行窗口打印了含访问口令的完整地址（…/?token=…），请复制该地址在浏览器中重新打开。</p>',
    '</main></body></html>',
  ].join('');
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
