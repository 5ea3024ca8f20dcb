import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Attachments } from '../../../electron/core/store/attachments.js';
import { tempDir } from '../../helpers/temp.js';

describe('attachments', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('stores a PDF under its sha256 once', async () => {
    const files = new Attachments(path.join(t.dir, 'files'));
    const src = path.join(t.dir, '申请表.pdf');
    writeFileSync(src, '%PDF-1.4\n%demo\n');
    const a = await files.addFile(src, '申请表.pdf', ['pdf']);
    const b = await files.addBuffer(readFileSync(src), '副本.pdf', ['pdf']);
    expect(a.sha256).toBe(b.sha256);
    expect(a.kind).toBe('pdf');
    expect(existsSync(files.pathOf(a.sha256))).toBe(true);
    expect(files.pathOf(a.sha256)).toContain(path.join('files', a.sha256.slice(0, 2), a.sha256));
  });

  it('refuses an executable named .pdf, naming the file', async () => {
    const files = new Attachments(path.join(t.dir, 'files'));
    await expect(files.addBuffer(Buffer.from('MZ\x90\x00\x03'), '营业执照.pdf', ['pdf', 'jpg'])).rejects.toMatchObject({
      code: 'FILE_REJECTED',
      message: expect.stringContaining('营业执照.pdf'),
    });
  });

  it('refuses empty and oversize files', async () => {
    const files = new Attachments(path.join(t.dir, 'files'), 1024);
    await expect(files.addBuffer(Buffer.alloc(0), 'a.pdf', ['pdf'])).rejects.toMatchObject({ message: expect.stringContaining('0 字节') });
    await expect(files.addBuffer(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2048)]), 'b.pdf', ['pdf'])).rejects.toMatchObject({
      message: expect.stringContaining('超过上限'),
    });
  });
});
