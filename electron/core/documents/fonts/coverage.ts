/**
 * Which characters the documents can print: a character is printable when every font role of the set in
 * use has a glyph for it (a field may be printed in any role). Cached per font set. Used to refuse, at entry,
 * text no document could print (rpc/printable.ts, the Excel imports).
 */
import { codePointLabel } from '../../contract/text.js';
import { loadFontSet, type FontSet } from './registry.js';

const coverage = new WeakMap<FontSet, Map<number, boolean>>();
const WHITESPACE = /\s/u;

/** Whether every font role of `fonts` has a glyph for the code point. */
export function printableCodePoint(cp: number, fonts: FontSet): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true; // every font the documents use prints ASCII
  let known = coverage.get(fonts);
  if (!known) coverage.set(fonts, (known = new Map()));
  let ok = known.get(cp);
  if (ok === undefined) {
    ok = WHITESPACE.test(String.fromCodePoint(cp)) || Object.values(fonts).every((entry) => entry.font.hasGlyphForCodePoint(cp));
    known.set(cp, ok);
  }
  return ok;
}

/** Characters of `text` (unique, in order) the fonts cannot print; the fonts load only for non-ASCII text. */
export function unprintableChars(text: string, fonts?: FontSet): string[] {
  const missing: string[] = [];
  if (/^[\x20-\x7e\n\t]*$/.test(text)) return missing;
  const set = fonts ?? loadFontSet();
  for (const ch of text) if (!printableCodePoint(ch.codePointAt(0)!, set) && !missing.includes(ch)) missing.push(ch);
  return missing;
}

/** “单位名称中的“𠈌”（U+2020C）无法打印：本机字体不含此字。” */
export function unprintableMessage(label: string, chars: readonly string[]): string {
  const shown = chars
    .slice(0, 5)
    .map((ch) => `“${ch}”（${codePointLabel(ch.codePointAt(0)!)}）`)
    .join('、');
  const more = chars.length > 5 ? `等${chars.length}个字` : '';
  return `${label}中的${shown}${more}无法打印：本机字体不含${chars.length > 1 ? '这些字' : '此字'}。`;
}
