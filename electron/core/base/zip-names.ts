import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { ExchangeError } from './exchange-error.js';

const UTF8_FLAG = 0x800;
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode a raw entry name. UTF-8 when bit 11 is set or an Info-ZIP Unicode Path field (0x7075)
 * matches the raw name; otherwise valid UTF-8 (macOS and many tools write UTF-8 without the flag)
 * and, failing that, GBK (zips re-made on Chinese Windows).
 */
export function decodeEntryName(raw: Buffer, flags: number, extraFields: readonly { id: number; data: Buffer }[] = []): string {
  if (flags & UTF8_FLAG) return decodeUtf8(raw);
  for (const field of extraFields) {
    if (field.id === 0x7075 && field.data.length >= 6 && field.data[0] === 1 && field.data.readUInt32LE(1) === crc32(raw)) {
      return decodeUtf8(field.data.subarray(5));
    }
  }
  try {
    return utf8Strict.decode(raw);
  } catch {
    const name = iconv.decode(raw, 'gbk');
    if (name.includes('\uFFFD')) throw new ExchangeError('badShape', '压缩包内有无法识别编码的文件名');
    return name;
  }
}

function decodeUtf8(raw: Buffer): string {
  try {
    return utf8Strict.decode(raw);
  } catch {
    throw new ExchangeError('badShape', '压缩包内有无法识别编码的文件名');
  }
}

/**
 * Check an entry name and return it normalised (backslashes to `/`, NFC). Refuses absolute paths,
 * drive letters and UNC paths, `..`/`.`/empty segments, control characters and over-long names.
 * A trailing `/` (a folder entry) is kept so the caller can skip it.
 */
export function checkEntryName(name: string): string {
  const unsafe = (why: string): never => {
    throw new ExchangeError('unsafePath', `${JSON.stringify(name)}（${why}）`, { details: { entry: name } });
  };
  if (name.length === 0) unsafe('空文件名');
  if (name.length > 512) unsafe('文件名过长');
  if (/[\u0000-\u001f\u007f]/u.test(name)) unsafe('含控制字符');
  const n = name.replace(/\\/g, '/').normalize('NFC');
  if (n.startsWith('/')) unsafe('绝对路径');
  if (/^[a-zA-Z]:/u.test(n)) unsafe('含盘符');
  const segments = n.endsWith('/') ? n.slice(0, -1).split('/') : n.split('/');
  for (const seg of segments) {
    if (seg === '..') unsafe('含上级目录 ..');
    if (seg === '' || seg === '.') unsafe('含空目录名');
    if (/[:*?"<>|]/u.test(seg)) unsafe('含非法字符');
  }
  return n;
}

/** Tracks names already seen; Windows and macOS fold case, so `A.pdf` and `a.pdf` collide too. */
export class NameSet {
  private readonly seen = new Set<string>();
  add(name: string): void {
    const key = name.normalize('NFC').toLowerCase();
    if (this.seen.has(key)) throw new ExchangeError('unsafePath', `${JSON.stringify(name)}（文件名重复）`, { details: { entry: name } });
    this.seen.add(key);
  }
}
