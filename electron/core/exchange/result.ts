import { z } from 'zod';
import { hmacSign, hmacVerify } from './canonical-json.js';
import { containerPublicId, decrypt, encrypt, resultSalt } from './crypto.js';
import { ExchangeError } from '../base/exchange-error.js';
import { writeFileAtomic } from './atomic-file.js';
import { safeNamePart } from './package.js';
import { checkShape, Id, IsoTime, parseJsonBytes, Sha256Hex } from './shape.js';

export const RESULT_EXT = '.ipcdres';

export const ResultManifest = z
  .object({
    kind: z.literal('result'),
    packageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/u),
    batchId: Id,
    expertId: Id,
    templateVersion: z.number().int().nonnegative(),
    /** Monotonic per package: each export from expert mode is one higher than the last. */
    version: z.number().int().positive(),
    exportedAt: IsoTime,
  })
  .strict();
export type ResultManifest = z.infer<typeof ResultManifest>;

const ResultDoc = z.object({ manifest: ResultManifest, sheets: z.array(z.unknown()), signature: Sha256Hex }).strict();

/** What the secretariat recorded when it issued a package. */
export interface IssuedPackage {
  secret: string;
  batchId?: string;
  expertId?: string;
  templateVersion?: number;
}

export interface WriteResultOptions {
  manifest: Omit<ResultManifest, 'kind' | 'exportedAt'> & { exportedAt?: string };
  sheets: readonly unknown[];
  packageSecret: string;
  code: string;
  /** Only for the suggested file name. */
  expertName?: string;
  outFile?: string;
  /** The package's result key (deriveResultKey), when already derived. */
  key?: Buffer;
}

export interface ReadResultOptions<T> {
  /** When set, a result for any other package is `foreign`. */
  expectedPackageId?: string;
  /** The secret (or the whole issue record, so batch/expert/template are checked too) for a package id. */
  lookupSecret: (packageId: string) => string | IssuedPackage | undefined;
  sheetsSchema: z.ZodType<T>;
  /** A stored version for this package: an older incoming version is refused (`version`). */
  storedVersion?: number;
  fileName?: string;
  /** The package's result key (deriveResultKey), stored when it was issued: skips scrypt. */
  key?: Buffer;
}

/** The package id a result file names in clear (checked against the signed manifest on reading), or undefined for an old or foreign file. */
export function resultPackageId(data: Uint8Array): string | undefined {
  return containerPublicId(data);
}

export function resultFileName(expertName: string, batchId: string, version: number): string {
  return `评分结果-${safeNamePart(expertName)}-${safeNamePart(batchId)}-v${version}${RESULT_EXT}`;
}

/** Sign the scores with the package secret and encrypt with the one-time code. */
export async function writeResult(
  opts: WriteResultOptions,
): Promise<{ manifest: ResultManifest; fileName: string; size: number; container?: Buffer }> {
  const manifest = checkShape(
    ResultManifest,
    { kind: 'result', ...opts.manifest, exportedAt: opts.manifest.exportedAt ?? new Date().toISOString() },
    '结果清单',
  );
  const sheets = [...opts.sheets];
  const signature = hmacSign(opts.packageSecret, { manifest, sheets });
  // The package id travels in clear (in the authenticated header) so the secretariat knows which code to try.
  // Salt fixed per package, so a reader derives the key once per package, not once per file.
  const container = await encrypt(Buffer.from(JSON.stringify({ manifest, sheets, signature }), 'utf8'), opts.code, 'result', {
    publicId: manifest.packageId,
    salt: resultSalt(manifest.packageId),
    ...(opts.key ? { key: opts.key } : {}),
  });
  const fileName = resultFileName(opts.expertName ?? manifest.expertId, manifest.batchId, manifest.version);
  if (opts.outFile) {
    await writeFileAtomic(opts.outFile, container);
    return { manifest, fileName, size: container.length };
  }
  return { manifest, fileName, size: container.length, container };
}

/**
 * Decrypt and check a result file: shape (strict), package known and matching what was issued,
 * signature over canonical {manifest, sheets}, then sheets against `sheetsSchema`.
 */
export async function readResult<T>(
  data: Uint8Array,
  code: string,
  opts: ReadResultOptions<T>,
): Promise<{ manifest: ResultManifest; sheets: T[]; signature: string }> {
  try {
    const doc = checkShape(
      ResultDoc,
      parseJsonBytes(
        await decrypt(
          data,
          code,
          'result',
          undefined,
          opts.key ? { key: opts.key, keySalt: resultSalt(containerPublicId(data) ?? '') } : {},
        ),
        '结果文件',
      ),
      '结果文件',
    );
    const m = doc.manifest;
    const clearId = containerPublicId(data);
    if (clearId !== undefined && clearId !== m.packageId) throw new ExchangeError('tampered', '文件头的评审包编号与内容不一致');
    if (opts.expectedPackageId !== undefined && m.packageId !== opts.expectedPackageId) {
      throw new ExchangeError('foreign', `它属于另一个评审包（${m.packageId}）`);
    }
    const found = opts.lookupSecret(m.packageId);
    if (found === undefined) throw new ExchangeError('foreign', `未发出过编号为 ${m.packageId} 的评审包`);
    const issued: IssuedPackage = typeof found === 'string' ? { secret: found } : found;
    if (!hmacVerify(issued.secret, { manifest: m, sheets: doc.sheets }, doc.signature)) {
      throw new ExchangeError('tampered');
    }
    if (issued.batchId !== undefined && issued.batchId !== m.batchId)
      throw new ExchangeError('foreign', `批次不符（文件为 ${m.batchId}，评审包发给 ${issued.batchId}）`);
    if (issued.expertId !== undefined && issued.expertId !== m.expertId)
      throw new ExchangeError('foreign', '专家不符（文件所写的专家不是该评审包的收件专家）');
    if (issued.templateVersion !== undefined && issued.templateVersion !== m.templateVersion) {
      throw new ExchangeError('foreign', `评分表版本不符（文件为第 ${m.templateVersion} 版，评审包为第 ${issued.templateVersion} 版）`);
    }
    if (opts.storedVersion !== undefined && m.version < opts.storedVersion) {
      throw new ExchangeError('version', `这是第 ${m.version} 次导出的结果，比已导入的第 ${opts.storedVersion} 次旧`);
    }
    const sheets = checkShape(z.array(opts.sheetsSchema), doc.sheets, '评分表');
    return { manifest: m, sheets, signature: doc.signature };
  } catch (err) {
    throw err instanceof ExchangeError ? err.forFile(opts.fileName) : err;
  }
}
