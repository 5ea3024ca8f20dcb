/**
 * Read a filled 申报单位 template. Every row is checked; problems are listed per row and column in
 * Chinese (“第57行 C列（统一社会信用代码）：第18位校验码应为…”). The caller applies all rows or none.
 */
import ExcelJS from 'exceljs';
import type { ImportIssue } from '../../contract/applications/methods.js';
import { PHONE_PATTERN, type Route, type UnitType } from '../../contract/applications/entities.js';
import { checkUscc } from '../../domain/uscc.js';
import { openXlsx, UnreadableXlsx, type XlsxBook } from './xlsx-read.js';
import { cleanImportedText } from './imported-text.js';
import { DEFAULT_LISTS, ROUTE_LABELS, UNIT_TYPE_LABELS, codeFromLabel, normalizeDistrict, type ChoiceLists } from '../../domain/lists.js';
import {
  MAX_IMPORT_ROWS,
  TEMPLATE_COLUMNS,
  TEMPLATE_FIRST_DATA_ROW,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_SHEET,
  columnLetter,
  type TemplateColumn,
  type TemplateField,
} from './application-columns.js';

export interface ImportedRow {
  row: number;
  name: string;
  uscc: string;
  unitType: UnitType;
  legalRepresentative: string;
  contact: string;
  phone: string;
  address: string;
  district: string;
  industry: string;
  route: Route;
  recommendingDistrict: string;
  proposedCenterName: string;
  ipFigures: Record<'invention' | 'utility' | 'design' | 'trademarks' | 'gi' | 'copyrights' | 'standards', number>;
}

export interface ImportResult {
  rowsRead: number;
  rows: ImportedRow[];
  issues: ImportIssue[];
}

const fileIssue = (message: string): ImportIssue => ({ row: 0, column: '', columnLabel: '', message });

function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value as unknown;
  return cell.type === ExcelJS.ValueType.Formula || (typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v));
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return (v as ExcelJS.CellRichTextValue).richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim();
  return String(cell.text ?? '').trim();
}

/** Header cell text without the required-marker “*” and spaces. */
const headerKey = (s: string) =>
  s
    .replace(/^[*＊]/, '')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

/** What a refusal for size should tell the user to do instead. */
export const IMPORT_SIZE_ADVICE = `请只保留“${TEMPLATE_SHEET}”表中的数据，删除多余的空行、空列、格式和其他工作表后另存；数据较多时拆分为多个文件（每个不超过${MAX_IMPORT_ROWS}行）分别导入。`;

type CellSnapshot = { formula: boolean; text: string };

/**
 * Read and check a filled template. The file is bounded before and while reading (see xlsx-read.ts:
 * an oversized or bomb-like file is refused with DeskError FILE_REJECTED); rows are streamed and the
 * reading stops at the first data row past the cap of MAX_IMPORT_ROWS.
 */
export async function readApplicationImport(
  data: Uint8Array,
  opts: { lists?: ChoiceLists; existingUscc?: ReadonlyMap<string, string>; fileName?: string } = {},
): Promise<ImportResult> {
  const lists = opts.lists ?? DEFAULT_LISTS;
  const unreadable = (): ImportResult => ({
    rowsRead: 0,
    rows: [],
    issues: [fileIssue('无法读取该文件：不是有效的 Excel（.xlsx）文件或已损坏。请使用“导出空白模板”得到的表格填写后再导入。')],
  });
  let book: XlsxBook;
  try {
    book = await openXlsx(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      fileName: opts.fileName ?? '导入文件',
      advice: IMPORT_SIZE_ADVICE,
    });
  } catch (err) {
    if (err instanceof UnreadableXlsx) return unreadable();
    throw err;
  }
  try {
    return await checkRows(book, lists, opts.existingUscc);
  } catch (err) {
    if (err instanceof UnreadableXlsx) return unreadable();
    throw err;
  } finally {
    book.close();
  }
}

async function checkRows(book: XlsxBook, lists: ChoiceLists, existingUscc: ReadonlyMap<string, string> | undefined): Promise<ImportResult> {
  if (!book.sheetNames.includes(TEMPLATE_SHEET)) {
    const names = book.sheetNames.map((n) => `“${n}”`).join('、');
    return {
      rowsRead: 0,
      rows: [],
      issues: [
        fileIssue(
          `文件中没有名为“${TEMPLATE_SHEET}”的工作表（现有：${names || '无'}）。请在模板的“${TEMPLATE_SHEET}”表中填写，不要改动工作表名称。`,
        ),
      ],
    };
  }

  // Locate the columns by header text (order may differ; every template column must exist), then keep
  // what the checks need of each data row, stopping at the first row past the cap.
  const at = new Map<TemplateField | 'seq', number>();
  let missing: TemplateColumn[] | null = null;
  const headerMissing = () => (missing ??= TEMPLATE_COLUMNS.filter((c) => c.field !== 'seq' && !at.has(c.field)));
  const lastAllowed = TEMPLATE_FIRST_DATA_ROW + MAX_IMPORT_ROWS - 1;
  const kept: { r: number; cells: Map<TemplateField | 'seq', CellSnapshot> }[] = [];
  let overflow = 0;
  const read = await book.readSheet(TEMPLATE_SHEET, (row) => {
    const r = row.number;
    if (r === TEMPLATE_HEADER_ROW) {
      row.eachCell((cell, col) => {
        const col2 = TEMPLATE_COLUMNS.find((c) => headerKey(c.header) === headerKey(cellText(cell)));
        if (col2 && !at.has(col2.field)) at.set(col2.field, col);
      });
      return;
    }
    if (r < TEMPLATE_FIRST_DATA_ROW) return;
    if (headerMissing().length) return false;
    if (!row.values || !(row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== '')) return;
    if (r > lastAllowed) {
      overflow = r;
      return false;
    }
    kept.push({
      r,
      cells: new Map(
        TEMPLATE_COLUMNS.map((c) => {
          const cell = row.getCell(at.get(c.field)!);
          return [c.field, { formula: isFormula(cell), text: cellText(cell) }];
        }),
      ),
    });
  });
  if (headerMissing().length) {
    return {
      rowsRead: 0,
      rows: [],
      issues: headerMissing().map((c) =>
        fileIssue(`第${TEMPLATE_HEADER_ROW}行表头缺少“${c.header}”列。请使用最新的空白模板，不要删除或改名表头。`),
      ),
    };
  }
  if (overflow) {
    return {
      rowsRead: kept.length + 1,
      rows: [],
      issues: [
        fileIssue(
          `表中数据超过一次最多导入${MAX_IMPORT_ROWS}行的上限（数据应在第${TEMPLATE_FIRST_DATA_ROW}至${lastAllowed}行，第${overflow}行仍有数据），已停止读取。请拆分为多个文件分别导入，每个文件不超过${MAX_IMPORT_ROWS}行。`,
        ),
      ],
    };
  }
  const dataRows = kept.length ? kept.at(-1)!.r - TEMPLATE_FIRST_DATA_ROW + 1 : 0;

  const issues: ImportIssue[] = [];
  const merges = read.merges.filter((range) => {
    const rows = range.match(/\d+/g)?.map(Number) ?? [];
    return rows.some((r) => r >= TEMPLATE_HEADER_ROW);
  });
  for (const range of merges) {
    const first = Number(range.match(/\d+/)?.[0] ?? 0);
    issues.push({
      row: first,
      column: range,
      columnLabel: '',
      message: `第${first}行 ${range.replace(/\d+/g, '')} 有合并单元格（${range}）。表头和数据区不能合并单元格，请取消合并后每格分别填写。`,
    });
  }
  if (merges.length) return { rowsRead: dataRows, rows: [], issues };

  const rows: ImportedRow[] = [];
  const seen = new Map<string, number>();
  for (const { r, cells } of kept) {
    const problems: ImportIssue[] = [];
    const bad = (c: TemplateColumn, message: string) => {
      const letter = columnLetter(at.get(c.field)!);
      problems.push({ row: r, column: letter, columnLabel: c.header, message: `第${r}行 ${letter}列（${c.header}）：${message}` });
    };
    const values: Partial<Record<TemplateField, string>> = {};
    let any = false;
    for (const c of TEMPLATE_COLUMNS) {
      const cell = cells.get(c.field)!;
      if (cell.formula) {
        bad(c, '单元格含公式。导入只接受直接填写的值，请把公式复制后“选择性粘贴为数值”再导入');
        any = true;
        continue;
      }
      const text = cell.text;
      if (text) any = true;
      if (c.field === 'seq') continue;
      const clean = cleanImportedText(text, c.header);
      if (clean.ok) values[c.field] = clean.value;
      else bad(c, clean.message);
    }
    if (!any) continue;
    const col = (f: TemplateField) => TEMPLATE_COLUMNS.find((c) => c.field === f)!;
    for (const c of TEMPLATE_COLUMNS)
      if (c.required && c.field !== 'seq' && !values[c.field] && !problems.some((p) => p.columnLabel === c.header)) bad(c, '必填，请填写');

    let uscc = '';
    if (values.uscc) {
      const check = checkUscc(values.uscc);
      if (!check.ok) bad(col('uscc'), check.message);
      else {
        uscc = check.value;
        const dupRow = seen.get(uscc);
        const existing = existingUscc?.get(uscc);
        if (dupRow) bad(col('uscc'), `与第${dupRow}行重复（同一单位在一个批次只能申报一次），请删除其中一行`);
        else if (existing) bad(col('uscc'), `该单位已在本批次申报（${existing}），请删除此行`);
        else seen.set(uscc, r);
      }
    }
    const unitType = values.unitType ? codeFromLabel(UNIT_TYPE_LABELS, values.unitType) : null;
    if (values.unitType && !unitType)
      bad(col('unitType'), `“${values.unitType}”不是可选的单位类型，请从下拉列表选择（${Object.values(UNIT_TYPE_LABELS).join('、')}）`);
    const route = values.route ? codeFromLabel(ROUTE_LABELS, values.route) : null;
    if (values.route && !route) bad(col('route'), `“${values.route}”不是可选的申报方式，请选择“自愿申报”或“县（市）区推荐”`);
    const district = values.district ? normalizeDistrict(values.district, lists) : '';
    if (district && !lists.districts.includes(district)) bad(col('district'), `“${values.district}”不在县（市）区列表中，请从下拉列表选择`);
    const recommending = values.recommendingDistrict ? normalizeDistrict(values.recommendingDistrict, lists) : '';
    if (recommending && !lists.districts.includes(recommending))
      bad(col('recommendingDistrict'), `“${values.recommendingDistrict}”不在县（市）区列表中，请从下拉列表选择`);
    if (route === 'recommended' && !recommending)
      bad(col('recommendingDistrict'), '申报方式为“县（市）区推荐”时必填，请填写推荐的县（市）区');
    if (values.industry && !lists.industries.includes(values.industry))
      bad(col('industry'), `“${values.industry}”不在产业列表中，请从下拉列表选择（没有合适的选“其他”）`);
    if (values.phone && !PHONE_PATTERN.test(values.phone))
      bad(col('phone'), `“${values.phone}”不是有效的电话号码，请填写11位手机号或带区号的座机号（如 0591-87654321）`);
    if (values.name && (values.name.length < 2 || values.name.length > 100)) bad(col('name'), '单位名称应为2–100个字');

    const figures = {} as ImportedRow['ipFigures'];
    for (const f of ['invention', 'utility', 'design', 'trademarks', 'gi', 'copyrights', 'standards'] as const) {
      const raw = values[f] ?? '';
      const n = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > 1_000_000) bad(col(f), `“${raw}”不是有效的数量，请填写不小于0的整数`);
      figures[f] = Number.isInteger(n) && n >= 0 ? n : 0;
    }
    if (problems.length) {
      issues.push(...problems);
      continue;
    }
    rows.push({
      row: r,
      name: values.name!,
      uscc,
      unitType: unitType!,
      legalRepresentative: values.legalRepresentative!,
      contact: values.contact!,
      phone: values.phone!,
      address: values.address!,
      district,
      industry: values.industry!,
      route: route!,
      recommendingDistrict: route === 'recommended' ? recommending : '',
      proposedCenterName: values.proposedCenterName!,
      ipFigures: figures,
    });
  }
  return { rowsRead: rows.length + new Set(issues.map((i) => i.row)).size, rows, issues };
}
