import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { startWebHost, MAX_RPC_BODY, type WebHost } from '../../electron/core/rpc/web-host.js';
import { tempDir } from '../helpers/temp.js';

describe('loopback web host', () => {
  const t = tempDir();
  const rendererDir = path.join(t.dir, 'renderer');
  let desk: Desk;
  let host: WebHost;
  const auth = () => ({ Authorization: `Bearer ${host.token}` });
  const rpc = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/rpc/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth(), ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>产业知识产权中心认定工作台</title>');
    desk = await openDesk({ dataDir: path.join(t.dir, 'data'), host: 'web', log: () => undefined });
    host = await startWebHost({ desk, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await desk.close();
    t.cleanup();
  });

  it('binds to 127.0.0.1 with a random token in the URL', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('answers POST /rpc/<name> with the envelope', async () => {
    const res = await rpc('settings.get', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { bureauName: '福州市市场监督管理局' } });
    const bad = await rpc('batches.create', { year: 'x' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a wrong or missing token with 401', async () => {
    expect((await rpc('settings.get', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    const none = await fetch(`${host.origin}/rpc/settings.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/?token=nope`, { redirect: 'manual' })).status).toBe(401);
  });

  it('exchanges the URL token for an HttpOnly SameSite cookie', async () => {
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await fetch(`${host.origin}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('产业知识产权中心认定工作台');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses other origins, other hosts, non-POST and oversize bodies', async () => {
    expect((await rpc('settings.get', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${host.origin}/rpc/settings.get`, { headers: auth() })).status).toBe(405);
    expect((await rpc('settings.get', 'x'.repeat(MAX_RPC_BODY + 10))).status).toBe(413);
    const wrongType = await fetch(`${host.origin}/rpc/settings.get`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const port = Number(new URL(host.origin).port);
      http.get({ host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}`, ...auth() } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
    });
    expect(status).toBe(421);
    expect((await fetch(`${host.origin}/`, { method: 'DELETE', headers: auth() })).status).toBe(405);
  });

  it('does not serve files outside the renderer or exports folders', async () => {
    const res = await fetch(`${host.origin}/exports/..%2F..%2Fdesk.lock`, { headers: auth() });
    expect(res.status).toBe(404);
    const res2 = await fetch(`${host.origin}/..%2F..%2Fetc%2Fpasswd`, { headers: auth() });
    expect(await res2.text()).not.toContain('root:');
  });

  it('returns a JSON error for a body that is not JSON', async () => {
    const res = await fetch(`${host.origin}/rpc/settings.get`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers a malformed %-escape with 400 and a Chinese sentence, not 500', async () => {
    const res = await fetch(`${host.origin}/rpc/%E0%A4%A`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(body.error.message).toContain('百分号编码');
    const exp = await fetch(`${host.origin}/exports/%E0`, { headers: auth() });
    expect(exp.status).toBe(400);
    expect(await exp.text()).toContain('百分号编码');
    // A malformed escape in someone else's cookie on 127.0.0.1 does not break this host either.
    const res2 = await rpc('settings.get', {}, { Cookie: 'other_app=%E0' });
    expect(res2.status).toBe(200);
  });

  it('a signed-out page load gets a readable Chinese page, API calls a 401', async () => {
    const page = await fetch(`${host.origin}/centers`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('登录已失效，请重新打开启动时打印的地址');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('two web hosts on one machine', () => {
  const t = tempDir();
  const hosts: WebHost[] = [];
  const desks: Desk[] = [];

  beforeAll(async () => {
    const rendererDir = path.join(t.dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>产业知识产权中心认定工作台</title>');
    for (const name of ['a', 'b']) {
      const desk = await openDesk({ dataDir: path.join(t.dir, name), host: 'web', log: () => undefined });
      desks.push(desk);
      hosts.push(await startWebHost({ desk, rendererDir }));
    }
  });
  afterAll(async () => {
    for (const h of hosts) await h.close();
    for (const d of desks) await d.close();
    t.cleanup();
  });

  it('both stay signed in: each sets its own cookie, and a browser sends every 127.0.0.1 cookie to both', async () => {
    // A browser's cookie jar for 127.0.0.1: cookies ignore the port, a cookie of the same name replaces the old one.
    const jar = new Map<string, string>();
    for (const h of hosts) {
      expect(new URL(h.origin).hostname).toBe('127.0.0.1');
      const res = await fetch(h.url, { redirect: 'manual' });
      expect(res.status).toBe(303);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      const [pair] = cookie.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    expect(jar.size).toBe(2);
    const header = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const h of hosts) {
      const res = await fetch(`${h.origin}/rpc/settings.get`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: header },
        body: '{}',
      });
      expect(res.status, h.origin).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true });
    }
    // Each host accepts only its own cookie, not the other's token under its name.
    const [a, b] = hosts as [WebHost, WebHost];
    const cross = await fetch(`${a.origin}/rpc/settings.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `${b.cookieName}=${b.token}` },
      body: '{}',
    });
    expect(cross.status).toBe(401);
  });
});
