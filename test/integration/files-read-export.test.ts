/**
 * files.readExport: the in-app PDF preview reads an exported PDF's bytes, and nothing outside <data>/exports.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { READ_EXPORT_MAX_BYTES } from '../../electron/core/contract/files.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok, seedBatches } from '../helpers/applications.js';

describe('files.readExport', () => {
  let t: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  beforeEach(async () => {
    t = tempDir();
    outside = tempDir('desk-outside-');
    desk = await openDesk({ dataDir: t.dir, host: 'web', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
    outside.cleanup();
  });

  async function acceptanceNotice() {
    const app = await desk.call('applications.create', {
      batchId: '2026-1',
      applicant: fullApplicant('福州闽江纺织科技有限公司', 7),
      proposedCenterName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    await ok(desk.invoke('formalReview.accept', { applicationId: app.id }));
    return desk.call('formalReview.notice', { applicationId: app.id });
  }

  it('answers the exact bytes of a generated notice, by absolute path and by relPath', async () => {
    const file = await acceptanceNotice();
    const byPath = await desk.call('files.readExport', { path: file.path });
    expect(byPath.fileName).toBe(file.fileName);
    expect(byPath.size).toBe(file.size);
    expect(Buffer.from(byPath.base64, 'base64').equals(readFileSync(file.path))).toBe(true);
    const byRel = await desk.call('files.readExport', { path: file.relPath });
    expect(byRel.base64).toBe(byPath.base64);
  });

  it('refuses any path outside the exports folder, also through .. and links', async () => {
    const secret = path.join(outside.dir, 'secret.pdf');
    writeFileSync(secret, '%PDF-1.4\nsecret\n%%EOF\n');
    const inDataNotExports = path.join(t.dir, 'store', 'settings.json');
    const cases = [
      secret,
      '../store/settings.json',
      inDataNotExports,
      `../../${path.relative(path.dirname(t.dir), secret)}`,
      path.join(t.dir, 'exports', '..', 'store', 'settings.json'),
      path.join(t.dir, 'exports'),
      '.',
    ];
    // a link inside exports/ pointing outside the data folder
    symlinkSync(secret, path.join(t.dir, 'exports', 'link.pdf'));
    mkdirSync(path.join(outside.dir, 'dir'));
    symlinkSync(path.join(outside.dir, 'dir'), path.join(t.dir, 'exports', 'linked-dir'));
    writeFileSync(path.join(outside.dir, 'dir', 'x.pdf'), '%PDF-1.4\n%%EOF\n');
    cases.push('link.pdf', path.join(t.dir, 'exports', 'link.pdf'), 'linked-dir/x.pdf');
    for (const p of cases) {
      const e = await fail(desk.invoke('files.readExport', { path: p }));
      expect(e.code, p).toBe('INVALID_INPUT');
      expect(e.message, p).toContain('只能预览数据文件夹');
    }
  });

  it('refuses a file that is not a PDF, a missing file and one over the size cap, naming the file', async () => {
    writeFileSync(path.join(t.dir, 'exports', '名单.xlsx'), 'PK\x03\x04');
    const notPdf = await fail(desk.invoke('files.readExport', { path: '名单.xlsx' }));
    expect(notPdf).toMatchObject({ code: 'FILE_REJECTED' });
    expect(notPdf.message).toContain('名单.xlsx');
    const missing = await fail(desk.invoke('files.readExport', { path: '没有.pdf' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('没有.pdf');
    const big = Buffer.alloc(READ_EXPORT_MAX_BYTES + 1);
    big.write('%PDF-1.4\n', 0, 'latin1');
    writeFileSync(path.join(t.dir, 'exports', '大文件.pdf'), big);
    const tooBig = await fail(desk.invoke('files.readExport', { path: '大文件.pdf' }));
    expect(tooBig.code).toBe('FILE_REJECTED');
    expect(tooBig.message).toContain('超过预览上限');
    const empty = await fail(desk.invoke('files.readExport', { path: '  ' }));
    expect(empty.code).toBe('INVALID_INPUT');
  });
});
