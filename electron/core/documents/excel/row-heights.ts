/**
 * Row heights for wrapped text. Excel and LibreOffice do not grow a row to fit wrapped text when they
 * open a file (only when the cell is edited), so a roster's long names would print clipped. We measure
 * each cell the way a spreadsheet lays it out (column width in "0" characters, CJK characters about
 * twice as wide as Latin ones) and set the row tall enough for its longest cell.
 */
import type ExcelJS from 'exceljs';

/** Pixels per column-width unit and the cell padding, as Excel computes them for the default font. */
const PX_PER_UNIT = 7;
const CELL_PADDING_PX = 5;
const DEFAULT_FONT_PT = 11;
/** Line height as a multiple of the font size (宋体/黑体 at 11pt print ≈ 14.5pt lines). */
const LINE_FACTOR = 1.32;
const ROW_PADDING_PT = 4;

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F]/u;

/** Width of one character in pixels at the given font size (points). */
export function charPx(ch: string, fontPt: number): number {
  const em = (fontPt * 96) / 72;
  return WIDE.test(ch) ? em : em * 0.5; // 宋体 Latin glyphs are half width
}

/** Usable pixels of text in a column `widthChars` wide. */
export function usablePx(widthChars: number): number {
  return Math.max(1, widthChars * PX_PER_UNIT + CELL_PADDING_PX - 6);
}

/** How many lines `text` takes in a column `widthChars` wide (explicit line breaks kept, breaking anywhere). */
export function wrappedLines(text: string, widthChars: number, fontPt = DEFAULT_FONT_PT): number {
  const usable = usablePx(widthChars);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 1;
    let used = 0;
    for (const ch of paragraph) {
      const w = charPx(ch, fontPt);
      if (used + w > usable && used > 0) {
        line++;
        used = 0;
      }
      used += w;
    }
    lines += line;
  }
  return Math.max(1, lines);
}

/** Height in points for `lines` lines of text in the given font size. */
export function heightFor(lines: number, fontPt = DEFAULT_FONT_PT): number {
  return Math.ceil(lines * fontPt * LINE_FACTOR + ROW_PADDING_PT);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`; // CHINESE_DATE_FORMAT
  return cell.text ?? '';
}

/**
 * Grow rows `from`..`to` (1-based, inclusive) to fit their wrapped cells; never shrinks a row below its
 * current height. Merged cells (titles, notes) are left to the caller.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, from: number, to: number): void {
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    let need = 0;
    row.eachCell((cell, col) => {
      if (cell.isMerged || !cell.alignment?.wrapText) return;
      const text = cellText(cell);
      if (!text) return;
      const fontPt = cell.font?.size ?? DEFAULT_FONT_PT;
      const width = ws.getColumn(col).width ?? 9;
      need = Math.max(need, heightFor(wrappedLines(text, width, fontPt), fontPt));
    });
    if (need > (row.height ?? heightFor(1))) row.height = need;
  }
}
