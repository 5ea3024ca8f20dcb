/** The archive writer and verifier on small synthetic archives (no data folder). */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManifestFile } from '../../../electron/core/contract/archive.js';
import type { ArchiveEntry } from '../../../electron/core/archive/collect.js';
import { UniquePaths, entryName } from '../../../electron/core/archive/collect.js';
import { manifestBytes } from '../../../electron/core/archive/manifest.js';
import { writeArchive } from '../../../electron/core/archive/seal.js';
import { verifyArchive } from '../../../electron/core/archive/verify.js';
import { tempDir } from '../../helpers/temp.js';
import { zipEntryData } from '../../helpers/zip-entry.js';

const HEAD = {
  format: 'ipc-desk-archive' as const,
  version: 1 as const,
  year: 2026,
  sealVersion: 1,
  sealedAt: '2026-11-25T02:00:00.000Z',
  sealedBy: '王秘书',
  bureauName: '福州市市场监督管理局',
  appVersion: '0.1.0',
};
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function patch(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('archive writer and verifier', () => {
  let t: ReturnType<typeof tempDir>;
  let pdf: Buffer;
  let entries: ArchiveEntry[];
  beforeEach(() => {
    t = tempDir('desk-archive-unit-');
    pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]);
    writeFileSync(path.join(t.dir, 'att.bin'), pdf);
    const text = Buffer.from('{"applications":[]}'.repeat(2000));
    entries = [
      { path: '说明.txt', kind: 'readme', data: Buffer.from('说明') },
      { path: '数据/batch-2026-1.json', kind: 'data', data: text },
      {
        path: '附件/申报/2026年第1批/2026-1-0001-某公司/材料1-营业执照.pdf',
        kind: 'attachment',
        file: path.join(t.dir, 'att.bin'),
        size: pdf.length,
        expectedSha256: sha(pdf),
      },
    ];
  });
  afterEach(() => t.cleanup());

  it('writes every entry with its hash, stores PDFs, deflates JSON, puts manifest.json last, and verifies intact', async () => {
    const target = path.join(t.dir, 'a.zip');
    const seen: number[] = [];
    const out = await writeArchive(target, entries, (files) => manifestBytes(HEAD, files), { onProgress: (d) => seen.push(d) });
    expect(out.files.map((f) => f.path)).toEqual(entries.map((e) => e.path));
    expect(out.files[2]).toMatchObject({ sha256: sha(pdf), size: pdf.length, kind: 'attachment' });
    expect(out.mismatched).toEqual([]);
    expect(out.sha256).toBe(sha(readFileSync(target)));
    expect(out.size).toBe(readFileSync(target).length);
    expect(seen.at(-1)).toBe(out.contentBytes);
    expect((await zipEntryData(target, entries[2]!.path)).method).toBe(0);
    expect((await zipEntryData(target, '数据/batch-2026-1.json')).method).toBe(8);
    const zip = await yauzl.openPromise(target, { lazyEntries: true });
    const names: string[] = [];
    for await (const e of zip.eachEntry()) names.push(e.fileName);
    zip.close();
    expect(names.at(-1)).toBe('manifest.json');
    const report = await verifyArchive(target, { expect: { sha256: out.sha256, manifestSha256: out.manifestSha256 } });
    expect(report).toMatchObject({ ok: true, checked: 3, year: 2026, sealVersion: 1, problems: [] });
    expect(report.bytes).toBe(out.contentBytes);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a broken deflate stream as that entry being unreadable (no crash)', async () => {
    const target = path.join(t.dir, 'b.zip');
    await writeArchive(target, entries, (files) => manifestBytes(HEAD, files));
    const at = await zipEntryData(target, '数据/batch-2026-1.json');
    patch(target, at.offset, Buffer.alloc(Math.min(64, at.size), 0xff));
    const report = await verifyArchive(target);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.path).toBe('数据/batch-2026-1.json');
    expect(['unreadable', 'hash']).toContain(report.problems[0]!.kind);
    expect(report.checked).toBe(3);
  });

  it('names missing and extra entries and a size that differs from the manifest', async () => {
    const target = path.join(t.dir, 'c.zip');
    const files: ManifestFile[] = [
      { path: 'a.txt', sha256: sha(Buffer.from('aaa')), size: 3 },
      { path: 'b.txt', sha256: sha(Buffer.from('bbb')), size: 3 },
      { path: 'c.txt', sha256: sha(Buffer.from('ccc')), size: 3 },
    ];
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('aaa'), 'a.txt');
    zip.addBuffer(Buffer.from('bbbb'), 'b.txt');
    zip.addBuffer(Buffer.from('zzz'), '后加的.txt');
    zip.addBuffer(manifestBytes(HEAD, files), 'manifest.json');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    writeFileSync(target, Buffer.concat(chunks));
    const report = await verifyArchive(target);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.path, p.kind])).toEqual([
      ['b.txt', 'size'],
      ['c.txt', 'missing'],
      ['后加的.txt', 'extra'],
    ]);
    expect(report.summary).toMatch(/^发现3处问题，涉及：b\.txt、c\.txt、后加的\.txt/);
  });

  it('reports a file that is not a zip, or a zip without manifest, as not ok', async () => {
    const junk = path.join(t.dir, 'junk.zip');
    writeFileSync(junk, 'not a zip at all');
    const a = await verifyArchive(junk);
    expect(a.ok).toBe(false);
    expect(a.problems[0]!.kind).toBe('unreadable');
    const noManifest = path.join(t.dir, 'nm.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('x'), 'x.txt');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    writeFileSync(noManifest, Buffer.concat(chunks));
    const b = await verifyArchive(noManifest);
    expect(b.problems).toEqual([expect.objectContaining({ path: 'manifest.json', kind: 'manifest' })]);
  });

  it('cancelling while writing removes the temp file and leaves no archive', async () => {
    const target = path.join(t.dir, 'd.zip');
    const big = Buffer.alloc(20 * 1024 * 1024, 7);
    writeFileSync(path.join(t.dir, 'big.pdf'), big);
    const ctrl = new AbortController();
    const p = writeArchive(
      target,
      [...entries, { path: 'big.pdf', kind: 'attachment', file: path.join(t.dir, 'big.pdf'), size: big.length }],
      (files) => manifestBytes(HEAD, files),
      {
        signal: ctrl.signal,
        onProgress: (done) => {
          if (done > 1024 * 1024) ctrl.abort();
        },
      },
    );
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(t.dir).sort()).toEqual(['att.bin', 'big.pdf']);
  });

  it('flags an attachment whose bytes no longer match the hash it is stored under', async () => {
    const out = await writeArchive(
      path.join(t.dir, 'e.zip'),
      [{ ...(entries[2] as Extract<ArchiveEntry, { file: string }>), expectedSha256: '0'.repeat(64) }],
      (files) => manifestBytes(HEAD, files),
    );
    expect(out.mismatched).toEqual([entries[2]!.path]);
  });

  it('gives readable, unique entry names', () => {
    const u = new UniquePaths();
    expect(u.take('附件/a.pdf')).toBe('附件/a.pdf');
    expect(u.take('附件/A.pdf')).toBe('附件/A（2）.pdf');
    expect(entryName('材料1-营业执照', 'pdf')).toBe('材料1-营业执照.pdf');
    expect(entryName('照片.JPEG', 'jpg')).toBe('照片.JPEG');
    expect(entryName('a/b:c?.pdf', 'pdf')).toBe('a_b_c_.pdf');
  });
});
