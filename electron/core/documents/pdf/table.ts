/** A ruled table across the text block: wrapping cells, header repeated on every page. */
import type { FontRole } from '../fonts/registry.js';
import type { GbDocument } from './document.js';
import { breakTokens, type Token } from './layout.js';
import { FONT_SIZES, GB, mm } from './units.js';

export interface TableColumn {
  header: string;
  /** Share of the text block width (any unit; normalised). */
  width: number;
  align?: 'left' | 'center';
}

export interface TableInput {
  columns: TableColumn[];
  rows: string[][];
  size?: number;
  role?: FontRole;
  headerRole?: FontRole;
}

const PAD_X = mm(1.5);
const PAD_Y = mm(1.5);

interface LaidRow {
  lines: Token[][][];
  height: number;
}

/** Pure: column widths in points that add up to the text block width. */
export function columnWidths(columns: TableColumn[], total = GB.width): number[] {
  const sum = columns.reduce((s, c) => s + c.width, 0);
  return columns.map((c) => (c.width / sum) * total);
}

export function drawTable(g: GbDocument, input: TableInput): void {
  const size = input.size ?? FONT_SIZES.五号;
  const lineHeight = size * 1.4;
  const widths = columnWidths(input.columns);
  const body = { role: input.role ?? 'song', size } as const;
  const head = { role: input.headerRole ?? 'heiti', size } as const;

  const layRow = (cells: string[], role: FontRole): LaidRow => {
    g.use({ role, size });
    const lines = widths.map((w, i) => {
      const inner = w - 2 * PAD_X;
      // A '\n' in a cell is a hard line break (e.g. a date range on two lines).
      return (cells[i] ?? '')
        .split('\n')
        .flatMap((part) => breakTokens(part, { charsPerLine: inner / size, measureLatin: (s) => g.doc.widthOfString(s) / size }));
    });
    const count = Math.max(1, ...lines.map((l) => l.length));
    return { lines, height: count * lineHeight + 2 * PAD_Y };
  };

  const drawRow = (row: LaidRow, role: FontRole, isHeader = false): void => {
    let x = GB.left;
    if (isHeader) g.doc.save().rect(GB.left, g.y, GB.width, row.height).fill('#EEEEEE').restore();
    row.lines.forEach((lines, i) => {
      const w = widths[i]!;
      const align = isHeader ? 'center' : (input.columns[i]?.align ?? 'left');
      const top = g.y + (row.height - lines.length * lineHeight) / 2;
      lines.forEach((tokens, j) => {
        const lineTop = top + j * lineHeight + (lineHeight - size) / 2;
        const saved = g.y;
        g.y = lineTop;
        g.placeLine(tokens, x + PAD_X, w - 2 * PAD_X, align === 'center' ? 'center' : 'left', size, { role, size });
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

  const header = layRow(
    input.columns.map((c) => c.header),
    head.role,
  );
  g.ensure(0, header.height + lineHeight * 2);
  drawRow(header, head.role, true);
  for (const cells of input.rows) {
    const row = layRow(cells, body.role);
    if (g.spaceLeft < row.height) {
      g.newPage();
      drawRow(header, head.role, true);
    }
    drawRow(row, body.role);
  }
  g.use({});
}
