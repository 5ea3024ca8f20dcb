import http from 'node:http';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import { startWebHost, type WebHost } from '../../electron/core/rpc/web-host.js';
import { MAX_UPLOAD_BYTES, stageUpload } from '../../electron/core/store/uploads.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('uploads through the web host', () => {
  const t = tempDir();
  let desk: Desk;
  let host: WebHost;
  let appId = '';
  const auth = () => ({ Authorization: `Bearer ${host.token}` });
  const upload = (name: string, data: Buffer) =>
    fetch(`${host.origin}/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(data),
    });
  const rpc = (name: string, input: unknown) =>
    fetch(`${host.origin}/rpc/${name}`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }).then((r) => r.json() as Promise<{ ok: boolean; value?: unknown; error?: unknown }>);

  beforeAll(async () => {
    const rendererDir = path.join(t.dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    desk = await openDesk({
      dataDir: path.join(t.dir, 'data'),
      host: 'web',
      clock: testClock('2026-03-10T02:00:00.000Z').now,
      log: () => undefined,
    });
    host = await startWebHost({ desk, rendererDir });
    await seedBatches(desk);
    appId = (await desk.call('applications.create', { batchId: '2026-1', applicant: fullApplicant('福州数科信息技术有限公司', 1) })).id;
  });
  afterAll(async () => {
    await host.close();
    await desk.close();
    t.cleanup();
  });

  it('uploads a PDF, attaches it to item 2, and serves it inline by sha256', async () => {
    const res = await upload('营业执照（盖章）.pdf', PDF);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; value: { uploadId: string; size: number } };
    expect(body.value.size).toBe(PDF.length);
    const app = await ok<Application>(
      rpc('applications.attachFile', { applicationId: appId, itemNo: 2, uploadId: body.value.uploadId, fileName: '营业执照（盖章）.pdf' }),
    );
    const file = app.materials.find((m) => m.no === 2)!.files[0]!;
    expect(file).toMatchObject({ name: '营业执照（盖章）.pdf', kind: 'pdf', size: PDF.length });
    expect(app.history.at(-1)!.note).toContain('营业执照（盖章）.pdf');
    // The staged upload is consumed.
    expect((await fail(rpc('applications.attachFile', { applicationId: appId, itemNo: 2, uploadId: body.value.uploadId }))).code).toBe(
      'NOT_FOUND',
    );

    const got = await fetch(`${host.origin}/files/${file.sha256}?name=${encodeURIComponent(file.name)}`, { headers: auth() });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''/);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${host.origin}/files/${'0'.repeat(64)}`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${host.origin}/files/../store/settings.json`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${host.origin}/files/${file.sha256}`)).status).toBe(401);

    const removed = await ok<Application>(rpc('applications.removeFile', { applicationId: appId, itemNo: 2, sha256: file.sha256 }));
    expect(removed.materials.find((m) => m.no === 2)!.files).toEqual([]);
  });

  it('refuses a 0-byte file with a Chinese message', async () => {
    const res = await upload('空文件.pdf', Buffer.alloc(0));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('FILE_REJECTED');
    expect(body.error.message).toContain('“空文件.pdf”是空文件（0 字节）');
  });

  it('answers 413 past the cap, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x25);
    const res = await upload('扫描件.pdf', big);
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toContain('超过上限 50 MB');
    // Chunked (no Content-Length): the cap is enforced while streaming.
    const port = Number(new URL(host.origin).port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: `/upload?name=${encodeURIComponent('大.pdf')}`,
          method: 'POST',
          headers: { ...auth(), 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 1);
      let sent = 0;
      const pump = () => {
        while (sent < 60) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('refuses a declared 300 MB upload at once, without reading it', async () => {
    const port = Number(new URL(host.origin).port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: `/upload?name=${encodeURIComponent('300MB.pdf')}`,
          method: 'POST',
          headers: { ...auth(), 'Content-Type': 'application/octet-stream', 'Content-Length': String(300 * 1024 * 1024) },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', () => undefined);
      req.write(Buffer.from('%PDF-1.4\n'));
      setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref();
    });
    expect(status).toBe(413);
  });

  it('refuses a .pdf that is really an ELF or MZ executable, naming the file', async () => {
    for (const [name, head] of [
      ['申请表.pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
      ['办公场所证明.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')],
    ] as const) {
      const res = await upload(name, Buffer.concat([head, Buffer.alloc(2000, 0)]));
      const { value } = (await res.json()) as { value: { uploadId: string } };
      const e = await fail(rpc('applications.attachFile', { applicationId: appId, itemNo: 1, uploadId: value.uploadId }));
      expect(e.code).toBe('FILE_REJECTED');
      expect(e.message).toContain(`“${name}”未接收`);
      expect(e.message).toContain('但内容不是');
    }
    const detail = await ok<{ application: Application }>(rpc('applications.get', { id: appId }));
    expect(detail.application.materials.find((m) => m.no === 1)!.files).toEqual([]);
  });

  it('stages from a buffer the same way the Electron host will from a file', async () => {
    const staged = await stageUpload(desk.dataDir, PDF, 'C:\\Users\\x\\团队.pdf');
    const app = await desk.call('applications.attachFile', { applicationId: appId, itemNo: 4, uploadId: staged.uploadId });
    expect(app.materials.find((m) => m.no === 4)!.files[0]!.name).toBe('团队.pdf');
  });
});
