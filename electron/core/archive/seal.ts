/**
 * Writing the archive zip: streamed (a 1 GB year never sits in memory), every entry hashed while it passes,
 * already-compressed formats stored, manifest.json last (listing every other entry), written to a temp name,
 * fsynced, then renamed. Cancelling removes the temp file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ManifestFile } from '../contract/archive.js';
import { throwIfAborted } from '../exchange/atomic-file.js';
import { FIXED_MTIME } from '../exchange/zip-write.js';
import { checkEntryName } from '../base/zip-names.js';
import { fsyncDir } from '../store/durable-file.js';
import { useNativeCrc32 } from '../exchange/fast-crc.js';
import type { ArchiveEntry, BufferEntry } from './collect.js';
import { sm3Hex } from '../exchange/sm3.js';
import { tempFileName } from '../store/file-names.js';

/** Formats that are already compressed: stored as they are, so sealing is bound by the disk, not by deflate. */
export const STORED_FORMATS = /\.(pdf|jpe?g|png|gif|webp|zip|rar|7z|gz|docx|xlsx|pptx|ofd|mp4)$/iu;

export interface WrittenArchive {
  path: string;
  /** Of the whole zip file. */
  sha256: string;
  size: number;
  manifestSha256: string;
  /** Every entry except manifest.json, in zip order. */
  files: ManifestFile[];
  contentBytes: number;
  /** Attachments whose bytes no longer match the hash they are stored under (reported, still archived). */
  mismatched: string[];
}

export interface WriteArchiveOptions {
  signal?: AbortSignal;
  /** Sees each entry's bytes once they have passed (for the 四性检测); a file entry is held in memory only for this call. */
  inspect?: (entry: ArchiveEntry, data: Buffer, file: ManifestFile) => Promise<void>;
  /** Entries written after all others and before the manifest, made from what was written (catalogue, reports). */
  tail?: (files: ManifestFile[]) => Promise<BufferEntry[]>;
  /** Bytes of entry content passed so far of `total`. */
  onProgress?: (done: number, total: number) => void;
}

const ENTRY_OPTIONS = { mtime: FIXED_MTIME, forceDosTimestamp: true, mode: 0o100644 } as const;

function abortError(): Error {
  const err = new Error('已取消');
  err.name = 'AbortError';
  return err;
}

/**
 * Write `entries` and then the manifest `makeManifest(files)` returns into `target` atomically.
 * Resolves once the file is durable under its final name.
 */
export async function writeArchive(
  target: string,
  entries: readonly ArchiveEntry[],
  makeManifest: (files: ManifestFile[]) => Buffer,
  opts: WriteArchiveOptions = {},
): Promise<WrittenArchive> {
  throwIfAborted(opts.signal);
  useNativeCrc32();
  const names = new Set<string>();
  for (const e of entries) {
    const n = checkEntryName(e.path);
    if (n !== e.path || n.endsWith('/') || names.has(n.toLowerCase()) || n === 'manifest.json')
      throw new Error(`archive entry name not allowed or repeated: ${e.path}`);
    names.add(n.toLowerCase());
  }
  const total = entries.reduce((n, e) => n + ('data' in e ? e.data.length : e.size), 0);
  const tmp = path.join(path.dirname(target), tempFileName(path.basename(target), `${process.pid}.${randomBytes(4).toString('hex')}`));
  const zip = new yazl.ZipFile();
  const whole = createHash('sha256');
  let zipSize = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      whole.update(chunk);
      zipSize += chunk.length;
      cb(null, chunk);
    },
  });
  const out = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  const written = pipeline(zip.outputStream as unknown as Readable, counting, out);
  let fail: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  written.catch((err: unknown) => fail(err));
  zip.on('error', (err: unknown) => {
    fail(err);
    (zip.outputStream as unknown as Readable).destroy(err as Error);
  });
  const onAbort = (): void => {
    const err = abortError();
    fail(err);
    (zip.outputStream as unknown as Readable).destroy(err);
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  let done = 0;
  let reported = 0;
  const progress = (n: number): void => {
    done += n;
    if (done - reported >= 4 * 1024 * 1024 || done === total) {
      reported = done;
      opts.onProgress?.(done, total);
    }
  };
  const mismatched: string[] = [];
  try {
    opts.onProgress?.(0, total);
    const results: Promise<ManifestFile>[] = [];
    const addBuffer = (e: BufferEntry): Promise<ManifestFile> => {
      zip.addBuffer(e.data, e.path, { ...ENTRY_OPTIONS, compress: !STORED_FORMATS.test(e.path) });
      const file: ManifestFile = {
        path: e.path,
        sha256: createHash('sha256').update(e.data).digest('hex'),
        sm3: sm3Hex(e.data),
        size: e.data.length,
        kind: e.kind,
      };
      progress(e.data.length);
      return (opts.inspect ? opts.inspect(e, e.data, file) : Promise.resolve()).then(() => file);
    };
    for (const e of entries) {
      if ('data' in e) {
        results.push(addBuffer(e));
        continue;
      }
      results.push(
        new Promise<ManifestFile>((resolve, reject) => {
          zip.addReadStreamLazy(e.path, { ...ENTRY_OPTIONS, compress: !STORED_FORMATS.test(e.path), size: e.size }, (cb) => {
            const hash = createHash('sha256');
            const chunks: Buffer[] = [];
            let size = 0;
            const source = createReadStream(e.file, { highWaterMark: 1024 * 1024 });
            const hashing = new Transform({
              transform(chunk: Buffer, _enc, next) {
                hash.update(chunk);
                chunks.push(chunk);
                size += chunk.length;
                progress(chunk.length);
                next(null, chunk);
              },
              flush(next) {
                const sha256 = hash.digest('hex');
                if (e.expectedSha256 && sha256 !== e.expectedSha256) mismatched.push(e.path);
                const data = Buffer.concat(chunks, size);
                chunks.length = 0;
                const file: ManifestFile = { path: e.path, sha256, sm3: sm3Hex(data), size, kind: e.kind };
                (opts.inspect ? opts.inspect(e, data, file) : Promise.resolve()).then(
                  () => {
                    resolve(file);
                    next();
                  },
                  (err: unknown) => {
                    reject(err as Error);
                    next(err as Error);
                  },
                );
              },
            });
            source.on('error', (err) => {
              reject(err);
              fail(err);
              hashing.destroy(err);
            });
            cb(null, source.pipe(hashing));
          });
        }),
      );
    }
    for (const r of results) r.catch(() => undefined);
    const listed = await Promise.race([Promise.all(results), failed]);
    throwIfAborted(opts.signal);
    const tail = opts.tail ? await Promise.race([opts.tail(listed), failed]) : [];
    throwIfAborted(opts.signal);
    const files = [...listed];
    for (const e of tail) {
      if (names.has(e.path.toLowerCase()) || e.path !== checkEntryName(e.path))
        throw new Error(`archive entry name not allowed or repeated: ${e.path}`);
      names.add(e.path.toLowerCase());
      files.push(await addBuffer(e));
    }
    const manifest = makeManifest(files);
    zip.addBuffer(manifest, 'manifest.json', { ...ENTRY_OPTIONS, compress: true });
    zip.end();
    await Promise.race([written, failed]);
    const handle = await fs.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    throwIfAborted(opts.signal);
    await fs.rename(tmp, target);
    await fsyncDir(path.dirname(target));
    opts.onProgress?.(total, total);
    return {
      path: target,
      sha256: whole.digest('hex'),
      size: zipSize,
      manifestSha256: createHash('sha256').update(manifest).digest('hex'),
      files,
      contentBytes: files.reduce((n, f) => n + f.size, 0),
      mismatched,
    };
  } catch (err) {
    (zip.outputStream as unknown as Readable).destroy();
    out.destroy();
    await written.catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw opts.signal?.aborted ? abortError() : err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
