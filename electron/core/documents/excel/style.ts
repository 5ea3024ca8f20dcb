/**
 * Shared roster styling (exceljs): merged title row, optional subtitle, bordered grey header that is
 * frozen, filtered and repeated on every printed page, A4 print setup, and formula-injection escaping
 * of every user-entered string.
 */
import ExcelJS from 'exceljs';
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
}

/** Chinese date display for real date cells: 2026年11月24日. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Guards a user-entered string so spreadsheet programs never evaluate it as a formula. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

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

function cellValue(value: RosterValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date') return toExcelDate(value as string | Date);
  if (kind === 'number') return typeof value === 'number' ? value : Number(value);
  return escapeCell(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
}

export function buildRoster(input: RosterInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'IP Center Desk';
  const ws = wb.addWorksheet(safeSheetName(input.sheetName));
  const n = input.columns.length;
  ws.columns = input.columns.map((c) => ({ key: c.key, width: c.width }));

  let r = 1;
  ws.mergeCells(r, 1, r, n);
  const title = ws.getCell(r, 1);
  title.value = escapeCell(input.title);
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(r).height = 30;
  r++;
  if (input.subtitle) {
    ws.mergeCells(r, 1, r, n);
    const sub = ws.getCell(r, 1);
    sub.value = escapeCell(input.subtitle);
    sub.font = { name: '仿宋', size: 11 };
    sub.alignment = { horizontal: 'right', vertical: 'middle' };
    r++;
  }

  const headerRow = r;
  const header = ws.getRow(headerRow);
  input.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = escapeCell(c.header);
    cell.font = { name: '黑体', size: 11, bold: true };
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
      cell.value = cellValue(data[c.key], kind);
      cell.font = { name: '宋体', size: 11 };
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: kind === 'text' ? 'left' : 'center' };
      if (kind === 'date') cell.numFmt = CHINESE_DATE_FORMAT;
    });
  }

  fitRowHeights(ws, headerRow, r);

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } };
  ws.pageSetup = {
    paperSize: 9 as ExcelJS.PaperSize, // A4
    orientation: input.orientation ?? 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  } as Partial<ExcelJS.PageSetup>;
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
