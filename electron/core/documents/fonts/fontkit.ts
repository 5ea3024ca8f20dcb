/**
 * Access to fontkit, the font engine pdfkit itself uses. fontkit is resolved through pdfkit's own
 * dependency (never bundled, never a direct dependency) so the font objects we create are the same
 * kind pdfkit embeds. If it cannot be resolved, callers fall back to pdfkit's internal font object.
 */
import { createRequire } from 'node:module';
import { nodeRequire } from '../../base/node-require.js';

/** The part of a fontkit font we rely on. */
export interface FontkitFont {
  readonly familyName: string;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** pdfkit checks for this to accept a pre-parsed font. */
  layout: (...args: unknown[]) => unknown;
}
interface FontkitCollection {
  readonly fonts: FontkitFont[];
  getFont(name: string): FontkitFont | null;
}
interface FontkitModule {
  create(data: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection;
}

let cached: FontkitModule | null | undefined;

/** fontkit as pdfkit resolves it, or null. */
export function loadFontkit(): FontkitModule | null {
  if (cached !== undefined) return cached;
  try {
    const req = nodeRequire();
    const viaPdfkit = createRequire(req.resolve('pdfkit'));
    const mod = viaPdfkit('fontkit') as FontkitModule & { default?: FontkitModule };
    cached = typeof mod.create === 'function' ? mod : (mod.default ?? null);
  } catch {
    cached = null;
  }
  return cached;
}

/** Parses a font file; for a collection (TTC) picks `postscriptName` or the first face. */
export function parseFont(data: Buffer, postscriptName?: string): FontkitFont | null {
  const fk = loadFontkit();
  if (!fk) return null;
  const parsed = fk.create(data);
  if ('fonts' in parsed && Array.isArray(parsed.fonts)) {
    const byName = postscriptName ? parsed.getFont(postscriptName) : null;
    return byName ?? parsed.fonts[0] ?? null;
  }
  return parsed as FontkitFont;
}
