import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../store/durable-file.js';
import { tempFileName } from '../store/file-names.js';

export interface Progress {
  phase: 'pack' | 'encrypt' | 'write';
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

const CHUNK = 4 * 1024 * 1024;

/** Throw the signal's reason (an AbortError) when it has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const err = new Error('已取消');
    err.name = 'AbortError';
    throw err;
  }
}

/**
 * Write `data` to `file` atomically: a temp file beside it (mode 0600), written in chunks with
 * progress, fsynced, renamed over the target, folder fsynced. On error or cancellation the temp file is
 * removed and the target is untouched.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array,
  opts: { onProgress?: ProgressFn; signal?: AbortSignal } = {},
): Promise<void> {
  const tmp = path.join(path.dirname(file), tempFileName(path.basename(file), `${process.pid}.${randomBytes(4).toString('hex')}`));
  const handle = await fs.open(tmp, 'wx', 0o600);
  let ok = false;
  try {
    let off = 0;
    do {
      throwIfAborted(opts.signal);
      const end = Math.min(off + CHUNK, data.length);
      if (end > off) await handle.write(data, off, end - off, off);
      off = end;
      opts.onProgress?.({ phase: 'write', done: off, total: data.length });
    } while (off < data.length);
    await handle.sync();
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await fs.rm(tmp, { force: true });
  }
  try {
    throwIfAborted(opts.signal);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(path.dirname(file));
}
