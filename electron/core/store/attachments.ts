import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors.js';
import { sniffFileKind, kindFromName, FILE_KIND_LABELS, type FileKind } from '../domain/file-types.js';
import { writeFileDurable, exists } from './durable-file.js';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface StoredFile {
  sha256: string;
  size: number;
  kind: FileKind;
  originalName: string;
}

/** Content-addressed attachment files: <data>/files/ab/abcdef… (never edited in place). */
export class Attachments {
  constructor(
    private readonly dir: string,
    private readonly maxBytes = MAX_ATTACHMENT_BYTES,
  ) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DeskError('INVALID_INPUT', '文件标识无效。');
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** The bytes of a stored file (ENOENT when it is missing: a missing file is never read as empty). */
  read(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }

  /** Check and copy a file into the store; the same content is stored once. */
  async addFile(source: string, originalName: string, allowed: readonly FileKind[]): Promise<StoredFile> {
    const stat = await fs.stat(source);
    this.checkSize(stat.size, originalName);
    const handle = await fs.open(source, 'r');
    const head = Buffer.alloc(4096);
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    const kind = this.checkKind(head, originalName, allowed);
    const sha256 = await hashFile(source);
    const target = this.pathOf(sha256);
    if (!(await exists(target))) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileDurable(target, await fs.readFile(source));
    }
    return { sha256, size: stat.size, kind, originalName };
  }

  async addBuffer(data: Uint8Array, originalName: string, allowed: readonly FileKind[]): Promise<StoredFile> {
    this.checkSize(data.byteLength, originalName);
    const kind = this.checkKind(data.subarray(0, 4096), originalName, allowed);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathOf(sha256);
    if (!(await exists(target))) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileDurable(target, data);
    }
    return { sha256, size: data.byteLength, kind, originalName };
  }

  private checkSize(size: number, name: string): void {
    if (size === 0) throw new DeskError('FILE_REJECTED', `文件“${name}”是空文件（0 字节），请重新选择。`);
    if (size > this.maxBytes) {
      throw new DeskError(
        'FILE_REJECTED',
        `文件“${name}”大小为 ${(size / 1048576).toFixed(1)} MB，超过上限 ${Math.round(this.maxBytes / 1048576)} MB。请压缩或拆分后再上传。`,
      );
    }
  }

  private checkKind(head: Uint8Array, name: string, allowed: readonly FileKind[]): FileKind {
    const kind = sniffFileKind(head);
    const allowedText = allowed.map((k) => FILE_KIND_LABELS[k]).join('、');
    if (!kind || !allowed.includes(kind)) {
      const claimed = kindFromName(name);
      const why = claimed && kind !== claimed ? `文件名看似${FILE_KIND_LABELS[claimed]}，但内容不是` : '文件内容不是允许的类型';
      throw new DeskError('FILE_REJECTED', `文件“${name}”未接收：${why}。只接收${allowedText}。`, { detected: kind });
    }
    return kind;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
