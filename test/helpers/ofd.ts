/**
 * Reads an OFD file back for tests, with code the writer does not use: the zip through the project's strict
 * reader, every XML part through @xmldom/xmldom (namespace-aware DOM), fonts through fontkit.
 */
import { DOMParser } from '@xmldom/xmldom';
import { readZip } from '../../electron/core/base/zip-read.js';
import { parseFont } from '../../electron/core/documents/fonts/fontkit.js';

export const OFD_NS = 'http://www.ofdspec.org/2016';
export const PT_PER_MM = 72 / 25.4;

export interface OfdFont {
  unitsPerEm: number;
  numGlyphs: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number; path: { commands: unknown[] } };
}

/** One TextCode as a reader places it: page-space position (mm) of each character's origin on the baseline. */
export interface PlacedChar {
  page: number;
  char: string;
  /** mm from the page's left edge */
  x: number;
  /** mm from the page's top edge (baseline) */
  y: number;
  fontId: number;
  size: number;
}

export interface ReadOfd {
  /** Entry names in zip order. */
  names: string[];
  entries: Map<string, Buffer>;
  xml(name: string): Document;
  /** Every element of every XML part. */
  elements(): { part: string; el: Element }[];
  /** Content.xml of each page, in the order of Document.xml's Pages. */
  pages: { id: number; part: string; doc: Document }[];
  /** Font ID → its embedded file. */
  fonts: Map<number, { file: string; font: OfdFont; data: Buffer }>;
  chars(): PlacedChar[];
}

export const children = (el: Element | Document, name: string): Element[] =>
  Array.from(el.getElementsByTagNameNS(OFD_NS, name) as unknown as ArrayLike<Element>);
export const first = (el: Element | Document, name: string): Element => {
  const found = children(el, name)[0];
  if (!found) throw new Error(`no ofd:${name}`);
  return found;
};
const nums = (s: string | null): number[] => (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

export async function readOfd(data: Buffer): Promise<ReadOfd> {
  const entries = await readZip(data);
  const names = [...entries.keys()];
  const errors: string[] = [];
  const parse = (name: string): Document => {
    const buf = entries.get(name);
    if (!buf) throw new Error(`missing ${name}`);
    return new DOMParser({
      errorHandler: {
        warning: () => undefined,
        error: (m) => errors.push(`${name}: ${m}`),
        fatalError: (m) => errors.push(`${name}: ${m}`),
      },
    }).parseFromString(buf.toString('utf8'), 'text/xml');
  };
  const docs = new Map<string, Document>();
  const xml = (name: string): Document => {
    let d = docs.get(name);
    if (!d) docs.set(name, (d = parse(name)));
    if (errors.length) throw new Error(errors.join('\n'));
    return d;
  };
  const ofd = xml('OFD.xml');
  const docRoot = first(ofd, 'DocRoot').textContent!.trim();
  const docDir = docRoot.slice(0, docRoot.lastIndexOf('/') + 1);
  const document = xml(docRoot);
  const pages = children(first(document, 'Pages'), 'Page').map((p) => {
    const part = docDir + p.getAttribute('BaseLoc')!;
    return { id: Number(p.getAttribute('ID')), part, doc: xml(part) };
  });
  const fonts = new Map<number, { file: string; font: OfdFont; data: Buffer }>();
  const publicRes = first(document, 'PublicRes').textContent!.trim();
  const res = xml(docDir + publicRes);
  const baseLoc = res.documentElement!.getAttribute('BaseLoc') ?? '';
  for (const f of children(res, 'Font')) {
    const file = `${docDir}${baseLoc ? `${baseLoc}/` : ''}${first(f, 'FontFile').textContent!.trim()}`;
    const buf = entries.get(file);
    if (!buf) throw new Error(`missing font file ${file}`);
    fonts.set(Number(f.getAttribute('ID')), { file, font: parseFont(buf) as unknown as OfdFont, data: buf });
  }
  return {
    names,
    entries,
    xml,
    pages,
    fonts,
    elements: () =>
      names
        .filter((n) => n.endsWith('.xml'))
        .flatMap((part) => Array.from(xml(part).getElementsByTagName('*') as unknown as ArrayLike<Element>).map((el) => ({ part, el }))),
    chars: () =>
      pages.flatMap((p, page) =>
        children(p.doc, 'TextObject').flatMap((t) => {
          const [bx, by] = nums(t.getAttribute('Boundary'));
          const code = first(t, 'TextCode');
          const text = [...(code.textContent ?? '')];
          const dx = nums(code.getAttribute('DeltaX'));
          let x = bx! + Number(code.getAttribute('X'));
          const y = by! + Number(code.getAttribute('Y'));
          return text.map((char, i) => {
            const out = { page, char, x, y, fontId: Number(t.getAttribute('Font')), size: Number(t.getAttribute('Size')) };
            x += dx[i] ?? 0;
            return out;
          });
        }),
      ),
  };
}
