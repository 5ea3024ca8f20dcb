import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { Center } from '../../electron/core/contract/designation.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, ok } from '../helpers/applications.js';
import { scoredBatch } from '../helpers/designation.js';

/** A 1×1 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const images = (file: string) =>
  execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).length;
const pageSize = (file: string) =>
  /Page size:\s+([\d.]+) x ([\d.]+)/
    .exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!
    .slice(1)
    .map(Number);

describe('certificates: seal image and paper size from 设置', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let center: Center;
  beforeEach(async () => {
    t = tempDir();
    clock.set('2026-03-10T02:00:00.000Z');
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await scoredBatch(desk, [{ name: '福州闽江纺织科技有限公司', total: 85, industry: '纺织化纤' }]);
    clock.set('2026-09-27T02:00:00.000Z');
    await ok(desk.invoke('publicity.create', { batchId: '2026-1', startsOn: '2026-09-28' }));
    clock.set('2026-10-12T02:00:00.000Z');
    center = (await desk.call('decision.create', { batchId: '2026-1', decidedOn: '2026-10-12' })).centers[0]!;
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const stage = async (name: string, data: Buffer) => (await desk.call('files.stage', { name, data: new Uint8Array(data) })).uploadId;

  it('places the imported seal on the certificate; clearing it removes it; A3 when chosen', async () => {
    const plain = await desk.call('centers.certificatePdf', { centerId: center.id });
    expect(images(plain.path)).toBe(0);
    const s = await desk.call('settings.setSeal', { uploadId: await stage('公章.png', PNG) });
    expect(s.sealImageSha256).toMatch(/^[0-9a-f]{64}$/);
    const sealed = await desk.call('centers.certificatePdf', { centerId: center.id });
    expect(images(sealed.path)).toBeGreaterThan(0); // the seal (with its soft mask)
    expect(pageSize(sealed.path)[0]).toBeCloseTo(841.89, 0); // A4 landscape width in pt
    await ok(desk.invoke('settings.update', { certificateSize: 'A3-landscape' }));
    const a3 = await desk.call('centers.certificatePdf', { centerId: center.id });
    expect(pageSize(a3.path)[0]).toBeCloseTo(1190.55, 0);
    const cleared = await desk.call('settings.setSeal', { uploadId: null });
    expect(cleared.sealImageSha256).toBeUndefined();
    expect(images((await desk.call('centers.certificatePdf', { centerId: center.id })).path)).toBe(0);
  });

  it('refuses a seal that is not a picture, and a seal set through settings.update', async () => {
    const e = await fail(desk.invoke('settings.setSeal', { uploadId: await stage('公章.png', Buffer.from('%PDF-1.4 not an image')) }));
    expect(e.code).toBe('FILE_REJECTED');
    expect(e.message).toContain('公章.png');
    expect((await fail(desk.invoke('settings.update', { sealImageSha256: 'a'.repeat(64) }))).code).toBe('INVALID_INPUT');
  });
});
