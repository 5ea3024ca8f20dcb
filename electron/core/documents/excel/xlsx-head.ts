/**
 * The first rows of an exported roster, for the in-app table preview (files.readExportTable): the first
 * sheet's rows as text, read with the bounded streaming reader (xlsx-read.ts) and stopped after `maxRows`,
 * so a 5,000-row roster inflates only its head.
 */
import ExcelJS from 'exceljs';
import { DeskError } from '../../contract/errors.js';
import { openXlsx, UnreadableXlsx } from './xlsx-read.js';

export interface XlsxHead {
  sheetName: string;
  /** Sheet names in workbook order (only the first is read). */
  sheetNames: string[];
  /** Rows from the top, empty rows kept as []; each row's cells from column A, trailing empty cells dropped. */
  rows: { number: number; cells: string[] }[];
  /** Widest row, in columns. */
  columnCount: number;
  /** The sheet has rows after the last one given. */
  truncated: boolean;
}

/** A cell as the spreadsheet program shows it, near enough: text, numbers, dates (YYYY-MM-DD), formula results. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) {
    const r = (v as { result: unknown }).result;
    return r instanceof Date ? r.toISOString().slice(0, 10) : r === undefined || r === null ? '' : String(r);
  }
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(cell.text ?? '');
}

/** The first `maxRows` rows of the first sheet. FILE_REJECTED (naming the file) when it is not a readable xlsx. */
export async function readXlsxHead(data: Buffer, fileName: string, maxRows: number): Promise<XlsxHead> {
  const unreadable = () => new DeskError('FILE_REJECTED', `文件“${fileName}”不是有效的 Excel（.xlsx）文件或已损坏，无法预览。`);
  let book;
  try {
    book = await openXlsx(data, { fileName, advice: '请用表格软件打开。' });
  } catch (err) {
    if (err instanceof UnreadableXlsx) throw unreadable();
    throw err;
  }
  try {
    const sheetName = book.sheetNames[0];
    if (!sheetName) return { sheetName: '', sheetNames: [], rows: [], columnCount: 0, truncated: false };
    const rows: XlsxHead['rows'] = [];
    let truncated = false;
    let columnCount = 0;
    try {
      await book.readSheet(sheetName, (row) => {
        if (row.number > maxRows) {
          truncated = true;
          return false;
        }
        // Rows the reader skips (nothing in them) are shown empty, so row numbers stay those of the sheet.
        for (let n = (rows.at(-1)?.number ?? 0) + 1; n < row.number; n++) rows.push({ number: n, cells: [] });
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellText(cell);
        });
        const filled = Array.from(cells, (c) => c ?? '');
        columnCount = Math.max(columnCount, filled.length);
        rows.push({ number: row.number, cells: filled });
      });
    } catch (err) {
      if (err instanceof UnreadableXlsx) throw unreadable();
      throw err;
    }
    return { sheetName, sheetNames: [...book.sheetNames], rows, columnCount, truncated };
  } finally {
    book.close();
  }
}
