/**
 * 校验年度档案: read the zip's central directory, re-hash every entry while streaming it, and compare with
 * manifest.json (and, for an archive sealed in this app, with the seal record). Every problem names the
 * entry. Used by archive.verify and by `npm run verify-archive` (no data folder needed).
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ArchiveManifest, type VerifyProblem, type VerifyReport } from '../contract/archive.js';
import { decodeEntryName } from '../base/zip-names.js';

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Bytes hashed so far of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** From the seal record: the zip's and the manifest's sha256. */
  expect?: { sha256: string; manifestSha256: string };
}

import { formatBytes } from '../domain/sizes.js';

const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export { formatBytes };

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const err = new Error('已取消');
    err.name = 'AbortError';
    throw err;
  }
}

async function hashStream(stream: Readable, onChunk: (n: number) => void, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const onAbort = (): void => {
    stream.destroy(Object.assign(new Error('已取消'), { name: 'AbortError' }));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      onChunk((chunk as Buffer).length);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return { sha256: hash.digest('hex'), size };
}

export async function sha256OfFile(file: string, onChunk: (n: number) => void = () => undefined, signal?: AbortSignal): Promise<string> {
  return (await hashStream(createReadStream(file, { highWaterMark: 1024 * 1024 }), onChunk, signal)).sha256;
}

function reportOf(file: string, fields: Partial<VerifyReport> & { problems: VerifyProblem[] }): VerifyReport {
  const problems = fields.problems;
  const ok = problems.length === 0 && (fields.checked ?? 0) > 0;
  const named = problems
    .filter((p) => p.path)
    .slice(0, 3)
    .map((p) => p.path);
  const summary = ok
    ? `档案完好：${fields.checked}个文件（${formatBytes(fields.bytes ?? 0)}）与清单一致，校验值全部相符。`
    : `发现${problems.length}处问题${named.length ? `，涉及：${named.join('、')}${problems.length > named.length ? '等' : ''}` : `：${problems[0]?.message ?? '档案中没有可校验的文件'}`}。档案已不完整或被改动，请勿以此作为正式档案，改用原件或重新封存。`;
  return {
    file,
    ok,
    checked: fields.checked ?? 0,
    bytes: fields.bytes ?? 0,
    year: fields.year ?? null,
    sealVersion: fields.sealVersion ?? null,
    sealedAt: fields.sealedAt ?? null,
    problems,
    summary,
  };
}

/** Verify the archive at `file`. Never throws for a damaged archive (that is a report); throws when the file cannot be read at all or on cancel. */
export async function verifyArchive(file: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw Object.assign(new Error(`${file} 不是文件`), { code: 'EISDIR' });
  const problems: VerifyProblem[] = [];
  const zipName = path.basename(file);
  let done = 0;
  const wholeBytes = opts.expect ? stat.size : 0;
  let total = wholeBytes + stat.size;
  const tick = (n: number): void => {
    done += n;
    opts.onProgress?.(Math.min(done, total), total);
  };
  opts.onProgress?.(0, total);

  if (opts.expect) {
    const sha = await sha256OfFile(file, tick, opts.signal);
    if (sha !== opts.expect.sha256) {
      problems.push({
        path: '',
        kind: 'seal',
        message: `档案文件 ${zipName} 的校验值与封存记录不符（记录 ${opts.expect.sha256.slice(0, 12)}…，实际 ${sha.slice(0, 12)}…）：文件在封存后被改动。`,
      });
    }
  }

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: false,
      autoClose: false,
      strictFileNames: false,
    });
  } catch (err) {
    problems.push({
      path: '',
      kind: 'unreadable',
      message: `${zipName} 不是有效的压缩包或已严重损坏（${(err as Error).message}），无法读取其中的文件。`,
    });
    return reportOf(file, { problems });
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    const order: string[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        let name: string;
        try {
          name = decodeEntryName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields);
        } catch {
          name = entry.fileNameRaw.toString('latin1');
          problems.push({ path: name, kind: 'unreadable', message: `${name}：文件名编码无法识别。` });
          continue;
        }
        if (name.endsWith('/')) continue;
        if (entries.has(name)) {
          problems.push({ path: name, kind: 'extra', message: `${name}：压缩包中出现了两次。` });
          continue;
        }
        entries.set(name, entry);
        order.push(name);
      }
    } catch (err) {
      checkAbort(opts.signal);
      problems.push({
        path: '',
        kind: 'unreadable',
        message: `${zipName} 的文件目录已损坏（${(err as Error).message}），只能校验能读出的部分。`,
      });
    }

    const manifestEntry = entries.get(MANIFEST);
    if (!manifestEntry) {
      problems.push({ path: MANIFEST, kind: 'manifest', message: `档案中没有 ${MANIFEST}（文件清单），无法校验。` });
      return reportOf(file, { problems });
    }
    let manifest: ArchiveManifest;
    try {
      if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw new Error('清单过大');
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(manifestEntry)) chunks.push(c as Buffer);
      const data = Buffer.concat(chunks);
      tick(manifestEntry.compressedSize);
      if (opts.expect) {
        const sha = createHash('sha256').update(data).digest('hex');
        if (sha !== opts.expect.manifestSha256)
          problems.push({ path: MANIFEST, kind: 'seal', message: `${MANIFEST} 的校验值与封存记录不符：清单在封存后被改动。` });
      }
      const parsed = ArchiveManifest.safeParse(JSON.parse(data.toString('utf8')));
      if (!parsed.success)
        throw new Error(`格式不符（${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}）`);
      manifest = parsed.data;
    } catch (err) {
      checkAbort(opts.signal);
      problems.push({ path: MANIFEST, kind: 'manifest', message: `${MANIFEST} 无法读取或内容不对：${(err as Error).message}。` });
      return reportOf(file, { problems });
    }

    total = wholeBytes + manifest.files.reduce((n, f) => n + f.size, 0) + manifestEntry.compressedSize;
    let checked = 0;
    let bytes = 0;
    const listed = new Set<string>();
    for (const m of manifest.files) {
      checkAbort(opts.signal);
      if (listed.has(m.path)) {
        problems.push({ path: m.path, kind: 'manifest', message: `${m.path}：在清单中出现了两次。` });
        continue;
      }
      listed.add(m.path);
      const entry = entries.get(m.path);
      if (!entry) {
        problems.push({ path: m.path, kind: 'missing', message: `${m.path}：清单中有此文件，档案中缺失。` });
        continue;
      }
      checked++;
      let got: { sha256: string; size: number };
      try {
        got = await hashStream(await zip.openReadStreamPromise(entry), (n) => tick(n), opts.signal);
      } catch (err) {
        checkAbort(opts.signal);
        problems.push({ path: m.path, kind: 'unreadable', message: `${m.path}：无法读出（${(err as Error).message}），文件已损坏。` });
        continue;
      }
      bytes += got.size;
      // One problem per file: a wrong size (recorded or actual) first, otherwise a wrong hash.
      if (entry.uncompressedSize !== m.size || got.size !== m.size) {
        problems.push({
          path: m.path,
          kind: 'size',
          message: `${m.path}：大小不符（清单记录 ${m.size} 字节，档案中为 ${got.size} 字节），文件被改动或已损坏。`,
        });
      } else if (got.sha256 !== m.sha256) {
        problems.push({ path: m.path, kind: 'hash', message: `${m.path}：内容与清单中的校验值（SHA-256）不符，文件被改动或已损坏。` });
      }
    }
    for (const name of order) {
      if (name !== MANIFEST && !listed.has(name))
        problems.push({ path: name, kind: 'extra', message: `${name}：档案中有此文件，但清单中没有（可能是后来加入的）。` });
    }
    return reportOf(file, {
      problems,
      checked,
      bytes,
      year: manifest.year,
      sealVersion: manifest.sealVersion,
      sealedAt: manifest.sealedAt,
    });
  } finally {
    zip.close();
  }
}
