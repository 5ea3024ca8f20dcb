import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { containerPublicId, decrypt, deriveResultKey, encrypt, newOneTimeCode } from '../../../electron/core/exchange/crypto.js';
import { ExchangeError } from '../../../electron/core/base/exchange-error.js';
import { readPackage, writePackage, type Progress } from '../../../electron/core/exchange/index.js';
import { readResult, writeResult } from '../../../electron/core/exchange/result.js';
import { readZip } from '../../../electron/core/base/zip-read.js';
import { zipToBuffer } from '../../../electron/core/exchange/zip-write.js';
import { tempDir } from '../../helpers/temp.js';
import { buildRawZip } from '../../fixtures/exchange/raw-zip.js';

const Payload = z
  .object({
    template: z.object({ version: z.number(), criteria: z.array(z.string()) }).strict(),
    applications: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
  })
  .strict();
const Sheet = z.object({ applicationId: z.string(), scores: z.record(z.string(), z.number()), comment: z.string() }).strict();
const payload = {
  template: { version: 3, criteria: ['创新能力', '运营能力'] },
  applications: [{ id: 'A-1', name: '福州某某科技有限公司' }],
};
const meta = { batchId: '2026-1', expertId: 'E-7', expertName: '张三', templateVersion: 3, createdAt: '2026-11-24T02:00:00.000Z' };
const files = [
  { path: 'A-1/申请表.pdf', data: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]) },
  { path: 'A-1/说明.txt', data: Buffer.from('营业执照副本'.repeat(1000)) },
  { path: 'A-1/重复.csv', data: Buffer.alloc(20 * 1024 * 1024, '0,0,0\n') }, // compresses > 1000:1: must still open
];
const sheets = [{ applicationId: 'A-1', scores: { 创新能力: 27.5, 运营能力: 30 }, comment: '材料完整' }];

async function rejection(p: Promise<unknown>): Promise<ExchangeError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExchangeError);
  return err as ExchangeError;
}

describe('review package + result file, end to end on disk', async () => {
  const tmp = tempDir('desk-exchange-');
  afterAll(() => tmp.cleanup());
  const code = newOneTimeCode();
  const events: Progress[] = [];
  const outFile = path.join(tmp.dir, '评审包-张三-2026-1.ipcdpkg');
  const written = await writePackage({ meta, payload, files, code, outFile, onProgress: (p) => events.push(p) });
  const pkgBytes = readFileSync(outFile);
  const issued = new Map([
    [written.manifest.packageId, { secret: written.packageSecret, batchId: '2026-1', expertId: 'E-7', templateVersion: 3 }],
  ]);
  const lookupSecret = (id: string) => issued.get(id);

  it('writes one encrypted file atomically, with progress, revealing nothing', () => {
    expect(written.fileName).toBe('评审包-张三-2026-1.ipcdpkg');
    expect(written.container).toBeUndefined();
    expect(readdirSync(tmp.dir)).toEqual(['评审包-张三-2026-1.ipcdpkg']);
    expect(pkgBytes.subarray(0, 8).toString()).toBe('IPCDPKG1');
    for (const needle of ['张三', '福州某某科技', '申请表', 'manifest', 'A-1', written.packageSecret])
      expect(pkgBytes.includes(Buffer.from(needle))).toBe(false);
    for (const phase of ['pack', 'encrypt', 'write'] as const) {
      const last = events.filter((e) => e.phase === phase).at(-1);
      expect(last && last.done === last.total).toBe(true);
    }
    const writes = events.filter((e) => e.phase === 'write').map((e) => e.done);
    expect(writes).toEqual([...writes].sort((a, b) => a - b));
  });

  it('round trip: package → expert → result → secretariat', async () => {
    const pkg = await readPackage(pkgBytes, code.toLowerCase().replace(/-/g, ' '), Payload, { fileName: written.fileName });
    expect(pkg.payload).toEqual(payload);
    expect(pkg.manifest).toMatchObject({
      kind: 'reviewPackage',
      batchId: '2026-1',
      expertId: 'E-7',
      expertName: '张三',
      templateVersion: 3,
    });
    expect(pkg.manifest.files.map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(pkg.files.map((f) => f.data.equals(files.find((x) => x.path === f.path)!.data))).toEqual([true, true, true]);
    expect(pkg.packageSecret).toBe(written.packageSecret);

    const res = await writeResult({
      manifest: { packageId: pkg.manifest.packageId, batchId: '2026-1', expertId: 'E-7', templateVersion: 3, version: 1 },
      sheets,
      packageSecret: pkg.packageSecret,
      code,
      expertName: '张三',
    });
    expect(res.fileName).toBe('评分结果-张三-2026-1-v1.ipcdres');
    const back = await readResult(res.container!, code, { lookupSecret, sheetsSchema: Sheet, expectedPackageId: pkg.manifest.packageId });
    expect(back.sheets).toEqual(sheets);
    expect(back.manifest.version).toBe(1);
    // The secretariat stores the package's result key when it issues the package: no scrypt per file.
    const key = await deriveResultKey(code, pkg.manifest.packageId);
    const fast = await readResult(res.container!, 'ignored-when-key-given', { lookupSecret, sheetsSchema: Sheet, key });
    expect(fast.sheets).toEqual(sheets);
    const otherKey = await deriveResultKey(newOneTimeCode(), pkg.manifest.packageId);
    await expect(
      readResult(res.container!, 'ignored-when-key-given', { lookupSecret, sheetsSchema: Sheet, key: otherKey }),
    ).rejects.toMatchObject({ reason: 'wrongCode' });
  });

  describe('refusals, each naming the file and the reason', () => {
    const resultFor = (
      over: Partial<{ packageId: string; batchId: string; expertId: string; templateVersion: number; version: number }> = {},
      secret = written.packageSecret,
      s: unknown[] = sheets,
    ) =>
      writeResult({
        manifest: { packageId: written.manifest.packageId, batchId: '2026-1', expertId: 'E-7', templateVersion: 3, version: 2, ...over },
        sheets: s,
        packageSecret: secret,
        code,
      }).then((r) => r.container!);
    const read = (data: Buffer, opts: Partial<Parameters<typeof readResult>[2]> = {}, c = code) =>
      readResult(data, c, { lookupSecret, sheetsSchema: Sheet, fileName: '评分结果-张三.ipcdres', ...opts });

    it('wrong code', async () => {
      const err = await rejection(readPackage(pkgBytes, 'ABCD-EFGH-JKMN', Payload, { fileName: written.fileName }));
      expect(err.reason).toBe('wrongCode');
      expect(err.message).toBe(`「${written.fileName}」一次性口令不正确，请核对评审任务通知单上的口令后重试。`);
      expect((await rejection(read(await resultFor(), {}, 'ABCD-EFGH-JKMN'))).reason).toBe('wrongCode');
    });

    it('one flipped byte / truncated package', async () => {
      const bad = Buffer.from(pkgBytes);
      bad[Math.floor(bad.length / 2)]! ^= 0x40;
      expect((await rejection(readPackage(bad, code, Payload))).reason).toBe('tampered');
      const err = await rejection(readPackage(pkgBytes.subarray(0, pkgBytes.length - 1000), code, Payload, { fileName: written.fileName }));
      expect(err.reason).toBe('truncated');
      expect(err.message).toContain(written.fileName);
    });

    it('result edited by hand, re-encrypted with the right code but not re-signed', async () => {
      const plain = JSON.parse((await decrypt(await resultFor(), code, 'result')).toString('utf8')) as {
        sheets: { scores: Record<string, number> }[];
      };
      plain.sheets[0]!.scores['创新能力'] = 30;
      const forged = await encrypt(Buffer.from(JSON.stringify(plain)), code, 'result');
      const err = await rejection(read(forged));
      expect(err.reason).toBe('tampered');
      expect(err.message).toContain('「评分结果-张三.ipcdres」');
      expect(err.message).toContain('文件内容被改动过（签名不符）');
    });

    it('signed with another package secret', async () => {
      expect((await rejection(read(await resultFor({}, 'f'.repeat(64))))).reason).toBe('tampered');
    });

    it('foreign package, another batch, another expert, another template version', async () => {
      const unknown = await rejection(read(await resultFor({ packageId: 'ffffffffffffffff' })));
      expect(unknown.reason).toBe('foreign');
      expect(unknown.message).toContain('ffffffffffffffff');
      expect((await rejection(read(await resultFor(), { expectedPackageId: 'another-package-1' }))).reason).toBe('foreign');
      // The expert holds the secret, so can re-sign a changed manifest; the issue record still catches it.
      for (const over of [{ batchId: '2025-2' }, { expertId: 'E-8' }, { templateVersion: 2 }]) {
        expect((await rejection(read(await resultFor(over)))).reason).toBe('foreign');
      }
      // With only the secret (no issue record) a re-signed manifest would pass: documented.
      expect((await read(await resultFor({ expertId: 'E-8' }), { lookupSecret: (id) => issued.get(id)?.secret })).manifest.expertId).toBe(
        'E-8',
      );
    });

    it('older than stored is refused, same or newer passes', async () => {
      const v2 = await resultFor({ version: 2 });
      expect((await rejection(read(v2, { storedVersion: 3 }))).reason).toBe('version');
      expect((await read(v2, { storedVersion: 2 })).manifest.version).toBe(2);
    });

    it('kind swap both ways', async () => {
      const e1 = await rejection(read(pkgBytes));
      expect(e1.reason).toBe('wrongKind');
      expect(e1.message).toContain('这是评审包，不是评分结果文件');
      expect((await rejection(readPackage(await resultFor(), code, Payload))).reason).toBe('wrongKind');
    });

    it('extra or missing fields in the result, the sheets, the package payload', async () => {
      const plain = JSON.parse((await decrypt(await resultFor(), code, 'result')).toString('utf8')) as Record<string, unknown>;
      const extra = await encrypt(Buffer.from(JSON.stringify({ ...plain, note: 'x' })), code, 'result');
      const e1 = await rejection(read(extra));
      expect(e1.reason).toBe('badShape');
      expect(e1.message).toContain('note');
      const { signature: _s, ...missing } = plain;
      expect((await rejection(read(await encrypt(Buffer.from(JSON.stringify(missing)), code, 'result')))).message).toContain(
        'signature 缺少',
      );
      const e3 = await rejection(read(await resultFor({}, written.packageSecret, [{ ...sheets[0], extra: 1 }])));
      expect(e3.reason).toBe('badShape');
      expect(e3.message).toContain('extra');
      expect((await rejection(read(await resultFor({}, written.packageSecret, [{ applicationId: 'A-1', scores: {} }])))).message).toContain(
        'comment',
      );
      expect((await rejection(read(await encrypt(Buffer.from('{"manifest":'), code, 'result')))).reason).toBe('badShape');
      const wrongPayload = await writePackage({ meta, payload: { ...payload, bonus: true }, files: [], code });
      expect((await rejection(readPackage(wrongPayload.container!, code, Payload))).reason).toBe('badShape');
      const lacking = await writePackage({ meta, payload: { template: payload.template }, files: [], code });
      expect((await rejection(readPackage(lacking.container!, code, Payload))).message).toContain('applications');
    });

    it('a package whose inner zip has unsafe paths, extra files or mismatched hashes (properly encrypted)', async () => {
      const inner = await readZip(await decrypt(pkgBytes, code, 'package'), { limits: { maxRatio: Infinity } });
      const rezip = async (mut: (m: Map<string, Buffer>) => void) => {
        const m = new Map(inner);
        mut(m);
        return encrypt(await zipToBuffer([...m].map(([p, data]) => ({ path: p, data }))), code, 'package');
      };
      const extra = await rejection(readPackage(await rezip((m) => m.set('materials/extra.exe', Buffer.from('MZ'))), code, Payload));
      expect(extra.reason).toBe('badShape');
      const changed = await rejection(
        readPackage(await rezip((m) => m.set('materials/A-1/说明.txt', Buffer.from('changed'))), code, Payload),
      );
      expect(changed.reason).toBe('tampered');
      const gone = await rejection(readPackage(await rezip((m) => m.delete('materials/A-1/申请表.pdf')), code, Payload));
      expect(gone.reason).toBe('badShape');
      for (const evil of ['../evil', '/abs', 'materials/../../x']) {
        const raw = buildRawZip(
          [...inner].map(([name, data]) => ({ name, data, flags: 0x800 })).concat([{ name: evil, data: Buffer.from('x'), flags: 0x800 }]),
        );
        const err = await rejection(readPackage(await encrypt(raw, code, 'package'), code, Payload, { fileName: 'p.ipcdpkg' }));
        expect(err.reason).toBe('unsafePath');
        expect(err.message).toMatch(/^「p\.ipcdpkg」压缩包内含不安全的文件路径/);
      }
    });
  });

  it('a result names its package in clear, authenticated: readable without the code, tamper-evident', async () => {
    const code = newOneTimeCode();
    const plain = Buffer.from('{"x":1}');
    const v1 = await encrypt(plain, code, 'result');
    expect(containerPublicId(v1)).toBeUndefined();
    expect((await decrypt(v1, code, 'result')).equals(plain)).toBe(true);
    const v2 = await encrypt(plain, code, 'result', { publicId: 'pkg_0123456789' });
    expect(v2[8]).toBe(2);
    expect(containerPublicId(v2)).toBe('pkg_0123456789');
    expect((await decrypt(v2, code, 'result')).equals(plain)).toBe(true);
    const changed = Buffer.from(v2);
    changed.write('pkg_9', changed.indexOf('pkg_0'), 'latin1');
    expect(containerPublicId(changed)).toBe('pkg_9123456789');
    expect((await rejection(decrypt(changed, code, 'result'))).reason).toBe('tampered');
    await expect(encrypt(plain, code, 'result', { publicId: '../x' })).rejects.toThrow();
  });

  it('cancellation leaves no file behind', async () => {
    const ctrl = new AbortController();
    const target = path.join(tmp.dir, 'cancelled.ipcdpkg');
    const p = writePackage({
      meta,
      payload,
      files: [{ path: 'big.bin', data: randomBytes(20 * 1024 * 1024) }],
      code,
      outFile: target,
      signal: ctrl.signal,
      onProgress: (e) => {
        if (e.phase === 'write' && e.done > 0) ctrl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an existing package is only replaced whole', async () => {
    const target = path.join(tmp.dir, 'replace.ipcdpkg');
    writeFileSync(target, 'old');
    await writePackage({ meta, payload, files, code, outFile: target });
    expect(readFileSync(target).subarray(0, 8).toString()).toBe('IPCDPKG1');
  });
});
