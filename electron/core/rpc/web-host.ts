import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Desk } from '../app.js';
import { resolveExport } from '../store/exports.js';
import { handleUpload, serveAttachment } from './web-uploads.js';
import {
  BodyTooLarge,
  MIME,
  SECURITY_HEADERS,
  parseCookies,
  readBody,
  safeDecode,
  sameToken,
  send,
  sendJson,
  signedOutPage,
} from './http-util.js';

export const MAX_RPC_BODY = 1024 * 1024;
const BAD_ESCAPE = '地址中含有无效的百分号编码（%），请检查地址后重试。';

/**
 * The session cookie's name, one per instance: browsers keep cookies per host and ignore the port, so two web
 * hosts on 127.0.0.1 sharing one name would overwrite each other's token. Derived from the token (not the token
 * itself), so a host restarted with the same --token keeps its signed-in tabs.
 */
export function cookieNameFor(token: string): string {
  return `desk_token_${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

export interface WebHostOptions {
  desk: Desk;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  /** Name of this instance's HttpOnly session cookie. */
  cookieName: string;
  close(): Promise<void>;
}

/**
 * Loopback web host: serves the built renderer and POST /rpc/<name> over the same dispatch as Electron.
 * Bound to 127.0.0.1 only; every request needs the random token (cookie set from ?token=, or a Bearer header);
 * other hosts, origins, methods and oversize bodies are refused.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const bind = opts.host ?? '127.0.0.1';
  const cookieName = cookieNameFor(token);
  const sse = new Set<ServerResponse>();
  let origin = '';
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `服务器内部错误：${(err as Error).message}`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, '只接受本机地址访问。');
    const url = new URL(req.url ?? '/', origin);
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin && reqOrigin !== `http://localhost:${port}`)
      return send(res, 403, '拒绝来自其他网站的请求。');

    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && queryToken !== null) {
      if (!sameToken(queryToken, token)) return send(res, 401, '访问口令不正确，请使用启动时打印的完整地址。');
      url.searchParams.delete('token');
      return send(res, 303, '', 'text/plain', {
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + (url.search || ''),
      });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!sameToken(bearer ?? parseCookies(req.headers.cookie)[cookieName], token)) {
      // A page load (the browser navigating) gets a readable page; API calls get the sentence as text.
      if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) return send(res, 401, signedOutPage(), MIME['.html']);
      return send(res, 401, '需要访问口令：请使用启动时打印的完整地址打开（含 ?token=…）。');
    }

    if (url.pathname.startsWith('/rpc/')) {
      const name = safeDecode(url.pathname.slice(5));
      if (name === undefined) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: BAD_ESCAPE } });
      return rpc(req, res, name);
    }
    if (url.pathname === '/upload') return handleUpload(req, res, url, opts.desk.dataDir);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求方法。', undefined, { Allow: 'GET, HEAD' });
    if (url.pathname === '/events') return events(res);
    if (url.pathname.startsWith('/files/')) return serveAttachment(res, url, url.pathname.slice(7), opts.desk.dataDir);
    if (url.pathname.startsWith('/exports/')) {
      const rel = safeDecode(url.pathname.slice(9));
      return rel === undefined ? send(res, 400, BAD_ESCAPE) : exportFile(res, rel);
    }
    return staticFile(res, url.pathname);
  }

  async function rpc(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, '接口只接受 POST。', undefined, { Allow: 'POST' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '请求内容须为 JSON。');
    let body: Buffer;
    try {
      body = await readBody(req, MAX_RPC_BODY);
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return send(res, 413, `请求内容超过 ${MAX_RPC_BODY / 1024} KB 上限。`, undefined, { Connection: 'close' });
      throw err;
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON。' } });
    }
    sendJson(res, 200, await opts.desk.invoke(name, input));
  }

  function events(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sse.add(res);
    res.on('close', () => sse.delete(res));
  }

  async function exportFile(res: ServerResponse, rel: string): Promise<void> {
    const exportsDir = path.join(opts.desk.dataDir, 'exports');
    const file = resolveExport(exportsDir, rel);
    if (!file) return send(res, 404, '找不到该文件。');
    try {
      const stat = await fs.stat(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(stat.size),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
        'Cache-Control': 'no-store',
      });
      createReadStream(file).pipe(res);
    } catch {
      send(res, 404, '找不到该文件。');
    }
  }

  async function staticFile(res: ServerResponse, pathname: string): Promise<void> {
    const root = path.resolve(opts.rendererDir);
    let file = path.resolve(root, `.${path.posix.normalize(pathname)}`);
    if (!file.startsWith(root + path.sep) && file !== root) return send(res, 404, '找不到该页面。');
    let data: Buffer;
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      data = await fs.readFile(file);
    } catch {
      if (path.extname(pathname)) return send(res, 404, '找不到该文件。');
      file = path.join(root, 'index.html'); // client-side route
      try {
        data = await fs.readFile(file);
      } catch {
        return send(res, 503, '界面尚未构建：请先运行 npm run build。');
      }
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    send(res, 200, data, type, { 'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600' });
  }

  const unsubscribe = opts.desk.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sse) res.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bind, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    cookieName,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of sse) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
