import { Transform, pipeline, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { DeskError } from '../contract/errors.js';
import { ExchangeError } from './exchange-error.js';
import { NameSet, checkEntryName, decodeEntryName } from './zip-names.js';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of all inflated entries. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Inflated / compressed, checked once an entry has produced more than `ratioGraceBytes` (small repetitive files legitimately reach 1000:1). */
  maxRatio: number;
  ratioGraceBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxRatio: 200,
  ratioGraceBytes: 16 * 1024 ** 2,
};

export interface ReadZipOptions {
  limits?: Partial<ZipLimits>;
  /** Names the file in error messages. */
  fileName?: string;
}

const MB = (n: number): string => `${(n / 1024 ** 2).toFixed(n < 1024 ** 2 ? 2 : 0)} MB`;

/** yauzl over a buffer, entries read one at a time; a file that is not a zip is refused in Chinese. */
async function openYauzl(data: Buffer, fileName: string | undefined): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.fromBufferPromise(data, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false });
  } catch (err) {
    throw new ExchangeError('badShape', `不是有效的压缩包（${(err as Error).message}）`, { fileName });
  }
}

/**
 * Read a zip held in memory, strictly: names decoded by `decodeEntryName` and checked by
 * `checkEntryName`, no duplicates, no encrypted entries, stored/deflate only, and every size cap
 * enforced while inflating (headers may lie). Folder entries are skipped. Name → content.
 */
export async function readZip(data: Buffer, opts: ReadZipOptions = {}): Promise<Map<string, Buffer>> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...opts.limits };
  const zip = await openYauzl(data, opts.fileName);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ExchangeError('tooLarge', `压缩包内有 ${zip.entryCount} 个文件，上限为 ${limits.maxEntries} 个`);
    }
    const out = new Map<string, Buffer>();
    const names = new NameSet();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = checkDirectoryEntry(entry, names, limits, total);
      if (name === null) continue;
      const content = await inflate(await zip.openReadStreamPromise(entry), name, entry, limits, total);
      if (content.length !== entry.uncompressedSize) throw new ExchangeError('badShape', `${name} 的实际大小与记录不符`);
      total += content.length;
      out.set(name, content);
    }
    return out;
  } catch (err) {
    if (err instanceof ExchangeError) throw err.forFile(opts.fileName);
    throw new ExchangeError('badShape', `压缩包已损坏（${(err as Error).message}）`, { fileName: opts.fileName });
  } finally {
    zip.close();
  }
}

/** Name, encryption, method and declared-size checks for one central-directory entry; null for a folder entry. */
function checkDirectoryEntry(
  entry: yauzl.Entry,
  names: NameSet,
  limits: ZipLimits,
  totalBefore: number,
  onEntry?: (entry: ZipDirectoryEntry) => void,
): string | null {
  const name = checkEntryName(decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields));
  names.add(name);
  if (name.endsWith('/')) return null;
  if (entry.isEncrypted()) throw new ExchangeError('badShape', `${name} 是加密的压缩条目`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new ExchangeError('badShape', `${name} 的压缩方式不受支持`);
  onEntry?.({ name, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
  if (entry.uncompressedSize > limits.maxEntryBytes) throw tooLarge(name, `单个文件上限 ${MB(limits.maxEntryBytes)}`, 0);
  if (totalBefore + entry.uncompressedSize > limits.maxTotalBytes) throw tooLarge(name, `合计上限 ${MB(limits.maxTotalBytes)}`, 0);
  return name;
}

/** One file of an opened zip, as its central directory declares it. */
export interface ZipDirectoryEntry {
  name: string;
  compressedSize: number;
  /** Declared; the stream from `openStream` fails if the content is larger (or ends up smaller). */
  uncompressedSize: number;
}

/** A zip whose directory passed the strict checks; entries are inflated one at a time, on demand, as bounded streams. */
export interface OpenedZip {
  readonly entries: ReadonlyMap<string, ZipDirectoryEntry>;
  /**
   * Inflate one entry as a stream that fails with ExchangeError('tooLarge') as soon as it passes its
   * declared size, `maxBytes` (default: the entry cap), the total cap or the ratio cap, and with
   * 'badShape' if it ends short of the declared size. Destroying the stream stops the inflater.
   */
  openStream(name: string, maxBytes?: number): Promise<Readable>;
  close(): void;
}

/**
 * Open a zip held in memory without inflating anything: the same name, encryption, method and size
 * checks as `readZip`, applied to the central directory (entry count, declared size of each entry and
 * in total), plus the ratio cap applied to the declared sizes (an entry declaring more than
 * `ratioGraceBytes` must not declare a ratio above `maxRatio`). Content is then read by `openStream`,
 * which enforces every cap again on the real bytes (headers may lie). `onEntry` sees each entry
 * before the size and ratio checks and may throw its own, more specific refusal. Call `close` when done.
 */
export async function openZip(
  data: Buffer,
  opts: ReadZipOptions & { onEntry?: (entry: ZipDirectoryEntry) => void } = {},
): Promise<OpenedZip> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...opts.limits };
  const zip = await openYauzl(data, opts.fileName);
  const raw = new Map<string, yauzl.Entry>();
  const entries = new Map<string, ZipDirectoryEntry>();
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ExchangeError('tooLarge', `压缩包内有 ${zip.entryCount} 个文件，上限为 ${limits.maxEntries} 个`);
    }
    const names = new NameSet();
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      const name = checkDirectoryEntry(entry, names, limits, declared, opts.onEntry);
      if (name === null) continue;
      const listed = { name, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize };
      if (entry.uncompressedSize > limits.ratioGraceBytes && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        throw tooLarge(
          name,
          `压缩比上限 ${limits.maxRatio}:1（记录的大小 ${MB(entry.uncompressedSize)}，压缩后 ${MB(entry.compressedSize)}）`,
          0,
        );
      }
      declared += entry.uncompressedSize;
      raw.set(name, entry);
      entries.set(name, listed);
    }
  } catch (err) {
    zip.close();
    if (err instanceof ExchangeError) throw err.forFile(opts.fileName);
    if (err instanceof DeskError) throw err;
    throw new ExchangeError('badShape', `压缩包已损坏（${(err as Error).message}）`, { fileName: opts.fileName });
  }
  let inflated = 0;
  return {
    entries,
    async openStream(name, maxBytes = limits.maxEntryBytes) {
      const entry = raw.get(name);
      if (!entry) throw new ExchangeError('badShape', `缺少 ${name}`, { fileName: opts.fileName });
      const cap = Math.min(maxBytes, limits.maxEntryBytes);
      const source = await zip.openReadStreamPromise(entry);
      let size = 0;
      const fail = (err: ExchangeError) => err.forFile(opts.fileName);
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          inflated += chunk.length;
          if (size > cap) return done(fail(tooLarge(name, `单个文件上限 ${MB(cap)}`, size)));
          if (inflated > limits.maxTotalBytes) return done(fail(tooLarge(name, `合计上限 ${MB(limits.maxTotalBytes)}`, size)));
          if (size > entry.uncompressedSize) return done(fail(tooLarge(name, `记录的大小 ${MB(entry.uncompressedSize)}`, size)));
          if (size > limits.ratioGraceBytes && size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
            return done(fail(tooLarge(name, `压缩比上限 ${limits.maxRatio}:1`, size)));
          }
          done(null, chunk);
        },
        flush(done) {
          done(size === entry.uncompressedSize ? null : fail(new ExchangeError('badShape', `${name} 的实际大小与记录不符`)));
        },
      });
      pipeline(source, counter, () => undefined);
      return counter;
    },
    close: () => zip.close(),
  };
}

function tooLarge(name: string, limit: string, inflated: number): ExchangeError {
  return new ExchangeError('tooLarge', `${name} 超过${limit}（疑似压缩炸弹）`, { details: { entry: name, inflated } });
}

/** Collect one entry, stopping (and destroying the inflater) as soon as any cap is crossed. */
function inflate(
  stream: Readable,
  name: string,
  entry: { compressedSize: number; uncompressedSize: number },
  limits: ZipLimits,
  totalBefore: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stop = (err: unknown): void => {
      if (done) return;
      done = true;
      stream.destroy();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limits.maxEntryBytes) return stop(tooLarge(name, `单个文件上限 ${MB(limits.maxEntryBytes)}`, size));
      if (totalBefore + size > limits.maxTotalBytes) return stop(tooLarge(name, `合计上限 ${MB(limits.maxTotalBytes)}`, size));
      if (size > entry.uncompressedSize) return stop(tooLarge(name, `记录的大小 ${MB(entry.uncompressedSize)}`, size));
      if (size > limits.ratioGraceBytes && size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        return stop(tooLarge(name, `压缩比上限 ${limits.maxRatio}:1`, size));
      }
      chunks.push(chunk);
    });
    stream.on('error', (err) => stop(err));
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, size));
    });
  });
}
