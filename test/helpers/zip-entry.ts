import { closeSync, openSync, readSync } from 'node:fs';
import yauzl from 'yauzl';

/** Where an entry's stored bytes start in a zip file (after its local header), their size and compression method. */
export async function zipEntryData(zipFile: string, name: string): Promise<{ offset: number; size: number; method: number }> {
  const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, autoClose: false });
  try {
    for await (const e of zip.eachEntry()) {
      if (e.fileName !== name) continue;
      const fd = openSync(zipFile, 'r');
      const head = Buffer.alloc(30);
      readSync(fd, head, 0, 30, e.relativeOffsetOfLocalHeader);
      closeSync(fd);
      return {
        offset: e.relativeOffsetOfLocalHeader + 30 + head.readUInt16LE(26) + head.readUInt16LE(28),
        size: e.compressedSize,
        method: e.compressionMethod,
      };
    }
  } finally {
    zip.close();
  }
  throw new Error(`no entry ${name}`);
}
