import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../../electron/core/base/exchange-error.js';
import { checkEntryName, decodeEntryName } from '../../../electron/core/base/zip-names.js';
import { readZip } from '../../../electron/core/base/zip-read.js';
import { writeZipFile, zipToBuffer } from '../../../electron/core/exchange/zip-write.js';
import { buildRawZip, deflatedZeros } from '../../fixtures/exchange/raw-zip.js';
import { gbkZip } from '../../fixtures/exchange/gbk-zip.js';
import { tempDir } from '../../helpers/temp.js';

async function rejection(p: Promise<unknown>): Promise<ExchangeError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExchangeError);
  return err as ExchangeError;
}

const MB = 1024 * 1024;

describe('zip write + strict read', () => {
  const tmp = tempDir('desk-zip-');
  afterAll(() => tmp.cleanup());

  it('round-trips Chinese names through a file written atomically; output is deterministic', async () => {
    const entries = [
      { path: 'manifest.json', data: Buffer.from('{"a":1}') },
      { path: 'materials/申请表.pdf', data: Buffer.from('%PDF-1.7 申请') },
      { path: 'materials/子目录/证明.txt', data: Buffer.alloc(100_000, 'x') },
    ];
    const file = path.join(tmp.dir, 'a.zip');
    await writeZipFile(file, entries);
    const back = await readZip(readFileSync(file));
    expect([...back.keys()]).toEqual(entries.map((e) => e.path));
    for (const e of entries) expect(back.get(e.path)?.equals(e.data)).toBe(true);
    expect((await zipToBuffer(entries)).equals(readFileSync(file))).toBe(true);
  });

  it('reads names written in GBK without the UTF-8 flag (zip re-made on Chinese Windows)', async () => {
    const zip = gbkZip({ '申请表.pdf': Buffer.from('pdf'), '材料/营业执照.jpg': Buffer.from('jpg'), 'plain.txt': Buffer.from('t') });
    expect(zip.includes(Buffer.from('申请表', 'utf8'))).toBe(false);
    expect(zip.includes(iconv.encode('申请表', 'gbk'))).toBe(true);
    const back = await readZip(zip);
    expect([...back.keys()].sort()).toEqual(['plain.txt', '申请表.pdf', '材料/营业执照.jpg'].sort());
    expect(back.get('申请表.pdf')?.toString()).toBe('pdf');
  });

  it('decodes names by flag, Info-ZIP unicode field, unflagged UTF-8, then GBK', () => {
    expect(decodeEntryName(Buffer.from('申请表.pdf'), 0x800)).toBe('申请表.pdf');
    expect(decodeEntryName(Buffer.from('申请表.pdf'), 0)).toBe('申请表.pdf');
    expect(decodeEntryName(iconv.encode('申请表.pdf', 'gbk'), 0)).toBe('申请表.pdf');
    expect(() => decodeEntryName(iconv.encode('申请表.pdf', 'gbk'), 0x800)).toThrow(ExchangeError);
  });

  it.each([
    ['../evil', 'unsafePath'],
    ['materials/../../evil.sh', 'unsafePath'],
    ['..\\..\\evil.exe', 'unsafePath'],
    ['/abs/path', 'unsafePath'],
    ['\\abs\\path', 'unsafePath'],
    ['C:/Windows/evil.dll', 'unsafePath'],
    ['c:evil', 'unsafePath'],
    ['a//b', 'unsafePath'],
    ['./a', 'unsafePath'],
    ['a\u0000.pdf', 'unsafePath'],
  ])('refuses the entry name %j', async (name, reason) => {
    const err = await rejection(readZip(buildRawZip([{ name: Buffer.from(name, 'utf8'), data: Buffer.from('x') }]), { fileName: 'x.zip' }));
    expect(err.reason).toBe(reason);
    expect(err.message).toContain('「x.zip」');
    expect(err.message).toContain('不安全');
  });

  it('normalises backslashes in otherwise safe names, and refuses duplicates (also by case and backslash)', async () => {
    expect(checkEntryName('materials\\a.pdf')).toBe('materials/a.pdf');
    const back = await readZip(buildRawZip([{ name: 'dir\\a.txt', data: Buffer.from('a') }]));
    expect([...back.keys()]).toEqual(['dir/a.txt']);
    for (const pair of [
      ['a.txt', 'a.txt'],
      ['A.txt', 'a.txt'],
      ['d/a.txt', 'd\\a.txt'],
    ]) {
      const err = await rejection(readZip(buildRawZip(pair.map((n) => ({ name: n, data: Buffer.from('x') })))));
      expect(err.reason).toBe('unsafePath');
      expect(err.message).toContain('重复');
    }
  });

  it('caps the number of entries', async () => {
    const zip = buildRawZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect((await rejection(readZip(zip, { limits: { maxEntries: 10 } }))).reason).toBe('tooLarge');
  });

  describe('zip bombs', () => {
    let zeros: Awaited<ReturnType<typeof deflatedZeros>>;
    beforeAll(async () => {
      zeros = await deflatedZeros(200 * MB);
    });

    it('200 MB of zeros (≈200 KB compressed) is refused under a 100 MB cap, from the header', async () => {
      const zip = buildRawZip([{ name: 'bomb.bin', deflated: zeros }]);
      expect(zip.length).toBeLessThan(1 * MB);
      const err = await rejection(readZip(zip, { limits: { maxEntryBytes: 100 * MB, maxTotalBytes: 100 * MB } }));
      expect(err.reason).toBe('tooLarge');
      // refused before inflating a single byte
      expect((err.details as { info: { inflated: number } }).info.inflated).toBe(0);
    });

    it('a header that lies (says 1 KB) is caught while inflating, long before 100 MB', async () => {
      const zip = buildRawZip([{ name: 'bomb.bin', deflated: zeros, declaredSize: 1024 }]);
      const err = await rejection(readZip(zip, { limits: { maxEntryBytes: 100 * MB, maxTotalBytes: 100 * MB } }));
      expect(err.reason).toBe('tooLarge');
      expect((err.details as { info: { inflated: number } }).info.inflated).toBeLessThan(2 * MB);
    });

    it('the compression ratio cap stops an honest-header bomb within the size caps', async () => {
      const zip = buildRawZip([{ name: 'bomb.bin', deflated: zeros }]);
      const err = await rejection(readZip(zip, { limits: { maxEntryBytes: 300 * MB, maxTotalBytes: 300 * MB, maxRatio: 100 } }));
      expect(err.reason).toBe('tooLarge');
      expect(err.message).toContain('压缩比');
      expect((err.details as { info: { inflated: number } }).info.inflated).toBeLessThan(30 * MB);
    });

    it('many entries that together pass the total cap are refused', async () => {
      const small = await deflatedZeros(30 * MB);
      const zip = buildRawZip([1, 2, 3, 4].map((i) => ({ name: `z${i}`, deflated: small })));
      expect((await rejection(readZip(zip, { limits: { maxTotalBytes: 100 * MB, maxRatio: 10_000 } }))).reason).toBe('tooLarge');
    });
  });

  it('a damaged zip is badShape, not a crash', async () => {
    const zip = buildRawZip([{ name: 'a.txt', data: Buffer.alloc(5000, 'a') }]);
    expect((await rejection(readZip(zip.subarray(0, zip.length - 30)))).reason).toBe('badShape');
    const bad = Buffer.from(zip);
    bad.fill(0xff, 30 + 5, 30 + 25); // scramble deflate data
    expect((await rejection(readZip(bad))).reason).toBe('badShape');
  });
});
