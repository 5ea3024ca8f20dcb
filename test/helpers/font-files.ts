/**
 * Font files for registry tests, made from the bundled fonts: a copy that calls itself by other names
 * (its name table replaced), and a TrueType collection of several fonts. So a test can hold "仿宋" or
 * "方正小标宋简体" without shipping those fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** A name record: Windows Unicode (3,1) unless `gbk` (3,3 PRC, the encoding of older Chinese fonts). */
export interface NameSpec {
  nameId: 1 | 4 | 6 | 16;
  text: string;
  /** Windows language id: 0x0409 English (default), 0x0804 simplified Chinese. */
  language?: number;
  gbk?: boolean;
}

function encodeGbk(text: string): Buffer {
  const iconv = createRequire(import.meta.url)('iconv-lite') as { encode(s: string, enc: string): Buffer };
  const bytes = iconv.encode(text, 'gbk');
  // 16-bit units: a single-byte character padded with a zero high byte.
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) out.push(0, bytes[i]!);
    else out.push(bytes[i]!, bytes[++i]!);
  }
  return Buffer.from(out);
}

function nameTable(specs: NameSpec[]): Buffer {
  const recs = specs
    .map((s) => ({
      platform: 3,
      encoding: s.gbk ? 3 : 1,
      language: s.language ?? 0x0409,
      nameId: s.nameId,
      bytes: s.gbk ? encodeGbk(s.text) : Buffer.from(s.text, 'utf16le').swap16(),
    }))
    .sort((a, b) => a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId);
  const stringOffset = 6 + 12 * recs.length;
  const head = Buffer.alloc(stringOffset);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(recs.length, 2);
  head.writeUInt16BE(stringOffset, 4);
  let at = 0;
  recs.forEach((r, i) => {
    const o = 6 + i * 12;
    head.writeUInt16BE(r.platform, o);
    head.writeUInt16BE(r.encoding, o + 2);
    head.writeUInt16BE(r.language, o + 4);
    head.writeUInt16BE(r.nameId, o + 6);
    head.writeUInt16BE(r.bytes.length, o + 8);
    head.writeUInt16BE(at, o + 10);
    at += r.bytes.length;
  });
  return Buffer.concat([head, ...recs.map((r) => r.bytes)]);
}

const pad4 = (b: Buffer): Buffer => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);

/** A copy of the sfnt `src` whose name table is `names` (the new table appended, the directory pointed at it). */
export function withNames(src: Buffer, names: NameSpec[]): Buffer {
  const font = pad4(Buffer.from(src));
  const numTables = font.readUInt16BE(4);
  const table = nameTable(names);
  for (let i = 0; i < numTables; i++) {
    const d = 12 + i * 16;
    if (font.toString('latin1', d, d + 4) !== 'name') continue;
    font.writeUInt32BE(font.length, d + 8);
    font.writeUInt32BE(table.length, d + 12);
    return Buffer.concat([font, table]);
  }
  throw new Error('font has no name table');
}

/** A TrueType collection of the sfnt fonts (each one's table offsets moved to where it lands). */
export function collection(fonts: Buffer[]): Buffer {
  const header = Buffer.alloc(12 + 4 * fonts.length);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(fonts.length, 8);
  const parts: Buffer[] = [header];
  let at = header.length;
  fonts.forEach((f, i) => {
    const font = pad4(Buffer.from(f));
    header.writeUInt32BE(at, 12 + 4 * i);
    const numTables = font.readUInt16BE(4);
    for (let t = 0; t < numTables; t++) {
      const d = 12 + t * 16 + 8;
      font.writeUInt32BE(font.readUInt32BE(d) + at, d);
    }
    parts.push(font);
    at += font.length;
  });
  return Buffer.concat(parts);
}

/** Writes `data` to dir/name (folders made) and returns the path. */
export function writeFont(dir: string, name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}
