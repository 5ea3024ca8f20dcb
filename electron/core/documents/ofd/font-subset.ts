/**
 * An embedded font file for OFD (GB/T 33190-2016 §11.1: a font's FontFile): a subset of the face holding
 * only the glyphs the document uses, as a stand-alone TrueType (or CFF-flavoured OpenType) file a reader
 * can load by itself. fontkit subsets the outlines (glyf/loca or CFF) the way pdfkit does for the PDF; the
 * tables a reader needs to map characters to glyphs are added here: cmap, name, post, OS/2 (copied), and for
 * CFF faces head/hhea/hmtx/maxp for the renumbered glyphs.
 */
import type { ShapingFont } from './shaping.js';
import { cmapTable, nameTable, postTable, readSfntTables, writeSfnt, type SfntTables } from './sfnt-writer.js';

interface SubsetEngine {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  glyphs: number[];
}
interface FontInternals {
  createSubset(): SubsetEngine;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  getGlyph(gid: number): { advanceWidth: number; bbox: { minX: number } };
}

/** The raw bytes of one table of the original face (offsets are from the start of the file, also in a TTC). */
function rawTable(font: FontInternals, tag: string): Buffer | undefined {
  const rec = font.directory.tables[tag];
  if (!rec) return undefined;
  return Buffer.from(font.stream.buffer.buffer, font.stream.buffer.byteOffset + rec.offset, rec.length);
}

export interface FontSubset {
  /** The font file. */
  data: Buffer;
  /** Code point → glyph id in the subset. */
  cmap: Map<number, number>;
}

/**
 * The subset of `font` with the glyph `glyphOf` gives each code point (the glyph the layout chose), every
 * character mapped through the subset's own cmap.
 */
export function subsetFont(font: ShapingFont, glyphOf: ReadonlyMap<number, number>, family: string): FontSubset {
  const f = font as unknown as ShapingFont & FontInternals;
  const subset = f.createSubset();
  const cmap = new Map<number, number>();
  for (const [cp, gid] of [...glyphOf].sort((a, b) => a[0] - b[0])) cmap.set(cp, subset.includeGlyph(gid));
  const encoded = Buffer.from(subset.encode());
  const cff = !!f.directory.tables['CFF '];
  let tables: SfntTables;
  if (!cff) {
    tables = readSfntTables(encoded);
  } else {
    // fontkit's CFF subset is the bare CFF table: add the metrics tables for the renumbered glyphs.
    tables = new Map([['CFF ', encoded]]);
    const n = subset.glyphs.length;
    const head = Buffer.from(rawTable(f, 'head')!);
    const hhea = Buffer.from(rawTable(f, 'hhea')!);
    hhea.writeUInt16BE(n, 34); // numberOfHMetrics
    const hmtx = Buffer.alloc(4 * n);
    subset.glyphs.forEach((gid, i) => {
      const g = f.getGlyph(gid);
      hmtx.writeUInt16BE(Math.max(0, Math.round(g.advanceWidth)), 4 * i);
      hmtx.writeInt16BE(Math.round(Number.isFinite(g.bbox.minX) ? g.bbox.minX : 0), 4 * i + 2);
    });
    const maxp = Buffer.alloc(6);
    maxp.writeUInt32BE(0x00005000, 0);
    maxp.writeUInt16BE(n, 4);
    tables.set('head', head).set('hhea', hhea).set('hmtx', hmtx).set('maxp', maxp);
  }
  tables.set('cmap', cmapTable(cmap));
  tables.set('name', nameTable(family, `${f.postscriptName || 'Font'}`.replace(/[^\x21-\x7e]/g, '')));
  tables.set('post', postTable(rawTable(f, 'post')));
  const os2 = rawTable(f, 'OS/2');
  if (os2) tables.set('OS/2', os2);
  return { data: writeSfnt(tables, cff), cmap };
}
