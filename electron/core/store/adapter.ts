import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durable-file.js';

/** Raised when a part's JSON cannot be parsed (truncated, zero-filled, hand-edited). */
export class CorruptPartError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptPartError';
  }
}

/** A part file's text, or null when there is no such file (the store decides whether that is allowed). */
export async function readPartText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Parse a part's text; a file that does not parse is never overwritten: CorruptPartError. */
export function parsePartText<T>(file: string, text: string): T {
  if (text.length === 0) throw new CorruptPartError(file, '文件为空');
  if (text.charCodeAt(0) === 0) throw new CorruptPartError(file, '文件内容为空字节（可能在断电时损坏）');
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new CorruptPartError(file, `JSON 无法解析：${(err as Error).message}`);
  }
}

/** The bytes a part is stored as. */
export function partText(data: unknown): string {
  return `${JSON.stringify(data)}\n`;
}

/**
 * lowdb adapter with the durability steno lacks: every write is temp file + fsync + rename + fsync
 * of the folder, and the previous version stays as `<file>.bak`. The store itself writes through its
 * part journal (audit entry, part, manifest); this adapter serves plain reads and writes of one file.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    const text = await readPartText(this.file);
    return text === null ? null : parsePartText<T>(this.file, text);
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.file, partText(data), { keepBackup: true });
  }
}
