/**
 * Writing the archive zip: streamed (a 1 GB year never sits in memory), every entry read once and
 * SHA-256-hashed while it passes, already-compressed formats stored, manifest.json last (listing every other
 * entry), written to a temp name, fsynced, then renamed. Cancelling removes the temp file. SM3 and the
 * 四性检测 inspection of each entry run on worker threads (digest-pool.ts) while the next entries stream;
 * an attachment whose SHA-256 equals the one it is stored under takes the SM3 remembered when it was
 * uploaded (store/digests.ts: pure-JS SM3 is ~10× slower than native SHA-256 and would bound the seal),
 * and one without a remembered SM3 gets it computed here and remembered for the next seal.
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
import type { ArchiveEntry, BufferEntry, FileEntry } from './collect.js';
import { digestPool, type Digest } from './digest-pool.js';
import type { Inspection } from './inspect.js';
import { tempFileName } from '../store/file-names.js';
import type { AttachmentDigests } from '../store/digests.js';

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
  /** Inspect every entry's bytes for the 四性检测 (inspect.ts) and pass the result to `onDigest`. */
  inspect?: boolean;
  /** Called once an entry's hashes (and, with `inspect`, its inspection) are known. */
  onDigest?: (entry: ArchiveEntry, file: ManifestFile, inspection: Inspection | null) => void;
  /**
   * Entries still being made (the year's regenerated documents): written after `entries` once ready, so
   * that the first entries (attachments, the bulk of the bytes) stream while these are made.
   */
  later?: Promise<readonly ArchiveEntry[]>;
  /** Entries written after all others and before the manifest, made from what was written (catalogue, reports). */
  tail?: (files: ManifestFile[]) => Promise<BufferEntry[]>;
  /** Bytes of entry content passed so far of `total`. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Attachments' remembered SM3 (store/digests.ts): used for an entry whose SHA-256, read now, equals the
   * `expectedSha256` it is stored under (the same bytes); filled for one that matches and had none.
   */
  knownSm3?: Pick<AttachmentDigests, 'sm3Of' | 'remember'>;
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
  opts.later?.catch(() => undefined);
  throwIfAborted(opts.signal);
  useNativeCrc32();
  const names = new Set<string>();
  const checkNames = (list: readonly ArchiveEntry[]): void => {
    for (const e of list) {
      const n = checkEntryName(e.path);
      if (n !== e.path || n.endsWith('/') || names.has(n.toLowerCase()) || n === 'manifest.json')
        throw new Error(`archive entry name not allowed or repeated: ${e.path}`);
      names.add(n.toLowerCase());
    }
  };
  checkNames(entries);
  const pool = digestPool();
  const sizeOf = (list: readonly ArchiveEntry[]): number => list.reduce((n, e) => n + ('data' in e ? e.data.length : e.size), 0);
  let total = sizeOf(entries);
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
  /** Writes of SM3 computed here for attachments that had none remembered (a failure only costs time later). */
  const remembering: Promise<void>[] = [];
  const inspect = opts.inspect ?? false;
  const digested = (e: ArchiveEntry, base: Omit<ManifestFile, 'sm3'>, digest: Promise<Digest>): Promise<ManifestFile> =>
    digest.then((d) => {
      const file: ManifestFile = { path: base.path, sha256: base.sha256, sm3: d.sm3, size: base.size, kind: base.kind };
      opts.onDigest?.(e, file, d.inspection);
      return file;
    });
  try {
    opts.onProgress?.(0, total);
    const results: Promise<ManifestFile>[] = [];
    const addBuffer = (e: BufferEntry): Promise<ManifestFile> => {
      zip.addBuffer(e.data, e.path, { ...ENTRY_OPTIONS, compress: !STORED_FORMATS.test(e.path) });
      const base = { path: e.path, sha256: createHash('sha256').update(e.data).digest('hex'), size: e.data.length, kind: e.kind };
      progress(e.data.length);
      return digested(e, base, pool.digest(e.path, e.data, { inspect }));
    };
    const add = (e: ArchiveEntry): void => {
      const result = 'data' in e ? addBuffer(e) : fileResult(e);
      result.catch(() => undefined);
      results.push(result);
    };
    const fileResult = (e: FileEntry): Promise<ManifestFile> =>
      new Promise<ManifestFile>((resolve, reject) => {
        zip.addReadStreamLazy(e.path, { ...ENTRY_OPTIONS, compress: !STORED_FORMATS.test(e.path), size: e.size }, (cb) => {
          // Looked up while the entry streams; trusted only if the bytes read are the ones it is stored under.
          const remembered = e.expectedSha256 && opts.knownSm3 ? opts.knownSm3.sm3Of(e.expectedSha256).catch(() => null) : null;
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
              const intact = !e.expectedSha256 || sha256 === e.expectedSha256;
              if (!intact) mismatched.push(e.path);
              // The bytes go to a worker for SM3 (unless remembered) and inspection; the zip moves on to the
              // next entry as soon as the workers have room, so reading, writing and hashing overlap.
              const data = Buffer.concat(chunks, size);
              chunks.length = 0;
              void (async () => {
                const sm3 = intact ? await remembered : null;
                const digest: Promise<Digest> = sm3
                  ? (inspect ? pool.inspect(e.path, data, { owned: true }) : Promise.resolve(null)).then((inspection) => ({
                      sm3,
                      inspection,
                    }))
                  : pool.digest(e.path, data, { inspect, owned: true }).then((d) => {
                      if (intact && e.expectedSha256 && opts.knownSm3)
                        remembering.push(opts.knownSm3.remember(e.expectedSha256, d.sm3).catch(() => undefined));
                      return d;
                    });
                digested(e, { path: e.path, sha256, size, kind: e.kind }, digest).then(resolve, reject);
                await pool.room();
                next();
              })();
            },
          });
          source.on('error', (err) => {
            reject(err);
            fail(err);
            hashing.destroy(err);
          });
          cb(null, source.pipe(hashing));
        });
      });
    for (const e of entries) add(e);
    if (opts.later) {
      const more = await Promise.race([opts.later, failed]);
      throwIfAborted(opts.signal);
      checkNames(more);
      total += sizeOf(more);
      for (const e of more) add(e);
    }
    const listed = await Promise.race([Promise.all(results), failed]);
    throwIfAborted(opts.signal);
    const tail = opts.tail ? await Promise.race([opts.tail(listed), failed]) : [];
    throwIfAborted(opts.signal);
    for (const e of tail) {
      if (names.has(e.path.toLowerCase()) || e.path !== checkEntryName(e.path))
        throw new Error(`archive entry name not allowed or repeated: ${e.path}`);
      names.add(e.path.toLowerCase());
    }
    const files = [...listed, ...(await Promise.race([Promise.all(tail.map(addBuffer)), failed]))];
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
    await Promise.all(remembering);
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
