import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { decrypt, encrypt } from './crypto.js';
import { ExchangeError } from '../base/exchange-error.js';
import { throwIfAborted, writeFileAtomic, type ProgressFn } from './atomic-file.js';
import { checkShape, Id, IsoTime, parseJsonBytes, Sha256Hex } from './shape.js';
import { readZip, type ZipLimits } from '../base/zip-read.js';
import { zipToBuffer, type ZipInput } from './zip-write.js';
import { checkEntryName } from '../base/zip-names.js';

export const PACKAGE_EXT = '.ipcdpkg';
const MANIFEST = 'manifest.json';
const PAYLOAD = 'payload.json';
const MATERIALS = 'materials/';

export const PackageFileEntry = z
  .object({ path: z.string().min(1).max(400), sha256: Sha256Hex, size: z.number().int().nonnegative() })
  .strict();
export const PackageManifest = z
  .object({
    format: z.literal(1),
    kind: z.literal('reviewPackage'),
    packageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u),
    createdAt: IsoTime,
    batchId: Id,
    expertId: Id,
    expertName: z.string().min(1).max(100),
    templateVersion: z.number().int().nonnegative(),
    files: z.array(PackageFileEntry),
    payloadSha256: Sha256Hex,
  })
  .strict();
export type PackageManifest = z.infer<typeof PackageManifest>;

/** payload.json: the caller's payload wrapped with the package id and the per-package signing secret. */
const Envelope = z.object({ packageId: z.string(), packageSecret: Sha256Hex, payload: z.unknown() }).strict();

export interface PackageMeta {
  batchId: string;
  expertId: string;
  expertName: string;
  templateVersion: number;
  /** Default: a random 16-byte hex id. */
  packageId?: string;
  /** Default: now. */
  createdAt?: string;
}

export interface PackageFile {
  path: string;
  data: Uint8Array;
}

export interface WritePackageOptions {
  meta: PackageMeta;
  payload: unknown;
  files: readonly PackageFile[];
  code: string;
  /** Default: 32 random bytes as hex. The secretariat must keep it (by packageId) to check results. */
  packageSecret?: string;
  /** When given, the container is written here atomically and not returned. */
  outFile?: string;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

export interface WrittenPackage {
  manifest: PackageManifest;
  packageSecret: string;
  /** Suggested file name, `评审包-<expert>-<batch>.ipcdpkg`. */
  fileName: string;
  size: number;
  /** The encrypted container, unless `outFile` was given. */
  container?: Buffer;
}

export interface ReadPackageResult<T> {
  manifest: PackageManifest;
  payload: T;
  packageSecret: string;
  /** In manifest order, each checked against its sha256 and size. */
  files: { path: string; data: Buffer }[];
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A file name part that is safe on Windows/FAT: no separators, reserved or control characters. */
export function safeNamePart(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/gu, '_')
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/[. ]+$/u, '')
      .slice(0, 60) || '_'
  );
}

export function packageFileName(expertName: string, batchId: string): string {
  return `评审包-${safeNamePart(expertName)}-${safeNamePart(batchId)}${PACKAGE_EXT}`;
}

/** Build, encrypt and (optionally) write a review package. */
export async function writePackage(opts: WritePackageOptions): Promise<WrittenPackage> {
  const { meta, signal, onProgress } = opts;
  const packageSecret = opts.packageSecret ?? randomBytes(32).toString('hex');
  if (!/^[0-9a-f]{64}$/u.test(packageSecret)) throw new Error('packageSecret must be 32 bytes as lowercase hex');
  const packageId = meta.packageId ?? randomBytes(16).toString('hex');
  const envelopeBytes = Buffer.from(JSON.stringify({ packageId, packageSecret, payload: opts.payload }), 'utf8');
  const files = opts.files.map((f) => ({ path: checkEntryName(f.path), data: f.data }));
  const manifest = checkShape(
    PackageManifest,
    {
      format: 1,
      kind: 'reviewPackage',
      packageId,
      createdAt: meta.createdAt ?? new Date().toISOString(),
      batchId: meta.batchId,
      expertId: meta.expertId,
      expertName: meta.expertName,
      templateVersion: meta.templateVersion,
      files: files.map((f) => {
        throwIfAborted(signal);
        return { path: f.path, sha256: sha256(f.data), size: f.data.length };
      }),
      payloadSha256: sha256(envelopeBytes),
    },
    '评审包清单',
  );
  const entries: ZipInput[] = [
    { path: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') },
    { path: PAYLOAD, data: envelopeBytes },
    ...files.map((f) => ({ path: MATERIALS + f.path, data: f.data })),
  ];
  const zip = await zipToBuffer(entries, { onProgress, signal });
  throwIfAborted(signal);
  onProgress?.({ phase: 'encrypt', done: 0, total: zip.length });
  const container = await encrypt(zip, opts.code, 'package');
  zip.fill(0);
  onProgress?.({ phase: 'encrypt', done: container.length, total: container.length });
  throwIfAborted(signal);
  const fileName = packageFileName(meta.expertName, meta.batchId);
  if (opts.outFile) {
    await writeFileAtomic(opts.outFile, container, { onProgress, signal });
    return { manifest, packageSecret, fileName, size: container.length };
  }
  return { manifest, packageSecret, fileName, size: container.length, container };
}

export interface ReadPackageOptions {
  fileName?: string;
  limits?: Partial<ZipLimits>;
}

/**
 * Decrypt and check a review package: strict zip, exactly the entries the manifest lists, every
 * sha256 and size matching, manifest and envelope strict, payload checked by `payloadSchema`.
 */
export async function readPackage<T>(
  data: Uint8Array,
  code: string,
  payloadSchema: z.ZodType<T>,
  opts: ReadPackageOptions = {},
): Promise<ReadPackageResult<T>> {
  try {
    // The zip was authenticated by AES-GCM under the one-time code, so only the secretariat can have
    // made it: size caps stay, the compression-ratio heuristic (false positives on repetitive text) is off.
    const zip = await readZip(await decrypt(data, code, 'package'), { limits: { maxRatio: Number.POSITIVE_INFINITY, ...opts.limits } });
    const take = (name: string): Buffer => {
      const b = zip.get(name);
      if (!b) throw new ExchangeError('badShape', `缺少 ${name}`);
      zip.delete(name);
      return b;
    };
    const manifest = checkShape(PackageManifest, parseJsonBytes(take(MANIFEST), MANIFEST), MANIFEST);
    const envelopeBytes = take(PAYLOAD);
    if (sha256(envelopeBytes) !== manifest.payloadSha256) throw new ExchangeError('tampered', `${PAYLOAD} 的校验值与清单不符`);
    const envelope = checkShape(Envelope, parseJsonBytes(envelopeBytes, PAYLOAD), PAYLOAD);
    if (envelope.packageId !== manifest.packageId) throw new ExchangeError('tampered', '清单与内容的评审包编号不一致');
    const files = manifest.files.map((f) => {
      const content = take(MATERIALS + checkEntryName(f.path));
      if (content.length !== f.size || sha256(content) !== f.sha256) throw new ExchangeError('tampered', `${f.path} 的校验值与清单不符`);
      return { path: f.path, data: content };
    });
    const extra = [...zip.keys()];
    if (extra.length) throw new ExchangeError('badShape', `清单之外多出文件 ${extra.slice(0, 3).join('、')}`);
    const payload = checkShape(payloadSchema, envelope.payload, '评审数据');
    return { manifest, payload, packageSecret: envelope.packageSecret, files };
  } catch (err) {
    throw err instanceof ExchangeError ? err.forFile(opts.fileName) : err;
  }
}
