import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Application } from '../../electron/core/contract/applications/entities.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('files: staging over IPC and opening attachments', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const opened: string[] = [];
  const clock = testClock('2026-03-10T02:00:00.000Z');

  async function open(hostServices?: { openPath(f: string): Promise<void> }) {
    desk = await openDesk({
      dataDir: t.dir,
      host: hostServices ? 'electron' : 'web',
      clock: clock.now,
      log: () => undefined,
      ...(hostServices ? { hostServices } : {}),
    });
  }
  beforeEach(async () => {
    t = tempDir();
    opened.length = 0;
    await open({ openPath: async (f) => void opened.push(f) });
    await seedBatches(desk);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  async function attach(name: string, data: Buffer): Promise<Application> {
    const app = await desk.call('applications.create', { batchId: '2026-1', applicant: fullApplicant('福州数科信息技术有限公司', 61) });
    const staged = await desk.call('files.stage', { name, data: new Uint8Array(data) });
    expect(staged.size).toBe(data.length);
    return desk.call('applications.attachFile', { applicationId: app.id, itemNo: 1, uploadId: staged.uploadId, fileName: name });
  }

  it('stages bytes sent by the desktop app and attaches them; opens a named copy in the system viewer', async () => {
    const app = await attach('申请表.pdf', PDF);
    const file = app.materials[0]!.files[0]!;
    expect(file).toMatchObject({ name: '申请表.pdf', kind: 'pdf', size: PDF.length });
    expect(await ok(desk.invoke('files.open', { sha256: file.sha256, name: file.name }))).toEqual({ opened: true });
    expect(path.basename(opened[0]!)).toBe('申请表.pdf');
    expect(opened[0]!.startsWith(t.dir)).toBe(true);
    expect(readFileSync(opened[0]!).equals(PDF)).toBe(true);
  });

  it('refuses an executable named .pdf at attach time and an unknown file at open time', async () => {
    const e = await attach('营业执照.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')).then(
      () => null,
      (err: Error) => err,
    );
    expect(e?.message).toContain('营业执照.pdf');
    const missing = await fail(desk.invoke('files.open', { sha256: 'a'.repeat(64), name: 'x.pdf' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('找不到');
    const bad = await fail(desk.invoke('files.stage', { name: 'x.pdf', data: 'not bytes' }));
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('answers a URL on the web host, which has no system viewer', async () => {
    const app = await attach('申请表.pdf', PDF);
    await desk.close();
    await open();
    const file = app.materials[0]!.files[0]!;
    const r = await desk.call('files.open', { sha256: file.sha256, name: file.name });
    expect(r.opened).toBe(false);
    expect(r.url).toBe(`/files/${file.sha256}?name=${encodeURIComponent('申请表.pdf')}`);
  });
});
