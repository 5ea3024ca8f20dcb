/** A ruled table across the text block: wrapping cells, header repeated on every page, no row alone on a page. */
import type { FontRole } from '../fonts/registry.js';
import type { GbDocument } from './document.js';
import { breakTokens, type Token } from './layout.js';
import { planRows } from './table-pages.js';
import { FONT_SIZES, GB, mm } from './units.js';

export interface TableColumn {
  header: string;
  /** Share of the text block width (any unit; normalised). */
  width: number;
  align?: 'left' | 'center';
  /**
   * Each '\n'-separated line of a cell stays one printed line (e.g. the plaque's lines): the cell's type
   * shrinks (down to 7 pt) until its longest line fits, and wraps between words only below that.
   */
  keepLines?: boolean;
}

export interface TableInput {
  columns: TableColumn[];
  rows: string[][];
  size?: number;
  role?: FontRole;
  headerRole?: FontRole;
  /** Height (points) drawn after the table that must stay on the page of its last rows. */
  tail?: number;
}

export const TABLE_PAD_X = mm(1.5);
export const TABLE_PAD_Y = mm(1.5);
export const TABLE_LINE_FACTOR = 1.4;
/** Smallest size a keepLines cell shrinks to. */
const MIN_KEEP_SIZE = 7;

/** Measures a run of text in points. */
export type Measure = (text: string, role: FontRole, size: number) => number;

export interface LaidCell {
  lines: Token[][];
  size: number;
}
export interface LaidTableRow {
  cells: LaidCell[];
  height: number;
}

/** Pure: column widths in points that add up to the text block width. */
export function columnWidths(columns: TableColumn[], total = GB.width): number[] {
  const sum = columns.reduce((s, c) => s + c.width, 0);
  return columns.map((c) => (c.width / sum) * total);
}

/** Pure (given the measure): breaks every cell of a row and measures the row. */
export function layTableRow(
  cells: readonly string[],
  columns: TableColumn[],
  widths: number[],
  size: number,
  role: FontRole,
  measure: Measure,
): LaidTableRow {
  const lineHeight = size * TABLE_LINE_FACTOR;
  const laid = widths.map((w, i): LaidCell => {
    const inner = w - 2 * TABLE_PAD_X;
    // A '\n' in a cell is a hard line break (e.g. a date range on two lines).
    const parts = (cells[i] ?? '').split('\n');
    let s = size;
    if (columns[i]?.keepLines) {
      const widest = Math.max(0, ...parts.map((p) => measure(p, role, size)));
      if (widest > inner) s = Math.max(MIN_KEEP_SIZE, (size * inner) / widest - 0.01);
    }
    const lines = parts.flatMap((part) => breakTokens(part, { charsPerLine: inner / s, measureLatin: (t) => measure(t, role, s) / s }));
    return { lines, size: s };
  });
  const height = Math.max(lineHeight, ...laid.map((c) => c.lines.length * c.size * TABLE_LINE_FACTOR)) + 2 * TABLE_PAD_Y;
  return { cells: laid, height };
}

export function drawTable(g: GbDocument, input: TableInput): void {
  const size = input.size ?? FONT_SIZES.五号;
  const widths = columnWidths(input.columns);
  const bodyRole = input.role ?? 'song';
  const headRole = input.headerRole ?? 'heiti';
  const measure: Measure = (t, role, s) => g.widthOf(t, { role, size: s });

  const drawRow = (row: LaidTableRow, role: FontRole, isHeader = false): void => {
    let x = GB.left;
    if (isHeader) g.doc.save().rect(GB.left, g.y, GB.width, row.height).fill('#EEEEEE').restore();
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      const align = isHeader ? 'center' : (input.columns[i]?.align ?? 'left');
      const lh = cell.size * TABLE_LINE_FACTOR;
      const top = g.y + (row.height - cell.lines.length * lh) / 2;
      cell.lines.forEach((tokens, j) => {
        const saved = g.y;
        g.y = top + j * lh + (lh - cell.size) / 2;
        g.placeLine(tokens, x + TABLE_PAD_X, w - 2 * TABLE_PAD_X, align === 'center' ? 'center' : 'left', cell.size, {
          role,
          size: cell.size,
        });
        g.y = saved;
      });
      x += w;
    });
    g.doc.save().lineWidth(0.6).strokeColor('#000000');
    g.doc.rect(GB.left, g.y, GB.width, row.height).stroke();
    x = GB.left;
    for (const w of widths.slice(0, -1)) {
      x += w;
      g.doc
        .moveTo(x, g.y)
        .lineTo(x, g.y + row.height)
        .stroke();
    }
    g.doc.restore();
    g.y += row.height;
  };

  const header = layTableRow(
    input.columns.map((c) => c.header),
    input.columns,
    widths,
    size,
    headRole,
    measure,
  );
  const rows = input.rows.map((cells) => layTableRow(cells, input.columns, widths, size, bodyRole, measure));
  const full = GB.height;
  const pages = planRows({
    rows: rows.map((r) => r.height),
    header: header.height,
    firstRoom: g.spaceLeft,
    fullRoom: full,
    ...(input.tail ? { tail: input.tail } : {}),
  });
  pages.forEach((idx, p) => {
    if (p > 0) g.newPage();
    if (idx.length === 0) return;
    drawRow(header, headRole, true);
    for (const i of idx) drawRow(rows[i]!, bodyRole);
  });
  if (rows.length === 0) drawRow(header, headRole, true);
  g.use({});
}
