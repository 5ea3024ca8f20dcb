import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durable-file.js';

/** Raised when a part's JSON cannot be parsed (truncated, zero-filled, hand-edited). */
export class CorruptPartError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptPartError';
  }
}

/**
 * lowdb adapter with the durability steno lacks: every write is temp file + fsync + rename + fsync
 * of the folder, and the previous version stays as `<file>.bak`. A file that does not parse is never
 * overwritten: read() throws CorruptPartError and the store refuses to open.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (text.length === 0) throw new CorruptPartError(this.file, '文件为空');
    if (text.charCodeAt(0) === 0) throw new CorruptPartError(this.file, '文件内容为空字节（可能在断电时损坏）');
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new CorruptPartError(this.file, `JSON 无法解析：${(err as Error).message}`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, `${JSON.stringify(data)}\n`, { keepBackup: true });
  }
}
