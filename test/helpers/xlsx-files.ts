/**
 * Hand-built xlsx files for the import limits (tests and bench): a minimal but valid workbook
 * (exceljs's full loader opens it too) written as zip + XML, so a part can be a deflate bomb, can
 * declare a size other than its real one, or can hold a million rows without building them in memory.
 */
import zlib from 'node:zlib';

/** A part already deflated (raw deflate), with its real inflated size and CRC-32. */
export interface DeflatedPart {
  deflated: Buffer;
  size: number;
  crc: number;
}

export interface RawEntry {
  name: string;
  /** Stored content (deflated here), or a part already deflated. */
  data: Buffer | DeflatedPart;
  /** Write this as the uncompressed size in both headers instead of the real one (a lying header). */
  declaredSize?: number;
}

export function deflatePart(data: Buffer): DeflatedPart {
  return { deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

/**
 * `prefix + block × times + suffix`, deflated without ever holding the inflated text: each piece is
 * deflated on its own with a sync flush (byte-aligned, not final), so the block's segment can simply be
 * repeated. 1 MiB of spaces deflates to about 1 KB, so 1,024 repeats make a 1 GiB part of about 1 MB.
 */
export function repeatedPart(prefix: string, block: Buffer, times: number, suffix: string): DeflatedPart {
  const segment = (b: Buffer) => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  const body = segment(block);
  let crc = zlib.crc32(head);
  for (let i = 0; i < times; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tail, crc);
  return {
    deflated: Buffer.concat([segment(head), ...Array<Buffer>(times).fill(body), zlib.deflateRawSync(tail)]),
    size: head.length + block.length * times + tail.length,
    crc,
  };
}

/** Deflate text produced piece by piece, 4 MiB at a time (each batch on its own, sync-flushed): only the compressed output is kept. */
export function streamedPart(pieces: Iterable<string>): DeflatedPart {
  const out: Buffer[] = [];
  const batch: Buffer[] = [];
  let pending = 0;
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    const b = Buffer.from(piece);
    size += b.length;
    crc = zlib.crc32(b, crc);
    batch.push(b);
    pending += b.length;
    if (pending >= 4 * 1024 * 1024) {
      out.push(zlib.deflateRawSync(Buffer.concat(batch), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      batch.length = 0;
      pending = 0;
    }
  }
  out.push(zlib.deflateRawSync(Buffer.concat(batch)));
  return { deflated: Buffer.concat(out), size, crc };
}

/** A zip with deflated entries, UTF-8 names and no data descriptors; sizes must stay under 4 GiB. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const part = Buffer.isBuffer(e.data) ? deflatePart(e.data) : e.data;
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x2821, 12); // 2000-01-01
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt16LE(0, 12);
    head.writeUInt16LE(0x2821, 14);
    head.writeUInt32LE(part.crc >>> 0, 16);
    head.writeUInt32LE(part.deflated.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    central.push(head, name);
    offset += 30 + name.length + part.deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const letter = (col: number): string => (col > 26 ? letter(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

/** One <row>: numbers as numbers, strings inline; `shared` maps a string to its shared-string index instead. */
export function rowXml(r: number, values: readonly (string | number)[], shared?: ReadonlyMap<string, number>): string {
  const cells = values.map((v, i) => {
    if (v === '') return '';
    const ref = `${letter(i + 1)}${r}`;
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    const index = shared?.get(v);
    return index === undefined ? `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>` : `<c r="${ref}" t="s"><v>${index}</v></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet part from rows keyed by row number, with optional merged ranges after the data. */
export function sheetXml(
  rows: ReadonlyMap<number, readonly (string | number)[]> | readonly [number, readonly (string | number)[]][],
  merges: readonly string[] = [],
): string {
  const body = [...rows].map(([r, values]) => rowXml(r, values)).join('');
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `${SHEET_HEAD}${body}</sheetData>${mergeXml}</worksheet>`;
}

export function sharedStringsXml(strings: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

export interface XlsxParts {
  sheetName: string;
  /** The sheet part (text, or a deflated bomb). */
  sheet: string | DeflatedPart;
  /** The shared-string part, if any (text, or a deflated bomb). */
  sharedStrings?: string | DeflatedPart;
  /** Declared (lying) sizes by part name, e.g. { 'xl/worksheets/sheet1.xml': 100_000 }. */
  declared?: Record<string, number>;
  /** More entries, e.g. thousands of tiny files. */
  extra?: RawEntry[];
}

/** A one-sheet workbook: content types, relationships, workbook, styles, the sheet and optional shared strings. */
export function buildXlsx(p: XlsxParts): Buffer {
  const part = (d: string | DeflatedPart) => (typeof d === 'string' ? Buffer.from(d) : d);
  const ss = p.sharedStrings !== undefined;
  const entries: RawEntry[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${ss ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(p.sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${ss ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: Buffer.from(STYLES) },
    { name: 'xl/worksheets/sheet1.xml', data: part(p.sheet) },
    ...(ss ? [{ name: 'xl/sharedStrings.xml', data: part(p.sharedStrings!) }] : []),
    ...(p.extra ?? []),
  ];
  return rawZip(entries.map((e) => (p.declared?.[e.name] !== undefined ? { ...e, declaredSize: p.declared[e.name] } : e)));
}
