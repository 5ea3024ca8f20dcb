import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { checkEntryName } from '../base/zip-names.js';
import { throwIfAborted, writeFileAtomic, type ProgressFn } from './atomic-file.js';

export interface ZipInput {
  path: string;
  data: Uint8Array;
  /** Deflate this entry; default: yes, except for formats that are already compressed. */
  compress?: boolean;
}

/** Every entry gets this mtime (as a DOS timestamp only), so the same input gives the same bytes. */
export const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const PRECOMPRESSED = /\.(pdf|jpe?g|png|gif|webp|zip|rar|7z|gz|docx|xlsx|pptx|ofd|mp4)$/iu;

/**
 * Build a zip in memory with UTF-8 names (yazl sets bit 11 for non-ASCII names), fixed mtimes and
 * no extended timestamps. Names are checked like the reader checks them. Progress counts output bytes
 * against the sum of inputs; cancellation is checked between chunks.
 */
export function zipToBuffer(entries: readonly ZipInput[], opts: { onProgress?: ProgressFn; signal?: AbortSignal } = {}): Promise<Buffer> {
  throwIfAborted(opts.signal);
  const zip = new yazl.ZipFile();
  const seen = new Set<string>();
  let total = 0;
  for (const e of entries) {
    const name = checkEntryName(e.path);
    if (name.endsWith('/') || seen.has(name)) throw new Error(`zip entry name not allowed or repeated: ${name}`);
    seen.add(name);
    total += e.data.length;
    zip.addBuffer(Buffer.from(e.data.buffer, e.data.byteOffset, e.data.length), name, {
      mtime: FIXED_MTIME,
      forceDosTimestamp: true,
      compress: e.compress ?? !PRECOMPRESSED.test(name),
      mode: 0o100644,
    });
  }
  zip.end();
  const output = zip.outputStream as unknown as Readable;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let done = 0;
    const onAbort = (): void => {
      output.destroy();
      try {
        throwIfAborted(opts.signal);
      } catch (err) {
        reject(err);
      }
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    output.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      done += chunk.length;
      opts.onProgress?.({ phase: 'pack', done: Math.min(done, total), total });
    });
    output.on('error', reject);
    output.on('end', () => {
      opts.signal?.removeEventListener('abort', onAbort);
      opts.onProgress?.({ phase: 'pack', done: total, total });
      resolve(Buffer.concat(chunks, done));
    });
  });
}

/** Build a zip and write it to `file` atomically (temp file, fsync, rename). */
export async function writeZipFile(
  file: string,
  entries: readonly ZipInput[],
  opts: { onProgress?: ProgressFn; signal?: AbortSignal } = {},
): Promise<void> {
  const data = await zipToBuffer(entries, opts);
  await writeFileAtomic(file, data, opts);
}
