/**
 * 年度档案: an attachment's SM3 is computed when it is uploaded and remembered under <data>/digests (never
 * under files/), and the seal reuses it only for bytes whose SHA-256 is the one the file is stored under.
 * Sealing with or without remembered SM3 gives the same manifest and catalogue; a damaged record is not
 * trusted; a rotted attachment is reported with the SM3 of the bytes archived; the verifier recomputes.
 */
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { sm3 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import type { ArchiveManifest, YearSeal } from '../../electron/core/contract/archive.js';
import { readZip } from '../../electron/core/base/zip-read.js';
import { CATALOG_JSON, type CatalogJson } from '../../electron/core/archive/catalog.js';
import { digestRecord, parseDigestRecord } from '../../electron/core/store/digests.js';
import { fullApplicant, seedBatches } from '../helpers/applications.js';
import { minimalPdf } from '../helpers/pdf-files.js';
import { tempDir, testClock } from '../helpers/temp.js';

const FILES = ['营业执照', '章程', '场地证明', '人员名单'].map((name, i) => ({
  name: `${name}.pdf`,
  data: minimalPdf(`${name} ${String(i).repeat(3000)}`),
}));
const sm3Of = (data: Uint8Array): string => sm3(data);

describe('年度档案: SM3 remembered at upload, reused at seal', () => {
  const t = tempDir('desk-archive-sm3-');
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let desk: Desk;
  /** sha256 of each of FILES, in order. */
  let shas: string[] = [];
  let seals = 0;
  const digestFile = (sha: string) => path.join(t.dir, 'digests', sha.slice(0, 2), sha);
  const storedFile = (sha: string) => path.join(t.dir, 'files', sha.slice(0, 2), sha);

  /** Seal 2026 again (unsealing the last seal first) and read the archive's manifest and catalogue twin. */
  async function seal(): Promise<{ record: YearSeal; sm3ByPath: Map<string, string>; catalog: CatalogJson; manifest: ArchiveManifest }> {
    if (seals > 0) await desk.call('archive.unseal', { year: 2026, reason: '测试：重新封存' });
    seals++;
    const record = await desk.call('archive.seal', { year: 2026, taskId: `seal-${seals}`, acknowledgeOpenItems: true });
    const zip = await readZip(readFileSync(path.join(t.dir, 'exports', record.file.relPath)));
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as ArchiveManifest;
    const catalog = JSON.parse(zip.get(CATALOG_JSON)!.toString('utf8')) as CatalogJson;
    const attachments = manifest.files.filter((f) => f.kind === 'attachment');
    expect(attachments).toHaveLength(FILES.length);
    // The manifest and the catalogue agree with each other for every attachment.
    for (const f of attachments) expect(catalog.items.find((i) => i.path === f.path)?.sm3, f.path).toBe(f.sm3);
    const sm3ByPath = new Map(attachments.map((f) => [f.path, f.sm3!]));
    return { record, sm3ByPath, catalog, manifest };
  }
  /** The archive path of FILES[i]. */
  const pathOf = (sm3ByPath: Map<string, string>, i: number): string =>
    [...sm3ByPath.keys()].find((p) => p.endsWith(`材料1-${FILES[i]!.name}`))!;

  beforeAll(async () => {
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await seedBatches(desk);
    await desk.call('settings.update', { fondsNumber: 'J001' });
    let app = await desk.call('applications.create', { batchId: '2026-1', applicant: fullApplicant('福州数科信息技术有限公司', 61) });
    for (const f of FILES) {
      const staged = await desk.call('files.stage', { name: f.name, data: new Uint8Array(f.data) });
      app = await desk.call('applications.attachFile', { applicationId: app.id, itemNo: 1, uploadId: staged.uploadId, fileName: f.name });
    }
    shas = FILES.map((f) => app.materials[0]!.files.find((r) => r.name === f.name)!.sha256);
  }, 60_000);
  afterAll(async () => {
    await desk.close();
    t.cleanup();
  });

  it('remembers each attachment’s SM3 under digests/ when it is uploaded, and adds nothing to files/', () => {
    for (const [i, sha] of shas.entries()) {
      expect(existsSync(digestFile(sha)), FILES[i]!.name).toBe(true);
      expect(parseDigestRecord(sha, readFileSync(digestFile(sha), 'utf8'))).toBe(sm3Of(FILES[i]!.data));
    }
    // files/ still holds only ab/<sha256> (what backups expect).
    for (const shard of readdirSync(path.join(t.dir, 'files'))) {
      expect(shard).toMatch(/^[0-9a-f]{2}$/);
      for (const name of readdirSync(path.join(t.dir, 'files', shard))) expect(name).toMatch(new RegExp(`^${shard}[0-9a-f]{62}$`));
    }
  });

  it('seals the same SM3 with remembered digests as without them (and as sm-crypto-v2 over the bytes), and fills them at seal', async () => {
    const remembered = await seal();
    for (const [i, f] of FILES.entries()) expect(remembered.sm3ByPath.get(pathOf(remembered.sm3ByPath, i))).toBe(sm3Of(f.data));
    // Attachments added before digests were kept: nothing remembered, the seal computes and remembers.
    rmSync(path.join(t.dir, 'digests'), { recursive: true });
    const computed = await seal();
    expect([...computed.sm3ByPath.entries()]).toEqual([...remembered.sm3ByPath.entries()]);
    expect(computed.record.warnings).toEqual([]);
    for (const [i, sha] of shas.entries())
      expect(parseDigestRecord(sha, readFileSync(digestFile(sha), 'utf8'))).toBe(sm3Of(FILES[i]!.data));
  }, 120_000);

  it('does not trust a damaged record (junk, a flipped digit, another file’s record, empty) and rewrites it', async () => {
    const [a, b, c, d] = shas as [string, string, string, string];
    writeFileSync(digestFile(a), 'not a digest record\n');
    const flipped = readFileSync(digestFile(b), 'utf8').replace(/"sm3":"(.)/, (_, ch: string) => `"sm3":"${ch === '0' ? '1' : '0'}`);
    expect(flipped).not.toBe(readFileSync(digestFile(b), 'utf8'));
    writeFileSync(digestFile(b), flipped);
    writeFileSync(digestFile(c), readFileSync(digestFile(d)));
    writeFileSync(digestFile(d), '');
    const sealed = await seal();
    for (const [i, f] of FILES.entries()) expect(sealed.sm3ByPath.get(pathOf(sealed.sm3ByPath, i)), f.name).toBe(sm3Of(f.data));
    for (const [i, sha] of shas.entries())
      expect(parseDigestRecord(sha, readFileSync(digestFile(sha), 'utf8'))).toBe(sm3Of(FILES[i]!.data));
  }, 60_000);

  it('takes a well-formed record as it is (no SM3 computed at seal); the verifier recomputes and names a wrong one', async () => {
    const forged = '0'.repeat(64);
    writeFileSync(digestFile(shas[0]!), digestRecord(shas[0]!, forged));
    const sealed = await seal();
    const entry = pathOf(sealed.sm3ByPath, 0);
    expect(sealed.sm3ByPath.get(entry)).toBe(forged);
    const verified = await desk.call('archive.verify', { year: 2026 });
    expect(verified.problems).toEqual([expect.objectContaining({ path: entry, kind: 'hash', message: expect.stringContaining('SM3') })]);
    writeFileSync(digestFile(shas[0]!), digestRecord(shas[0]!, sm3Of(FILES[0]!.data)));
  }, 60_000);

  it('reports a rotted attachment with the SM3 of the bytes archived, not the remembered one', async () => {
    const sha = shas[1]!;
    const fd = openSync(storedFile(sha), 'r+');
    writeSync(fd, Buffer.from('X'), 0, 1, 100);
    closeSync(fd);
    const rotted = readFileSync(storedFile(sha));
    const sealed = await seal();
    const entry = pathOf(sealed.sm3ByPath, 1);
    expect(sealed.record.warnings).toEqual([expect.stringContaining(`附件 ${entry} 的内容与其存储校验值不符`)]);
    expect(sealed.record.fourChecks).toMatchObject({ ok: false, problems: [{ check: 'authenticity', path: entry }] });
    expect(sealed.sm3ByPath.get(entry)).toBe(sm3Of(rotted));
    expect(sealed.sm3ByPath.get(entry)).not.toBe(sm3Of(FILES[1]!.data));
    // The record still holds the SM3 of the bytes the name stands for (a restored file can use it).
    expect(parseDigestRecord(sha, readFileSync(digestFile(sha), 'utf8'))).toBe(sm3Of(FILES[1]!.data));
    const verified = await desk.call('archive.verify', { year: 2026 });
    expect(verified.ok).toBe(true);
  }, 60_000);
});
