/**
 * Upload staging: <data>/uploads/<id> (+ <id>.json with the original file name). Large files arrive
 * here by streaming (web host POST /upload, or Electron from a file path), never through the JSON RPC
 * body; a later call (applications.attachFile, applications.importTemplate) consumes them by id.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeskError } from '../contract/errors.js';

import { MAX_UPLOAD_BYTES } from '../contract/limits.js';

/** The caps are stated in the contract (the renderer checks them before reading a big file). */
export { MAX_UPLOAD_BYTES, MAX_PACKAGE_UPLOAD_BYTES, uploadCapFor } from '../contract/limits.js';
/** Staged uploads older than this are swept on the next upload. */
const STALE_MS = 24 * 3600_000;

export interface StagedUpload {
  uploadId: string;
  size: number;
}

export interface UploadInfo extends StagedUpload {
  fileName: string;
  /** Absolute path of the staged bytes. */
  path: string;
}

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/** Thrown past the size cap (the web host answers 413). */
export class UploadTooLarge extends DeskError {
  constructor(fileName: string, cap: number) {
    super('FILE_REJECTED', `文件“${fileName}”超过上限 ${Math.round(cap / 1048576)} MB，未接收。请压缩或拆分后再上传。`);
  }
}

function cleanName(fileName: string): string {
  const base = path
    .basename(fileName.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f]/g, '')
    .trim();
  return base.slice(0, 200) || '未命名文件';
}

/** Stream (or copy) the bytes into the staging folder, counting them against the cap. */
export async function stageUpload(
  dataDir: string,
  source: Readable | Uint8Array,
  fileName: string,
  cap = MAX_UPLOAD_BYTES,
): Promise<StagedUpload> {
  const dir = uploadsDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  await sweepStale(dir).catch(() => undefined);
  const name = cleanName(fileName);
  const uploadId = randomBytes(16).toString('hex');
  const target = path.join(dir, uploadId);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > cap) done(new UploadTooLarge(name, cap));
      else done(null, chunk);
    },
  });
  const input = source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : source;
  try {
    await pipeline(input, counter, createWriteStream(target, { flags: 'wx' }));
    if (size === 0) throw new DeskError('FILE_REJECTED', `文件“${name}”是空文件（0 字节），未接收。请检查后重新选择。`);
    await fs.writeFile(`${target}.json`, JSON.stringify({ fileName: name, size }));
  } catch (err) {
    await fs.rm(target, { force: true });
    throw err;
  }
  return { uploadId, size };
}

/** Stage a file from a local path (the Electron host's file dialog). */
export function stageUploadFromFile(dataDir: string, file: string, cap = MAX_UPLOAD_BYTES): Promise<StagedUpload> {
  return stageUpload(dataDir, createReadStream(file), path.basename(file), cap);
}

/** Look a staged upload up; NOT_FOUND with a Chinese message when it is gone. */
export async function findUpload(dataDir: string, uploadId: string): Promise<UploadInfo> {
  if (!/^[0-9a-f]{32}$/.test(uploadId)) throw new DeskError('INVALID_INPUT', '上传编号无效，请重新上传文件。');
  const file = path.join(uploadsDir(dataDir), uploadId);
  try {
    const meta = JSON.parse(await fs.readFile(`${file}.json`, 'utf8')) as { fileName: string; size: number };
    return { uploadId, size: meta.size, fileName: meta.fileName, path: file };
  } catch {
    throw new DeskError('NOT_FOUND', '找不到已上传的文件（可能已使用或已过期），请重新上传。');
  }
}

export async function discardUpload(dataDir: string, uploadId: string): Promise<void> {
  const file = path.join(uploadsDir(dataDir), uploadId);
  await fs.rm(file, { force: true });
  await fs.rm(`${file}.json`, { force: true });
}

async function sweepStale(dir: string): Promise<void> {
  const now = Date.now();
  for (const entry of await fs.readdir(dir)) {
    const full = path.join(dir, entry);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && now - stat.mtimeMs > STALE_MS) await fs.rm(full, { force: true });
  }
}
