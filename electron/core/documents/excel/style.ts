/**
 * Shared roster styling (exceljs): merged title row, optional subtitle, bordered grey header that is
 * frozen, filtered and repeated on every printed page, A4 print setup legible at ≥ 9 pt (print-fit.ts),
 * headers broken between words (header-lines.ts), and formula-injection guarding of every user-entered
 * string by the quote-prefix style (quote-prefix.ts).
 */
import ExcelJS from 'exceljs';
import { breakHeader } from './header-lines.js';
import { fitColumns, minScaleFor, setPrint, textWidthChars } from './print-fit.js';
import { setQuotePrefix } from './quote-prefix.js';
import { fitRowHeights } from './row-heights.js';

export type ColumnKind = 'text' | 'number' | 'date';

export interface RosterColumn {
  header: string;
  key: string;
  /** Width in characters. */
  width: number;
  kind?: ColumnKind;
}

export type RosterValue = string | number | Date | null | undefined;

export interface RosterInput {
  sheetName: string;
  title: string;
  subtitle?: string;
  columns: RosterColumn[];
  rows: Record<string, RosterValue>[];
  orientation?: 'portrait' | 'landscape';
  /** Add the sheet to this workbook (a second sheet) instead of a new one. */
  into?: ExcelJS.Workbook;
}

/** Chinese date display for real date cells: 2026年11月24日. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would read `value` as a formula (or a DDE command) if it were typed. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * Writes user-entered text into a cell so that no spreadsheet evaluates it: text that starts like a
 * formula gets the quote-prefix style (shown as typed, "@cmd", no visible apostrophe).
 */
export function setText(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  if (looksLikeFormula(value)) setQuotePrefix(cell);
}

/** Size of the body type of every roster (title 16, header, subtitle and rows 11): 9 pt on paper needs a scale ≥ 82 %. */
export const ROSTER_FONT_PT = 11;

/** Sheet names: no []:*?/\ and at most 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned || 'Sheet1';
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** `YYYY-MM-DD` (or a Date) -> a UTC midnight Date, so Excel shows the same calendar day. */
export function toExcelDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function putValue(cell: ExcelJS.Cell, value: RosterValue, kind: ColumnKind): void {
  if (value === null || value === undefined || value === '') cell.value = null;
  else if (kind === 'date') cell.value = toExcelDate(value as string | Date);
  else if (kind === 'number') cell.value = typeof value === 'number' ? value : Number(value);
  else setText(cell, value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
}

const rosterText = (value: RosterValue): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/** Narrowest a text column may get: its longest run of Latin letters and digits (an ID, a code) on one line. */
function minTextWidth(column: RosterColumn, rows: readonly Record<string, RosterValue>[]): number {
  let widest = textWidthChars('一二三', ROSTER_FONT_PT); // three characters: a short name or district
  for (const r of rows) {
    for (const run of rosterText(r[column.key]).match(/[\x21-\x7e]+/g) ?? [])
      widest = Math.max(widest, textWidthChars(run, ROSTER_FONT_PT));
  }
  return Math.ceil(widest);
}

/**
 * Column widths that print legibly on the page (print-fit.ts), from the widths the writer asked for:
 * wrapping text columns give up width only when the sheet would print below 9 pt.
 */
export function rosterWidths(
  columns: readonly RosterColumn[],
  rows: readonly Record<string, RosterValue>[],
  orientation: 'portrait' | 'landscape',
): number[] {
  return fitColumns(
    columns.map((c) => ({ width: c.width, shrinkable: (c.kind ?? 'text') === 'text', minWidth: minTextWidth(c, rows) })),
    orientation,
    minScaleFor(ROSTER_FONT_PT),
  ).widths;
}

export function buildRoster(input: RosterInput): ExcelJS.Workbook {
  const wb = input.into ?? new ExcelJS.Workbook();
  wb.creator = 'IP Center Desk';
  const ws = wb.addWorksheet(safeSheetName(input.sheetName));
  const n = input.columns.length;
  const orientation = input.orientation ?? 'portrait';
  const widths = rosterWidths(input.columns, input.rows, orientation);
  ws.columns = input.columns.map((c, i) => ({ key: c.key, width: widths[i]! }));

  let r = 1;
  ws.mergeCells(r, 1, r, n);
  const title = ws.getCell(r, 1);
  setText(title, input.title);
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(r).height = 30;
  r++;
  if (input.subtitle) {
    ws.mergeCells(r, 1, r, n);
    const sub = ws.getCell(r, 1);
    setText(sub, input.subtitle);
    sub.font = { name: '仿宋', size: ROSTER_FONT_PT };
    sub.alignment = { horizontal: 'right', vertical: 'middle' };
    r++;
  }

  const headerRow = r;
  const header = ws.getRow(headerRow);
  input.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    setText(cell, breakHeader(c.header, widths[i]!, ROSTER_FONT_PT));
    cell.font = { name: '黑体', size: ROSTER_FONT_PT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = 22;

  for (const data of input.rows) {
    r++;
    const row = ws.getRow(r);
    input.columns.forEach((c, i) => {
      const kind = c.kind ?? 'text';
      const cell = row.getCell(i + 1);
      putValue(cell, data[c.key], kind);
      cell.font = { name: '宋体', size: ROSTER_FONT_PT };
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: kind === 'text' ? 'left' : 'center' };
      if (kind === 'date') cell.numFmt = CHINESE_DATE_FORMAT;
    });
  }

  fitRowHeights(ws, headerRow, r);

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };
  setPrint(ws, { orientation, smallestFontPt: ROSTER_FONT_PT, titleRows: `${headerRow}:${headerRow}`, repeatColumns: 2 });
  ws.headerFooter = {
    oddFooter: '&C第 &P 页 共 &N 页',
    evenFooter: '&C第 &P 页 共 &N 页',
  } as Partial<ExcelJS.HeaderFooter> as ExcelJS.HeaderFooter;
  return wb;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
