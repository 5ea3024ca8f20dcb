/**
 * The glyphs and advances of a text run as pdfkit sets it: fontkit's layout with its default features, run by
 * run split after each space or tab (pdfkit's EmbeddedFont.layout does the same), so a TextCode's DeltaX and
 * the embedded subset's glyphs are the ones the PDF of the same page model shows. When the layout does not
 * give one glyph per character (a ligature), each character takes its own glyph from the cmap.
 */
import type { FontkitFont } from '../fonts/fontkit.js';

/** The parts of a fontkit font and its layout that shaping and subsetting use. */
export interface ShapingFont extends Omit<FontkitFont, 'layout'> {
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  layout(text: string): { glyphs: { id: number; advanceWidth: number }[]; positions: { xAdvance: number }[] };
}

export interface ShapedRun {
  /** The characters (code points as strings). */
  chars: string[];
  /** Glyph id (in the full font) of each character. */
  glyphs: number[];
  /** Advance of each character in font units. */
  advances: number[];
}

/** Splits after each space or tab, as pdfkit lays out text word by word. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' || text[i] === '\t') {
      out.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function shapeRun(font: ShapingFont, text: string): ShapedRun {
  const run: ShapedRun = { chars: [], glyphs: [], advances: [] };
  for (const chunk of chunks(text)) {
    const chars = [...chunk];
    const laid = font.layout(chunk);
    const oneToOne = laid.glyphs.length === chars.length;
    chars.forEach((ch, i) => {
      run.chars.push(ch);
      if (oneToOne) {
        run.glyphs.push(laid.glyphs[i]!.id);
        run.advances.push(laid.positions[i]!.xAdvance);
      } else {
        const g = font.glyphForCodePoint(ch.codePointAt(0)!);
        run.glyphs.push(g.id);
        run.advances.push(g.advanceWidth);
      }
    });
  }
  return run;
}
