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
import { ArchiveManifest, FourChecksReport, type FourChecksProblem, type VerifyProblem, type VerifyReport } from '../contract/archive.js';
import type { FourCheck } from '../contract/archive-labels.js';
import { CATALOG_CSV, CATALOG_JSON, CATALOG_PATH, type CatalogJson } from './catalog.js';
import { fourChecks, REPORT_JSON, REPORT_PDF, sameFindings, type ItemFacts } from './four-checks.js';
import { digestPool, type Digest } from './digest-pool.js';
import { decodeEntryName } from '../base/zip-names.js';

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Bytes hashed so far of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** When the check is made (the report's time; default: now). */
  now?: Date;
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

async function hashStream(
  stream: Readable,
  onChunk: (n: number) => void,
  signal?: AbortSignal,
  keep?: Buffer[],
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const onAbort = (): void => {
    stream.destroy(Object.assign(new Error('已取消'), { name: 'AbortError' }));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      keep?.push(chunk as Buffer);
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

function reportOf(
  file: string,
  fields: Partial<Omit<VerifyReport, 'fourChecks' | 'fourChecksMatchSeal'>> & { problems: VerifyProblem[] },
  checks: { report: FourChecksReport | null; matchSeal: boolean | null } = { report: null, matchSeal: null },
): VerifyReport {
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
    fourChecks: checks.report,
    fourChecksMatchSeal: checks.matchSeal,
  };
}

/** Which of the four checks a verifier finding belongs to. */
const CHECK_OF: Record<VerifyProblem['kind'], FourCheck> = {
  missing: 'integrity',
  extra: 'integrity',
  manifest: 'integrity',
  hash: 'authenticity',
  size: 'authenticity',
  seal: 'authenticity',
  unreadable: 'usability',
};
const NOT_ITEMS = new Set([REPORT_JSON, REPORT_PDF, CATALOG_PATH, CATALOG_JSON, CATALOG_CSV]);

function parseJson<T>(bytes: Buffer | undefined): T | null {
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return null;
  }
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
    const facts = new Map<string, ItemFacts>();
    const bytesOf = new Map<string, Buffer>();
    // Each entry is read once here (SHA-256 while streaming); its SM3 and inspection are computed on worker
    // threads while the next entries are read, and gathered once all have been read.
    const digests: { m: ArchiveManifest['files'][number]; sha256: string; size: number; digest: Promise<Digest> }[] = [];
    const pool = digestPool();
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
      const chunks: Buffer[] = [];
      try {
        got = await hashStream(await zip.openReadStreamPromise(entry), (n) => tick(n), opts.signal, chunks);
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
      const data = Buffer.concat(chunks, got.size);
      const keep = m.path === REPORT_JSON || m.path === CATALOG_JSON;
      if (keep) bytesOf.set(m.path, data);
      const digest = pool.digest(m.path, data, { inspect: true, owned: !keep });
      digest.catch(() => undefined);
      digests.push({ m, sha256: got.sha256, size: got.size, digest });
      await pool.room();
    }
    for (const { m, sha256, size, digest } of digests) {
      checkAbort(opts.signal);
      const { sm3, inspection } = await digest;
      if (m.sm3 && sm3 !== m.sm3 && sha256 === m.sha256 && size === m.size)
        problems.push({ path: m.path, kind: 'hash', message: `${m.path}：内容与清单中的SM3校验值不符，文件被改动或已损坏。` });
      facts.set(m.path, { path: m.path, sha256, sm3, size, inspection: inspection!, generated: m.kind !== 'attachment' });
    }
    for (const name of order) {
      if (name !== MANIFEST && !listed.has(name))
        problems.push({ path: name, kind: 'extra', message: `${name}：档案中有此文件，但清单中没有（可能是后来加入的）。` });
    }
    const checks = verifyFourChecks(manifest, problems, facts, bytesOf, opts.now ?? new Date());
    return reportOf(
      file,
      { problems, checked, bytes, year: manifest.year, sealVersion: manifest.sealVersion, sealedAt: manifest.sealedAt },
      checks,
    );
  } finally {
    zip.close();
  }
}

/**
 * The verifier's own 四性检测: every manifest finding sorted into its check, each item's bytes inspected again,
 * the catalogue's SHA-256/SM3 and recorded content addresses compared with the bytes, and what the seal's
 * report recorded as never archived (documents that could not be produced, attachments missing at seal)
 * carried over. Compared with the seal's report by the problems it names (check and file).
 */
function verifyFourChecks(
  manifest: ArchiveManifest,
  problems: readonly VerifyProblem[],
  facts: Map<string, ItemFacts>,
  bytesOf: Map<string, Buffer>,
  now: Date,
): { report: FourChecksReport; matchSeal: boolean | null } {
  const sealParsed = FourChecksReport.safeParse(parseJson(bytesOf.get(REPORT_JSON)));
  const seal = sealParsed.success ? sealParsed.data : null;
  const catalog = parseJson<CatalogJson>(bytesOf.get(CATALOG_JSON));
  const found: FourChecksProblem[] = problems.map((p) => ({ check: CHECK_OF[p.kind], path: p.path, message: p.message }));
  const byPath = new Map((catalog?.items ?? []).map((i) => [i.path, i]));
  for (const [p, f] of facts) {
    const item = byPath.get(p);
    if (item?.recordedSha256) f.recordedSha256 = item.recordedSha256;
    if (item && (item.sha256 !== f.sha256 || item.sm3 !== f.sm3))
      found.push({ check: 'authenticity', path: p, message: `${p}：内容与档案目录记录的校验值（SHA-256/SM3）不符。` });
  }
  if (!catalog)
    found.push({ check: 'integrity', path: CATALOG_JSON, message: `档案中没有可读的 ${CATALOG_JSON}（档案目录），无法核对目录。` });
  else
    for (const i of catalog.items)
      if (!facts.has(i.path) && !problems.some((p) => p.path === i.path))
        found.push({ check: 'integrity', path: i.path, message: `${i.path}：档案目录中有此文件，档案中缺失。` });
  if (seal && (seal.year !== manifest.year || seal.sealVersion !== manifest.sealVersion))
    found.push({ check: 'authenticity', path: REPORT_JSON, message: '封存时的四性检测报告与清单的年度或版本不符。' });
  for (const c of seal?.checks ?? []) for (const p of c.problems) if (c.check === 'integrity' && p.path === '') found.push(p);
  const items = [...facts.values()].filter((f) => !NOT_ITEMS.has(f.path));
  const kindOf = new Map(manifest.files.map((f) => [f.path, f.kind]));
  const documents = items.filter((i) => kindOf.get(i.path) === 'document').length;
  const attachments = items.filter((i) => kindOf.get(i.path) === 'attachment').length;
  const report = fourChecks({
    stage: 'verify',
    checkedAt: now.toISOString(),
    year: manifest.year,
    sealVersion: manifest.sealVersion,
    items,
    problems: found,
    planned: { documents: seal?.counts.plannedDocuments ?? documents, attachments: seal?.counts.plannedAttachments ?? attachments },
    included: { documents, attachments },
  });
  return { report, matchSeal: seal ? sameFindings(seal, report) : null };
}
