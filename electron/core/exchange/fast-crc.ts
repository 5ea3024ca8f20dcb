/** Native CRC-32 for yazl (archives and backup files of a gigabyte are otherwise CRC-bound). */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { nodeRequire } from '../base/node-require.js';

let fastCrc = false;
/**
 * yazl computes each entry's CRC-32 with buffer-crc32, a table loop in JavaScript (about 125 MB/s here, the
 * bottleneck of a 1 GB seal). Node's zlib.crc32 (native, > 2 GB/s) gives the same numbers: point yazl's copy
 * of buffer-crc32 at it. Left alone when either cannot be found.
 */
export function useNativeCrc32(): void {
  if (fastCrc) return;
  fastCrc = true;
  const native = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;
  if (typeof native !== 'function') return;
  try {
    const viaYazl = createRequire(nodeRequire().resolve('yazl'));
    const bc = viaYazl('buffer-crc32') as { unsigned: (buf: Buffer | string, previous?: number | Buffer) => number };
    const js = bc.unsigned;
    if (js(Buffer.from('123456789')) !== native(Buffer.from('123456789'))) return;
    bc.unsigned = (buf, previous) =>
      native(buf, typeof previous === 'number' ? previous : Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : 0);
  } catch {
    // keep yazl's own CRC-32
  }
}
