/** Glyph coverage checks: refuse to print text the fonts cannot show (no tofu boxes on paper). */
import { DeskError } from '../../contract/errors.js';
import type { FontEntry, FontSet } from './registry.js';

const WHITESPACE = /\s/u;

/** Unique characters of `text` (in order of appearance) that `font` has no glyph for. */
export function missingGlyphs(text: string, font: FontEntry): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (WHITESPACE.test(ch) || missing.has(ch)) continue;
    const cp = ch.codePointAt(0);
    if (cp === undefined || !font.font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

function toEntries(fonts: FontEntry | FontEntry[] | FontSet): FontEntry[] {
  if (Array.isArray(fonts)) return fonts;
  if ('role' in fonts && 'font' in fonts) return [fonts as FontEntry];
  return Object.values(fonts as FontSet);
}

/**
 * Throws MISSING_GLYPHS when any character of `texts` lacks a glyph in any of `fonts`
 * (conservative: every string may be printed in any of the given fonts).
 */
export function assertGlyphs(texts: Iterable<string | undefined | null>, fonts: FontEntry | FontEntry[] | FontSet): void {
  const entries = toEntries(fonts);
  const missing = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const entry of entries) for (const ch of missingGlyphs(text, entry)) missing.add(ch);
  }
  if (missing.size === 0) return;
  const chars = [...missing];
  const shown = chars.length > 20 ? `${chars.slice(0, 20).join('、')}等${chars.length}个字符` : chars.join('、');
  throw new DeskError('MISSING_GLYPHS', `以下字符在所用字体中没有字形，无法打印：${shown}。请改用常用字或安装含这些字的字体。`, { chars });
}
