/**
 * Write the whole data folder to one `*.ipcdesk-backup` zip (layout in manifest.ts).
 *
 * Consistency: the store parts are copied (as bytes, in memory) and the audit files' lengths noted while
 * holding the store's write queue, briefly; no write can land in between, so parts and log agree.
 * Attachments are immutable and content-addressed (written before any part refers to them), so they are
 * listed after the queue is released and streamed without holding it; the audit files are append-only,
 * so streaming the noted prefix of each gives the log as it was at the copy.
 *
 * The zip is streamed to a temp file in the target folder (every entry hashed on the way; attachments
 * stored without deflate, they are mostly PDFs and images), fsynced, renamed to its final name, and the
 * folder fsynced. On error or cancellation the temp file is removed and nothing else is left behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { DeskError } from '../contract/errors.js';
import type { ManifestFile } from '../contract/archive.js';
import type { BackupFileInfo, BackupManifest } from '../contract/backup-file.js';
import type { Store } from '../store/store.js';
import { partFiles } from '../store/backups.js';
import { fsyncDir } from '../store/durable-file.js';
import { FIXED_MTIME } from '../exchange/zip-write.js';
import { throwIfAborted } from '../exchange/atomic-file.js';
import { useNativeCrc32 } from '../exchange/fast-crc.js';
import { BACKUP_FORMAT, MANIFEST_NAME, backupFileName, describeContents } from './manifest.js';
import { tempFileName } from '../store/file-names.js';

export interface CreateBackupOptions {
  store: Store;
  /** The folder the file goes to (must exist and be writable). */
  targetDir: string;
  now: Date;
  createdBy: string;
  appVersion: string;
  signal?: AbortSignal;
  /** Bytes of content written so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Every file under `dir` (relative paths with `/`), skipping temp files (names starting with `.`). */
export async function listFiles(dir: string, rel = ''): Promise<string[]> {
  let names: import('node:fs').Dirent[];
  try {
    names = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: string[] = [];
  for (const d of names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (d.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (d.isFile()) out.push(r);
  }
  return out;
}

/** The folder must exist, be a folder and be writable; otherwise a Chinese error. */
export async function checkTargetDir(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch {
    throw new DeskError('INVALID_INPUT', `找不到文件夹“${dir}”。请确认U盘已插好、路径填写正确后重试。`, { targetDir: dir });
  }
  if (!stat.isDirectory()) throw new DeskError('INVALID_INPUT', `“${dir}”不是文件夹。请选择要保存备份文件的文件夹。`, { targetDir: dir });
  try {
    await fs.access(dir, constants.W_OK);
  } catch {
    throw new DeskError('INVALID_INPUT', `文件夹“${dir}”不能写入（可能是只读的U盘或没有权限）。请换一个文件夹后重试。`, { targetDir: dir });
  }
}

async function freeName(dir: string, fileName: string): Promise<string> {
  const ext = '.ipcdesk-backup';
  const base = fileName.slice(0, -ext.length);
  let candidate = fileName;
  for (let n = 2; ; n++) {
    try {
      await fs.access(path.join(dir, candidate));
      candidate = `${base}（${n}）${ext}`;
    } catch {
      return candidate;
    }
  }
}

interface Snapshot {
  parts: { name: string; data: Buffer }[];
  audit: { rel: string; size: number }[];
  schemaVersion: number;
}

/** Copy every part's bytes and note the audit files' lengths while no write can run. */
function takeSnapshot(store: Store): Promise<Snapshot> {
  return store.exclusive(async () => {
    const parts: Snapshot['parts'] = [];
    for (const f of await partFiles(store.dirs.store)) parts.push({ name: f, data: await fs.readFile(path.join(store.dirs.store, f)) });
    const audit: Snapshot['audit'] = [];
    for (const rel of await listFiles(store.dirs.audit)) audit.push({ rel, size: (await fs.stat(path.join(store.dirs.audit, rel))).size });
    return { parts, audit, schemaVersion: store.schemaVersion };
  });
}

export async function createBackupFile(opts: CreateBackupOptions): Promise<BackupFileInfo> {
  const { store, targetDir } = opts;
  await checkTargetDir(targetDir);
  throwIfAborted(opts.signal);
  const snap = await takeSnapshot(store);

  const attachments: { rel: string; size: number }[] = [];
  for (const rel of await listFiles(store.dirs.files))
    attachments.push({ rel, size: (await fs.stat(path.join(store.dirs.files, rel))).size });

  const total =
    snap.parts.reduce((s, p) => s + p.data.length, 0) +
    snap.audit.reduce((s, a) => s + a.size, 0) +
    attachments.reduce((s, a) => s + a.size, 0);
  let done = 0;
  let reported = -1;
  const step = Math.max(1, Math.floor(total / 200));
  const progress = (n: number): void => {
    done += n;
    if (done - reported >= step || done === total) {
      reported = done;
      opts.onProgress?.(done, total);
    }
  };
  opts.onProgress?.(0, total);

  const fileName = await freeName(targetDir, backupFileName(opts.now));
  const finalPath = path.join(targetDir, fileName);
  const tmp = path.join(targetDir, tempFileName(fileName, `${process.pid}.${randomBytes(4).toString('hex')}`));
  try {
    await (await fs.open(tmp, 'wx', 0o600)).close();
  } catch (err) {
    throw new DeskError(
      'INVALID_INPUT',
      `无法在文件夹“${targetDir}”中写入备份文件（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。请换一个文件夹后重试。`,
      { targetDir },
    );
  }

  const files: ManifestFile[] = [];
  useNativeCrc32();
  const zip = new yazl.ZipFile();
  const entryOptions = (compress: boolean) => ({ mtime: FIXED_MTIME, forceDosTimestamp: true, compress, mode: 0o100644 });
  let failWith: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    failWith = reject;
  });
  failed.catch(() => undefined);
  zip.on('error', (err) => failWith(err));

  for (const p of snap.parts) {
    const sha256 = createHash('sha256').update(p.data).digest('hex');
    files.push({ path: `store/${p.name}`, sha256, size: p.data.length });
    zip.addBuffer(p.data, `store/${p.name}`, entryOptions(true));
  }
  const streamed: Promise<void>[] = [];
  const addStream = (entry: string, source: string, size: number, compress: boolean): void => {
    const record: ManifestFile = { path: entry, sha256: '', size };
    files.push(record);
    let finish: () => void = () => undefined;
    streamed.push(new Promise<void>((resolve) => (finish = resolve)));
    if (size === 0) {
      record.sha256 = createHash('sha256').digest('hex');
      zip.addBuffer(Buffer.alloc(0), entry, entryOptions(compress));
      finish();
      return;
    }
    zip.addReadStreamLazy(entry, { ...entryOptions(compress), size }, (cb) => {
      if (opts.signal?.aborted) return cb(abortError(), undefined as unknown as Readable);
      const hash = createHash('sha256');
      let seen = 0;
      // Only the noted length: an audit file may have grown since the snapshot (the log is append-only).
      const input = createReadStream(source, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 });
      const counter = new Transform({
        transform(chunk: Buffer, _enc, next) {
          if (opts.signal?.aborted) return next(abortError());
          hash.update(chunk);
          seen += chunk.length;
          progress(chunk.length);
          next(null, chunk);
        },
        flush(next) {
          if (seen !== size) return next(new Error(`${entry}: 读到 ${seen} 字节，应为 ${size} 字节（文件在备份过程中被改动）`));
          record.sha256 = hash.digest('hex');
          finish();
          next();
        },
      });
      input.on('error', (err) => counter.destroy(err));
      counter.on('error', (err) => failWith(err));
      cb(null, input.pipe(counter));
    });
  };
  for (const a of snap.audit) addStream(`audit/${a.rel}`, path.join(store.dirs.audit, a.rel), a.size, true);
  for (const a of attachments) addStream(`files/${a.rel}`, path.join(store.dirs.files, a.rel), a.size, false);
  progress(snap.parts.reduce((s, p) => s + p.data.length, 0));

  const fileHash = createHash('sha256');
  let written = 0;
  const tap = new PassThrough();
  tap.on('data', (chunk: Buffer) => {
    fileHash.update(chunk);
    written += chunk.length;
  });
  const out = createWriteStream(tmp, { flags: 'r+' });
  let ok = false;
  let manifest: BackupManifest | undefined;
  try {
    const writing = pipeline(zip.outputStream as unknown as Readable, tap, out, opts.signal ? { signal: opts.signal } : {});
    writing.catch(() => undefined);
    // The manifest goes last: it needs every entry's hash, known once its data has been streamed.
    await Promise.race([Promise.all(streamed), failed, writing]);
    throwIfAborted(opts.signal);
    manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: opts.now.toISOString(),
      createdBy: opts.createdBy,
      appVersion: opts.appVersion,
      schemaVersion: snap.schemaVersion,
      files,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), MANIFEST_NAME, entryOptions(true));
    zip.end();
    await Promise.race([writing, failed]);
    const handle = await fs.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    ok = true;
  } catch (err) {
    if (opts.signal?.aborted) throw abortError();
    throw new DeskError('INTERNAL', `写入备份文件失败（${(err as Error).message}），没有生成备份文件。请检查目标文件夹的剩余空间后重试。`);
  } finally {
    if (!ok) {
      out.destroy();
      await fs.rm(tmp, { force: true });
    }
  }
  try {
    throwIfAborted(opts.signal);
    await fs.rename(tmp, finalPath);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(targetDir);
  opts.onProgress?.(total, total);

  const parsed = new Map<string, unknown>();
  for (const p of snap.parts) {
    try {
      parsed.set(p.name.replace(/\.json$/, ''), JSON.parse(p.data.toString('utf8')));
    } catch {
      // a damaged part still goes into the backup as it is; it just is not counted
    }
  }
  return {
    path: finalPath,
    fileName,
    size: written,
    sha256: fileHash.digest('hex'),
    createdAt: manifest.createdAt,
    files: files.length,
    contents: describeContents(parsed, { count: attachments.length, bytes: attachments.reduce((s, a) => s + a.size, 0) }),
  };
}

function abortError(): Error {
  const err = new Error('已取消');
  err.name = 'AbortError';
  return err;
}
