/**
 * Small readers of the sfnt container (TrueType/OpenType, TTC collections, WOFF 1.0) that need no font
 * engine: the names a font file gives itself, read with a few small reads (so a font folder of a thousand
 * files can be searched by family name without loading any of them), and WOFF → sfnt for the bundled
 * LXGW WenKai, which its npm package ships as WOFF only (fontkit re-inflates a WOFF table on every glyph
 * pdfkit subsets, so a WOFF is turned into a plain sfnt once, at build time or when first loaded).
 */
import fs from 'node:fs';
import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';

/** The names of one face of a font file (name table IDs 1, 4, 6, 16 in every language). */
export interface FaceNames {
  /** Index of the face in a collection (0 for a single font). */
  index: number;
  postscriptName: string;
  /** Family, full, PostScript and typographic family names, every language, deduplicated. */
  names: string[];
  /** The family name to show: the simplified-Chinese one when the font has it. */
  displayFamily: string;
}

const TAG_TTCF = 0x74746366; // 'ttcf'
const TAG_NAME = 0x6e616d65; // 'name'
const SFNT_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */, 0x4f54544f /* 'OTTO' */]);
const MAX_NAME_TABLE = 1 << 20;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return n === length ? buf : buf.subarray(0, n);
}

let gbk: TextDecoder | null | undefined;
function decodeGbk(bytes: Uint8Array): string {
  if (gbk === undefined) {
    try {
      gbk = new TextDecoder('gbk');
    } catch {
      gbk = null; // Node without full ICU: such names are skipped
    }
  }
  return gbk ? gbk.decode(bytes) : '';
}

/** One name record's text, or '' when its encoding is not one we read. */
function decodeName(platform: number, encoding: number, bytes: Buffer): string {
  if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10 || encoding === 0))) {
    let s = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes.readUInt16BE(i));
    return s;
  }
  if (platform === 3 && encoding === 3) {
    // Windows PRC (GB2312/GBK), stored as 16-bit units: a zero high byte pads a single-byte character.
    const out: number[] = [];
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      if (bytes[i] !== 0) out.push(bytes[i]!);
      out.push(bytes[i + 1]!);
    }
    return decodeGbk(Uint8Array.from(out));
  }
  if (platform === 1 && encoding === 25) return decodeGbk(bytes); // Mac simplified Chinese
  if (platform === 1 && encoding === 0) return bytes.toString('latin1');
  return '';
}

interface NameRecord {
  platform: number;
  language: number;
  nameId: number;
  text: string;
}

function parseNameTable(table: Buffer): NameRecord[] {
  if (table.length < 6) return [];
  const count = table.readUInt16BE(2);
  const stringOffset = table.readUInt16BE(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (r + 12 > table.length) break;
    const platform = table.readUInt16BE(r);
    const encoding = table.readUInt16BE(r + 2);
    const language = table.readUInt16BE(r + 4);
    const nameId = table.readUInt16BE(r + 6);
    if (nameId !== 1 && nameId !== 4 && nameId !== 6 && nameId !== 16) continue;
    const length = table.readUInt16BE(r + 8);
    const start = stringOffset + table.readUInt16BE(r + 10);
    if (start + length > table.length) continue;
    const text = decodeName(platform, encoding, table.subarray(start, start + length))
      .replace(/\0/g, '')
      .trim();
    if (text) out.push({ platform, language, nameId, text });
  }
  return out;
}

const ZH_CN = 0x0804;
function faceNames(index: number, records: NameRecord[]): FaceNames {
  const names = [...new Set(records.map((r) => r.text))];
  const ps = records.find((r) => r.nameId === 6)?.text ?? '';
  const family = (pred: (r: NameRecord) => boolean): string | undefined =>
    records.find((r) => r.nameId === 16 && pred(r))?.text ?? records.find((r) => r.nameId === 1 && pred(r))?.text;
  const zh = family((r) => r.platform === 3 && r.language === ZH_CN) ?? family((r) => /[\u4e00-\u9fff]/.test(r.text));
  const en = family((r) => r.platform === 3 && r.language === 0x0409) ?? family(() => true);
  return { index, postscriptName: ps, names, displayFamily: zh ?? en ?? ps };
}

/** The faces of a font file and their names; [] for anything that is not a readable sfnt or TTC. */
export function readFaceNames(file: string): FaceNames[] {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const head = readAt(fd, 0, 12);
    if (head.length < 12) return [];
    const offsets: number[] = [];
    if (head.readUInt32BE(0) === TAG_TTCF) {
      const n = Math.min(head.readUInt32BE(8), 64);
      const list = readAt(fd, 12, n * 4);
      for (let i = 0; i + 4 <= list.length; i += 4) offsets.push(list.readUInt32BE(i));
    } else offsets.push(0);
    const faces: FaceNames[] = [];
    offsets.forEach((offset, index) => {
      const sfnt = offset === 0 ? head : readAt(fd, offset, 12);
      if (sfnt.length < 12 || !SFNT_VERSIONS.has(sfnt.readUInt32BE(0))) return;
      const numTables = Math.min(sfnt.readUInt16BE(4), 200);
      const dir = readAt(fd, offset + 12, numTables * 16);
      for (let t = 0; t + 16 <= dir.length; t += 16) {
        if (dir.readUInt32BE(t) !== TAG_NAME) continue;
        const length = Math.min(dir.readUInt32BE(t + 12), MAX_NAME_TABLE);
        faces.push(faceNames(index, parseNameTable(readAt(fd, dir.readUInt32BE(t + 8), length))));
        break;
      }
    });
    return faces;
  } catch {
    return [];
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the buffer is a WOFF 1.0 file. */
export function isWoff(data: Uint8Array): boolean {
  return data.length >= 44 && data[0] === 0x77 && data[1] === 0x4f && data[2] === 0x46 && data[3] === 0x46; // 'wOFF'
}

/** A WOFF 1.0 font as the plain sfnt it wraps (tables inflated, 4-byte aligned, directory in tag order). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.readUInt32BE(e);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`WOFF table ${i}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum: woff.readUInt32BE(e + 16), data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const pad = (n: number): number => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const out = Buffer.alloc(headerSize + tables.reduce((sum, t) => sum + pad(t.data.length), 0));
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let at = headerSize;
  tables.forEach((t, i) => {
    const d = 12 + i * 16;
    out.writeUInt32BE(t.tag, d);
    out.writeUInt32BE(t.checksum, d + 4);
    out.writeUInt32BE(at, d + 8);
    out.writeUInt32BE(t.data.length, d + 12);
    t.data.copy(out, at);
    at += pad(t.data.length);
  });
  return out;
}
