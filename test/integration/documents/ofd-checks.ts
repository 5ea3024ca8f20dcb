/**
 * Checks of an OFD read back with code the writer does not use (test/helpers/ofd.ts): GB/T 33190 element
 * names, IDs and MaxUnitID, DeltaX against the embedded fonts' advances, and text where the PDF has it.
 */
import { expect } from 'vitest';
import { children, first, OFD_NS, type PlacedChar, type ReadOfd } from '../../helpers/ofd.js';
import { pdfWords, toMm } from './pdf-helpers.js';

/** Element names of GB/T 33190-2016 the writer may use (OFD.xml, Document.xml, Res, Content). */
const KNOWN = new Set(
  (
    'OFD DocBody DocInfo DocID Title Author Subject CreationDate Creator DocRoot ' +
    'Document CommonData MaxUnitID PageArea PhysicalBox PublicRes DocumentRes Pages Page ' +
    'Res Fonts Font FontFile MultiMedias MultiMedia MediaFile ' +
    'Content Layer TextObject TextCode FillColor StrokeColor PathObject AbbreviatedData ImageObject'
  ).split(' '),
);

/** Every PDF word lies on an OFD character: same text start, x within 1 mm, OFD baseline inside the word's box. */
export function expectSamePositions(pdfFile: string, chars: PlacedChar[]): number {
  const { words } = pdfWords(pdfFile);
  expect(words.length).toBeGreaterThan(5);
  for (const w of words) {
    const firstChar = [...w.text][0]!;
    const near = chars.filter((c) => c.page === w.page - 1 && c.char === firstChar && Math.abs(c.x - toMm(w.xMin)) < 1);
    const hit = near.find((c) => c.y > toMm(w.yMin) - 1 && c.y < toMm(w.yMax) + 1);
    expect(hit, `“${w.text}” at ${toMm(w.xMin).toFixed(1)} mm, ${toMm(w.yMin).toFixed(1)} mm on page ${w.page}`).toBeDefined();
  }
  return words.length;
}

export function expectWellFormed(o: ReadOfd): void {
  expect(o.names[0]).toBe('OFD.xml');
  const all = o.elements();
  for (const { part, el } of all) {
    expect(el.namespaceURI, `${part}: ${el.tagName}`).toBe(OFD_NS);
    expect(KNOWN.has(el.localName!), `${part}: unexpected element ${el.localName}`).toBe(true);
  }
  // IDs unique, MaxUnitID the highest of them.
  const ids = all.flatMap(({ el }) => (el.getAttribute('ID') ? [Number(el.getAttribute('ID'))] : []));
  expect(new Set(ids).size).toBe(ids.length);
  const docRoot = first(o.xml('OFD.xml'), 'DocRoot').textContent!;
  expect(Number(first(o.xml(docRoot), 'MaxUnitID').textContent)).toBe(Math.max(...ids));
  // Every reference points at a resource.
  const fontIds = new Set(o.fonts.keys());
  for (const p of o.pages) {
    const layers = children(p.doc, 'Layer');
    expect(layers.length).toBe(1);
    for (const t of children(p.doc, 'TextObject')) {
      expect(fontIds.has(Number(t.getAttribute('Font')))).toBe(true);
      expect(Number(t.getAttribute('Size'))).toBeGreaterThan(3);
      expect(children(t, 'FillColor').length).toBe(1);
    }
    for (const path of children(p.doc, 'PathObject')) {
      expect(first(path, 'AbbreviatedData').textContent).toMatch(/^M [\d.]+ [\d.]+( [LMC]( [\d.]+ [\d.]+)?)+$/);
    }
  }
}

/** DeltaX of each TextCode against the embedded font's advances; every character has a real glyph in the subset. */
export function expectFontsMatch(o: ReadOfd): void {
  for (const p of o.pages) {
    for (const t of children(p.doc, 'TextObject')) {
      const { font } = o.fonts.get(Number(t.getAttribute('Font')))!;
      const size = Number(t.getAttribute('Size'));
      const code = first(t, 'TextCode');
      const text = [...code.textContent!];
      const dx = (code.getAttribute('DeltaX') ?? '').split(' ').filter(Boolean).map(Number);
      expect(dx.length).toBe(text.length - 1);
      const advances = text.map((ch) => (font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth * size) / font.unitsPerEm);
      // Each offset is the character's advance plus the run's one letter spacing (0 but for the letter-spaced
      // title and justified certificate lines). Within 0.05 mm: the PDF's layout kerns some Latin pairs and
      // digits (GPOS, which a subset drops), and the file is written to 0.001 mm.
      const extra = dx.map((d, i) => d - advances[i]!);
      const spacing = Math.max(0, Math.min(...extra));
      for (const e of extra) expect(Math.abs(e - spacing), `${code.textContent} ${JSON.stringify(extra)}`).toBeLessThan(0.05);
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        expect(font.hasGlyphForCodePoint(cp), `${ch} in the embedded font`).toBe(true);
        const g = font.glyphForCodePoint(cp);
        expect(g.id).toBeGreaterThan(0);
        if (ch.trim()) expect(g.path.commands.length, `${ch} has an outline`).toBeGreaterThan(0);
      }
    }
  }
  for (const { font, data } of o.fonts.values()) {
    expect(font.numGlyphs).toBeLessThan(1000); // a subset, not the 30,000-glyph face
    expect(data.length).toBeLessThan(400_000);
  }
}
