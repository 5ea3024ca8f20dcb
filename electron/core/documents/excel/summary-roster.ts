/**
 * 年度工作总结汇总表 (Excel): one row per center that owes (or has) a summary of the year: name, host
 * unit, district, industry, the submission date (or 未提交), the nine indicators with their units,
 * and a totals row (SUM formulas with their results stored, so any reader sees the numbers).
 */
import { INDICATORS, type AnnualSummary } from '../../contract/centers/annual.js';
import type { Center } from '../../contract/designation.js';
import { formatChineseDate } from '../../domain/batches.js';
import { buildRoster, setText, workbookToBuffer, type RosterColumn, type RosterValue } from './style.js';

export interface SummaryRosterRow {
  center: Pick<Center, 'name' | 'hostUnit' | 'district' | 'industry'>;
  summary: Pick<AnnualSummary, 'submittedOn' | 'indicators'> | null;
}

export interface SummaryRosterInput {
  year: number;
  rows: SummaryRosterRow[];
  bureauName: string;
  /** YYYY-MM-DD */
  generatedOn: string;
  /** Due date of the year's summaries (printed in the subtitle), YYYY-MM-DD. */
  dueOn?: string;
}

export const NOT_SUBMITTED = '未提交';
export const summaryRosterTitle = (year: number): string => `${year}年度产业知识产权协同保护与运营中心工作总结汇总表`;

export const SUMMARY_ROSTER_COLUMNS: RosterColumn[] = [
  { header: '序号', key: 'no', width: 6, kind: 'number' },
  { header: '中心名称', key: 'name', width: 34 },
  { header: '依托单位', key: 'hostUnit', width: 26 },
  { header: '县（市）区', key: 'district', width: 10 },
  { header: '产业', key: 'industry', width: 12 },
  { header: '提交日期', key: 'submittedOn', width: 15, kind: 'date' },
  ...INDICATORS.map((i): RosterColumn => ({
    header: `${i.label}（${i.unit}）`,
    key: i.key,
    width: i.label.length > 8 ? 14 : 11,
    kind: 'number',
  })),
];

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export async function renderSummaryRosterXlsx(input: SummaryRosterInput): Promise<Buffer> {
  const title = summaryRosterTitle(input.year);
  const submitted = input.rows.filter((r) => r.summary).length;
  const subtitleParts = [
    `制表单位：${input.bureauName}`,
    ...(input.dueOn ? [`报送截止：${formatChineseDate(input.dueOn)}`] : []),
    `应报${input.rows.length}个，已报${submitted}个，未报${input.rows.length - submitted}个`,
    `生成日期：${formatChineseDate(input.generatedOn)}`,
  ];
  const rows = input.rows.map((r, i): Record<string, RosterValue> => ({
    no: i + 1,
    name: r.center.name,
    hostUnit: r.center.hostUnit,
    district: r.center.district,
    industry: r.center.industry,
    submittedOn: r.summary?.submittedOn ?? null,
    ...Object.fromEntries(INDICATORS.map((ind) => [ind.key, r.summary ? r.summary.indicators[ind.key] : null])),
  }));
  const wb = buildRoster({
    sheetName: `${input.year}年度工作总结`,
    title,
    subtitle: subtitleParts.join('\u3000\u3000'),
    columns: SUMMARY_ROSTER_COLUMNS,
    rows,
    orientation: 'landscape',
  });
  const ws = wb.worksheets[0]!;
  const headerRow = 3; // title, subtitle, header
  const firstData = headerRow + 1;
  const lastData = headerRow + rows.length;
  const dateCol = SUMMARY_ROSTER_COLUMNS.findIndex((c) => c.key === 'submittedOn') + 1;

  input.rows.forEach((r, i) => {
    const row = ws.getRow(firstData + i);
    if (!r.summary) {
      const cell = row.getCell(dateCol);
      cell.value = NOT_SUBMITTED;
      cell.font = { name: '宋体', size: 11, color: { argb: 'FFC00000' } };
    }
    INDICATORS.forEach((ind, k) => {
      if (ind.decimals > 0) row.getCell(dateCol + 1 + k).numFmt = '0.00';
    });
  });

  // 合计 row: SUM formulas with their results, so the file reads right even unopened by Excel.
  const totals = ws.getRow(lastData + 1);
  ws.mergeCells(lastData + 1, 1, lastData + 1, dateCol);
  const label = totals.getCell(1);
  setText(label, `合计（已报${submitted}个）`);
  INDICATORS.forEach((ind, k) => {
    const col = dateCol + 1 + k;
    const sum = input.rows.reduce((s, r) => s + (r.summary ? r.summary.indicators[ind.key] : 0), 0);
    const result = ind.decimals > 0 ? Math.round(sum * 100) / 100 : sum;
    const cell = totals.getCell(col);
    cell.value = rows.length > 0 ? { formula: `SUM(${colLetter(col)}${firstData}:${colLetter(col)}${lastData})`, result } : 0;
    if (ind.decimals > 0) cell.numFmt = '0.00';
  });
  for (let c = 1; c <= SUMMARY_ROSTER_COLUMNS.length; c++) {
    const cell = totals.getCell(c);
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  }

  wb.title = title;
  wb.company = input.bureauName;
  const created = new Date(`${input.generatedOn.slice(0, 10)}T00:00:00Z`);
  wb.created = created;
  wb.modified = created;
  return workbookToBuffer(wb);
}
