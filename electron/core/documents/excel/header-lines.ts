/**
 * Column headers broken onto lines by us, not by the spreadsheet: a spreadsheet wraps a header anywhere,
 * so "所属县（市）区" in a narrow column prints "所属县（市" / "）区". We break between words
 * (Intl.Segmenter), keep a closing mark with what it closes and an opening mark with what it opens (no line
 * starts with "）" or "、", none ends with "（"), and write the lines with explicit "\n" so that Excel and
 * LibreOffice print exactly these lines. Each line is measured as row-heights.ts measures wrapped text.
 */
import { charPx, usablePx } from './row-heights.js';

/** Marks that never start a line (closing brackets and quotes, and punctuation). */
export const NO_LINE_START = /^[)\]）】〕〉》」』”’、，。；：！？…%]/u;
/** Marks that never end a line (opening brackets and quotes). */
const NO_LINE_END = /[(（【〔〈《「『“‘]$/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const widthPx = (text: string, fontPt: number): number => [...text].reduce((s, ch) => s + charPx(ch, fontPt), 0);

/** Words of `text`, with punctuation glued to the word it belongs to. */
function units(text: string): string[] {
  const out: string[] = [];
  let pendingOpen = '';
  for (const { segment } of segmenter.segment(text)) {
    if (NO_LINE_START.test(segment) && out.length && !pendingOpen) {
      out[out.length - 1] += segment;
    } else if (NO_LINE_END.test(segment)) {
      pendingOpen += segment;
    } else {
      out.push(pendingOpen + segment);
      pendingOpen = '';
    }
  }
  if (pendingOpen) out.push(pendingOpen);
  return out;
}

/** Character-wise split of one over-long unit, never starting a line with a closing mark. */
function splitUnit(unit: string, usable: number, fontPt: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of unit) {
    if (line && widthPx(line + ch, fontPt) > usable && !NO_LINE_START.test(ch)) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** The lines a header prints on in a column `widthChars` wide (explicit "\n" in `text` kept). */
export function headerLines(text: string, widthChars: number, fontPt: number): string[] {
  const usable = usablePx(widthChars);
  return text.split('\n').flatMap((paragraph) => {
    if (widthPx(paragraph, fontPt) <= usable) return [paragraph];
    const lines: string[] = [];
    let line = '';
    for (const unit of units(paragraph)) {
      if (line && widthPx(line + unit, fontPt) > usable) {
        lines.push(line);
        line = '';
      }
      if (!line && widthPx(unit, fontPt) > usable) {
        const parts = splitUnit(unit, usable, fontPt);
        lines.push(...parts.slice(0, -1));
        line = parts.at(-1) ?? '';
      } else {
        line += unit;
      }
    }
    if (line) lines.push(line);
    return lines;
  });
}

/** The header text to write: its lines joined with "\n". */
export function breakHeader(text: string, widthChars: number, fontPt: number): string {
  return headerLines(text, widthChars, fontPt).join('\n');
}
