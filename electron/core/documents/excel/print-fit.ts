/**
 * Rosters legible on paper: every sheet prints on A4 with its smallest type at ≥ 9 pt after the
 * spreadsheet's fit-to-width scaling. Excel sizes a column of width w (in "0" characters of the default
 * 11 pt font, 7 px each at 96 dpi) as trunc(((256·w + trunc(128/7)) / 256) · 7) px, and a fit-to-width print
 * scales the sum of the columns to the printable width in whole percent. We therefore narrow the wrapping
 * text columns (their rows grow taller, row-heights.ts) until that scale keeps font × scale ≥ 9 pt, and print
 * at that fixed scale; a roster that cannot get there even with its text columns at their narrowest prints at
 * the smallest legible scale across more pages (the first columns repeated on each), never smaller.
 */
import type ExcelJS from 'exceljs';
import { charPx } from './row-heights.js';

/** The smallest type size on paper, after scaling (points). */
export const MIN_PRINT_PT = 9;
/** Page margins in inches (left/right 12.7 mm). */
export const ROSTER_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** A4 in millimetres. */
const A4_MM = { portrait: 210, landscape: 297 } as const;
const PX_PER_INCH = 96;
/** A wrapping text column is never narrowed below this (characters). */
const MIN_TEXT_WIDTH = 8;

export type Orientation = 'portrait' | 'landscape';

/** Pixel width of a column `width` characters wide, as Excel computes it. */
export function columnPx(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

/** Printable width of A4 in pixels with the given left and right margins (inches). */
export function printablePx(orientation: Orientation, margins: { left: number; right: number } = ROSTER_MARGINS): number {
  return (A4_MM[orientation] / 25.4 - margins.left - margins.right) * PX_PER_INCH;
}

/** The fit-to-one-page-wide scale, in whole percent as Excel prints it, at most 100 %. */
export function fitScale(widths: readonly number[], orientation: Orientation, margins?: { left: number; right: number }): number {
  const total = widths.reduce((s, w) => s + columnPx(w), 0);
  return Math.min(100, Math.floor((100 * printablePx(orientation, margins)) / total)) / 100;
}

/** How many of the columns fit on one page across at `scale` (at least one). */
export function columnsOnFirstPage(widths: readonly number[], orientation: Orientation, scale: number): number {
  const room = printablePx(orientation) / scale;
  let used = 0;
  let n = 0;
  for (const w of widths) {
    if (used + columnPx(w) > room) break;
    used += columnPx(w);
    n++;
  }
  return Math.max(1, n);
}

/** The smallest scale that keeps `fontPt` type at MIN_PRINT_PT or larger, in whole percent. */
export function minScaleFor(fontPt: number): number {
  return Math.ceil((100 * MIN_PRINT_PT) / fontPt) / 100;
}

/** Width in characters that `text` needs on one line (the longest unbreakable run decides a column's minimum). */
export function textWidthChars(text: string, fontPt: number): number {
  return ([...text].reduce((s, ch) => s + charPx(ch, fontPt), 0) + 6) / 7;
}

export interface FitColumn {
  width: number;
  /** Wrapping text may be narrowed; numbers and dates keep their width. */
  shrinkable: boolean;
  /** Narrowest width this column may take (characters). */
  minWidth?: number;
}

/**
 * Widths that print one page wide at `minScale` or more: the shrinkable columns give up width in proportion
 * to what they have above their minimum. Returns the widths and whether one page wide was reached.
 */
export function fitColumns(columns: readonly FitColumn[], orientation: Orientation, minScale: number): { widths: number[]; fits: boolean } {
  const widths = columns.map((c) => c.width);
  const target = printablePx(orientation) / minScale;
  const total = (): number => widths.reduce((s, w) => s + columnPx(w), 0);
  if (total() <= target) return { widths, fits: true };
  const floor = columns.map((c) => (c.shrinkable ? Math.min(c.width, Math.max(MIN_TEXT_WIDTH, c.minWidth ?? 0)) : c.width));
  const slack = columns.reduce((s, c, i) => s + (c.width - floor[i]!), 0);
  const excess = (total() - target) / 7 + columns.length; // in characters, with a character per column for rounding
  if (slack <= 0) return { widths, fits: false };
  const share = Math.min(1, excess / slack);
  columns.forEach((c, i) => {
    widths[i] = Math.max(floor[i]!, Math.floor((c.width - (c.width - floor[i]!) * share) * 2) / 2);
  });
  return { widths, fits: total() <= target };
}

/**
 * A4 print setup at a fixed scale: the one-page-wide scale Excel would compute from the column widths, never
 * below the scale that keeps `smallestFontPt` at 9 pt (then the columns run over more pages, the first
 * `repeatColumns` repeated on each). A fixed scale rather than "fit to width": a program that sizes the
 * columns wider (LibreOffice without a Calibri-metric font measures them in DejaVu Sans) spills a column onto
 * the next page instead of shrinking the type below 9 pt.
 */
export function setPrint(
  ws: ExcelJS.Worksheet,
  opts: { orientation: Orientation; smallestFontPt: number; titleRows?: string; repeatColumns?: number },
): void {
  const widths = (ws.columns ?? []).map((c) => c.width ?? 9);
  const minScale = minScaleFor(opts.smallestFontPt);
  const fit = fitScale(widths, opts.orientation);
  ws.pageSetup = {
    paperSize: 9 as ExcelJS.PaperSize, // A4
    orientation: opts.orientation,
    fitToPage: false,
    scale: Math.round(Math.max(fit, minScale) * 100),
    horizontalCentered: true,
    margins: ROSTER_MARGINS,
    ...(opts.titleRows ? { printTitlesRow: opts.titleRows } : {}),
    ...(fit < minScale && opts.repeatColumns ? { printTitlesColumn: `A:${String.fromCharCode(64 + opts.repeatColumns)}` } : {}),
  } as Partial<ExcelJS.PageSetup>;
}
