/**
 * Writes and reads the sfnt container of a TrueType/OpenType font (table directory, checksums, the head
 * table's checkSumAdjustment), and builds the small tables a stand-alone subset needs that fontkit's subsetter
 * leaves out (it writes what a PDF needs): cmap (formats 4 and 12), name (format 0) and post (format 3).
 */

/** Table tag → bytes of one font. */
export type SfntTables = Map<string, Buffer>;

function checksum(buf: Buffer): number {
  let sum = 0;
  const padded = buf.length % 4 === 0 ? buf : Buffer.concat([buf, Buffer.alloc(4 - (buf.length % 4))]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The tables of a single-face sfnt file. */
export function readSfntTables(data: Buffer): SfntTables {
  const n = data.readUInt16BE(4);
  const out: SfntTables = new Map();
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = data.toString('latin1', rec, rec + 4);
    const offset = data.readUInt32BE(rec + 8);
    const length = data.readUInt32BE(rec + 12);
    out.set(tag, data.subarray(offset, offset + length));
  }
  return out;
}

/** An sfnt file of `tables` (sorted by tag, 4-byte aligned, checksums and head.checkSumAdjustment set). */
export function writeSfnt(tables: SfntTables, cff: boolean): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(cff ? 0x4f54544f : 0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  let headAt = -1;
  tags.forEach((tag, i) => {
    let body = Buffer.from(tables.get(tag)!);
    if (tag === 'head') {
      body.writeUInt32BE(0, 8); // checkSumAdjustment, set below
      headAt = offset;
    }
    const rec = 12 + 16 * i;
    header.write(tag, rec, 'latin1');
    header.writeUInt32BE(checksum(body), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(body.length, rec + 12);
    if (body.length % 4) body = Buffer.concat([body, Buffer.alloc(4 - (body.length % 4))]);
    bodies.push(body);
    offset += body.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  if (headAt >= 0) file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

/** cmap with a format 4 subtable (3,1: the BMP) and a format 12 subtable (3,10: every code point). */
export function cmapTable(map: ReadonlyMap<number, number>): Buffer {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  // Format 4: one segment per run of consecutive code points with consecutive glyph ids, then 0xFFFF.
  const segs: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of entries) {
    if (cp > 0xfffe) continue;
    const last = segs[segs.length - 1];
    const delta = (gid - cp) & 0xffff;
    if (last && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segs.push({ start: cp, end: cp, delta });
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segX2 = segs.length * 2;
  const pow = 2 ** Math.floor(Math.log2(segs.length));
  const f4 = Buffer.alloc(16 + segs.length * 8);
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  f4.writeUInt16BE(segX2, 6);
  f4.writeUInt16BE(pow * 2, 8);
  f4.writeUInt16BE(Math.log2(pow), 10);
  f4.writeUInt16BE(segX2 - pow * 2, 12);
  segs.forEach((s, i) => {
    f4.writeUInt16BE(s.end, 14 + i * 2);
    f4.writeUInt16BE(s.start, 16 + segX2 + i * 2);
    f4.writeUInt16BE(s.delta, 16 + segX2 * 2 + i * 2);
    // idRangeOffset stays 0
  });
  // Format 12: sequential groups.
  const groups: { start: number; end: number; gid: number }[] = [];
  for (const [cp, gid] of entries) {
    const last = groups[groups.length - 1];
    if (last && last.end === cp - 1 && last.gid + (cp - last.start) === gid) last.end = cp;
    else groups.push({ start: cp, end: cp, gid });
  }
  const f12 = Buffer.alloc(16 + groups.length * 12);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(groups.length, 12);
  groups.forEach((g, i) => {
    f12.writeUInt32BE(g.start, 16 + i * 12);
    f12.writeUInt32BE(g.end, 20 + i * 12);
    f12.writeUInt32BE(g.gid, 24 + i * 12);
  });
  const head = Buffer.alloc(4 + 2 * 8);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(2, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(1, 6);
  head.writeUInt32BE(head.length, 8);
  head.writeUInt16BE(3, 12);
  head.writeUInt16BE(10, 14);
  head.writeUInt32BE(head.length + f4.length, 16);
  return Buffer.concat([head, f4, f12]);
}

/** name table (format 0), Windows Unicode English records: family, subfamily, unique, full and PostScript name. */
export function nameTable(family: string, postscriptName: string): Buffer {
  const records: [number, string][] = [
    [1, family],
    [2, 'Regular'],
    [3, `${postscriptName};subset`],
    [4, family],
    [6, postscriptName],
  ];
  const strings = records.map(([, s]) => Buffer.from(s, 'utf16le').swap16());
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach(([id], i) => {
    const r = 6 + i * 12;
    head.writeUInt16BE(3, r);
    head.writeUInt16BE(1, r + 2);
    head.writeUInt16BE(0x409, r + 4);
    head.writeUInt16BE(id, r + 6);
    head.writeUInt16BE(strings[i]!.length, r + 8);
    head.writeUInt16BE(offset, r + 10);
    offset += strings[i]!.length;
  });
  return Buffer.concat([head, ...strings]);
}

/** post table format 3 (no glyph names), keeping the original's angle, underline and pitch. */
export function postTable(original: Buffer | undefined): Buffer {
  const out = Buffer.alloc(32);
  if (original && original.length >= 16) original.copy(out, 4, 4, 16);
  out.writeUInt32BE(0x00030000, 0);
  return out;
}
