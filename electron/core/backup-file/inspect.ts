/**
 * Check a backup file whole: the manifest (zod), every entry against it (missing, extra, size, sha256),
 * attachments against their content-addressed names, every store part against its schema, and the schema
 * version against the app's. A bad file gives problems in Chinese, never an exception; only a path that
 * cannot be read at all throws.
 *
 * The same pass serves restore: the part and audit bytes are kept in memory (they are small), and
 * attachments the data folder does not have yet are written (fsynced) to a staging folder while they are
 * hashed, so a restore reads the file once and moves only checked bytes into place.
 */
import { createHash } from 'node:crypto';
import fsCallback, { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { DeskError } from '../contract/errors.js';
import { BackupManifest, type BackupInspection } from '../contract/backup-file.js';
import { checkEntryName, decodeEntryName } from '../base/zip-names.js';
import { throwIfAborted } from '../exchange/atomic-file.js';
import { partSpecs, keyedPartSpecs, type PartName } from '../store/parts.js';
import { migrationPath } from '../store/migrations.js';
import { exists } from '../store/durable-file.js';
import { ATTACHMENT_ENTRY, AUDIT_ENTRY, MANIFEST_NAME, PART_ENTRY, describeContents, partOf } from './manifest.js';

/** Store parts and audit files are held in memory; no single one may be larger than this. */
const MAX_TEXT_ENTRY = 512 * 1024 * 1024;
const MAX_MANIFEST = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface CheckOptions {
  /** The schema version this app reads and writes. */
  schemaVersion: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Restore: write attachments missing from `filesDir` into `dir` (same file system as the data folder). */
  stage?: { dir: string; filesDir: string };
}

export interface CheckedBackup {
  inspection: BackupInspection;
  /** Part name (without .json) → bytes, as in the backup. */
  parts: Map<string, Buffer>;
  /** Path under audit/ → bytes. */
  audit: Map<string, Buffer>;
  /** Attachment path under files/ → staged file (only those the data folder lacked). */
  staged: Map<string, string>;
}

interface Found {
  name: string;
  entry: yauzl.Entry;
}

/** Throws DeskError only when the path cannot be read; anything wrong inside the file is a problem. */
async function openable(file: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new DeskError('NOT_FOUND', `找不到备份文件“${file}”。请确认U盘已插好、路径填写正确后重试。`, { path: file });
    throw new DeskError('FILE_REJECTED', `无法读取备份文件“${file}”（${code ?? (err as Error).message}）。请检查文件权限后重试。`, {
      path: file,
    });
  }
  if (!stat.isFile())
    throw new DeskError('INVALID_INPUT', `“${file}”不是文件。请选择扩展名为 .ipcdesk-backup 的备份文件。`, { path: file });
  try {
    await (await fs.open(file, 'r')).close();
  } catch (err) {
    throw new DeskError(
      'FILE_REJECTED',
      `无法读取备份文件“${file}”（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。请检查文件权限后重试。`,
      { path: file },
    );
  }
}

/** Stream one entry into `sink` (or nowhere), hashing it and counting its bytes, stopping past `limit`. */
async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limit: number,
  sink: 'memory' | 'discard' | string,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<{ sha256: string; size: number; data?: Buffer }> {
  const hash = createHash('sha256');
  let size = 0;
  const chunks: Buffer[] = [];
  const stream = await zip.openReadStreamPromise(entry);
  const counter = new Transform({
    transform(chunk: Buffer, _enc, next) {
      if (signal?.aborted) return next(abortError());
      size += chunk.length;
      if (size > limit) return next(new Error('内容超过记录的大小'));
      hash.update(chunk);
      onBytes(chunk.length);
      if (sink === 'memory') chunks.push(chunk);
      next(null, chunk);
    },
  });
  const staging = sink !== 'memory' && sink !== 'discard';
  // Staging: hash and write in one pass; the staged file is fsynced before it counts.
  const out = staging ? createWriteStream(sink, { flags: 'wx', mode: 0o600 }) : new Writable({ write: (_c, _e, next) => next() });
  await pipeline(stream as Readable, counter, out);
  if (staging) {
    const handle = await fs.open(sink, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  return { sha256: hash.digest('hex'), size, ...(sink === 'memory' ? { data: Buffer.concat(chunks, size) } : {}) };
}

function abortError(): Error {
  const err = new Error('已取消');
  err.name = 'AbortError';
  return err;
}

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function checkBackupFile(file: string, opts: CheckOptions): Promise<CheckedBackup> {
  await openable(file);
  const problems: string[] = [];
  const parts = new Map<string, Buffer>();
  const audit = new Map<string, Buffer>();
  const staged = new Map<string, string>();
  const parsedParts = new Map<string, unknown>();
  let manifest: BackupManifest | undefined;
  let attachmentCount = 0;
  let attachmentBytes = 0;
  const result = (): CheckedBackup => ({
    inspection: {
      path: file,
      ok: problems.length === 0,
      createdAt: manifest?.createdAt ?? null,
      appVersion: manifest?.appVersion ?? null,
      schemaVersion: manifest?.schemaVersion ?? null,
      files: manifest?.files.length ?? 0,
      contents: manifest ? describeContents(parsedParts, { count: attachmentCount, bytes: attachmentBytes }) : [],
      problems,
    },
    parts,
    audit,
    staged,
  });

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    problems.push(`不是有效的备份文件，无法作为压缩包打开（${reason(err)}）。`);
    return result();
  }
  try {
    // 1. The central directory: every entry's name, checked.
    const entries = new Map<string, Found>();
    try {
      for await (const entry of zip.eachEntry()) {
        throwIfAborted(opts.signal);
        let name: string;
        try {
          name = checkEntryName(decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields));
        } catch (err) {
          problems.push(`备份中有不安全或无法识别的文件名（${reason(err)}）。`);
          continue;
        }
        if (name.endsWith('/')) continue;
        if (entries.has(name)) {
          problems.push(`文件 ${name} 在备份中出现了两次。`);
          continue;
        }
        entries.set(name, { name, entry });
      }
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      problems.push(`备份文件的目录区已损坏，无法列出其中的文件（${reason(err)}）。`);
      return result();
    }

    // 2. The manifest.
    const m = entries.get(MANIFEST_NAME);
    if (!m) {
      problems.push('备份中缺少 manifest.json（文件清单），这不是本工作台生成的备份文件，或文件已损坏。');
      return result();
    }
    try {
      const { data } = await readEntry(zip, m.entry, MAX_MANIFEST, 'memory', opts.signal, () => undefined);
      const parsed = BackupManifest.safeParse(JSON.parse(data!.toString('utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems.push(
          `manifest.json 不符合备份文件格式（${issue?.path.join('.') || '整体'}：${issue?.message ?? ''}），这不是本工作台生成的备份文件，或文件已损坏。`,
        );
        return result();
      }
      manifest = parsed.data;
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      problems.push(`manifest.json 已损坏，无法读取（${reason(err)}）。`);
      return result();
    }
    if (manifest.schemaVersion > opts.schemaVersion) {
      problems.push(
        `备份由较新版本的程序生成（数据版本 ${manifest.schemaVersion}，本程序只支持到 ${opts.schemaVersion}）。请先安装新版程序再恢复。`,
      );
    }

    // 3. Every listed file against the entries, and the layout.
    const listed = new Map<string, { sha256: string; size: number }>();
    for (const f of manifest.files) {
      if (listed.has(f.path)) {
        problems.push(`清单中 ${f.path} 出现了两次。`);
        continue;
      }
      listed.set(f.path, f);
      if (!PART_ENTRY.test(f.path) && !ATTACHMENT_ENTRY.test(f.path) && !AUDIT_ENTRY.test(f.path)) {
        problems.push(`清单中的 ${f.path} 不属于备份的内容（只应有 store/、files/、audit/ 下的文件）。`);
      }
      if (!entries.has(f.path)) problems.push(`缺少文件 ${f.path}（清单中有，备份里没有）。`);
    }
    for (const name of entries.keys()) {
      if (name !== MANIFEST_NAME && !listed.has(name)) problems.push(`多出文件 ${name}（清单中没有）。`);
    }
    if (!listed.has('store/meta.json')) problems.push('备份中缺少 store/meta.json（数据版本信息）。');

    // 4. Every entry's bytes, in file order (one sequential read).
    const total = manifest.files.reduce((s, f) => s + f.size, 0);
    let done = 0;
    let reported = -1;
    const step = Math.max(1, Math.floor(total / 200));
    const onBytes = (n: number): void => {
      done += n;
      if (done - reported >= step) {
        reported = done;
        opts.onProgress?.(done, total);
      }
    };
    opts.onProgress?.(0, total);
    const order = [...listed.entries()]
      .filter(([p]) => entries.has(p))
      .sort((a, b) => entries.get(a[0])!.entry.relativeOffsetOfLocalHeader - entries.get(b[0])!.entry.relativeOffsetOfLocalHeader);
    if (opts.stage) await fs.mkdir(opts.stage.dir, { recursive: true });
    for (const [p, want] of order) {
      throwIfAborted(opts.signal);
      const { entry } = entries.get(p)!;
      const attachment = ATTACHMENT_ENTRY.exec(p);
      const text = PART_ENTRY.test(p) || AUDIT_ENTRY.test(p);
      if (entry.uncompressedSize !== want.size) {
        problems.push(`文件 ${p} 已损坏（大小不符：清单记录 ${want.size} 字节，备份中为 ${entry.uncompressedSize} 字节）。`);
        continue;
      }
      if (text && want.size > MAX_TEXT_ENTRY) {
        problems.push(`文件 ${p} 过大（${want.size} 字节），不像本工作台的数据文件。`);
        continue;
      }
      let sink: 'memory' | 'discard' | string = text ? 'memory' : 'discard';
      if (
        attachment &&
        opts.stage &&
        problems.length === 0 &&
        !(await exists(path.join(opts.stage.filesDir, attachment[1]!, attachment[2]!)))
      ) {
        sink = path.join(opts.stage.dir, `${staged.size}-${attachment[2]}`);
      }
      let got: { sha256: string; size: number; data?: Buffer };
      try {
        got = await readEntry(zip, entry, want.size, sink, opts.signal, onBytes);
      } catch (err) {
        if ((err as Error).name === 'AbortError' || opts.signal?.aborted) throw abortError();
        problems.push(`文件 ${p} 已损坏，无法读取（${reason(err)}）。`);
        continue;
      }
      if (got.size !== want.size) {
        problems.push(`文件 ${p} 已损坏（大小不符：清单记录 ${want.size} 字节，实际 ${got.size} 字节）。`);
        continue;
      }
      if (got.sha256 !== want.sha256) {
        problems.push(`文件 ${p} 已损坏（内容的 sha256 校验值与清单不符）。`);
        continue;
      }
      if (attachment) {
        if (attachment[2] !== got.sha256 || !attachment[2]!.startsWith(attachment[1]!)) {
          problems.push(`附件 ${p} 的内容与其文件名（校验值）不符。`);
          continue;
        }
        attachmentCount++;
        attachmentBytes += got.size;
        if (sink !== 'memory' && sink !== 'discard') staged.set(p.slice('files/'.length), sink);
      } else if (PART_ENTRY.test(p)) {
        parts.set(PART_ENTRY.exec(p)![1]!, got.data!);
      } else {
        audit.set(AUDIT_ENTRY.exec(p)![1]!, got.data!);
      }
    }
    opts.onProgress?.(total, total);

    // 5. Every part parses against its schema (after the migrations an older backup needs).
    const raw = new Map<string, unknown>();
    for (const [name, data] of parts) {
      try {
        raw.set(name, JSON.parse(data.toString('utf8')));
      } catch (err) {
        problems.push(`数据文件 store/${name}.json 不是有效的 JSON（${reason(err)}）。`);
      }
    }
    for (const [k, v] of raw) parsedParts.set(k, v);
    if (manifest.schemaVersion <= opts.schemaVersion) {
      const fixed: Record<string, unknown> = {};
      for (const [name, value] of raw) if (partOf(name)?.kind === 'fixed') fixed[name] = value;
      const meta = raw.get('meta') as { schemaVersion?: unknown } | undefined;
      if (meta && meta.schemaVersion !== manifest.schemaVersion)
        problems.push(`store/meta.json 记录的数据版本（${String(meta.schemaVersion)}）与清单（${manifest.schemaVersion}）不一致。`);
      let migrated = fixed;
      try {
        for (const stepM of migrationPath(manifest.schemaVersion, opts.schemaVersion)) migrated = stepM.migrate(migrated);
      } catch (err) {
        problems.push(`无法把数据版本 ${manifest.schemaVersion} 升级到 ${opts.schemaVersion}（${reason(err)}）。`);
      }
      for (const [name, value] of raw) {
        const ref = partOf(name);
        if (!ref) {
          problems.push(`数据文件 store/${name}.json 不是本程序认识的数据部分。`);
          continue;
        }
        const schema = ref.kind === 'fixed' ? partSpecs[ref.name as PartName].schema : keyedPartSpecs[ref.keyed].schema;
        const parsed = schema.safeParse(ref.kind === 'fixed' ? migrated[name] : value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          problems.push(`数据文件 store/${name}.json 内容不符合数据格式（${issue?.path.join('.') || '整体'}：${issue?.message ?? ''}）。`);
        }
      }
    }
    return result();
  } finally {
    zip.close();
  }
}

/** yauzl's own file reader streams in 64 KB chunks; 1 MB chunks make a 1 GB check markedly faster. */
class FileReader extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    // Positional reads on the shared descriptor (an fs.ReadStream would close it when destroyed).
    const fd = this.fd;
    let pos = start;
    return new Readable({
      highWaterMark: CHUNK,
      read(this: Readable) {
        const n = Math.min(CHUNK, end - pos);
        if (n <= 0) {
          this.push(null);
          return;
        }
        const buf = Buffer.allocUnsafe(n);
        fsCallback.read(fd, buf, 0, n, pos, (err, got) => {
          if (err) return this.destroy(err);
          if (got === 0) return this.destroy(new Error('unexpected end of file'));
          pos += got;
          this.push(got < n ? buf.subarray(0, got) : buf);
        });
      },
    });
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    const step = (done: number): void => {
      if (done >= length) return callback(null);
      fsCallback.read(this.fd, buffer, offset + done, length - done, position + done, (err, n) => {
        if (err) return callback(err);
        if (n === 0) return callback(new Error('unexpected end of file'));
        step(done + n);
      });
    };
    step(0);
  }
  override close(callback: (err: Error | null) => void): void {
    fsCallback.close(this.fd, (err) => callback(err ?? null));
  }
}

async function openZip(file: string): Promise<yauzl.ZipFile> {
  // A plain descriptor (not a FileHandle, which would be closed when garbage-collected): the reader owns
  // it and closes it when the zip is closed.
  const fd = await promisify(fsCallback.open)(file, 'r');
  const reader = new FileReader(fd);
  try {
    const { size } = await promisify(fsCallback.fstat)(fd);
    return await yauzl.fromRandomAccessReaderPromise(reader, size, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch (err) {
    fsCallback.close(fd, () => undefined);
    throw err;
  }
}

/** backupFile.inspect: the report only. */
export async function inspectBackupFile(file: string, opts: Omit<CheckOptions, 'stage'>): Promise<BackupInspection> {
  return (await checkBackupFile(file, opts)).inspection;
}
