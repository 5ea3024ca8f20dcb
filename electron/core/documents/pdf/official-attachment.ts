/** 附件 pages of an official document (§7.3.8, §8): the label, the title, then paragraphs or a table split over pages. */
import type { FontRole } from '../fonts/registry.js';
import { blank, EPS, headingRole, type Cursor, type FlowBuilder, type FlowLine } from './official-flow.js';
import type { PageSpec } from './page-model.js';
import { columnWidths, layTableRow, TABLE_LINE_FACTOR, TABLE_PAD_X, type LaidTableRow, type Measure, type TableColumn } from './table.js';
import { planRows } from './table-pages.js';
import { FONT_SIZES, GB, LINE_PITCH, TEXT_BOTTOM } from './units.js';

export interface OfficialTable {
  columns: TableColumn[];
  rows: string[][];
  /** Default 小四. */
  size?: number;
}

export interface OfficialAttachment {
  /** Printed in the 附件说明 and centred on the attachment page. */
  title: string;
  paragraphs?: string[];
  table?: OfficialTable;
  /** Lines under the table (e.g. a count). */
  notes?: string[];
}

/** An attachment on new pages: "附件N" top left in 3号黑体, the title on line 3, then its text or table (§7.3.8). */
export function placeAttachment(
  a: OfficialAttachment,
  label: string,
  b: FlowBuilder,
  newPage: (role?: PageSpec['role']) => PageSpec,
): Cursor {
  let cur: Cursor = { page: newPage('attachment'), y: GB.top };
  const flowLines = (lines: FlowLine[]): void => {
    for (const l of lines) {
      if (cur.y + LINE_PITCH > TEXT_BOTTOM + EPS) cur = { page: newPage('attachment'), y: GB.top };
      cur.page.items.push(...l.draw(cur.y));
      cur.y += LINE_PITCH;
    }
  };
  flowLines(b.paragraph(label, 'heading', { role: 'heiti', indent: 0, align: 'left' }));
  flowLines([blank()]);
  flowLines(b.title(a.title));
  flowLines([blank()]);
  for (const p of a.paragraphs ?? []) {
    const role = headingRole(p);
    flowLines(b.paragraph(p, 'body', { role }));
  }
  if (a.table) cur = placeTable(a.table, a.notes ?? [], cur, b, newPage);
  return cur;
}

function placeTable(
  table: OfficialTable,
  notes: string[],
  start: Cursor,
  b: FlowBuilder,
  newPage: (role?: PageSpec['role']) => PageSpec,
): Cursor {
  const size = table.size ?? FONT_SIZES.小四;
  const widths = columnWidths(table.columns);
  const measure: Measure = (t, role, s) => b.width(t, role, s);
  const header = layTableRow(
    table.columns.map((c) => c.header),
    table.columns,
    widths,
    size,
    'heiti',
    measure,
  );
  const rows = table.rows.map((r) => layTableRow(r, table.columns, widths, size, 'fangsong', measure));
  const noteLines = notes.flatMap((n) => b.paragraph(n, 'body', { size, indent: 0, align: 'left' }));
  const noteGap = size * 0.6;
  const tail = noteLines.length > 0 ? noteGap + noteLines.length * LINE_PITCH : 0;
  const plan = planRows({
    rows: rows.map((r) => r.height),
    header: header.height,
    firstRoom: TEXT_BOTTOM - start.y,
    fullRoom: GB.height,
    tail,
  });
  let cur = start;
  const drawRow = (row: LaidTableRow, role: FontRole, isHeader: boolean): void => {
    if (isHeader) cur.page.items.push({ kind: 'rect', x: GB.left, y: cur.y, w: GB.width, h: row.height, fill: '#EEEEEE' });
    let x = GB.left;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      const align = isHeader || table.columns[i]?.align === 'center' ? 'center' : 'left';
      const lh = cell.size * TABLE_LINE_FACTOR;
      const top = cur.y + (row.height - cell.lines.length * lh) / 2;
      cell.lines.forEach((tokens, j) => {
        cur.page.items.push(
          ...b.placeTokens(
            tokens,
            x + TABLE_PAD_X,
            w - 2 * TABLE_PAD_X,
            align,
            cell.size,
            role,
            cell.size,
          )(top + j * lh + (lh - cell.size) / 2),
        );
      });
      cur.page.items.push({ kind: 'rect', x, y: cur.y, w, h: row.height, stroke: '#000000', lineWidth: 0.6 });
      x += w;
    });
    cur.y += row.height;
  };
  plan.forEach((idx, p) => {
    if (p > 0) cur = { page: newPage('attachment'), y: GB.top };
    if (idx.length === 0) return;
    drawRow(header, 'heiti', true);
    for (const i of idx) drawRow(rows[i]!, 'fangsong', false);
  });
  if (noteLines.length > 0) {
    cur.y += noteGap;
    for (const l of noteLines) {
      cur.page.items.push(...l.draw(cur.y));
      cur.y += LINE_PITCH;
    }
  }
  return cur;
}
