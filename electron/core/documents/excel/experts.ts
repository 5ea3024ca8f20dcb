/**
 * 专家名册 (expert roster) export and import. The export is also the import template: title row,
 * subtitle, header (row 3), data from row 4. Import finds the header by its text, checks every row
 * and reports problems per row and column in Chinese; the caller applies all rows or none.
 */
import ExcelJS from 'exceljs';
import type { ImportIssue } from '../../contract/applications/methods.js';
import { PHONE_PATTERN } from '../../contract/applications/entities.js';
import type { Expert } from '../../contract/expert-review/experts.js';
import { checkUscc } from '../../domain/uscc.js';
import { normaliseOrgName } from '../../domain/conflicts.js';
import { cleanImportedText } from './imported-text.js';
import { buildRoster, workbookToBuffer, type RosterColumn } from './style.js';
import { openXlsx, UnreadableXlsx, type XlsxBook } from './xlsx-read.js';

export const EXPERT_SHEET = '专家名册';

const COLUMNS: (RosterColumn & { required?: boolean })[] = [
  { header: '序号', key: 'no', width: 6, kind: 'number' },
  { header: '姓名', key: 'name', width: 10, required: true },
  { header: '工作单位', key: 'organisation', width: 30, required: true },
  { header: '单位统一社会信用代码', key: 'organisationUscc', width: 22 },
  { header: '职称', key: 'title', width: 12 },
  { header: '专业领域', key: 'field', width: 14 },
  { header: '联系电话', key: 'phone', width: 15 },
  { header: '申报回避单位（多个用“、”分隔）', key: 'declaredConflicts', width: 30 },
  { header: '状态', key: 'status', width: 8 },
];

export async function renderExpertRosterXlsx(input: {
  experts: readonly Expert[];
  bureauName: string;
  generatedOn: string;
}): Promise<Buffer> {
  const wb = buildRoster({
    sheetName: EXPERT_SHEET,
    title: '产业知识产权中心认定评审专家名册',
    subtitle: `${input.bureauName}\u3000${input.generatedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)}\u3000共${input.experts.length}人`,
    columns: COLUMNS.map(({ required: _r, ...c }) => c),
    rows: input.experts.map((e, i) => ({
      no: i + 1,
      name: e.name,
      organisation: e.organisation,
      organisationUscc: e.organisationUscc ?? '',
      title: e.title,
      field: e.field,
      phone: e.phone,
      declaredConflicts: e.declaredConflicts.join('、'),
      status: e.retired ? '已退出' : '在库',
    })),
    orientation: 'landscape',
  });
  return workbookToBuffer(wb);
}

export interface ImportedExpert {
  row: number;
  name: string;
  organisation: string;
  organisationUscc?: string;
  title: string;
  field: string;
  phone: string;
  declaredConflicts: string[];
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'richText' in v)
    return (v as ExcelJS.CellRichTextValue).richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return '\u0000formula';
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim();
  return String(cell.text ?? '').trim();
}

const headerKey = (s: string) =>
  s
    .replace(/^[*＊]/, '')
    .replace(/\s+/g, '')
    .replace(/（.*$/, '')
    .replace(/\(.*$/, '');
const MAX_ROWS = 2000;

/** What a refusal for size should tell the user to do instead. */
export const EXPERT_IMPORT_SIZE_ADVICE = `请只保留“${EXPERT_SHEET}”表中的数据，删除多余的空行、空列、格式和其他工作表后另存；人数较多时拆分为多个文件（每个不超过${MAX_ROWS}人）分别导入。`;

/**
 * Read and check a filled expert roster. The file is bounded before and while reading (see
 * xlsx-read.ts: an oversized or bomb-like file is refused with DeskError FILE_REJECTED); rows are
 * streamed and the reading stops at the first expert past MAX_ROWS.
 */
export async function readExpertImport(
  data: Uint8Array,
  existing: ReadonlyMap<string, string>,
  fileName = '导入文件',
): Promise<{ rowsRead: number; rows: ImportedExpert[]; issues: ImportIssue[] }> {
  const fileIssue = (message: string): ImportIssue => ({ row: 0, column: '', columnLabel: '', message });
  const unreadable = () => ({
    rowsRead: 0,
    rows: [],
    issues: [fileIssue('无法读取该文件：不是有效的 Excel（.xlsx）文件或已损坏。请用“导出专家名册”得到的表格填写后再导入。')],
  });
  let book: XlsxBook;
  try {
    book = await openXlsx(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fileName, advice: EXPERT_IMPORT_SIZE_ADVICE });
  } catch (err) {
    if (err instanceof UnreadableXlsx) return unreadable();
    throw err;
  }
  try {
    const sheet = book.sheetNames.includes(EXPERT_SHEET) ? EXPERT_SHEET : book.sheetNames[0];
    if (!sheet) return { rowsRead: 0, rows: [], issues: [fileIssue('文件中没有工作表。')] };
    let headerRow = 0;
    const at = new Map<string, number>();
    const issues: ImportIssue[] = [];
    const rows: ImportedExpert[] = [];
    const seen = new Map<string, number>();
    let rowsRead = 0;
    const letter = (col: number) => String.fromCharCode(64 + col);
    await book.readSheet(sheet, (row) => {
      const r = row.number;
      if (!headerRow) {
        if (r > 5) return false;
        row.eachCell((cell, col) => {
          const key = headerKey(cellText(cell));
          const c = COLUMNS.find((x) => headerKey(x.header) === key);
          if (c && !at.has(c.key)) at.set(c.key, col);
        });
        if (at.has('name') && at.has('organisation')) headerRow = r;
        else at.clear();
        return;
      }
      const get = (key: string) => (at.has(key) ? cellText(row.getCell(at.get(key)!)) : '');
      const values = Object.fromEntries(COLUMNS.map((c) => [c.key, get(c.key)]));
      if (COLUMNS.every((c) => c.key === 'no' || c.key === 'status' || !values[c.key])) return;
      rowsRead++;
      if (rowsRead > MAX_ROWS) {
        issues.push(fileIssue(`一次最多导入${MAX_ROWS}位专家，请拆分后分批导入（第${r}行是第${rowsRead}位，已停止读取）。`));
        return false;
      }
      const problem = (key: string, message: string) => {
        const col = COLUMNS.find((c) => c.key === key)!;
        issues.push({
          row: r,
          column: at.has(key) ? letter(at.get(key)!) : '',
          columnLabel: col.header.replace(/（.*$/, ''),
          message: `第${r}行 ${col.header.replace(/（.*$/, '')}：${message}`,
        });
      };
      const before = issues.length;
      for (const c of COLUMNS) {
        if (values[c.key] === '\u0000formula') problem(c.key, '不能使用公式，请填写文字');
        else if (c.kind !== 'number' && c.key !== 'status') {
          const clean = cleanImportedText(values[c.key]!, c.header.replace(/（.*$/, ''), c.key === 'declaredConflicts');
          if (clean.ok) values[c.key] = clean.value;
          else problem(c.key, clean.message);
        }
      }
      if (issues.length > before) return;
      const name = values.name!;
      const organisation = values.organisation!;
      if (name.length < 2 || name.length > 30) problem('name', name ? '姓名应为2至30个字' : '请填写姓名');
      if (organisation.length < 2 || organisation.length > 100)
        problem('organisation', organisation ? '工作单位应为2至100个字' : '请填写工作单位');
      let uscc: string | undefined;
      if (values.organisationUscc) {
        const check = checkUscc(values.organisationUscc);
        if (check.ok) uscc = check.value;
        else problem('organisationUscc', check.message);
      }
      const phone = values.phone!;
      if (phone && !PHONE_PATTERN.test(phone))
        problem('phone', `“${phone}”不是有效的电话号码：请填写11位手机号，或带区号的座机号（如 0591-87654321）`);
      for (const k of ['title', 'field'] as const) if (values[k]!.length > 50) problem(k, '不超过50个字');
      const declared = values
        .declaredConflicts!.split(/[、，,;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (declared.some((d) => d.length < 2 || d.length > 100)) problem('declaredConflicts', '每个回避单位应为2至100个字，多个用“、”分隔');
      const identity = expertIdentity(name, organisation);
      if (existing.has(identity))
        problem('name', `专家“${name}”（${organisation}）已在专家库中（编号 ${existing.get(identity)}），请删去该行或改为修改已有专家`);
      else if (seen.has(identity)) problem('name', `与第${seen.get(identity)}行重复`);
      seen.set(identity, r);
      if (issues.length > before) return;
      rows.push({
        row: r,
        name,
        organisation,
        ...(uscc ? { organisationUscc: uscc } : {}),
        title: values.title!,
        field: values.field!,
        phone,
        declaredConflicts: declared,
      });
    });
    if (!headerRow)
      return {
        rowsRead: 0,
        rows: [],
        issues: [fileIssue('前5行中找不到“姓名”“工作单位”表头。请用“导出专家名册”得到的表格填写，不要改动表头。')],
      };
    return { rowsRead, rows, issues };
  } catch (err) {
    if (err instanceof UnreadableXlsx) return unreadable();
    throw err;
  } finally {
    book.close();
  }
}

/** Two experts are the same person when name and (normalised) organisation match. */
export function expertIdentity(name: string, organisation: string): string {
  return `${name.replace(/\s+/g, '')}|${normaliseOrgName(organisation)}`;
}
