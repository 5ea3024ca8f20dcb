/** A small grid of ruled rows with column spans, shared by the scoring sheet and the landscape summary. */
import type { FontRole } from '../fonts/registry.js';
import type { Align, TextStyle } from './document.js';
import { breakTokens, type Token } from './layout.js';
import { mm } from './units.js';

/** What the grid needs from a page: GbDocument fits it; so does the landscape summary page. */
export interface GridSurface {
  doc: PDFKit.PDFDocument;
  y: number;
  use(style: TextStyle): unknown;
  placeLine(tokens: Token[], x: number, width: number, align: Align, cell: number, style: TextStyle): void;
}

export interface GridCell {
  text: string;
  /** Columns this cell covers (default 1). */
  span?: number;
  align?: 'left' | 'center';
  role?: FontRole;
  size?: number;
  fill?: string;
}

export interface GridRow {
  cells: GridCell[];
  /** Default font size of the row. */
  size: number;
  role?: FontRole;
  minHeight?: number;
  lineFactor?: number;
}

interface LaidCell {
  x: number;
  w: number;
  lines: Token[][];
  cell: GridCell;
  size: number;
  role: FontRole;
}
export interface LaidRow {
  cells: LaidCell[];
  height: number;
  lineFactor: number;
}

/** Horizontal padding inside a cell. */
export const PAD_X = mm(1.5);
const PAD_Y = mm(1.2);

/** Breaks every cell of a row (no drawing) and measures the row height. */
export function layRow(s: GridSurface, x0: number, widths: number[], row: GridRow): LaidRow {
  const lineFactor = row.lineFactor ?? 1.35;
  let col = 0;
  let x = x0;
  const cells: LaidCell[] = [];
  let height = row.minHeight ?? 0;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    const size = cell.size ?? row.size;
    const role = cell.role ?? row.role ?? 'song';
    s.use({ role, size });
    const inner = w - 2 * PAD_X;
    const lines = cell.text
      .split('\n')
      .flatMap((part) => breakTokens(part, { charsPerLine: inner / size, measureLatin: (t) => s.doc.widthOfString(t) / size }));
    cells.push({ x, w, lines, cell, size, role });
    height = Math.max(height, lines.length * size * lineFactor + 2 * PAD_Y);
    x += w;
    col += span;
  }
  return { cells, height, lineFactor };
}

/** Draws a laid row at the surface's cursor, borders included, and moves the cursor below it. */
export function drawRow(s: GridSurface, row: LaidRow): void {
  const top = s.y;
  const d = s.doc;
  for (const c of row.cells) {
    if (c.cell.fill) d.save().rect(c.x, top, c.w, row.height).fill(c.cell.fill).restore();
    const lh = c.size * row.lineFactor;
    const start = top + (row.height - c.lines.length * lh) / 2;
    c.lines.forEach((tokens, j) => {
      s.y = start + j * lh + (lh - c.size) / 2;
      s.placeLine(tokens, c.x + PAD_X, c.w - 2 * PAD_X, c.cell.align === 'center' ? 'center' : 'left', c.size, {
        role: c.role,
        size: c.size,
      });
    });
  }
  d.save().lineWidth(0.6).strokeColor('#000000');
  for (const c of row.cells) d.rect(c.x, top, c.w, row.height).stroke();
  d.restore();
  s.y = top + row.height;
}
