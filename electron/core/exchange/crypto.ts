import { createHash, createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { DeskError } from '../contract/errors.js';
import { ExchangeError } from '../base/exchange-error.js';

/** Which file a container holds; the magic bytes at its start. */
export type ContainerKind = 'package' | 'result';
const MAGIC: Record<ContainerKind, Buffer> = { package: Buffer.from('IPCDPKG1', 'ascii'), result: Buffer.from('IPCDRES1', 'ascii') };
const KIND_LABEL: Record<ContainerKind, string> = { package: '评审包', result: '评分结果文件' };

export const CONTAINER_VERSION = 1;
/** Version 2 (result files only) = version 1 plus a public id in clear after the key check (idLen(1) id(ascii)), also AAD. */
export const CONTAINER_VERSION_WITH_ID = 2;
const PUBLIC_ID = /^[A-Za-z0-9_-]{1,64}$/u;
const SALT_LEN = 16;
const IV_LEN = 12;
const TAG_LEN = 16;
const CHECK_LEN = 16;
/** magic(8) version(1) salt(16) iv(12) ciphertextLength(8, LE) keyCheck(16); all of it is the GCM AAD. */
export const HEADER_LEN = 8 + 1 + SALT_LEN + IV_LEN + 8 + CHECK_LEN;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** The one-time code alphabet: no 0/O, 1/I/L, so it can be read aloud and typed from paper. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const MIN_CODE_LENGTH = 10;

/** A fresh one-time code such as `K7QM-3XTR-9PWD` (12 characters, about 59 bits). */
export function newOneTimeCode(groups = 3, groupSize = 4): string {
  const out: string[] = [];
  for (let g = 0; g < groups; g++) {
    let s = '';
    for (let i = 0; i < groupSize; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    out.push(s);
  }
  return out.join('-');
}

/** What the key is derived from: NFKC (full-width to half-width), upper case, no spaces or dashes. */
export function normaliseCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·‐‑‒–—―−ー]/gu, '');
}

/** Group a code for display: `K7QM-3XTR-9PWD`. */
export function formatCode(code: string): string {
  return (normaliseCode(code).match(/.{1,4}/gu) ?? []).join('-');
}

/** scrypt(N=2^15, r=8, p=1) over the normalised code; 32 bytes. */
export function deriveKey(code: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normaliseCode(code).normalize('NFC'), salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Tells a wrong code from a damaged file. Covers magic, version and salt only, so damage to the iv or length shows as tampering. */
function keyCheck(key: Buffer, header: Buffer): Buffer {
  return createHmac('sha256', key)
    .update('IPCD key check\0')
    .update(header.subarray(0, 9 + SALT_LEN))
    .digest()
    .subarray(0, CHECK_LEN);
}

/**
 * The salt of every result file of one package, derived from its id: both sides can then run scrypt once
 * per package (the secretariat stores the derived key when it issues the package) instead of once per file.
 */
export function resultSalt(packageId: string): Buffer {
  return createHash('sha256').update('IPCD result salt\0').update(packageId, 'utf8').digest().subarray(0, SALT_LEN);
}

/** scrypt over the one-time code with the package's result salt (see resultSalt). */
export function deriveResultKey(code: string, packageId: string): Promise<Buffer> {
  return deriveKey(code, resultSalt(packageId));
}

export interface EncryptOptions {
  /** Package id carried in clear (result containers only). */
  publicId?: string;
  /** Fixed salt (result files use resultSalt(packageId)); random otherwise. */
  salt?: Buffer;
  /** A key already derived from the code and `salt` (saves the scrypt run). */
  key?: Buffer;
}

/** Encrypt `plain` under `code` into a self-describing container of the given kind. */
export async function encrypt(plain: Uint8Array, code: string, kind: ContainerKind, opts: EncryptOptions = {}): Promise<Buffer> {
  if (normaliseCode(code).length < MIN_CODE_LENGTH) {
    throw new DeskError('INVALID_INPUT', `一次性口令至少需要 ${MIN_CODE_LENGTH} 个字符。`);
  }
  const salt = opts.salt ?? randomBytes(SALT_LEN);
  const iv = randomBytes(IV_LEN);
  const key = opts.key ?? (await deriveKey(code, salt));
  const lenBuf = Buffer.alloc(8);
  lenBuf.writeBigUInt64LE(BigInt(plain.length));
  if (opts.publicId !== undefined && (kind !== 'result' || !PUBLIC_ID.test(opts.publicId)))
    throw new Error('publicId: result containers only, 1-64 characters [A-Za-z0-9_-]');
  const version = opts.publicId === undefined ? CONTAINER_VERSION : CONTAINER_VERSION_WITH_ID;
  const start = Buffer.concat([MAGIC[kind], Buffer.from([version]), salt, iv, lenBuf]);
  const idPart =
    opts.publicId === undefined
      ? Buffer.alloc(0)
      : Buffer.concat([Buffer.from([opts.publicId.length]), Buffer.from(opts.publicId, 'ascii')]);
  const header = Buffer.concat([start, keyCheck(key, start), idPart]);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** The kind a container claims by its magic, or undefined when it is not one of ours. */
export function containerKind(data: Uint8Array): ContainerKind | undefined {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.length, 8));
  if (head.equals(MAGIC.package)) return 'package';
  if (head.equals(MAGIC.result)) return 'result';
  return undefined;
}

/** Length of the header (the AAD) of a container, and its public id in clear (version 2), or undefined when not readable. */
function headerOf(data: Buffer): { length: number; publicId?: string } | undefined {
  if (data.length < 9) return undefined;
  if (data[8] === CONTAINER_VERSION) return { length: HEADER_LEN };
  if (data[8] !== CONTAINER_VERSION_WITH_ID || data.length < HEADER_LEN + 1) return undefined;
  const n = data[HEADER_LEN]!;
  if (data.length < HEADER_LEN + 1 + n) return undefined;
  const publicId = data.subarray(HEADER_LEN + 1, HEADER_LEN + 1 + n).toString('latin1');
  return PUBLIC_ID.test(publicId) ? { length: HEADER_LEN + 1 + n, publicId } : undefined;
}

/**
 * The id a container carries in clear (e.g. the package id of a result file), read without the code.
 * It is part of the AAD: a changed id makes decryption fail as tampered.
 */
export function containerPublicId(container: Uint8Array): string | undefined {
  return headerOf(Buffer.from(container.buffer, container.byteOffset, container.length))?.publicId;
}

/**
 * Decrypt a container. Refusals, in the order checked: not ours / wrong kind, unknown version,
 * truncated, wrong code (key check), trailing bytes or failed GCM tag (tampered).
 */
export async function decrypt(
  container: Uint8Array,
  code: string,
  expectedKind: ContainerKind,
  fileName?: string,
  opts: { key?: Buffer; keySalt?: Buffer } = {},
): Promise<Buffer> {
  const data = Buffer.from(container.buffer, container.byteOffset, container.length);
  const fail = (reason: ConstructorParameters<typeof ExchangeError>[0], detail?: string): never => {
    throw new ExchangeError(reason, detail, { fileName });
  };
  const kind = containerKind(data);
  if (!kind) {
    if (data.length < 8 && MAGIC[expectedKind].subarray(0, data.length).equals(data)) fail('truncated');
    fail('badShape', `这不是本工作台导出的${KIND_LABEL[expectedKind]}`);
  }
  if (kind !== expectedKind) {
    throw new ExchangeError('wrongKind', `这是${KIND_LABEL[kind as ContainerKind]}，不是${KIND_LABEL[expectedKind]}`, {
      fileName,
      details: { found: kind, expected: expectedKind },
    });
  }
  if (data.length < 9) fail('truncated');
  const version = data[8];
  // Only result files name their package in clear (version 2); a package is always version 1.
  const newest = kind === 'result' ? CONTAINER_VERSION_WITH_ID : CONTAINER_VERSION;
  if (version === undefined || version < CONTAINER_VERSION || version > newest)
    fail(
      'version',
      `文件格式版本为 ${String(version)}，本程序只能读取版本 ${newest === CONTAINER_VERSION ? CONTAINER_VERSION : `${CONTAINER_VERSION}–${newest}`}，请升级工作台`,
    );
  if (data.length < HEADER_LEN + TAG_LEN) fail('truncated');
  const head = headerOf(data);
  if (!head) fail('tampered', '文件头损坏');
  const headerLen = head!.length;
  if (data.length < headerLen + TAG_LEN) fail('truncated');
  const salt = data.subarray(9, 9 + SALT_LEN);
  const iv = data.subarray(9 + SALT_LEN, 9 + SALT_LEN + IV_LEN);
  const declared = data.readBigUInt64LE(9 + SALT_LEN + IV_LEN);
  const header = data.subarray(0, headerLen);
  // A stored key is valid only for the salt it was derived with; any other salt derives from the code.
  const key = opts.key && opts.keySalt?.equals(salt) ? opts.key : await deriveKey(code, salt);
  const check = data.subarray(HEADER_LEN - CHECK_LEN, HEADER_LEN);
  if (!timingSafeEqual(keyCheck(key, data.subarray(0, HEADER_LEN - CHECK_LEN)), check)) fail('wrongCode');
  const actual = BigInt(data.length - headerLen - TAG_LEN);
  if (actual < declared) fail('truncated', `应有 ${declared.toString()} 字节内容，只剩 ${actual.toString()} 字节`);
  if (actual > declared) fail('tampered', '文件末尾多出了数据');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN });
  decipher.setAAD(header);
  decipher.setAuthTag(data.subarray(data.length - TAG_LEN));
  try {
    return Buffer.concat([decipher.update(data.subarray(headerLen, data.length - TAG_LEN)), decipher.final()]);
  } catch {
    return fail('tampered', '加密校验失败');
  }
}
