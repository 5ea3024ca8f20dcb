import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { useNativeCrc32 } from '../../../electron/core/exchange/fast-crc.js';

function zipOf(data: Buffer, compress: boolean): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(data, 'a.bin', { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
}

function crcInZip(buf: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zf) => {
      if (err || !zf) return reject(err ?? new Error('no zip'));
      zf.on('entry', (e: yauzl.Entry) => {
        resolve(e.crc32);
        zf.close();
      });
      zf.readEntry();
    });
  });
}

describe('useNativeCrc32', () => {
  it('yazl still writes the right CRC-32 after switching to zlib.crc32 (stored and deflated)', async () => {
    const data = randomBytes(300_000);
    const before = await crcInZip(await zipOf(data, true));
    useNativeCrc32();
    for (const compress of [false, true]) expect(await crcInZip(await zipOf(data, compress))).toBe(crc32(data));
    expect(before).toBe(crc32(data));
  });
});
